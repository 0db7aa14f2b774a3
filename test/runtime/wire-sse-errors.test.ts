/**
 * Error events inside an event stream (issue 13, point 1), against a real HTTP server: they
 * reject the iteration with an `ApiError` and are never yielded. The official `openai` package
 * is driven against the same server to pin down where oagen matches it and where it differs.
 */
import OpenAI from 'openai';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, createClientCore, InternalServerError, stream, type Client } from '../../templates/runtime/index.js';
import type { OperationSpec } from '../../templates/runtime/types.js';
import { sse, startServer, type FaultServer, type Step } from './fault-server.js';

let server: FaultServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
afterEach(async () => {
  // the rejected stream closed its connection
  expect(await server.settle()).toBe(0);
});

const chat: OperationSpec = { method: 'POST', path: '/chat/completions', response: 'sse', body: { kind: 'json', mediaType: 'application/json' } };
const client = (): Client => createClientCore({ baseUrl: server.url, maxRetries: 0 }, { baseUrl: 'https://unused.test', securitySchemes: {} });

/** An event stream whose response carries a request id. */
const withId =
  (chunks: string[], end: 'end' | 'open' = 'end'): Step =>
  (req, res, attempt) => {
    const writeHead = res.writeHead.bind(res);
    res.writeHead = ((status: number, headers: Record<string, string>) => writeHead(status, { ...headers, 'x-request-id': 'req_123' })) as never;
    sse(chunks, end)(req, res, attempt);
  };

/** Iterates, collecting the yielded events and the rejection. */
async function drain(op: OperationSpec = chat) {
  const got: unknown[] = [];
  const events = await stream<unknown>(client(), op, { body: { stream: true } });
  const error = await (async () => {
    for await (const e of events) got.push(e);
  })().then(
    () => undefined,
    (e: unknown) => e as ApiError,
  );
  return { got, error };
}

const chunk = 'data: {"id":"c1","choices":[{"delta":{"content":"Hi"}}]}\n\n';
const errorData = { error: { message: 'The server had an error while processing your request.', type: 'server_error', code: null } };

describe('SSE error events', () => {
  it('data with a top-level `error` rejects with an ApiError: status, headers, body, requestId; never yielded', async () => {
    server.script(withId([chunk, `data: ${JSON.stringify(errorData)}\n\n`, chunk], 'open'));
    const { got, error } = await drain();
    expect(got).toEqual([{ id: 'c1', choices: [{ delta: { content: 'Hi' } }] }]);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).not.toBeInstanceOf(InternalServerError);
    expect(error!.status).toBe(200);
    expect(error!.body).toEqual(errorData);
    expect(error!.requestId).toBe('req_123');
    expect(error!.headers.get('content-type')).toBe('text/event-stream');
    expect(error!.message).toBe('error event in POST /chat/completions: The server had an error while processing your request.');
  });

  it('`event: error` rejects too, with JSON data or plain text', async () => {
    server.script(withId([chunk, 'event: error\ndata: {"message":"overloaded","code":"busy"}\n\n']));
    const json = await drain();
    expect(json.got).toHaveLength(1);
    expect(json.error).toBeInstanceOf(ApiError);
    expect(json.error!.body).toEqual({ message: 'overloaded', code: 'busy' });
    expect(json.error!.message).toContain(': overloaded');

    server.script(withId(['event: error\ndata: upstream went away\n\n']));
    const text = await drain();
    expect(text.got).toEqual([]);
    expect(text.error).toBeInstanceOf(ApiError);
    expect(text.error!.body).toBe('upstream went away');
    expect(text.error!.requestId).toBe('req_123');
  });

  it("with eventErrors: 'event' (the event type has its own `error` field) only `event: error` is an error", async () => {
    const op: OperationSpec = { ...chat, eventErrors: 'event' };
    server.script(withId(['event: response.failed\ndata: {"type":"response.failed","error":{"code":"x"}}\n\n', 'event: error\ndata: {"type":"error","message":"bad"}\n\n']));
    const { got, error } = await drain(op);
    expect(got).toEqual([{ type: 'response.failed', error: { code: 'x' } }]);
    expect(error).toBeInstanceOf(ApiError);
    expect(error!.body).toEqual({ type: 'error', message: 'bad' });
  });

  it('an `error` member that is null (or false) is not an error, as in the openai package', async () => {
    server.script(withId(['data: {"n":1,"error":null}\n\n', 'data: {"n":2,"error":false}\n\n', 'data: [DONE]\n\n']));
    const { got, error } = await drain();
    expect(error).toBeUndefined();
    expect(got).toEqual([
      { n: 1, error: null },
      { n: 2, error: false },
    ]);
  });

  it('the error ends the stream even when the server keeps it open', async () => {
    server.script(withId([`data: ${JSON.stringify(errorData)}\n\n`], 'open'));
    const { error } = await drain();
    expect(error).toBeInstanceOf(ApiError);
    // afterEach: the connection is closed
  });
});

describe('SSE error events: the openai package on the same stream', () => {
  it('both reject; same request id and message; openai has no status and the inner object as `error`', async () => {
    server.script(withId([chunk, `data: ${JSON.stringify(errorData)}\n\n`]));
    const openai = new OpenAI({ apiKey: 'sk-test', baseURL: server.url, maxRetries: 0 });
    const got: unknown[] = [];
    const theirs = await (async () => {
      const s = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Hi' }], stream: true });
      for await (const c of s) got.push(c);
    })().then(
      () => undefined,
      (e: unknown) => e as InstanceType<typeof OpenAI.APIError>,
    );
    server.script(withId([chunk, `data: ${JSON.stringify(errorData)}\n\n`]));
    const ours = await drain();

    expect(theirs).toBeInstanceOf(OpenAI.APIError);
    expect(ours.error).toBeInstanceOf(ApiError);
    expect(got).toEqual(ours.got); // the chunk before the error, then nothing
    expect(ours.error!.requestId).toBe(theirs!.requestID);
    expect(theirs!.message).toBe(errorData.error.message);
    expect(ours.error!.message.endsWith(`: ${errorData.error.message}`)).toBe(true);
    // deliberate differences: oagen's ApiError always has a status (the stream's, 200) and its
    // body is the whole event data, as for HTTP errors (`body.error` is openai's `error`)
    expect(theirs!.status).toBeUndefined();
    expect(ours.error!.status).toBe(200);
    expect(theirs!.error).toEqual(errorData.error);
    expect((ours.error!.body as typeof errorData).error).toEqual(theirs!.error);
  });
});
