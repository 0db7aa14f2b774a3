/**
 * Infinite queries end exactly where the runtime's pagination ends: every case of the runtime's
 * pagination tests (test/runtime/pagination-fixtures.ts: cursor, page number, offset, next URL,
 * `Link` header; flags, short and empty pages, totals, cycles) is walked twice over the same
 * fake API, with `for await` over `paginate` and with a real `@tanstack/query-core`
 * InfiniteQueryObserver fetching next pages while `hasNextPage`: the same requests, in the same
 * order, the same items, and no next page after the last.
 */
import { InfiniteQueryObserver, QueryClient, type InfiniteQueryObserverResult } from '@tanstack/query-core';
import { describe, expect, it } from 'vitest';
import { paginate, type PagePromise } from '../../../templates/runtime/index.js';
import type { ParamSpec } from '../../../templates/runtime/types.js';
import { infiniteQueryOptions, queryKey, queryOptions, type InfinitePage } from '../../../templates/tanstack-query/runtime.js';
import { testClient } from '../../runtime/helpers.js';
import { api, openaiList, PAGINATION_CASES, type PaginationCase } from '../../runtime/pagination-fixtures.js';

/** The infinite query options of a case, as generated code builds them. */
function optionsOf(c: PaginationCase, client: ReturnType<typeof testClient>) {
  const keys = Object.fromEntries((c.op.params ?? []).filter((p): p is ParamSpec => typeof p !== 'string' && !!p.key).map((p) => [p.name, p.key!]));
  return infiniteQueryOptions(
    queryKey<readonly unknown[], never>(['test', c.name, c.params, 'infinite']),
    c.spec,
    client,
    c.params,
    undefined,
    (cl, params, options) => paginate(cl, c.op, c.spec, params, options) as PagePromise<unknown, unknown>,
    { where: `${c.op.method} ${c.op.path}`, keys },
  );
}

async function walkInfinite(c: PaginationCase, fetch: ReturnType<typeof api>) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const observer = new InfiniteQueryObserver(queryClient, optionsOf(c, testClient(fetch)) as never);
  let result = (await observer.refetch()) as InfiniteQueryObserverResult;
  const seen = [result.data];
  while (result.hasNextPage) {
    result = await observer.fetchNextPage();
    if (result.isError) throw result.error;
    seen.push(result.data);
    if (seen.length > 20) throw new Error('the infinite query does not end');
  }
  if (result.isError) throw result.error;
  queryClient.clear();
  const data = result.data as unknown as { pages: InfinitePage<unknown, unknown>[] };
  return { pages: data.pages, hasNextPage: result.hasNextPage };
}

async function walkRuntime(c: PaginationCase, fetch: ReturnType<typeof api>) {
  const items: unknown[] = [];
  for await (const item of paginate(testClient(fetch), c.op, c.spec, c.params)) items.push(item);
  return items;
}

describe('getNextPageParam ends exactly where the runtime ends', () => {
  it.each(PAGINATION_CASES.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    const runtimeFetch = c.api();
    const runtimeItems = await walkRuntime(c, runtimeFetch);
    const queryFetch = c.api();
    const { pages, hasNextPage } = await walkInfinite(c, queryFetch);
    expect(runtimeFetch.calls).toHaveLength(c.requests);
    expect(queryFetch.calls.map((r) => `${r.method} ${r.url}`)).toEqual(runtimeFetch.calls.map((r) => `${r.method} ${r.url}`));
    expect(queryFetch.calls.map((r) => r.headers)).toEqual(runtimeFetch.calls.map((r) => r.headers));
    expect(pages.flatMap((p) => p.items)).toEqual(runtimeItems);
    expect(hasNextPage).toBe(false);
  });

  it('every kind is covered', () => {
    const kinds = new Set(PAGINATION_CASES.map((c) => (c.spec.kind === 'url' && c.spec.nextUrl === 'link' ? 'link' : c.spec.kind)));
    expect([...kinds].sort()).toEqual(['cursor', 'link', 'offset', 'page', 'url']);
  });
});

describe('infinite query pages', () => {
  it('are { data, items }, with page params from the runtime, and the first from the caller', async () => {
    const c = PAGINATION_CASES[0]!;
    const { pages } = await walkInfinite(c, openaiList());
    expect(pages.map((p) => (p.data as { data: { id: string }[] }).data.map((x) => x.id))).toEqual([
      ['it_1', 'it_2', 'it_3'],
      ['it_4', 'it_5', 'it_6'],
      ['it_7'],
    ]);
    expect(pages.map((p) => p.items)).toEqual(pages.map((p) => (p.data as { data: unknown[] }).data));
    const options = optionsOf({ ...c, params: { after: 'it_2', limit: 3 } }, testClient(openaiList()));
    expect(options.initialPageParam).toBe('it_2');
  });

  it('a next URL on another origin ends the query (the runtime refuses it too), without requesting it', async () => {
    const c: PaginationCase = { ...PAGINATION_CASES.find((x) => x.spec.kind === 'url')!, params: {} };
    const f = api(() => ({ results: [1], next: 'https://evil.test/steal' }));
    const { pages, hasNextPage } = await walkInfinite(c, f);
    expect(pages).toHaveLength(1);
    expect(hasNextPage).toBe(false);
    expect(f.calls).toHaveLength(1);
  });
});

describe('the query signal', () => {
  it('reaches the call: cancelling the query aborts the request', async () => {
    let aborted: Promise<unknown> | undefined;
    const f = api(() => ({}));
    const hanging = Object.assign(
      async (input: RequestInfo | URL, init?: RequestInit) => {
        const request = new Request(input, init);
        aborted = new Promise((resolve) => request.signal.addEventListener('abort', () => resolve(request.signal.reason)));
        return new Promise<Response>((_, reject) => request.signal.addEventListener('abort', () => reject(request.signal.reason)));
      },
      { calls: f.calls },
    ) as typeof f;
    const c = PAGINATION_CASES[0]!;
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const options = optionsOf(c, testClient(hanging));
    const fetching = queryClient.fetchInfiniteQuery(options as never).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 20));
    expect(aborted).toBeDefined();
    await queryClient.cancelQueries({ queryKey: options.queryKey });
    await expect(aborted).resolves.toBeDefined();
    await fetching;
  });

  it('a plain query passes its signal too, and a signal of the caller still applies', async () => {
    const signals: AbortSignal[] = [];
    const call = (options: { signal?: AbortSignal }) =>
      new Promise<string>((resolve, reject) => {
        signals.push(options.signal!);
        options.signal!.addEventListener('abort', () => reject(options.signal!.reason));
      });
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const key = queryKey<readonly unknown[], string>(['test', 'plain']);
    const fetching = queryClient.fetchQuery(queryOptions(key, undefined, call)).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 10));
    await queryClient.cancelQueries({ queryKey: key });
    expect(signals[0]!.aborted).toBe(true);
    await fetching;

    const own = new AbortController();
    const key2 = queryKey<readonly unknown[], string>(['test', 'own']);
    const fetching2 = queryClient.fetchQuery(queryOptions(key2, { signal: own.signal }, call)).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 10));
    expect(signals[1]!.aborted).toBe(false);
    own.abort(new Error('mine'));
    expect(signals[1]!.aborted).toBe(true);
    expect(await fetching2).toEqual(new Error('mine'));
    queryClient.clear();
  });
});
