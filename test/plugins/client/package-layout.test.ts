/**
 * The generated package's layout (issue 14, point 7): model types split per API group
 * (`src/models/<group>.ts`, `src/models/shared.ts`, `src/models/index.ts` re-exporting them),
 * and the runtime's plumbing out of the package's root, in `<package>/internal`.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { generateClient, renderClient } from '../../../src/generate.js';
import { exportedNames } from '../../../src/judge/reexports.js';
import { modelFileNames } from '../../../src/view/model-files.js';
import { startRecordingServer, type RecordingServer } from '../../server.js';
import { tempDir } from '../../tmp.js';
import { mustTsc, tsc } from '../../tsc.js';

const ROOT = join(import.meta.dirname, '../../..');
const run = promisify(execFile);

function client(name: string) {
  const c = loadConfig(join(ROOT, 'oagen.config.json')).clients.find((x) => x.name === name)!;
  return { ...c, output: join(tempDir('oagen-layout-'), name) };
}

/** `export interface X` / `export type X` of a file: the model types it declares. */
const declaredTypes = (code: string) => [...code.matchAll(/^export (?:interface|type) (\w+)/gm)].map((m) => m[1]!);
/** The modules a file imports from. */
const importsOf = (code: string) => [...code.matchAll(/^(?:import|export)\b[^;]*? from '([^']+)';/gm)].map((m) => m[1]!);

/** What users must keep getting from the root, and what is plumbing. */
const USER_FACING = ['createClient', 'ClientConfig', 'Client', 'RequestOptions', 'ApiPromise', 'PagePromise', 'ApiError', 'NotFoundError', 'ConnectionError', 'TimeoutError', 'toFile', 'Uploadable', 'Credential'];
const PLUMBING = ['request', 'paginate', 'stream', 'serializeParam', 'toFormData', 'formBody', 'createClientCore', 'OperationSpec', 'ParamSpec', 'PaginationSpec', 'byPageNumber'];

