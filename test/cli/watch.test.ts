/**
 * `oagen generate --watch` as a user runs it: started in a project, it generates; an edit of a
 * file the spec `$ref`s (a burst of saves) is one regeneration; a broken spec prints its
 * diagnostics and leaves the package as it was; the repair regenerates; a spec served over
 * HTTP is polled and a change there regenerates; Ctrl-C (SIGINT) stops it with exit code 0.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startRecordingServer } from '../server.js';
import { BIN, projectWithOagen, sourceText } from './run.js';

const API = `openapi: 3.1.0
info: { title: Watched, version: 1.0.0 }
paths:
  /pets:
    get:
      operationId: listPets
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: { $ref: 'models.yaml#/Pet' }
`;
const MODELS = `Pet: { type: object, properties: { id: { type: string } } }\n`;

class Watcher {
  stdout = '';
  stderr = '';
  readonly exited: Promise<number | null>;
  constructor(readonly child: ChildProcess) {
    child.stdout!.on('data', (b: Buffer) => (this.stdout += b.toString()));
    child.stderr!.on('data', (b: Buffer) => (this.stderr += b.toString()));
    this.exited = new Promise((done) => child.on('close', (code) => done(code)));
  }
  /** summary lines that wrote something (a generation; `0 written` is none) */
  generations(): number {
    return this.stdout.split('\n').filter((l) => /\((?!0 written)\d+ written/.test(l)).length;
  }
  async until(what: string, ok: () => boolean, ms = 30_000): Promise<void> {
    const end = Date.now() + ms;
    while (!ok()) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}\nstdout:\n${this.stdout}\nstderr:\n${this.stderr}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

const running: Watcher[] = [];
afterEach(() => {
  for (const w of running.splice(0)) if (w.child.exitCode === null) w.child.kill('SIGKILL');
});

function start(dir: string): Watcher {
  const w = new Watcher(spawn(process.execPath, [BIN, 'generate', '--watch'], { cwd: dir, env: { ...process.env, CI: '1' } }));
  running.push(w);
  return w;
}

function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    try {
      out.set(f, readFileSync(join(dir, f), 'utf8'));
    } catch {
      // a folder
    }
  }
  return out;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('generate --watch', () => {
  it('regenerates once per burst of edits, keeps the last good package through a broken spec, stops on Ctrl-C', async () => {
    const dir = projectWithOagen();
    mkdirSync(join(dir, 'specs'));
    writeFileSync(join(dir, 'specs/api.yaml'), API);
    writeFileSync(join(dir, 'specs/models.yaml'), MODELS);
    writeFileSync(join(dir, 'oagen.config.json'), JSON.stringify({ clients: [{ name: 'api', spec: 'specs/api.yaml', output: 'out/api' }] }));
    const w = start(dir);
    await w.until('the first generation', () => w.generations() === 1 && /watching/.test(w.stderr));
    expect(w.stderr).toMatch(/oagen: watching 3 files for changes \(Ctrl-C to stop\)/); // api.yaml, models.yaml, the config

    // a burst of saves of the $ref'd file: one regeneration
    for (const extra of ['a', 'b', 'name']) {
      writeFileSync(join(dir, 'specs/models.yaml'), MODELS.replace('id: { type: string }', `id: { type: string }, ${extra}: { type: string }`));
      await sleep(20);
    }
    await w.until('a regeneration', () => w.generations() === 2);
    await sleep(1000);
    expect(w.generations()).toBe(2);
    expect(sourceText(join(dir, 'out/api'))).toMatch(/name\?: string/);
    const good = snapshot(join(dir, 'out/api'));

    // broken: diagnostics, the package untouched
    writeFileSync(join(dir, 'specs/api.yaml'), API.replace('paths:', 'paths: [oops'));
    await w.until('the diagnostics', () => /E_YAML_SYNTAX/.test(w.stderr) && /api: not generated; out\/api left as it was/.test(w.stderr));
    await sleep(300);
    expect(snapshot(join(dir, 'out/api'))).toEqual(good);
    expect(w.child.exitCode).toBe(null);

    // repaired (with a change): regenerated
    writeFileSync(join(dir, 'specs/api.yaml'), API.replace('listPets', 'listAllPets'));
    await w.until('the regeneration after the repair', () => w.generations() === 3);
    expect(sourceText(join(dir, 'out/api'))).toMatch(/export function listAllPets\b/);

    // the config is watched too
    writeFileSync(join(dir, 'oagen.config.json'), JSON.stringify({ clients: [{ name: 'api', spec: 'specs/api.yaml', output: 'out/api', version: '2.0.0' }] }));
    await w.until('the regeneration after a config change', () => w.generations() === 4);
    expect(JSON.parse(readFileSync(join(dir, 'out/api/package.json'), 'utf8')).version).toBe('2.0.0');

    w.child.kill('SIGINT');
    expect(await w.exited).toBe(0);
    expect(w.stderr).toMatch(/oagen: stopped watching\n$/);
  });

  it('an edited local plugin module is imported afresh and regenerates', async () => {
    const dir = projectWithOagen();
    writeFileSync(join(dir, 'api.yaml'), API.replace(`{ $ref: 'models.yaml#/Pet' }`, '{ type: string }'));
    const plugin = (word: string) => `export default { name: 'word', requires: ['client'], files: (view) => [['src/word.ts', view.header + '\\nexport const word = ${JSON.stringify(word)};\\n']] };\n`;
    writeFileSync(join(dir, 'word-plugin.mjs'), plugin('first'));
    writeFileSync(join(dir, 'oagen.config.mjs'), `export default { clients: [{ name: 'api', spec: 'api.yaml', output: 'out/api', plugins: ['client', './word-plugin.mjs'] }] };\n`);
    const w = start(dir);
    await w.until('the first generation', () => w.generations() === 1 && /watching 3 files/.test(w.stderr));
    expect(readFileSync(join(dir, 'out/api/src/word.ts'), 'utf8')).toMatch(/export const word = "first";/);
    writeFileSync(join(dir, 'word-plugin.mjs'), plugin('second'));
    await w.until('the regeneration', () => w.generations() === 2);
    expect(readFileSync(join(dir, 'out/api/src/word.ts'), 'utf8')).toMatch(/export const word = "second";/);
    w.child.kill('SIGINT');
    expect(await w.exited).toBe(0);
  });

  it('polls a spec served over HTTP at the configured interval and regenerates when it changes', async () => {
    let spec = { openapi: '3.0.3', info: { title: 'Polled', version: '1.0.0' }, paths: { '/a': { get: { operationId: 'getA', responses: { '204': { description: 'none' } } } } } };
    const server = await startRecordingServer((req) => {
      const etag = `"${JSON.stringify(spec).length}-${spec.paths['/a'].get.operationId}"`;
      return req.headers['if-none-match'] === etag ? { status: 304, headers: { etag } } : { body: spec, headers: { etag } };
    });
    try {
      const dir = projectWithOagen();
      const url = `${server.url}/openapi.json`;
      writeFileSync(join(dir, 'oagen.config.ts'), `import { defineConfig } from 'oagen';\nexport default defineConfig({ clients: [{ name: 'polled', spec: '${url}', output: 'out/polled', fetch: { poll: 200 } }] });\n`);
      const w = start(dir);
      await w.until('the first generation', () => w.generations() === 1 && /watching 1 file and 1 URL \(every 200 ms\)/.test(w.stderr));
      const before = server.requests.length;
      await sleep(1000);
      expect(server.requests.length - before).toBeGreaterThanOrEqual(3); // polled, answered 304
      expect(w.generations()).toBe(1);
      spec = { ...spec, paths: { '/a': { get: { operationId: 'getAlpha', responses: { '204': { description: 'none' } } } } } };
      await w.until('the regeneration', () => w.generations() === 2);
      expect(sourceText(join(dir, 'out/polled'))).toMatch(/export function getAlpha\b/);
      w.child.kill('SIGINT');
      expect(await w.exited).toBe(0);
    } finally {
      await server.close();
    }
  });
});
