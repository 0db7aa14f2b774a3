/**
 * `dates: "Date"` with the types following (src/plugins/client/validated.ts,
 * templates/runtime/validated.ts): in a package generated with the client and zod plugins
 * (test/view/fixtures/read-write.yaml), compiled strictly, a call on a client created with
 * `validators` and `validate: { response: "throw" }` resolves to the validator's output
 * (`created_at: Date`), on a plain client to the declared type (`string`), in `"warn"` mode to
 * either (a valid response is the validator's output, an invalid one the value as received), and
 * a call's own `validate` option decides over the client's. End to end against a real HTTP server
 * on 127.0.0.1: the value is a `Date` at run time where the type says so, a string where it says
 * `string`. A package without the option keeps the plain signatures.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startRecordingServer, type RecordingServer } from '../../server.js';
import { nodeNextOptions as options, runTsc } from '../../tsc.js';
import { DIRECTORY_API, ROOT, writePackage, zodPackage, type ZodPackage } from './helpers.js';

const SPEC = join(ROOT, 'test/view/fixtures/read-write.yaml');
const PRELUDE = [
  `import { createClient, createUser, listUsers, login, putInventory } from './src/index.js';`,
  `import { validators } from './src/zod.js';`,
  `type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;`,
  `declare function same<X extends true>(): void;`,
  `const baseUrl = 'http://127.0.0.1:1';`,
  `const validated = createClient({ baseUrl, validators, validate: { response: 'throw' } });`,
  `const plain = createClient({ baseUrl });`,
  `const warn = createClient({ baseUrl, validators, validate: { response: 'warn' } });`,
  `const quiet = createClient({ baseUrl, validators });`,
  `const body = { name: 'Ann', password: 'long enough' };`,
  `export async function calls() {`,
];

const CHECKS = [
  `  { const r = await createUser(validated, { body }); same<Same<typeof r.created_at, Date>>(); }`,
  `  { const r = await createUser(plain, { body }); same<Same<typeof r.created_at, string>>(); }`,
  // "warn": a valid response is the validator's output, an invalid one the value as received
  `  { const r = await createUser(warn, { body }); same<Same<typeof r.created_at, Date | string>>(); }`,
  `  { const r = await createUser(quiet, { body }); same<Same<typeof r.created_at, string>>(); }`,
  `  { const r = await listUsers(validated); same<Same<typeof r[0]['created_at'], Date>>(); }`,
  `  { const r = await listUsers(plain); same<Same<typeof r[0]['created_at'], string>>(); }`,
  `  { const r = await login(validated, { body: { username: 'a', password: 'b' } }); same<Same<typeof r.expires_at, Date | undefined>>(); }`,
  // the call's own option decides
  `  { const r = await createUser(validated, { body }, { validate: { response: false } }); same<Same<typeof r.created_at, string>>(); }`,
  `  { const r = await createUser(quiet, { body }, { validate: { response: 'throw' } }); same<Same<typeof r.created_at, Date>>(); }`,
  `  { const r = await createUser(validated, { body }, { validate: { request: 'throw' } }); same<Same<typeof r.created_at, Date>>(); }`,
  `  { const r = await createUser(plain, { body }, { validate: { response: 'throw' } }); same<Same<typeof r.created_at, string>>(); }`,
  `  same<Same<Awaited<ReturnType<typeof putInventory>>, void>>();`,
];

let pkg: ZodPackage;
let dir: string;
beforeAll(async () => {
  pkg = await zodPackage(SPEC, { dates: 'Date' });
  dir = writePackage('dates', pkg.files);
});
afterAll(() => {
  if (!process.env.KEEP_TMP) rmSync(dir, { recursive: true, force: true });
});

describe('dates: "Date": the result types follow the validators', () => {
  it('compile strictly: Date on a validating client, string elsewhere', async () => {
    const lines = [...PRELUDE, ...CHECKS, `}`];
    writeFileSync(join(dir, 'check.ts'), lines.join('\n') + '\n');
    const { diagnostics, output } = await runTsc(dir, options, { include: ['src', 'check.ts'] });
    expect(diagnostics.map((d) => `${d.file.slice(dir.length + 1)}:${d.line} ${d.code} ${d.message} [${lines[d.line - 1]}]`), output.slice(0, 3000)).toEqual([]);
  }, 120_000);

  it.each([
    [`  { const r = await createUser(validated, { body }); same<Same<typeof r.created_at, string>>(); }`],
    [`  { const r = await createUser(plain, { body }); same<Same<typeof r.created_at, Date>>(); }`],
    [`  { const r = await createUser(warn, { body }); r.created_at.slice(0); }`],
    [`  { const r = await createUser(validated, { body }, { validate: { response: 'warn' } }); same<Same<typeof r.created_at, Date>>(); }`],
  ])('the checks can fail: %s', async (wrong) => {
    const lines = [...PRELUDE, wrong, `}`];
    const file = `check-wrong-${CHECKS.length}-${Math.random().toString(36).slice(2)}.ts`;
    writeFileSync(join(dir, file), lines.join('\n') + '\n');
    const { diagnostics } = await runTsc(join(dir), options, { include: ['src', file] });
    expect(diagnostics.filter((d) => d.file.endsWith(file)).map((d) => d.line)).toEqual([PRELUDE.length + 1]);
  }, 120_000);

  it('the package without the option keeps the plain signatures', async () => {
    const plainPkg = await zodPackage(SPEC);
    const api = [...plainPkg.files].filter(([p]) => p.startsWith('src/api/')).map(([, c]) => c).join('\n');
    expect(api).toMatch(/export function createUser\(\s*client: Client,\s*params: CreateUserParams,\s*options\?: RequestOptions,?\s*\): ApiPromise<User> \{/);
    expect(api).not.toContain('Validated');
    expect(plainPkg.files.get('src/client.ts')).toContain('export function createClient(config?: ClientConfig<AuthCredentials>): Client {');
    expect(plainPkg.files.get('src/zod.ts')).not.toContain('ValidatorTypes');
    expect([...plainPkg.files.keys()]).not.toContain('src/runtime/validated.ts');
  });
});

describe('dates: "Date" end to end (a real server on 127.0.0.1)', () => {
  type Index = Record<string, unknown>;
  let index: Index;
  let validators: unknown;
  let server: RecordingServer;
  const user = { id: 'u1', created_at: '2024-03-26T10:00:00Z', name: 'Ann' };
  beforeAll(async () => {
    index = (await import(/* @vite-ignore */ join(dir, 'src/index.ts'))) as Index;
    ({ validators } = (await import(/* @vite-ignore */ join(dir, 'src/zod.ts'))) as { validators: unknown });
    server = await startRecordingServer();
  });
  afterAll(async () => {
    await server?.close();
  });
  beforeEach(() => server.reset());

  it('a validating client gets Dates; a plain one strings', async () => {
    const c = index.createClient as (config: object) => unknown;
    const validated = c({ baseUrl: server.url, validators, validate: { response: 'throw' } });
    const plain = c({ baseUrl: server.url });
    const call = index.createUser as (client: unknown, params: object, options?: object) => Promise<{ created_at: unknown }>;
    server.script({ status: 201, body: user }, { status: 201, body: user }, { status: 201, body: user });
    const body = { name: 'Ann', password: 'long enough' };
    const a = await call(validated, { body });
    expect(a.created_at).toBeInstanceOf(Date);
    expect((a.created_at as Date).toISOString()).toBe('2024-03-26T10:00:00.000Z');
    const b = await call(plain, { body });
    expect(b.created_at).toBe('2024-03-26T10:00:00Z');
    const d = await call(validated, { body }, { validate: { response: false } });
    expect(d.created_at).toBe('2024-03-26T10:00:00Z');
    expect(server.requests.map((r) => r.method + ' ' + r.path)).toEqual(['POST /users', 'POST /users', 'POST /users']);
  });

  it('a list of users: every item has Dates', async () => {
    const c = index.createClient as (config: object) => unknown;
    const validated = c({ baseUrl: server.url, validators, validate: { response: 'throw' } });
    server.script({ body: [user, { ...user, id: 'u2', created_at: '2025-01-01T00:00:00Z' }] });
    const list = (await (index.listUsers as (client: unknown) => Promise<{ created_at: unknown }[]>)(validated));
    expect(list.map((u) => u.created_at instanceof Date && u.created_at.getUTCFullYear())).toEqual([2024, 2025]);
  });
});

