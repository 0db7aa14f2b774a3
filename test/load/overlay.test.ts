/**
 * OpenAPI Overlay 1.0 (src/load/overlay/): actions applied in order to the loaded spec,
 * JSONPath targets, the merge rules, diagnostics naming the overlay file, the action's
 * pointer and its line, and source positions of what an overlay added.
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Diagnostics, OagenError, type Diagnostic } from '../../src/diagnostics.js';
import { loadSpec, type LoadedSpec } from '../../src/load/index.js';
import { tempDir } from '../tmp.js';

const SPEC = `openapi: 3.1.0
info:
  title: Town
  version: 1.0.0
servers:
  - url: https://dev.example.com
    description: Dev
  - url: https://api.example.com
    description: Production
paths:
  /buildings:
    get:
      operationId: listBuildings
      summary: All buildings
      parameters:
        - name: dummy
          in: query
          schema: { type: string }
        - name: limit
          in: query
          schema: { type: integer }
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: { $ref: '#/components/schemas/Building' }
        '500':
          description: oops
  /buildings/{id}:
    get:
      operationId: getBuilding
      parameters:
        - name: id
          in: path
          required: true
          schema: { type: string }
      responses:
        '200':
          description: ok
        '500':
          description: oops
components:
  schemas:
    Building:
      type: object
      required: [name]
      properties:
        name: { type: string, example: house }
        floors: { type: integer }
`;

interface Run {
  spec: LoadedSpec;
  doc: Record<string, any>;
  diagnostics: Diagnostic[];
  dir: string;
}

/** Load SPEC (or `spec`) with the overlays (texts, written as o1.yaml, o2.yaml, … or .json when they look like JSON). */
async function overlaid(overlays: string[], spec = SPEC): Promise<Run> {
  const dir = tempDir();
  writeFileSync(join(dir, 'spec.yaml'), spec);
  const files = overlays.map((text, i) => {
    const file = join(dir, `o${i + 1}.${text.trimStart().startsWith('{') ? 'json' : 'yaml'}`);
    writeFileSync(file, text);
    return file;
  });
  const diagnostics = new Diagnostics();
  const loaded = await loadSpec(join(dir, 'spec.yaml'), { overlays: files, diagnostics });
  return { spec: loaded, doc: loaded.document as unknown as Record<string, any>, diagnostics: [...diagnostics.list], dir };
}

/** The error diagnostics of a load that must fail. */
async function failing(overlays: string[], spec = SPEC): Promise<{ errors: Diagnostic[]; all: Diagnostic[]; exitCode: number }> {
  const dir = tempDir();
  writeFileSync(join(dir, 'spec.yaml'), spec);
  const files = overlays.map((text, i) => {
    const file = join(dir, `o${i + 1}.yaml`);
    writeFileSync(file, text);
    return file;
  });
  const diagnostics = new Diagnostics();
  try {
    await loadSpec(join(dir, 'spec.yaml'), { overlays: files, diagnostics });
  } catch (e) {
    expect(e).toBeInstanceOf(OagenError);
    const err = e as OagenError;
    return { errors: err.diagnostics.filter((d) => d.severity === 'error'), all: [...diagnostics.list], exitCode: err.exitCode };
  }
  throw new Error('the load did not fail');
}

const HEAD = `overlay: 1.0.0
info:
  title: Test
  version: 1.0.0
actions:
`;

