/**
 * Responses decoded by what came back (issue 13, point 2), against a real HTTP server: the
 * response's Content-Type against the operation's declared kind, and the `Accept` header sent.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createClientCore, OagenError, request, type Client } from '../../templates/runtime/index.js';
import type { OperationSpec, ResponseKind } from '../../templates/runtime/types.js';
import { startServer, type FaultServer, type Step } from './fault-server.js';

let server: FaultServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
afterEach(async () => {
  expect(await server.settle()).toBe(0);
});

const client = (): Client => createClientCore({ baseUrl: server.url, maxRetries: 0 }, { baseUrl: 'https://unused.test', securitySchemes: {} });
const op = (response?: ResponseKind, extra: Partial<OperationSpec> = {}): OperationSpec => ({ method: 'GET', path: '/files/{id}/content', params: ['path:id'], response, ...extra });

/** Answers 200 with `body` as bytes and the given Content-Type (none when undefined). */
const send =
  (body: string, type?: string): Step =>
  (_req, res) => {
    res.writeHead(200, type ? { 'content-type': type } : {});
    res.end(body);
  };
const call = (o: OperationSpec) => request<unknown>(client(), o, { id: 'file-1' }).then(
  (data) => ({ data }),
  (error: unknown) => ({ error: error as Error }),
);

describe('decoding by Content-Type', () => {
  const cases: { name: string; kind?: ResponseKind; body: string; type?: string; want?: unknown; error?: RegExp }[] = [
    { name: 'json + application/json parses', body: '{"a":1}', type: 'application/json', want: { a: 1 } },
    { name: 'json + a charset parameter', body: '{"a":1}', type: 'application/json; charset=utf-8', want: { a: 1 } },
    { name: 'json + application/problem+json', body: '{"title":"t"}', type: 'application/problem+json', want: { title: 't' } },
    { name: 'json + no Content-Type: the declared kind', body: '[1,2]', want: [1, 2] },
    { name: 'json + empty body: undefined', body: '', type: 'application/json', want: undefined },
    { name: 'json + octet-stream: an error naming the type', body: '{"a":1}\n', type: 'application/octet-stream', error: /GET \/files\/file-1\/content: expected a JSON response, got application\/octet-stream$/ },
    { name: 'json + text/html: an error naming the type', body: '<h1>502</h1>', type: 'text/html; charset=utf-8', error: /got text\/html; charset=utf-8/ },
    { name: 'json + application/json that is not JSON', body: '{oops', type: 'application/json', error: /the response is not valid JSON/ },
    // OpenAI's file content: declared `application/json` + `type: string`, sent as bytes
    { name: 'text + octet-stream: the text', kind: 'text', body: '{"prompt":"a"}\n{"prompt":"b"}\n', type: 'application/octet-stream', want: '{"prompt":"a"}\n{"prompt":"b"}\n' },
    { name: 'text + a one-line JSON object: still the text', kind: 'text', body: '{"prompt":"a"}', type: 'application/octet-stream', want: '{"prompt":"a"}' },
    { name: 'text + application/json string: unwrapped', kind: 'text', body: '"hello"', type: 'application/json', want: 'hello' },
    { name: 'text + application/json object: the text as it came', kind: 'text', body: '{"a":1}', type: 'application/json', want: '{"a":1}' },
    { name: 'text + no Content-Type', kind: 'text', body: 'plain', want: 'plain' },
    { name: 'text + empty body', kind: 'text', body: '', type: 'text/plain', want: '' },
    { name: 'void ignores the body', kind: 'void', body: 'whatever', type: 'text/plain', want: undefined },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      server.script(send(c.body, c.type));
      const result = await call(op(c.kind));
      if (c.error) {
        const { error } = result as { error: Error };
        expect(error).toBeInstanceOf(OagenError);
        expect(error.message).toMatch(c.error);
      } else expect(result).toEqual({ data: c.want });
      // a decoding error is not retried
      expect(server.attempts).toHaveLength(1);
    });
  }

  it('blob gets a Blob whatever the type', async () => {
    for (const type of ['application/json', 'application/octet-stream', undefined]) {
      server.script(send('{"a":1}', type));
      const { data } = (await call(op('blob'))) as { data: Blob };
      expect(data).toBeInstanceOf(Blob);
      expect(await data.text()).toBe('{"a":1}');
    }
  });
});

describe('Accept', () => {
  const accept = async (o: OperationSpec, type = 'application/json') => {
    server.script(send('{}', type));
    await call(o);
    return server.attempts[0]!.headers.accept;
  };

  it('op.accept when given', async () => {
    expect(await accept(op('text', { accept: 'application/octet-stream, application/json' }), 'application/octet-stream')).toBe('application/octet-stream, application/json');
    expect(await accept(op('blob', { accept: 'image/png' }), 'image/png')).toBe('image/png');
  });

  it('application/json for a json response, else none (fetch sends */*)', async () => {
    expect(await accept(op())).toBe('application/json');
    expect(await accept(op('blob'))).toBe('*/*');
    expect(await accept(op('text'), 'text/plain')).toBe('*/*');
  });

  it('a call header overrides it', async () => {
    server.script(send('{}', 'application/json'));
    await request(client(), op(undefined, { accept: 'application/json' }), { id: 'x' }, { headers: { Accept: 'application/vnd.test+json' } });
    expect(server.attempts[0]!.headers.accept).toBe('application/vnd.test+json');
  });
});
