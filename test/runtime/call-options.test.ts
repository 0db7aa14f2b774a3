/**
 * Per-call escape hatches (issue 13, points 5 and 10), against a real HTTP server: extra
 * `query`, `headers` and `body` fields, `fetchOptions` passed to `fetch`, a `baseUrl` for one
 * call, and `contentType` with the choice among several request media types.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createClientCore, formBody, request, toFormData, type RequestOptions } from '../../templates/runtime/index.js';
import type { OperationSpec } from '../../templates/runtime/types.js';
import { reply, startServer, type Attempt, type FaultServer } from './fault-server.js';

let server: FaultServer;
let other: FaultServer;
beforeAll(async () => {
  [server, other] = await Promise.all([startServer(), startServer()]);
});
afterAll(() => Promise.all([server.close(), other.close()]));
afterEach(async () => {
  expect(await server.settle()).toBe(0);
  expect(await other.settle()).toBe(0);
});

const client = () => createClientCore({ baseUrl: server.url, maxRetries: 0, timeout: 3000 }, { baseUrl: 'https://unused.test', securitySchemes: {} });
const json = { kind: 'json', mediaType: 'application/json' } as const;
const multipart = { kind: 'multipart', mediaType: 'multipart/form-data', encode: toFormData } as const;
const form = { kind: 'form', mediaType: 'application/x-www-form-urlencoded', encode: formBody } as const;
const octets = { kind: 'binary', mediaType: 'application/octet-stream' } as const;

async function call(op: OperationSpec, params: object, options?: RequestOptions): Promise<Attempt> {
  server.script(reply(200, {}));
  await request(client(), op, params, options);
  return server.attempts[0]!;
}
const fields = async (a: Attempt) => {
  const data = await new Response(new Uint8Array(a.body), { headers: { 'content-type': String(a.headers['content-type']) } }).formData();
  return [...data].map(([k, v]) => [k, typeof v == 'string' ? v : `file:${(v as File).name}:${(v as File).type}`]);
};

describe('query', () => {
  const list: OperationSpec = { method: 'GET', path: '/items', params: ['query:limit'] };

  it('extra parameters follow the spec ones, form + explode', async () => {
    const a = await call(list, { limit: 2 }, { query: { 'api-version': '2024-10-01', include: ['a', 'b'], filter: { k: 'v w' }, none: undefined } });
    expect(a.url).toBe('/items?limit=2&api-version=2024-10-01&include=a&include=b&k=v%20w');
  });

  it('alone', async () => {
    expect((await call({ method: 'GET', path: '/items' }, {}, { query: { q: 'x&y' } })).url).toBe('/items?q=x%26y');
  });
});

describe('headers', () => {
  it('override the built ones', async () => {
    const a = await call({ method: 'GET', path: '/h' }, {}, { headers: { 'x-extra': '1', accept: 'text/csv' } });
    expect(a.headers['x-extra']).toBe('1');
    expect(a.headers.accept).toBe('text/csv');
  });
});

describe('body', () => {
  it('extra fields merged into a JSON body (they win over the same names)', async () => {
    const a = await call({ method: 'POST', path: '/j', body: json }, { body: { model: 'm', n: 1 } }, { body: { n: 2, store: true } });
    expect(JSON.parse(a.body.toString())).toEqual({ model: 'm', n: 2, store: true });
    expect(a.headers['content-type']).toBe('application/json');
  });

  it('into a form body', async () => {
    const a = await call({ method: 'POST', path: '/f', body: form }, { body: { email: 'a@b.c' } }, { body: { description: 'x y' } });
    expect(new URLSearchParams(a.body.toString()).toString()).toBe('email=a%40b.c&description=x+y');
  });

  it('into a multipart body', async () => {
    const file = new File(['{}'], 'data.jsonl', { type: 'application/jsonl' });
    const a = await call({ method: 'POST', path: '/m', body: multipart }, { body: { file, purpose: 'batch' } }, { body: { expires: '3600' } });
    expect(await fields(a)).toEqual([
      ['file', 'file:data.jsonl:application/jsonl'],
      ['purpose', 'batch'],
      ['expires', '3600'],
    ]);
  });

  it('an operation without a body sends the fields as JSON; an optional body left out takes them alone', async () => {
    const a = await call({ method: 'POST', path: '/n' }, {}, { body: { extra: 1 } });
    expect(a.body.toString()).toBe('{"extra":1}');
    expect(a.headers['content-type']).toBe('application/json');
    expect((await call({ method: 'POST', path: '/o', body: json }, {}, { body: { only: true } })).body.toString()).toBe('{"only":true}');
  });

  it('a body that is not a plain object cannot take fields', async () => {
    const op: OperationSpec = { method: 'POST', path: '/b', body: octets };
    await expect(request(client(), op, { body: new Blob(['x']) }, { body: { a: 1 } })).rejects.toThrow('POST /b: options.body needs an object body');
    await expect(request(client(), { ...op, body: json }, { body: [1] }, { body: { a: 1 } })).rejects.toThrow(TypeError);
  });
});

describe('fetchOptions', () => {
  it('reach fetch itself: an undici dispatcher sees the request', async () => {
    await call({ method: 'GET', path: '/warm' }, {});
    // Node's fetch keeps its global undici Agent here; a dispatcher that delegates to it
    const agent = (globalThis as any)[Symbol.for('undici.globalDispatcher.1')];
    expect(agent).toBeTruthy();
    const seen: string[] = [];
    const dispatcher = Object.create(agent, {
      dispatch: {
        value(opts: { path: string }, handler: unknown) {
          seen.push(opts.path);
          return agent.dispatch(opts, handler);
        },
      },
    });
    await call({ method: 'POST', path: '/d', body: json }, { body: { a: 1 } }, { fetchOptions: { dispatcher } });
    expect(seen).toEqual(['/d']);
    expect(server.attempts[0]!.body.toString()).toBe('{"a":1}');
  });

  it('a custom fetch gets them as its second argument, with the call signal instead of theirs', async () => {
    const inits: (RequestInit | undefined)[] = [];
    const mine = new AbortController();
    const theirs = new AbortController();
    const c = createClientCore(
      {
        baseUrl: server.url,
        fetch: (input, init) => {
          inits.push(init);
          return fetch(input, init);
        },
      },
      { baseUrl: 'x', securitySchemes: {} },
    );
    server.script(reply(200, {}));
    await request(c, { method: 'GET', path: '/c' }, {}, { signal: mine.signal, fetchOptions: { cache: 'no-store', signal: theirs.signal, custom: 1 } });
    expect(inits[0]).toMatchObject({ cache: 'no-store', custom: 1 });
    expect(inits[0]!.signal).not.toBe(theirs.signal);
    // without fetchOptions, fetch gets the Request alone
    await request(c, { method: 'GET', path: '/c' }, {});
    expect(inits[1]).toBeUndefined();
  });

  it('with a ReadableStream body', async () => {
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new TextEncoder().encode('streamed'));
        c.close();
      },
    });
    const a = await call({ method: 'POST', path: '/s', body: octets }, { body }, { fetchOptions: { cache: 'no-store' } });
    expect(a.body.toString()).toBe('streamed');
  });

  it('the timeout still applies', async () => {
    const { delay } = await import('./fault-server.js');
    server.script(delay(1000, reply(200, {})));
    const err = await request(client(), { method: 'GET', path: '/slow' }, {}, { timeout: 100, fetchOptions: { cache: 'no-store' } }).catch((e: Error) => e);
    expect((err as Error).name).toBe('TimeoutError');
  });
});

describe('baseUrl', () => {
  it('sends one call elsewhere, with its path and query', async () => {
    other.script(reply(200, { there: true }));
    server.script(reply(200, {}));
    const data = await request(client(), { method: 'GET', path: '/v1/x', params: ['query:a'] }, { a: 1 }, { baseUrl: other.url + '/' });
    expect(data).toEqual({ there: true });
    expect(other.attempts[0]!.url).toBe('/v1/x?a=1');
    expect(server.attempts).toHaveLength(0);
  });
});

describe('several request media types', () => {
  const edit: OperationSpec = { method: 'POST', path: '/images/edits', body: [json, multipart] };
  const png = new Blob([new Uint8Array([137, 80, 78, 71])], { type: 'image/png' });

  it('a value holding a file goes multipart', async () => {
    const a = await call(edit, { body: { image: new File([png], 'cat.png', { type: 'image/png' }), prompt: 'hat' } });
    expect(a.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(await fields(a)).toEqual([
      ['image', 'file:cat.png:image/png'],
      ['prompt', 'hat'],
    ]);
  });

  it('one array deep, and other file kinds (Uint8Array, ArrayBuffer, ReadableStream)', async () => {
    for (const file of [[new File([png], 'a.png')], new Uint8Array([1]), new ArrayBuffer(1), [new Blob(['x'])]]) {
      const a = await call({ ...edit, body: [json, { ...multipart, encode: (v: Record<string, unknown>) => toFormData({ ...v, image: new Blob(['x']) }) }] }, { body: { image: file } });
      expect(String(a.headers['content-type'])).toMatch(/^multipart\/form-data/);
    }
    const stream = new ReadableStream({ start: (c) => c.close() });
    server.script(reply(200, {}));
    let chosen = '';
    await request(client(), { ...edit, body: [json, { ...multipart, encode: () => ((chosen = 'multipart'), new FormData()) }] }, { body: { image: stream } });
    expect(chosen).toBe('multipart');
  });

  it('otherwise JSON, whichever comes first', async () => {
    const a = await call({ ...edit, body: [multipart, json] }, { body: { image_url: 'https://x/cat.png', prompt: 'hat' } });
    expect(a.headers['content-type']).toBe('application/json');
    expect(JSON.parse(a.body.toString())).toEqual({ image_url: 'https://x/cat.png', prompt: 'hat' });
  });

  it('no JSON and no file: the first', async () => {
    const a = await call({ ...edit, body: [form, multipart] }, { body: { prompt: 'hat' } });
    expect(a.headers['content-type']).toBe('application/x-www-form-urlencoded');
  });

  it('a bare file goes to the binary media type', async () => {
    const a = await call({ ...edit, body: [json, octets] }, { body: png });
    expect(a.headers['content-type']).toBe('application/octet-stream');
    expect([...a.body]).toEqual([137, 80, 78, 71]);
  });

  it('a FormData goes multipart', async () => {
    const data = new FormData();
    data.append('prompt', 'hat');
    const a = await call(edit, { body: data });
    expect(await fields(a)).toEqual([['prompt', 'hat']]);
  });

  it('options.contentType wins', async () => {
    const a = await call(edit, { body: { prompt: 'hat', n: 2 } }, { contentType: 'multipart/form-data' });
    expect(await fields(a)).toEqual([
      ['prompt', 'hat'],
      ['n', '2'],
    ]);
    const b = await call({ ...edit, body: [multipart, json] }, { body: { prompt: 'hat' } }, { contentType: 'application/json' });
    expect(b.headers['content-type']).toBe('application/json');
  });

  it('an undeclared contentType is an error before anything is sent', async () => {
    server.script(reply(200, {}));
    await expect(request(client(), edit, { body: {} }, { contentType: 'text/plain' })).rejects.toThrow('POST /images/edits: no request body of type text/plain');
    expect(server.attempts).toHaveLength(0);
  });

  it('encode receives the chosen spec', async () => {
    const specs: unknown[] = [];
    const mp = { ...multipart, encode: (v: unknown, spec: unknown) => (specs.push(spec), toFormData(v)) };
    await call({ ...edit, body: [json, mp] }, { body: { f: png } });
    expect(specs).toEqual([mp]);
  });
});
