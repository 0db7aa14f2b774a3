/**
 * Wire comparison: the compiled `generated/openai` package and OpenAI's official SDK (the
 * `openai` npm package) make the same calls against one recording server, which answers both
 * with the same scripted replies. Each case asserts the same requests on the wire (method, raw
 * path, parsed query, the headers that matter, the body parsed by its content type, multipart
 * part by part with filenames) and the same result, or the same kind of error.
 */
import { createReadStream, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import OpenAI, { toFile } from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Pkg from '../../generated/openai/src/index.js';
import { loadCompiledPackage, type CompiledPackage } from '../e2e/compiled-package.js';
import { expectSameRequests } from './compare.js';
import { both, drain, valueOf } from './run.js';
import { startRecordingServer, type RecordingServer, type Reply } from '../server.js';
import { tempDir } from '../tmp.js';

/**
 * The operation functions, called loosely: this test is about what goes on the wire, and the
 * shapes some of them take (several request media types, multipart objects) are being changed.
 */
type Operation = (client: Pkg.Client, params?: unknown, options?: unknown) => Promise<any>;
type Module = typeof Pkg & Record<string, Operation>;

let pkg: CompiledPackage<Module>;
let server: RecordingServer;
let m: Module;
let ours: Pkg.Client;
let sdk: OpenAI;

beforeAll(async () => {
  [pkg, server] = await Promise.all([loadCompiledPackage<Module>('openai'), startRecordingServer()]);
  m = pkg.module;
  ours = m.createClient({
    baseUrl: server.url,
    auth: { ApiKeyAuth: 'sk-test', AdminApiKeyAuth: 'sk-admin' },
    headers: { 'OpenAI-Organization': 'org-wire', 'OpenAI-Project': 'proj-wire' },
    maxRetries: 2,
    backoff: { initialDelay: 1, maxDelay: 5 },
  });
  sdk = new OpenAI({
    baseURL: server.url,
    apiKey: 'sk-test',
    adminAPIKey: 'sk-admin',
    organization: 'org-wire',
    project: 'proj-wire',
    maxRetries: 2,
  });
}, 60_000);
afterAll(async () => {
  await server?.close();
  await pkg?.dispose();
});

const user = (id: string, role = 'owner') => ({ object: 'organization.user', id, name: 'Ann Lee', email: 'ann@example.com', role, added_at: 1711471533 });

const completion = {
  id: 'chatcmpl-1',
  object: 'chat.completion',
  created: 1,
  model: 'gpt-4o',
  choices: [{ index: 0, message: { role: 'assistant', content: 'Hello!', refusal: null }, finish_reason: 'stop', logprobs: null }],
  usage: { prompt_tokens: 5, completion_tokens: 2, total_tokens: 7 },
};

const chatBody: Omit<Pkg.CreateChatCompletionRequest, 'stream'> = {
  model: 'gpt-4o',
  messages: [
    { role: 'system', content: 'Be brief.' },
    { role: 'user', content: [{ type: 'text', text: 'Say hello' }] },
  ],
  temperature: 0.2,
  max_completion_tokens: 50,
  metadata: { run: 'wire' },
  tools: [{ type: 'function', function: { name: 'greet', description: 'Greets', parameters: { type: 'object', properties: { who: { type: 'string' } } } } }],
};
/** The same body, as the SDK types it. */
const sdkChatBody = chatBody as unknown as OpenAI.ChatCompletionCreateParamsNonStreaming;

const chunk = (content: string) => ({
  id: 'chatcmpl-1',
  object: 'chat.completion.chunk',
  created: 1,
  model: 'gpt-4o',
  choices: [{ index: 0, delta: { content }, finish_reason: null }],
});

const fileObject = { id: 'file-abc', object: 'file', bytes: 14, created_at: 1, filename: 'train.jsonl', purpose: 'batch', status: 'uploaded', expires_at: 3601 };

/** Named files: both clients get the same `File`, so filenames and types must match on the wire. */
const jsonl = () => new File(['{"a":1}\n{"a":2}\n'], 'train.jsonl', { type: 'application/jsonl' });
const mp3 = () => new File([new Uint8Array([0x49, 0x44, 0x33, 1, 2, 3])], 'speech.mp3', { type: 'audio/mpeg' });
const png = (name: string) => new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, name.length])], name, { type: 'image/png' });