describe.each(['openai', 'openai-admin'])('the models of %s', (name) => {
  let files: Map<string, string>;
  let groups: string[];
  beforeAll(async () => {
    const r = await renderClient(client(name));
    files = r.files;
    groups = r.names.groups.map((g) => g.file);
  }, 120_000);

  it('every model is declared in exactly one of src/models/*.ts; index.ts re-exports every file once', async () => {
    const r = await renderClient(client(name));
    const modelFiles = [...files.keys()].filter((p) => p.startsWith('src/models/') && p !== 'src/models/index.ts');
    expect(files.has('src/models.ts')).toBe(false);
    const declared = modelFiles.flatMap((p) => declaredTypes(files.get(p)!));
    expect(declared.length).toBe(new Set(declared).size);
    expect(new Set(declared)).toEqual(new Set(r.names.schema.values()));
    const index = files.get('src/models/index.ts')!;
    expect(importsOf(index).sort()).toEqual(modelFiles.map((p) => `./${p.slice('src/models/'.length, -3)}.js`).sort());
    expect(files.get('src/index.ts')).toContain("export * from './models/index.js';");
  });

  it('per group: a group\'s model file is imported only by its own API file; model files import only the shared one', () => {
    const fileNames = modelFileNames(groups);
    expect(files.has('src/models/shared.ts')).toBe(true);
    expect([...files.keys()].filter((p) => p.startsWith('src/models/') && p !== 'src/models/index.ts' && p !== 'src/models/shared.ts').length).toBeGreaterThan(3);
    for (const group of groups) {
      const own = `../models/${fileNames.get(group)}.js`;
      for (const from of importsOf(files.get(`src/api/${group}.ts`)!).filter((m) => m.startsWith('../models/'))) {
        expect([own, '../models/shared.js'], `src/api/${group}.ts imports ${from}`).toContain(from);
      }
    }
    for (const [path, code] of files) {
      if (!path.startsWith('src/models/') || path === 'src/models/index.ts') continue;
      const allowed = path === 'src/models/shared.ts' ? ['../runtime/index.js'] : ['./shared.js', '../runtime/index.js'];
      for (const from of importsOf(code)) expect(allowed, `${path} imports ${from}`).toContain(from);
    }
  });

  it('a group file holds only models its group uses: no other API file imports them', () => {
    const fileNames = modelFileNames(groups);
    const importedBy = new Map<string, Set<string>>();
    for (const group of groups) {
      for (const m of importsOf(files.get(`src/api/${group}.ts`)!)) {
        if (!importedBy.has(m)) importedBy.set(m, new Set());
        importedBy.get(m)!.add(group);
      }
    }
    for (const group of groups) {
      const users = importedBy.get(`../models/${fileNames.get(group)}.js`);
      if (files.has(`src/models/${fileNames.get(group)}.ts`)) expect([...(users ?? [])]).toEqual([group]);
    }
  });

  it('is deterministic: rendering again gives the same bytes', async () => {
    const again = (await renderClient(client(name))).files;
    for (const [path, code] of files) if (path.startsWith('src/')) expect(again.get(path), path).toBe(code);
  });

  it('the root exports what it did apart from the runtime plumbing, which <package>/internal exports', () => {
    const root = exportedNames(files, 'src/index.ts');
    // the root as it was: every runtime export re-exported (src/runtime/index.ts instead of public.ts)
    const before = new Map(files);
    before.set('src/index.ts', files.get('src/index.ts')!.replace("'./runtime/public.js'", "'./runtime/index.js'"));
    const was = exportedNames(before, 'src/index.ts');
    const internal = exportedNames(files, 'src/internal.ts');
    const moved = [...was.keys()].filter((n) => !root.has(n));
    expect([...root.keys()].filter((n) => !was.has(n))).toEqual([]);
    for (const n of moved) {
      expect(was.get(n)!.file, n).toMatch(/^src\/runtime\//);
      expect(internal.has(n), n).toBe(true);
    }
    for (const n of USER_FACING) expect(root.has(n), n).toBe(true);
    for (const n of PLUMBING) expect(moved, n).toContain(n);
    expect(JSON.parse(files.get('package.json')!).exports['./internal']).toEqual({ types: './dist/internal.d.ts', import: './dist/internal.js' });
  });
});

describe('the compiled openai-admin package', () => {
  let server: RecordingServer;
  let dir: string;
  beforeAll(async () => {
    server = await startRecordingServer();
    dir = tempDir('oagen-internal-');
    const config = { ...client('openai-admin'), output: join(dir, 'openai-admin') };
    await generateClient(config);
    // as after `npm install` in the package: the dev dependencies its plugins declare (the MCP SDK, @types/node, …)
    symlinkSync(join(ROOT, 'node_modules'), join(config.output, 'node_modules'), 'dir');
    await mustTsc(['-p', 'tsconfig.build.json', '--pretty', 'false'], config.output);
    const consumer = join(dir, 'consumer');
    mkdirSync(join(consumer, 'node_modules'), { recursive: true });
    symlinkSync(config.output, join(consumer, 'node_modules/openai-admin'), 'dir');
    writeFileSync(join(consumer, 'package.json'), JSON.stringify({ type: 'module' }));
    writeFileSync(
      join(consumer, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['ES2022', 'DOM'], strict: true, types: [], outDir: 'dist' }, files: ['main.ts'] }),
    );
  }, 240_000);
  afterAll(() => server?.close());

  it('imports the plumbing from openai-admin/internal, type-checks strictly, and calls a server with it', async () => {
    const consumer = join(dir, 'consumer');
    writeFileSync(
      join(consumer, 'main.ts'),
      [
        `import * as root from 'openai-admin';`,
        `import { createClient, type User } from 'openai-admin';`,
        `import { request, type OperationSpec } from 'openai-admin/internal';`,
        `const client = createClient({ baseUrl: ${JSON.stringify(server.url)}, auth: { AdminApiKeyAuth: 'sk-internal' } });`,
        `const spec: OperationSpec = { method: 'GET', path: '/organization/users/{user_id}', params: ['path:user_id'], security: [['AdminApiKeyAuth']] };`,
        `const user: User = await request<User>(client, spec, { user_id: 'u 1' });`,
        `console.log(JSON.stringify({ id: user.id, rootHasRequest: 'request' in root, rootHasApiError: 'ApiError' in root }));`,
        '',
      ].join('\n'),
    );
    await mustTsc(['-p', 'tsconfig.json', '--pretty', 'false'], consumer);
    server.answer(() => ({ body: { object: 'organization.user', id: 'u 1', added_at: 1 } }));
    const { stdout } = await run(process.execPath, [join(consumer, 'dist/main.js')], { cwd: consumer });
    expect(JSON.parse(stdout)).toEqual({ id: 'u 1', rootHasRequest: false, rootHasApiError: true });
    expect(server.last().path).toBe('/organization/users/u%201');
    expect(server.last().headers.authorization).toBe('Bearer sk-internal');
  }, 120_000);

  it('a consumer that imports the plumbing from the root does not compile', async () => {
    const consumer = join(dir, 'consumer');
    writeFileSync(join(consumer, 'main.ts'), `import { request } from 'openai-admin';\nvoid request;\n`);
    const failed = await tsc(['-p', 'tsconfig.json', '--pretty', 'false', '--noEmit'], consumer);
    expect(failed.code).not.toBe(0);
    expect(failed.output).toMatch(/TS2305|TS2724|has no exported member/);
  }, 120_000);
});