describe('overlay actions', () => {
  it('adds: a property to an object, a new path item, a new schema', async () => {
    const { doc, diagnostics } = await overlaid([
      HEAD +
        `  - target: $.info
    update:
      license: { name: MIT }
  - target: $.paths
    update:
      /towns:
        get:
          operationId: listTowns
          responses: { '200': { description: ok } }
  - target: $.components.schemas
    update:
      Town: { type: object, properties: { name: { type: string } } }
`,
    ]);
    expect(diagnostics).toEqual([]);
    expect(doc.info).toEqual({ title: 'Town', version: '1.0.0', license: { name: 'MIT' } });
    expect(doc.paths['/towns'].get.operationId).toBe('listTowns');
    expect(Object.keys(doc.paths)).toEqual(['/buildings', '/buildings/{id}', '/towns']);
    expect(doc.components.schemas.Town.properties.name).toEqual({ type: 'string' });
  });

  it('updates: objects merge recursively, lists are appended to, primitives replace primitives', async () => {
    const { doc } = await overlaid([
      HEAD +
        `  - target: $.components.schemas.Building
    update:
      description: A building
      required: [floors]
      properties:
        name: { example: tower, maxLength: 40 }
        floors: { type: number }
`,
    ]);
    expect(doc.components.schemas.Building).toEqual({
      type: 'object',
      description: 'A building',
      required: ['name', 'floors'],
      properties: { name: { type: 'string', example: 'tower', maxLength: 40 }, floors: { type: 'number' } },
    });
  });

  it('updates a selected list: an object is appended as one item, a list update appends each of its items', async () => {
    const { doc } = await overlaid([
      HEAD +
        `  - target: $.paths['/buildings'].get.parameters
    update: { name: page, in: query, schema: { type: integer } }
  - target: $.components.schemas.Building.required
    update: [floors, address]
`,
    ]);
    expect(doc.paths['/buildings'].get.parameters.map((p: { name: string }) => p.name)).toEqual(['dummy', 'limit', 'page']);
    expect(doc.components.schemas.Building.required).toEqual(['name', 'floors', 'address']);
  });

  it('removes: an object property, list items selected by a filter, a primitive', async () => {
    const { doc } = await overlaid([
      HEAD +
        `  - target: $.paths.*.get.parameters[?@.name == 'dummy']
    remove: true
  - target: $.servers[?@.description == 'Dev']
    remove: true
  - target: $.components.schemas.Building.properties.name.example
    remove: true
  - target: $.paths['/buildings/{id}']
    remove: true
`,
    ]);
    expect(doc.paths['/buildings'].get.parameters.map((p: { name: string }) => p.name)).toEqual(['limit']);
    expect(doc.servers).toEqual([{ url: 'https://api.example.com', description: 'Production' }]);
    expect(doc.components.schemas.Building.properties.name).toEqual({ type: 'string' });
    expect(Object.keys(doc.paths)).toEqual(['/buildings']);
  });

  it('a target matching several nodes changes each of them (each gets its own copy of the update)', async () => {
    const { doc } = await overlaid([
      HEAD +
        `  - target: $.paths.*.get
    update:
      x-rate-limit: 100
      tags: [town]
  - target: $.paths..responses['500']
    remove: true
`,
    ]);
    const ops = [doc.paths['/buildings'].get, doc.paths['/buildings/{id}'].get];
    for (const op of ops) {
      expect(op['x-rate-limit']).toBe(100);
      expect(op.tags).toEqual(['town']);
      expect(Object.keys(op.responses)).toEqual(['200']);
    }
    expect(ops[0].tags).not.toBe(ops[1].tags);
  });

  it('applies actions in order, each to the result of the previous one, and overlays in the order given', async () => {
    const { doc } = await overlaid([
      HEAD +
        `  - target: $.servers
    remove: true
  - target: $
    update:
      servers: [{ url: 'http://localhost:4010' }]
  - target: $.servers
    update: { url: 'http://localhost:4011' }
`,
      HEAD +
        `  - target: $.servers[?@.url == 'http://localhost:4010']
    update: { description: first }
  - target: $.info
    update: { title: Second overlay }
`,
    ]);
    expect(doc.servers).toEqual([{ url: 'http://localhost:4010', description: 'first' }, { url: 'http://localhost:4011' }]);
    expect(doc.info.title).toBe('Second overlay');
  });

  it('reads JSON overlays too, and leaves `extends` to the config (the overlay applies to the client\'s spec)', async () => {
    const { doc } = await overlaid([JSON.stringify({ overlay: '1.0.0', info: { title: 'j', version: '1' }, extends: 'https://example.com/other.yaml', actions: [{ target: '$.info', update: { 'x-j': true } }] })]);
    expect(doc.info['x-j']).toBe(true);
  });

  it('keeps `__proto__` in an update a plain key', async () => {
    const { doc } = await overlaid([HEAD + `  - target: $.info\n    update: { "__proto__": { polluted: true } }\n`]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(doc.info)).toBe(Object.prototype);
  });

  it('applies to the spec as written, after external $refs are bundled (the $ref\'d file\'s nodes are targets too)', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'models'));
    writeFileSync(join(dir, 'models/building.yaml'), 'type: object\nproperties:\n  name: { type: string }\n');
    const spec = SPEC.replace("schema: { $ref: '#/components/schemas/Building' }", "schema: { $ref: 'models/building.yaml' }");
    writeFileSync(join(dir, 'spec.yaml'), spec);
    writeFileSync(join(dir, 'o.yaml'), HEAD + `  - target: $.paths['/buildings'].get.responses['200'].content['application/json'].schema.properties\n    update:\n      height: { type: number }\n`);
    const loaded = await loadSpec(join(dir, 'spec.yaml'), { overlays: [join(dir, 'o.yaml')] });
    const schema = (loaded.document as any).paths['/buildings'].get.responses['200'].content['application/json'].schema;
    expect(Object.keys(schema.properties)).toEqual(['name', 'height']);
    expect(loaded.files.map((f) => f.split(/[\\/]/).pop())).toEqual(['spec.yaml', 'building.yaml', 'o.yaml']);
    // positions: the $ref'd file for its own nodes, the overlay for what it added
    const base = '#/paths/~1buildings/get/responses/200/content/application~1json/schema/properties';
    expect(loaded.locate(`${base}/name`)).toMatchObject({ file: expect.stringMatching(/building\.yaml$/), line: 3 });
    expect(loaded.locate(`${base}/height/type`)).toMatchObject({ file: expect.stringMatching(/o\.yaml$/), line: 8 });
  });

  it('applies to a Swagger 2.0 spec before it is converted', async () => {
    const swagger = `swagger: '2.0'\ninfo: { title: S, version: '1' }\nhost: api.example.com\npaths:\n  /a:\n    get:\n      responses:\n        '200': { description: ok }\n`;
    const { doc } = await overlaid([HEAD + `  - target: $.paths['/a'].get\n    update: { operationId: getA }\n  - target: $\n    update: { host: sandbox.example.com }\n`], swagger);
    expect(doc.paths['/a'].get.operationId).toBe('getA');
    expect(doc.servers[0].url).toContain('sandbox.example.com');
  });
});

