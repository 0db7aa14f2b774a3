/**
 * The one recording HTTP server of the tests: a real server on 127.0.0.1 (port 0) that keeps
 * every request as it arrived (method, raw URL, path and query, headers, body bytes and text) and
 * answers from a script or a responder with JSON, text, bytes, a server-sent-event stream, or
 * a connection reset.
 *
 * `parseBody` turns a recorded body into plain data by its content type (JSON, urlencoded form,
 * multipart part by part); `parsePairs` and `parseMultipart` are its pieces. `freePort` gives
 * a port where nothing listens.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  /** the request target as sent: path and query, still percent-encoded */
  url: string;
  /** the path as sent, still percent-encoded */
  path: string;
  /** the query string as sent, without `?` ('' when there is none) */
  query: string;
  headers: IncomingHttpHeaders;
  /** the body as received */
  bytes: Buffer;
  /** the body read as UTF-8 ('' when there is none) */
  body: string;
}

/** One server-sent event: `data` is JSON-encoded unless it is a string. */
export interface SseEvent {
  event?: string;
  data: unknown;
}

export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  /** JSON-encoded (application/json) unless a string (text/plain) or bytes (application/octet-stream); omitted for no body */
  body?: unknown;
  /** a `text/event-stream` body made of these events */
  events?: SseEvent[];
  /** destroy the connection with a TCP reset once the request has been read (no response) */
  reset?: boolean;
}

/** Answers a request; `undefined` falls back to 200 `{}`. */
export type Responder = (req: RecordedRequest, index: number) => Reply | undefined;

export interface RecordingServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly requests: RecordedRequest[];
  /** The last recorded request (throws when there is none). */
  last(): RecordedRequest;
  /** Answers the next requests with these replies, in order, then with the responder or 200 `{}`. */
  script(...replies: Reply[]): void;
  /** Answers every request that no scripted reply covers, until `reset()`. */
  answer(respond: Responder): void;
  /** Forgets the recorded requests, the script and the responder. */
  reset(): void;
  close(): Promise<void>;
}

export function sseBody(events: SseEvent[]): string {
  return events
    .map((e) => `${e.event ? `event: ${e.event}\n` : ''}data: ${typeof e.data === 'string' ? e.data : JSON.stringify(e.data)}\n\n`)
    .join('');
}

