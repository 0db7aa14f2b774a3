/** The writer: atomic swap, ownership checks, mtimes of unchanged files, nothing lost on failure. */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { OagenError } from '../../src/diagnostics.js';
import { generateClient } from '../../src/generate.js';
import { writePackage } from '../../src/write/index.js';
import { FIXTURES, readPackage, tempDir } from '../generate/helpers.js';

const files = (extra: Record<string, string> = {}) =>
  new Map(Object.entries({ 'oagen.lock.json': '{}\n', 'src/index.ts': 'export {};\n', ...extra }));

describe('writePackage', () => {
  it('creates a missing folder', async () => {
    const out = join(tempDir(), 'pkg');
    const r = await writePackage(out, files());
    expect(r.written).toEqual(['oagen.lock.json', 'src/index.ts']);
    expect(readFileSync(join(out, 'src/index.ts'), 'utf8')).toBe('export {};\n');
  });

  it('keeps unchanged files (same mtime) and removes files no longer generated', async () => {
    const out = join(tempDir(), 'pkg');
    await writePackage(out, files({ 'a.ts': 'a\n', 'gone.ts': 'x\n' }));
    const before = statSync(join(out, 'a.ts')).mtimeMs;
    await new Promise((r) => setTimeout(r, 20));
    const r = await writePackage(out, files({ 'a.ts': 'a\n', 'b.ts': 'b\n' }));
    expect(r.written).toEqual(['b.ts']);
    expect(r.removed).toEqual(['gone.ts']);
    expect(statSync(join(out, 'a.ts')).mtimeMs).toBe(before);
    expect(existsSync(join(out, 'gone.ts'))).toBe(false);
  });

  it('writes nothing when nothing changed', async () => {
    const out = join(tempDir(), 'pkg');
    await writePackage(out, files());
    const r = await writePackage(out, files());
    expect(r.written).toEqual([]);
    expect(r.unchanged).toHaveLength(2);
  });

  it('keeps the user\'s node_modules and dist', async () => {
    const out = join(tempDir(), 'pkg');
    await writePackage(out, files());
    mkdirSync(join(out, 'dist'));
    writeFileSync(join(out, 'dist/index.js'), 'built');
    await writePackage(out, files({ 'new.ts': 'n\n' }));
    expect(readFileSync(join(out, 'dist/index.js'), 'utf8')).toBe('built');
  });

  it('refuses a non-empty folder it did not create', async () => {
    const out = tempDir();
    writeFileSync(join(out, 'precious.txt'), 'keep me');
    await expect(writePackage(out, files())).rejects.toThrow(/not created by oagen/);
    expect(readFileSync(join(out, 'precious.txt'), 'utf8')).toBe('keep me');
  });

  it.each([
    ['/', '/'],
    ['the home folder', homedir()],
    ['the current folder', process.cwd()],
    ['a parent of the current folder', join(process.cwd(), '..')],
  ])('refuses %s', async (_what, dir) => {
    await expect(writePackage(dir, files())).rejects.toBeInstanceOf(OagenError);
  });
});

describe('a failed generation', () => {
  it('leaves the previous package byte-identical', async () => {
    const dir = tempDir();
    const out = join(dir, 'pkg');
    const spec = join(dir, 'spec.yaml');
    writeFileSync(spec, readFileSync(join(FIXTURES, 'legacy-30.yaml'), 'utf8'));
    await generateClient({ name: 'pkg', spec, output: out });
    const before = readPackage(out);
    // A broken spec: a $ref to nothing.
    writeFileSync(spec, readFileSync(spec, 'utf8').replace("$ref: '#/components/schemas/Thing'", "$ref: '#/components/schemas/Nope'"));
    const error = await generateClient({ name: 'pkg', spec, output: out }).catch((e) => e);
    expect(error).toBeInstanceOf(OagenError);
    expect((error as OagenError).diagnostics.map((d) => d.code)).toContain('E_REF_MISSING');
    expect(readPackage(out)).toEqual(before);
  });
});
