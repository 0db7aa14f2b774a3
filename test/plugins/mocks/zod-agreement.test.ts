/**
 * Issue 17, point 4: the `mocks` and `zod` plugins agree. `openai-admin` (both plugins on, as
 * oagen.config.json configures it) is rendered, compiled strictly by tsc, and then, for every
 * model and several seeds, `<Model>Schema.safeParse(fake<Model>({}, { seed }))` succeeds, and
 * every operation's fake response passes the response validator `validators` gives it.
 *
 * A model that legitimately cannot agree is listed in DISAGREE with its reason; the test fails
 * when such a model starts agreeing (so the list cannot go stale).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildView, type ApiView } from '../../../src/view/index.js';
import { fakeName, fakeOperations } from '../../../src/plugins/mocks/operations.js';
import { mustTsc } from '../../tsc.js';
import { writeConfiguredPackage, type WrittenPackage } from './package.js';

const SEEDS = [1, 2, 3, 7, 42, 1234];

/** Models whose fakes cannot pass their Zod schema, and why (none today). */
const DISAGREE: Record<string, string> = {};

type Fake = (overrides?: unknown, options?: { seed: number }) => unknown;
interface SafeParse {
  safeParse(v: unknown): { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } };
}

let pkg: WrittenPackage;
let view: ApiView;
let mocks: Record<string, unknown>;
let zod: Record<string, unknown>;

beforeAll(async () => {
  pkg = await writeConfiguredPackage('openai-admin');
  const plugins = JSON.parse(pkg.files.get('package.json')!) as { exports?: Record<string, unknown> };
  expect(Object.keys(plugins.exports ?? {})).toEqual(expect.arrayContaining(['./mocks', './zod']));
  view = buildView(pkg.ir, pkg.names, { name: 'openai-admin', specLabel: 'specs/openai.yaml' });
  mocks = (await import(/* @vite-ignore */ `${pkg.dir}/src/mocks/index.ts`)) as Record<string, unknown>;
  zod = (await import(/* @vite-ignore */ `${pkg.dir}/src/zod.ts`)) as Record<string, unknown>;
}, 300_000);
afterAll(() => pkg?.dispose());

/** The first failures of `schema` on `value`, for the failure message. */
function issues(schema: SafeParse, value: unknown): string | undefined {
  const r = schema.safeParse(value);
  if (r.success) return undefined;
  return (r.error?.issues ?? []).slice(0, 3).map((i) => `$${i.path.map((p) => `.${String(p)}`).join('')}: ${i.message.slice(0, 160)}`).join('; ');
}

describe('openai-admin: fake values pass their Zod schemas', () => {
  it('the package (mocks and zod modules included) compiles under tsc --strict', async () => {
    await mustTsc(['-p', join(pkg.dir, 'tsconfig.json'), '--noEmit', '--pretty', 'false'], pkg.dir);
  }, 300_000);

  it('every model, for several seeds: <Model>Schema.safeParse(fake<Model>({}, { seed })) succeeds', () => {
    expect(view.models.length).toBeGreaterThan(50);
    const failures: string[] = [];
    const agreeing: string[] = [];
    for (const m of view.models) {
      const fake = mocks[fakeName(m.name)] as Fake | undefined;
      const schema = zod[`${m.name}Schema`] as SafeParse | undefined;
      expect(fake, `mocks exports ${fakeName(m.name)}`).toBeTypeOf('function');
      expect(schema?.safeParse, `zod exports ${m.name}Schema`).toBeTypeOf('function');
      // `{}` overrides nothing, whatever the model's kind (an enum, an array, a union); so does `undefined`
      const values = SEEDS.flatMap((seed) => [[seed, fake!({}, { seed })], [seed, fake!(undefined, { seed })]] as const);
      const bad = values.map(([seed, value]) => [seed, issues(schema!, value)] as const).filter(([, why]) => why);
      if (m.name in DISAGREE) {
        if (!bad.length) agreeing.push(m.name);
      } else {
        for (const [seed, why] of bad) failures.push(`${m.name} (seed ${seed}): ${why}`);
      }
    }
    expect(failures).toEqual([]);
    expect(agreeing, 'listed in DISAGREE but agree now: remove them from the list').toEqual([]);
  });

  it('the same seed gives the same value, which passes the same way', () => {
    for (const m of view.models.slice(0, 20)) {
      const fake = mocks[fakeName(m.name)] as Fake;
      expect(fake({}, { seed: 5 })).toEqual(fake({}, { seed: 5 }));
    }
  });

  it('every operation: fake<Fn>Response({}, { seed }) passes its response validator', () => {
    const validators = zod.validators as Record<string, { responses?: Record<string, SafeParse> }>;
    const failures: string[] = [];
    let checked = 0;
    for (const op of fakeOperations(view)) {
      if (!op.responseFn) continue;
      const key = `${op.view.op.method.toUpperCase()} ${op.view.op.path}`;
      const fake = mocks[op.responseFn] as Fake | undefined;
      expect(fake, `mocks exports ${op.responseFn}`).toBeTypeOf('function');
      const entry = validators[key];
      expect(entry, `validators has "${key}"`).toBeDefined();
      // the fake answers one of the success statuses: it must pass one of their validators
      const schemas = op.view.success.statuses.map((s) => entry!.responses?.[s]).filter((s): s is SafeParse => !!s);
      expect(schemas.length, `"${key}" has a response validator for ${op.view.success.statuses.join(', ')}`).toBeGreaterThan(0);
      for (const seed of SEEDS) {
        const value = fake!({}, { seed });
        const whys = schemas.map((s) => issues(s, value));
        if (whys.every((w) => w)) failures.push(`${op.responseFn} → ${key} (seed ${seed}): ${whys.join(' | ')}`);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(failures).toEqual([]);
  });
});
