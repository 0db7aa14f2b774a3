/**
 * `oagen diff` from the command line: the three formats, --fail-on exit codes, colours,
 * usage errors, and the inputs: files, folders of multi-file specs, and path@REV.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { runDiff, type DiffFlags } from '../../src/diff/cli.js';
import { rootFile } from '../../src/diff/inputs.js';
import { obj, readApi, str, tempDir, writeApi, type Json } from './helpers.js';

class Sink extends Writable {
  text = '';
  isTTY = false;
  override _write(chunk: Buffer, _enc: string, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

async function run(args: string[], flags: DiffFlags = {}): Promise<{ code: number; out: string; err: string }> {
  const out = new Sink();
  const err = new Sink();
  const code = await runDiff(args, { 'no-types': true, ...flags }, out, err);
  return { code, out: out.text, err: err.text };
}

function files(specs: Record<string, Json | string>): string {
  const dir = tempDir();
  for (const [name, spec] of Object.entries(specs)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), typeof spec === 'string' ? spec : JSON.stringify(spec, null, 2));
  }
  return dir;
}

// a breaking change (required response property removed), a warning (optional one removed), an info (one added)
const before = readApi(obj({ a: str, b: str, c: str }, ['a', 'b']));
const after = readApi(obj({ a: str, d: str }, ['a']));
const dir = files({ 'old.json': before, 'new.json': after, 'same.json': before });
const OLD = join(dir, 'old.json');
const NEW = join(dir, 'new.json');

describe('oagen diff: reports', () => {
  it('JSON: the documented shape', async () => {
    const { code, out } = await run([OLD, NEW], { format: 'json' });
    expect(code).toBe(0);
    const r = JSON.parse(out);
    expect(Object.keys(r)).toEqual(['oagenDiff', 'semver', 'contract', 'old', 'new', 'changes']);
    expect(r.oagenDiff).toBe(1);
    expect(r.semver).toBe('major');
    expect(r.contract).toEqual({ breaking: 1, warning: 1, info: 1 });
    expect(r.changes[0]).toEqual({
      rule: 'response-property-removed',
      severity: 'breaking',
      pointer: '#/components/schemas/Thing/properties/b',
      operation: 'GET /things/{id}',
      operations: ['GET /things/{id}'],
      symbols: ['Thing.b'],
      message: 'required property Thing.b removed',
      direction: 'read',
      old: 'string',
    });
    expect(r.old).toMatchObject({ source: OLD, title: 'Things', version: '1.0.0', operations: 1, schemas: 1 });
  });

  it('JSON with the type check: the client section and per-change verdicts', { timeout: 60_000 }, async () => {
    const { out } = await run([OLD, NEW], { format: 'json', 'no-types': false });
    const r = JSON.parse(out);
    expect(r.client.semver).toBe('major');
    expect(r.client.exports).toContainEqual({
      name: 'Thing',
      kind: 'type',
      change: 'incompatible',
      identity: '#/components/schemas/Thing',
      detail: 'Thing.b, Thing.c no longer exist; a value of the new type does not fit the old one',
    });
    expect(r.changes.find((c: { rule: string }) => c.rule === 'response-property-removed').typescript).toBe('breaking');
  });

  it('per-change TypeScript verdicts follow the paths the checker names', { timeout: 60_000 }, async () => {
    // a removed optional request key (object literals with it fail) next to an added one
    const d = files({ 'a.json': writeApi(obj({ a: str, geography: str }, ['a'])), 'b.json': writeApi(obj({ a: str, residency: str }, ['a'])) });
    const r = JSON.parse((await run([join(d, 'a.json'), join(d, 'b.json')], { format: 'json', 'no-types': false })).out);
    const verdict = (rule: string) => r.changes.find((c: { rule: string }) => c.rule === rule).typescript;
    expect(verdict('request-property-removed')).toBe('breaking');
    expect(verdict('request-property-added')).toBe('compatible');
    expect(r.semver).toBe('major');
  });

  it('JSON is deterministic', async () => {
    expect((await run([OLD, NEW], { format: 'json' })).out).toBe((await run([OLD, NEW], { format: 'json' })).out);
  });

  it('text: grouped by severity and operation; colours only when asked', async () => {
    const plain = await run([OLD, NEW]);
    expect(plain.out).toContain('Contract: 1 breaking, 1 warning, 1 info');
    expect(plain.out.indexOf('Breaking (1)')).toBeLessThan(plain.out.indexOf('Warnings (1)'));
    expect(plain.out.indexOf('Warnings (1)')).toBeLessThan(plain.out.indexOf('Info (1)'));
    expect(plain.out).toContain('  GET /things/{id}\n');
    expect(plain.out).not.toContain('\u001b[');
    const coloured = await run([OLD, NEW], { color: true });
    expect(coloured.out).toContain('\u001b[31m');
    expect((await run([OLD, NEW], { color: true, 'no-color': true })).out).not.toContain('\u001b[');
  });

  it('text --quiet: the summary and the breaking changes only', async () => {
    const { out } = await run([OLD, NEW], { quiet: true });
    expect(out).toContain('Breaking (1)');
    expect(out).not.toContain('Warnings');
  });

  it('Markdown: a table per severity, info folded', async () => {
    const { out } = await run([OLD, NEW], { format: 'markdown' });
    expect(out).toContain('**Recommended version bump: major** (estimated)');
    expect(out).toContain('### Breaking changes (1)');
    expect(out).toContain('| GET /things/{id} | required property Thing.b removed | `#/components/schemas/Thing/properties/b` | `Thing.b` | `response-property-removed` |');
    expect(out).toContain('<details><summary>Other changes (1)</summary>');
  });

  it('spec text cannot drive the terminal', async () => {
    const hostile = readApi(obj({ a: str, ['x\u001b[2Jy']: str }, ['a']));
    const d = files({ 'a.json': hostile, 'b.json': readApi(obj({ a: str }, ['a'])) });
    const { out } = await run([join(d, 'a.json'), join(d, 'b.json')]);
    expect(out).not.toContain('\u001b[2J');
    expect(out).toContain('\\u001b[2J');
  });
});

// two schemas that want the same TypeScript name
const clashSpec = JSON.stringify({
  openapi: '3.0.3',
  info: { title: 'T', version: '1' },
  paths: {
    '/a': { get: { operationId: 'getA', responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/foo_bar' } } } } } } },
    '/b': { get: { operationId: 'getB', responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/FooBar' } } } } } } },
  },
  components: { schemas: { foo_bar: obj({ a: str }), FooBar: obj({ b: str }) } },
});

describe('oagen diff: exit codes', () => {
  const cases: { flags: DiffFlags; args?: string[]; code: number }[] = [
    { flags: {}, code: 0 },
    { flags: { 'fail-on': 'breaking' }, code: 1 },
    { flags: { 'fail-on': 'warning' }, code: 1 },
    { flags: { 'fail-on': 'major' }, code: 1 },
    { flags: { 'fail-on': 'breaking' }, args: [OLD, join(dir, 'same.json')], code: 0 },
    { flags: { 'fail-on': 'warning' }, args: [OLD, join(dir, 'same.json')], code: 0 },
    { flags: { 'fail-on': 'sometimes' }, code: 2 },
    { flags: { format: 'yaml' }, code: 2 },
    { flags: {}, args: [OLD], code: 2 },
  ];
  for (const c of cases) {
    it(`${JSON.stringify(c.flags)} ${c.args ? c.args.length + ' args' : ''} → ${c.code}`, async () => {
      expect((await run(c.args ?? [OLD, NEW], c.flags)).code).toBe(c.code);
    });
  }

  it('a missing spec is a usage error (exit 2) through the main CLI', async () => {
    expect(await main(['diff', join(dir, 'nope.json'), NEW, '--no-color'])).toBe(2);
  });

  // a spec it cannot use is 2 whatever --fail-on says: 1 only ever means "threshold reached"
  const bad = files({
    'unreadable.yaml': 'openapi: ""\ninfo: {title: T, version: "1"}\npaths: {}\n',
    'broken.yaml': 'openapi: 3.0.3\ninfo: {title: T, version: "1"}\npaths: {}\ncomponents:\n  schemas:\n    A: {$ref: "#/components/schemas/Missing"}\n',
    'warned.yaml':
      'openapi: 3.0.3\ninfo: {title: T, version: "1"}\npaths:\n  /a/{id}:\n    get:\n      operationId: getA\n      responses: {"204": {description: done}}\n',
    'yaml-error.yaml': 'openapi: 3.0.3\ninfo: [\n',
    'clash.yaml': clashSpec,
  });
  const spec = (name: string) => join(bad, name);
  for (const [name, which] of [
    ['an unreadable spec (openapi: "")', 'unreadable.yaml'],
    ['a spec with errors (a $ref to nothing)', 'broken.yaml'],
    ['a spec that is not YAML', 'yaml-error.yaml'],
  ] as const) {
    it(`${name} → 2, also with --fail-on, as OLD or NEW`, async () => {
      const a = await run([spec(which), OLD], { 'fail-on': 'breaking' });
      expect(a.code).toBe(2);
      expect(a.err).toMatch(/error E_/);
      expect((await run([OLD, spec(which)], { 'fail-on': 'warning' })).code).toBe(2);
      expect(await main(['diff', spec(which), OLD, '--fail-on', 'breaking', '--no-types'])).toBe(2);
    });
  }

  it('naming warnings too (W_NAME_CLASH), as generate reports them', async () => {
    const r = await run([spec('clash.yaml'), spec('clash.yaml')]);
    expect(r.code).toBe(0);
    expect(r.err).toContain('warning W_NAME_CLASH');
    expect((await run([spec('clash.yaml'), spec('clash.yaml')], { strict: true })).code).toBe(2);
  });

  it("the spec's warnings are reported as generate reports them; --strict makes them fatal (2)", async () => {
    const plain = await run([spec('warned.yaml'), spec('warned.yaml')]);
    expect(plain.code).toBe(0);
    expect(plain.err).toContain('old: ');
    expect(plain.err).toContain('warning W_PATH_PARAM_UNDECLARED');
    const strict = await run([spec('warned.yaml'), spec('warned.yaml')], { strict: true });
    expect(strict.code).toBe(2);
    expect(strict.err).toContain('W_PATH_PARAM_UNDECLARED');
    expect(strict.out).toBe('');
    expect(await main(['diff', spec('warned.yaml'), spec('warned.yaml'), '--strict', '--no-types'])).toBe(2);
  });
});

describe('oagen diff: inputs', () => {
  it('folders: the root file of a multi-file spec', async () => {
    const thing = (props: Json, required: string[]) => JSON.stringify(obj(props, required));
    const root = (name: string) =>
      JSON.stringify({
        openapi: '3.1.0',
        info: { title: 'Things', version: '1' },
        paths: { '/things/{id}': { get: { operationId: 'getThing', parameters: [{ name: 'id', in: 'path', required: true, schema: str }], responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: `./${name}` } } } } } } } },
      });
    const d = files({
      'v1/openapi.json': root('thing.json'),
      'v1/thing.json': thing({ a: str, b: str }, ['a', 'b']),
      'v2/api.json': root('thing.json'),
      'v2/thing.json': thing({ a: str }, ['a']),
    });
    expect(rootFile(join(d, 'v2'))).toBe(join(d, 'v2/api.json'));
    const { out } = await run([join(d, 'v1'), join(d, 'v2')], { format: 'json' });
    const r = JSON.parse(out);
    expect(r.contract.breaking).toBe(1);
    expect(r.changes[0].rule).toBe('response-property-removed');
  });

  it('path@REV: a spec file at a git revision', async () => {
    const d = tempDir();
    const git = (...args: string[]) => execFileSync('git', args, { cwd: d, stdio: 'pipe', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } });
    git('init', '-q');
    mkdirSync(join(d, 'specs'));
    writeFileSync(join(d, 'specs/api.json'), JSON.stringify(before));
    git('add', '.');
    git('commit', '-q', '-m', 'v1');
    writeFileSync(join(d, 'specs/api.json'), JSON.stringify(after));
    git('commit', '-q', '-am', 'v2');
    writeFileSync(join(d, 'specs/api.json'), JSON.stringify(before)); // the work tree differs from both commits
    const { out } = await run([`${join(d, 'specs/api.json')}@HEAD~1`, `${join(d, 'specs/api.json')}@HEAD`], { format: 'json' });
    const r = JSON.parse(out);
    expect(r.contract).toEqual({ breaking: 1, warning: 1, info: 1 });
    expect(r.old.source).toBe(`${join(d, 'specs/api.json')}@HEAD~1`);
  });

  it('path@REV: a multi-file spec folder at a revision sees its files at that revision', async () => {
    const d = tempDir();
    const git = (...args: string[]) => execFileSync('git', args, { cwd: d, stdio: 'pipe', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } });
    git('init', '-q');
    mkdirSync(join(d, 'api'));
    const root = JSON.stringify({
      openapi: '3.1.0',
      info: { title: 'Things', version: '1' },
      paths: { '/things': { post: { operationId: 'createThing', requestBody: { required: true, content: { 'application/json': { schema: { $ref: './thing.json' } } } }, responses: { '204': { description: 'ok' } } } } },
    });
    writeFileSync(join(d, 'api/openapi.json'), root);
    writeFileSync(join(d, 'api/thing.json'), JSON.stringify(obj({ a: str }, ['a'])));
    git('add', '.');
    git('commit', '-q', '-m', 'v1');
    writeFileSync(join(d, 'api/thing.json'), JSON.stringify(obj({ a: str, b: str }, ['a', 'b'])));
    git('commit', '-q', '-am', 'v2');
    for (const old of [`${join(d, 'api')}@HEAD~1`, `${join(d, 'api/openapi.json')}@HEAD~1`]) {
      const r = JSON.parse((await run([old, join(d, 'api')], { format: 'json' })).out);
      expect(r.changes.map((c: { rule: string }) => c.rule)).toEqual(['request-property-required-added']);
    }
  });

  it('an unknown revision is a usage error', async () => {
    const { code, err } = await run([`${OLD}@no-such-rev`, NEW]);
    expect(code).toBe(2);
    expect(err).toContain('no-such-rev');
  });
});