describe('generated/openai and the official SDK send the same requests', () => {
  it('admin: list users with after, limit and emails[]', async () => {
    const page = { object: 'list', data: [user('user_1')], first_id: 'user_1', last_id: 'user_1', has_more: false };
    const r = await both(
      server,
      [{ body: page }],
      async () => (await m.listUsers(ours, { after: 'user_abc', limit: 2, emails: ['a@x.io', 'b+c@x.io'] })).data,
      async () => (await sdk.admin.organization.users.list({ after: 'user_abc', limit: 2, emails: ['a@x.io', 'b+c@x.io'] })).data,
    );
    expectSameRequests(r.ours.requests, r.theirs.requests);
    expect(r.ours.requests[0]!.headers.authorization).toBe('Bearer sk-admin');
    expect(valueOf(r.ours, 'ours')).toEqual(valueOf(r.theirs, 'sdk'));
  });

  it('admin: every user across two pages (the next page asks after the last id)', async () => {
    const pages: Reply[] = [
      { body: { object: 'list', data: [user('user_1'), user('user_2')], first_id: 'user_1', last_id: 'user_2', has_more: true } },
      { body: { object: 'list', data: [user('user_3')], first_id: 'user_3', last_id: 'user_3', has_more: false } },
    ];
    const r = await both(
      server,
      pages,
      async () => (await drain(m.listUsers(ours, { limit: 2 }) as AsyncIterable<unknown>)).items,
      async () => (await drain(sdk.admin.organization.users.list({ limit: 2 }))).items,
    );
    expect(r.theirs.requests).toHaveLength(2);
    expectSameRequests(r.ours.requests, r.theirs.requests);
    expect(valueOf(r.ours, 'ours')).toEqual(valueOf(r.theirs, 'sdk'));
  });

  it('admin: modify a user (JSON body, id in the path)', async () => {
    const r = await both(
      server,
      [{ body: user('user_abc', 'reader') }],
      () => m.modifyUser(ours, { user_id: 'user_abc', body: { role: 'reader' } }),
      () => sdk.admin.organization.users.update('user_abc', { role: 'reader' }),
    );
    expectSameRequests(r.ours.requests, r.theirs.requests);
    expect(valueOf(r.ours, 'ours')).toEqual(valueOf(r.theirs, 'sdk'));
  });

  it('chat completion: a nested JSON body, the same parsed result', async () => {
    const r = await both(
      server,
      [{ body: completion, headers: { 'x-request-id': 'req_1' } }],
      () => m.createChatCompletion(ours, { body: chatBody }),
      () => sdk.chat.completions.create(sdkChatBody),
    );
    expectSameRequests(r.ours.requests, r.theirs.requests);
    expect(r.ours.requests[0]!.headers.authorization).toBe('Bearer sk-test');
    expect(valueOf(r.ours, 'ours')).toEqual(valueOf(r.theirs, 'sdk'));
  });

  it('chat stream: stream: true in the body, the same chunks until [DONE]', async () => {
    const events = [{ data: chunk('Hel') }, { data: chunk('lo') }, { data: '[DONE]' }];
    const r = await both(
      server,
      [{ events }],
      async () => drain(await m.createChatCompletionStream(ours, { body: chatBody })),
      async () => drain(await sdk.chat.completions.create({ ...sdkChatBody, stream: true })),
    );
    expectSameRequests(r.ours.requests, r.theirs.requests);
    const [a, b] = [valueOf(r.ours, 'ours'), valueOf(r.theirs, 'sdk')];
    expect(a.error).toBeUndefined();
    expect(b.error).toBeUndefined();
    expect(a.items).toEqual([chunk('Hel'), chunk('lo')]);
    expect(a.items).toEqual(b.items);
  });

  it('chat stream with an error event: both throw an API error (ours an ApiError with status, body and request id)', async () => {
    const error = { message: 'The server had an error while processing your request.', type: 'server_error', param: null, code: null };
    const events = [{ data: chunk('Hel') }, { data: { error } }, { data: chunk('never') }, { data: '[DONE]' }];
    const r = await both(
      server,
      [{ events, headers: { 'x-request-id': 'req_stream_err' } }],
      async () => drain(await m.createChatCompletionStream(ours, { body: chatBody })),
      async () => drain(await sdk.chat.completions.create({ ...sdkChatBody, stream: true })),
    );
    expectSameRequests(r.ours.requests, r.theirs.requests);
    const [a, b] = [valueOf(r.ours, 'ours'), valueOf(r.theirs, 'sdk')];
    expect(b.error).toBeInstanceOf(OpenAI.APIError);
    expect((b.error as InstanceType<typeof OpenAI.APIError>).requestID).toBe('req_stream_err');
    expect(a.items, 'only the chunk before the error is yielded').toEqual(b.items);
    expect(a.error).toBeInstanceOf(m.ApiError);
    const e = a.error as Pkg.ApiError;
    expect({ status: e.status, body: e.body, requestId: e.requestId }).toEqual({ status: 200, body: { error }, requestId: 'req_stream_err' });
  });

  it('responses stream with `event: error`: the same request; ours rejects with an ApiError where the SDK yields the event', async () => {
    const created = { type: 'response.created', sequence_number: 0, response: { id: 'resp_1', object: 'response', created_at: 1, status: 'in_progress', model: 'gpt-4o', output: [] } };
    const failed = { type: 'error', sequence_number: 1, code: 'server_error', message: 'The model failed', param: null };
    const events = [{ event: 'response.created', data: created }, { event: 'error', data: failed }];
    const body = { model: 'gpt-4o', input: 'Say hello' };
    const r = await both(
      server,
      [{ events, headers: { 'x-request-id': 'req_resp_err' } }],
      async () => drain(await m.createResponseStream(ours, { body })),
      async () => drain(await sdk.responses.create({ ...body, stream: true })),
    );
    expectSameRequests(r.ours.requests, r.theirs.requests);
    const [a, b] = [valueOf(r.ours, 'ours'), valueOf(r.theirs, 'sdk')];
    // issue 13, point 1: an `event: error` is never a chunk. openai-node 6 checks `event: error`
    // only for Assistants (`thread.*`) streams, and hands this one over as a ResponseErrorEvent.
    expect(b.items).toEqual([created, failed]);
    expect(a.items).toEqual([created]);
    expect(a.error).toBeInstanceOf(m.ApiError);
    const e = a.error as Pkg.ApiError;
    expect({ status: e.status, body: e.body, requestId: e.requestId }).toEqual({ status: 200, body: failed, requestId: 'req_resp_err' });
  });

  it('an HTTP error: the same error class, status, body and request id', async () => {
    const body = { error: { message: 'Invalid model', type: 'invalid_request_error', param: 'model', code: null } };
    const r = await both(
      server,
      [{ status: 400, body, headers: { 'x-request-id': 'req_400' } }],
      () => m.createChatCompletion(ours, { body: chatBody }),
      () => sdk.chat.completions.create(sdkChatBody),
    );
    expectSameRequests(r.ours.requests, r.theirs.requests);
    const [a, b] = [r.ours.error as Pkg.ApiError, r.theirs.error as InstanceType<typeof OpenAI.APIError>];
    expect(b).toBeInstanceOf(OpenAI.BadRequestError);
    expect(a).toBeInstanceOf(m.BadRequestError);
    expect({ status: a.status, error: (a.body as typeof body).error, requestId: a.requestId }).toEqual({ status: b.status, error: b.error, requestId: b.requestID });
  });

  it('createFile: the file with its name and type, purpose, and expires_after as expires_after[anchor] text fields', async () => {
    const expires_after = { anchor: 'created_at' as const, seconds: 3600 };
    const r = await both(
      server,
      [{ body: fileObject }],
      () => m.createFile(ours, { body: { file: jsonl(), purpose: 'batch', expires_after } }),
      () => sdk.files.create({ file: jsonl(), purpose: 'batch', expires_after: { anchor: 'created_at', seconds: 3600 } }),
    );
    expectSameRequests(r.ours.requests, r.theirs.requests);
    expect(valueOf(r.ours, 'ours')).toEqual(valueOf(r.theirs, 'sdk'));
  });

  it('transcription: timestamp_granularities[] repeated, chunking_strategy[type] fields, numbers as text, the audio file named', async () => {
    const reply = { text: 'hi', language: 'english', duration: 1, words: [{ word: 'hi', start: 0, end: 1 }], segments: [] };
    const params = {
      model: 'whisper-1',
      response_format: 'verbose_json' as const,
      timestamp_granularities: ['word' as const, 'segment' as const],
      chunking_strategy: { type: 'server_vad' as const, prefix_padding_ms: 300, threshold: 0.5 },
      temperature: 0,
      language: 'en',
    };
    const r = await both(
      server,
      [{ body: reply }],
      () => m.createTranscription(ours, { body: { file: mp3(), ...params } }),
      () => sdk.audio.transcriptions.create({ file: mp3(), ...params }),
    );
    expectSameRequests(r.ours.requests, r.theirs.requests);
    expect(valueOf(r.ours, 'ours')).toEqual(valueOf(r.theirs, 'sdk'));
  });

  it('image edit: two image files in one multipart body', async () => {
    const reply = { created: 1, data: [{ b64_json: 'aGk=' }] };
    const r = await both(
      server,
      [{ body: reply }],
      () => (m.createImageEdit as Operation)(ours, { body: { image: [png('a.png'), png('bb.png')], prompt: 'Put them together', model: 'gpt-image-1', n: 1 } }),
      () => sdk.images.edit({ image: [png('a.png'), png('bb.png')], prompt: 'Put them together', model: 'gpt-image-1', n: 1 }),
    );
    expectSameRequests(r.ours.requests, r.theirs.requests);
    expect(valueOf(r.ours, 'ours')).toEqual(valueOf(r.theirs, 'sdk'));
  });

  it('container file: multipart when a file is given, JSON with a file_id (one function, two media types)', async () => {
    const created = { id: 'cfile_1', object: 'container.file', container_id: 'cntr_1', created_at: 1, bytes: 14, path: '/mnt/data/train.jsonl', source: 'user' };
    const upload = await both(
      server,
      [{ body: created }],
      () => m.createContainerFile(ours, { container_id: 'cntr_1', body: { file: jsonl() } }),
      () => sdk.containers.files.create('cntr_1', { file: jsonl() }),
    );
    expectSameRequests(upload.ours.requests, upload.theirs.requests);
    expect(valueOf(upload.ours, 'ours')).toEqual(valueOf(upload.theirs, 'sdk'));
    const byId = await both(
      server,
      [{ body: created }],
      () => m.createContainerFile(ours, { container_id: 'cntr_1', body: { file_id: 'file-abc' } }),
      () => sdk.containers.files.create('cntr_1', { file_id: 'file-abc' }),
    );
    expectSameRequests(byId.ours.requests, byId.theirs.requests);
    expect(byId.ours.requests[0]!.headers['content-type']).toMatch(/^application\/json/);
  });

  it('video create with a reference image: multipart with the file and text fields', async () => {
    const video = { id: 'video_1', object: 'video', model: 'sora-2', status: 'queued', progress: 0, created_at: 1, seconds: '4', size: '720x1280' };
    const body = { prompt: 'A cat on a piano', model: 'sora-2' as const, seconds: '4' as const, size: '720x1280' as const };
    const r = await both(
      server,
      [{ body: video }],
      () => m.createVideo(ours, { body: { ...body, input_reference: png('ref.png') } }),
      () => sdk.videos.create({ ...body, input_reference: png('ref.png') }),
    );
    expectSameRequests(r.ours.requests, r.theirs.requests);
    expect(valueOf(r.ours, 'ours')).toEqual(valueOf(r.theirs, 'sdk'));
  });

  it('file download: the bytes of a JSONL file, decoded by the response content type', async () => {
    const content = '{"prompt":"a"}\n{"prompt":"b"}\n';
    const r = await both(
      server,
      [{ body: new TextEncoder().encode(content) }],
      () => m.downloadFile(ours, { file_id: 'file-abc' }),
      async () => (await sdk.files.content('file-abc')).text(),
    );
    expectSameRequests(r.ours.requests, r.theirs.requests);
    expect(valueOf(r.theirs, 'sdk')).toBe(content);
    expect(valueOf(r.ours, 'ours')).toBe(content);
  });

  it('chat completions list: a metadata filter as metadata[key]=value', async () => {
    const page = { object: 'list', data: [completion], first_id: 'chatcmpl-1', last_id: 'chatcmpl-1', has_more: false };
    const query = { metadata: { run: 'wire', 'team name': 'a&b' }, model: 'gpt-4o', limit: 5, order: 'desc' as const };
    const r = await both(
      server,
      [{ body: page }],
      async () => (await m.listChatCompletions(ours, query)).data,
      async () => (await sdk.chat.completions.list(query)).data,
    );
    expectSameRequests(r.ours.requests, r.theirs.requests);
    expect(valueOf(r.ours, 'ours')).toEqual(valueOf(r.theirs, 'sdk'));
  });

  it('responses retrieve: an include[] query array', async () => {
    const response = { id: 'resp_1', object: 'response', created_at: 1, status: 'completed', model: 'gpt-4o', output: [] };
    const include = ['message.output_text.logprobs' as const, 'reasoning.encrypted_content' as const];
    const r = await both(
      server,
      [{ body: response }],
      () => m.getResponse(ours, { response_id: 'resp_1', include, include_obfuscation: false }),
      () => sdk.responses.retrieve('resp_1', { include, include_obfuscation: false }),
    );
    expectSameRequests(r.ours.requests, r.theirs.requests);
    // the SDK adds its own convenience field `output_text` to a Response
    const { output_text: _, ...theirs } = valueOf(r.theirs, 'sdk') as unknown as Record<string, unknown>;
    expect(valueOf(r.ours, 'ours')).toEqual(theirs);
  });

  const retried: [string, Reply][] = [
    [
      '429 with Retry-After',
      {
        status: 429,
        body: { error: { message: 'Rate limit reached', type: 'requests', param: null, code: 'rate_limit_exceeded' } },
        headers: { 'retry-after-ms': '1', 'retry-after': '1' },
      },
    ],
    ['503', { status: 503, body: { error: { message: 'Overloaded', type: 'server_error', param: null, code: null } }, headers: { 'retry-after-ms': '1' } }],
    ['400 with x-should-retry: true', { status: 400, body: { error: { message: 'Try again', type: 'invalid_request_error', param: null, code: null } }, headers: { 'x-should-retry': 'true', 'retry-after-ms': '1' } }],
  ];
  it.each(retried)('retries a POST answered %s, then succeeds', async (_, first) => {
    const r = await both(
      server,
      [first, { body: completion }],
      () => m.createChatCompletion(ours, { body: chatBody }),
      () => sdk.chat.completions.create(sdkChatBody),
    );
    expect(r.theirs.requests).toHaveLength(2);
    expectSameRequests(r.ours.requests, r.theirs.requests);
    expect(valueOf(r.ours, 'ours')).toEqual(valueOf(r.theirs, 'sdk'));
  });

  it('retries a POST whose connection was reset, then succeeds', async () => {
    const r = await both(
      server,
      [{ reset: true }, { body: completion }],
      () => m.createChatCompletion(ours, { body: chatBody }),
      () => sdk.chat.completions.create(sdkChatBody),
    );
    expect(r.theirs.requests).toHaveLength(2);
    expectSameRequests(r.ours.requests, r.theirs.requests);
    expect(valueOf(r.ours, 'ours')).toEqual(valueOf(r.theirs, 'sdk'));
  });

  it('retries a GET whose connection was reset, then succeeds', async () => {
    const list = { object: 'list', data: [{ id: 'gpt-4o', object: 'model', created: 1, owned_by: 'openai' }] };
    const r = await both(
      server,
      [{ reset: true }, { body: list }],
      async () => (await m.listModels(ours)).data,
      async () => (await sdk.models.list()).data,
    );
    expect(r.theirs.requests).toHaveLength(2);
    expectSameRequests(r.ours.requests, r.theirs.requests);
    expect(valueOf(r.ours, 'ours')).toEqual(valueOf(r.theirs, 'sdk'));
  });

  it('per call: extra query parameters, headers and body fields the spec lacks', async () => {
    const r = await both(
      server,
      [{ body: completion }],
      () => m.createChatCompletion(ours, { body: chatBody }, { query: { beta: 'on' }, headers: { 'X-Trace': 't-1' }, body: { extra_field: { deep: [1, 2] } } } as Pkg.RequestOptions),
      () => sdk.chat.completions.create({ ...sdkChatBody, extra_field: { deep: [1, 2] } } as typeof sdkChatBody, { query: { beta: 'on' }, headers: { 'X-Trace': 't-1' } }),
    );
    expectSameRequests(r.ours.requests, r.theirs.requests, ['authorization', 'openai-organization', 'openai-project', 'x-trace']);
    expect(r.ours.requests[0]!.headers['x-trace']).toBe('t-1');
  });

  it('createClient() with no argument reads OPENAI_API_KEY and OPENAI_BASE_URL, as new OpenAI() does', async () => {
    // only these two: an OPENAI_ORG_ID or OPENAI_PROJECT_ID of the machine would add the SDK's headers
    const saved = { env: Object.entries(process.env).filter(([name]) => name.startsWith('OPENAI_')), fetch: globalThis.fetch };
    for (const [name] of saved.env) delete process.env[name];
    process.env.OPENAI_API_KEY = 'sk-from-env';
    process.env.OPENAI_BASE_URL = server.url;
    // a client that ignored the variables would call api.openai.com: never let it leave the machine
    globalThis.fetch = (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      return url.startsWith(server.url) ? saved.fetch(input, init) : Promise.reject(new TypeError(`blocked: ${url}`));
    };
    try {
      const list = { object: 'list', data: [{ id: 'gpt-4o', object: 'model', created: 1, owned_by: 'openai' }] };
      const r = await both(
        server,
        [{ body: list }],
        async () => (await m.listModels(m.createClient())).data,
        async () => (await new OpenAI({ maxRetries: 0 }).models.list()).data,
      );
      expectSameRequests(r.ours.requests, r.theirs.requests);
      expect(r.ours.requests[0]!.headers.authorization).toBe('Bearer sk-from-env');
      expect(valueOf(r.ours, 'ours')).toEqual(valueOf(r.theirs, 'sdk'));
    } finally {
      globalThis.fetch = saved.fetch;
      delete process.env.OPENAI_API_KEY;
      delete process.env.OPENAI_BASE_URL;
      Object.assign(process.env, Object.fromEntries(saved.env));
    }
  });

  it('toFile: the package exports it, and a file made with it uploads like the SDK’s toFile', async () => {
    expect(typeof m.toFile).toBe('function');
    const bytes = new TextEncoder().encode('{"a":1}\n');
    const r = await both(
      server,
      [{ body: fileObject }],
      async () => m.createFile(ours, { body: { file: await (m.toFile as unknown as typeof toFile)(bytes, 'data.jsonl', { type: 'application/jsonl' }), purpose: 'batch' } }),
      async () => sdk.files.create({ file: await toFile(bytes, 'data.jsonl', { type: 'application/jsonl' }), purpose: 'batch' }),
    );
    expectSameRequests(r.ours.requests, r.theirs.requests);
  });

  it('a Node.js file stream (fs.createReadStream) uploads with the file’s name, as the SDK does', async () => {
    const path = join(tempDir('oagen-wire-'), 'batch input.jsonl');
    writeFileSync(path, '{"custom_id":"1"}\n');
    const r = await both(
      server,
      [{ body: fileObject }],
      () => m.createFile(ours, { body: { file: createReadStream(path), purpose: 'batch' } }),
      () => sdk.files.create({ file: createReadStream(path), purpose: 'batch' }),
    );
    expectSameRequests(r.ours.requests, r.theirs.requests);
  });
});