describe('dates: "Date" on a real spec (GitHub)', () => {
  it('the package compiles strictly; a repository and the items of a list of issues are created_at: Date on a validating client, string on a plain one', async () => {
    const gh = await zodPackage(join(DIRECTORY_API, 'github.com', 'api.github.com.json'), { dates: 'Date' });
    const fn = gh.view.operations.find((o) => o.op.key === 'GET /repos/{owner}/{repo}')!.names.fn;
    // a paginated list (next-URL pagination from the Link header): its items follow too
    const issues = gh.view.operations.find((o) => o.op.key === 'GET /repos/{owner}/{repo}/issues')!;
    expect(issues.pagination?.info.kind).toBe('url');
    const list = issues.names.fn;
    const out = writePackage('dates-github', gh.files);
    try {
      const lines = [
        `import { createClient, ${fn}, ${list} } from './src/index.js';`,
        `import { validators } from './src/zod.js';`,
        `type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;`,
        `declare function same<X extends true>(): void;`,
        `const validated = createClient({ validators, validate: { response: 'throw' } });`,
        `const plain = createClient();`,
        `export async function calls() {`,
        `  { const r = await ${fn}(validated, { owner: 'o', repo: 'r' }); same<Same<typeof r.created_at, Date>>(); }`,
        `  { const r = await ${fn}(plain, { owner: 'o', repo: 'r' }); same<Same<typeof r.created_at, string>>(); }`,
        `  for await (const i of ${list}(validated, { owner: 'o', repo: 'r' })) same<Same<typeof i.created_at, Date>>();`,
        `  for await (const i of ${list}(plain, { owner: 'o', repo: 'r' })) same<Same<typeof i.created_at, string>>();`,
        `}`,
      ];
      writeFileSync(join(out, 'check.ts'), lines.join('\n') + '\n');
      const { diagnostics, output } = await runTsc(out, options, { include: ['src', 'check.ts'] });
      expect(diagnostics.slice(0, 20).map((d) => `${d.file.slice(out.length + 1)}:${d.line} ${d.code} ${d.message}`), output.slice(0, 3000)).toEqual([]);
    } finally {
      if (!process.env.KEEP_TMP) rmSync(out, { recursive: true, force: true });
    }
  }, 600_000);
});
