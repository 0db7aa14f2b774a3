/**
 * The OperationSpec fields of issue 13 (contract-13.md), as the emitter writes them for a
 * fixture with each case (test/fixtures/wire/wire.yaml), with and without the config's
 * `serialization`, `servers` and `env`: what the runtime reads to be right on the wire.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { ClientConfig } from '../../../src/config.js';
import { ROOT, renderSpec } from '../../generate/helpers.js';

const SPEC = join(ROOT, 'test/fixtures/wire/wire.yaml');

/** The `const <name>: OperationSpec = { … };` literal of one operation, from its API file. */
function specOf(files: Map<string, string>, name: string): string {
  for (const [path, content] of files) {
    if (!path.startsWith('src/api/')) continue;
    const m = new RegExp(`const ${name}: OperationSpec = (\\{[^\\n]*\\}|\\{[\\s\\S]*?\\n\\});`).exec(content);
    if (m) return m[1]!;
  }
  throw new Error(`no ${name}`);
}

function api(files: Map<string, string>): string {
  return [...files].filter(([p]) => p.startsWith('src/api/')).map(([, c]) => c).join('\n');
}

describe('OperationSpec fields from the spec alone', async () => {
  const files = await renderSpec(SPEC, 'wire');

  it('server: path-level servers, variables at their defaults, no trailing slash; operation-level ones win', () => {
    expect(specOf(files, 'createUploadSpec')).toContain("server: 'https://us.uploads.example.com',");
    expect(specOf(files, 'getUploadContentSpec')).toContain("server: 'https://files.example.com',");
    expect(specOf(files, 'listChatsSpec')).not.toContain('server:');
  });

  it('body: one BodySpec per media type, JSON first, multipart with its encoding; the params type is their union', () => {
    const spec = specOf(files, 'createUploadSpec');
    expect(spec).toContain(
      [
        '  body: [',
        "    { kind: 'json', mediaType: 'application/json', required: true },",
        '    {',
        "      kind: 'multipart',",
        "      mediaType: 'multipart/form-data',",
        '      required: true,',
        "      encoding: { meta: { contentType: 'application/json' }, tags: { style: 'form', explode: true } },",
        '      encode: toFormData,',
        '    },',
        '  ],',
      ].join('\n'),
    );
    expect(api(files)).toContain('  body: UploadJson | UploadMultipart;');
  });

  it('a form body carries its Encoding Objects', () => {
    // one field per line: the literal is too long for one
    expect(specOf(files, 'createCustomerSpec')).toContain(
      [
        '  body: {',
        "    kind: 'form',",
        "    mediaType: 'application/x-www-form-urlencoded',",
        "    encoding: { expand: { style: 'deepObject', explode: true }, metadata: { style: 'deepObject', explode: true } },",
        '    encode: formBody,',
        '  },',
      ].join('\n'),
    );
  });

  it('a JSON media type whose schema is a plain string is read as text, with no Accept', () => {
    const spec = specOf(files, 'getUploadContentSpec');
    expect(spec).toContain("response: 'text',");
    expect(spec).not.toContain('accept:');
    expect(api(files)).toMatch(/export function getUploadContent\([^)]*\): ApiPromise<string>/);
  });

  it('accept: the declared success media types, left out for plain JSON', () => {
    expect(specOf(files, 'getAudioSpec')).toContain("accept: 'audio/mpeg, audio/wav',");
    expect(specOf(files, 'createChatSpec')).not.toContain('accept:');
    expect(specOf(files, 'createChatStreamSpec')).toBe("{ ...createChatSpec, response: 'sse', accept: 'text/event-stream' }");
  });

  it("eventErrors: only where the declared event type has a top-level `error` property", () => {
    expect(specOf(files, 'watchProgressSpec')).toContain("eventErrors: 'event',");
    expect(specOf(files, 'createChatStreamSpec')).not.toContain('eventErrors');
  });

  it('stream flags: the plain function cannot say stream: true, the stream variant only true', () => {
    const code = api(files);
    expect(code).toContain('  body: ChatRequest & { stream?: false | null };');
    expect(code).toContain("params: Omit<CreateChatParams, 'body'> & { body: ChatRequest & { stream?: true } }");
  });

  it('binary fields are the runtime Uploadable, imported where used', () => {
    const models = [...files].find(([path, content]) => path.startsWith('src/models/') && content.includes('  file: Uploadable;'))?.[1] ?? '';
    expect(models).toContain("import type { Uploadable } from '../runtime/index.js';");
    expect(models).toContain('  file: Uploadable;');
  });

  it('without serialization config, parameters in the default style stay references', () => {
    expect(specOf(files, 'listChatsSpec')).toContain("'query:metadata'");
    expect(specOf(files, 'listChatsSpec')).toContain("'query:include'");
  });

  it('the client defaults carry the User-Agent; createClient() takes no argument', () => {
    const client = files.get('src/client.ts')!;
    expect(client).toContain("  userAgent: 'wire/1.0.0',");
    expect(client).not.toContain('  env:');
    expect(client).toContain('export function createClient(config?: ClientConfig<AuthCredentials>): Client {');
  });
});

