import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleExports, bundleOneOperation } from './bundle.js';
import type { BenchSpec } from './specs.js';
import { tempDir } from '../../test/tmp.js';

const root = tempDir('bundle-test-');
afterAll(() => rmSync(root, { recursive: true, force: true }));

const spec: BenchSpec = {
  id: 't',
  title: 't',
  file: 'unused',
  operation: { operationId: 'users/list', method: 'get', path: '/users', aliases: ['listUsers'] },
};

function pkg(name: string, files: Record<string, string>): string {
  const out = join(root, name);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(out, file, '..'), { recursive: true });
    writeFileSync(join(out, file), text);
  }
  return out;
}

const BIG = `export function unused() { return ${JSON.stringify('x'.repeat(5000))}; }\n`;

describe('bundleOneOperation', () => {
  it('imports the operation and createClient from the index, tree-shaking the rest', async () => {
    const out = pkg('index', {
      'src/index.ts': "export * from './ops.js';\nexport * from './client.js';\n",
      'src/ops.ts': `export async function usersList() { return fetch('/users'); }\n${BIG}`,
      'src/client.ts': 'export function createClient(baseUrl: string) { return { baseUrl }; }\n',
    });
    const r = await bundleOneOperation(out, join(out, 'src'), spec, true);
    expect(r.ok).toBe(true);
    expect(r.imported).toBe('usersList, createClient from src/index.ts');
    expect(r.gzipBytes).toBeGreaterThan(0);
    expect(r.minBytes).toBeLessThan(1000); // `unused` and its 5000-character string are gone
    expect(r.largestInputs?.map((i) => i.file)).toContain('src/ops.ts');
  });

  it('imports from the declaring file for peers, via an alias name', async () => {
    const out = pkg('peer', { 'src/api.ts': "export const listUsers = () => fetch('/users');\n" });
    const r = await bundleOneOperation(out, join(out, 'src'), spec, false);
    expect(r).toMatchObject({ ok: true, imported: 'listUsers from src/api.ts' });
  });

  it('falls back when the index does not re-export createClient', async () => {
    const out = pkg('no-client-export', {
      'src/index.ts': "export { usersList } from './ops.js';\n",
      'src/ops.ts': "export function usersList() { return 1; }\nexport function createClient() { return 2; }\n",
    });
    const r = await bundleOneOperation(out, join(out, 'src'), spec, true);
    expect(r).toMatchObject({ ok: true, imported: 'usersList from src/index.ts' });
  });

  it('fails when the index does not export the operation', async () => {
    const out = pkg('not-in-index', {
      'src/index.ts': "export { other } from './ops.js';\n",
      'src/ops.ts': 'export function usersList() { return 1; }\nexport function other() { return 2; }\n',
    });
    const r = await bundleOneOperation(out, join(out, 'src'), spec, true);
    expect(r).toMatchObject({ ok: false, error: 'usersList is not exported by src/index.ts' });
  });

  it('fails clearly when no export matches', async () => {
    const out = pkg('missing', { 'src/index.ts': 'export function other() {}\n' });
    const r = await bundleOneOperation(out, join(out, 'src'), spec, true);
    expect(r.ok).toBe(false);
    expect(r.error).toContain('no export named like users/list (GET /users)');
  });
});

describe('bundleExports', () => {
  const cases: Array<[string, string, string[]]> = [
    ['minified, renamed', 'function a(){}function b(){}export{b as createClient,a as usersList};\n', ['createClient', 'usersList']],
    ['plain', 'function usersList() {}\nexport {\n  usersList\n};\n', ['usersList']],
    ['no export clause', 'console.log(1);\n', []],
  ];
  it.each(cases)('%s', (_, code, want) => {
    expect(bundleExports(code)).toEqual(want);
  });
});
