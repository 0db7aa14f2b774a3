/**
 * What two clients' requests are compared on: a recorded request reduced to what the server
 * acts on. Telemetry (`x-stainless-*`, `user-agent`), connection and length headers, and the
 * multipart boundary are left out; bodies are parsed by their content type.
 */
import { expect } from 'vitest';
import { mediaType, parseBody, parsePairs, type ParsedBody, type RecordedRequest } from '../server.js';

export interface WireView {
  method: string;
  path: string;
  query: Record<string, string[]>;
  headers: Record<string, string>;
  /** multipart parts sorted by name; parts of one name keep the order they were sent in */
  body: ParsedBody;
}

/** Headers that change what the server does, compared when either client sends them. */
const DEFAULT_HEADERS = ['authorization', 'openai-organization', 'openai-project', 'idempotency-key'];

export function view(req: RecordedRequest, headers: readonly string[] = DEFAULT_HEADERS): WireView {
  const type = mediaType(req.headers['content-type']);
  const picked: Record<string, string> = {};
  for (const name of headers) {
    const value = req.headers[name];
    if (value !== undefined) picked[name] = String(value);
  }
  // a content type without a body (some clients send one on every GET) says nothing
  if (type && req.bytes.length > 0) picked['content-type'] = type;
  return { method: req.method, path: req.path, query: parsePairs(req.query), headers: picked, body: bodyOf(req) };
}

function bodyOf(req: RecordedRequest): ParsedBody {
  const body = parseBody(req);
  if (!('multipart' in body)) return body;
  return { multipart: body.multipart.map((p, i) => [p, i] as const).sort(([a, i], [b, j]) => (a.name < b.name ? -1 : a.name > b.name ? 1 : i - j)).map(([p]) => p) };
}

/**
 * The idempotency key is random per call: two clients never share one. What matters is that
 * both send one or neither does, and that a client's retries repeat its own key.
 */
function withoutKeyValue(v: WireView): WireView {
  const headers = { ...v.headers };
  if (headers['idempotency-key'] !== undefined) headers['idempotency-key'] = '<key>';
  return { ...v, headers };
}

/** The same requests, in the same order, on the wire. */
export function expectSameRequests(ours: RecordedRequest[], theirs: RecordedRequest[], headers?: readonly string[]): void {
  const a = ours.map((r) => withoutKeyValue(view(r, headers)));
  const b = theirs.map((r) => withoutKeyValue(view(r, headers)));
  expect(a, 'received: the generated client; expected: the reference client').toEqual(b);
  for (const list of [ours, theirs]) {
    const keys = new Set(list.map((r) => r.headers['idempotency-key']).filter((k) => k !== undefined));
    expect(keys.size, 'retries of one call repeat its idempotency key').toBeLessThanOrEqual(1);
  }
}
