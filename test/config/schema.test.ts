/**
 * schema/oagen.config.schema.json (what editors check oagen.config.json against) agrees with
 * the loader (src/config.ts): configs the loader takes are valid, values it refuses are
 * invalid, and the plugin names it knows are the ones the schema and the types offer.
 */
import { describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILTIN_PLUGIN_NAMES, checkConfig } from '../../src/config.js';
import type { BuiltinPluginName, ClientOptions } from '../../src/config/types.js';
import { ROOT, tempDir } from '../generate/helpers.js';

const schema = JSON.parse(readFileSync(join(ROOT, 'schema/oagen.config.schema.json'), 'utf8')) as object;
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

const dir = tempDir('oagen-schema-');
writeFileSync(join(dir, 'plugin.mjs'), 'export default { name: "extra", files() { return []; } };\n');
const file = join(dir, 'oagen.config.json');

function loaderAccepts(config: unknown): boolean {
  try {
    checkConfig(config, file);
    return true;
  } catch {
    return false;
  }
}

const client = (extra: object) => ({ clients: [{ name: 'pets', spec: 'pets.yaml', ...extra }] });

const VALID: object[] = [
  JSON.parse(readFileSync(join(ROOT, 'oagen.config.json'), 'utf8')) as object,
  client({}),
  client({ spec: 'https://api.example.com/openapi.json', fetch: { headers: { Authorization: 'Bearer x' }, timeout: 1000, poll: 500 } }),
  client({ format: 'prettier' }),
  client({ format: false }),
  client({ plugins: ['client', 'docs', './plugin.mjs'] }),
  client({ plugins: [{ name: 'client', options: { a: 1 } }, { name: './plugin.mjs' }] }),
  client({ pagination: { list: { kind: 'page', param: 'page', items: '' }, other: false } }),
  client({ aliases: false, enums: { responses: 'open' }, env: { baseUrl: 'X_URL' }, servers: { variables: { r: 'eu' } } }),
  client({ serialization: { query: { arrays: 'comma' }, multipart: { objects: 'brackets' }, operations: { op: { params: { p: { objects: 'json' } }, body: { objects: 'brackets' } } } } }),
  { $schema: './node_modules/oagen/schema/oagen.config.schema.json', clients: [] },
];

const INVALID: [string, object][] = [
  ['no clients', {}],
  ['a bad package name', client({ name: 'Pets API' })],
  ['no spec', { clients: [{ name: 'pets' }] }],
  ['an unknown format', client({ format: 'gofmt' })],
  ['format true', client({ format: true })],
  ['an unknown plugin', client({ plugins: ['clinet'] })],
  ['plugin options not an object', client({ plugins: [{ name: 'client', options: 3 }] })],
  ['an unknown plugin entry field', client({ plugins: [{ name: 'client', option: {} }] })],
  ['a negative timeout', client({ fetch: { timeout: -5 } })],
  ['a fractional poll', client({ fetch: { poll: 1.5 } })],
  ['an unknown fetch field', client({ fetch: { retries: 3 } })],
  ['a header that is no string', client({ fetch: { headers: { 'X-N': 3 } } })],
  ['a bad header name', client({ fetch: { headers: { 'Bad Header': 'x' } } })],
  ['pagination without its required field', client({ pagination: { list: { kind: 'cursor', items: 'data' } } })],
  ['an unknown pagination kind', client({ pagination: { list: { kind: 'link', items: 'data' } } })],
  ['an unknown array format', client({ serialization: { query: { arrays: 'pipes' } } })],
  ['an env value that is no variable name', client({ env: { baseUrl: 'not a name' } })],
  ['an unknown enums option', client({ enums: { requests: 'open' } })],
  ['include not a list', client({ include: { paths: '/pets' } })],
  ['formats without esm', client({ formats: ['cjs'] })],
  ['keepEdits not a boolean', client({ keepEdits: 'yes' })],
];

describe('the config JSON Schema', () => {
  it.each(VALID.map((c, i) => [i, c] as const))('valid config %i: the loader and the schema both accept it', (_i, config) => {
    expect(loaderAccepts(config)).toBe(true);
    expect(validate(config), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each(INVALID)('%s: the loader and the schema both refuse it', (_what, config) => {
    expect(loaderAccepts(config)).toBe(false);
    expect(validate(config)).toBe(false);
  });

  it('has exactly the client fields of the types', () => {
    // every field of ClientOptions (\`satisfies\`: a field missing here, or one the type lacks, does not compile)
    const fields = {
      name: 0, spec: 0, output: 0, overlays: 0, version: 0, license: 0, include: 0, pagination: 0, strict: 0, validate: 0, verify: 0,
      aliases: 0, enums: 0, env: 0, servers: 0, serialization: 0, plugins: 0, templates: 0, fetch: 0, format: 0, keepEdits: 0, formats: 0,
    } satisfies Record<keyof ClientOptions, 0>;
    const properties = (schema as { definitions: { client: { properties: object } } }).definitions.client.properties;
    expect(Object.keys(properties).sort()).toEqual(Object.keys(fields).sort());
  });

  it('offers exactly the names of the types, and every built-in plugin the loader knows', () => {
    const items = (schema as { definitions: { client: { properties: { plugins: { items: { anyOf: { anyOf: { enum?: string[] }[] }[] } } } } } }).definitions.client.properties.plugins.items;
    const offered = items.anyOf[0]!.anyOf[0]!.enum!;
    // the type's names (\`satisfies\`: one missing here, or one here the type lacks, does not compile)
    const typed = { client: 0, docs: 0, zod: 0, 'tanstack-query': 0, mocks: 0, msw: 0, tests: 0, sdk: 0, mcp: 0 } satisfies Record<BuiltinPluginName, 0>;
    expect([...offered].sort()).toEqual(Object.keys(typed).sort());
    for (const name of Object.keys(BUILTIN_PLUGIN_NAMES)) expect(offered, `built-in plugin "${name}": add it to schema/oagen.config.schema.json and BuiltinPlugins (src/config/types.ts)`).toContain(name);
  });
});
