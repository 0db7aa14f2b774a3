/**
 * A real HTTP server on 127.0.0.1 that answers from a script of steps and can inject faults:
 * connection resets, error statuses, slow or stalled responses, truncated event streams.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface Attempt {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** performance.now() when the request was received */
  at: number;
}

export type Step = (req: IncomingMessage, res: ServerResponse, attempt: Attempt) => void;

/** Answers with a status, a JSON (or text) body and headers. */
export const reply =
  (status: number, body: unknown = {}, headers: Record<string, string> = {}): Step =>
  (_req, res) => {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    res.writeHead(status, { 'content-type': typeof body === 'string' ? 'text/plain' : 'application/json', ...headers });
    res.end(text);
  };

/** Destroys the connection without answering (the client sees a reset / "socket hang up"). */
export const reset = (): Step => (req) => req.socket.destroy();

/** Runs `step` after `ms`, unless the client went away first (no timer is left behind). */
export const delay =
  (ms: number, step: Step): Step =>
  (req, res, attempt) => {
    const timer = setTimeout(() => step(req, res, attempt), ms);
    res.on('close', () => clearTimeout(timer));
  };

/** Sends the headers and the first part of a body, then stalls until the client gives up. */
export const stall =
  (status = 200, start = '{"partial":'): Step =>
  (_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.write(start);
  };

/**
 * An event stream: writes `chunks` `gap` ms apart, then ends cleanly (`end`), cuts the
 * connection (`destroy`), or stays open (`open`).
 */
export const sse =
  (chunks: string[], end: 'end' | 'destroy' | 'open' = 'end', gap = 5): Step =>
  (req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    let i = 0;
    const timer = setInterval(() => {
      if (i < chunks.length) res.write(chunks[i++]);
      else {
        clearInterval(timer);
        if (end === 'end') res.end();
        else if (end === 'destroy') req.socket.destroy();
      }
    }, gap);
    res.on('close', () => clearInterval(timer));
  };

export interface FaultServer {
  url: string;
  attempts: Attempt[];
  /** Sets the steps for the next requests (the last one repeats) and clears `attempts`. */
  script(...steps: Step[]): void;
  /** Routes by path: each route has its own script. */
  route(path: string, ...steps: Step[]): void;
  /** Open connections that carried a request, as the server sees them. */
  connections(): number;
  /** Closes idle connections and waits for the others to close; resolves with the count still open. */
  settle(ms?: number): Promise<number>;
  close(): Promise<void>;
}

export async function startServer(): Promise<FaultServer> {
  const attempts: Attempt[] = [];
  let steps: Step[] = [reply(200)];
  const routes = new Map<string, Step[]>();
  const sockets = new Set<Socket>();
  // Sockets that carried a request. Node's fetch (undici) sometimes opens a spare connection
  // after an aborted one and never sends on it: that one is not ours to close.
  const used = new WeakSet<Socket>();
  const open = () => [...sockets].filter((s) => used.has(s)).length;
  const server = createServer((req, res) => {
    used.add(req.socket);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const attempt = { method: req.method!, url: req.url!, headers: req.headers, body: Buffer.concat(chunks), at: performance.now() };
      attempts.push(attempt);
      const queue = routes.get(new URL(req.url!, 'http://x').pathname) ?? steps;
      const step = queue.length > 1 ? queue.shift()! : queue[0]!;
      step(req, res, attempt);
    });
    req.on('error', () => {});
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    attempts,
    script(...s) {
      steps = s;
      routes.clear();
      attempts.length = 0;
    },
    route(path, ...s) {
      routes.set(path, s);
    },
    connections: open,
    async settle(ms = 2000) {
      const until = performance.now() + ms;
      while (performance.now() < until) {
        server.closeIdleConnections();
        if (open() === 0) {
          // let the client see the closed keep-alive sockets before the next test reuses one
          await new Promise((r) => setTimeout(r, 20));
          return 0;
        }
        await new Promise((r) => setTimeout(r, 10));
      }
      return open();
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}

/** Timers keeping the process alive (ref'd `setTimeout`/`setInterval`). */
export const activeTimers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
