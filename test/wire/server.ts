/**
 * A recording HTTP server on 127.0.0.1 (port 0) for wire comparisons: it keeps every request
 * as it arrived (method, raw path, raw query, headers, body bytes) and answers from a script
 * with JSON, text, bytes, a server-sent-event stream, or a connection reset.
 *
 * The parsers below turn a recorded request into plain data that two clients' requests can be
 * compared on: the query and urlencoded forms as name → values, multipart bodies part by part.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface WireRequest {
  method: string;
  /** the path as sent, still percent-encoded */
  path: string;
  /** the query string as sent, without `?` ('' when there is none) */
  query: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** One server-sent event: `data` is JSON-encoded unless it is a string. */
export interface SseEvent {
  event?: string;
  data: unknown;
}

export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  /** JSON-encoded (application/json) unless a string (text/plain) or bytes (application/octet-stream) */
  body?: unknown;
  /** a `text/event-stream` body made of these events */
  events?: SseEvent[];
  /** destroy the connection with a TCP reset once the request has been read (no response) */
  reset?: boolean;
}

export type Responder = (req: WireRequest, index: number) => Reply | undefined;

export interface WireServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly requests: WireRequest[];
  /** Answers the next requests with these replies, in order, then with the responder or `{}`. */
  script(...replies: Reply[]): void;
  /** Answers every request that no scripted reply covers. */
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

export async function startWireServer(): Promise<WireServer> {
  const requests: WireRequest[] = [];
  let queue: Reply[] = [];
  let responder: Responder | undefined;

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = req.url ?? '/';
      const q = raw.indexOf('?');
      const recorded: WireRequest = {
        method: req.method ?? '',
        path: q < 0 ? raw : raw.slice(0, q),
        query: q < 0 ? '' : raw.slice(q + 1),
        headers: req.headers,
        body: Buffer.concat(chunks),
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
      const [type, bytes] =
        reply.body instanceof Uint8Array
          ? ['application/octet-stream', reply.body]
          : typeof reply.body === 'string'
            ? ['text/plain', reply.body]
            : ['application/json', JSON.stringify(reply.body)];
      res.writeHead(status, { 'content-type': type, ...reply.headers }).end(bytes);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
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
      // fetch and the Stripe client keep connections alive: drop them, or close() waits for them
      server.closeAllConnections();
      return new Promise((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
    },
  };
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
