/**
 * The fake paginated APIs of the runtime's pagination tests (test/runtime/pagination.test.ts),
 * one per case: every kind (cursor, page number, offset, next URL in the body, `Link` header)
 * and every way a walk ends (a flag, a missing or empty cursor, a short or empty page, a total,
 * a cycle). test/plugins/tanstack-query/pagination.test.ts walks each with `paginate` and with
 * the TanStack infinite query, which must request exactly the same pages.
 */
import { byNextUrl, byPageNumber } from '../../templates/runtime/index.js';
import type { OperationSpec, PaginationSpec } from '../../templates/runtime/types.js';
import { fakeFetch, json } from './helpers.js';

export const listOp = (...query: string[]): OperationSpec => ({
  method: 'GET',
  path: '/items',
  // `location:name` strings, as generated code writes parameters without a key or style
  params: [...query.map((name) => `query:${name}` as const), 'header:X-Org'],
});

/** A fake API; `page(url)` returns the JSON body for a request URL. */
export function api(page: (url: URL) => unknown, headers?: (url: URL) => Record<string, string>) {
  return fakeFetch((req) => {
    const url = new URL(req.url);
    return json(page(url), { headers: headers?.(url) ?? {} });
  });
}
export const all = Array.from({ length: 7 }, (_, i) => ({ id: `it_${i + 1}` }));
export const num = (url: URL, name: string, fallback: number) => Number(url.searchParams.get(name) ?? fallback);
export const queries = (f: ReturnType<typeof fakeFetch>) => f.calls.map((c) => new URL(c.url).search);

/** OpenAI admin lists: `after` + `limit`, `has_more`, `last_id`. */
export const openaiList = () =>
  api((url) => {
    const after = url.searchParams.get('after');
    const start = after ? all.findIndex((x) => x.id === after) + 1 : 0;
    const data = all.slice(start, start + num(url, 'limit', 3));
    return { object: 'list', data, first_id: data[0]?.id, last_id: data.at(-1)?.id, has_more: start + data.length < all.length };
  });

/** Arthur's list users: `page` (from 1) + `page_size`, `total_pages`. */
export const arthurList = () =>
  api((url) => {
    const page = num(url, 'page', 1);
    const size = num(url, 'page_size', 3);
    return { records: all.slice((page - 1) * size, page * size), page, page_size: size, total_pages: Math.ceil(all.length / size), total_count: all.length };
  });

/** `offset` + `limit`, `total`. */
export const offsetList = () => api((url) => ({ items: all.slice(num(url, 'offset', 0), num(url, 'offset', 0) + num(url, 'limit', 3)), total: all.length }));

export interface PaginationCase {
  name: string;
  op: OperationSpec;
  spec: PaginationSpec;
  params: Record<string, unknown>;
  api: () => ReturnType<typeof fakeFetch>;
  /** how many requests the walk makes */
  requests: number;
}

/** Cursor pages that end a walk: each one the last page (shared with test/runtime/pagination.test.ts). */
export const cursorStops: { name: string; body: unknown; spec: Partial<PaginationSpec> }[] = [
  { name: 'hasMore false', body: { data: [{ id: 'a' }], has_more: false, next: 'n' }, spec: { hasMore: 'has_more', nextCursor: 'next' } },
  { name: 'hasMore missing', body: { data: [{ id: 'a' }], next: 'n' }, spec: { hasMore: 'has_more', nextCursor: 'next' } },
  { name: 'no items', body: { data: [], has_more: true, next: 'n' }, spec: { hasMore: 'has_more', nextCursor: 'next' } },
  { name: 'no cursor', body: { data: [{ id: 'a' }], next: null }, spec: { nextCursor: 'next' } },
  { name: 'empty cursor', body: { data: [{ id: 'a' }], next: '' }, spec: { nextCursor: 'next' } },
  { name: 'item without cursor field', body: { data: [{ x: 1 }], has_more: true }, spec: { hasMore: 'has_more', itemCursor: 'id' } },
];