describe('overlay diagnostics', () => {
  it('a target that matches nothing: W_OVERLAY_NO_MATCH naming the overlay file, the action and its line', async () => {
    const { diagnostics, doc } = await overlaid([
      HEAD +
        `  - target: $.info
    update: { x-a: 1 }
  - description: the old path
    target: $.paths['/houses'].get
    update: { deprecated: true }
`,
    ]);
    expect(doc.info['x-a']).toBe(1);
    expect(diagnostics).toEqual([
      {
        code: 'W_OVERLAY_NO_MATCH',
        severity: 'warning',
        message: "target $.paths['/houses'].get matches nothing in " + diagnostics[0]!.message.split(' in ')[1],
        file: expect.stringMatching(/o1\.yaml$/),
        pointer: '#/actions/1',
        line: 8,
        column: 5,
      },
    ]);
    expect(diagnostics[0]!.message).toMatch(/spec\.yaml \(after the previous actions\); the action changed nothing$/);
  });

  it('the first action of a later overlay matching nothing is judged after the earlier overlays (each file named)', async () => {
    const { diagnostics } = await overlaid([HEAD + `  - target: $.servers\n    remove: true\n`, HEAD + `  - target: $.servers[0]\n    update: { description: x }\n`]);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'W_OVERLAY_NO_MATCH', file: expect.stringMatching(/o2\.yaml$/), pointer: '#/actions/0', line: 6 });
    expect(diagnostics[0]!.message).toMatch(/^target \$\.servers\[0\] matches nothing in .*spec\.yaml \(after the previous actions\)/);
  });

  it.each<[string, string, Partial<Diagnostic>]>([
    ['not a mapping', '- a\n- b\n', { code: 'E_OVERLAY_INVALID', pointer: '#', message: expect.stringMatching(/not an Overlay document: the top level is a list/) }],
    ['no overlay field', 'info: { title: t, version: "1" }\nactions:\n  - target: $\n    remove: true\n', { code: 'E_OVERLAY_INVALID', pointer: '#', message: expect.stringMatching(/missing 'overlay'/) }],
    ['another version', 'overlay: 1.1.0\ninfo: { title: t, version: "1" }\nactions:\n  - target: $.info\n    update: {}\n', { code: 'E_OVERLAY_VERSION', pointer: '#/overlay', line: 1, message: expect.stringMatching(/'1\.1\.0' is not a version oagen applies/) }],
    ['a version that is a number', 'overlay: 1.0\ninfo: { title: t, version: "1" }\nactions:\n  - target: $.info\n    update: {}\n', { code: 'E_OVERLAY_VERSION', pointer: '#/overlay', line: 1 }],
    ['no info', 'overlay: 1.0.0\nactions:\n  - target: $.info\n    update: {}\n', { code: 'E_OVERLAY_INVALID', pointer: '#', message: expect.stringMatching(/missing 'info'/) }],
    ['an info without a title', 'overlay: 1.0.0\ninfo:\n  version: "1"\nactions:\n  - target: $.info\n    update: {}\n', { code: 'E_OVERLAY_INVALID', pointer: '#/info', line: 2, message: expect.stringMatching(/'info' has no 'title'/) }],
    ['no actions', HEAD.replace('actions:\n', ''), { code: 'E_OVERLAY_INVALID', pointer: '#', message: expect.stringMatching(/missing 'actions'/) }],
    ['empty actions', HEAD.replace('actions:\n', 'actions: []\n'), { code: 'E_OVERLAY_INVALID', pointer: '#/actions', line: 5, message: expect.stringMatching(/not an empty list/) }],
    ['an unknown field', HEAD.replace('actions:\n', 'action: []\nactions:\n  - target: $\n    update: {}\n'), { code: 'E_OVERLAY_INVALID', pointer: '#/action', line: 5, message: expect.stringMatching(/'action' is not a field of an Overlay document/) }],
    ['an action without a target', HEAD + '  - target: $.info\n    update: {}\n  - update: { x: 1 }\n', { code: 'E_OVERLAY_INVALID', pointer: '#/actions/1', line: 8, message: expect.stringMatching(/has no 'target'/) }],
    ['a target that is not a JSONPath', HEAD + '  - target: $.info\n    update: {}\n  - target: $.paths[\n    remove: true\n', { code: 'E_OVERLAY_TARGET', pointer: '#/actions/1/target', line: 8, message: expect.stringMatching(/^target \$\.paths\[ is not a valid JSONPath \(RFC 9535\): .*at character 9/) }],
    ['a target without $', HEAD + '  - target: info.title\n    update: {}\n', { code: 'E_OVERLAY_TARGET', pointer: '#/actions/0/target', line: 6, message: expect.stringMatching(/a JSONPath starts with \$/) }],
    ['a name with a dash in dotted form', HEAD + '  - target: $.info.x-logo\n    update: {}\n', { code: 'E_OVERLAY_TARGET', pointer: '#/actions/0/target', line: 6, message: "target $.info.x-logo is not a valid JSONPath (RFC 9535): unexpected \"-\" at character 9; a name with '-' is written in brackets: ['x-logo'] instead of .x-logo" }],
    ['remove that is not a boolean', HEAD + '  - target: $.info\n    remove: "yes"\n', { code: 'E_OVERLAY_INVALID', pointer: '#/actions/0/remove', line: 7, message: expect.stringMatching(/'remove' must be true or false, not the string "yes"/) }],
    ['an unknown action field', HEAD + '  - target: $.info\n    replace: { title: x }\n', { code: 'E_OVERLAY_INVALID', pointer: '#/actions/0/replace', line: 7 }],
    ['two identical actions', HEAD + '  - target: $.info\n    update: { x-a: 1 }\n  - target: $.info\n    update: { x-a: 1 }\n', { code: 'E_OVERLAY_INVALID', pointer: '#/actions/1', line: 8, message: expect.stringMatching(/same as #\/actions\/0/) }],
  ])('an invalid overlay (%s): an error naming the file, the pointer and the line', async (_, text, want) => {
    const { errors, exitCode } = await failing([text]);
    expect(exitCode).toBe(1);
    expect(errors[0]).toMatchObject({ severity: 'error', file: expect.stringMatching(/o1\.yaml$/), ...want });
  });

  it('reports every error of an invalid overlay at once, and applies none of its actions', async () => {
    const { errors } = await failing([HEAD + '  - target: $.info\n    update: { x-a: 1 }\n  - update: { x: 1 }\n  - target: $.x[\n    remove: maybe\n']);
    expect(errors.map((d) => [d.code, d.pointer])).toEqual([
      ['E_OVERLAY_INVALID', '#/actions/1'],
      ['E_OVERLAY_TARGET', '#/actions/2/target'],
      ['E_OVERLAY_INVALID', '#/actions/2/remove'],
    ]);
  });

  it('an overlay that is not YAML: E_YAML_SYNTAX in the overlay file', async () => {
    const { errors } = await failing(['overlay: 1.0.0\ninfo: [\n']);
    expect(errors[0]).toMatchObject({ code: 'E_YAML_SYNTAX', file: expect.stringMatching(/o1\.yaml$/), line: expect.any(Number) });
  });

  it('an overlay file that cannot be read: E_FILE_READ, exit 2', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'spec.yaml'), SPEC);
    const e = await loadSpec(join(dir, 'spec.yaml'), { overlays: [join(dir, 'missing.yaml')] }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(OagenError);
    expect((e as OagenError).exitCode).toBe(2);
    expect((e as OagenError).diagnostics[0]).toMatchObject({ code: 'E_FILE_READ', file: expect.stringMatching(/missing\.yaml$/), message: 'cannot read the overlay: no such file' });
  });

  it.each<[string, string, Partial<Diagnostic>]>([
    ['update on a string', '  - target: $.info.title\n    update: New title\n', { code: 'E_OVERLAY_TARGET', pointer: '#/actions/0/target', line: 6, message: expect.stringMatching(/the target selects the string "Town" \(#\/info\/title\), not an object or a list; to change a value, target the object holding it/) }],
    ['an update that is not an object on an object', '  - target: $.info\n    update: New title\n', { code: 'E_OVERLAY_UPDATE', pointer: '#/actions/0/update', line: 7 }],
    ['an object merged onto a string', '  - target: $.info\n    update:\n      title: { text: x }\n', { code: 'E_OVERLAY_INCOMPATIBLE', pointer: '#/actions/0/update/title', line: 8, message: expect.stringMatching(/cannot merge an object into the string "Town" at #\/info\/title/) }],
    ['a list merged onto an object', '  - target: $.components\n    update:\n      schemas: [a]\n', { code: 'E_OVERLAY_INCOMPATIBLE', pointer: '#/actions/0/update/schemas', line: 8 }],
    ['removing the root', '  - target: $\n    remove: true\n', { code: 'E_OVERLAY_TARGET', pointer: '#/actions/0', message: expect.stringMatching(/root, which cannot be removed/) }],
  ])('an action that cannot apply (%s): an error naming the overlay file, the pointer and the line', async (_, actions, want) => {
    const { errors } = await failing([HEAD + actions]);
    expect(errors[0]).toMatchObject({ severity: 'error', file: expect.stringMatching(/o1\.yaml$/), ...want });
  });

  it('allowed by the specification but probably a mistake: an action that does nothing, an update beside remove: true (warnings)', async () => {
    const { diagnostics, doc } = await overlaid([HEAD + '  - target: $.info\n  - target: $.servers\n    remove: true\n    update: { url: x }\n']);
    expect(diagnostics.map((d) => [d.code, d.pointer, d.line])).toEqual([
      ['W_OVERLAY_NO_OP', '#/actions/0', 6],
      ['W_OVERLAY_UPDATE_IGNORED', '#/actions/1/update', 9],
    ]);
    expect(doc.servers).toBeUndefined();
  });
});

describe('source positions after overlays', () => {
  it('a node an overlay added points at the overlay file; the spec\'s nodes keep their lines, list items shifted by a remove included', async () => {
    const { spec } = await overlaid([
      HEAD +
        `  - target: $.paths['/buildings'].get.parameters[?@.name == 'dummy']
    remove: true
  - target: $.components.schemas.Building
    update:
      description: changed
      properties:
        height: { type: number }
  - target: $.paths['/buildings'].get.parameters
    update: { name: page, in: query }
`,
    ]);
    const at = (p: string) => {
      const l = spec.locate(p);
      return l && [l.file.split(/[\\/]/).pop(), l.line];
    };
    // `limit` moved from parameters/1 to parameters/0: still its own line in the spec
    expect(at('#/paths/~1buildings/get/parameters/0/name')).toEqual(['spec.yaml', 19]);
    expect(at('#/paths/~1buildings/get/parameters/1')).toEqual(['o1.yaml', 14]);
    expect(at('#/paths/~1buildings/get/parameters/1/in')).toEqual(['o1.yaml', 14]);
    expect(at('#/components/schemas/Building/description')).toEqual(['o1.yaml', 10]);
    expect(at('#/components/schemas/Building/properties/height/type')).toEqual(['o1.yaml', 12]);
    expect(at('#/components/schemas/Building/properties/floors')).toEqual(['spec.yaml', 50]);
    expect(at('#/components/schemas/Building')).toEqual(['spec.yaml', 45]);
  });

  it('a diagnostic of a later stage about an overlay\'s node names the overlay file and line (generate)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'spec.yaml'), SPEC);
    writeFileSync(join(dir, 'fix.yaml'), HEAD + '  - target: $.components.schemas.Building.properties\n    update:\n      height: { type: numbr }\n');
    const { renderClient } = await import('../../src/generate.js');
    const diagnostics = new Diagnostics();
    const e = await renderClient({ name: 'town', spec: join(dir, 'spec.yaml'), overlays: [join(dir, 'fix.yaml')], output: join(dir, 'out') }, diagnostics).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(OagenError);
    expect((e as OagenError).diagnostics.find((d) => d.code === 'E_UNKNOWN_TYPE')).toMatchObject({
      file: expect.stringMatching(/fix\.yaml$/),
      pointer: '#/components/schemas/Building/properties/height/type',
      line: 8,
    });
  });
});

describe('overlays and YAML aliases', () => {
  const ALIASED = `openapi: 3.1.0
info: { title: A, version: 1.0.0 }
paths:
  /a:
    get:
      parameters: &common
        - { name: limit, in: query, schema: { type: integer } }
      responses: &ok { '200': { description: ok } }
  /b:
    get:
      parameters: *common
      responses: *ok
`;

  it('an overlay changes places, not shared objects: the other places of an aliased node keep the original', async () => {
    const { doc } = await overlaid(
      [
        HEAD +
          `  - target: $.paths['/a'].get.parameters
    update: { name: page, in: query }
  - target: $.paths['/b'].get.parameters[0].schema
    update: { maximum: 100 }
  - target: $.paths['/a'].get.responses['200']
    remove: true
`,
      ],
      ALIASED,
    );
    expect(doc.paths['/a'].get.parameters.map((p: { name: string }) => p.name)).toEqual(['limit', 'page']);
    expect(doc.paths['/b'].get.parameters.map((p: { name: string }) => p.name)).toEqual(['limit']);
    expect(doc.paths['/a'].get.parameters[0].schema).toEqual({ type: 'integer' });
    expect(doc.paths['/b'].get.parameters[0].schema).toEqual({ type: 'integer', maximum: 100 });
    expect(doc.paths['/a'].get.responses).toEqual({});
    expect(doc.paths['/b'].get.responses).toEqual({ '200': { description: 'ok' } });
  });

  it('a target selecting every place of an aliased node changes each place once', async () => {
    const { doc } = await overlaid([HEAD + `  - target: $.paths.*.get.parameters\n    update: { name: page, in: query }\n`], ALIASED);
    for (const p of ['/a', '/b']) expect(doc.paths[p].get.parameters.map((x: { name: string }) => x.name)).toEqual(['limit', 'page']);
  });
});
