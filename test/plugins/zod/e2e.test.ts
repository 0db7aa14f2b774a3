/**
 * End to end: `openai-admin` generated with the zod plugin (as oagen.config.json configures it),
 * compiled by tsc and loaded by Node from a `node_modules` folder (with `zod` beside it, as a
 * user installs the peer dependency), calls a real HTTP server on 127.0.0.1. A response that
 * drifts from the spec (a missing field, a string where a number was declared) throws a
 * `ValidationError` in "throw" mode and reaches `onValidationError` in "warn" mode; a request
 * that does not match its schema is stopped before it is sent.
 */
import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { renderClient } from '../../../src/generate.js';
import { exec } from '../../e2e/compiled-package.js';
import { tscBin } from '../../tsc.js';
import { startRecordingServer, type RecordingServer } from '../../server.js';
import { ROOT } from './helpers.js';
import { tempDir } from '../../tmp.js';

type Pkg = typeof import('../../../generated/openai-admin/src/index.js');
type Zod = typeof import('../../../generated/openai-admin/src/zod.js');

let pkg: Pkg;
let zod: Zod;
let server: RecordingServer;
let tmp: string;

const user = { object: 'organization.user', id: 'user-1', name: 'Ann Lee', email: 'ann@example.com', role: 'owner', added_at: 1711471533 };

beforeAll(async () => {
  const config = loadConfig(join(ROOT, 'oagen.config.json'));
  const client = config.clients.find((c) => c.name === 'openai-admin')!;
  expect(client.plugins?.map((p) => p.name)).toContain('zod');
  const { files } = await renderClient({ ...client, output: join(ROOT, 'test/plugins/zod/tmp/never-written') });
  tmp = tempDir('oagen-zod-e2e-');
  const src = join(tmp, 'src-pkg');
  for (const [path, content] of files) {
    if (!path.endsWith('.ts') && !path.endsWith('.json')) continue;
    await mkdir(join(src, path, '..'), { recursive: true });
    await writeFile(join(src, path), content);
  }
  const dir = join(tmp, 'node_modules', 'openai-admin');
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'package.json'), files.get('package.json')!);
  // the package's dev dependencies (zod, and the other plugins' — the MCP SDK, @types/node, …),
  // installed beside it as `npm install` would (and where tsc finds their types)
  const { devDependencies = {} } = JSON.parse(files.get('package.json')!) as { devDependencies?: Record<string, string> };
  for (const dep of Object.keys(devDependencies).filter((d) => d !== 'typescript')) {
    await mkdir(join(tmp, 'node_modules', dep, '..'), { recursive: true });
    await symlink(join(ROOT, 'node_modules', dep), join(tmp, 'node_modules', dep), 'dir');
  }
  await symlink(join(tmp, 'node_modules'), join(src, 'node_modules'), 'dir');
  await exec(tscBin, ['-p', join(src, 'tsconfig.build.json'), '--outDir', join(dir, 'dist'), '--declaration', 'false', '--sourceMap', 'false'], src);
  pkg = (await import(/* @vite-ignore */ pathToFileURL(join(dir, 'dist', 'index.js')).href)) as Pkg;
  zod = (await import(/* @vite-ignore */ pathToFileURL(join(dir, 'dist', 'zod.js')).href)) as Zod;
  server = await startRecordingServer();
}, 300_000);
afterAll(async () => {
  await server?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});
beforeEach(() => server.reset());

const auth = { AdminApiKeyAuth: 'sk-admin' };

