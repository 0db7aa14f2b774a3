/**
 * `formats: ["esm", "cjs"]` (src/plugins/client/formats.ts): Arthur's client with the sdk
 * plugin, built by its own build script into `dist/` (ESM) and `dist/cjs/` (CommonJS), packed;
 * publint (strict, suggestions) and attw find nothing (every resolution of the root in both
 * formats; a plugin subpath everywhere but node10, which knows no `exports`); installed offline
 * into consumer projects, a CommonJS program `require`s it (root and `arthur/sdk`) and calls
 * operations against a recording server, a CommonJS TypeScript program type-checks against the
 * CommonJS types and runs, and an ESM program still imports it.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateClient } from '../../src/generate.js';
import { startRecordingServer, type RecordingServer } from '../server.js';
import { tempDir } from '../tmp.js';
import { bin, mustRun, repoRoot, run } from './npm.js';

const STEP = 120_000;

let server: RecordingServer;
let work: string;
let pkgDir: string;
let tarball: string;

const user = (id: string) => ({ id, organization_id: 'org', organization_name: 'Org', first_name: id, last_name: null, user_type: 'user', created_at: '2024-01-01T00:00:00Z', updated_at: '2024-01-01T00:00:00Z' });

/** Forgets what the server recorded; it answers users lists and 404 to deletes. */
function resetServer(): void {
  server.reset();
  server.answer((req) => (req.method === 'DELETE' ? { status: 404, body: { detail: 'Not Found' } } : { body: { records: [user('u1')], pagination: { page: 1, page_size: 1, total_pages: 1, total_records: 1 } } }));
}

beforeAll(async () => {
  server = await startRecordingServer();
  resetServer();
  work = tempDir('dual-format-');
  pkgDir = join(work, 'arthur');
  await generateClient({
    name: 'arthur',
    spec: join(repoRoot, 'specs/arthur.yaml'),
    output: pkgDir,
    formats: ['esm', 'cjs'],
    plugins: [
      { name: 'client', file: 'test', at: 'plugins[0]' },
      { name: 'docs', file: 'test', at: 'plugins[1]' },
      { name: 'sdk', file: 'test', at: 'plugins[2]' },
    ],
  });
}, STEP);
afterAll(() => server?.close());

async function consumer(name: string, type: 'module' | 'commonjs'): Promise<string> {
  const dir = join(work, name);
  await mkdir(dir);
  await writeFile(join(dir, 'package.json'), JSON.stringify({ name, private: true, type }));
  await mustRun('npm', ['install', tarball, '--offline', '--no-audit', '--no-fund'], dir);
  return dir;
}

