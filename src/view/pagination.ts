/**
 * Pagination detection. In order, the first rule that applies wins:
 *
 * 1. the config's explicit override for the operation (`pagination` in oagen.config.json);
 * 2. `x-speakeasy-pagination` (type `cursor` or `offsetLimit`, JSONPath-like `$.field` outputs);
 * 3. `x-fern-pagination` (`cursor: $request.x`, `next_cursor: $response.y`, `results: $response.z`,
 *    or `offset: $request.page`), or on a GET, Azure's `x-ms-pageable` (`nextLinkName`, the
 *    field with the next page's URL; `itemName`, default `value`);
 * 4. cursor heuristics: a GET with a cursor-like query parameter (`after`, `cursor`,
 *    `starting_after`, `page_token`, `next_token`, `continuation_token`, …, or a `page`
 *    parameter that takes a string) whose JSON
 *    success body has an items array (`data`, `items`, `results`, `records`, or its only array)
 *    and a next-cursor field (`next_cursor`, `next`, `last_id`, `next_page`, `next_page_token`, …,
 *    top level or one level down: Slack's `response_metadata.next_cursor`) or a `has_more` flag
 *    with items that carry an `id`;
 * 5. page-number heuristics: a GET with a `page` query parameter, an items array, and a
 *    total-pages or total-items field (top level or under `pagination`/`meta`/`page_info`);
 * 6. `Link` header: a GET whose JSON success response declares a `Link` header (RFC 8288,
 *    as GitHub's lists do) and whose body is an array or has an items array: the next page is
 *    the `rel="next"` URL;
 * 7. next-page URL field: a GET whose body has an items array and a field holding the next
 *    page's URL (`@odata.nextLink`, as Microsoft Graph's lists have, `nextLink`, `next_url`,
 *    `next_page_url`, …, or a `next` string with `format: uri`, as Django REST framework
 *    writes), top level or one level down (`meta.next_page_url`), or JSON:API's `links.next`.
 *
 * Operations that match nothing are plain requests.
 */
import type { Operation, PaginationInfo, Schema, SchemaId } from '../ir/types.js';
import { resolveRef } from '../ir/walk.js';
import { isJson, successResponses } from './responses.js';

const CURSOR_PARAMS = ['after', 'cursor', 'starting_after', 'page_token', 'pageToken', 'next_token', 'nextToken', 'continuation_token', 'continuationToken', 'next_cursor', 'since_id'];
const NEXT_FIELDS = ['next_cursor', 'nextCursor', 'next_page_token', 'nextPageToken', 'next_token', 'nextToken', 'last_id', 'next_page', 'next'];
const HAS_MORE_FIELDS = ['has_more', 'hasMore', 'has_next', 'hasNext', 'has_next_page'];
const ITEM_FIELDS = ['data', 'items', 'results', 'records', 'values', 'entries', 'elements'];
const PAGE_PARAMS = ['page', 'page_number', 'pageNumber'];
const SIZE_PARAMS = ['page_size', 'pageSize', 'per_page', 'perPage', 'limit', 'size'];
const TOTAL_PAGES = ['total_pages', 'totalPages', 'page_count', 'pageCount', 'pages'];
const TOTAL_ITEMS = ['total_records', 'totalRecords', 'total_count', 'totalCount', 'total', 'total_items', 'totalItems', 'count'];
const NESTED = ['pagination', 'meta', 'page_info', 'pageInfo', 'paging', 'response_metadata'];
const NEXT_URL_FIELDS = ['@odata.nextLink', 'nextLink', 'next_link', 'nextUrl', 'next_url', 'nextPageUrl', 'next_page_url'];
/** fields that hold the next page's URL only when their schema says `format: uri` */
const NEXT_URI_FIELDS = ['next', 'next_page', 'nextPage'];

export interface PaginationResult {
  info: PaginationInfo;
  /** the schema of one item */
  item: Schema;
}

