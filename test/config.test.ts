/**
 * oagen.config.json (src/config.ts): what a valid config gives, and a clear E_CONFIG error
 * (exit 2) naming the file and the field for each kind of mistake, before anything runs.
 */
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../src/config.js';
import { OagenError } from '../src/diagnostics.js';
import { tempDir } from './generate/helpers.js';

function configFile(clients: unknown[] | unknown): string {
  const file = join(tempDir(), 'oagen.config.json');
  writeFileSync(file, JSON.stringify(Array.isArray(clients) ? { clients } : clients));
  return file;
}

function errorOf(client: object): OagenError {
  const file = configFile([{ name: 'api', spec: 'api.yaml', ...client }]);
  try {
    loadConfig(file);
  } catch (e) {
    expect(e).toBeInstanceOf(OagenError);
    return e as OagenError;
  }
  throw new Error('no error');
}

describe('oagen.config.json', () => {
  it('resolves paths against the config folder and keeps the options it knows', () => {
    const file = configFile([
      {
        name: '@acme/api',
        spec: 'specs/api.yaml',
        include: { paths: ['/users'], tags: ['Users'] },
        pagination: { listUsers: { kind: 'url', nextUrl: 'link', items: '' }, 'GET /things': false, listPages: { kind: 'page', param: 'page', items: 'data', totalPages: 'meta.pages' } },
        aliases: { keepUntilMajor: false },
        strict: true,
      },
    ]);
    const [c] = loadConfig(file).clients;
    const dir = file.slice(0, -'oagen.config.json'.length - 1);
    expect(c).toEqual({
      name: '@acme/api',
      spec: join(dir, 'specs/api.yaml'),
      output: join(dir, 'generated/api'),
      include: { paths: ['/users'], tags: ['Users'] },
      pagination: { listUsers: { kind: 'url', nextUrl: 'link', items: '' }, 'GET /things': false, listPages: { kind: 'page', param: 'page', items: 'data', totalPages: 'meta.pages' } },
      aliases: { keepUntilMajor: false },
      strict: true,
    });
  });

  it.each<[string, object, RegExp]>([
    ['a bad package name', { name: 'Not A Name' }, /clients\[0\]\.name must be a valid npm package name/],
    ['include that is not an object', { include: ['/users'] }, /clients\[0\]\.include must be an object/],
    ['an unknown include key', { include: { path: ['/users'] } }, /clients\[0\]\.include\.path is not an option \(paths, tags, operations\)/],
    ['include entries that are not strings', { include: { tags: [1] } }, /clients\[0\]\.include\.tags must be an array of strings/],
    ['pagination that is not an object', { pagination: true }, /clients\[0\]\.pagination must be an object/],
    ['a pagination spec without a kind', { pagination: { listUsers: { param: 'after', items: 'data' } } }, /clients\[0\]\.pagination\["listUsers"\]\.kind must be one of cursor, page, offset, url/],
    ['an unknown pagination kind', { pagination: { listUsers: { kind: 'token', param: 'after', items: 'data' } } }, /\.kind must be one of/],
    ['a missing required field', { pagination: { listUsers: { kind: 'cursor', items: 'data' } } }, /\["listUsers"\]\.param is required for kind "cursor"/],
    ['a field of another kind', { pagination: { listUsers: { kind: 'cursor', param: 'after', items: 'data', nextUrl: 'next' } } }, /\["listUsers"\]\.nextUrl is not a field of kind "cursor" \(param, items, hasMore, nextCursor, itemCursor\)/],
    ['a field that is not a string', { pagination: { listUsers: { kind: 'page', param: 'page', items: 'data', totalPages: 3 } } }, /\["listUsers"\]\.totalPages must be a non-empty string/],
    ['an empty parameter name', { pagination: { listUsers: { kind: 'offset', param: '', items: 'data' } } }, /\["listUsers"\]\.param must be a non-empty string/],
    ['true instead of a spec', { pagination: { listUsers: true } }, /\["listUsers"\] must be false or an object with a "kind"/],
    ['an unknown aliases option', { aliases: { keep: true } }, /clients\[0\]\.aliases\.keep is not an option/],
    ['env that is not an object', { env: 'OPENAI_API_KEY' }, /clients\[0\]\.env must be an object: security scheme name or "baseUrl"/],
    ['an env value that is no variable name', { env: { ApiKeyAuth: 'OPENAI API KEY' } }, /clients\[0\]\.env\["ApiKeyAuth"\] must be a variable name/],
    ['an unknown servers option', { servers: { vars: {} } }, /clients\[0\]\.servers\.vars is not an option \(variables\)/],
    ['a server variable that is not a string', { servers: { variables: { region: 1 } } }, /clients\[0\]\.servers\.variables\["region"\] must be a string/],
    ['an unknown serialization key', { serialization: { body: {} } }, /clients\[0\]\.serialization\.body is not an option \(query, form, multipart, operations\)/],
    ['an unknown array format', { serialization: { query: { arrays: 'pipes' } } }, /clients\[0\]\.serialization\.query\.arrays must be one of repeat, brackets, indexed, comma/],
    ['brackets for query objects', { serialization: { query: { objects: 'brackets' } } }, /clients\[0\]\.serialization\.query\.objects must be one of deepObject, form, json/],
    ['form for multipart objects', { serialization: { multipart: { objects: 'form' } } }, /clients\[0\]\.serialization\.multipart\.objects must be one of json, brackets/],
    ['an unknown format field', { serialization: { form: { maps: 'json' } } }, /clients\[0\]\.serialization\.form\.maps is not an option \(arrays, objects\)/],
    ['an operation entry that is not an object', { serialization: { operations: { listThings: 'brackets' } } }, /serialization\.operations\["listThings"\] must be an object/],
    ['an unknown operation field', { serialization: { operations: { listThings: { query: {} } } } }, /serialization\.operations\["listThings"\]\.query is not an option \(params, body\)/],
    ['a bad parameter format', { serialization: { operations: { listThings: { params: { metadata: { objects: 'nested' } } } } } }, /serialization\.operations\["listThings"\]\.params\["metadata"\]\.objects must be one of deepObject, form, json/],
  ])('%s: E_CONFIG naming the field, exit 2', (_, client, message) => {
    const e = errorOf(client);
    expect(e.exitCode).toBe(2);
    expect(e.diagnostics[0]).toMatchObject({ code: 'E_CONFIG', severity: 'error' });
    expect(e.diagnostics[0]!.file).toMatch(/oagen\.config\.json$/);
    expect(e.diagnostics[0]!.message).toMatch(message);
  });

  it('keeps env, servers and serialization (issue 13)', () => {
    const serialization = {
      query: { arrays: 'brackets', objects: 'deepObject' },
      form: { arrays: 'indexed', objects: 'deepObject' },
      multipart: { arrays: 'brackets', objects: 'brackets' },
      operations: { listChatCompletions: { params: { metadata: { objects: 'deepObject' } } }, 'POST /audio/transcriptions': { body: { arrays: 'brackets' } } },
    };
    const file = configFile([{ name: 'openai', spec: 'openai.yaml', env: { ApiKeyAuth: 'OPENAI_API_KEY', baseUrl: 'OPENAI_BASE_URL' }, servers: { variables: { region: 'eu' } }, serialization }]);
    const [c] = loadConfig(file).clients;
    expect(c).toMatchObject({ env: { ApiKeyAuth: 'OPENAI_API_KEY', baseUrl: 'OPENAI_BASE_URL' }, servers: { variables: { region: 'eu' } }, serialization });
  });

  it('rejects two clients writing to one folder, and a file without "clients"', () => {
    expect(() => loadConfig(configFile([{ name: 'a', spec: 'a.yaml', output: 'out' }, { name: 'b', spec: 'b.yaml', output: 'out' }]))).toThrow(/two clients write to/);
    expect(() => loadConfig(configFile({ client: [] }))).toThrow(/expected an object with a "clients" array/);
  });
});