describe('OperationSpec fields with the config (serialization, servers, env)', async () => {
  const config: Partial<ClientConfig> = {
    env: { ApiKeyAuth: 'WIRE_API_KEY', baseUrl: 'WIRE_BASE_URL' },
    servers: { variables: { region: 'eu' } },
    serialization: {
      query: { arrays: 'brackets', objects: 'deepObject' },
      form: { arrays: 'indexed', objects: 'deepObject' },
      multipart: { arrays: 'brackets', objects: 'brackets' },
      operations: {
        listChats: { params: { filter: { arrays: 'comma' } } },
        'POST /customers': { body: { arrays: 'repeat', objects: 'json' } },
      },
    },
  };
  const files = await renderSpec(SPEC, 'wire', config);

  it('server variables come from the config', () => {
    expect(specOf(files, 'createUploadSpec')).toContain("server: 'https://eu.uploads.example.com',");
  });

  it('query defaults apply where the spec is silent, to the shapes a parameter can take', () => {
    const spec = specOf(files, 'listChatsSpec');
    expect(spec).toContain("{ name: 'metadata', in: 'query', arrays: 'brackets', objects: 'deepObject', serialize: serializeParam }");
    expect(spec).toContain("{ name: 'include', in: 'query', arrays: 'brackets', serialize: serializeParam }");
    expect(spec).toContain("'query:limit'"); // a number: nothing to format
    // explicit style/explode: the spec's word beats the client defaults ...
    expect(spec).toContain("{ name: 'ids', in: 'query', explode: false, serialize: serializeParam }");
    // ... and the operation's config beats the spec
    expect(spec).toContain("{ name: 'filter', in: 'query', style: 'deepObject', explode: true, arrays: 'comma', serialize: serializeParam }");
  });

  it('multipart defaults: brackets objects are the runtime deepObject; the spec encoding is kept', () => {
    expect(specOf(files, 'createUploadSpec')).toContain(
      [
        '    {',
        "      kind: 'multipart',",
        "      mediaType: 'multipart/form-data',",
        '      required: true,',
        "      encoding: { meta: { contentType: 'application/json' }, tags: { style: 'form', explode: true } },",
        "      arrays: 'brackets',",
        "      objects: 'deepObject',",
        '      encode: toFormData,',
        '    },',
      ].join('\n'),
    );
  });

  it("the operation's body config outranks the spec's encoding (content types are kept)", () => {
    expect(specOf(files, 'createCustomerSpec')).toContain(
      ['  body: {', "    kind: 'form',", "    mediaType: 'application/x-www-form-urlencoded',", "    arrays: 'repeat',", "    objects: 'json',", '    encode: formBody,', '  },'].join('\n'),
    );
  });

  it('env goes into the client defaults, sorted', () => {
    expect(files.get('src/client.ts')!).toContain("  env: { ApiKeyAuth: 'WIRE_API_KEY', baseUrl: 'WIRE_BASE_URL' },");
  });

  it('docs: the HTTP request line shows the own server; the README lists the env variables and the servers option', () => {
    const readme = files.get('README.md')!;
    expect(readme).toContain('**POST** `https://eu.uploads.example.com/uploads`');
    expect(readme).toContain('| `WIRE_API_KEY` | `auth.ApiKeyAuth` (HTTP bearer token) |');
    expect(readme).toContain('**Servers per operation.**');
    expect(readme).toContain('| `servers` | `Record<string, string>` |');
    const doc = [...files].find(([p]) => /^docs\/[^/]+\.md$/.test(p) && files.get(p)!.includes('## createUpload'))![1];
    expect(doc).toContain('| [`createUpload`](#createupload) | **POST** `https://eu.uploads.example.com/uploads` |');
    expect(doc).toContain('As `multipart/form-data`:');
    // how config-formatted parameters and body fields are written
    expect(doc).toContain('| `metadata` | query | `Record<string, string>` | Sent as `metadata[key]=value`. | no |');
    expect(doc).toContain('| `include` | query | `string[]` | Sent as `include[]=a&include[]=b`. | no |');
    expect(doc).toContain("`multipart/form-data`: Fields: the spec's `encoding` says how `meta` and `tags` are written; the other fields: objects as `o[key]=value` text fields; arrays as `a[]=x&a[]=y`.");
    expect(doc).toContain("{ contentType: 'multipart/form-data' }");
  });
});

describe('the rendered package type-checks against the runtime (contract-13 types)', async () => {
  const { typeErrors } = await import('../../generate/helpers.js');
  it('with the config', async () => {
    const files = await renderSpec(SPEC, 'wire', { env: { ApiKeyAuth: 'WIRE_API_KEY' }, serialization: { query: { arrays: 'brackets', objects: 'deepObject' }, multipart: { objects: 'brackets' } } });
    expect(typeErrors(files, 'nodenext')).toEqual([]);
  });
});