export function detectPagination(
  op: Operation,
  schemas: ReadonlyMap<SchemaId, Schema>,
  override?: PaginationInfo | false,
): PaginationResult | undefined {
  if (override === false) return undefined;
  const body = successBody(op, schemas);
  if (!body) return undefined;
  const fromExtension = override ?? speakeasy(op) ?? fern(op) ?? msPageable(op);
  if (fromExtension) {
    const item = itemsAt(body, fromExtension.items, schemas);
    return item ? { info: fromExtension, item } : undefined;
  }
  if (op.method !== 'GET') return undefined;
  const queryParams = op.parameters.filter((p) => p.in === 'query');
  const query = new Set(queryParams.map((p) => p.name));
  const items = findItems(body, schemas);
  if (!items) return undefined;

  // A `page` parameter that takes a string is a cursor (OpenAI's usage API: `page` + `next_page`).
  const stringPage = queryParams.find((p) => PAGE_PARAMS.includes(p.name) && resolveRef(p.schema, schemas).kind === 'string');
  const cursorParam = CURSOR_PARAMS.find((p) => query.has(p)) ?? stringPage?.name;
  if (cursorParam) {
    const next = nestedField(body, NEXT_FIELDS, schemas);
    const hasMore = HAS_MORE_FIELDS.find((f) => field(body, f, schemas));
    const itemId = field(resolveRef(items.item, schemas), 'id', schemas) ? 'id' : undefined;
    if (next || (hasMore && itemId)) {
      // OpenAI's lists: `after` + `has_more` + `last_id` (the cursor to pass next).
      const info: PaginationInfo = { kind: 'cursor', param: cursorParam, items: items.path };
      if (hasMore) info.hasMore = hasMore;
      if (next) info.nextCursor = next;
      else info.itemCursor = itemId;
      return { info, item: items.item };
    }
  }
  const pageParam = PAGE_PARAMS.find((p) => query.has(p));
  if (pageParam) {
    const totals = findTotals(body, schemas);
    if (totals.totalPages || totals.totalItems) {
      const info: PaginationInfo = { kind: 'page', param: pageParam, items: items.path };
      const size = SIZE_PARAMS.find((p) => query.has(p));
      if (size) info.sizeParam = size;
      if (totals.totalPages) info.totalPages = totals.totalPages;
      if (totals.totalItems) info.totalItems = totals.totalItems;
      return { info, item: items.item };
    }
  }
  if (linkHeader(op)) return { info: { kind: 'url', nextUrl: 'link', items: items.path }, item: items.item };
  const nextUrl = nestedField(body, NEXT_URL_FIELDS, schemas) ?? nextUri(body, schemas) ?? (isString(field(body, 'links', schemas), 'next', schemas) ? 'links.next' : undefined);
  if (nextUrl) return { info: { kind: 'url', nextUrl, items: items.path }, item: items.item };
  return undefined;
}

/** The path of the first of `names` in `body`, or one level down in a NESTED object (`meta.next`). */
function nestedField(body: Schema, names: readonly string[], schemas: ReadonlyMap<SchemaId, Schema>): string | undefined {
  const top = names.find((f) => field(body, f, schemas));
  if (top) return top;
  for (const n of NESTED) {
    const nested = field(body, n, schemas);
    const found = nested && names.find((f) => field(nested, f, schemas));
    if (found) return `${n}.${found}`;
  }
  return undefined;
}

/** A top-level `next`-like string field with `format: uri`. */
function nextUri(body: Schema, schemas: ReadonlyMap<SchemaId, Schema>): string | undefined {
  return NEXT_URI_FIELDS.find((f) => {
    const t = field(body, f, schemas);
    const s = t && resolveRef(t, schemas);
    return s?.kind === 'string' && s.format === 'uri';
  });
}

/** `s` is an object whose field `name` is a string (or a nullable one). */
function isString(s: Schema | undefined, name: string, schemas: ReadonlyMap<SchemaId, Schema>): boolean {
  const f = s && field(s, name, schemas);
  const t = f && resolveRef(f, schemas);
  return t?.kind === 'string' || (t?.kind === 'union' && t.members.some((m) => resolveRef(m, schemas).kind === 'string'));
}

/** The JSON body of the first success response that has one, when it is an object or an array. */
function successBody(op: Operation, schemas: ReadonlyMap<SchemaId, Schema>): Schema | undefined {
  for (const r of successResponses(op)) {
    const c = r.contents.find((x) => isJson(x.mediaType));
    if (c) {
      const s = resolveRef(c.schema, schemas);
      if (s.kind === 'object' || s.kind === 'array') return s;
    }
  }
  return undefined;
}

/** A success response with a JSON body declares a `Link` header. */
function linkHeader(op: Operation): boolean {
  return successResponses(op).some((r) => r.contents.some((c) => isJson(c.mediaType)) && r.headers.some((h) => h.name.toLowerCase() === 'link'));
}

function field(s: Schema, name: string, schemas: ReadonlyMap<SchemaId, Schema>): Schema | undefined {
  const o = resolveRef(s, schemas);
  if (o.kind !== 'object') return undefined;
  return o.properties.find((p) => p.name === name)?.schema;
}

/** The items array of a page: the body itself (path `''`), or one of its array fields. */
function findItems(body: Schema, schemas: ReadonlyMap<SchemaId, Schema>): { path: string; item: Schema } | undefined {
  const o = resolveRef(body, schemas);
  if (o.kind === 'array') return { path: '', item: o.items };
  if (o.kind !== 'object') return undefined;
  const arrays = o.properties.filter((p) => resolveRef(p.schema, schemas).kind === 'array');
  const chosen = ITEM_FIELDS.map((n) => arrays.find((p) => p.name === n)).find(Boolean) ?? (arrays.length === 1 ? arrays[0] : undefined);
  if (!chosen) return undefined;
  const arr = resolveRef(chosen.schema, schemas);
  return arr.kind === 'array' ? { path: chosen.name, item: arr.items } : undefined;
}

