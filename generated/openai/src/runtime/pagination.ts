/**
 * Paginated list operations: awaiting gives the first page; `for await` walks every item of
 * every page; `pages()` walks the pages. Later pages are fetched only when iteration reaches them.
 * Cursor pagination is built in; page-number, offset and next-URL pagination are strategies the
 * spec references (`next: byPageNumber`), so a list bundles only the one it uses.
 */
import { baseUrlOf } from './build.js';
import type { Client } from './client.js';
import { OagenError } from './errors.js';
import { ApiPromise, decode, type RequestOptions } from './request.js';
import { send, type Decode, type Sent } from './send.js';
import type { OperationSpec, PaginationSpec, ParamSpec } from './types.js';

export class PagePromise<Page, Item> extends ApiPromise<Page> implements AsyncIterable<Item> {
  readonly #pages: (first: ApiPromise<Page>) => AsyncGenerator<Page, void, undefined>;
  readonly #items: (page: Page) => Item[];

  /** @internal */
  constructor(
    run: (decode: Decode) => Promise<Sent>,
    parse: (sent: Sent) => Promise<Page>,
    pages: (first: ApiPromise<Page>) => AsyncGenerator<Page, void, undefined>,
    items: (page: Page) => Item[],
  ) {
    super(run, parse);
    this.#pages = pages;
    this.#items = items;
  }

  /** Every page, starting with this one. */
  pages(): AsyncGenerator<Page, void, undefined> {
    return this.#pages(this);
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Item, void, undefined> {
    for await (const page of this.pages()) yield* this.#items(page);
  }
}

/** The page just read, as a pagination strategy sees it. */
export interface PageState {
  data: unknown;
  /** its items (never empty: an empty page ends the walk before the strategy is asked) */
  items: unknown[];
  /** its response (what next-URL pagination reads: the `Link` header, the URL it came from) */
  response: Pick<Response, 'url' | 'headers'>;
  /** the params it was requested with, by key */
  values: Record<string, unknown>;
  /** the key in `values` of a query parameter (its `ParamSpec.key` when renamed) */
  key(name: string): string;
  /** `METHOD /path`, for messages */
  readonly where: string;
  /** the call's base URL (to resolve a relative next URL when `response.url` is empty) */
  readonly baseUrl: string;
  /** page size for short-page detection, kept across pages: the requested one, else the first page's */
  size?: number;
}

/**
 * Value at a dotted path (`data`, `meta.next_cursor`); an empty path is the value itself, and a
 * field named with a dot (`@odata.nextLink`) is found by its whole name first.
 */
const get = (value: any, path: string): unknown => (path ? (value?.[path] ?? path.split('.').reduce((v, k) => v?.[k], value)) : value);

/** The items of a page (at the spec's `items` path), or none. */
export function pageItems(spec: PaginationSpec, page: unknown): unknown[] {
  const items = get(page, spec.items);
  return Array.isArray(items) ? items : [];
}

/**
 * Cursor pagination (the default strategy): the `nextCursor` field, else the last item's
 * `itemCursor` field, while `hasMore` (when given) is true.
 */
export function byCursor(spec: Extract<PaginationSpec, { kind: 'cursor' }>, { data, items }: PageState): unknown {
  if (!spec.hasMore || get(data, spec.hasMore)) return spec.nextCursor ? get(data, spec.nextCursor) : spec.itemCursor && get(items.at(-1), spec.itemCursor);
  return undefined;
}

/**
 * Page-number and offset pagination: the next page number (or the offset after the items
 * received), until a short page or a reached total (of pages or items).
 */
export function byPageNumber(spec: Extract<PaginationSpec, { kind: 'page' | 'offset' }>, state: PageState): unknown {
  const { data, items, values } = state;
  const page = spec.kind == 'page';
  const sizeParam = page ? spec.sizeParam : spec.limitParam;
  state.size ||= Number(sizeParam && values[state.key(sizeParam)]) || items.length;
  const start = page ? (spec.start ?? 1) : 0;
  const at = Number(values[state.key(spec.param)] ?? start);
  // items fetched up to and including this page, assuming every page before it was full
  const fetched = page ? (at - start) * state.size + items.length : at + items.length;
  const totalPages = page && spec.totalPages ? Number(get(data, spec.totalPages)) : NaN;
  const totalItems = spec.totalItems ? Number(get(data, spec.totalItems)) : NaN;
  if (items.length < state.size || at - start + 1 >= totalPages || fetched >= totalItems) return undefined;
  return page ? at + 1 : at + items.length;
}

/**
 * Next-URL pagination: a response field holds the next page's URL, or the `Link` header's
 * `rel="next"` target (RFC 8288) when `nextUrl` is `"link"`. Relative URLs resolve against the
 * page just read. Credentials go with the request, so a URL on another origin is refused.
 */
export function byNextUrl(spec: Extract<PaginationSpec, { kind: 'url' }>, { data, response, where, baseUrl }: PageState): unknown {
  let next: unknown;
  if (spec.nextUrl != 'link') next = get(data, spec.nextUrl);
  else {
    for (const part of response.headers.get('link')?.split(/,(?=\s*<)/) ?? []) {
      const m = /^\s*<([^>]*)>(.*)$/.exec(part);
      if (m && /;\s*rel\s*=\s*"?[^";]*\bnext\b/i.test(m[2]!)) next ??= m[1];
    }
  }
  if (typeof next != 'string' || !next) return undefined;
  const here = new URL(response.url || baseUrl + '/'); // the page just read
  const url = new URL(next, here);
  if (url.origin != here.origin) throw new OagenError(`${where}: the next page is on another origin`);
  return url.href;
}

