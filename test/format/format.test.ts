/**
 * `format: "prettier"` with the project's own prettier and .prettierrc: the generated code is
 * formatted as prettier would format it, a re-run is up to date, a forced re-run writes
 * nothing (the formatted output is deterministic), and an edited .prettierrc regenerates.
 * A formatter that is not installed is a clear error (exit 2).
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as prettier from 'prettier';
import { oagenAsync, projectWithOagen } from '../cli/run.js';

const SPEC = `openapi: 3.1.0
info: { title: Pets, version: 1.0.0 }
paths:
  /pets:
    get:
      operationId: listPets
      parameters: [{ name: kind, in: query, schema: { type: string, enum: [cat, dog, bird] } }]
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: { type: array, items: { $ref: '#/components/schemas/Pet' } }
components:
  schemas:
    Pet: { type: object, required: [id], properties: { id: { type: string }, name: { type: string }, tags: { type: array, items: { type: string } } } }
`;

/** Saved a while before the run, as an editor would (a file changed in the second before a run gets no up-to-date stamp: src/write/stamp.ts). */
function save(file: string, text: string): void {
  writeFileSync(file, text);
  const t = new Date(Date.now() - 60_000);
  utimesSync(file, t, t);
}

function project(format: unknown, withPrettier = true): string {
  const dir = projectWithOagen(withPrettier ? ['prettier'] : []);
  save(join(dir, 'pets.yaml'), SPEC);
  writeFileSync(join(dir, 'oagen.config.json'), JSON.stringify({ clients: [{ name: 'pets', spec: 'pets.yaml', output: 'out/pets', format }] }));
  return dir;
}

function codeFiles(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) if (/\.[mc]?[jt]s$/.test(f)) out.set(f, readFileSync(join(dir, f), 'utf8'));
  return out;
}

async function generate(dir: string, ...flags: string[]) {
  const r = await oagenAsync(['generate', ...flags], dir);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
}

describe('format: prettier', () => {
  it('formats the code files with the project config; up to date, deterministic, and a config change regenerates', async () => {
    const dir = project('prettier');
    save(join(dir, '.prettierrc'), JSON.stringify({ semi: false, printWidth: 100 }));
    expect(await generate(dir)).toMatch(/\(\d+ written, 0 unchanged\)/);
    const out = join(dir, 'out/pets');
    const files = codeFiles(out);
    expect(files.size).toBeGreaterThan(5);
    for (const [f, text] of files) {
      expect(await prettier.check(text, { semi: false, printWidth: 100, filepath: join(out, f) }), f).toBe(true);
    }
    // not oagen's own layout: formatted
    const plain = project(false);
    await generate(plain);
    const unformatted = codeFiles(join(plain, 'out/pets'));
    expect([...files.keys()]).toEqual([...unformatted.keys()]);
    expect([...files].filter(([f, t]) => unformatted.get(f) !== t).length).toBeGreaterThan(0);

    expect(await generate(dir)).toMatch(/\(up to date\)/);
    expect(await generate(dir, '--force')).toMatch(/\(0 written, \d+ unchanged\)/);

    save(join(dir, '.prettierrc'), JSON.stringify({ semi: true, printWidth: 100 }));
    expect(await generate(dir)).not.toMatch(/up to date/);
    const client = codeFiles(out).get('src/client.ts')!;
    expect(await prettier.check(client, { semi: true, printWidth: 100, filepath: join(out, 'src/client.ts') })).toBe(true);
    expect(client).not.toBe(files.get('src/client.ts'));
    expect(await generate(dir)).toMatch(/\(up to date\)/);
    // formatting is not an API change: no version bump, no CHANGELOG entry
    expect(JSON.parse(readFileSync(join(out, 'package.json'), 'utf8')).version).toBe('1.0.0');
    expect(JSON.parse(readFileSync(join(out, 'oagen.lock.json'), 'utf8')).format).toBe('prettier');

    // turned off again: oagen's own layout back, still no version bump
    save(join(dir, 'oagen.config.json'), JSON.stringify({ clients: [{ name: 'pets', spec: 'pets.yaml', output: 'out/pets' }] }));
    expect(await generate(dir)).toMatch(/^pets 1\.0\.0: /);
    expect(codeFiles(out)).toEqual(unformatted);
    expect(JSON.parse(readFileSync(join(out, 'oagen.lock.json'), 'utf8')).format).toBeUndefined();
    expect(readdirSync(out)).not.toContain('CHANGELOG.md');
  }, 240_000);

  it('a formatter that is not installed is exit 2 with what to do', async () => {
    const r = await oagenAsync(['generate'], project('biome'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('E_FORMATTER_MISSING: format: "biome" needs @biomejs/biome installed in this project (npm install --save-dev @biomejs/biome), or set "format": false');
    const r2 = await oagenAsync(['generate'], project('prettier', false));
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain('format: "prettier" needs prettier installed in this project (npm install --save-dev prettier)');
  });
});
