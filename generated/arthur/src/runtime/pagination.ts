/**
 * Paginated list operations: awaiting gives the first page; `for await` walks every item of
 * every page; `pages()` walks the pages. Later pages are fetched only when iteration reaches them.
 */
import type { Client } from './client.js';
import { OagenError } from './errors.js';
import { ApiPromise, decode, type RequestOptions } from './request.js';
import { send, type Decode, type Sent } from './send.js';
import type { OperationSpec, PaginationSpec } from './types.js';

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

/** Value at a dotted path (`data`, `meta.next_cursor`); an empty path is the value itself. */
const get = (value: unknown, path: string): unknown =>
  path ? path.split('.').reduce<any>((v, k) => v?.[k], value) : value;

/** The `rel="next"` target of an RFC 8288 `Link` header. */
function nextLink(header: string | null): string | undefined {
  for (const part of header?.split(/,(?=\s*<)/) ?? []) {
    const m = /^\s*<([^>]*)>(.*)$/.exec(part);
    if (m && /;\s*rel\s*=\s*"?[^";]*\bnext\b/i.test(m[2]!)) return m[1];
  }
  return undefined;
}

/**
 * Calls a paginated operation. The first page uses the caller's `params`; each later page
 * changes only the pagination parameter (or, for `url` pagination, requests the next URL).
 * Iteration stops on an empty page, a short page, a reached total, `hasMore: false`, or a
 * missing or already used cursor or URL.
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
  const itemsOf = (page: unknown): Item[] => {
    const items = get(page, spec.items);
    return Array.isArray(items) ? items : [];
  };
  // the key of a query parameter in `params` (ParamSpec.key when the emitter renamed it)
  const keyOf = (name: string | undefined) =>
    name && (op.params?.find((p) => p.in === 'query' && p.name === name)?.key ?? name);

  async function* pages(first: ApiPromise<Page>): AsyncGenerator<Page, void, undefined> {
    let values = { ...params } as Record<string, unknown>;
    let current = first;
    let size = 0; // page size for short-page detection: the requested one, else the first page's
    const seen = new Set<unknown>(); // cursors and URLs already requested: a cycle ends the walk
    for (;;) {
      const { data, response } = await current.withResponse();
      yield data;
      const items = itemsOf(data);
      if (!items.length) return;
      let url: string | undefined;
      if (spec.kind === 'url') {
        const next = spec.nextUrl === 'link' ? nextLink(response.headers.get('link')) : get(data, spec.nextUrl);
        if (typeof next !== 'string' || !next) return;
        const here = new URL(response.url || client.baseUrl + '/'); // the page just read
        url = new URL(next, here).href;
        // Credentials go with the request: never follow a next-page link to another origin.
        if (new URL(url).origin !== here.origin) {
          throw new OagenError(`${op.method} ${op.path}: the next page is on another origin`);
        }
        if (seen.has(url)) return;
        seen.add(url);
      } else {
        const key = keyOf(spec.param)!;
        let next: unknown;
        if (spec.kind === 'cursor') {
          if (spec.hasMore && !get(data, spec.hasMore)) return;
          next = spec.nextCursor ? get(data, spec.nextCursor) : spec.itemCursor && get(items.at(-1), spec.itemCursor);
          seen.add(values[key]);
          if (next == null || next === '' || seen.has(next)) return;
        } else {
          const sizeKey = keyOf(spec.kind === 'page' ? spec.sizeParam : spec.limitParam);
          size ||= Number(sizeKey && values[sizeKey]) || items.length;
          const start = spec.kind === 'page' ? (spec.start ?? 1) : 0;
          const at = Number(values[key] ?? start);
          // items fetched up to and including this page, assuming every page before it was full
          const fetched = spec.kind === 'page' ? (at - start) * size + items.length : at + items.length;
          const totalPages = spec.kind === 'page' && spec.totalPages ? Number(get(data, spec.totalPages)) : NaN;
          const totalItems = spec.totalItems ? Number(get(data, spec.totalItems)) : NaN;
          if (items.length < size || at - start + 1 >= totalPages || fetched >= totalItems) return;
          next = spec.kind === 'page' ? at + 1 : at + items.length;
        }
        values = { ...values, [key]: next };
      }
      const pageOptions = { ...options, url };
      current = new ApiPromise((read) => send(client, op, values, pageOptions, read), parse);
    }
  }

  return new PagePromise<Page, Item>((read) => send(client, op, params, options, read), parse, pages, itemsOf);
}
