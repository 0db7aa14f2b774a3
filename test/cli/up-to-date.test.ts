/**
 * A re-run on an unchanged spec stops at once (src/write/stamp.ts), and anything that could
 * change the package (the spec, a file it refers to, the config, an edited, added or deleted
 * output file) makes it generate again. Run as a user runs it: the CLI in a project folder
 * that has a node_modules folder (where the stamps are kept).
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, tempDir } from '../generate/helpers.js';

function oagen(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/oagen.js'), ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const SPEC = `openapi: 3.1.0
info: { title: T, version: 1.0.0 }
paths:
  /a/{id}:
    get:
      operationId: getA
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: { $ref: 'models.yaml#/A' }
`;
const MODELS = `A: { type: object, properties: { x: { type: string } } }\n`;

/**
 * Writes a spec file as an editor would, a while before the run (a file changed in the second
 * before a run, or during it, gets no stamp: see the last test).
 */
function save(file: string, text: string, ago = 60_000): void {
  writeFileSync(file, text);
  const t = new Date(Date.now() - ago);
  utimesSync(file, t, t);
}

/** A project folder with a spec in two files and a config; `modules`: with a node_modules folder. */
function project(modules = true): string {
  const dir = tempDir();
  if (modules) mkdirSync(join(dir, 'node_modules'));
  mkdirSync(join(dir, 'specs'));
  save(join(dir, 'specs/api.yaml'), SPEC);
  save(join(dir, 'specs/models.yaml'), MODELS);
  writeFileSync(join(dir, 'oagen.config.json'), JSON.stringify({ clients: [{ name: 'api', spec: 'specs/api.yaml', output: 'out/api' }] }));
  return dir;
}

/** `generate` in `dir`: 'generated' or 'up to date', from what it printed. */
function run(dir: string, ...flags: string[]): { how: 'generated' | 'up to date'; stderr: string } {
  const r = oagen(['generate', ...flags], dir);
  expect(r.code, r.stderr).toBe(0);
  const how = /\(up to date\)/.test(r.stdout) ? 'up to date' : /written/.test(r.stdout) ? 'generated' : undefined;
  expect(how, r.stdout).toBeDefined();
  return { how: how!, stderr: r.stderr };
}

function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string, prefix: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const rel = prefix ? `${prefix}/${e.name}` : e.name;
      if (e.isDirectory()) walk(join(d, e.name), rel);
      else out.set(rel, readFileSync(join(d, e.name), 'utf8'));
    }
  };
  walk(dir, '');
  return out;
}

describe('oagen generate on an unchanged spec', () => {
  it('stops at once on a re-run, leaving every file and mtime as it was, and says so', () => {
    const dir = project();
    expect(run(dir).how).toBe('generated');
    const before = snapshot(join(dir, 'out/api'));
    const mtime = statSync(join(dir, 'out/api/src/index.ts')).mtimeMs;
    expect(run(dir).how).toBe('up to date');
    expect(snapshot(join(dir, 'out/api'))).toEqual(before);
    expect(statSync(join(dir, 'out/api/src/index.ts')).mtimeMs).toBe(mtime);
    // what a full run would write is what is there
    expect(run(dir, '--force').how).toBe('generated');
    expect(snapshot(join(dir, 'out/api'))).toEqual(before);
    expect(run(dir).how).toBe('up to date');
  });

  it('generates again when the spec or a file it refers to changes', () => {
    const dir = project();
    run(dir);
    save(join(dir, 'specs/api.yaml'), SPEC.replace('ok', 'fine'));
    expect(run(dir).how).toBe('generated');
    expect(run(dir).how).toBe('up to date');
    save(join(dir, 'specs/models.yaml'), MODELS.replace('x:', 'y:'));
    expect(run(dir).how).toBe('generated');
    const models = join(dir, 'out/api/src/models');
    expect(readdirSync(models).map((f) => readFileSync(join(models, f), 'utf8')).join('\n')).toMatch(/\by\?: string/);
  });

  it('generates again when the config changes', () => {
    const dir = project();
    run(dir);
    writeFileSync(join(dir, 'oagen.config.json'), JSON.stringify({ clients: [{ name: 'api', spec: 'specs/api.yaml', output: 'out/api', version: '2.0.0' }] }));
    expect(run(dir).how).toBe('generated');
    expect(JSON.parse(readFileSync(join(dir, 'out/api/package.json'), 'utf8')).version).toBe('2.0.0');
  });

  it('generates again when an output file was edited, touched, added or deleted', () => {
    const dir = project();
    run(dir);
    const out = join(dir, 'out/api');
    const edits: Array<() => void> = [
      () => writeFileSync(join(out, 'src/client.ts'), 'edited\n'),
      () => writeFileSync(join(out, 'src/extra.ts'), 'export {};\n'),
      () => rmSync(join(out, 'docs'), { recursive: true }),
    ];
    for (const edit of edits) {
      edit();
      expect(run(dir).how).toBe('generated');
      expect(existsSync(join(out, 'src/extra.ts'))).toBe(false);
      expect(readFileSync(join(out, 'src/client.ts'), 'utf8')).toMatch(/export function createClient/);
      expect(existsSync(join(out, 'docs'))).toBe(true);
      expect(run(dir).how).toBe('up to date');
    }
    // only an mtime changed: generated again, to the same files
    const before = snapshot(out);
    utimesSync(join(out, 'README.md'), new Date(2001, 1, 1), new Date(2001, 1, 1));
    expect(run(dir).how).toBe('generated');
    expect(snapshot(out)).toEqual(before);
    expect(run(dir).how).toBe('up to date');
  });

  it('prints the warnings of the last run again', () => {
    const dir = project();
    save(join(dir, 'specs/api.yaml'), SPEC.replace('/a/{id}:', '/a/{id}/{other}:'));
    const first = run(dir);
    expect(first.stderr).toMatch(/W_PATH_PARAM_UNDECLARED/);
    const again = run(dir);
    expect(again.how).toBe('up to date');
    expect(again.stderr).toBe(first.stderr);
  });

  it('keeps no stamp when a spec file may have changed while it was read (modified since the run started)', () => {
    const dir = project();
    // a file time after the start: as if saved during the run
    save(join(dir, 'specs/models.yaml'), MODELS, -5_000);
    expect(run(dir).how).toBe('generated');
    expect(run(dir).how).toBe('generated');
    save(join(dir, 'specs/models.yaml'), MODELS);
    expect(run(dir).how).toBe('generated');
    expect(run(dir).how).toBe('up to date');
  });

  it('keeps no stamp, and always generates, without a node_modules folder', () => {
    const dir = project(false);
    expect(run(dir).how).toBe('generated');
    expect(run(dir).how).toBe('generated');
    expect(existsSync(join(dir, 'node_modules'))).toBe(false);
  });

  it('--dry-run, --verify and --reset-names always render', () => {
    const dir = project();
    run(dir);
    const r = oagen(['generate', '--dry-run'], dir);
    expect(r.stdout).toMatch(/dry run/);
    expect(run(dir, '--verify').how).toBe('generated');
    expect(run(dir, '--reset-names').how).toBe('generated');
    expect(run(dir).how).toBe('up to date');
  });
});
