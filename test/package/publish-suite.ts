/**
 * The publishing suite run by `arthur.test.ts` and `openai-admin.test.ts` (one file per
 * package, so the two run in parallel). Each generated package is publishable as it stands: in a temp copy, `npm run build` emits
 * `dist/` (JS + `.d.ts`), `npm pack` gives a clean tarball, publint and
 * @arethetypeswrong/cli find no problem, and the tarball installs offline into a fresh
 * consumer project whose TypeScript program type-checks against it, compiles, and, run by
 * Node, calls a recording HTTP server and gets the expected results.
 */
import { cp, mkdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRecordingServer, type RecordedRequest, type RecordingServer, type Responder } from '../server.js';
import { bin, mustRun, repoRoot, run } from './npm.js';
import { tempDir } from '../tmp.js';
import { tsc } from '../tsc.js';

const STEP = 90_000; // ms per step: npm and tsc on a loaded 2-core machine

export interface Target {
  name: string;
  /** a consumer program using the installed package by name; prints one JSON line */
  consumer(baseUrl: string): string;
  /** the recording server's answers to the consumer */
  respond: Responder;
  /** what the consumer prints */
  printed: unknown;
  /** the requests the consumer makes, as `METHOD path?query` */
  requests: string[];
}

const user = (id: string) => ({
  id,
  organization_id: 'org',
  organization_name: 'Org',
  first_name: id,
  last_name: null,
  user_type: 'user',
  created_at: '2024-01-01T00:00:00Z',
  updated_at: '2024-01-01T00:00:00Z',
});

export const arthur: Target = {
  name: 'arthur',
  consumer: (baseUrl) => `
import { ApiError, createClient, deleteUser, getOrganizationUsers, type User } from 'arthur';

const client = createClient({ baseUrl: ${JSON.stringify(baseUrl)}, auth: { OAuth2AuthorizationCode: async () => 'consumer-token' } });
const ids: string[] = [];
for await (const user of getOrganizationUsers(client, { page_size: 1, user_types: ['user'] })) {
  const u: User = user;
  ids.push(u.id);
}
let status = 0;
try {
  await deleteUser(client, { user_id: 'a/b' });
} catch (e) {
  if (e instanceof ApiError) status = e.status;
}
console.log(JSON.stringify({ ids, status }));
`,
  respond: (req) => {
    if (req.method === 'DELETE') return { status: 404, body: { detail: 'Not Found' } };
    const page = Number(new URLSearchParams(req.query).get('page') ?? 1);
    return { body: { records: [user(`u${page}`)], pagination: { page, page_size: 1, total_pages: 2, total_records: 2 } } };
  },
  printed: { ids: ['u1', 'u2'], status: 404 },
  requests: [
    'GET /api/v1/organization/users?user_types=user&page_size=1',
    'GET /api/v1/organization/users?user_types=user&page=2&page_size=1',
    'DELETE /api/v1/users/a%2Fb',
  ],
};

export const openaiAdmin: Target = {
  name: 'openai-admin',
  consumer: (baseUrl) => `
import { createClient, listUsers, retrieveUser, type User } from 'openai-admin';
import { OpenAIAdmin } from 'openai-admin/sdk';

const client = createClient({ baseUrl: ${JSON.stringify(baseUrl)}, auth: { AdminApiKeyAuth: 'sk-consumer' } });
const ids: string[] = [];
for await (const user of listUsers(client, { limit: 1, emails: ['a@x'] })) ids.push(user.id);
const one: User = await retrieveUser(client, { user_id: 'a/b?c' });
// the resource-style client (the sdk plugin), from its subpath
const openai = new OpenAIAdmin({ baseUrl: ${JSON.stringify(baseUrl)}, auth: { AdminApiKeyAuth: 'sk-consumer' } });
const viaSdk: User = await openai.users.retrieve('x/y');
console.log(JSON.stringify({ ids, one: one.id, sdk: viaSdk.id }));
`,
  respond: (req) => {
    const after = new URLSearchParams(req.query).get('after');
    const item = (id: string) => ({ object: 'organization.user', id, added_at: 1 });
    if (req.path !== '/organization/users') return { body: item('a/b?c') };
    return after
      ? { body: { object: 'list', data: [item('user_2')], has_more: false, last_id: 'user_2' } }
      : { body: { object: 'list', data: [item('user_1')], has_more: true, last_id: 'user_1' } };
  },
  printed: { ids: ['user_1', 'user_2'], one: 'a/b?c', sdk: 'a/b?c' },
  requests: [
    'GET /organization/users?limit=1&emails%5B%5D=a%40x',
    'GET /organization/users?limit=1&after=user_1&emails%5B%5D=a%40x',
    'GET /organization/users/a%2Fb%3Fc',
    'GET /organization/users/x%2Fy',
  ],
};

