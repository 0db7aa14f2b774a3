/**
 * Hand edits survive regeneration (config `"keepEdits": true`, src/write/merge.ts): run as a
 * user runs it, the CLI in a project folder (with node_modules, so the up-to-date stamp is
 * kept too). A JSDoc edit, a method added to a generated file and a new file survive a spec
 * change that touches the same file elsewhere (clean merge, reported); a spec change to the
 * same lines fails the run naming file and line and writes nothing, unless
 * `--accept-conflicts`; `.oagenignore` files are never touched.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { merge3, mergeJson } from '../../src/write/merge.js';
import { parseIgnore } from '../../src/write/ignore.js';
import { ROOT, tempDir } from '../generate/helpers.js';

function oagen(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/oagen.js'), ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const spec = (o: { getSummary?: string; listLimitDoc?: string; extraOp?: boolean } = {}) => `openapi: 3.1.0
info: { title: Shop, version: 1.0.0 }
servers: [{ url: https://shop.example.com }]
tags: [{ name: Items }]
paths:
  /items:
    get:
      operationId: listItems
      tags: [Items]
      summary: Lists the items.
      parameters:
        - name: limit
          in: query
          description: ${o.listLimitDoc ?? 'How many items.'}
          schema: { type: integer }
      responses:
        '200': { description: ok, content: { application/json: { schema: { type: array, items: { $ref: '#/components/schemas/Item' } } } } }
  /items/{id}:
    get:
      operationId: getItem
      tags: [Items]
      summary: ${o.getSummary ?? 'Gets one item.'}
      parameters:
        - { name: id, in: path, required: true, schema: { type: string } }
      responses:
        '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Item' } } } }
${
  o.extraOp
    ? `  /items/{id}/archive:
    post:
      operationId: archiveItem
      tags: [Items]
      summary: Archives an item.
      parameters:
        - { name: id, in: path, required: true, schema: { type: string } }
      responses:
        '204': { description: done }
`
    : ''
}components:
  schemas:
    Item:
      type: object
      required: [id]
      properties: { id: { type: string }, name: { type: string } }
`;

/** Writes a file as an editor would, a while before the run (so the stamp is kept). */
function save(file: string, text: string): void {
  writeFileSync(file, text);
  const t = new Date(Date.now() - 60_000);
  utimesSync(file, t, t);
}

function project(keepEdits = true): { dir: string; out: string; file: (p: string) => string } {
  const dir = tempDir('merge-');
  mkdirSync(join(dir, 'node_modules'));
  save(join(dir, 'api.yaml'), spec());
  writeFileSync(join(dir, 'oagen.config.json'), JSON.stringify({ clients: [{ name: 'shop', spec: 'api.yaml', output: 'out/shop', plugins: ['client'], ...(keepEdits ? { keepEdits: true } : {}) }] }));
  const out = join(dir, 'out/shop');
  return { dir, out, file: (p) => readFileSync(join(out, p), 'utf8') };
}

function generate(dir: string, ...flags: string[]) {
  return oagen(['generate', ...flags], dir);
}

const API = 'src/api/items.ts';
const JSDOC_BEFORE = ' * Gets one item.\n';
const JSDOC_AFTER = ' * Gets one item, from the cache when it can (hand-written note).\n';
const HELPER = `
/** Hand-written: every item's id. */
export async function itemIds(client: Client): Promise<string[]> {
  return (await listItems(client)).map((i) => i.id);
}
`;
const NEW_FILE = `// hand-written\nexport const shopVersion = 'custom';\n`;

/** The user's three edits: a JSDoc line, a method added to a generated file, a new file. */
function edit(p: ReturnType<typeof project>): void {
  const api = p.file(API);
  expect(api).toContain(JSDOC_BEFORE);
  writeFileSync(join(p.out, API), api.replace(JSDOC_BEFORE, JSDOC_AFTER) + HELPER);
  mkdirSync(join(p.out, 'src/extra'), { recursive: true });
  writeFileSync(join(p.out, 'src/extra/version.ts'), NEW_FILE);
}

