/**
 * Pagination detection (src/view/pagination.ts), rule by rule: what each kind of list in real
 * specs is detected as, and what stays a plain request.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/diagnostics.js';
import { detectPagination } from '../../src/view/pagination.js';
import { loadIR } from '../../src/generate.js';
import type { ApiIR, PaginationInfo, Schema } from '../../src/ir/types.js';

const json = (schema: object, headers?: object) => ({
  description: 'ok',
  ...(headers ? { headers } : {}),
  content: { 'application/json': { schema } },
});
const q = (name: string, type = 'string') => ({ name, in: 'query', schema: { type } });
const list = (props: object) => ({ type: 'object', properties: props });
const itemsOf = (ref: string) => ({ type: 'array', items: { $ref: `#/components/schemas/${ref}` } });

const OPS: Record<string, { method?: string; parameters?: object[]; response: object; extensions?: object }> = {
  // OpenAI's admin lists
  openaiCursor: { parameters: [q('after'), q('limit', 'integer')], response: json(list({ data: itemsOf('Item'), has_more: { type: 'boolean' }, last_id: { type: 'string' } })) },
  nextCursorField: { parameters: [q('cursor')], response: json(list({ items: itemsOf('Item'), next_cursor: { type: 'string' } })) },
  hasMoreWithIds: { parameters: [q('starting_after')], response: json(list({ data: itemsOf('Item'), has_more: { type: 'boolean' } })) },
  // OpenAI's usage API: a string `page` is a cursor
  stringPage: { parameters: [q('page')], response: json(list({ data: itemsOf('Item'), next_page: { type: 'string' } })) },
  // Arthur's users list
  pageNumbers: { parameters: [q('page', 'integer'), q('page_size', 'integer')], response: json(list({ records: itemsOf('Item'), pagination: list({ total_pages: { type: 'integer' } }) })) },
  // GitHub's lists: a Link header, a bare array or an items array
  linkArray: { parameters: [q('per_page', 'integer'), q('page', 'integer')], response: json(itemsOf('Item'), { Link: { schema: { type: 'string' } } }) },
  linkObject: { parameters: [q('per_page', 'integer')], response: json(list({ total_count: { type: 'integer' }, workflow_runs: itemsOf('Item') }), { link: { schema: { type: 'string' } } }) },
  // Slack's lists: the next cursor one level down
  slackCursor: { parameters: [q('cursor'), q('limit', 'integer')], response: json(list({ ok: { type: 'boolean' }, channels: itemsOf('Item'), response_metadata: list({ next_cursor: { type: 'string' } }) })) },
  // JSON:API's links.next, and a next-page URL one level down
  jsonApiLinks: { parameters: [q('page[size]', 'integer')], response: json(list({ data: itemsOf('Item'), links: list({ self: { type: 'string' }, next: { type: ['string', 'null'] } }) })) },
  nestedNextUrl: { parameters: [q('per_page', 'integer')], response: json(list({ data: itemsOf('Item'), meta: list({ next_page_url: { type: 'string' } }) })) },
  // Microsoft Graph's lists, Django REST framework's limit/offset lists
  odataNextLink: { parameters: [q('$top', 'integer'), q('$skip', 'integer')], response: json(list({ '@odata.count': { type: 'integer' }, '@odata.nextLink': { type: 'string' }, value: itemsOf('Item') })) },
  nextUri: { parameters: [q('limit', 'integer'), q('offset', 'integer')], response: json(list({ next: { type: 'string', format: 'uri' }, results: itemsOf('Item') })) },
  speakeasyCursor: {
    parameters: [q('token')],
    response: json(list({ results: itemsOf('Item'), meta: list({ next: { type: 'string' } }) })),
    extensions: { 'x-speakeasy-pagination': { type: 'cursor', inputs: [{ name: 'token', in: 'parameters', type: 'cursor' }], outputs: { results: '$.results', nextCursor: '$.meta.next' } } },
  },
  speakeasyOffset: {
    parameters: [q('offset', 'integer'), q('limit', 'integer')],
    response: json(list({ rows: itemsOf('Item') })),
    extensions: { 'x-speakeasy-pagination': { type: 'offsetLimit', inputs: [{ name: 'offset', in: 'parameters', type: 'offset' }, { name: 'limit', in: 'parameters', type: 'limit' }], outputs: { results: '$.rows' } } },
  },
  msPageable: {
    parameters: [q('api-version')],
    response: json(list({ 'odata.nextLink': { type: 'string' }, filesystems: itemsOf('Item') })),
    extensions: { 'x-ms-pageable': { nextLinkName: 'odata.nextLink', itemName: 'filesystems' } },
  },
  msPageableNoNextLink: { response: json(list({ value: itemsOf('Item') })), extensions: { 'x-ms-pageable': { nextLinkName: null } } },
  msPageableOnPost: { method: 'post', response: json(list({ value: itemsOf('Item'), nextLink: { type: 'string' } })), extensions: { 'x-ms-pageable': { nextLinkName: 'nextLink' } } },
  fernCursor: {
    parameters: [q('starting_after')],
    response: json(list({ data: itemsOf('Item'), next: { type: 'string' } })),
    extensions: { 'x-fern-pagination': { cursor: '$request.starting_after', next_cursor: '$response.next', results: '$response.data' } },
  },
  // plain requests
  noCursorField: { parameters: [q('after')], response: json(list({ data: itemsOf('Item') })) },
  pageWithoutTotals: { parameters: [q('page', 'integer')], response: json(list({ data: itemsOf('Item') })) },
  arrayWithoutLink: { parameters: [q('page', 'integer')], response: json(itemsOf('Item')) },
  linkOnPost: { method: 'post', response: json(itemsOf('Item'), { Link: { schema: { type: 'string' } } }) },
  linkWithoutItems: { response: json(list({ name: { type: 'string' } }), { Link: { schema: { type: 'string' } } }) },
  nextNotAUri: { parameters: [q('limit', 'integer')], response: json(list({ next: { type: 'string' }, results: itemsOf('Item') })) },
};

const SPEC = {
  openapi: '3.1.0',
  info: { title: 'P', version: '1.0.0' },
  paths: Object.fromEntries(
    Object.entries(OPS).map(([id, op]) => [
      `/${id}`,
      { [op.method ?? 'get']: { operationId: id, parameters: op.parameters ?? [], responses: { '200': op.response }, ...(op.extensions ?? {}) } },
    ]),
  ),
  components: { schemas: { Item: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } } } },
};

let ir: ApiIR;
let schemas: Map<string, Schema>;
const detect = (id: string, override?: PaginationInfo | false) => {
  const op = ir.operations.find((o) => o.operationId === id)!;
  return detectPagination(op, schemas as never, override);
};

beforeAll(async () => {
  ir = await loadIR('pagination.json', { diagnostics: new Diagnostics(), text: JSON.stringify(SPEC) });
  schemas = new Map(ir.schemas.map((n) => [n.id, n.schema]));
});

describe('pagination detection', () => {
  it.each<[string, PaginationInfo]>([
    ['openaiCursor', { kind: 'cursor', param: 'after', items: 'data', hasMore: 'has_more', nextCursor: 'last_id' }],
    ['nextCursorField', { kind: 'cursor', param: 'cursor', items: 'items', nextCursor: 'next_cursor' }],
    ['hasMoreWithIds', { kind: 'cursor', param: 'starting_after', items: 'data', hasMore: 'has_more', itemCursor: 'id' }],
    ['stringPage', { kind: 'cursor', param: 'page', items: 'data', nextCursor: 'next_page' }],
    ['pageNumbers', { kind: 'page', param: 'page', items: 'records', sizeParam: 'page_size', totalPages: 'pagination.total_pages' }],
    ['linkArray', { kind: 'url', nextUrl: 'link', items: '' }],
    ['linkObject', { kind: 'url', nextUrl: 'link', items: 'workflow_runs' }],
    ['slackCursor', { kind: 'cursor', param: 'cursor', items: 'channels', nextCursor: 'response_metadata.next_cursor' }],
    ['jsonApiLinks', { kind: 'url', nextUrl: 'links.next', items: 'data' }],
    ['nestedNextUrl', { kind: 'url', nextUrl: 'meta.next_page_url', items: 'data' }],
    ['odataNextLink', { kind: 'url', nextUrl: '@odata.nextLink', items: 'value' }],
    ['nextUri', { kind: 'url', nextUrl: 'next', items: 'results' }],
    ['speakeasyCursor', { kind: 'cursor', param: 'token', items: 'results', nextCursor: 'meta.next' }],
    ['speakeasyOffset', { kind: 'offset', param: 'offset', items: 'rows', limitParam: 'limit' }],
    ['msPageable', { kind: 'url', nextUrl: 'odata.nextLink', items: 'filesystems' }],
    ['fernCursor', { kind: 'cursor', param: 'starting_after', items: 'data', nextCursor: 'next' }],
  ])('%s', (id, info) => {
    const found = detect(id);
    expect(found?.info).toEqual(info);
    expect(found?.item.kind).toBe('ref');
  });

  it.each(['noCursorField', 'pageWithoutTotals', 'arrayWithoutLink', 'linkOnPost', 'linkWithoutItems', 'nextNotAUri', 'msPageableNoNextLink', 'msPageableOnPost'])('%s is a plain request', (id) => {
    expect(detect(id)).toBeUndefined();
  });

  it('the config override wins, and `false` turns detection off', () => {
    expect(detect('linkArray', false)).toBeUndefined();
    expect(detect('linkArray', { kind: 'page', param: 'page', items: '', sizeParam: 'per_page' })?.info).toEqual({ kind: 'page', param: 'page', items: '', sizeParam: 'per_page' });
    expect(detect('openaiCursor', { kind: 'cursor', param: 'after', items: 'missing' })).toBeUndefined();
  });
});