/**
 * The pagination value of the page after the one in `state` (a cursor, page number, offset or
 * URL), or undefined when that page is the last: it has no items, the strategy finds no next
 * page, or the next one was already requested (`seen`: a cycle). `paginate` walks pages with it,
 * and so does the TanStack Query plugin's `getNextPageParam`.
 */
export function nextPageParam(spec: PaginationSpec, state: PageState, seen: { has(value: unknown): boolean }): unknown {
  if (state.items.length) {
    const next = (spec.next ?? byCursor)(spec as never, state);
    if (next != null && next !== '' && !seen.has(next)) return next;
  }
  return undefined;
}

/**
 * Calls a paginated operation. The first page uses the caller's `params`; each later page
 * changes only the pagination parameter (or, for `url` pagination, requests the next URL).
 * Iteration stops on an empty page, when the strategy finds no next page, or on a cursor or
 * URL already requested (a cycle).
 */
export function paginate<Page, Item>(
  client: Client,
  op: OperationSpec,
  pagination: PaginationSpec,
  params: object | undefined,
  options?: RequestOptions,
): PagePromise<Page, Item> {
  const spec = pagination;
  const parse = (sent: Sent) => decode(sent, op.response) as Promise<Page>;
  const itemsOf = (page: unknown) => pageItems(spec, page) as Item[];
  // only a ParamSpec object can rename (`key`); a 'location:name' string never does
  const key = (name: string) => op.params?.find((p): p is ParamSpec => typeof p != 'string' && p.in == 'query' && p.name == name)?.key ?? name;

  async function* pages(first: ApiPromise<Page>): AsyncGenerator<Page, void, undefined> {
    const state = { values: { ...params }, key, where: `${op.method} ${op.path}`, baseUrl: baseUrlOf(client, op, { ...options }) } as PageState;
    const seen = new Set<unknown>(); // cursors and URLs already requested: a cycle ends the walk
    let current = first;
    let url: string | undefined;
    for (;;) {
      const { data, response } = await current.withResponse();
      yield data;
      Object.assign(state, { data, items: itemsOf(data), response });
      if (spec.kind != 'url') seen.add(state.values[key(spec.param)]);
      const next = nextPageParam(spec, state, seen);
      if (next == null) return;
      seen.add(next);
      if (spec.kind == 'url') url = next as string;
      else state.values = { ...state.values, [key(spec.param)]: next };
      const values = state.values;
      const pageOptions = { ...options, url };
      current = new ApiPromise((read) => send(client, op, values, pageOptions, read), parse);
    }
  }

  return new PagePromise<Page, Item>((read) => send(client, op, params, options, read), parse, pages, itemsOf);
}
