/**
 * Overlays as a user runs them: `overlays` in a client's config (paths relative to the config
 * file), `--overlay` with `--spec` and on `validate`, the messages and exit codes, `--strict`,
 * and the up-to-date stamp reacting to an edited overlay.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, tempDir } from '../generate/helpers.js';

function oagen(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/oagen.js'), ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const SPEC = `openapi: 3.1.0
info: { title: Vendor, version: 1.0.0 }
paths:
  /things:
    get:
      operationId: get_things_v2_internal
      parameters:
        - { name: legacy, in: query, schema: { type: string } }
        - { name: limit, in: query, schema: { type: integer } }
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: { $ref: '#/components/schemas/Thing' }
components:
  schemas:
    Thing: { type: object, properties: { id: { type: string } } }
`;

/** A fix for a spec we do not own: a better operationId, a parameter the server ignores removed, a missing field added. */
const FIX = `overlay: 1.0.0
info: { title: Vendor fixes, version: 1.0.0 }
actions:
  - target: $.paths['/things'].get
    update: { operationId: listThings }
  - target: $.paths['/things'].get.parameters[?@.name == 'legacy']
    remove: true
  - target: $.components.schemas.Thing
    update:
      required: [id]
      properties:
        name: { type: string }
`;

/** Written as an editor would, a while before the run (a file changed just before a run gets no stamp). */
function save(file: string, text: string, ago = 60_000): void {
  writeFileSync(file, text);
  const t = new Date(Date.now() - ago);
  utimesSync(file, t, t);
}

/** A project: specs/vendor.yaml, specs/vendor.overlay.yaml and a config naming them (relative paths), with node_modules (for stamps). */
function project(overlays: string[] = ['specs/vendor.overlay.yaml'], fix = FIX): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'node_modules'));
  mkdirSync(join(dir, 'specs'));
  save(join(dir, 'specs/vendor.yaml'), SPEC);
  save(join(dir, 'specs/vendor.overlay.yaml'), fix);
  writeFileSync(
    join(dir, 'oagen.config.json'),
    JSON.stringify({ clients: [{ name: 'vendor', spec: 'specs/vendor.yaml', overlays, output: 'out/vendor' }, { name: 'vendor-raw', spec: 'specs/vendor.yaml', output: 'out/raw' }] }),
  );
  return dir;
}

/** Every .ts file of a generated package's src/, joined. */
function sources(dir: string): string {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) {
        if (e.name !== 'runtime') walk(join(d, e.name));
      } else if (e.name.endsWith('.ts')) out.push(readFileSync(join(d, e.name), 'utf8'));
    }
  };
  walk(join(dir, 'src'));
  return out.join('\n');
}

