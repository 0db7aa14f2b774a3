import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Diagnostics, formatDiagnostic, OagenError, type Diagnostic } from '../../src/diagnostics.js';
import { loadSpec, loadSpecFromText } from '../../src/load/index.js';
import { tempDir } from '../tmp.js';

const FIXTURES = 'test/fixtures/load';
const tmp = tempDir('oagen-load-');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function failure(run: () => Promise<unknown>): Promise<{ error: OagenError; list: Diagnostic[] }> {
  try {
    await run();
  } catch (e) {
    if (e instanceof OagenError) return { error: e, list: e.diagnostics };
    throw e;
  }
  throw new Error('expected an OagenError');
}

describe('versions', () => {
  const cases: Array<{ text: string; version?: string; code?: string }> = [
    { text: 'openapi: 3.0.0\ninfo: {title: t, version: "1"}\npaths: {}\n', version: '3.0' },
    { text: 'openapi: 3.0.4\ninfo: {title: t, version: "1"}\npaths: {}\n', version: '3.0' },
    { text: 'openapi: 3.1.1\ninfo: {title: t, version: "1"}\npaths: {}\n', version: '3.1' },
    { text: 'openapi: 3.2.0\ninfo: {title: t, version: "1"}\npaths: {}\n', version: '3.1' },
    { text: 'openapi: 3.0\ninfo: {title: t, version: "1"}\npaths: {}\n', version: '3.0' },
    { text: 'swagger: "2.0"\ninfo: {title: t, version: "1"}\npaths: {}\n', version: '2.0' },
    { text: 'openapi: 4.0.0\npaths: {}\n', code: 'E_VERSION_UNSUPPORTED' },
    { text: 'openapi: "2.0"\npaths: {}\n', code: 'E_VERSION_UNSUPPORTED' },
    { text: 'swagger: "1.2"\n', code: 'E_VERSION_UNSUPPORTED' },
    { text: 'info: {title: t}\npaths: {}\n', code: 'E_VERSION_UNSUPPORTED' },
    { text: '- a\n- b\n', code: 'E_NOT_OPENAPI' },
    { text: 'just a string\n', code: 'E_NOT_OPENAPI' },
  ];
  it.each(cases)('$text', async ({ text, version, code }) => {
    if (version) {
      expect((await loadSpecFromText(text, 'spec.yaml')).version).toBe(version);
    } else {
      const { list } = await failure(() => loadSpecFromText(text, 'spec.yaml'));
      expect(list.map((d) => d.code)).toEqual([code]);
    }
  });

  it('an unsupported version names the field and its line', async () => {
    const { list } = await failure(() => loadSpecFromText('info: {title: t}\nopenapi: 4.0.0\n', 'specs/x.yaml'));
    expect(list[0]).toMatchObject({ code: 'E_VERSION_UNSUPPORTED', file: 'specs/x.yaml', pointer: '#/openapi', line: 2, column: 1 });
    expect(formatDiagnostic(list[0])).toMatch(/^specs\/x\.yaml:2:1 error E_VERSION_UNSUPPORTED #\/openapi: unsupported OpenAPI version "4\.0\.0"/);
  });

  it('3.2 and a numeric version are read with a warning', async () => {
    const diagnostics = new Diagnostics();
    await loadSpecFromText('openapi: 3.2.0\ninfo: {title: t, version: "1"}\npaths: {}\n', 'a.yaml', { diagnostics });
    await loadSpecFromText('openapi: 3.0\ninfo: {title: t, version: "1"}\npaths: {}\n', 'b.yaml', { diagnostics });
    expect(diagnostics.list.map((d) => [d.code, d.file, d.line])).toEqual([
      ['W_VERSION_NEWER', 'a.yaml', 1],
      ['W_VERSION_NOT_STRING', 'b.yaml', 1],
    ]);
    expect(diagnostics.hasErrors()).toBe(false);
    expect(diagnostics.hasErrors(true)).toBe(true);
  });
});

describe('errors', () => {
  it('a missing file is a usage error (exit code 2)', async () => {
    const diagnostics = new Diagnostics();
    const { error, list } = await failure(() => loadSpec(join(FIXTURES, 'nope.yaml'), { diagnostics }));
    expect(error.exitCode).toBe(2);
    expect(list).toEqual([expect.objectContaining({ code: 'E_FILE_READ', file: 'test/fixtures/load/nope.yaml' })]);
    expect(diagnostics.list.map((d) => d.code)).toEqual(['E_FILE_READ']);
  });

  it('invalid YAML: E_YAML_SYNTAX with line and column, in the collector too', async () => {
    const diagnostics = new Diagnostics();
    const { error, list } = await failure(() =>
      loadSpecFromText('openapi: 3.1.0\ninfo:\n  title: "unterminated\n', 'specs/bad.yaml', { diagnostics }),
    );
    expect(error.exitCode).toBe(1);
    expect(list).toEqual([expect.objectContaining({ code: 'E_YAML_SYNTAX', severity: 'error', file: 'specs/bad.yaml', line: 4, column: 1 })]);
    expect(diagnostics.list).toHaveLength(1);
    expect(error.message).toMatch(/^specs\/bad\.yaml:4:1 error E_YAML_SYNTAX: invalid YAML: /);
  });

  it('invalid JSON: E_JSON_SYNTAX with line and column', async () => {
    const { list } = await failure(() => loadSpecFromText('{\n  "openapi": "3.1.0",\n  "info": {,}\n}', 'spec.json'));
    expect(list[0]).toMatchObject({ code: 'E_JSON_SYNTAX', file: 'spec.json', line: 3, column: 12 });
  });
});

describe('the OpenAI spec (3 MB YAML, single file)', () => {
  it('loads on the fast path, resolves refs and locates pointers', async () => {
    const diagnostics = new Diagnostics();
    const spec = await loadSpec('specs/openai.yaml', { diagnostics });
    expect(spec.version).toBe('3.1');
    expect(spec.files).toEqual(['specs/openai.yaml']);
    expect(Object.keys(spec.document.paths ?? {})).toContain('/organization/users');
    expect(spec.resolve('#/components/schemas/User')).toBe((spec.document.components?.schemas as Record<string, unknown>).User);
    expect(spec.resolve('#/components/schemas/Nope')).toBeUndefined();
    expect(spec.resolve('#/components/schemas/constructor')).toBeUndefined();
    expect(spec.resolve('#/components/schemas/hasOwnProperty')).toBeUndefined();
    expect(spec.resolve('#/paths/~1organization~1users/get')).toBeDefined();
    expect(spec.resolve('#/paths/~1organization~1users%2Fx')).toBeUndefined();
    // percent-escaped fragments (as URI references may be written) resolve too
    expect(spec.resolve('#/paths/~1organization~1users/get')).toBe(spec.resolve('#/paths/%7E1organization%7E1users/get'));

    const text = readFileSync('specs/openai.yaml', 'utf8').split('\n');
    const at = spec.locate('#/paths/~1organization~1users/get/parameters/0');
    expect(at?.file).toBe('specs/openai.yaml');
    expect(text[at!.line! - 1]).toMatch(/^\s*- name: limit/);
    // a diagnostic reported with only a pointer gets its line when listed
    diagnostics.warn('W_TEST', 'x', '#/components/schemas/User');
    const d = diagnostics.list.at(-1)!;
    expect(text[d.line! - 1]).toMatch(/^ {4}User:/);
  });

  it('a "$ref: file" inside a description does not send it down the bundling path', async () => {
    const text = `openapi: 3.0.3
info:
  title: t
  version: "1"
  description: |
    Write $ref: ./other.yaml to include a file.
paths: {}
`;
    const spec = await loadSpecFromText(text, join(tmp, 'desc.yaml'));
    expect(spec.files).toHaveLength(1);
  });
});

describe('multi-file specs', () => {
  it('bundles external refs; positions point into the file each node came from', async () => {
    const spec = await loadSpec(join(FIXTURES, 'multi/openapi.yaml'));
    expect(spec.files).toHaveLength(4);
    const doc = spec.document as unknown as { components: { schemas: Record<string, any> }; paths: Record<string, any> };
    // the root's name is kept, the cycle survives as an internal ref
    expect(doc.components.schemas.User.properties.manager).toEqual({ $ref: '#/components/schemas/User' });
    expect(doc.components.schemas.User.properties.team.properties.lead).toEqual({ $ref: '#/components/schemas/User' });
    expect(doc.paths['/users'].get.parameters[0]).toMatchObject({ name: 'limit', in: 'query' });
    expect(JSON.stringify(doc)).not.toMatch(/\.yaml/);

    expect(spec.locate('#/components/schemas/User/properties/team/properties/lead')).toEqual({
      file: 'test/fixtures/load/multi/schemas/team.yaml',
      line: 5,
      column: 3,
    });
    expect(spec.locate('#/paths/~1users/get/parameters/0/schema')).toEqual({ file: 'test/fixtures/load/multi/parameters.yaml', line: 4, column: 3 });
    expect(spec.locate('#/paths/~1users~1{id}/get')).toMatchObject({ file: 'test/fixtures/load/multi/openapi.yaml', line: 19 });
  });

  it('a $ref to a missing file is a clear error at the $ref', async () => {
    const { list } = await failure(() => loadSpec(join(FIXTURES, 'missing-file/openapi.yaml')));
    expect(list).toEqual([
      expect.objectContaining({
        code: 'E_REF_FILE_MISSING',
        file: 'test/fixtures/load/missing-file/openapi.yaml',
        pointer: '#/paths/~1things/get/responses/200/content/application~1json/schema',
        line: 13,
      }),
    ]);
    expect(list[0].message).toContain('test/fixtures/load/missing-file/nope.yaml');
  });

  it('a syntax error in a referenced file names that file', async () => {
    const dir = mkdtempSync(join(tmp, 'broken-'));
    writeFileSync(join(dir, 'root.yaml'), "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    A:\n      $ref: './a.yaml'\n");
    writeFileSync(join(dir, 'a.yaml'), 'type: object\nproperties: [\n');
    const { list } = await failure(() => loadSpec(join(dir, 'root.yaml')));
    expect(list[0]).toMatchObject({ code: 'E_YAML_SYNTAX', line: 3 });
    expect(list[0].file).toMatch(/a\.yaml$/);
  });

  it('URLs are never fetched', async () => {
    const text = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    A:\n      $ref: 'https://example.com/a.yaml'\n";
    const { list } = await failure(() => loadSpecFromText(text, join(tmp, 'url.yaml')));
    expect(list.map((d) => d.code)).toEqual(['E_REF_EXTERNAL_UNSUPPORTED']);
  });
});

describe('validate: true', () => {
  const broken = `openapi: 3.0.3
info:
  title: t
  version: '1'
paths:
  /a:
    get:
      operationId: same
      responses:
        '200':
          description: ok
  /b:
    get:
      operationId: same
      responses:
        '200':
          description: ok
`;

  it('a valid spec passes', async () => {
    const spec = await loadSpec(join(FIXTURES, 'multi/openapi.yaml'), { validate: true });
    expect(spec.version).toBe('3.0');
  });

  it('schema violations become diagnostics with pointer and line', async () => {
    const text = broken.replace("      operationId: same\n      responses:\n        '200':\n          description: ok\n  /b:", '      operationId: one\n      responses: 7\n  /b:');
    const { list } = await failure(() => loadSpecFromText(text, join(tmp, 'v1.yaml'), { validate: true }));
    expect(list.length).toBeGreaterThan(0);
    expect(list[0]).toMatchObject({ code: 'E_SPEC_INVALID', pointer: '#/paths/~1a/get/responses', line: 9 });
  });

  it('Swagger 2.0 rule violations (duplicate operationId, duplicate parameters) become diagnostics', async () => {
    const swagger = broken.replace('openapi: 3.0.3', "swagger: '2.0'");
    const { list } = await failure(() => loadSpecFromText(swagger, join(tmp, 'v2.yaml'), { validate: true }));
    expect(list.map((d) => d.code)).toEqual(['E_DUPLICATE_OPERATION_ID']);
    const params = `swagger: '2.0'
info: {title: t, version: '1'}
paths:
  /pets/{id}:
    get:
      responses:
        '200': {description: ok}
`;
    const missing = await failure(() => loadSpecFromText(params, join(tmp, 'v4.yaml'), { validate: true }));
    expect(missing.list).toEqual([
      expect.objectContaining({ code: 'E_SPEC_INVALID', pointer: '#/paths/~1pets~1{id}/get', line: 5, message: expect.stringMatching(/missing path parameter/) }),
    ]);
  });

  it('validation is not run by default', async () => {
    const spec = await loadSpecFromText(broken, join(tmp, 'v3.yaml'));
    expect(spec.version).toBe('3.0');
  });
});

describe('JSON specs', () => {
  it('locates pointers in JSON text', async () => {
    const file = join(tmp, 'spec.json');
    writeFileSync(
      file,
      JSON.stringify({ openapi: '3.1.0', info: { title: 't', version: '1' }, paths: { '/a/{id}': { get: { responses: { '204': { description: 'none' } } } } } }, null, 2),
    );
    const spec = await loadSpec(file);
    expect(spec.locate('#/paths/~1a~1{id}/get/responses/204')).toMatchObject({ line: 11, column: 11 });
  });
});
