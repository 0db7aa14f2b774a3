import { describe, expect, it } from 'vitest';
import { byNextUrl, byPageNumber, OagenError, paginate, PagePromise } from '../../templates/runtime/index.js';
import type { OperationSpec, PaginationSpec } from '../../templates/runtime/types.js';
import { testClient } from './helpers.js';
// the fake APIs, shared with the TanStack Query plugin's test of the same walks
import { all, api, arthurList, cursorStops, listOp, num, offsetList, openaiList, queries } from './pagination-fixtures.js';

async function items<T>(p: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of p) out.push(x);
  return out;
}

describe('cursor pagination', () => {
  // OpenAI admin lists: `after` + `limit`, `has_more`, `last_id`
  const openai = openaiList;

  it('nextCursor field + hasMore: walks every item; later pages change only the cursor', async () => {
    const f = openai();
    const spec: PaginationSpec = { kind: 'cursor', param: 'after', items: 'data', hasMore: 'has_more', nextCursor: 'last_id' };
    const p = paginate<{ data: { id: string }[] }, { id: string }>(testClient(f), listOp('after', 'limit'), spec, { limit: 3, 'X-Org': 'o1' });
    expect(p).toBeInstanceOf(PagePromise);
    expect((await items(p)).map((x) => x.id)).toEqual(all.map((x) => x.id));
    expect(queries(f)).toEqual(['?limit=3', '?after=it_3&limit=3', '?after=it_6&limit=3']);
    expect(f.calls.every((c) => c.headers['x-org'] === 'o1')).toBe(true);
  });

  it('itemCursor: the last item gives the cursor while hasMore is true', async () => {
    const f = openai();
    const spec: PaginationSpec = { kind: 'cursor', param: 'after', items: 'data', hasMore: 'has_more', itemCursor: 'id' };
    expect(await items(paginate(testClient(f), listOp('after', 'limit'), spec, { limit: 4 }))).toHaveLength(7);
    expect(queries(f)).toEqual(['?limit=4', '?after=it_4&limit=4']);
  });

  it('awaiting gives the first page only; pages() walks the pages; each iteration starts over', async () => {
    const f = openai();
    const spec: PaginationSpec = { kind: 'cursor', param: 'after', items: 'data', hasMore: 'has_more', nextCursor: 'last_id' };
    const p = paginate<{ data: unknown[]; has_more: boolean }, unknown>(testClient(f), listOp('after', 'limit'), spec, { limit: 5 });
    const first = await p;
    expect(first.data).toHaveLength(5);
    expect(f.calls).toHaveLength(1);
    const { response } = await p.withResponse();
    expect(response.status).toBe(200);
    const sizes: number[] = [];
    for await (const page of p.pages()) sizes.push(page.data.length);
    expect(sizes).toEqual([5, 2]);
    expect(f.calls).toHaveLength(2); // the first page is not fetched again
    expect(await items(p)).toHaveLength(7);
    expect(f.calls).toHaveLength(3);
  });

  it('stops early when the consumer breaks: no further page is requested', async () => {
    const f = openai();
    const spec: PaginationSpec = { kind: 'cursor', param: 'after', items: 'data', hasMore: 'has_more', nextCursor: 'last_id' };
    for await (const x of paginate<unknown, { id: string }>(testClient(f), listOp('after', 'limit'), spec, { limit: 2 })) {
      if (x.id === 'it_3') break;
    }
    expect(f.calls).toHaveLength(2);
  });

  for (const s of cursorStops) {
    it(`stops on ${s.name}`, async () => {
      const f = api(() => s.body);
      const spec = { kind: 'cursor', param: 'cursor', items: 'data', ...s.spec } as PaginationSpec;
      await items(paginate(testClient(f), listOp('cursor'), spec, {}));
      expect(f.calls).toHaveLength(1);
    });
  }

  it('stops when the server repeats the cursor (no endless loop)', async () => {
    const f = api(() => ({ data: [{ id: 'a' }], next: 'same' }));
    const spec: PaginationSpec = { kind: 'cursor', param: 'cursor', items: 'data', nextCursor: 'next' };
    expect(await items(paginate(testClient(f), listOp('cursor'), spec, {}))).toHaveLength(2);
    expect(f.calls).toHaveLength(2);
  });

  it('dotted paths and renamed parameters (ParamSpec.key)', async () => {
    const f = api((url) =>
      url.searchParams.get('page_token') ? { result: { items: [3] }, meta: {} } : { result: { items: [1, 2] }, meta: { next: 't2' } },
    );
    const op: OperationSpec = { method: 'GET', path: '/n', params: [{ name: 'page_token', in: 'query', key: 'pageToken' }] };
    const spec: PaginationSpec = { kind: 'cursor', param: 'page_token', items: 'result.items', nextCursor: 'meta.next' };
    expect(await items(paginate(testClient(f), op, spec, { pageToken: undefined }))).toEqual([1, 2, 3]);
    expect(queries(f)).toEqual(['', '?page_token=t2']);
  });
});

