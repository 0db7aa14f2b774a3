/** Turns an operation and its `params` into the URL and `RequestInit` of an HTTP request. */
import type { Client } from './client.js';
import { isIdempotent } from './retry.js';
import type { SendOptions } from './send.js';
import { serializeDefault } from './serialize.js';
import type { OperationSpec, ParamRef, ParamSpec, RequestBody } from './types.js';

type BodySpec = Extract<NonNullable<OperationSpec['body']>, { readonly mediaType: string }>;

export interface Built {
  url: string;
  /** `METHOD /path` without the query string (which may carry an API key), for messages */
  where: string;
  /** method, headers and body; `duplex: 'half'` lets a `ReadableStream` body be sent */
  init: RequestInit;
  /**
   * `true`: every failure is retried (idempotent methods, or opted in); `false`: none;
   * `undefined`: only failures the server did not process (429, 503, `x-should-retry: true`, a
   * refused connection)
   */
  retryable: boolean | undefined;
}

/** A parameter of `OperationSpec.params` as an object: `'query:limit'` → `{ in: 'query', name: 'limit' }`. */
export function paramSpec(p: ParamRef | ParamSpec): ParamSpec {
  if (typeof p != 'string') return p;
  const colon = p.indexOf(':');
  return { in: p.slice(0, colon), name: p.slice(colon + 1) } as ParamSpec;
}

/**
 * The base URL of a call: the call's own, else the operation's server (or the client's
 * replacement for it), else the client's; without a trailing slash.
 */
export const baseUrlOf = (client: Client, op: OperationSpec, options: { baseUrl?: string | undefined }): string =>
  (options.baseUrl ?? (op.server ? (client.servers?.[op.server] ?? op.server) : client.baseUrl)).replace(/\/+$/, '');

/** A file to upload: `Blob` (and `File`), `ArrayBuffer`, typed array, `ReadableStream`, Node.js `Readable` (`pipe`). */
const isFile = (v: any): boolean =>
  v instanceof Blob || v instanceof ArrayBuffer || ArrayBuffer.isView(v) || v instanceof ReadableStream || typeof v?.pipe == 'function';

/**
 * The body spec of a call among the operation's (one per declared request media type): the
 * one of `type` (`options.contentType`), else binary for a file, multipart for a `FormData` or
 * an object holding a file (at the top level or one array deep), else JSON, else the first.
 */
const chooseBody = (specs: BodySpec[], value: unknown, type?: string): BodySpec | undefined => {
  const pick = (want: string) => specs.find((s) => (type ? s.mediaType : s.kind) == want);
  return type
    ? pick(type)
    : (isFile(value) && pick('binary')) ||
        ((value instanceof FormData || Object.values(Object(value)).flat().some(isFile)) && pick('multipart')) ||
        pick('json') ||
        specs[0];
};

/** Throws, before anything is sent, on a missing path parameter or an invalid header value. */
export async function build(
  client: Client,
  op: OperationSpec,
  params: object | undefined,
  options: SendOptions,
): Promise<Built> {
  const values = (params ?? {}) as Record<string, unknown>;
  const { method } = op;
  let path = op.path;
  const headers = new Headers();
  // `Headers` would reject CR, LF or NUL (header injection) with a message quoting the value,
  // which may be a secret: check first, naming only the header.
  const put = (name: string, value: string) => {
    if (/[^\t\x20-\xff]/.test(value)) throw new TypeError(`Invalid character (line break?) in header "${name}"`);
    headers.set(name, value);
  };
  const putAll = (entries: Record<string, string> = {}) => {
    for (const name in entries) put(name, entries[name]!);
  };
  // the package's `<name>/<version>`, unless in a browser (`createClientCore`) or overridden
  if (client.userAgent) headers.set('user-agent', client.userAgent);
  putAll(client.headers);
  // an event stream (`stream()`) asks for `text/event-stream` through its options' headers
  const accept = op.accept ?? ((op.response ?? 'json') == 'json' ? 'application/json' : '');
  if (accept) headers.set('accept', accept);

  const query: string[] = [];
  const cookies: string[] = [];
  for (const ref of op.params ?? []) {
    const p = paramSpec(ref);
    const text = (p.serialize ?? serializeDefault)(p, values[p.key ?? p.name]);
    if (p.in == 'path') {
      // URL parsing resolves `.` and `..` segments: they would change the path.
      if (!text || /^\.\.?$/.test(text)) throw new TypeError(`${method} ${op.path}: path parameter "${p.name}" is missing, empty, "." or ".."`);
      path = path.replaceAll(`{${p.name}}`, () => text);
    } else if (text !== undefined) p.in == 'header' ? put(p.name, text) : (p.in == 'query' ? query : cookies).push(text);
  }
  const where = `${method} ${path}`;
  // extra query parameters of the call, in the default style (form, explode)
  for (const name in options.query) {
    const text = serializeDefault({ name, in: 'query' }, options.query[name]);
    if (text) query.push(text);
  }

  // a next-page URL already has its query: only API keys are added to it
  if (options.url) query.length = 0;
  // only clients of APIs with security schemes have it (the operations of other APIs have no security)
  await client.applyAuth?.(client, op.security, put, query, cookies, where);
  const cookie = [headers.get('cookie'), ...cookies].filter(Boolean).join('; ');
  if (cookie) put('cookie', cookie);

  let body: RequestBody | undefined;
  const specs = [op.body ?? []].flat() as BodySpec[];
  let value = specs.length ? values[specs[0]!.key ?? 'body'] : undefined;
  if (options.body) {
    // fields the spec lacks, merged into an object body (sent as JSON by an operation without one)
    if (value != null && Object.getPrototypeOf(value) != Object.prototype) throw new TypeError(`${where}: options.body needs an object body`);
    value = { ...(value as object), ...options.body };
    if (!specs.length) specs.push({ kind: 'json', mediaType: 'application/json' });
  }
  const bodySpec = chooseBody(specs, value, options.contentType)!;
  if (value !== undefined && !bodySpec) throw new TypeError(`${where}: no request body of type ${options.contentType}`);
  if (value !== undefined) {
    const { kind, mediaType, encode } = bodySpec!;
    if (!encode && (kind == 'multipart' || kind == 'form')) throw new TypeError(`${where}: ${kind} bodies need op.body.encode`);
    // json: JSON text; text and binary (Blob, ArrayBuffer, typed array, ReadableStream): as they are
    body = encode ? await encode(value, bodySpec!) : kind == 'json' ? JSON.stringify(value) : (value as RequestBody);
    // multipart: `fetch` sets the content type, with the boundary; a media type range
    // (`*/*`, `image/*`) takes the Blob's own type
    if (!(body instanceof FormData)) {
      headers.set('content-type', mediaType.includes('*') ? (body as Blob).type || 'application/octet-stream' : mediaType);
    }
  }

  // a key unique enough to tell calls apart (it is no secret), the same for every attempt
  const key =
    options.idempotencyKey ??
    (client.idempotencyHeader && !isIdempotent(method) ? Date.now().toString(36) + Math.random().toString(36).slice(2) : undefined);
  if (key) put(client.idempotencyHeader ?? 'Idempotency-Key', key);
  putAll(options.headers);

  const url = (options.url ?? baseUrlOf(client, op, options) + path) + (query.length ? (options.url?.includes('?') ? '&' : '?') + query.join('&') : '');
  // a stream cannot be sent twice
  const retryable = options.retry ?? (body instanceof ReadableStream ? false : isIdempotent(method) || !!op.retry || !!key || undefined);
  return { url, where, retryable, init: { method, headers, body, duplex: 'half' } as RequestInit };
}
