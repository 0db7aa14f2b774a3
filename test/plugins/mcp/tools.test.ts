/**
 * The tools of the whole OpenAI API (288 operations: JSON, multipart uploads, binary bodies,
 * streams): every input schema is JSON Schema that Ajv compiles strictly, files are found, and
 * the `mcp` plugin's options select operations (or are errors).
 */
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { Diagnostics } from '../../../src/diagnostics.js';
import { loadIR } from '../../../src/generate.js';
import { assignNames } from '../../../src/naming/names.js';
import { buildPackage } from '../../../src/plugins/index.js';
import { clientPlugin } from '../../../src/plugins/client/index.js';
import { mcpPlugin } from '../../../src/plugins/mcp/index.js';
import { checkOptions } from '../../../src/plugins/mcp/options.js';
import { selectOperations, toolView } from '../../../src/plugins/mcp/tools.js';
import { buildView, type ApiView } from '../../../src/view/index.js';

const ROOT = join(import.meta.dirname, '../../..');
let view: ApiView;

beforeAll(async () => {
  const diagnostics = new Diagnostics();
  const ir = await loadIR(join(ROOT, 'specs/openai.yaml'), { diagnostics, overlays: [join(ROOT, 'specs/openai.overlay.yaml')] });
  view = buildView(ir, assignNames(ir, diagnostics), { name: '@acme/openai', specLabel: 'specs/openai.yaml', env: { ApiKeyAuth: 'OPENAI_API_KEY' } });
}, 120_000);

const select = (options: unknown) => selectOperations(view, checkOptions(options, view.packageName));

describe('every operation of the OpenAI API as a tool', () => {
  it('has an input schema Ajv compiles (draft 2020-12, strict), and a unique name', () => {
    const ops = select({ readOnly: false });
    expect(ops).toHaveLength(view.operations.length);
    const ajv = new Ajv2020({ strict: true, strictTuples: false, validateFormats: false });
    const names = new Set<string>();
    for (const op of ops) {
      const tool = toolView(view, op);
      expect(tool.name).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
      expect(names.has(tool.name)).toBe(false);
      names.add(tool.name);
      expect(() => ajv.compile(tool.inputSchema), tool.name).not.toThrow();
      expect(tool.description).toContain(`${op.op.method} ${op.op.path}`);
    }
  });

  it('names the file arguments of uploads: a multipart field, a binary body', () => {
    const byName = new Map(select({ readOnly: false }).map((op) => [op.names.fn, toolView(view, op)]));
    expect(byName.get('createFile')!.files).toEqual([['body', 'file']]);
    expect(byName.get('createFile')!.inputSchema).toMatchObject({ properties: { body: { properties: { file: { type: 'string', contentEncoding: 'base64' } } } } });
    expect(byName.get('listFiles')!.files).toEqual([]);
    const binaryBodies = view.operations.filter((op) => op.body?.kind === 'binary');
    for (const op of binaryBodies) expect(byName.get(op.names.fn)!.files).toEqual([[op.body!.key]]);
  });
});

describe('options', () => {
  it('read-only by default: GET and HEAD only', () => {
    const ops = select({});
    expect(ops.length).toBeGreaterThan(50);
    expect(ops.every((op) => op.op.method === 'GET' || op.op.method === 'HEAD')).toBe(true);
    expect(ops).toHaveLength(view.operations.filter((op) => op.op.method === 'GET').length);
  });

  it('include and exclude by function name, operationId, tag or METHOD /path; exclude wins', () => {
    const names = (options: unknown) => select(options).map((op) => op.names.fn);
    expect(names({ include: ['Files'] })).toEqual(view.operations.filter((op) => op.op.tags.includes('Files') && op.op.method === 'GET').map((op) => op.names.fn));
    expect(names({ include: ['Files'], exclude: ['downloadFile', 'GET /files/{file_id}'] })).toEqual(['listFiles']);
    expect(names({ include: ['createFile', 'listModels'], readOnly: false })).toEqual(['listModels', 'createFile'].sort((a, b) => view.operations.findIndex((o) => o.names.fn === a) - view.operations.findIndex((o) => o.names.fn === b)));
    expect(names({ include: ['createFile'] })).toEqual([]);
  });

  it('a name that matches nothing, an unknown option or a wrong type is an error naming it', () => {
    expect(() => select({ include: ['listUser'] })).toThrow(/plugin 'mcp': include: "listUser" names no operation, operationId or tag of @acme\/openai/);
    expect(() => select({ exclude: ['Nope', 'listModels'] })).toThrow(/exclude: "Nope" names no operation/);
    expect(() => select({ readonly: false })).toThrow(/readonly is not an option \(include, exclude, readOnly, bin\)/);
    expect(() => select({ readOnly: 'no' })).toThrow(/readOnly must be true or false/);
    expect(() => select({ include: 'Files' })).toThrow(/include must be a list/);
    expect(() => select({ bin: 'Bad Name' })).toThrow(/bin must be a command name/);
  });

  it('bin: <name without scope>-mcp, or the configured name; env: the config’s names', () => {
    const files = (options: object) => buildPackage(view.ir, view.names, { name: '@acme/openai', specLabel: 'x', env: { ApiKeyAuth: 'OPENAI_API_KEY', baseUrl: 'OPENAI_BASE_URL' } }, [
      { plugin: clientPlugin, options: {} },
      { plugin: mcpPlugin, options: { include: ['Models'], ...options } },
    ]).files;
    expect(JSON.parse(files({}).get('package.json')!).bin).toEqual({ 'openai-mcp': './dist/mcp/bin.js' });
    const named = files({ bin: 'oai-tools' });
    expect(JSON.parse(named.get('package.json')!).bin).toEqual({ 'oai-tools': './dist/mcp/bin.js' });
    expect(named.get('src/mcp/bin.ts')).toContain('Usage: oai-tools');
    const index = named.get('src/mcp/index.ts')!;
    expect(index).toContain("export const env = { baseUrl: 'OPENAI_BASE_URL', auth: { ApiKeyAuth: 'OPENAI_API_KEY' } } as const;");
    expect(index).toContain("const credential1 = read('OPENAI_API_KEY');\n  if (credential1) auth['ApiKeyAuth'] = credential1;\n  return createClient({ baseUrl: read('OPENAI_BASE_URL'), auth });");
  });

  it('without the config’s env map, the variables are named after the package', () => {
    const bare = buildView(view.ir, view.names, { name: '@acme/open-ai', specLabel: 'x' });
    const files = buildPackage(bare.ir, bare.names, { name: '@acme/open-ai', specLabel: 'x' }, [
      { plugin: clientPlugin, options: {} },
      { plugin: mcpPlugin, options: { include: ['Models'] } },
    ]).files;
    expect(files.get('src/mcp/index.ts')).toContain("export const env = { baseUrl: 'OPEN_AI_BASE_URL', auth: { AdminApiKeyAuth: 'OPEN_AI_ADMIN_API_KEY_AUTH', ApiKeyAuth: 'OPEN_AI_API_KEY_AUTH' } } as const;");
  });
});