/** A consumer tsconfig: strict, the given module mode, the consumer's own files only. */
const consumerConfig = (options: object) => ({
  compilerOptions: { target: 'ES2022', strict: true, skipLibCheck: false, ...options },
  files: ['main.ts'],
});

const modes = {
  NodeNext: { module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['ES2022', 'DOM', 'DOM.Iterable'], types: [] },
  Bundler: { module: 'ESNext', moduleResolution: 'Bundler', lib: ['ES2022', 'DOM', 'DOM.Iterable'], types: [] },
  // a Node service: no DOM lib; fetch, Request, Headers… come from @types/node
  'Node only (lib ES2022 + @types/node)': {
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    lib: ['ES2022'],
    types: ['node'],
    typeRoots: [join(repoRoot, 'node_modules', '@types')],
  },
};

/** `METHOD path?query` with the query pieces sorted (parameter order is not part of the contract). */
const normalize = (text: string) => {
  const [head, query = ''] = text.split('?');
  return [head, query.split('&').filter(Boolean).sort().join('&')].filter(Boolean).join('?');
};
const line = (r: RecordedRequest) => normalize(`${r.method} ${r.path}${r.query ? '?' + r.query : ''}`);

const exists = (path: string) => stat(path).then(() => true, () => false);

/** Defines the suite for one package. */
export function publishSuite(t: Target): void {
  describe(`generated/${t.name} as a published package`, () => {
    let server: RecordingServer;
    let work: string;
    let pkgDir: string;
    let tarball: string | undefined;
    let consumerDir: string;

    beforeAll(async () => {
      server = await startRecordingServer();
      work = tempDir(`oagen-package-${t.name}-`);
      pkgDir = join(work, t.name);
      consumerDir = join(work, 'consumer');
      // a copy as generated: no build output, no installed modules
      await cp(join(repoRoot, 'generated', t.name), pkgDir, {
        recursive: true,
        filter: (src) => !/[\\/](node_modules|dist)$/.test(src) && !src.endsWith('.tgz'),
      });
    });
    afterAll(async () => {
      await server?.close();
      if (work) await rm(work, { recursive: true, force: true });
    });

    it('npm run build emits dist/index.js and dist/index.d.ts', { timeout: STEP }, async () => {
      // as in a checkout after `npm install`: the dev dependencies the plugins declare (zod, msw, the MCP SDK, …) resolve
      await symlink(join(repoRoot, 'node_modules'), join(pkgDir, 'node_modules'), 'dir');
      await mustRun('npm', ['run', 'build'], pkgDir);
      expect(await exists(join(pkgDir, 'dist', 'index.js'))).toBe(true);
      expect(await exists(join(pkgDir, 'dist', 'index.d.ts'))).toBe(true);
    });

    it('npm pack gives a clean tarball: dist with types, package.json, README; no sources of the build', { timeout: STEP }, async () => {
      const out = join(work, 'tarballs');
      await mkdir(out);
      const { stdout } = await mustRun('npm', ['pack', '--json', '--pack-destination', out], pkgDir);
      const [packed] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
      tarball = join(out, packed!.filename);
      const files = packed!.files.map((f) => f.path);
      expect(files).toEqual(expect.arrayContaining(['package.json', 'README.md', 'dist/index.js', 'dist/index.d.ts']));
      const stray = files.filter((f) => !/^(dist|src|docs)\//.test(f) && !/^(package\.json|README\.md|LICENSE(\.md)?)$/.test(f));
      expect(stray, 'files outside dist/, src/, docs/ and the package metadata').toEqual([]);
      const manifest = JSON.parse(await readFile(join(pkgDir, 'package.json'), 'utf8'));
      expect(manifest.dependencies ?? {}, 'a generated package has no runtime dependencies').toEqual({});
    });

    it('publint finds no problem, suggestions included', { timeout: STEP }, async () => {
      expect(tarball, 'needs the tarball from npm pack').toBeDefined();
      const ran = await run(bin('publint'), ['run', tarball!, '--strict', '--level', 'suggestion'], work);
      expect(ran.code, ran.log).toBe(0);
      expect(ran.stdout, ran.log).toContain('All good!');
    });

    // The package is ESM only by design ("type": "module", an `import` condition only), so the
    // esm-only profile: it skips the node10 and node16-from-CJS resolutions. The test checks
    // that the only problem it skips is the expected one, CJSResolvesToESM under node16-cjs, and
    // node10's (which reads no `exports`) NoResolution of plugin subpaths (`./mocks`, `./msw`).
    it('@arethetypeswrong/cli finds no problem (esm-only profile)', { timeout: STEP }, async () => {
      expect(tarball, 'needs the tarball from npm pack').toBeDefined();
      const ran = await run(bin('attw'), [tarball!, '--profile', 'esm-only', '--format', 'json'], work);
      expect(ran.code, ran.log).toBe(0);
      const { analysis } = JSON.parse(ran.stdout) as { analysis: { types: { kind: string }; problems: { kind: string; resolutionKind?: string; entrypoint?: string }[] } };
      expect(analysis.types.kind).toBe('included');
      const unexpected = analysis.problems.filter(
        (p) => !(p.kind === 'CJSResolvesToESM' && p.resolutionKind === 'node16-cjs') && !(p.kind === 'NoResolution' && p.resolutionKind === 'node10' && p.entrypoint !== '.'),
      );
      expect(unexpected, ran.log).toEqual([]);
    });

    it('installs offline into a fresh consumer project', { timeout: STEP }, async () => {
      expect(tarball, 'needs the tarball from npm pack').toBeDefined();
      await mkdir(consumerDir);
      await writeFile(join(consumerDir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
      await mustRun('npm', ['install', tarball!, '--offline', '--no-audit', '--no-fund'], consumerDir);
      const installed = JSON.parse(await readFile(join(consumerDir, 'node_modules', t.name, 'package.json'), 'utf8'));
      expect(installed.name).toBe(t.name);
      expect(await exists(join(consumerDir, 'node_modules', t.name, 'dist', 'index.d.ts'))).toBe(true);
    });

    // independent of each other: run together
    it.concurrent.for(Object.entries(modes))(
      'the consumer program type-checks against the installed package: %s',
      { timeout: STEP },
      async ([mode, options], { expect }) => {
        expect(await exists(join(consumerDir, 'node_modules', t.name)), 'needs the installed package').toBe(true);
        const dir = join(work, `check-${mode.replace(/\W+/g, '-')}`);
        await mkdir(dir, { recursive: true });
        await cp(join(consumerDir, 'package.json'), join(dir, 'package.json'));
        await cp(join(consumerDir, 'node_modules'), join(dir, 'node_modules'), { recursive: true });
        await writeFile(join(dir, 'main.ts'), t.consumer(server.url));
        await writeFile(join(dir, 'tsconfig.json'), JSON.stringify(consumerConfig({ ...options, noEmit: true })));
        const ran = await tsc(['-p', 'tsconfig.json', '--pretty', 'false'], dir);
        expect(ran.code, ran.output).toBe(0);
      },
    );

    it('the compiled consumer program runs on Node and calls the server', { timeout: STEP }, async () => {
      expect(await exists(join(consumerDir, 'node_modules', t.name)), 'needs the installed package').toBe(true);
      await writeFile(join(consumerDir, 'main.ts'), t.consumer(server.url));
      await writeFile(join(consumerDir, 'tsconfig.json'), JSON.stringify(consumerConfig({ ...modes.NodeNext, outDir: 'out' })));
      const built = await tsc(['-p', 'tsconfig.json', '--pretty', 'false'], consumerDir);
      expect(built.code, built.output).toBe(0);

      server.reset();
      server.answer(t.respond);
      const ran = await run(process.execPath, [join(consumerDir, 'out', 'main.js')], consumerDir);
      expect(ran.code, ran.log).toBe(0);
      expect(JSON.parse(ran.stdout.trim()), ran.log).toEqual(t.printed);
      expect(server.requests.map(line)).toEqual(t.requests.map(normalize));
    });
  });
}