export const PAGINATION_CASES: PaginationCase[] = [
  // cursor
  { name: 'cursor: nextCursor field + hasMore', op: listOp('after', 'limit'), spec: { kind: 'cursor', param: 'after', items: 'data', hasMore: 'has_more', nextCursor: 'last_id' }, params: { limit: 3, 'X-Org': 'o1' }, api: openaiList, requests: 3 },
  { name: 'cursor: itemCursor while hasMore', op: listOp('after', 'limit'), spec: { kind: 'cursor', param: 'after', items: 'data', hasMore: 'has_more', itemCursor: 'id' }, params: { limit: 4 }, api: openaiList, requests: 2 },
  { name: 'cursor: a page of exactly the rest', op: listOp('after', 'limit'), spec: { kind: 'cursor', param: 'after', items: 'data', hasMore: 'has_more', nextCursor: 'last_id' }, params: { limit: 7 }, api: openaiList, requests: 1 },
  ...cursorStops.map((s): PaginationCase => ({ name: `cursor: stops on ${s.name}`, op: listOp('cursor'), spec: { kind: 'cursor', param: 'cursor', items: 'data', ...s.spec } as PaginationSpec, params: {}, api: () => api(() => s.body), requests: 1 })),
  { name: 'cursor: the server repeats the cursor', op: listOp('cursor'), spec: { kind: 'cursor', param: 'cursor', items: 'data', nextCursor: 'next' }, params: {}, api: () => api(() => ({ data: [{ id: 'a' }], next: 'same' })), requests: 2 },
  { name: 'cursor: cycle a → b → a', op: listOp('c'), spec: { kind: 'cursor', param: 'c', items: 'data', nextCursor: 'next' }, params: {}, api: () => api((url) => ({ data: [1], next: url.searchParams.get('c') === 'a' ? 'b' : 'a' })), requests: 3 },
  {
    name: 'cursor: dotted paths and a renamed parameter (ParamSpec.key)',
    op: { method: 'GET', path: '/n', params: [{ name: 'page_token', in: 'query', key: 'pageToken' }] },
    spec: { kind: 'cursor', param: 'page_token', items: 'result.items', nextCursor: 'meta.next' },
    params: { pageToken: undefined },
    api: () => api((url) => (url.searchParams.get('page_token') ? { result: { items: [3] }, meta: {} } : { result: { items: [1, 2] }, meta: { next: 't2' } })),
    requests: 2,
  },
  // page number
  { name: 'page: until total_pages', op: listOp('page', 'page_size', 'search'), spec: { kind: 'page', param: 'page', sizeParam: 'page_size', items: 'records', totalPages: 'total_pages', next: byPageNumber }, params: { page_size: 3, search: 'a' }, api: arthurList, requests: 3 },
  { name: 'page: from the caller page', op: listOp('page', 'page_size'), spec: { kind: 'page', param: 'page', sizeParam: 'page_size', items: 'records', totalPages: 'total_pages', next: byPageNumber }, params: { page: 2, page_size: 3 }, api: arthurList, requests: 2 },
  { name: 'page: no totals, short page (requested size)', op: listOp('page', 'page_size'), spec: { kind: 'page', param: 'page', sizeParam: 'page_size', items: 'records', next: byPageNumber }, params: { page_size: 2 }, api: arthurList, requests: 4 },
  { name: "page: no totals, short page (the first page's size)", op: listOp('page', 'page_size'), spec: { kind: 'page', param: 'page', sizeParam: 'page_size', items: 'records', next: byPageNumber }, params: {}, api: arthurList, requests: 3 },
  { name: 'page: no totals, empty page', op: listOp('page'), spec: { kind: 'page', param: 'page', items: 'records', next: byPageNumber }, params: {}, api: () => api((url) => ({ records: num(url, 'page', 1) <= 2 ? [1, 2] : [] })), requests: 3 },
  { name: 'page: totalItems and a 0-based start', op: listOp('p'), spec: { kind: 'page', param: 'p', items: 'records', totalItems: 'total', start: 0, next: byPageNumber }, params: {}, api: () => api((url) => ({ records: all.slice(num(url, 'p', 0) * 3, num(url, 'p', 0) * 3 + 3), total: all.length })), requests: 3 },
  // offset
  { name: 'offset: until the total', op: listOp('offset', 'limit'), spec: { kind: 'offset', param: 'offset', limitParam: 'limit', items: 'items', totalItems: 'total', next: byPageNumber }, params: { limit: 3 }, api: offsetList, requests: 3 },
  { name: 'offset: no total, short page', op: listOp('offset', 'limit'), spec: { kind: 'offset', param: 'offset', limitParam: 'limit', items: 'items', next: byPageNumber }, params: { limit: 4 }, api: offsetList, requests: 2 },
  // next URL in the body
  {
    name: 'url: relative then absolute next URL in the body',
    op: listOp('q'),
    spec: { kind: 'url', nextUrl: 'next', items: 'results', next: byNextUrl },
    params: { q: 'x', 'X-Org': 'o' },
    api: () =>
      api((url) => {
        const n = num(url, 'n', 1);
        return { results: [n], next: n === 1 ? '/v1/items?n=2' : n === 2 ? 'https://api.test/v1/items?n=3' : null };
      }),
    requests: 3,
  },
  {
    name: 'url: a field named with a dot (@odata.nextLink)',
    op: listOp(),
    spec: { kind: 'url', nextUrl: '@odata.nextLink', items: 'value', next: byNextUrl },
    params: {},
    api: () =>
      api((url) => {
        const n = num(url, 'n', 1);
        return { value: [n], '@odata.nextLink': n < 3 ? `https://api.test/v1/items?n=${n + 1}` : undefined, page: { next: null } };
      }),
    requests: 3,
  },
  {
    name: 'url: a dotted path (meta.next)',
    op: listOp(),
    spec: { kind: 'url', nextUrl: 'meta.next', items: 'value', next: byNextUrl },
    params: {},
    api: () =>
      api((url) => {
        const n = num(url, 'n', 1);
        return { value: [n], meta: { next: n < 2 ? '/v1/items?n=2' : null } };
      }),
    requests: 2,
  },
  { name: 'url: a cycle of next URLs', op: listOp(), spec: { kind: 'url', nextUrl: 'next', items: 'results', next: byNextUrl }, params: {}, api: () => api((url) => ({ results: [1], next: url.searchParams.get('p') === '2' ? '/v1/items?p=3' : '/v1/items?p=2' })), requests: 3 },
  // Link header
  {
    name: 'link: rel="next" of the Link header',
    op: listOp(),
    spec: { kind: 'url', nextUrl: 'link', items: 'results', next: byNextUrl },
    params: {},
    api: () =>
      api(
        (url) => ({ results: [num(url, 'page', 1)] }),
        (url) =>
          num(url, 'page', 1) < 3
            ? { link: `<https://api.test/v1/items?page=1>; rel="first", <https://api.test/v1/items?page=${num(url, 'page', 1) + 1}>; rel="next"` }
            : { link: '<https://api.test/v1/items?page=1>; rel="first"' },
      ),
    requests: 3,
  },
  {
    name: 'link: a bare array body',
    op: listOp('per_page'),
    spec: { kind: 'url', nextUrl: 'link', items: '', next: byNextUrl },
    params: { per_page: 3 },
    api: () =>
      api(
        (url) => all.slice((num(url, 'page', 1) - 1) * 3, num(url, 'page', 1) * 3),
        (url): Record<string, string> => (num(url, 'page', 1) * 3 < all.length ? { link: `<https://api.test/v1/items?page=${num(url, 'page', 1) + 1}&per_page=3>; rel="next"` } : {}),
      ),
    requests: 3,
  },
];
