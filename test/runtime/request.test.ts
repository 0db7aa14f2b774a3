import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  ApiError,
  ApiPromise,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  formBody,
  InternalServerError,
  NotFoundError,
  OagenError,
  PermissionDeniedError,
  RateLimitError,
  request,
  toFormData,
  UnprocessableEntityError,
} from '../../templates/runtime/index.js';
import type { OperationSpec, ParamRef } from '../../templates/runtime/types.js';
import { failure, fakeFetch, json, testClient } from './helpers.js';

const getUser: OperationSpec = {
  method: 'GET',
  path: '/users/{user_id}',
  params: [
    { name: 'user_id', in: 'path' },
    { name: 'limit', in: 'query' },
    { name: 'after', in: 'query', key: 'afterCursor' },
    { name: 'X-Trace', in: 'header' },
    { name: 'theme', in: 'cookie' },
  ],
};

describe('request: URL, parameters and headers', () => {
  it('builds the URL from the base URL, path and query; omits undefined values', async () => {
    const f = fakeFetch();
    await request(testClient(f), getUser, { user_id: 'u1', limit: 10, afterCursor: undefined });
    expect(f.calls[0]!.url).toBe('https://api.test/v1/users/u1?limit=10');
    expect(f.calls[0]!.method).toBe('GET');
    expect(f.calls[0]!.headers.accept).toBe('application/json');
  });

  it('reads renamed parameters from ParamSpec.key, and sends header and cookie parameters', async () => {
    const f = fakeFetch();
    await request(testClient(f), getUser, { user_id: 'u1', afterCursor: 'c 1', 'X-Trace': 't-1', theme: 'dark' });
    expect(f.calls[0]!.url).toBe('https://api.test/v1/users/u1?after=c%201');
    expect(f.calls[0]!.headers['x-trace']).toBe('t-1');
    expect(f.calls[0]!.headers.cookie).toBe('theme=dark');
  });

  const refCases: { ref: ParamRef; params: Record<string, string>; want: { url?: string; header?: [string, string]; cookie?: string } }[] = [
    { ref: 'path:user_id', params: { user_id: 'u 1' }, want: { url: '/v1/users/u%201' } },
    { ref: 'query:limit', params: { limit: '5' }, want: { url: '/v1/users/u?limit=5' } },
    { ref: 'query:a:b', params: { 'a:b': 'x' }, want: { url: '/v1/users/u?a%3Ab=x' } },
    { ref: 'header:X-Trace', params: { 'X-Trace': 't-1' }, want: { header: ['x-trace', 't-1'] } },
    { ref: 'cookie:theme', params: { theme: 'dark' }, want: { cookie: 'theme=dark' } },
  ];
  for (const { ref, params, want } of refCases) {
    it(`a "location:name" parameter (${ref}) is sent like its ParamSpec object`, async () => {
      const path = ref.startsWith('path:') ? '/users/{user_id}' : '/users/u';
      const f = fakeFetch();
      await request(testClient(f), { method: 'GET', path, params: [ref] }, params);
      const call = f.calls[0]!;
      if (want.url) expect(call.url).toBe(`https://api.test${want.url}`);
      if (want.header) expect(call.headers[want.header[0]]).toBe(want.header[1]);
      if (want.cookie) expect(call.headers.cookie).toBe(want.cookie);
    });
  }

  const pathCases: { value: string; want: string }[] = [
    { value: 'a/b', want: '/users/a%2Fb' },
    { value: '../admin', want: '/users/..%2Fadmin' },
    { value: 'x?admin=1#frag', want: '/users/x%3Fadmin%3D1%23frag' },
    { value: '%2e%2e', want: '/users/%252e%252e' },
    { value: 'a\\b', want: '/users/a%5Cb' },
    { value: '...', want: '/users/...' },
  ];
  for (const { value, want } of pathCases) {
    it(`percent-encodes path parameter ${JSON.stringify(value)} so the path cannot change`, async () => {
      const f = fakeFetch();
      await request(testClient(f), getUser, { user_id: value });
      expect(new URL(f.calls[0]!.url).pathname).toBe('/v1' + want);
    });
  }

  for (const value of ['.', '..', '', undefined]) {
    it(`rejects path parameter ${JSON.stringify(value)} before sending`, async () => {
      const f = fakeFetch();
      await expect(request(testClient(f), getUser, { user_id: value })).rejects.toThrow(TypeError);
      expect(f.calls).toHaveLength(0);
    });
  }

  for (const value of ['a\r\nX-Injected: 1', 'a\nb', 'a\rb', 'a\0b']) {
    it(`rejects header value ${JSON.stringify(value)} without quoting it`, async () => {
      const f = fakeFetch();
      const err = await failure(request(testClient(f), getUser, { user_id: 'u', 'X-Trace': value }));
      expect(err).toBeInstanceOf(TypeError);
      expect(err.message).toContain('X-Trace');
      expect(err.message).not.toContain('Injected');
      expect(f.calls).toHaveLength(0);
    });
  }

  it('merges client headers, parameters and per-call headers (per-call last)', async () => {
    const f = fakeFetch();
    const client = testClient(f, { headers: { 'X-App': 'a', 'X-Trace': 'client' } });
    await request(client, getUser, { user_id: 'u', 'X-Trace': 'param' }, { headers: { 'X-App': 'call' } });
    expect(f.calls[0]!.headers['x-app']).toBe('call');
    expect(f.calls[0]!.headers['x-trace']).toBe('param');
  });

  it('looks the global fetch up at call time, and a per-call fetch wins over the client one', async () => {
    const global = fakeFetch();
    vi.stubGlobal('fetch', global);
    try {
      await request(testClient(undefined as never, { fetch: undefined }), getUser, { user_id: 'g' });
      expect(global.calls).toHaveLength(1);
      const perCall = fakeFetch();
      await request(testClient(global), getUser, { user_id: 'p' }, { fetch: perCall });
      expect(perCall.calls).toHaveLength(1);
      expect(global.calls).toHaveLength(1);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('request: bodies', () => {
  const post = (body: NonNullable<OperationSpec['body']>): OperationSpec => ({ method: 'POST', path: '/things', body });

  it('json: JSON text with the media type', async () => {
    const f = fakeFetch();
    await request(testClient(f), post({ kind: 'json', mediaType: 'application/json' }), { body: { a: [1, 'x'], d: null } });
    expect(f.calls[0]!.headers['content-type']).toBe('application/json');
    expect(f.calls[0]!.body).toBe('{"a":[1,"x"],"d":null}');
  });

  it('json: the body key can be renamed; an undefined body sends nothing', async () => {
    const f = fakeFetch();
    const op = post({ kind: 'json', mediaType: 'application/merge-patch+json', key: 'requestBody' });
    await request(testClient(f), op, { requestBody: { a: 1 } });
    await request(testClient(f), op, {});
    expect(f.calls[0]!.headers['content-type']).toBe('application/merge-patch+json');
    expect(f.calls[0]!.body).toBe('{"a":1}');
    expect(f.calls[1]!.body).toBe('');
    expect(f.calls[1]!.headers['content-type']).toBeUndefined();
  });

  it('form: exploded form fields, arrays repeated, dates as ISO', async () => {
    const f = fakeFetch();
    const op = post({ kind: 'form', mediaType: 'application/x-www-form-urlencoded', encode: formBody });
    await request(testClient(f), op, { body: { a: 1, b: 'x y&z', tags: ['p', 'q'], at: new Date(0), skip: undefined } });
    expect(f.calls[0]!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(f.calls[0]!.body).toBe('a=1&b=x%20y%26z&tags=p&tags=q&at=1970-01-01T00%3A00%3A00.000Z');
    expect(Object.fromEntries(new URLSearchParams(f.calls[0]!.body))).toMatchObject({ b: 'x y&z' });
  });

  it('multipart: files, repeated fields and JSON text fields through toFormData; fetch sets the boundary', async () => {
    const f = fakeFetch();
    const op = post({ kind: 'multipart', mediaType: 'multipart/form-data', encode: toFormData });
    const file = new File(['hello'], 'hello.txt', { type: 'text/plain' });
    await request(testClient(f), op, {
      body: { file, purpose: 'test', ids: [1, 2], meta: { a: 1 }, blob: new Blob([new Uint8Array([1, 2])]), none: null },
    });
    const { headers } = f.calls[0]!;
    expect(headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    const form = await f.calls[0]!.request.clone().formData();
    expect((form.get('file') as File).name).toBe('hello.txt');
    expect(await (form.get('file') as File).text()).toBe('hello');
    expect(form.get('purpose')).toBe('test');
    expect(form.getAll('ids')).toEqual(['1', '2']);
    expect(form.get('meta')).toBe('{"a":1}');
    expect((form.get('blob') as File).name).toBe('blob.bin');
    expect(form.has('none')).toBe(false);
  });

  for (const [kind, mediaType] of [
    ['multipart', 'multipart/form-data'],
    ['form', 'application/x-www-form-urlencoded'],
  ] as const) {
    it(`${kind}: a plain object without an encoder is an error, not "[object Object]"`, async () => {
      const f = fakeFetch();
      // the type requires `encode` for these kinds; a spec written by hand in JavaScript may lack it
      const op = post({ kind, mediaType } as unknown as NonNullable<OperationSpec['body']>);
      await expect(request(testClient(f), op, { body: { a: 1 } })).rejects.toThrow(`POST /things: ${kind} bodies need op.body.encode`);
      expect(f.calls).toHaveLength(0);
    });
  }

  it('binary: bytes as is with the media type; a wildcard media type uses the Blob type', async () => {
    const f = fakeFetch();
    await request(testClient(f), post({ kind: 'binary', mediaType: 'application/octet-stream' }), {
      body: new Uint8Array([104, 105]),
    });
    await request(testClient(f), post({ kind: 'binary', mediaType: '*/*' }), { body: new Blob(['x'], { type: 'image/png' }) });
    await request(testClient(f), post({ kind: 'binary', mediaType: 'application/*' }), { body: new ArrayBuffer(2) });
    expect(f.calls.map((c) => c.headers['content-type'])).toEqual(['application/octet-stream', 'image/png', 'application/octet-stream']);
    expect(f.calls[0]!.body).toBe('hi');
  });

  it('binary: a ReadableStream body is streamed and never retried', async () => {
    const f = fakeFetch(() => new Response('no', { status: 503 }));
    const body = new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode('streamed'));
        c.close();
      },
    });
    const op: OperationSpec = { method: 'PUT', path: '/blob', body: { kind: 'binary', mediaType: 'application/octet-stream' } };
    await expect(request(testClient(f), op, { body })).rejects.toBeInstanceOf(InternalServerError);
    expect(f.calls).toHaveLength(1);
    expect(f.calls[0]!.body).toBe('streamed');
  });

  it('text: String(value) with the media type', async () => {
    const f = fakeFetch();
    await request(testClient(f), post({ kind: 'text', mediaType: 'text/plain' }), { body: 'héllo' });
    expect(f.calls[0]!.headers['content-type']).toBe('text/plain');
    expect(f.calls[0]!.body).toBe('héllo');
  });
});

describe('request: responses', () => {
  const op = (response?: OperationSpec['response']): OperationSpec => ({ method: 'GET', path: '/r', ...(response && { response }) });
  const cases: { name: string; op: OperationSpec; res: () => Response; want: unknown }[] = [
    { name: 'json', op: op(), res: () => json({ id: 1 }), want: { id: 1 } },
    { name: 'json, empty body → undefined', op: op('json'), res: () => new Response(''), want: undefined },
    { name: 'json, 204 → undefined', op: op('json'), res: () => new Response(null, { status: 204 }), want: undefined },
    { name: 'text', op: op('text'), res: () => new Response('plain'), want: 'plain' },
    { name: 'void', op: op('void'), res: () => new Response('ignored'), want: undefined },
  ];
  for (const { name, op, res, want } of cases) {
    it(name, async () => {
      expect(await request(testClient(fakeFetch(res)), op, undefined)).toEqual(want);
    });
  }

  it('blob', async () => {
    const blob = await request<Blob>(testClient(fakeFetch(() => new Response(new Uint8Array([1, 2, 3])))), op('blob'), undefined);
    expect(blob).toBeInstanceOf(Blob);
    expect([...new Uint8Array(await blob.arrayBuffer())]).toEqual([1, 2, 3]);
  });

  it('invalid JSON in a 2xx body is an OagenError naming the operation, not retried', async () => {
    const f = fakeFetch(() => new Response('{oops', { headers: { 'content-type': 'application/json' } }));
    const err = await failure(request(testClient(f), op(), undefined));
    expect(err).toBeInstanceOf(OagenError);
    expect(err.message).toBe('GET /r: the response is not valid JSON');
    expect(f.calls).toHaveLength(1);
  });

  it('ApiPromise: awaitable, then/catch/finally, Promise.all, withResponse, asResponse', async () => {
    const f = fakeFetch(() => json({ ok: true }, { status: 201, headers: { 'x-ratelimit-remaining': '9' } }));
    const client = testClient(f);
    const p = request<{ ok: boolean }>(client, op(), undefined);
    expect(p).toBeInstanceOf(ApiPromise);
    expect(Object.prototype.toString.call(p)).toBe('[object ApiPromise]');
    const { data, response } = await p.withResponse();
    expect(data).toEqual({ ok: true });
    expect(response.status).toBe(201);
    expect(response.headers.get('x-ratelimit-remaining')).toBe('9');
    expect(await p).toBe(data); // decoded once
    expect(await p.then((d) => d.ok)).toBe(true);
    let finished = false;
    await p.finally(() => (finished = true));
    expect(finished).toBe(true);
    expect(await Promise.all([p, request(client, op(), undefined)])).toEqual([{ ok: true }, { ok: true }]);
    const raw = await request(client, op(), undefined).asResponse();
    expect(raw.bodyUsed).toBe(false);
    expect(await raw.json()).toEqual({ ok: true });
    const caught = await request(testClient(fakeFetch(() => new Response('', { status: 404 }))), op(), undefined).catch(
      (e: unknown) => e,
    );
    expect(caught).toBeInstanceOf(NotFoundError);
  });

  it('an ApiPromise that fails before anyone awaits it is not an unhandled rejection', async () => {
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      const p = request(testClient(fakeFetch(() => new Response('', { status: 400 }))), op(), undefined, { maxRetries: 0 });
      await new Promise((r) => setTimeout(r, 20));
      await expect(p).rejects.toBeInstanceOf(BadRequestError);
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });
});

describe('request: errors', () => {
  const statuses: [number, Function][] = [
    [400, BadRequestError],
    [401, AuthenticationError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
    [409, ConflictError],
    [422, UnprocessableEntityError],
    [429, RateLimitError],
    [500, InternalServerError],
    [503, InternalServerError],
    [418, ApiError],
  ];
  for (const [status, Class] of statuses) {
    it(`${status} → ${Class.name}`, async () => {
      const f = fakeFetch(() => json({ error: { message: 'nope' } }, { status, headers: { 'x-request-id': 'req_1' } }));
      const err = await failure(request(testClient(f), getUser, { user_id: 'u1', limit: 5 }, { maxRetries: 0 }));
      expect(err).toBeInstanceOf(Class);
      expect(err).toBeInstanceOf(ApiError);
      expect(err.name).toBe(Class.name);
      expect(err.status).toBe(status);
      expect(err.body).toEqual({ error: { message: 'nope' } });
      expect(err.requestId).toBe('req_1');
      expect(err.headers.get('x-request-id')).toBe('req_1');
      expect(err.message).toBe(`${status} GET /users/u1: nope`); // no query string
    });
  }

  const bodies: { name: string; res: () => Response; body: unknown; message: string }[] = [
    { name: 'text body', res: () => new Response('Bad gateway\n  upstream', { status: 400 }), body: 'Bad gateway\n  upstream', message: '400 GET /r: Bad gateway upstream' },
    { name: 'empty body', res: () => new Response('', { status: 400 }), body: undefined, message: '400 GET /r' },
    { name: 'message field', res: () => json({ message: 'bad id' }, { status: 400 }), body: { message: 'bad id' }, message: '400 GET /r: bad id' },
    { name: 'other JSON', res: () => json({ detail: 'x' }, { status: 400 }), body: { detail: 'x' }, message: '400 GET /r: {"detail":"x"}' },
    { name: 'long body is cut', res: () => new Response('x'.repeat(500), { status: 400 }), body: 'x'.repeat(500), message: `400 GET /r: ${'x'.repeat(200)}…` },
  ];
  for (const { name, res, body, message } of bodies) {
    it(`error ${name}`, async () => {
      const err = await failure(request(testClient(fakeFetch(res)), { method: 'GET', path: '/r' }, undefined));
      expect(err.body).toEqual(body);
      expect(err.message).toBe(message);
    });
  }

  it('request-id header is the fallback for requestId', async () => {
    const f = fakeFetch(() => new Response('', { status: 400, headers: { 'request-id': 'r2' } }));
    const err = await failure(request(testClient(f), { method: 'GET', path: '/r' }, undefined));
    expect(err.requestId).toBe('r2');
  });
});

describe('request: retries (fake fetch)', () => {
  const seq = (...statuses: (number | Error)[]) =>
    fakeFetch((_, n) => {
      const s = statuses[Math.min(n, statuses.length) - 1]!;
      if (s instanceof Error) throw s;
      return json({ n }, { status: s });
    });
  const op = (method: OperationSpec['method'], extra: Partial<OperationSpec> = {}): OperationSpec => ({ method, path: '/x', ...extra });

  const cases: { name: string; op: OperationSpec; statuses: (number | Error)[]; options?: object; config?: object; calls: number; ok: boolean }[] = [
    { name: 'GET 500, 500, 200 → 3 attempts', op: op('GET'), statuses: [500, 500, 200], calls: 3, ok: true },
    { name: 'GET 500 ×3 → gives up after maxRetries=2', op: op('GET'), statuses: [500], calls: 3, ok: false },
    { name: 'retries 408, 409, 429, 502', op: op('GET'), statuses: [408, 409, 429, 502, 200], config: { maxRetries: 4 }, calls: 5, ok: true },
    { name: 'does not retry 400', op: op('GET'), statuses: [400, 200], calls: 1, ok: false },
    { name: 'does not retry 404', op: op('DELETE'), statuses: [404, 200], calls: 1, ok: false },
    { name: 'PUT, DELETE are idempotent', op: op('PUT'), statuses: [503, 200], calls: 2, ok: true },
    { name: 'POST is not retried', op: op('POST'), statuses: [500, 200], calls: 1, ok: false },
    { name: 'PATCH is not retried on 500', op: op('PATCH'), statuses: [500, 200], calls: 1, ok: false },
    { name: 'PATCH is retried on 429 (not processed)', op: op('PATCH'), statuses: [429, 200], calls: 2, ok: true },
    { name: 'POST is retried on 503 (not processed)', op: op('POST'), statuses: [503, 200], calls: 2, ok: true },
    { name: 'POST on 429 with retry: false', op: op('POST'), statuses: [429, 200], options: { retry: false }, calls: 1, ok: false },
    { name: 'POST with options.retry', op: op('POST'), statuses: [500, 200], options: { retry: true }, calls: 2, ok: true },
    { name: 'POST with op.retry', op: op('POST', { retry: true }), statuses: [500, 200], calls: 2, ok: true },
    { name: 'POST with an idempotency key', op: op('POST'), statuses: [500, 200], options: { idempotencyKey: 'k1' }, calls: 2, ok: true },
    { name: 'POST with idempotencyHeader configured', op: op('POST'), statuses: [500, 200], config: { idempotencyHeader: 'Idempotency-Key' }, calls: 2, ok: true },
    { name: 'GET with retry: false', op: op('GET'), statuses: [500, 200], options: { retry: false }, calls: 1, ok: false },
    { name: 'per-call maxRetries', op: op('GET'), statuses: [500], options: { maxRetries: 4 }, calls: 5, ok: false },
    { name: 'client maxRetries 0', op: op('GET'), statuses: [500, 200], config: { maxRetries: 0 }, calls: 1, ok: false },
    { name: 'connection errors are retried', op: op('GET'), statuses: [new TypeError('fetch failed'), 200], calls: 2, ok: true },
    { name: 'connection errors on POST are not', op: op('POST'), statuses: [new TypeError('fetch failed'), 200], calls: 1, ok: false },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const f = seq(...c.statuses);
      const result = await request(testClient(f, c.config), c.op, undefined, c.options).then(
        () => true,
        (e) => e,
      );
      expect(f.calls).toHaveLength(c.calls);
      if (c.ok) expect(result).toBe(true);
      else expect(result).toBeInstanceOf(OagenError);
    });
  }

  it('x-should-retry overrides the status rule, and true retries any method', async () => {
    const hinted = (status: number, hint: string) => fakeFetch((_, n) => (n === 1 ? new Response('', { status, headers: { 'x-should-retry': hint } }) : json({})));
    const cases: [OperationSpec['method'], number, string, number][] = [
      ['GET', 400, 'true', 2],
      ['GET', 503, 'false', 1],
      ['GET', 503, 'maybe', 2],
      ['POST', 400, 'true', 2],
      ['POST', 429, 'false', 1],
      ['POST', 500, 'maybe', 1],
    ];
    for (const [method, status, hint, calls] of cases) {
      const f = hinted(status, hint);
      await failure(request(testClient(f), op(method), undefined));
      expect(f.calls, `${method} ${status} x-should-retry: ${hint}`).toHaveLength(calls);
    }
  });

  it('a custom fetch that throws synchronously fails like a refused connection (retried)', async () => {
    let n = 0;
    const sync = ((() => {
      if (++n === 1) throw new TypeError('socket closed');
      return Promise.resolve(json({ ok: 1 }));
    }) as unknown) as typeof fetch;
    expect(await request(testClient(sync), op('GET'), undefined)).toEqual({ ok: 1 });
    expect(n).toBe(2);
    let calls = 0;
    const always = ((() => {
      calls++;
      throw new TypeError('socket closed');
    }) as unknown) as typeof fetch;
    const err = await failure(request(testClient(always), op('GET'), undefined, { maxRetries: 1 }));
    expect(err).toBeInstanceOf(ConnectionError);
    expect(calls).toBe(2);
  });

  it('connection failures become ConnectionError with the cause', async () => {
    const cause = new TypeError('fetch failed');
    const err = await failure(request(testClient(seq(cause)), op('GET'), undefined));
    expect(err).toBeInstanceOf(ConnectionError);
    expect(err.cause).toBe(cause);
    expect(err.message).toBe('GET /x: connection error');
  });

  it('the generated idempotency key is the same on every attempt; a per-call key wins', async () => {
    const f = seq(500, 500, 200);
    await request(testClient(f, { idempotencyHeader: 'Idempotency-Key' }), op('POST'), undefined);
    const keys = f.calls.map((c) => c.headers['idempotency-key']);
    expect(keys[0]).toMatch(/^[\w-]{16,}$/);
    expect(new Set(keys).size).toBe(1);
    const g = seq(200);
    await request(testClient(g, { idempotencyHeader: 'X-Idem' }), op('POST'), undefined, { idempotencyKey: 'mine' });
    expect(g.calls[0]!.headers['x-idem']).toBe('mine');
    const h = seq(200);
    await request(testClient(h, { idempotencyHeader: 'X-Idem' }), op('GET'), undefined);
    expect(h.calls[0]!.headers['x-idem']).toBeUndefined();
  });
});

describe('request: hooks', () => {
  afterEach(() => vi.restoreAllMocks());

  it('onRequest can edit or replace the request; onResponse sees every attempt', async () => {
    const f = fakeFetch((_, n) => (n === 1 ? new Response('', { status: 503 }) : json({ ok: 1 })));
    const seen: number[] = [];
    const client = testClient(f, {
      onRequest: (req) => {
        req.headers.set('x-signed', 'yes');
        return new Request(req, { headers: { ...Object.fromEntries(req.headers), 'x-replaced': '1' } });
      },
      onResponse: (res, req) => {
        seen.push(res.status);
        expect(req.headers.get('x-replaced')).toBe('1');
      },
    });
    expect(await request(client, { method: 'GET', path: '/h' }, undefined)).toEqual({ ok: 1 });
    expect(seen).toEqual([503, 200]);
    expect(f.calls.every((c) => c.headers['x-signed'] === 'yes' && c.headers['x-replaced'] === '1')).toBe(true);
  });

  it('an async onRequest hook is awaited; a throwing hook rejects the call without retrying', async () => {
    const f = fakeFetch();
    const client = testClient(f, {
      onRequest: async (req) => {
        await new Promise((r) => setTimeout(r, 1));
        req.headers.set('x-async', '1');
      },
    });
    await request(client, { method: 'GET', path: '/h' }, undefined);
    expect(f.calls[0]!.headers['x-async']).toBe('1');
    const boom = new Error('hook failed');
    const bad = testClient(f, { onResponse: () => Promise.reject(boom) });
    await expect(request(bad, { method: 'GET', path: '/h' }, undefined)).rejects.toBe(boom);
    expect(f.calls).toHaveLength(2);
  });
});
