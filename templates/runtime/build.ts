/** Turns an operation and its `params` into the URL, headers and body of an HTTP request. */
import { applyAuth } from './auth.js';
import type { Client } from './client.js';
import { isIdempotent } from './retry.js';
import type { SendOptions } from './send.js';
import { serializeParam } from './serialize.js';
import type { OperationSpec, ParamSpec, RequestBody } from './types.js';

export interface Built {
  url: string;
  /** `METHOD /path` without the query string (which may carry an API key), for messages */
  where: string;
  method: string;
  headers: Headers;
  body: RequestBody | undefined;
  /** a ReadableStream body: can be sent once, and needs `duplex: 'half'` */
  streaming: boolean;
  retryable: boolean;
}

/**
 * Sets a header after checking its value: `Headers` would reject CR, LF or NUL (header
 * injection) with a message quoting the value, which may be a secret.
 */
function put(headers: Headers, name: string, value: string): void {
  if (/[^\t\x20-\xff]/.test(value)) throw new TypeError(`Invalid character (line break?) in header "${name}"`);
  headers.set(name, value);
}

/** Throws, before anything is sent, on a missing path parameter or an invalid header value. */
export async function build(
  client: Client,
  op: OperationSpec,
  params: object | undefined,
  options: SendOptions,
): Promise<Built> {
  const values = (params ?? {}) as Record<string, unknown>;
  const { method } = op;
  const headers = new Headers();
  const set = (entries: object) => Object.entries(entries).forEach(([k, v]) => put(headers, k, v));
  set(client.headers);
  const accept = op.response === 'sse' ? 'text/event-stream' : (op.response ?? 'json') === 'json' && 'application/json';
  if (accept) headers.set('accept', accept);

  const path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const spec: ParamSpec = op.params?.find((p) => p.in === 'path' && p.name === name) ?? { name, in: 'path' };
    const text = serializeParam(spec, values[spec.key ?? name]);
    if (!text) throw new TypeError(`${method} ${op.path}: path parameter "${name}" is missing or empty`);
    return text;
  });
  // URL parsing resolves `.` and `..` segments, even encoded as %2E: they would change the path.
  if (/\/(\.|%2e){1,2}(\/|$)/i.test(path)) throw new TypeError(`${method} ${op.path}: a path parameter is "." or ".."`);
  const where = `${method} ${path}`;

  const query: string[] = [];
  const cookies: string[] = [];
  for (const p of op.params ?? []) {
    const text = p.in === 'path' ? undefined : serializeParam(p, values[p.key ?? p.name]);
    if (text === undefined) continue;
    if (p.in === 'header') put(headers, p.name, text);
    else (p.in === 'query' ? query : cookies).push(text);
  }

  const fromParams = query.length;
  const auth = { headers: {}, query, cookies };
  await applyAuth(client, op.security, auth, where);
  set(auth.headers);
  const cookie = [headers.get('cookie'), ...cookies].filter(Boolean).join('; ');
  if (cookie) put(headers, 'cookie', cookie);

  let body: RequestBody | undefined;
  const value = op.body && values[op.body.key ?? 'body'];
  if (op.body && value !== undefined) {
    const { kind, mediaType, encode } = op.body;
    let type: string | undefined = mediaType;
    if (encode || kind === 'multipart') {
      // multipart: FormData from `encode` (toFormData) or from the caller; fetch sets the boundary
      body = encode ? encode(value) : (value as FormData);
      if (kind === 'multipart' && !(body instanceof FormData)) throw new TypeError(`${where}: multipart bodies need op.body.encode`);
      type = undefined;
    } else if (kind === 'json') body = JSON.stringify(value);
    else if (kind === 'text') body = String(value);
    else if (kind === 'form') {
      // application/x-www-form-urlencoded: each property as an exploded form parameter
      // (the OpenAPI Encoding Object's default for this media type)
      body = Object.entries(value as object)
        .map(([name, v]) => serializeParam({ name, in: 'query' }, v))
        .filter(Boolean)
        .join('&');
    } else {
      // binary: Blob, ArrayBuffer, typed array or ReadableStream, sent as is
      body = value as RequestBody;
      if (mediaType.includes('*')) type = (value instanceof Blob && value.type) || 'application/octet-stream';
    }
    if (type) headers.set('content-type', type);
  }

  const key =
    options.idempotencyKey ??
    (client.idempotencyHeader && (method === 'POST' || method === 'PATCH')
      ? (globalThis.crypto?.randomUUID?.() ?? Date.now().toString(36) + Math.random().toString(36).slice(2))
      : undefined);
  if (key) put(headers, client.idempotencyHeader ?? 'Idempotency-Key', key);
  set(options.headers ?? {});

  let url = options.url ?? client.baseUrl + path;
  // a next-page URL already has its query; only API keys are added to it
  const pieces = options.url ? query.slice(fromParams) : query;
  if (pieces.length) url += (url.includes('?') ? '&' : '?') + pieces.join('&');

  const streaming = body instanceof ReadableStream;
  const retryable = options.retry ?? (!streaming && (isIdempotent(method) || !!op.retry || !!key));
  return { url, where, method, headers, body, streaming, retryable };
}
