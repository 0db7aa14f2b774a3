/**
 * What the TanStack Query option factories of this package (`<package>/query`) share: their
 * types, typed query keys, the query's `signal` passed to the call, and infinite queries whose
 * next page is decided by the runtime's own pagination rule (`nextPageParam`, the one `for
 * await` walks pages with). Only types come from `@tanstack/query-core`: nothing here runs
 * TanStack code, so the same objects work with every adapter (React, Vue, Solid, Svelte, Angular).
 */
import type { DataTag, GetNextPageParamFunction, InfiniteData, MutationFunction, QueryFunction, QueryKey } from '@tanstack/query-core';
import type { Client, PagePromise, PaginationSpec, RequestOptions } from '../runtime/index.js';
import { nextPageParam, pageItems, type PageState } from '../runtime/pagination.js';
import type { SendOptions } from '../runtime/send.js';

/** `{ queryKey, queryFn }` for `useQuery`, `queryClient.fetchQuery`, … of any TanStack Query v5 adapter. */
export interface QueryOptions<Data, Key extends QueryKey> {
  queryKey: DataTag<Key, Data>;
  queryFn: QueryFunction<Data, Key>;
}

/**
 * One page of an infinite query: the response body (`data`) and its items, whatever the path
 * to them in the body. Next-URL pagination also keeps the URL the page came from and its
 * `Link` header, which say where the next page is.
 */
export interface InfinitePage<Page, Item> {
  data: Page;
  items: Item[];
  url?: string;
  link?: string;
}

/** `{ queryKey, queryFn, initialPageParam, getNextPageParam }` for `useInfiniteQuery` and the like. */
export interface InfiniteQueryOptions<Page, Item, PageParam, Key extends QueryKey> {
  queryKey: DataTag<Key, InfiniteData<InfinitePage<Page, Item>, PageParam>>;
  queryFn: QueryFunction<InfinitePage<Page, Item>, Key, PageParam>;
  initialPageParam: PageParam;
  getNextPageParam: GetNextPageParamFunction<PageParam, InfinitePage<Page, Item>>;
}

/** `{ mutationKey, mutationFn }` for `useMutation` and the like. */
export interface MutationOptions<Data, Params> {
  mutationKey: QueryKey;
  mutationFn: MutationFunction<Data, Params>;
}

/** @internal A query key, tagged with the type of its data (so `getQueryData(key)` is typed). */
export function queryKey<const Key extends QueryKey, Data>(key: Key): DataTag<Key, Data> {
  return key as DataTag<Key, Data>;
}

/**
 * @internal The call's options with the query's signal (so TanStack can cancel it); a signal of
 * the caller's own still applies where `AbortSignal.any` exists.
 */
function withSignal(options: RequestOptions | undefined, signal: AbortSignal): RequestOptions {
  const own = options?.signal;
  return { ...options, signal: own && typeof AbortSignal.any == 'function' ? AbortSignal.any([own, signal]) : signal };
}

/** @internal Options of a query calling an operation. */
export function queryOptions<Data, Key extends QueryKey>(
  key: DataTag<Key, Data>,
  options: RequestOptions | undefined,
  call: (options: RequestOptions) => PromiseLike<Data>,
): QueryOptions<Data, Key> {
  return { queryKey: key, queryFn: ({ signal }) => Promise.resolve(call(withSignal(options, signal))) };
}

/** @internal Options of a mutation calling an operation. */
export function mutationOptions<Data, Params>(key: QueryKey, call: (params: Params) => PromiseLike<Data>): MutationOptions<Data, Params> {
  return { mutationKey: key, mutationFn: (params) => Promise.resolve(call(params)) };
}

/**
 * @internal Options of an infinite query over a paginated operation. The first page is
 * requested with `params`, each later one with the page param the runtime's rule gave (the
 * cursor, page number or offset in its parameter, or the next URL itself), and
 * `getNextPageParam` asks that same rule (`nextPageParam`) about the last page: the query ends
 * exactly where `for await` over the operation ends.
 *
 * `site.where` is the operation's `METHOD /path` (for messages); `site.keys` maps a spec
 * parameter name to its key in `Params` where the two differ.
 */
export function infiniteQueryOptions<Params, Page, Item, PageParam, Key extends QueryKey>(
  key: DataTag<Key, InfiniteData<InfinitePage<Page, Item>, PageParam>>,
  pagination: PaginationSpec,
  client: Client,
  params: Params,
  options: RequestOptions | undefined,
  call: (client: Client, params: Params, options: RequestOptions) => PagePromise<Page, Item>,
  site: { where: string; keys?: Readonly<Record<string, string>> },
): InfiniteQueryOptions<Page, Item, PageParam, Key> {
  const spec = pagination;
  const keyOf = (name: string) => site.keys?.[name] ?? name;
  // the page param's key in `params` (next-URL pagination has none: the URL is the page param)
  const param = spec.kind == 'url' ? undefined : keyOf(spec.param);
  const paramsAt = (pageParam: unknown): Params =>
    param === undefined || pageParam === undefined ? params : ({ ...params, [param]: pageParam } as Params);

  /** The page as the runtime's strategies read it. */
  const stateOf = (page: InfinitePage<Page, Item>, pageParam: unknown): PageState => ({
    data: page.data,
    items: page.items,
    response: { url: page.url ?? '', headers: new Headers(page.link ? { link: page.link } : undefined) },
    values: { ...(paramsAt(pageParam) as Record<string, unknown> | undefined) },
    key: keyOf,
    where: site.where,
    baseUrl: (options?.baseUrl ?? client.baseUrl).replace(/\/+$/, ''),
  });

  return {
    queryKey: key,
    initialPageParam: (param === undefined ? undefined : (params as Record<string, unknown> | undefined)?.[param]) as PageParam,
    async queryFn({ pageParam, signal }) {
      const callOptions = withSignal(options, signal);
      // a next URL replaces the operation's path and query (operation functions hand their
      // options to `paginate`, which hands them to `send`)
      const sendOptions: SendOptions = param === undefined && pageParam !== undefined ? { ...callOptions, url: pageParam as string } : callOptions;
      const { data, response } = await call(client, paramsAt(pageParam), sendOptions).withResponse();
      const page: InfinitePage<Page, Item> = { data, items: pageItems(spec, data) as Item[] };
      if (spec.kind == 'url') {
        page.url = response.url;
        const link = response.headers.get('link');
        if (link) page.link = link;
      }
      return page;
    },
    getNextPageParam(lastPage, allPages, lastPageParam, allPageParams) {
      // a next URL the runtime refuses (another origin: credentials would follow it) ends the
      // query, as it ends the walk
      try {
        const state = stateOf(lastPage, lastPageParam);
        if (allPages.length > 1) {
          // what the walk keeps from its first page (the page size, for short-page detection)
          const first = stateOf(allPages[0]!, allPageParams[0]);
          nextPageParam(spec, first, { has: () => false });
          if (first.size !== undefined) state.size = first.size;
        }
        // a page param already requested is a cycle, as for `for await`
        return nextPageParam(spec, state, { has: (value) => allPageParams.includes(value as PageParam) }) as PageParam | undefined;
      } catch {
        return undefined;
      }
    },
  };
}
