/**
 * `defineConfig({ … })` in a user's oagen.config.ts, type-checked the way their editor does
 * (tsc against the built `oagen` package, installed in a project folder): every valid form
 * compiles, and each mistake is a type error on its own line, and nowhere else.
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, symlinkSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, tempDir } from '../generate/helpers.js';
import { runTsc } from '../tsc.js';

const CONFIG = `import { defineConfig, plugin, type ClientOptions } from 'oagen';

interface ExtraOptions { depth: number }

const full: ClientOptions = {
  name: '@acme/pets',
  spec: 'https://api.example.com/openapi.json',
  output: 'generated/pets',
  overlays: ['fix.overlay.yaml'],
  version: '1.0.0',
  license: 'MIT',
  include: { paths: ['/pets'], tags: ['pets'], operations: [] },
  pagination: { listPets: { kind: 'cursor', param: 'after', items: 'data', nextCursor: 'next' }, 'GET /owners': false },
  strict: true,
  validate: false,
  verify: false,
  aliases: { keepUntilMajor: false },
  enums: { responses: 'open' },
  env: { ApiKeyAuth: 'PETS_KEY', baseUrl: 'PETS_URL' },
  servers: { variables: { region: 'eu' } },
  serialization: { query: { arrays: 'brackets', objects: 'deepObject' }, multipart: { objects: 'json' }, operations: { listPets: { params: { filter: { objects: 'form' } }, body: { objects: 'brackets' } } } },
  plugins: ['client', 'docs', { name: 'zod', options: {} }, './extra.mjs', plugin<ExtraOptions>('./extra2.mjs', { depth: 2 })],
  templates: 'templates',
  fetch: { headers: { Authorization: 'Bearer x' }, timeout: 10_000, poll: 1000 },
  format: 'prettier',
};

export default defineConfig({
  clients: [
    full,
    { name: 'minimal', spec: 'openapi.yaml' },
    { name: 'unformatted', spec: 'openapi.yaml', format: false, aliases: false },
  ],
});

export const mistakes = [
  defineConfig({ clients: [{ name: 'a', spec: 'a.yaml', fromat: 'prettier' }] }), // MISTAKE
  defineConfig({ clients: [{ name: 'a', spec: 'a.yaml', format: 'gofmt' }] }), // MISTAKE
  defineConfig({ clients: [{ name: 'a' }] }), // MISTAKE
  defineConfig({ clients: [{ name: 'a', spec: 'a.yaml', plugins: ['clinet'] }] }), // MISTAKE
  defineConfig({ clients: [{ name: 'a', spec: 'a.yaml', plugins: [{ name: 'client', option: {} }] }] }), // MISTAKE
  defineConfig({ clients: [{ name: 'a', spec: 'a.yaml', pagination: { list: { kind: 'cursor', items: 'data' } } }] }), // MISTAKE
  defineConfig({ clients: [{ name: 'a', spec: 'a.yaml', serialization: { query: { arrays: 'pipes' } } }] }), // MISTAKE
  defineConfig({ clients: [{ name: 'a', spec: 'a.yaml', fetch: { timeout: '10s' } }] }), // MISTAKE
  defineConfig({ clients: [{ name: 'a', spec: 'a.yaml', enums: { responses: 'ajar' } }] }), // MISTAKE
  defineConfig({ client: [] }), // MISTAKE
  plugin<ExtraOptions>('./extra.mjs', { depth: 'deep' }), // MISTAKE
];
`;

describe('defineConfig types', () => {
  it('valid configs compile; every mistake is a type error on its line', async () => {
    const dir = tempDir('oagen-config-types-');
    mkdirSync(join(dir, 'node_modules'), { recursive: true });
    symlinkSync(ROOT, join(dir, 'node_modules/oagen'), 'dir');
    await writeFile(join(dir, 'oagen.config.ts'), CONFIG);
    const { diagnostics, output } = await runTsc(
      dir,
      { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: true, types: ['node'], typeRoots: [join(ROOT, 'node_modules/@types')] },
      { files: ['oagen.config.ts'] },
    );
    const lines = CONFIG.split('\n');
    const expected = lines.flatMap((l, i) => (l.endsWith('// MISTAKE') ? [i + 1] : []));
    const got = [...new Set(diagnostics.map((d) => d.line))].sort((a, b) => a - b);
    expect(got, output).toEqual(expected);
    expect(expected.length).toBe(11);
  });
});
