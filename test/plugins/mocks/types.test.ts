/**
 * Agreement (issue 17): every fake value type-checks against its model type. The generated
 * openai-admin and arthur packages' own `fake<Model>()` make values for several seeds; each is
 * written as a literal typed with its model (`const v: T.User = { … }`: excess and missing
 * properties, wrong literals and `null`s are errors) and the whole is compiled with `tsc --strict`.
 * Values holding a file (`Blob`) have no literal and are left out.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { literalExpression } from '../../../src/escape/index.js';
import { writeConfiguredPackage, type WrittenPackage } from './package.js';
import { ROOT } from './specs.js';

const run = promisify(execFile);
const SEEDS = [1, 2, 3, 4, 5];
const written: WrittenPackage[] = [];
afterAll(() => written.forEach((p) => p.dispose()));

function hasBlob(v: unknown): boolean {
  if (v instanceof Blob) return true;
  if (typeof v === 'object' && v !== null) return Object.values(v).some(hasBlob);
  return false;
}

describe.each(['openai-admin', 'arthur'])('fake values of %s', (name) => {
  it('type-check against their model types', async () => {
    const pkg = await writeConfiguredPackage(name);
    written.push(pkg);
    const mocks = (await import(/* @vite-ignore */ `${pkg.dir}/src/mocks/index.ts`)) as Record<string, (o?: unknown, opts?: { seed: number }) => unknown>;
    const lines = [`import type * as T from '../src/index.js';`, ''];
    let count = 0;
    for (const m of pkg.files.get('src/mocks/index.ts')!.matchAll(/^export function (fake\w+)\(\s*overrides\?: [^,]+,\s*options\?: FakeOptions,?\s*\): T\.(\w+) \{$/gm)) {
      for (const seed of SEEDS) {
        const value = mocks[m[1]](undefined, { seed });
        if (hasBlob(value)) continue;
        lines.push(`export const v${count++}: T.${m[2]} = ${literalExpression(value)};`);
      }
    }
    expect(count).toBeGreaterThan(name === 'arthur' ? 50 : 500);
    mkdirSync(join(pkg.dir, 'typed'), { recursive: true });
    writeFileSync(join(pkg.dir, 'typed/values.ts'), lines.join('\n') + '\n');
    const tsconfig = {
      compilerOptions: { strict: true, target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['ES2022', 'DOM'], types: [], noEmit: true, skipLibCheck: true },
      include: ['typed/*.ts'],
    };
    writeFileSync(join(pkg.dir, 'tsconfig.typed.json'), JSON.stringify(tsconfig));
    let output = '';
    try {
      await run(join(ROOT, 'node_modules/.bin/tsc'), ['-p', join(pkg.dir, 'tsconfig.typed.json'), '--pretty', 'false'], { cwd: pkg.dir, maxBuffer: 64 << 20 });
    } catch (e) {
      const err = e as { stdout?: string; stderr?: string };
      output = `${err.stdout ?? ''}${err.stderr ?? ''}`;
    }
    expect(output.split('\n').slice(0, 20).join('\n')).toBe('');
  }, 240_000);
});
