/**
 * A real HTTP server on 127.0.0.1 (port 0) that records every request exactly as it arrived
 * (method, raw path, raw query string, headers, body text) and answers from a script.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  /** the path as sent, still percent-encoded */
  path: string;
  /** the query string as sent, without `?` ('' when there is none) */
  query: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface Reply {
  status?: number;
  /** JSON-encoded unless it is a string; omitted for no body */
  body?: unknown;
  headers?: Record<string, string>;
}

export type Responder = (req: RecordedRequest, index: number) => Reply;

export interface RecordingServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly requests: RecordedRequest[];
  /** The last recorded request (throws when there is none). */
  last(): RecordedRequest;
  /** Answers the next requests with these replies, in order, then with the default again. */
  script(...replies: Reply[]): void;
  /** Answers every request with `respond` until `reset()`. */
  answer(respond: Responder): void;
  /** Forgets the recorded requests, the script and the responder. */
  reset(): void;
  close(): Promise<void>;
}

/** 200 `{}`: what the server says when nothing is scripted. */
const fallback: Reply = { status: 200, body: {} };

export async function startRecordingServer(): Promise<RecordingServer> {
  const requests: RecordedRequest[] = [];
  let queue: Reply[] = [];
  let responder: Responder | undefined;

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = req.url ?? '/';
      const q = raw.indexOf('?');
      const recorded: RecordedRequest = {
        method: req.method ?? '',
        path: q < 0 ? raw : raw.slice(0, q),
        query: q < 0 ? '' : raw.slice(q + 1),
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(recorded);
      const reply = queue.shift() ?? responder?.(recorded, requests.length - 1) ?? fallback;
      const status = reply.status ?? 200;
      if (reply.body === undefined) {
        res.writeHead(status, reply.headers).end();
        return;
      }
      const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
      const type = typeof reply.body === 'string' ? 'text/plain' : 'application/json';
      res.writeHead(status, { 'content-type': type, ...reply.headers }).end(text);
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
      // fetch keeps connections alive: drop them, or close() waits for their idle timeout
      server.closeAllConnections();
      return new Promise((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
    },
  };
}
