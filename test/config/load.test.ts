/**
 * The config file in each of its forms: oagen.config.ts (defineConfig from 'oagen'), .mjs,
 * .json load to the same checked config; the first one found is used; mistakes are E_CONFIG
 * errors naming the file and the field, whatever the form.
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findConfigFile, readConfigFile } from '../../src/config/file.js';
import { OagenError } from '../../src/diagnostics.js';
import { tempDir } from '../generate/helpers.js';

const CLIENT = { name: 'pets', spec: 'specs/pets.yaml', output: 'out/pets', plugins: ['client', 'docs'], format: 'prettier', fetch: { timeout: 5000 } };

function project(files: Record<string, string>): string {
  const dir = tempDir('oagen-config-');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

async function configError(file: string): Promise<{ message: string; file?: string; code: string }> {
  const e = await readConfigFile(file).then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(OagenError);
  const d = (e as OagenError).diagnostics[0]!;
  expect((e as OagenError).exitCode).toBe(2);
  return { message: d.message, file: d.file, code: d.code };
}

describe('config file forms', () => {
  const expected = (dir: string) => [
    { name: 'pets', spec: join(dir, 'specs/pets.yaml'), output: join(dir, 'out/pets'), format: 'prettier', fetch: { timeout: 5000 } },
  ];

  it('oagen.config.ts with defineConfig from oagen loads (TypeScript, no build step)', async () => {
    const dir = project({
      'oagen.config.ts': `import { defineConfig, type ClientOptions } from 'oagen';\nconst pets: ClientOptions = ${JSON.stringify(CLIENT)};\nexport default defineConfig({ clients: [pets] });\n`,
    });
    const config = await readConfigFile(findConfigFile(dir)!);
    expect(config.clients).toMatchObject(expected(dir));
    expect(config.clients[0]!.plugins!.map((p) => p.name)).toEqual(['client', 'docs']);
  });

  it('oagen.config.mjs and oagen.config.mts load', async () => {
    for (const name of ['oagen.config.mjs', 'oagen.config.mts']) {
      const dir = project({ [name]: `import { defineConfig } from 'oagen';\nexport default defineConfig({ clients: [${JSON.stringify(CLIENT)}] });\n` });
      expect(findConfigFile(dir)).toBe(join(dir, name));
      expect((await readConfigFile(join(dir, name))).clients).toMatchObject(expected(dir));
    }
  });

  it('oagen.config.json loads as before', async () => {
    const dir = project({ 'oagen.config.json': JSON.stringify({ $schema: './node_modules/oagen/schema/oagen.config.schema.json', clients: [CLIENT] }) });
    expect((await readConfigFile(findConfigFile(dir)!)).clients).toMatchObject(expected(dir));
  });

  it('the TypeScript form is preferred when there are several; none is undefined', () => {
    const dir = project({ 'oagen.config.json': '{"clients":[]}', 'oagen.config.ts': 'export default { clients: [] };' });
    expect(findConfigFile(dir)).toBe(join(dir, 'oagen.config.ts'));
    expect(findConfigFile(project({}))).toBeUndefined();
  });

  it('an invalid value in oagen.config.ts is E_CONFIG naming the file and the field', async () => {
    const dir = project({ 'oagen.config.ts': `export default { clients: [{ name: 'pets', spec: 'a.yaml', format: 'gofmt' }] };\n` });
    const e = await configError(join(dir, 'oagen.config.ts'));
    expect(e).toMatchObject({ code: 'E_CONFIG', file: join(dir, 'oagen.config.ts') });
    expect(e.message).toBe('clients[0].format must be "prettier", "biome" or false');
    const dir2 = project({ 'oagen.config.mjs': `export default { clients: [{ name: 'pets', spec: 'a.yaml', plugins: ['client', 'nope'] }] };\n` });
    expect((await configError(join(dir2, 'oagen.config.mjs'))).message).toMatch(/^clients\[0\]\.plugins\[1\]: unknown plugin "nope"/);
    const dir3 = project({ 'oagen.config.ts': `export default { clients: [{ name: 'pets', spec: 'a.yaml', fetch: { timeout: -1 } }] };\n` });
    expect((await configError(join(dir3, 'oagen.config.ts'))).message).toBe('clients[0].fetch.timeout must be a positive whole number of milliseconds');
  });

  it('a config that does not compile or has no default export is E_CONFIG naming the file', async () => {
    const dir = project({ 'oagen.config.ts': `export default { clients: [ };\n` });
    const e = await configError(join(dir, 'oagen.config.ts'));
    expect(e.file).toBe(join(dir, 'oagen.config.ts'));
    expect(e.message).toMatch(/^cannot load the config: /);
    const dir2 = project({ 'oagen.config.ts': `export const clients = [];\n` });
    expect((await configError(join(dir2, 'oagen.config.ts'))).message).toMatch(/no default export/);
    const dir3 = project({ 'oagen.config.json': `{ "clients": [ }` });
    expect((await configError(join(dir3, 'oagen.config.json'))).file).toBe(join(dir3, 'oagen.config.json'));
  });

  it('a URL spec is kept as a URL; ${NAME} in a fetch header is the environment variable', async () => {
    process.env.OAGEN_TEST_SPEC_TOKEN = 's3cret';
    const dir = project({
      'oagen.config.json': JSON.stringify({ clients: [{ name: 'pets', spec: 'http://127.0.0.1:9/openapi.json', fetch: { headers: { Authorization: 'Bearer ${OAGEN_TEST_SPEC_TOKEN}' }, poll: 500 } }] }),
    });
    const [c] = (await readConfigFile(join(dir, 'oagen.config.json'))).clients;
    expect(c!.spec).toBe('http://127.0.0.1:9/openapi.json');
    expect(c!.fetch).toEqual({ headers: { Authorization: 'Bearer s3cret' }, poll: 500 });
    const dir2 = project({ 'oagen.config.json': JSON.stringify({ clients: [{ name: 'pets', spec: 'http://x/o.json', fetch: { headers: { Authorization: '${OAGEN_TEST_UNSET_VARIABLE}' } } }] }) });
    expect((await configError(join(dir2, 'oagen.config.json'))).message).toBe('clients[0].fetch.headers["Authorization"]: the environment variable OAGEN_TEST_UNSET_VARIABLE is not set');
  });
});
