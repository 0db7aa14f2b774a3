/**
 * What two clients' requests are compared on: a recorded request reduced to what the server
 * acts on. Telemetry (`x-stainless-*`, `user-agent`), connection and length headers, and the
 * multipart boundary are left out; bodies are parsed by their content type.
 */
import { expect } from 'vitest';
import { parseMultipart, parsePairs, type Part, type WireRequest } from './server.js';

export type WireBody =
  | { none: true }
  | { json: unknown }
  | { form: Record<string, string[]> }
  /** parts sorted by name; parts of one name keep the order they were sent in */
  | { multipart: Part[] }
  | { text: string };

export interface WireView {
  method: string;
  path: string;
  query: Record<string, string[]>;
  headers: Record<string, string>;
  body: WireBody;
}

/** Headers that change what the server does, compared when either client sends them. */
const DEFAULT_HEADERS = ['authorization', 'openai-organization', 'openai-project', 'idempotency-key'];

/** The media type without parameters (`multipart/form-data; boundary=…` → `multipart/form-data`). */
export const mediaType = (value: string | undefined): string | undefined => value?.split(';')[0]!.trim().toLowerCase();

export function view(req: WireRequest, headers: readonly string[] = DEFAULT_HEADERS): WireView {
  const type = mediaType(req.headers['content-type']);
  const picked: Record<string, string> = {};
  for (const name of headers) {
    const value = req.headers[name];
    if (value !== undefined) picked[name] = String(value);
  }
  // a content type without a body (some clients send one on every GET) says nothing
  if (type && req.body.length > 0) picked['content-type'] = type;
  return { method: req.method, path: req.path, query: parsePairs(req.query), headers: picked, body: bodyOf(req, type) };
}

function bodyOf(req: WireRequest, type: string | undefined): WireBody {
  if (req.body.length === 0) return { none: true };
  if (type === 'application/json') return { json: JSON.parse(req.body.toString('utf8')) };
  if (type === 'application/x-www-form-urlencoded') return { form: parsePairs(req.body.toString('utf8')) };
  if (type === 'multipart/form-data') {
    const parts = parseMultipart(req.body, String(req.headers['content-type']));
    return { multipart: parts.map((p, i) => [p, i] as const).sort(([a, i], [b, j]) => (a.name < b.name ? -1 : a.name > b.name ? 1 : i - j)).map(([p]) => p) };
  }
  return { text: req.body.toString('utf8') };
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
export function expectSameRequests(ours: WireRequest[], theirs: WireRequest[], headers?: readonly string[]): void {
  const a = ours.map((r) => withoutKeyValue(view(r, headers)));
  const b = theirs.map((r) => withoutKeyValue(view(r, headers)));
  expect(a, 'received: the generated client; expected: the reference client').toEqual(b);
  for (const list of [ours, theirs]) {
    const keys = new Set(list.map((r) => r.headers['idempotency-key']).filter((k) => k !== undefined));
    expect(keys.size, 'retries of one call repeat its idempotency key').toBeLessThanOrEqual(1);
  }
}
