/** The `oagen` command as a user runs it: messages and exit codes (see src/diagnostics.ts). */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, tempDir } from '../generate/helpers.js';

function oagen(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/oagen.js'), ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function spec(text: string, name = 'spec.yaml'): { dir: string; file: string } {
  const dir = tempDir();
  const file = join(dir, name);
  writeFileSync(file, text);
  return { dir, file };
}

const MINIMAL = `openapi: 3.1.0
info: { title: T, version: 1.0.0 }
paths:
  /a:
    get:
      operationId: getA
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: { $ref: '#/components/schemas/A' }
components:
  schemas:
    A: { type: object, properties: { x: { type: string } } }
`;

describe('oagen CLI', () => {
  it('prints help with exit 0', () => {
    const r = oagen(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/oagen generate --spec FILE --out DIR/);
  });

  it('exits 2 on an unknown command', () => {
    expect(oagen(['frobnicate']).code).toBe(2);
  });

  it('generates one client without a config file', () => {
    const { dir, file } = spec(MINIMAL);
    const r = oagen(['generate', '--spec', file, '--out', join(dir, 'out'), '--name', 'my-api']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, 'out/src/index.ts'))).toBe(true);
  });

  it('exits 2 naming a spec file that does not exist', () => {
    const r = oagen(['generate', '--spec', '/nonexistent/spec.yaml', '--out', join(tempDir(), 'o')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\/nonexistent\/spec\.yaml.*E_FILE_READ/);
  });

  it('reports invalid YAML with file, line and column, exit 1', () => {
    const { dir, file } = spec('openapi: 3.1.0\ninfo: { title: T, version: 1.0.0 }\npaths:\n  /a: [unclosed\n');
    const r = oagen(['generate', '--spec', file, '--out', join(dir, 'out')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/spec\.yaml:\d+:\d+ error E_YAML_SYNTAX/);
  });

  it('reports a missing $ref with its pointer and line, exit 1, and writes nothing', () => {
    const { dir, file } = spec(MINIMAL.replace("'#/components/schemas/A'", "'#/components/schemas/Missing'"));
    const r = oagen(['generate', '--spec', file, '--out', join(dir, 'out')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/spec\.yaml:12:\d+ error E_REF_MISSING #\/paths\/~1a\/get\/responses\/200\/content\/application~1json\/schema/);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('reports an unknown type and a duplicate operationId', () => {
    const bad = MINIMAL.replace('x: { type: string }', 'x: { type: float }') + '';
    const { dir, file } = spec(
      bad.replace('paths:\n', "paths:\n  /b:\n    get:\n      operationId: getA\n      responses: { '204': { description: no } }\n"),
    );
    const r = oagen(['generate', '--spec', file, '--out', join(dir, 'out')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/E_UNKNOWN_TYPE .*unknown type 'float'/);
    expect(r.stderr).toMatch(/E_DUPLICATE_OPERATION_ID/);
  });

  it('rejects a header parameter whose name is not an HTTP token', () => {
    const { dir, file } = spec(MINIMAL.replace('      operationId: getA\n', '      operationId: getA\n      parameters:\n        - { name: "bad\\nheader", in: header, schema: { type: string } }\n'));
    const r = oagen(['generate', '--spec', file, '--out', join(dir, 'out')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/E_PARAM_NAME_INVALID #\/paths\/~1a\/get\/parameters\/0\/name/);
  });

  it('rejects an unsupported version', () => {
    const { dir, file } = spec(MINIMAL.replace('3.1.0', '4.0.0'));
    const r = oagen(['generate', '--spec', file, '--out', join(dir, 'out')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/E_VERSION_UNSUPPORTED/);
  });

  it('--strict turns warnings into a failure', () => {
    // Two schemas that want the same name: a warning, and with --strict an error.
    const clash = MINIMAL.replace('    A: {', "    a-b: { type: string }\n    a_b: { type: integer }\n    A: {");
    const { dir, file } = spec(clash);
    expect(oagen(['generate', '--spec', file, '--out', join(dir, 'out')]).code).toBe(0);
    const r = oagen(['generate', '--spec', file, '--out', join(dir, 'out2'), '--strict']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/W_NAME_CLASH/);
  });

  it('clients of one spec share its load but each reports its warnings, with line numbers', () => {
    const { dir } = spec(MINIMAL.replace('  /a:\n', '  /a/{id}:\n'));
    const config = join(dir, 'oagen.config.json');
    writeFileSync(config, JSON.stringify({ clients: ['one', 'two'].map((name) => ({ name, spec: 'spec.yaml', output: name })) }));
    const r = oagen(['generate', '--config', config], dir);
    expect(r.code).toBe(0);
    const warnings = r.stderr.split('\n').filter((l) => l.includes('W_PATH_PARAM_UNDECLARED'));
    expect(warnings).toHaveLength(2);
    for (const w of warnings) expect(w).toMatch(/spec\.yaml:5:5 warning W_PATH_PARAM_UNDECLARED/);
    expect(r.stdout).toMatch(/^one .*\ntwo /m);
    expect(existsSync(join(dir, 'two', 'src', 'index.ts'))).toBe(true);
  });

  it('warns once, with its place, about a security requirement naming an undeclared scheme', () => {
    const secured = MINIMAL.replace('      operationId: getA\n', '      operationId: getA\n      security: [{ Nope: [] }, { Key: [] }, { Odd: [] }]\n')
      .replace('  /a:\n', '  /b:\n    get:\n      security: [{ Nope: [] }]\n      responses: { "204": { description: ok } }\n  /a:\n')
      .replace('components:\n', 'components:\n  securitySchemes:\n    Key: { type: apiKey, in: header, name: X-Key }\n    Odd: { type: weird }\n');
    const { dir, file } = spec(secured);
    const r = oagen(['generate', '--spec', file, '--out', join(dir, 'out')]);
    expect(r.code).toBe(0);
    const warnings = r.stderr.split('\n').filter((l) => l.includes('W_SECURITY_UNDECLARED'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/spec\.yaml:\d+:\d+ warning W_SECURITY_UNDECLARED #\/paths\/~1\w\/get\/security: security requirement names 'Nope'/);
    // a declared scheme of a type oagen does not know has its own warning, not this one
    expect(r.stderr).toMatch(/W_SECURITY_UNKNOWN .*'Odd' has unknown type 'weird'/);
  });

  it('--verify type-checks the package before writing it', () => {
    const { dir, file } = spec(MINIMAL);
    const r = oagen(['generate', '--spec', file, '--out', join(dir, 'out'), '--verify']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('refuses to write into a folder it did not create, exit 2', () => {
    const { dir, file } = spec(MINIMAL);
    mkdirSync(join(dir, 'mine'));
    writeFileSync(join(dir, 'mine/notes.txt'), 'mine');
    const r = oagen(['generate', '--spec', file, '--out', join(dir, 'mine')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not created by oagen/);
  });
});