describe('response validation', () => {
  it('passes a response that matches the spec, in either mode', async () => {
    const client = pkg.createClient({ baseUrl: server.url, auth, validators: zod.validators, validate: { response: 'throw' } });
    server.script({ body: user });
    expect(await pkg.retrieveUser(client, { user_id: 'user-1' })).toEqual(user);
  });

  it('"throw": a string where a number was declared throws a ValidationError naming the operation, the path and the value', async () => {
    const client = pkg.createClient({ baseUrl: server.url, auth, validators: zod.validators, validate: { response: 'throw' } });
    server.script({ body: { ...user, added_at: '2024-03-26' } });
    const error = await pkg.retrieveUser(client, { user_id: 'user-1' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(zod.ValidationError);
    const e = error as InstanceType<Zod['ValidationError']>;
    expect(e.name).toBe('ValidationError');
    expect(e.operation).toBe('GET /organization/users/{user_id}');
    expect(e.target).toBe('response');
    expect(e.path).toBe('$.added_at');
    expect(e.expected).toMatch(/number/);
    expect(e.received).toBe('2024-03-26');
    expect(e.message).toContain('GET /organization/users/{user_id}: response $.added_at');
  });

  it('"throw": a missing field in a list item fails at its path', async () => {
    const client = pkg.createClient({ baseUrl: server.url, auth, validators: zod.validators, validate: { response: 'throw' } });
    const { id: _, ...noId } = user;
    server.script({ body: { object: 'list', data: [user, noId], first_id: 'user-1', last_id: 'user-1', has_more: false } });
    const e = (await pkg.listUsers(client).catch((x: unknown) => x)) as InstanceType<Zod['ValidationError']>;
    expect(e).toBeInstanceOf(zod.ValidationError);
    expect(e.path).toBe('$.data[1].id');
    expect(e.received).toBeUndefined();
  });

  it('"warn": the callback gets the error and the call resolves with the body as received', async () => {
    const seen: InstanceType<Zod['ValidationError']>[] = [];
    const client = pkg.createClient({ baseUrl: server.url, auth, validators: zod.validators, validate: { response: 'warn' }, onValidationError: (e) => seen.push(e) });
    const drifted = { ...user, added_at: 'yesterday', object: 'user' };
    server.script({ body: drifted });
    expect(await pkg.retrieveUser(client, { user_id: 'user-1' })).toEqual(drifted);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.operation).toBe('GET /organization/users/{user_id}');
    expect(seen[0]!.issues.map((i) => i.path?.join('.')).sort()).toEqual(['added_at', 'object']);
  });

  it('false by default, and per call: the call overrides the client', async () => {
    const quiet = pkg.createClient({ baseUrl: server.url, auth, validators: zod.validators });
    server.script({ body: { ...user, added_at: 'x' } }, { body: { ...user, added_at: 'x' } });
    expect((await pkg.retrieveUser(quiet, { user_id: 'u' })).added_at).toBe('x');
    await expect(pkg.retrieveUser(quiet, { user_id: 'u' }, { validate: { response: 'throw' } })).rejects.toBeInstanceOf(zod.ValidationError);
    const strict = pkg.createClient({ baseUrl: server.url, auth, validators: zod.validators, validate: { response: 'throw' } });
    server.script({ body: { ...user, added_at: 'x' } });
    expect((await pkg.retrieveUser(strict, { user_id: 'u' }, { validate: { response: false } })).added_at).toBe('x');
  });

  it('validates every page of a paginated list', async () => {
    const client = pkg.createClient({ baseUrl: server.url, auth, validators: zod.validators, validate: { response: 'throw' } });
    server.script(
      { body: { object: 'list', data: [user], first_id: 'user-1', last_id: 'user-1', has_more: true } },
      { body: { object: 'list', data: [{ ...user, id: 2 }], first_id: 'x', last_id: 'x', has_more: false } },
    );
    const items: unknown[] = [];
    const e = await (async () => {
      for await (const u of pkg.listUsers(client)) items.push(u);
    })().catch((x: unknown) => x);
    expect(items).toHaveLength(1);
    expect((e as InstanceType<Zod['ValidationError']>).path).toBe('$.data[0].id');
  });
});

describe('request validation', () => {
  it('"throw": a body that breaks its schema is not sent', async () => {
    const client = pkg.createClient({ baseUrl: server.url, auth, validators: zod.validators, validate: { request: 'throw' } });
    const e = (await pkg.adminApiKeysCreate(client, { body: { name: 'ci', expires_in_seconds: 0 } }).catch((x: unknown) => x)) as InstanceType<Zod['ValidationError']>;
    expect(e).toBeInstanceOf(zod.ValidationError);
    expect(e.operation).toBe('POST /organization/admin_api_keys');
    expect(e.target).toBe('body');
    expect(e.path).toBe('$.expires_in_seconds');
    expect(e.received).toBe(0);
    expect(server.requests).toHaveLength(0);
  });

  it('"warn": the request is reported and sent', async () => {
    const seen: string[] = [];
    const client = pkg.createClient({ baseUrl: server.url, auth, validators: zod.validators, validate: { request: 'warn' }, onValidationError: (e) => seen.push(`${e.target} ${e.path}`) });
    server.script({ body: { object: 'list', data: [], has_more: false } });
    await pkg.listUsers(client, { limit: 1.5 });
    expect(seen).toEqual(['params $.limit']);
    expect(server.requests).toHaveLength(1);
  });
});
