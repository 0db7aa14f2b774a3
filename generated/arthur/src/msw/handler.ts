/**
 * One MSW request handler for one operation: what it answers (a resolver, a body, a
 * `{ status, body }`, or by default the operation's fake success body), and for paginated
 * operations pages that lead from one to the next: the fake cursor, page number, offset or
 * next URL of a page asks for the following one, and the last page (`pages`, default 3) ends
 * the iteration.
 */
import { http, HttpResponse, type HttpHandler, type HttpResponseResolver } from 'msw';
import { fake, schemas, type FakeSchema } from '../mocks/index.js';

/** What a handler factory takes: a resolver, the success body itself, or a status with an optional body. */
export type Reply<Body> = HttpResponseResolver | Body | ReplyInit;

export interface ReplyInit {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface HandlerOptions {
  /** the base URL the handlers answer on (default: the client's default base URL; `*` for any origin) */
  baseUrl?: string;
  /** seed of the fake bodies (default 1) */
  seed?: number;
  /** pages of a paginated operation (default 3) */
  pages?: number;
  /** items per page when the request does not say (default 2; a request asks for at most 1000) */
  pageSize?: number;
}

export type PaginationMock =
  | { kind: 'cursor'; param: string; items: string; hasMore?: string; nextCursor?: string; itemCursor?: string; size?: string }
  | { kind: 'page'; param: string; items: string; sizeParam?: string; totalPages?: string; totalItems?: string }
  | { kind: 'offset'; param: string; items: string; limitParam?: string; totalItems?: string }
  | { kind: 'url'; nextUrl: string; items: string };

/** An operation as its handler sees it (written by oagen in `msw/index.ts`). */
export interface MockOperation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete' | 'head' | 'options';
  /** the path, parameters as `:name` */
  path: string;
  /** the default base URL */
  server: string;
  status: number;
  kind: 'json' | 'text' | 'void' | 'blob';
  response?: FakeSchema;
  pagination?: PaginationMock;
  item?: FakeSchema;
}

const PAGE_QUERY = 'oagen_page';

export function handler(op: MockOperation, reply: unknown, options: HandlerOptions = {}): HttpHandler {
  const base = (options.baseUrl ?? op.server).replace(/\/+$/, '');
  const url = (base || '*') + op.path;
  const resolver: HttpResponseResolver =
    typeof reply === 'function'
      ? (reply as HttpResponseResolver)
      : ({ request }) => {
          if (isReplyInit(reply)) return respond(op, reply.status, reply.body, reply.headers);
          if (reply !== undefined) return respond(op, op.status, reply);
          const { body, headers } = fakeBody(op, new URL(request.url), options);
          return respond(op, op.status, body, headers);
        };
  return http[op.method](url, resolver);
}

function isReplyInit(v: unknown): v is ReplyInit {
  return typeof v === 'object' && v !== null && typeof (v as ReplyInit).status === 'number' && Object.keys(v).every((k) => k === 'status' || k === 'body' || k === 'headers');
}

function respond(op: MockOperation, status: number, body: unknown, headers?: Record<string, string>): Response {
  const init = headers ? { status, headers } : { status };
  if (body === undefined || op.kind === 'void' || status === 204 || status === 304) return new HttpResponse(null, init);
  if (op.kind === 'text' || typeof body === 'string' && op.kind !== 'json') return HttpResponse.text(String(body), init);
  if (body instanceof Blob) return new HttpResponse(body, init);
  return HttpResponse.json(body as never, init);
}

/** The default body: the fake success body, or for a paginated operation the page the request asks for. */
function fakeBody(op: MockOperation, url: URL, options: HandlerOptions): { body: unknown; headers?: Record<string, string> } {
  const seed = options.seed ?? 1;
  const p = op.pagination;
  if (!op.response) return { body: undefined };
  const item = op.item;
  if (!p || !item) return { body: fake(op.response, schemas, { seed }) };
  const pages = Math.max(1, options.pages ?? 3);
  const q = url.searchParams;
  const sizeParam = p.kind === 'page' ? p.sizeParam : p.kind === 'offset' ? p.limitParam : p.kind === 'cursor' ? 'limit' : undefined;
  const asked = Number(sizeParam && q.get(sizeParam));
  const size = asked >= 1 ? Math.min(Math.floor(asked), 1000) : Math.max(1, options.pageSize ?? 2);
  let page = 0;
  if (p.kind === 'cursor') page = Number(/^cursor_(\d+)$/.exec(q.get(p.param) ?? '')?.[1] ?? 0);
  else if (p.kind === 'page') page = Math.max(0, Number(q.get(p.param) ?? 1) - 1);
  else if (p.kind === 'offset') page = Math.floor(Number(q.get(p.param) ?? 0) / size);
  else page = Number(q.get(PAGE_QUERY) ?? 0);
  if (!Number.isFinite(page) || page < 0) page = 0;
  const last = page >= pages - 1;
  const body = fake(op.response, schemas, { seed: seed + page });
  const items = page < pages ? Array.from({ length: size }, (_, i) => fake(item, schemas, { seed: seed * 1000 + page * size + i })) : [];
  const headers: Record<string, string> = {};
  const next = (() => {
    const u = new URL(url);
    u.searchParams.set(PAGE_QUERY, String(page + 1));
    return u.href;
  })();
  let data: unknown = body;
  if (p.items === '') data = items;
  else set(data, p.items, items);
  if (p.kind === 'cursor') {
    if (p.hasMore) set(data, p.hasMore, !last);
    // on the last page `hasMore` says it all; without one, a null cursor ends the iteration
    if (p.nextCursor && !(last && p.hasMore)) set(data, p.nextCursor, last ? null : `cursor_${page + 1}`);
    else if (p.itemCursor && items.length && !last) set(items[items.length - 1], p.itemCursor, `cursor_${page + 1}`);
  } else if (p.kind === 'page') {
    if (p.totalPages) set(data, p.totalPages, pages);
    if (p.totalItems) set(data, p.totalItems, pages * size);
  } else if (p.kind === 'offset') {
    if (p.totalItems) set(data, p.totalItems, pages * size);
  } else if (p.nextUrl === 'link') {
    if (!last) headers.link = `<${next}>; rel="next"`;
  } else set(data, p.nextUrl, last ? null : next);
  return { body: data, headers };
}

/** Sets a dotted path (`meta.next`), or a field named with a dot when it exists. */
function set(target: unknown, path: string, value: unknown): void {
  if (typeof target !== 'object' || target === null) return;
  const t = target as Record<string, unknown>;
  if (path in t || !path.includes('.')) {
    t[path] = value;
    return;
  }
  const dot = path.indexOf('.');
  const head = path.slice(0, dot);
  if (typeof t[head] !== 'object' || t[head] === null) t[head] = {};
  set(t[head], path.slice(dot + 1), value);
}
