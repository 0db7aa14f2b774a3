import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { typecheck } from './typecheck.js';
import { tempDir } from '../../../test/tmp.js';

const root = tempDir('typecheck-test-');
afterAll(() => rmSync(root, { recursive: true, force: true }));

function project(name: string, source: string, compilerOptions: Record<string, unknown> = {}): string {
  const dir = join(root, name);
  mkdirSync(join(dir, 'src'), { recursive: true });
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { target: 'es2022', module: 'esnext', moduleResolution: 'bundler', types: [], ...compilerOptions }, include: ['src'] }));
  writeFileSync(join(dir, 'src', 'index.ts'), source);
  return dir;
}

describe('typecheck (TypeScript 7)', () => {
  const cases: Array<[string, string, boolean, number]> = [
    ['clean code', 'export const x: number = 1;\n', true, 0],
    ['a type error', "export const x: number = 'a';\n", false, 1],
    // strict is forced even when the tsconfig does not ask for it
    ['an implicit any, strict forced', 'export function f(a) { return a; }\n', false, 1],
  ];
  it.each(cases)('%s', async (name, source, ok, errors) => {
    const r = await typecheck(project(name.replace(/\W+/g, '-'), source, { strict: false }), 60_000);
    expect(r.ok).toBe(ok);
    expect(r.errorCount).toBe(errors);
    if (!ok) expect(r.firstErrors[0]).toMatch(/error TS\d+/);
  });
});