describe('keepEdits: hand edits survive regeneration', () => {
  it('keeps the edits on an unchanged spec, and a re-run is up to date', () => {
    const p = project();
    expect(generate(p.dir).code).toBe(0);
    expect(existsSync(join(p.out, '.oagen/base.json'))).toBe(true);
    edit(p);
    const r = generate(p.dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('shop: hand edits: kept (edited) src/api/items.ts; kept (added) src/extra/version.ts');
    expect(p.file(API)).toContain(JSDOC_AFTER);
    expect(p.file(API)).toContain('export async function itemIds');
    expect(p.file('src/extra/version.ts')).toBe(NEW_FILE);
    expect(generate(p.dir).stdout).toContain('(up to date)');
  });

  it('merges them cleanly across a spec change to the same file elsewhere (and a new operation), and the package compiles', () => {
    const p = project();
    generate(p.dir);
    edit(p);
    // and package.json: a description of one's own next to the version oagen bumps, a repository
    const pkg = JSON.parse(p.file('package.json'));
    writeFileSync(join(p.out, 'package.json'), JSON.stringify({ ...pkg, description: 'The shop client', repository: 'github:acme/shop' }, null, 2) + '\n');
    save(join(p.dir, 'api.yaml'), spec({ listLimitDoc: 'How many items (at most 100).', extraOp: true }));
    const r = generate(p.dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('shop: hand edits: merged package.json, src/api/items.ts');
    expect(r.stdout).toContain('kept (added) src/extra/version.ts');
    const api = p.file(API);
    expect(api).toContain(JSDOC_AFTER); // the user's
    expect(api).toContain('export async function itemIds'); // the user's
    expect(api).toContain('How many items (at most 100).'); // the spec's
    expect(api).toContain('export function archiveItem('); // the spec's
    expect(api).not.toMatch(/<<<<<<<|>>>>>>>/);
    expect(p.file('src/extra/version.ts')).toBe(NEW_FILE);
    expect(JSON.parse(p.file('package.json'))).toMatchObject({ version: '1.1.0', description: 'The shop client', repository: 'github:acme/shop' });
    // the base is what oagen generated, without the edits
    const base = JSON.parse(p.file('.oagen/base.json')) as { files: Record<string, string> };
    expect(base.files[API]).toContain(JSDOC_BEFORE);
    expect(base.files[API]).toContain('export function archiveItem(');
    expect(base.files[API]).not.toContain('itemIds');
    expect(base.files['src/extra/version.ts']).toBeUndefined();
    // the judge compared oagen's output, not the edits: a new operation is a minor release
    expect(r.stdout).toMatch(/1\.0\.0 → 1\.1\.0 \(minor\)/);
    // and the merged package compiles
    const tsc = spawnSync(join(ROOT, 'node_modules/.bin/tsc'), ['-p', join(p.out, 'tsconfig.json')], { encoding: 'utf8' });
    expect(tsc.status, tsc.stdout).toBe(0);
  });

  it('fails on a spec change to the same lines, naming the file and line, and writes nothing', () => {
    const p = project();
    generate(p.dir);
    edit(p);
    const before = new Map(['src/api/items.ts', 'oagen.lock.json', 'package.json', '.oagen/base.json', 'src/extra/version.ts'].map((f) => [f, { text: p.file(f), mtime: statSync(join(p.out, f)).mtimeMs }]));
    save(join(p.dir, 'api.yaml'), spec({ getSummary: 'Gets one item by its id.', listLimitDoc: 'How many items (at most 100).' }));
    const r = generate(p.dir);
    expect(r.code).toBe(1);
    const line = p.file(API).split('\n').indexOf(JSDOC_AFTER.slice(0, -1)) + 1;
    expect(line).toBeGreaterThan(0);
    expect(r.stderr).toContain(`out/shop/src/api/items.ts:${line} error E_MERGE_CONFLICT: your edit and the new generated code change the same lines`);
    expect(r.stderr).toContain('shop: not generated; out/shop left as it was');
    for (const [f, b] of before) {
      expect(p.file(f), f).toBe(b.text);
      expect(statSync(join(p.out, f)).mtimeMs, f).toBe(b.mtime);
    }
    expect(p.file(API)).not.toContain('<<<<<<<');
  });

  it('writes conflict markers only with --accept-conflicts, and keeps the other edits', () => {
    const p = project();
    generate(p.dir);
    edit(p);
    save(join(p.dir, 'api.yaml'), spec({ getSummary: 'Gets one item by its id.' }));
    const r = generate(p.dir, '--accept-conflicts');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/items\.ts:\d+ warning E_MERGE_CONFLICT/);
    expect(r.stdout).toContain('written with conflict markers src/api/items.ts');
    const api = p.file(API);
    expect(api).toContain(`<<<<<<< edited\n${JSDOC_AFTER}||||||| generated before\n${JSDOC_BEFORE}=======\n * Gets one item by its id.\n>>>>>>> generated now`);
    expect(api).toContain('export async function itemIds');
  });

  it('never touches files .oagenignore lists: edited, deleted, or not generated', () => {
    const p = project();
    generate(p.dir);
    save(join(p.out, '.oagenignore'), '# mine\ntsconfig.build.json\nsrc/api/\n');
    rmSync(join(p.out, 'tsconfig.build.json'));
    const api = p.file(API).replace(JSDOC_BEFORE, ' * My own words.\n');
    writeFileSync(join(p.out, API), api);
    const mtime = statSync(join(p.out, API)).mtimeMs;
    save(join(p.dir, 'api.yaml'), spec({ getSummary: 'Gets one item by its id.', extraOp: true }));
    const r = generate(p.dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('not touched (.oagenignore)');
    expect(p.file(API)).toBe(api); // no conflict: not merged at all
    expect(statSync(join(p.out, API)).mtimeMs).toBe(mtime);
    expect(existsSync(join(p.out, 'tsconfig.build.json'))).toBe(false);
    expect(p.file('.oagenignore')).toBe('# mine\ntsconfig.build.json\nsrc/api/\n');
    expect(p.file('src/index.ts')).toContain("export * from './api/items.js';");
  });

  it('takes CRLF line endings of a checkout for no edit', () => {
    const p = project();
    generate(p.dir);
    writeFileSync(join(p.out, API), p.file(API).replace(/\n/g, '\r\n'));
    save(join(p.dir, 'api.yaml'), spec({ getSummary: 'Gets one item by its id.' }));
    const r = generate(p.dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toContain('hand edits');
    expect(p.file(API)).toContain(' * Gets one item by its id.\n');
  });

  it('without keepEdits, edits are overwritten as before, but .oagenignore is still honoured', () => {
    const p = project(false);
    generate(p.dir);
    expect(existsSync(join(p.out, '.oagen'))).toBe(false);
    edit(p);
    save(join(p.out, '.oagenignore'), 'src/extra/\n');
    expect(generate(p.dir).code).toBe(0);
    expect(p.file(API)).toContain(JSDOC_BEFORE);
    expect(p.file(API)).not.toContain('itemIds');
    expect(p.file('src/extra/version.ts')).toBe(NEW_FILE);
  });
});

describe('merge3 and .oagenignore patterns', () => {
  it('merges changes to different lines and reports a conflict by the line of the edited file', () => {
    expect(merge3('a\nB\nc\nd', 'a\nb\nc\nd', 'a\nb\nc\nD')).toEqual({ text: 'a\nB\nc\nD', conflicts: [] });
    expect(merge3('a\nb\nX\nd', 'a\nb\nc\nd', 'a\nb\nY\nd').conflicts).toEqual([3]);
    // the same change on both sides is no conflict
    expect(merge3('a\nZ', 'a\nb', 'a\nZ')).toEqual({ text: 'a\nZ', conflicts: [] });
    // lines both sides only added at the same place: both kept, the generated ones first
    expect(merge3('a\nb\nmine', 'a\nb', 'a\nb\ntheirs')).toEqual({ text: 'a\nb\ntheirs\nmine', conflicts: [] });
  });

  it('merges JSON key by key: a field next to the version is no conflict', () => {
    const base = JSON.stringify({ name: 'x', version: '1.0.0', description: 'd', scripts: { build: 'tsc' }, license: 'MIT' }, null, 2) + '\n';
    const theirs = base.replace('1.0.0', '1.1.0').replace('"tsc"', '"tsc -p tsconfig.build.json"');
    const mine = JSON.stringify({ name: 'x', version: '1.0.0', description: 'mine', scripts: { build: 'tsc', lint: 'eslint' }, license: 'MIT', repository: 'github:a/b' }, null, 2) + '\n';
    expect(merge3(mine, base, theirs).conflicts.length).toBeGreaterThan(0); // line by line, it would be
    const merged = mergeJson(mine, base, theirs)!;
    expect(merged.conflicts).toEqual([]);
    expect(JSON.parse(merged.text)).toEqual({ name: 'x', version: '1.1.0', description: 'mine', scripts: { build: 'tsc -p tsconfig.build.json', lint: 'eslint' }, license: 'MIT', repository: 'github:a/b' });
    // both changed one value: a conflict, on the line of the user's file
    const clash = mergeJson(mine.replace('1.0.0', '2.0.0'), base, theirs)!;
    expect(clash.conflicts).toEqual([3]);
    expect(mergeJson('not json', base, theirs)).toBeUndefined();
  });

  it('matches paths like .gitignore', () => {
    const t = parseIgnore('# c\n*.local.ts\n/README.md\nsrc/custom/\ndocs/**/*.md\nsrc/api/us?rs.ts\n');
    expect(['a.local.ts', 'src/x/b.local.ts', 'README.md', 'src/custom/a.ts', 'src/custom/b/c.ts', 'docs/UsersApi.md', 'docs/models/User.md', 'src/api/users.ts', '.oagenignore'].filter((p) => !t(p))).toEqual([]);
    expect(['docs/README.md.bak', 'src/README.md', 'src/customer.ts', 'src/api/groups.ts', 'local.ts'].filter(t)).toEqual([]);
    expect(() => parseIgnore('!keep.ts')).toThrow(/negated/);
  });
});
