/**
 * `{ "name": "mocks", "options": { "faker": true } }`: strings come from @faker-js/faker (a peer
 * dependency of the package then, and of no other), still deterministic per seed and still
 * valid for the spec (Ajv); the package compiles with it.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { Diagnostics } from '../../../src/diagnostics.js';
import { loadSpec } from '../../../src/load/index.js';
import { writeConfiguredPackage, type WrittenPackage } from './package.js';
import { specValidator } from './spec-schemas.js';
import { ROOT } from './specs.js';

const run = promisify(execFile);
const written: WrittenPackage[] = [];
afterAll(() => written.forEach((p) => p.dispose()));

describe('mocks with faker', () => {
  it('makes realistic, deterministic, schema-valid values', async () => {
    const plugins = ['client', 'docs', 'mocks', 'msw', 'tests'];
    const withFaker = await writeConfiguredPackage('openai-admin', plugins.map((name) => (name === 'mocks' ? { name, options: { faker: true } } : { name })));
    const plain = await writeConfiguredPackage('openai-admin', plugins.map((name) => ({ name })));
    written.push(withFaker, plain);
    const pkg = JSON.parse(withFaker.files.get('package.json')!);
    expect(pkg.peerDependencies['@faker-js/faker']).toBeDefined();
    expect(JSON.parse(plain.files.get('package.json')!).peerDependencies['@faker-js/faker']).toBeUndefined();
    expect(withFaker.files.get('src/mocks/index.ts')).toContain(`from '@faker-js/faker'`);

    type Fake = (o?: unknown, opts?: { seed: number }) => Record<string, unknown>;
    const f = (await import(/* @vite-ignore */ `${withFaker.dir}/src/mocks/index.ts`)) as Record<string, Fake>;
    const p = (await import(/* @vite-ignore */ `${plain.dir}/src/mocks/index.ts`)) as Record<string, Fake>;
    const loaded = await loadSpec(`${ROOT}/specs/openai.yaml`, { diagnostics: new Diagnostics() });
    const user = specValidator(loaded.document as Record<string, unknown>).at('#/components/schemas/User');
    const names = new Set<unknown>();
    let differ = 0;
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const a = f.fakeUser(undefined, { seed });
      expect(f.fakeUser(undefined, { seed })).toEqual(a);
      expect(user(a), JSON.stringify(user.errors)).toBe(true);
      if (a.name !== undefined) names.add(a.name);
      if (JSON.stringify(a) !== JSON.stringify(p.fakeUser(undefined, { seed }))) differ++;
    }
    expect(differ).toBe(6);
    expect(names.size).toBeGreaterThan(2);

    await run(`${ROOT}/node_modules/.bin/tsc`, ['-p', `${withFaker.dir}/tsconfig.json`], { cwd: withFaker.dir });
  }, 300_000);
});