describe('page-number pagination', () => {
  // Arthur's list users: `page` (from 1) + `page_size`, `total_pages`
  const arthur = arthurList;

  it('increments the page until total_pages', async () => {
    const f = arthur();
    const spec: PaginationSpec = { kind: 'page', param: 'page', sizeParam: 'page_size', items: 'records', totalPages: 'total_pages', next: byPageNumber };
    expect(await items(paginate(testClient(f), listOp('page', 'page_size', 'search'), spec, { page_size: 3, search: 'a' }))).toEqual(all);
    expect(queries(f)).toEqual(['?page_size=3&search=a', '?page=2&page_size=3&search=a', '?page=3&page_size=3&search=a']);
  });

  it('starts from the caller page', async () => {
    const f = arthur();
    const spec: PaginationSpec = { kind: 'page', param: 'page', sizeParam: 'page_size', items: 'records', totalPages: 'total_pages', next: byPageNumber };
    expect(await items(paginate(testClient(f), listOp('page', 'page_size'), spec, { page: 2, page_size: 3 }))).toEqual(all.slice(3));
    expect(f.calls).toHaveLength(2);
  });

  it('without totals: stops on a short page (page size from the request, else the first page)', async () => {
    const f = arthur();
    const spec: PaginationSpec = { kind: 'page', param: 'page', sizeParam: 'page_size', items: 'records', next: byPageNumber };
    expect(await items(paginate(testClient(f), listOp('page', 'page_size'), spec, { page_size: 2 }))).toEqual(all);
    expect(f.calls).toHaveLength(4); // 2 + 2 + 2 + 1
    const g = arthur();
    expect(await items(paginate(testClient(g), listOp('page', 'page_size'), spec, {}))).toEqual(all);
    expect(g.calls).toHaveLength(3); // 3 + 3 + 1
  });

  it('without totals: stops on an empty page', async () => {
    const f = api((url) => ({ records: num(url, 'page', 1) <= 2 ? [1, 2] : [] }));
    expect(await items(paginate(testClient(f), listOp('page'), { kind: 'page', param: 'page', items: 'records', next: byPageNumber }, {}))).toEqual([1, 2, 1, 2]);
    expect(f.calls).toHaveLength(3);
  });

  it('totalItems and a 0-based start', async () => {
    const f = api((url) => ({ records: all.slice(num(url, 'p', 0) * 3, num(url, 'p', 0) * 3 + 3), total: all.length }));
    const spec: PaginationSpec = { kind: 'page', param: 'p', items: 'records', totalItems: 'total', start: 0, next: byPageNumber };
    expect(await items(paginate(testClient(f), listOp('p'), spec, {}))).toEqual(all);
    expect(queries(f)).toEqual(['', '?p=1', '?p=2']);
  });
});

describe('offset pagination', () => {
  const offsets = offsetList;

  it('advances the offset by the items received, until the total', async () => {
    const f = offsets();
    const spec: PaginationSpec = { kind: 'offset', param: 'offset', limitParam: 'limit', items: 'items', totalItems: 'total', next: byPageNumber };
    expect(await items(paginate(testClient(f), listOp('offset', 'limit'), spec, { limit: 3 }))).toEqual(all);
    expect(queries(f)).toEqual(['?limit=3', '?offset=3&limit=3', '?offset=6&limit=3']);
  });

  it('without a total: stops on a short page', async () => {
    const f = offsets();
    expect(await items(paginate(testClient(f), listOp('offset', 'limit'), { kind: 'offset', param: 'offset', limitParam: 'limit', items: 'items', next: byPageNumber }, { limit: 4 }))).toEqual(all);
    expect(f.calls).toHaveLength(2);
  });
});

