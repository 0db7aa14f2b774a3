/**
 * End to end: the compiled `generated/openai` package (the whole OpenAI spec), loaded by Node
 * as ESM, calls a recording HTTP server with the kinds of operations only the full spec has:
 * a multipart upload, a binary download, a server-sent-event stream, and plain JSON.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type * as Pkg from '../../generated/openai/src/index.js';
import { expectNoOpenSockets } from './open-handles.js';
import { loadCompiledPackage, type CompiledPackage } from './compiled-package.js';
import { startRecordingServer, type RecordingServer } from '../server.js';

type OpenAI = typeof Pkg;

let pkg: CompiledPackage<OpenAI>;
let server: RecordingServer;
let client: Pkg.Client;

beforeAll(async () => {
  [pkg, server] = await Promise.all([loadCompiledPackage<OpenAI>('openai'), startRecordingServer()]);
  client = pkg.module.createClient({ baseUrl: server.url, auth: { ApiKeyAuth: 'sk-test' } });
}, 120_000);
afterAll(async () => {
  await server?.close();
  await pkg?.dispose();
  await expectNoOpenSockets();
});
beforeEach(() => server.reset());

describe('generated/openai against a recording server', () => {
  it('listModels: GET with the bearer token, typed JSON result', async () => {
    const list: Pkg.ListModelsResponse = { object: 'list', data: [{ id: 'gpt-x', object: 'model', created: 1, owned_by: 'me' }] };
    server.script({ body: list });
    const got = await pkg.module.listModels(client);
    expect(got).toEqual(list);
    const req = server.last();
    expect([req.method, req.path, req.headers.authorization]).toEqual(['GET', '/models', 'Bearer sk-test']);
  });

  it('createFile: a multipart/form-data upload with the file and its purpose', async () => {
    server.script({ body: { id: 'file-1', object: 'file', bytes: 5, created_at: 1, filename: 'a.jsonl', purpose: 'batch', status: 'uploaded' } });
    const file = new Blob(['{"a":1}\n'], { type: 'application/jsonl' });
    const got = await pkg.module.createFile(client, { body: { file, purpose: 'batch' } });
    expect(got.id).toBe('file-1');
    const req = server.last();
    expect([req.method, req.path]).toEqual(['POST', '/files']);
    const type = String(req.headers['content-type']);
    expect(type).toMatch(/^multipart\/form-data; boundary=/);
    const boundary = type.slice(type.indexOf('boundary=') + 'boundary='.length);
    const parts = req.body.split(`--${boundary}`).slice(1, -1);
    expect(parts).toHaveLength(2);
    const byName = new Map(parts.map((p) => [/name="([^"]+)"/.exec(p)?.[1], p]));
    expect(byName.get('purpose')).toMatch(/\r\n\r\nbatch\r\n$/);
    expect(byName.get('file')).toMatch(/Content-Type: application\/jsonl\r\n\r\n\{"a":1\}\n\r\n$/);
  });

  it('createSpeech: a binary download resolves to a Blob with the bytes sent', async () => {
    server.script({ body: 'ID3\u0001\u0002audio', headers: { 'content-type': 'audio/mpeg' } });
    const got = await pkg.module.createSpeech(client, { body: { model: 'tts-1', input: 'hi', voice: 'alloy' } });
    expect(got).toBeInstanceOf(Blob);
    expect(got.type).toBe('audio/mpeg');
    expect(await got.text()).toBe('ID3\u0001\u0002audio');
    const req = server.last();
    expect([req.method, req.path, req.headers['content-type']]).toEqual(['POST', '/audio/speech', 'application/json']);
    expect(JSON.parse(req.body)).toEqual({ model: 'tts-1', input: 'hi', voice: 'alloy' });
  });

  it('createChatCompletionStream: sends stream: true and yields typed events until [DONE]', async () => {
    const chunk = (content: string) => ({
      id: 'c1',
      object: 'chat.completion.chunk',
      created: 1,
      model: 'gpt-x',
      choices: [{ index: 0, delta: { content }, finish_reason: null }],
    });
    server.script({ events: [{ data: chunk('Hel') }, { data: chunk('lo') }, { data: '[DONE]' }] });
    const stream = await pkg.module.createChatCompletionStream(client, { body: { model: 'gpt-x', messages: [{ role: 'user', content: 'hi' }] } });
    const text: string[] = [];
    for await (const event of stream) text.push(event.choices[0]?.delta.content ?? '');
    expect(text).toEqual(['Hel', 'lo']);
    const req = server.last();
    expect([req.method, req.path]).toEqual(['POST', '/chat/completions']);
    expect(JSON.parse(req.body)).toEqual({ model: 'gpt-x', messages: [{ role: 'user', content: 'hi' }], stream: true });
  });
});