describe('formats: ["esm", "cjs"]', () => {
  it('the package builds both formats with its own build script', { timeout: STEP }, async () => {
    const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
    expect(pkg.exports['.']).toEqual({ import: { types: './dist/index.d.ts', default: './dist/index.js' }, require: { types: './dist/cjs/index.d.ts', default: './dist/cjs/index.js' } });
    expect(pkg.exports['./sdk'].require).toEqual({ types: './dist/cjs/sdk.d.ts', default: './dist/cjs/sdk.js' });
    await mustRun('npm', ['run', 'build'], pkgDir);
    for (const f of ['dist/index.js', 'dist/index.d.ts', 'dist/cjs/index.js', 'dist/cjs/index.d.ts', 'dist/cjs/sdk.js']) expect(existsSync(join(pkgDir, f)), f).toBe(true);
    expect(JSON.parse(readFileSync(join(pkgDir, 'dist/cjs/package.json'), 'utf8'))).toEqual({ type: 'commonjs' });
    expect(readFileSync(join(pkgDir, 'dist/cjs/index.js'), 'utf8')).toContain('require("./client.js")');
    expect(readFileSync(join(pkgDir, 'dist/index.js'), 'utf8')).toContain("export * from './client.js'");
    const out = join(work, 'tarballs');
    await mkdir(out);
    const { stdout } = await mustRun('npm', ['pack', '--json', '--pack-destination', out], pkgDir);
    const [packed] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
    tarball = join(out, packed!.filename);
    expect(packed!.files.map((f) => f.path)).toEqual(expect.arrayContaining(['dist/cjs/package.json', 'dist/cjs/index.js', 'dist/cjs/index.d.ts', 'dist/index.js']));
  });

  it('publint finds no problem, suggestions included', { timeout: STEP }, async () => {
    const ran = await run(bin('publint'), ['run', tarball, '--strict', '--level', 'suggestion'], work);
    expect(ran.code, ran.log).toBe(0);
    expect(ran.stdout, ran.log).toContain('All good!');
  });

  it('attw finds no problem: the root in every resolution, ESM and CommonJS', { timeout: STEP }, async () => {
    const ran = await run(bin('attw'), [tarball, '--profile', 'strict', '--format', 'json'], work);
    type Resolved = { resolution?: { fileName: string }; implementationResolution?: { fileName: string } };
    const { analysis } = JSON.parse(ran.stdout) as { analysis: { entrypoints: Record<string, { resolutions: Record<string, Resolved> }>; problems: { kind: string; entrypoint?: string; resolutionKind?: string }[] } };
    const unexpected = analysis.problems.filter((p) => !(p.kind === 'NoResolution' && p.resolutionKind === 'node10' && p.entrypoint !== '.'));
    expect(unexpected, ran.log).toEqual([]);
    // require gets the CommonJS build and its types, import the ESM ones
    const files = (r: Resolved) => [r.resolution?.fileName, r.implementationResolution?.fileName];
    const root = analysis.entrypoints['.']!.resolutions;
    expect(files(root['node16-cjs']!)).toEqual(['/node_modules/arthur/dist/cjs/index.d.ts', '/node_modules/arthur/dist/cjs/index.js']);
    expect(files(root['node16-esm']!)).toEqual(['/node_modules/arthur/dist/index.d.ts', '/node_modules/arthur/dist/index.js']);
    expect(files(root['node10']!)).toEqual(['/node_modules/arthur/dist/cjs/index.d.ts', '/node_modules/arthur/dist/cjs/index.js']);
    expect(files(analysis.entrypoints['./sdk']!.resolutions['node16-cjs']!)).toEqual(['/node_modules/arthur/dist/cjs/sdk.d.ts', '/node_modules/arthur/dist/cjs/sdk.js']);
  });

  it('a CommonJS program requires the package and calls operations', { timeout: STEP }, async () => {
    const dir = await consumer('cjs-consumer', 'commonjs');
    await writeFile(
      join(dir, 'main.js'),
      `const { createClient, getOrganizationUsers, deleteUser, ApiError } = require('arthur');
const { Arthur } = require('arthur/sdk');
(async () => {
  const client = createClient({ baseUrl: ${JSON.stringify(server.url)}, auth: { OAuth2AuthorizationCode: 'tok' } });
  const page = await getOrganizationUsers(client, { page_size: 1 });
  let status = 0;
  try { await deleteUser(client, { user_id: 'a/b' }); } catch (e) { if (e instanceof ApiError) status = e.status; }
  const viaClass = await new Arthur({ baseUrl: ${JSON.stringify(server.url)}, auth: { OAuth2AuthorizationCode: 'tok' } }).organization.users.list({ page_size: 1 });
  console.log(JSON.stringify({ id: page.records[0].id, status, viaClass: viaClass.records[0].id }));
})();
`,
    );
    resetServer();
    const ran = await mustRun(process.execPath, ['main.js'], dir);
    expect(JSON.parse(ran.stdout.trim())).toEqual({ id: 'u1', status: 404, viaClass: 'u1' });
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /api/v1/organization/users', 'DELETE /api/v1/users/a%2Fb', 'GET /api/v1/organization/users']);
    expect(server.requests[0]!.headers.authorization).toBe('Bearer tok');
  });

  it('a CommonJS TypeScript program type-checks against the CommonJS types and runs', { timeout: STEP }, async () => {
    const dir = await consumer('cjs-ts-consumer', 'commonjs');
    await writeFile(
      join(dir, 'main.ts'),
      `import { createClient, getOrganizationUsers, type User } from 'arthur';
import { Arthur } from 'arthur/sdk';
async function main() {
  const client = createClient({ baseUrl: ${JSON.stringify(server.url)}, auth: { OAuth2AuthorizationCode: 'tok' } });
  const page = await getOrganizationUsers(client, { page_size: 1 });
  const u: User = page.records[0]!;
  // @ts-expect-error typed as in ESM
  await getOrganizationUsers(client, { page_size: 'one' });
  const arthur = new Arthur({ baseUrl: ${JSON.stringify(server.url)} });
  console.log(JSON.stringify({ id: u.id, sdk: typeof arthur.users.delete }));
}
main();
`,
    );
    await writeFile(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, skipLibCheck: false, lib: ['ES2022', 'DOM'], types: [], outDir: 'out' }, files: ['main.ts'] }));
    await mustRun(bin('tsc'), ['-p', 'tsconfig.json', '--pretty', 'false'], dir);
    expect(readFileSync(join(dir, 'out/main.js'), 'utf8')).toContain('require("arthur")');
    const ran = await mustRun(process.execPath, ['out/main.js'], dir);
    expect(JSON.parse(ran.stdout.trim())).toEqual({ id: 'u1', sdk: 'function' });
  });

  it('an ESM program still imports it', { timeout: STEP }, async () => {
    const dir = await consumer('esm-consumer', 'module');
    await writeFile(join(dir, 'main.mjs'), `import { createClient, getOrganizationUsers } from 'arthur';\nconst page = await getOrganizationUsers(createClient({ baseUrl: ${JSON.stringify(server.url)}, auth: { OAuth2AuthorizationCode: 'tok' } }), { page_size: 1 });\nconsole.log(page.records[0].id);\n`);
    const ran = await mustRun(process.execPath, ['main.mjs'], dir);
    expect(ran.stdout.trim()).toBe('u1');
  });
});