describe('url pagination', () => {
  it('follows a next URL from the body (relative or absolute), keeping header params and auth', async () => {
    const f = api((url) => {
      const n = num(url, 'n', 1);
      return { results: [n], next: n === 1 ? '/v1/items?n=2' : n === 2 ? 'https://api.test/v1/items?n=3' : null };
    });
    const client = testClient(f, { auth: { QueryKey: 'k' } });
    const op = { ...listOp('q'), security: [['QueryKey']] };
    expect(await items(paginate(client, op, { kind: 'url', nextUrl: 'next', items: 'results', next: byNextUrl }, { q: 'x', 'X-Org': 'o' }))).toEqual([1, 2, 3]);
    expect(f.calls.map((c) => c.url)).toEqual([
      'https://api.test/v1/items?q=x&api_key=k',
      'https://api.test/v1/items?n=2&api_key=k',
      'https://api.test/v1/items?n=3&api_key=k',
    ]);
    expect(f.calls.every((c) => c.headers['x-org'] === 'o')).toBe(true);
  });

  it('follows the Link header rel="next"', async () => {
    const f = api(
      (url) => ({ results: [num(url, 'page', 1)] }),
      (url) =>
        num(url, 'page', 1) < 3
          ? { link: `<https://api.test/v1/items?page=1>; rel="first", <https://api.test/v1/items?page=${num(url, 'page', 1) + 1}>; rel="next"` }
          : { link: '<https://api.test/v1/items?page=1>; rel="first"' },
    );
    expect(await items(paginate(testClient(f), listOp(), { kind: 'url', nextUrl: 'link', items: 'results', next: byNextUrl }, {}))).toEqual([1, 2, 3]);
  });

  it('finds a field named with a dot by its whole name (`@odata.nextLink`), and dotted paths still walk', async () => {
    const f = api((url) => {
      const n = num(url, 'n', 1);
      return { value: [n], '@odata.nextLink': n < 3 ? `https://api.test/v1/items?n=${n + 1}` : undefined, page: { next: null } };
    });
    expect(await items(paginate(testClient(f), listOp(), { kind: 'url', nextUrl: '@odata.nextLink', items: 'value', next: byNextUrl }, {}))).toEqual([1, 2, 3]);
    const g = api((url) => {
      const n = num(url, 'n', 1);
      return { value: [n], meta: { next: n < 2 ? '/v1/items?n=2' : null } };
    });
    expect(await items(paginate(testClient(g), listOp(), { kind: 'url', nextUrl: 'meta.next', items: 'value', next: byNextUrl }, {}))).toEqual([1, 2]);
  });

  it('refuses a next URL on another origin (credentials would follow it)', async () => {
    const f = api(() => ({ results: [1], next: 'https://evil.test/steal' }));
    const err = await items(paginate(testClient(f), listOp(), { kind: 'url', nextUrl: 'next', items: 'results', next: byNextUrl }, {})).catch((e) => e);
    expect(err).toBeInstanceOf(OagenError);
    expect(f.calls).toHaveLength(1);
  });
});

describe('pagination: cycles end the walk', () => {
  it('cursor cycle a → b → a', async () => {
    const f = api((url) => ({ data: [1], next: url.searchParams.get('c') === 'a' ? 'b' : 'a' }));
    expect(await items(paginate(testClient(f), listOp('c'), { kind: 'cursor', param: 'c', items: 'data', nextCursor: 'next' }, {}))).toHaveLength(3);
    expect(queries(f)).toEqual(['', '?c=a', '?c=b']);
  });

  it('url cycle (fetch implementations without response.url too)', async () => {
    const f = api((url) => ({ results: [1], next: url.searchParams.get('p') === '2' ? '/v1/items?p=3' : '/v1/items?p=2' }));
    expect(await items(paginate(testClient(f), listOp(), { kind: 'url', nextUrl: 'next', items: 'results', next: byNextUrl }, {}))).toHaveLength(3);
    expect(f.calls).toHaveLength(3);
  });
});