/** Starts a recording server; `respond`, when given, is its responder from the start. */
export async function startRecordingServer(respond?: Responder): Promise<RecordingServer> {
  const requests: RecordedRequest[] = [];
  let queue: Reply[] = [];
  let responder = respond;

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = req.url ?? '/';
      const q = raw.indexOf('?');
      const bytes = Buffer.concat(chunks);
      const recorded: RecordedRequest = {
        method: req.method ?? '',
        url: raw,
        path: q < 0 ? raw : raw.slice(0, q),
        query: q < 0 ? '' : raw.slice(q + 1),
        headers: req.headers,
        bytes,
        body: bytes.toString('utf8'),
      };
      requests.push(recorded);
      const reply = queue.shift() ?? responder?.(recorded, requests.length - 1) ?? { body: {} };
      if (reply.reset) {
        req.socket.resetAndDestroy();
        return;
      }
      const status = reply.status ?? 200;
      if (reply.events) {
        res.writeHead(status, { 'content-type': 'text/event-stream', ...reply.headers }).end(sseBody(reply.events));
        return;
      }
      if (reply.body === undefined) {
        res.writeHead(status, reply.headers).end();
        return;
      }
      const [type, data] =
        reply.body instanceof Uint8Array
          ? ['application/octet-stream', reply.body]
          : typeof reply.body === 'string'
            ? ['text/plain', reply.body]
            : ['application/json', JSON.stringify(reply.body)];
      res.writeHead(status, { 'content-type': type, ...reply.headers }).end(data);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    last() {
      const r = requests.at(-1);
      if (!r) throw new Error('the recording server has received no request');
      return r;
    },
    script(...replies) {
      queue.push(...replies);
    },
    answer(respond) {
      responder = respond;
    },
    reset() {
      requests.length = 0;
      queue = [];
      responder = undefined;
    },
    close() {
      // fetch and the Stripe client keep connections alive: drop them, or close() waits for their idle timeout
      server.closeAllConnections();
      return new Promise((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
    },
  };
}

/**
 * A port on 127.0.0.1 that was free a moment ago: one where nothing listens (a refused
 * connection), or one to give a server that takes a port number, not 0.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** The media type without parameters (`multipart/form-data; boundary=…` → `multipart/form-data`). */
export const mediaType = (value: string | undefined): string | undefined => value?.split(';')[0]!.trim().toLowerCase();

/** A recorded body as plain data, by its content type; multipart parts in the order sent. */
export type ParsedBody =
  | { none: true }
  | { json: unknown }
  | { form: Record<string, string[]> }
  | { multipart: Part[] }
  | { text: string };

export function parseBody(req: RecordedRequest): ParsedBody {
  if (req.bytes.length === 0) return { none: true };
  const type = mediaType(req.headers['content-type']);
  if (type === 'application/json') return { json: JSON.parse(req.body) };
  if (type === 'application/x-www-form-urlencoded') return { form: parsePairs(req.body) };
  if (type === 'multipart/form-data') return { multipart: parseMultipart(req.bytes, String(req.headers['content-type'])) };
  return { text: req.body };
}

/** `a=1&b[c]=2&a=3` → `{ a: ['1', '3'], 'b[c]': ['2'] }`: names and values decoded, each name's values in order. */
export function parsePairs(raw: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  if (!raw) return out;
  for (const piece of raw.split('&')) {
    if (!piece) continue;
    const eq = piece.indexOf('=');
    const decode = (s: string) => decodeURIComponent(s.replace(/\+/g, ' '));
    const name = decode(eq < 0 ? piece : piece.slice(0, eq));
    (out[name] ??= []).push(eq < 0 ? '' : decode(piece.slice(eq + 1)));
  }
  return out;
}

export interface Part {
  name: string;
  /** absent for a plain text field */
  filename?: string;
  /** the part's own Content-Type, absent when it sends none */
  contentType?: string;
  /** the part's bytes, read as UTF-8 */
  text: string;
  bytes: number;
}

/** A `multipart/form-data` body, part by part in the order sent (RFC 7578). */
export function parseMultipart(body: Buffer, contentType: string): Part[] {
  const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  if (!m) throw new Error(`no boundary in content-type ${contentType}`);
  const delimiter = Buffer.from(`--${m[1] ?? m[2]!.trim()}`);
  const parts: Part[] = [];
  let at = body.indexOf(delimiter);
  if (at < 0) throw new Error('multipart body without its boundary');
  for (;;) {
    at += delimiter.length;
    if (body.subarray(at, at + 2).toString() === '--') break; // the closing delimiter
    at += 2; // CRLF after the delimiter
    const next = body.indexOf(delimiter, at);
    if (next < 0) throw new Error('multipart body without its closing boundary');
    const part = body.subarray(at, next - 2); // the CRLF before the next delimiter belongs to it
    const split = part.indexOf('\r\n\r\n');
    const head = part.subarray(0, split).toString('utf8');
    const data = part.subarray(split + 4);
    const headers = new Map(
      head.split('\r\n').map((line) => {
        const colon = line.indexOf(':');
        return [line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()] as const;
      }),
    );
    const disposition = headers.get('content-disposition') ?? '';
    const name = /\bname="([^"]*)"/.exec(disposition)?.[1];
    if (name === undefined) throw new Error(`part without a name: ${head}`);
    const filename = /\bfilename="([^"]*)"/.exec(disposition)?.[1];
    const type = headers.get('content-type');
    parts.push({
      name,
      ...(filename !== undefined ? { filename } : {}),
      ...(type !== undefined ? { contentType: type } : {}),
      text: data.toString('utf8'),
      bytes: data.length,
    });
    at = next;
  }
  return parts;
}
