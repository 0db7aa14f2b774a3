/**
 * End to end: generated-style operation functions against a real HTTP server on 127.0.0.1
 * that injects faults. Attempt counts and delays are asserted; after each test the server
 * must have no open connection and no timer may be left running.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  ConnectionError,
  createClientCore,
  InternalServerError,
  NotFoundError,
  byPageNumber,
  paginate,
  RateLimitError,
  request,
  stream,
  TimeoutError,
  toFormData,
  type Client,
  type ClientConfig,
  type Credential,
  type RequestOptions,
} from '../../templates/runtime/index.js';
import { applyAuth } from '../../templates/runtime/auth.js';
import type { OperationSpec } from '../../templates/runtime/types.js';
import { activeTimers, delay, reply, reset, sse, stall, startServer, type FaultServer } from './fault-server.js';

// ---- a generated-style client for a few operations --------------------------------------
interface User {
  object: 'organization.user';
  id: string;
  name: string;
}
interface UserListResponse {
  object: 'list';
  data: User[];
  first_id?: string;
  last_id?: string;
  has_more: boolean;
}
const ops = {
  listUsers: {
    method: 'GET',
    path: '/organization/users',
    params: [
      { name: 'limit', in: 'query' },
      { name: 'after', in: 'query' },
    ],
    security: [['ApiKeyAuth']],
  },
  retrieveUser: { method: 'GET', path: '/organization/users/{user_id}', params: [{ name: 'user_id', in: 'path' }], security: [['ApiKeyAuth']] },
  modifyUser: {
    method: 'POST',
    path: '/organization/users/{user_id}',
    params: [{ name: 'user_id', in: 'path' }],
    body: { kind: 'json', mediaType: 'application/json', required: true },
    security: [['ApiKeyAuth']],
  },
  // Arthur's "Get Users In An Organization" (specs/arthur.yaml): OAuth2, page + page_size
  listArthurUsers: {
    method: 'GET',
    path: '/api/v1/organization/users',
    params: [
      { name: 'user_types', in: 'query', style: 'form', explode: true },
      { name: 'search', in: 'query' },
      { name: 'page', in: 'query' },
      { name: 'page_size', in: 'query' },
    ],
    security: [['OAuth2AuthorizationCode']],
  },
  uploadFile: { method: 'POST', path: '/files', body: { kind: 'multipart', mediaType: 'multipart/form-data', encode: toFormData } },
  download: { method: 'GET', path: '/files/{id}/content', params: [{ name: 'id', in: 'path' }], response: 'blob' },
  chat: { method: 'POST', path: '/chat/completions', body: { kind: 'json', mediaType: 'application/json' }, response: 'sse', retry: true },
} satisfies Record<string, OperationSpec>;

interface Auth {
  ApiKeyAuth?: Credential;
  OAuth2AuthorizationCode?: Credential;
}
const createClient = (config: ClientConfig<Auth>) =>
  createClientCore(config, {
    baseUrl: 'https://api.openai.com/v1',
    securitySchemes: { ApiKeyAuth: { type: 'bearer' }, OAuth2AuthorizationCode: { type: 'bearer' } },
    applyAuth,
  });
const listUsers = (client: Client, params: { limit?: number; after?: string } = {}, options?: RequestOptions) =>
  paginate<UserListResponse, User>(client, ops.listUsers, { kind: 'cursor', param: 'after', items: 'data', hasMore: 'has_more', nextCursor: 'last_id' }, params, options);
const retrieveUser = (client: Client, params: { user_id: string }, options?: RequestOptions) =>
  request<User>(client, ops.retrieveUser, params, options);
const modifyUser = (client: Client, params: { user_id: string; body: { role: string } }, options?: RequestOptions) =>
  request<User>(client, ops.modifyUser, params, options);
interface ResourceListUser {
  records: User[];
  pagination: { page?: number; page_size?: number; total_pages: number; total_records: number };
}
const listArthurUsers = (client: Client, params: { user_types?: string[]; search?: string; page?: number; page_size?: number } = {}) =>
  paginate<ResourceListUser, User>(
    client,
    ops.listArthurUsers,
    { kind: 'page', param: 'page', sizeParam: 'page_size', items: 'records', totalPages: 'pagination.total_pages', totalItems: 'pagination.total_records', next: byPageNumber },
    params,
  );
const uploadFile = (client: Client, params: { body: { file: Blob; purpose: string } }) => request<{ id: string }>(client, ops.uploadFile, params);
const download = (client: Client, params: { id: string }) => request<Blob>(client, ops.download, params);
const chat = (client: Client, params: { body: object }, options?: RequestOptions) => stream<{ n: number }>(client, ops.chat, params, options);

// ---- harness ---------------------------------------------------------------------------------
let server: FaultServer;
let client: Client;
let timersBefore: number;
const fast = (config: ClientConfig<Auth> = {}) =>
  createClient({ baseUrl: server.url, auth: { ApiKeyAuth: 'sk-test' }, backoff: { initialDelay: 50, maxDelay: 200 }, timeout: 3000, ...config });
const gaps = () => server.attempts.slice(1).map((a, i) => a.at - server.attempts[i]!.at);
const user = (id: string): User => ({ object: 'organization.user', id, name: id.toUpperCase() });
const caught = (p: PromiseLike<unknown>) => Promise.resolve(p).then(() => undefined, (e: unknown) => e as Error & Record<string, any>);
const elapsed = async (p: PromiseLike<unknown>) => {
  const t = performance.now();
  const result = await caught(p);
  return { ms: performance.now() - t, result };
};

beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => {
  client = fast();
  timersBefore = activeTimers();
});
afterEach(async () => {
  // nothing leaks: every connection can be closed, every timer was cleared
  expect(await server.settle()).toBe(0);
  // fetch (undici) may keep a timer of its own for a moment after a connection reset; the
  // runtime's timers here are 3 s attempt timeouts, so one it leaked is still there at 2 s
  for (let waited = 0; activeTimers() > timersBefore && waited < 2000; waited += 50) await sleep(50);
  expect(activeTimers()).toBeLessThanOrEqual(timersBefore);
});

describe('e2e: happy path', () => {
  it('sends auth, path and body; returns the typed body, status and headers', async () => {
    server.script(reply(200, user('u_1'), { 'x-request-id': 'req_9' }));
    const { data, response } = await modifyUser(client, { user_id: 'u 1/x', body: { role: 'owner' } }).withResponse();
    expect(data).toEqual(user('u_1'));
    expect(response.headers.get('x-request-id')).toBe('req_9');
    const [a] = server.attempts;
    expect(a!.method).toBe('POST');
    expect(a!.url).toBe('/organization/users/u%201%2Fx');
    expect(a!.headers.authorization).toBe('Bearer sk-test');
    expect(a!.headers['content-type']).toBe('application/json');
    expect(JSON.parse(a!.body.toString())).toEqual({ role: 'owner' });
  });

  it('errors carry status, parsed body and request id', async () => {
    server.script(reply(404, { error: { message: 'No such user', type: 'invalid_request_error' } }, { 'x-request-id': 'req_404' }));
    const err = await caught(retrieveUser(client, { user_id: 'nope' }));
    expect(err).toBeInstanceOf(NotFoundError);
    expect(err).toMatchObject({ status: 404, requestId: 'req_404', body: { error: { message: 'No such user' } } });
    expect(err!.message).toBe('404 GET /organization/users/nope: No such user');
    expect(server.attempts).toHaveLength(1);
  });

  it('multipart upload reaches the server as form data with a file', async () => {
    server.script((req, res, attempt) => {
      void new Request('http://x/', { method: 'POST', headers: req.headers as HeadersInit, body: new Uint8Array(attempt.body) })
        .formData()
        .then(async (form) => {
          const file = form.get('file') as File;
          reply(200, { id: 'file_1', name: file.name, text: await file.text(), purpose: form.get('purpose') })(req, res, attempt);
        });
    });
    const res = await uploadFile(client, { body: { file: new File(['abc'], 'a.jsonl'), purpose: 'batch' } });
    expect(res).toEqual({ id: 'file_1', name: 'a.jsonl', text: 'abc', purpose: 'batch' });
  });

  it('a ReadableStream upload is streamed to the server (duplex: half) and not retried', async () => {
    server.script((req, res, a) => reply(a.body.length ? 503 : 400, { got: a.body.toString() })(req, res, a));
    const op: OperationSpec = { method: 'PUT', path: '/blob', body: { kind: 'binary', mediaType: 'application/octet-stream' } };
    const parts = ['chunk-1;', 'chunk-2'];
    const body = new ReadableStream<Uint8Array>({
      pull(c) {
        const next = parts.shift();
        if (next) c.enqueue(new TextEncoder().encode(next));
        else c.close();
      },
    });
    const err = await caught(request(client, op, { body }));
    expect(err).toBeInstanceOf(InternalServerError);
    expect(err!.body).toEqual({ got: 'chunk-1;chunk-2' });
    expect(server.attempts).toHaveLength(1);
    expect(server.attempts[0]!.headers['content-type']).toBe('application/octet-stream');
  });

  it('a call nobody awaits still reads its body and clears its timer', async () => {
    server.script(reply(200, user('u_1')));
    void retrieveUser(client, { user_id: 'u_1' });
    while (server.attempts.length === 0) await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => setTimeout(r, 50));
    // afterEach: no connection left open, no timer left running
  });

  it('asResponse() gives the body unread; called too late, it says so', async () => {
    server.script(reply(200, user('u_1')));
    const raw = await retrieveUser(client, { user_id: 'u_1' }).asResponse();
    expect(raw.bodyUsed).toBe(false);
    expect(await raw.json()).toEqual(user('u_1'));
    const p = retrieveUser(client, { user_id: 'u_1' });
    await p;
    expect((await caught(p.asResponse()))!.message).toBe('GET /organization/users/u_1: call asResponse() before the response arrives');
  });

  it('binary download as Blob', async () => {
    server.script((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.end(Buffer.from([0, 1, 2, 255]));
    });
    const blob = await download(client, { id: 'f' });
    expect([...new Uint8Array(await blob.arrayBuffer())]).toEqual([0, 1, 2, 255]);
  });
});

describe('e2e: retries', () => {
  it('connection reset, reset, then success (GET): 3 attempts', async () => {
    server.script(reset(), reset(), reply(200, user('u_1')));
    expect(await retrieveUser(client, { user_id: 'u_1' })).toEqual(user('u_1'));
    expect(server.attempts).toHaveLength(3);
  });

  it('a 200 whose body is cut off is retried (GET) and is a ConnectionError otherwise (POST)', async () => {
    const cut = (_req: unknown, res: import('node:http').ServerResponse) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      res.write('{"id":"u_');
      setTimeout(() => res.destroy(), 10);
    };
    server.script(cut, reply(200, user('u_1')));
    expect(await retrieveUser(client, { user_id: 'u_1' })).toEqual(user('u_1'));
    expect(server.attempts).toHaveLength(2);
    server.script(cut, reply(200, user('u_1')));
    const err = await caught(modifyUser(client, { user_id: 'u_1', body: { role: 'owner' } }));
    expect(err).toBeInstanceOf(ConnectionError);
    expect(server.attempts).toHaveLength(1);
  });

  it('a refused connection: ConnectionError after 1 + maxRetries attempts', async () => {
    const closed = await startServer();
    const url = closed.url;
    await closed.close();
    let attempts = 0;
    const refused = fast({ baseUrl: url, onRequest: () => void attempts++ });
    const { ms, result } = await elapsed(retrieveUser(refused, { user_id: 'u_1' }));
    expect(result).toBeInstanceOf(ConnectionError);
    expect(result!.message).toBe('GET /organization/users/u_1: connection error');
    expect(attempts).toBe(3);
    expect(ms).toBeGreaterThanOrEqual(37 + 75);
  });

  it('connection reset on a POST is not retried', async () => {
    server.script(reset(), reply(200, user('u_1')));
    const err = await caught(modifyUser(client, { user_id: 'u_1', body: { role: 'reader' } }));
    expect(err).toBeInstanceOf(ConnectionError);
    expect(err).not.toBeInstanceOf(TimeoutError);
    expect(server.attempts).toHaveLength(1);
  });

  it('500 then success: 2 attempts, the delay within the backoff bounds (50 ms ± 25 %)', async () => {
    server.script(reply(500, { error: { message: 'oops' } }), reply(200, user('u_1')));
    expect(await retrieveUser(client, { user_id: 'u_1' })).toEqual(user('u_1'));
    expect(server.attempts).toHaveLength(2);
    const [gap] = gaps();
    expect(gap).toBeGreaterThanOrEqual(37);
    expect(gap).toBeLessThan(62.5 + 150);
  });

  it('500 every time: 1 + maxRetries attempts with growing delays, then InternalServerError', async () => {
    server.script(reply(503, 'unavailable'));
    const err = await caught(retrieveUser(client, { user_id: 'u_1' }));
    expect(err).toBeInstanceOf(InternalServerError);
    expect(err).toMatchObject({ status: 503, body: 'unavailable' });
    expect(server.attempts).toHaveLength(3);
    const [g1, g2] = gaps();
    expect(g1).toBeGreaterThanOrEqual(37);
    expect(g1).toBeLessThan(62.5 + 150);
    expect(g2).toBeGreaterThanOrEqual(75);
    expect(g2).toBeLessThan(125 + 150);
  });

  it('a POST is not retried on 500 without opt-in', async () => {
    server.script(reply(500), reply(200, user('u_1')));
    expect(await caught(modifyUser(client, { user_id: 'u_1', body: { role: 'owner' } }))).toBeInstanceOf(InternalServerError);
    expect(server.attempts).toHaveLength(1);
  });

  it('a POST is retried with retry: true, or with an idempotency header (same key each attempt)', async () => {
    server.script(reply(500), reply(200, user('u_1')));
    await modifyUser(client, { user_id: 'u_1', body: { role: 'owner' } }, { retry: true });
    expect(server.attempts).toHaveLength(2);

    server.script(reply(502), reply(502), reply(200, user('u_1')));
    await modifyUser(fast({ idempotencyHeader: 'Idempotency-Key' }), { user_id: 'u_1', body: { role: 'owner' } });
    expect(server.attempts).toHaveLength(3);
    const keys = server.attempts.map((a) => a.headers['idempotency-key']);
    expect(keys[0]).toBeTruthy();
    expect(new Set(keys).size).toBe(1);
  });

  it('429 with retry-after-ms: waits what the server asks', async () => {
    server.script(reply(429, { error: { message: 'slow down' } }, { 'retry-after-ms': '150' }), reply(200, user('u_1')));
    await retrieveUser(client, { user_id: 'u_1' });
    const [gap] = gaps();
    expect(gap).toBeGreaterThanOrEqual(148);
    expect(gap).toBeLessThan(150 + 200);
  });

  it('429 with Retry-After in seconds', async () => {
    server.script(reply(429, {}, { 'retry-after': '1' }), reply(200, user('u_1')));
    await retrieveUser(client, { user_id: 'u_1' });
    const [gap] = gaps();
    expect(gap).toBeGreaterThanOrEqual(995);
    expect(gap).toBeLessThan(1000 + 400);
  });

  it('429 with Retry-After as an HTTP date', async () => {
    server.script((req, res, a) => reply(429, {}, { 'retry-after': new Date(Date.now() + 1500).toUTCString() })(req, res, a), reply(200, user('u_1')));
    await retrieveUser(client, { user_id: 'u_1' });
    const [gap] = gaps();
    expect(gap).toBeGreaterThanOrEqual(450); // the date has whole seconds: 0.5 to 1.5 s
    expect(gap).toBeLessThan(1500 + 400);
  });

  it('429 until retries run out: RateLimitError with the response headers', async () => {
    server.script(reply(429, { error: { message: 'quota' } }, { 'retry-after-ms': '10', 'x-ratelimit-remaining-requests': '0' }));
    const err = await caught(retrieveUser(client, { user_id: 'u_1' }, { maxRetries: 1 }));
    expect(err).toBeInstanceOf(RateLimitError);
    expect(err!.headers.get('x-ratelimit-remaining-requests')).toBe('0');
    expect(server.attempts).toHaveLength(2);
  });
});

describe('e2e: timeouts', () => {
  it('a response slower than the timeout: TimeoutError after 1 + maxRetries attempts', async () => {
    server.script(delay(2000, reply(200, user('u_1'))));
    const { ms, result } = await elapsed(retrieveUser(fast({ timeout: 100, maxRetries: 1 }), { user_id: 'u_1' }));
    expect(result).toBeInstanceOf(TimeoutError);
    expect(result!.message).toBe('GET /organization/users/u_1 timed out after 100 ms');
    expect(server.attempts).toHaveLength(2);
    expect(ms).toBeGreaterThanOrEqual(200 + 37);
    expect(ms).toBeLessThan(200 + 62.5 + 500);
  });

  it('a body that stalls past the timeout is a TimeoutError too', async () => {
    server.script(stall());
    const { ms, result } = await elapsed(retrieveUser(fast({ timeout: 100, maxRetries: 0 }), { user_id: 'u_1' }));
    expect(result).toBeInstanceOf(TimeoutError);
    expect(ms).toBeLessThan(600);
  });

  it('a stalled body is retried like a slow response (the timeout covers reading the body)', async () => {
    server.script(stall(), reply(200, user('u_1')));
    expect(await retrieveUser(fast({ timeout: 100 }), { user_id: 'u_1' })).toEqual(user('u_1'));
    expect(server.attempts).toHaveLength(2);
    server.script(stall());
    expect(await caught(retrieveUser(fast({ timeout: 100, maxRetries: 1 }), { user_id: 'u_1' }))).toBeInstanceOf(TimeoutError);
    expect(server.attempts).toHaveLength(2);
  });

  it('timeout, then a fast answer: success on the second attempt; per-call timeout wins', async () => {
    server.script(delay(1000, reply(200, user('slow'))), reply(200, user('fast')));
    expect(await retrieveUser(client, { user_id: 'u' }, { timeout: 100 })).toEqual(user('fast'));
    expect(server.attempts).toHaveLength(2);
  });
});

describe('e2e: abort', () => {
  it('abort during the backoff sleep rejects at once, without another attempt', async () => {
    server.script(reply(503, {}, { 'retry-after-ms': '5000' }));
    const controller = new AbortController();
    const p = retrieveUser(client, { user_id: 'u_1' }, { signal: controller.signal });
    while (server.attempts.length === 0) await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => setTimeout(r, 50)); // now sleeping 5 s before the retry
    const t = performance.now();
    controller.abort();
    const err = await caught(p);
    expect(performance.now() - t).toBeLessThan(100);
    expect(err!.name).toBe('AbortError');
    expect(server.attempts).toHaveLength(1);
  });

  it('abort while waiting for a slow response rejects with the reason and closes the connection', async () => {
    server.script(delay(5000, reply(200)));
    const controller = new AbortController();
    const p = retrieveUser(client, { user_id: 'u_1' }, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('user gave up')), 50);
    const { ms, result } = await elapsed(p);
    expect(result!.message).toBe('user gave up');
    expect(ms).toBeLessThan(500);
  });

  it('an already aborted signal sends nothing', async () => {
    server.script(reply(200));
    const err = await caught(retrieveUser(client, { user_id: 'u_1' }, { signal: AbortSignal.abort() }));
    expect(err!.name).toBe('AbortError');
    expect(server.attempts).toHaveLength(0);
  });

  it('abort while reading the body of a stalled response', async () => {
    server.script(stall());
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const { ms, result } = await elapsed(retrieveUser(client, { user_id: 'u_1' }, { signal: controller.signal }));
    expect(result!.name).toBe('AbortError');
    expect(ms).toBeLessThan(500);
  });
});

describe('e2e: event streams', () => {
  const events = (...ns: number[]) => ns.map((n) => `data: {"n":${n}}\n\n`);
  const drain = async (p: ReturnType<typeof chat>) => {
    const got: number[] = [];
    const error = await caught(
      (async () => {
        for await (const e of await p) got.push(e.n);
      })(),
    );
    return { got, error };
  };

  it('a complete stream ending with [DONE]', async () => {
    server.script(sse([...events(1, 2), ': keep-alive\n\n', ...events(3), 'data: [DONE]\n\n']));
    expect(await drain(chat(client, { body: { stream: true } }))).toEqual({ got: [1, 2, 3], error: undefined });
    expect(server.attempts[0]!.headers.accept).toBe('text/event-stream');
  });

  it('a stream cut off mid-event (connection destroyed) ends with a ConnectionError', async () => {
    server.script(sse([...events(1, 2), 'data: {"n":'], 'destroy'));
    const { got, error } = await drain(chat(client, { body: {} }));
    expect(got).toEqual([1, 2]);
    expect(error).toBeInstanceOf(ConnectionError);
  });

  it('a stream that ends cleanly in the middle of an event is an error too', async () => {
    server.script(sse([...events(1), 'data: {"n":2}\n'], 'end'));
    const { got, error } = await drain(chat(client, { body: {} }));
    expect(got).toEqual([1]);
    expect(error).toBeInstanceOf(ConnectionError);
  });

  it('the timeout covers the response headers only, not the whole stream', async () => {
    server.script(sse(events(1, 2, 3), 'end', 150));
    const { ms, result } = await elapsed(drain(chat(fast({ timeout: 100 }), { body: {} })));
    expect(result).toBeUndefined();
    expect(ms).toBeGreaterThan(300);
  });

  it('abort() ends iteration and closes the connection', async () => {
    server.script(sse(events(...Array.from({ length: 100 }, (_, i) => i)), 'open', 10));
    const s = await chat(client, { body: {} });
    const got: number[] = [];
    for await (const e of s) {
      got.push(e.n);
      if (got.length === 3) s.abort();
    }
    expect(got).toEqual([0, 1, 2]);
  });

  it('a stream the consumer stops reading (break) releases the connection', async () => {
    server.script(sse(events(...Array.from({ length: 100 }, (_, i) => i)), 'open', 10));
    for await (const e of await chat(client, { body: {} })) if (e.n === 1) break;
  });

  it('a 500 before the stream starts is retried (op.retry)', async () => {
    server.script(reply(500), sse(events(7)));
    expect((await drain(chat(client, { body: {} }))).got).toEqual([7]);
    expect(server.attempts).toHaveLength(2);
  });
});

describe('e2e: pagination', () => {
  const users = Array.from({ length: 7 }, (_, i) => user(`user_${i + 1}`));

  it('for await (const user of listUsers(client)) walks every page (OpenAI cursor style)', async () => {
    server.script((req, res, a) => {
      const url = new URL(req.url!, 'http://x');
      const after = url.searchParams.get('after');
      const limit = Number(url.searchParams.get('limit') ?? 3);
      const start = after ? users.findIndex((u) => u.id === after) + 1 : 0;
      const data = users.slice(start, start + limit);
      reply(200, { object: 'list', data, first_id: data[0]?.id, last_id: data.at(-1)?.id, has_more: start + limit < users.length })(req, res, a);
    });
    const seen: string[] = [];
    for await (const u of listUsers(client)) seen.push(u.id);
    expect(seen).toEqual(users.map((u) => u.id));
    expect(server.attempts.map((a) => a.url)).toEqual([
      '/organization/users',
      '/organization/users?after=user_3',
      '/organization/users?after=user_6',
    ]);
    expect(server.attempts.every((a) => a.headers.authorization === 'Bearer sk-test')).toBe(true);
    // awaiting gives the first page
    const first = await listUsers(client, { limit: 2 });
    expect(first.data.map((u) => u.id)).toEqual(['user_1', 'user_2']);
  });

  it("for await walks Arthur's page-numbered list", async () => {
    server.script((req, res, a) => {
      const url = new URL(req.url!, 'http://x');
      const page = Number(url.searchParams.get('page') ?? 1);
      const size = Number(url.searchParams.get('page_size') ?? 20);
      const pagination = { page, page_size: size, total_pages: Math.ceil(users.length / size), total_records: users.length };
      reply(200, { records: users.slice((page - 1) * size, page * size), pagination })(req, res, a);
    });
    const arthur = fast({ auth: { OAuth2AuthorizationCode: async () => 'oauth-token' } });
    const seen: string[] = [];
    for await (const u of listArthurUsers(arthur, { user_types: ['user', 'service_account'], page_size: 3 })) seen.push(u.id);
    expect(seen).toEqual(users.map((u) => u.id));
    expect(server.attempts.map((a) => a.url)).toEqual([
      '/api/v1/organization/users?user_types=user&user_types=service_account&page_size=3',
      '/api/v1/organization/users?user_types=user&user_types=service_account&page=2&page_size=3',
      '/api/v1/organization/users?user_types=user&user_types=service_account&page=3&page_size=3',
    ]);
    expect(server.attempts.every((a) => a.headers.authorization === 'Bearer oauth-token')).toBe(true);
    // with the default page size, one page holds everything: no second request
    server.script(reply(200, { records: users, pagination: { total_pages: 1, total_records: 7 } }));
    expect((await listArthurUsers(arthur)).records).toHaveLength(7);
    const all: User[] = [];
    for await (const u of listArthurUsers(arthur)) all.push(u);
    expect(all).toHaveLength(7);
    expect(server.attempts).toHaveLength(2);
  });

  it('a failing page is retried like any request', async () => {
    let n = 0;
    server.script((req, res, a) => {
      n++;
      if (n === 2) return reply(503)(req, res, a);
      const after = new URL(req.url!, 'http://x').searchParams.get('after');
      reply(200, after ? { data: [user('b')], has_more: false } : { data: [user('a')], has_more: true, last_id: 'a' })(req, res, a);
    });
    const seen: string[] = [];
    for await (const u of listUsers(client)) seen.push(u.id);
    expect(seen).toEqual(['a', 'b']);
    expect(server.attempts).toHaveLength(3);
  });
});