function itemsAt(body: Schema, path: string, schemas: ReadonlyMap<SchemaId, Schema>): Schema | undefined {
  let s: Schema | undefined = body;
  for (const part of path ? path.split('.') : []) {
    if (!s) return undefined;
    s = field(s, part, schemas);
  }
  if (!s) return undefined;
  const arr = resolveRef(s, schemas);
  return arr.kind === 'array' ? arr.items : undefined;
}

function findTotals(body: Schema, schemas: ReadonlyMap<SchemaId, Schema>): { totalPages?: string; totalItems?: string } {
  const at = (s: Schema, prefix: string) => ({
    totalPages: TOTAL_PAGES.find((f) => field(s, f, schemas)),
    totalItems: TOTAL_ITEMS.find((f) => field(s, f, schemas)),
    prefix,
  });
  let found = at(body, '');
  if (!found.totalPages && !found.totalItems) {
    for (const n of NESTED) {
      const nested = field(body, n, schemas);
      if (!nested) continue;
      found = at(nested, `${n}.`);
      if (found.totalPages || found.totalItems) break;
    }
  }
  return {
    ...(found.totalPages ? { totalPages: found.prefix + found.totalPages } : {}),
    ...(found.totalItems ? { totalItems: found.prefix + found.totalItems } : {}),
  };
}

/** `$.data`, `$response.data`, `$.meta.next` → `data`, `meta.next`. */
function jsonPath(p: unknown): string | undefined {
  if (typeof p !== 'string') return undefined;
  return p.replace(/^\$(response|request)?\.?/, '').replace(/^body\./, '') || undefined;
}

function speakeasy(op: Operation): PaginationInfo | undefined {
  const x = op.extensions['x-speakeasy-pagination'] as Record<string, unknown> | undefined;
  if (!x || typeof x !== 'object') return undefined;
  const inputs = Array.isArray(x.inputs) ? (x.inputs as Record<string, unknown>[]) : [];
  const outputs = (x.outputs ?? {}) as Record<string, unknown>;
  const items = jsonPath(outputs.results);
  if (!items) return undefined;
  const input = (type: string) => inputs.find((i) => i && i.type === type && typeof i.name === 'string')?.name as string | undefined;
  if (x.type === 'cursor') {
    const param = input('cursor');
    const next = jsonPath(outputs.nextCursor);
    if (!param) return undefined;
    return { kind: 'cursor', param, items, ...(next ? { nextCursor: next } : { itemCursor: 'id' }) };
  }
  if (x.type === 'offsetLimit') {
    const page = input('page');
    const offset = input('offset');
    const limit = input('limit');
    const total = jsonPath(outputs.numPages);
    if (page) return { kind: 'page', param: page, items, ...(limit ? { sizeParam: limit } : {}), ...(total ? { totalPages: total } : {}) };
    if (offset) return { kind: 'offset', param: offset, items, ...(limit ? { limitParam: limit } : {}) };
  }
  return undefined;
}

/** Azure's `x-ms-pageable`; only on a GET (a next link is fetched with GET). */
function msPageable(op: Operation): PaginationInfo | undefined {
  const x = op.extensions['x-ms-pageable'] as Record<string, unknown> | undefined;
  if (op.method !== 'GET' || !x || typeof x !== 'object' || typeof x.nextLinkName !== 'string' || !x.nextLinkName) return undefined;
  return { kind: 'url', nextUrl: x.nextLinkName, items: typeof x.itemName === 'string' && x.itemName ? x.itemName : 'value' };
}

function fern(op: Operation): PaginationInfo | undefined {
  const x = op.extensions['x-fern-pagination'] as Record<string, unknown> | undefined;
  if (!x || typeof x !== 'object') return undefined;
  const items = jsonPath(x.results);
  if (!items) return undefined;
  const cursor = jsonPath(x.cursor);
  if (cursor) {
    const next = jsonPath(x.next_cursor);
    return { kind: 'cursor', param: cursor, items, ...(next ? { nextCursor: next } : { itemCursor: 'id' }), ...(jsonPath(x.has_next_page) ? { hasMore: jsonPath(x.has_next_page) } : {}) };
  }
  const offset = jsonPath(x.offset);
  if (offset) {
    const step = jsonPath(x.step);
    return PAGE_PARAMS.includes(offset)
      ? { kind: 'page', param: offset, items, ...(step ? { sizeParam: step } : {}) }
      : { kind: 'offset', param: offset, items, ...(step ? { limitParam: step } : {}) };
  }
  return undefined;
}
