/** Turns an operation and its `params` into the URL and `RequestInit` of an HTTP request. */
import type { Client } from './client.js';
import { isIdempotent } from './retry.js';
import type { SendOptions } from './send.js';
import { serializeDefault } from './serialize.js';
import type { OperationSpec, ParamRef, ParamSpec, RequestBody } from './types.js';

export interface Built {
  url: string;
  /** `METHOD /path` without the query string (which may carry an API key), for messages */
  where: string;
  /** method, headers and body; `duplex: 'half'` lets a `ReadableStream` body be sent */
  init: RequestInit;
  retryable: boolean;
}

/** A parameter of `OperationSpec.params` as an object: `'query:limit'` → `{ in: 'query', name: 'limit' }`. */
export function paramSpec(p: ParamRef | ParamSpec): ParamSpec {
  if (typeof p != 'string') return p;
  const colon = p.indexOf(':');
  return { in: p.slice(0, colon), name: p.slice(colon + 1) } as ParamSpec;
}

/** Throws, before anything is sent, on a missing path parameter or an invalid header value. */
export async function build(
  client: Client,
  op: OperationSpec,
  params: object | undefined,
  options: SendOptions,
): Promise<Built> {
  const values = (params ?? {}) as Record<string, unknown>;
  const { method, body: bodySpec } = op;
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
  putAll(client.headers);
  // an event stream (`stream()`) asks for `text/event-stream` through its options' headers
  if ((op.response ?? 'json') == 'json') headers.set('accept', 'application/json');

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

  // a next-page URL already has its query: only API keys are added to it
  if (options.url) query.length = 0;
  // only clients of APIs with security schemes have it (the operations of other APIs have no security)
  await client.applyAuth?.(client, op.security, put, query, cookies, where);
  const cookie = [headers.get('cookie'), ...cookies].filter(Boolean).join('; ');
  if (cookie) put('cookie', cookie);

  let body: RequestBody | undefined;
  const value = bodySpec && values[bodySpec.key ?? 'body'];
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

  const url = (options.url ?? client.baseUrl + path) + (query.length ? (options.url?.includes('?') ? '&' : '?') + query.join('&') : '');
  const retryable = options.retry ?? (!(body instanceof ReadableStream) && (isIdempotent(method) || !!op.retry || !!key));
  return { url, where, retryable, init: { method, headers, body, duplex: 'half' } as RequestInit };
}
