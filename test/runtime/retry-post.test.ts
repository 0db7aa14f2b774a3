/**
 * Retries that are safe for every method (issue 13, point 10), against a real HTTP server:
 * a POST or PATCH is retried when the server did not process it (429, 503, `x-should-retry:
 * true`, a refused connection), and not when it may have (500, a reset, a timeout).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  ConnectionError,
  createClientCore,
  InternalServerError,
  RateLimitError,
  request,
  TimeoutError,
  type ClientConfig,
} from '../../templates/runtime/index.js';
import { isRefused } from '../../templates/runtime/retry.js';
import type { OperationSpec } from '../../templates/runtime/types.js';
import { freePort } from '../server.js';
import { delay, reply, reset, startServer, type FaultServer } from './fault-server.js';

let server: FaultServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
afterEach(async () => {
  expect(await server.settle()).toBe(0);
});

const create: OperationSpec = { method: 'POST', path: '/chat/completions', body: { kind: 'json', mediaType: 'application/json' } };
const update: OperationSpec = { ...create, method: 'PATCH', path: '/items/1' };
const client = (config: ClientConfig = {}) =>
  createClientCore({ baseUrl: server.url, backoff: { initialDelay: 20, maxDelay: 40 }, timeout: 3000, ...config }, { baseUrl: 'https://unused.test', securitySchemes: {} });
const call = (op = create, config: ClientConfig = {}, options = {}) =>
  request<{ ok: number }>(client(config), op, { body: { model: 'm' } }, options).then(
    (data) => ({ data }),
    (error: unknown) => ({ error: error as Error }),
  );

describe('POST and PATCH: retried when the server did not process them', () => {
  it('429 with Retry-After: waits as told, then succeeds', async () => {
    server.script(reply(429, { error: { message: 'slow down' } }, { 'retry-after': '1' }), reply(200, { ok: 1 }));
    expect(await call()).toEqual({ data: { ok: 1 } });
    expect(server.attempts).toHaveLength(2);
    const gap = server.attempts[1]!.at - server.attempts[0]!.at;
    expect(gap).toBeGreaterThanOrEqual(950);
    expect(server.attempts[1]!.body.toString()).toBe('{"model":"m"}');
  });

  it('503 then 200; PATCH 429 then 200', async () => {
    server.script(reply(503), reply(200, { ok: 2 }));
    expect(await call()).toEqual({ data: { ok: 2 } });
    expect(server.attempts).toHaveLength(2);
    server.script(reply(429), reply(200, { ok: 3 }));
    expect(await call(update)).toEqual({ data: { ok: 3 } });
    expect(server.attempts.map((a) => a.method)).toEqual(['PATCH', 'PATCH']);
  });

  it('gives up after maxRetries with the last error', async () => {
    server.script(reply(429));
    const { error } = (await call(create, { maxRetries: 3 })) as { error: Error };
    expect(error).toBeInstanceOf(RateLimitError);
    expect(server.attempts).toHaveLength(4);
  });

  it('x-should-retry: true retries any status; false stops a 429', async () => {
    server.script(reply(500, {}, { 'x-should-retry': 'true' }), reply(200, { ok: 4 }));
    expect(await call()).toEqual({ data: { ok: 4 } });
    expect(server.attempts).toHaveLength(2);
    server.script(reply(429, {}, { 'x-should-retry': 'false' }), reply(200, { ok: 5 }));
    expect((await call()) as object).toHaveProperty('error');
    expect(server.attempts).toHaveLength(1);
  });

  it('a refused connection (nothing sent) is retried, with the same idempotency key', async () => {
    const port = await freePort();
    const urls: string[] = [];
    const keys: (string | null)[] = [];
    // the first attempt goes to a port where nothing listens: undici's "fetch failed" with ECONNREFUSED as its cause
    const fetchVia: typeof fetch = (input, init) => {
      const req = input as Request;
      urls.push(req.url);
      keys.push(req.headers.get('idempotency-key'));
      return fetch(urls.length == 1 ? new Request(req.url.replace(/:\d+\//, `:${port}/`), req) : req, init);
    };
    server.script(reply(200, { ok: 6 }));
    expect(await call(create, { fetch: fetchVia, idempotencyHeader: 'Idempotency-Key' })).toEqual({ data: { ok: 6 } });
    expect(urls).toHaveLength(2);
    expect(server.attempts).toHaveLength(1);
    expect(keys[0]).toBeTruthy();
    expect(keys[1]).toBe(keys[0]);
  });

  it('a server that stays down: every attempt refused, then a ConnectionError whose cause says so', async () => {
    const port = await freePort();
    let n = 0;
    const counting: typeof fetch = (input, init) => (n++, fetch(input, init));
    const { error } = (await call(create, { baseUrl: `http://127.0.0.1:${port}`, fetch: counting, maxRetries: 2 })) as { error: Error };
    expect(error).toBeInstanceOf(ConnectionError);
    expect(isRefused(error)).toBe(true);
    expect(n).toBe(3);
  });
});

describe('POST and PATCH: not retried when the server may have processed them', () => {
  it('500', async () => {
    server.script(reply(500), reply(200));
    expect(((await call()) as { error: Error }).error).toBeInstanceOf(InternalServerError);
    expect(server.attempts).toHaveLength(1);
  });

  it('a reset connection (the request was sent)', async () => {
    server.script(reset(), reply(200));
    const { error } = (await call()) as { error: Error };
    expect(error).toBeInstanceOf(ConnectionError);
    expect(isRefused(error)).toBe(false);
    expect(server.attempts).toHaveLength(1);
  });

  it('a timeout', async () => {
    server.script(delay(500, reply(200)), reply(200));
    expect(((await call(create, { timeout: 100 })) as { error: Error }).error).toBeInstanceOf(TimeoutError);
    expect(server.attempts).toHaveLength(1);
  });

  it('retry: false, and a ReadableStream body (it cannot be sent twice)', async () => {
    server.script(reply(429), reply(200));
    await call(create, {}, { retry: false });
    expect(server.attempts).toHaveLength(1);

    server.script(reply(503), reply(200));
    const upload: OperationSpec = { method: 'POST', path: '/uploads', body: { kind: 'binary', mediaType: 'application/octet-stream' } };
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new TextEncoder().encode('bytes'));
        c.close();
      },
    });
    const result = await request(client(), upload, { body }).catch((e: unknown) => e);
    expect(result).toBeInstanceOf(InternalServerError);
    expect(server.attempts).toHaveLength(1);
  });
});

describe('idempotent methods keep the wider rule', () => {
  it('GET 500 then 200', async () => {
    server.script(reply(500), reply(200, { ok: 7 }));
    expect(await call({ method: 'GET', path: '/x' })).toEqual({ data: { ok: 7 } });
    expect(server.attempts).toHaveLength(2);
  });
});

describe('default timeout', () => {
  it('is 600 000 ms (10 minutes) per attempt', async () => {
    const spy = vi.spyOn(globalThis, 'setTimeout');
    try {
      server.script(reply(200, { ok: 1 }));
      await request(createClientCore({ baseUrl: server.url }, { baseUrl: 'x', securitySchemes: {} }), { method: 'GET', path: '/t' }, {});
      expect(spy.mock.calls.map((c) => c[1])).toContain(600_000);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('isRefused', () => {
  const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
  const cases: { name: string; error: unknown; want: boolean }[] = [
    { name: "undici's TypeError with the cause", error: new TypeError('fetch failed', { cause: refused }), want: true },
    { name: 'two levels deep', error: new Error('a', { cause: new TypeError('fetch failed', { cause: refused }) }), want: true },
    { name: 'an AggregateError of several addresses', error: new TypeError('fetch failed', { cause: new AggregateError([refused, refused]) }), want: true },
    { name: "Bun's code", error: Object.assign(new Error('Unable to connect'), { code: 'ConnectionRefused' }), want: true },
    { name: "Deno's message", error: new TypeError('error sending request: tcp connect error: Connection refused (os error 111)'), want: true },
    { name: 'a reset', error: new TypeError('fetch failed', { cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }) }), want: false },
    { name: 'a timeout', error: new TypeError('fetch failed', { cause: Object.assign(new Error('Connect Timeout Error'), { code: 'UND_ERR_CONNECT_TIMEOUT' }) }), want: false },
    { name: 'undefined', error: undefined, want: false },
    { name: 'a string', error: 'ECONNREFUSED', want: false },
  ];
  for (const c of cases) it(c.name, () => expect(isRefused(c.error)).toBe(c.want));

  it('a cause cycle ends', () => {
    const e: Error & { cause?: unknown } = new Error('loop');
    e.cause = e;
    expect(isRefused(e)).toBe(false);
  });
});

describe('POST retries: the openai package on the same server', () => {
  const both = async () => {
    const { default: OpenAI } = await import('openai');
    const openai = new OpenAI({ apiKey: 'sk-test', baseURL: server.url, maxRetries: 1 });
    const theirs = await openai.chat.completions.create({ model: 'm', messages: [] }).then(
      () => 'ok',
      (e: Error) => e.constructor.name,
    );
    const theirAttempts = server.attempts.length;
    return { theirs, theirAttempts };
  };

  it('429 with retry-after-ms: both retry once and succeed', async () => {
    server.script(reply(429, {}, { 'retry-after-ms': '10' }), reply(200, { ok: 1 }));
    const { theirs, theirAttempts } = await both();
    server.script(reply(429, {}, { 'retry-after-ms': '10' }), reply(200, { ok: 1 }));
    expect(await call(create, { maxRetries: 1 })).toEqual({ data: { ok: 1 } });
    expect([theirs, theirAttempts]).toEqual(['ok', 2]);
    expect(server.attempts).toHaveLength(2);
  });

  it('500 (deliberate difference): openai retries its POST, oagen does not', async () => {
    server.script(reply(500), reply(200, { ok: 1 }));
    const { theirs, theirAttempts } = await both();
    server.script(reply(500), reply(200, { ok: 1 }));
    await call(create, { maxRetries: 1 });
    expect([theirs, theirAttempts]).toEqual(['ok', 2]);
    expect(server.attempts).toHaveLength(1);
  });
});