describe('oagen generate with overlays', () => {
  it('applies a client\'s overlays (paths relative to the config file); a client of the same spec without them is unchanged', () => {
    const dir = project();
    const parent = join(dir, '..');
    const r = oagen(['generate', '--config', join(dir, 'oagen.config.json')], parent);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const fixed = sources(join(dir, 'out/vendor'));
    expect(fixed).toMatch(/export function listThings\(/);
    expect(fixed).not.toMatch(/legacy/);
    expect(fixed).toMatch(/id: string;/);
    expect(fixed).toMatch(/name\?: string;/);
    const raw = sources(join(dir, 'out/raw'));
    expect(raw).toMatch(/export function getThingsV2Internal\(/);
    expect(raw).toMatch(/legacy\?: string/);
  });

  it('--overlay FILE (repeatable, in order) with --spec', () => {
    const dir = project();
    writeFileSync(join(dir, 'second.yaml'), `overlay: 1.0.0\ninfo: { title: t, version: '1' }\nactions:\n  - target: $.paths['/things'].get\n    update: { operationId: listAllThings }\n`);
    const r = oagen(['generate', '--spec', 'specs/vendor.yaml', '--overlay', 'specs/vendor.overlay.yaml', '--overlay', 'second.yaml', '--out', 'one', '--name', 'one'], dir);
    expect(r.code, r.stderr).toBe(0);
    const code = sources(join(dir, 'one'));
    expect(code).toMatch(/export function listAllThings\(/);
    expect(code).not.toMatch(/legacy/);
  });

  it('a target that matches nothing is a warning naming the overlay file, the action and its line', () => {
    const dir = project(undefined, FIX + `  - target: $.paths['/thing'].get\n    update: { deprecated: true }\n`);
    const ok = oagen(['generate', '--only', 'vendor'], dir);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stderr).toContain(`specs/vendor.overlay.yaml:13:5 warning W_OVERLAY_NO_MATCH #/actions/3: target $.paths['/thing'].get matches nothing in specs/vendor.yaml (after the previous actions); the action changed nothing`);
  });

  it('--strict: the no-match warning fails the run, exit 1, and the output folder is left as it was', () => {
    const dir = project(undefined, FIX + `  - target: $.paths['/thing'].get\n    update: { deprecated: true }\n`);
    const r = oagen(['generate', '--only', 'vendor', '--strict'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/specs\/vendor\.overlay\.yaml:13:5 warning W_OVERLAY_NO_MATCH #\/actions\/3/);
    expect(r.stderr).toContain('vendor: not generated; out/vendor left as it was');
    expect(existsSync(join(dir, 'out/vendor'))).toBe(false);
  });

  it('an invalid overlay: the error names the overlay file, the action\'s pointer and its line; exit 1, nothing written', () => {
    const dir = project(undefined, FIX + `  - description: no target\n    remove: true\n`);
    const r = oagen(['generate', '--only', 'vendor'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`specs/vendor.overlay.yaml:13:5 error E_OVERLAY_INVALID #/actions/3: the action has no 'target' (a JSONPath such as $.paths['/users'].get)`);
    expect(existsSync(join(dir, 'out/vendor'))).toBe(false);
  });

  it('an overlay file that does not exist: exit 2 naming it', () => {
    const dir = project(['specs/nope.yaml']);
    const r = oagen(['generate', '--only', 'vendor'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('specs/nope.yaml error E_FILE_READ: cannot read the overlay: no such file');
  });

  it('config and usage mistakes: exit 2', () => {
    const dir = project();
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ clients: [{ name: 'v', spec: 'specs/vendor.yaml', overlays: 'specs/vendor.overlay.yaml' }] }));
    const bad = oagen(['generate', '--config', 'bad.json'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('bad.json error E_CONFIG: clients[0].overlays must be a list of overlay file paths');
    const usage = oagen(['generate', '--overlay', 'specs/vendor.overlay.yaml'], dir);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/--overlay goes with --spec/);
  });

  it('validate --spec FILE --overlay FILE validates the overlaid spec', () => {
    const dir = project();
    const r = oagen(['validate', '--spec', 'specs/vendor.yaml', '--overlay', 'specs/vendor.overlay.yaml'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('specs/vendor.yaml: valid\n');
    save(join(dir, 'broken.yaml'), `overlay: 1.0.0\ninfo: { title: t, version: '1' }\nactions:\n  - target: $.paths['/things'].get.parameters[?@.name == 'limit']\n    update: { in: body }\n`);
    const broken = oagen(['validate', '--spec', 'specs/vendor.yaml', '--overlay', 'broken.yaml'], dir);
    expect(broken.code).toBe(1);
    // the spec's error is where the overlay put the bad value
    expect(broken.stderr).toMatch(/^broken\.yaml:5:15 error E_SPEC_INVALID #\/paths\/~1things\/get\/parameters\/1\/in: must be equal to one of the allowed values/m);
  });

  it('the up-to-date stamp covers the overlay files: an edited overlay regenerates', () => {
    const dir = project();
    const run = () => {
      const r = oagen(['generate', '--only', 'vendor'], dir);
      expect(r.code, r.stderr).toBe(0);
      return /\(up to date\)/.test(r.stdout) ? 'up to date' : 'generated';
    };
    expect(run()).toBe('generated');
    expect(run()).toBe('up to date');
    save(join(dir, 'specs/vendor.overlay.yaml'), FIX.replace('operationId: listThings', 'operationId: listEveryThing'));
    expect(run()).toBe('generated');
    expect(sources(join(dir, 'out/vendor'))).toMatch(/export function listEveryThing\(/);
    expect(run()).toBe('up to date');
    // an overlay added to the config regenerates too (the config is part of the stamp)
    save(join(dir, 'specs/more.yaml'), `overlay: 1.0.0\ninfo: { title: t, version: '1' }\nactions:\n  - target: $.info\n    update: { version: 2.0.0 }\n`);
    const config = JSON.parse(readFileSync(join(dir, 'oagen.config.json'), 'utf8'));
    config.clients[0].overlays.push('specs/more.yaml');
    writeFileSync(join(dir, 'oagen.config.json'), JSON.stringify(config));
    expect(run()).toBe('generated');
  });

  it('diff --overlay applies the overlays to both OLD and NEW before comparing', () => {
    const dir = project();
    writeFileSync(join(dir, 'new.yaml'), SPEC.replace(/^ {8}- \{ name: legacy.*\n/m, ''));
    const plain = oagen(['diff', 'specs/vendor.yaml', 'new.yaml', '--format', 'json', '--no-types'], dir);
    expect(plain.code, plain.stderr).toBe(0);
    expect(JSON.parse(plain.stdout).changes.map((c: { rule: string }) => c.rule)).toEqual(['param-removed']);
    // the fix removes `legacy` (the new spec has none: no match there, and no message)
    const fixed = oagen(['diff', 'specs/vendor.yaml', 'new.yaml', '--format', 'json', '--no-types', '--overlay', 'specs/vendor.overlay.yaml'], dir);
    expect(fixed.code, fixed.stderr).toBe(0);
    expect(JSON.parse(fixed.stdout).changes).toEqual([]);
  });
});
