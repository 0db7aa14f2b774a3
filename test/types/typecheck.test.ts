/**
 * The generated packages type-check under `strict`, with `module: NodeNext` and with
 * `module: ESNext` + `moduleResolution: Bundler` (and under the strictest common flags); and
 * the type tests in `test/types/*.types.ts` hold both ways: each file compiles as written, and
 * with its `@ts-expect-error` directives stripped each directive's line fails with the code
 * the directive names (`// @ts-expect-error TS2322 why`), and no other line fails.
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseOptions, repoRoot, runTsc, type TscResult } from '../tsc.js';
import { tempDir } from '../tmp.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const packages = ['openai', 'openai-admin', 'arthur'];

const modes = {
  NodeNext: { module: 'NodeNext', moduleResolution: 'NodeNext' },
  Bundler: { module: 'ESNext', moduleResolution: 'Bundler' },
} as const;

const variants: [label: string, options: object][] = [
  ['strict, module NodeNext', modes.NodeNext],
  ['strict, module ESNext + moduleResolution Bundler', modes.Bundler],
  [
    // the flags the runtime itself is written under (test/runtime/tsconfig.*.json)
    'strictest flags, module NodeNext',
    {
      ...modes.NodeNext,
      exactOptionalPropertyTypes: true,
      noUncheckedIndexedAccess: true,
      noImplicitOverride: true,
      noImplicitReturns: true,
      noUnusedLocals: true,
      noUnusedParameters: true,
      noFallthroughCasesInSwitch: true,
      verbatimModuleSyntax: true,
      isolatedModules: true,
      erasableSyntaxOnly: true,
    },
  ],
];

let tmp: string;
beforeAll(async () => {
  tmp = tempDir('oagen-types-');
});
afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

const slug = (s: string) => s.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
const show = (r: TscResult) => `tsc said:\n${r.output}`;
/** The diagnostics of one file, one per line, for a failure message. */
const showFile = (r: TscResult, file: string) =>
  `tsc said about ${basename(file)}:\n` +
  r.diagnostics
    .filter((d) => d.file === file || d.line === 0)
    .map((d) => `  line ${d.line}: ${d.code} ${d.message}`)
    .join('\n');

describe('generated packages type-check', () => {
  const cases = packages.flatMap((pkg) => variants.map(([label, options]) => [pkg, label, options] as const));
  it.each(cases)('%s: %s', async (pkg, label, options) => {
    const result = await runTsc(join(tmp, `${pkg}-${slug(label)}`), { ...baseOptions, ...options }, {
      include: [join(repoRoot, 'generated', pkg, 'src', '**', '*.ts')],
    });
    expect(result.diagnostics, show(result)).toEqual([]);
  });
});

// ---- type tests ---------------------------------------------------------------------------

const typeTestFiles = (await readdir(here)).filter((f) => f.endsWith('.types.ts')).sort();
const directive = /\/\/\s*@ts-expect-error\b(?:\s+(TS\d+))?/;

interface Stripped {
  original: string;
  copy: string;
  /** 1-based line after each directive → the error code it names ('' when none) */
  expected: Map<number, string>;
}

/** Copies a type test without its directives, its `../../generated/` imports re-pointed from the copy's folder. */
async function strip(file: string, dir: string): Promise<Stripped> {
  const original = join(here, file);
  const copy = join(dir, file);
  const expected = new Map<number, string>();
  const lines = (await readFile(original, 'utf8')).split('\n').map((line, i) => {
    const m = directive.exec(line);
    if (!m) return line;
    expected.set(i + 2, m[1] ?? '');
    return line.replace('@ts-expect-error', '(expected error)');
  });
  const generated = relative(dir, join(repoRoot, 'generated')).split('\\').join('/');
  await mkdir(dir, { recursive: true });
  await writeFile(copy, lines.join('\n').replace(/(['"])\.\.\/\.\.\/generated\//g, `$1${generated}/`));
  return { original, copy, expected };
}

/** One tsc run per module mode over every type test file and its stripped copy. */
const checks = new Map<string, Promise<{ result: TscResult; files: Map<string, Stripped> }>>();
function check(mode: keyof typeof modes) {
  let pending = checks.get(mode);
  if (!pending) {
    pending = (async () => {
      const dir = join(tmp, `type-tests-${mode}`);
      const files = new Map<string, Stripped>();
      for (const file of typeTestFiles) files.set(file, await strip(file, join(dir, 'stripped')));
      const list = [...files.values()].flatMap((s) => [s.original, s.copy]);
      const result = await runTsc(dir, { ...baseOptions, ...modes[mode] }, { files: list });
      return { result, files };
    })();
    checks.set(mode, pending);
  }
  return pending;
}

describe('type tests (test/types/*.types.ts)', () => {
  it('finds the type test files', () => {
    expect(typeTestFiles).toEqual(expect.arrayContaining(['arthur.types.ts', 'openai-admin.types.ts']));
  });

  const cases = typeTestFiles.flatMap((file) => (Object.keys(modes) as (keyof typeof modes)[]).map((mode) => [file, mode] as const));

  it.each(cases)('%s compiles as written (%s): every @ts-expect-error is used, the rest type-checks', async (file, mode) => {
    const { result, files } = await check(mode);
    const { original, expected } = files.get(file)!;
    expect(expected.size, 'a type test file needs @ts-expect-error lines').toBeGreaterThanOrEqual(5);
    const errors = result.diagnostics.filter((d) => d.file === original || d.line === 0);
    expect(errors, showFile(result, original)).toEqual([]);
  });

  it.each(cases)('%s without its directives (%s): each marked line fails with the named code, and only those', async (file, mode) => {
    const { result, files } = await check(mode);
    const { copy, expected } = files.get(file)!;
    const byLine = new Map<number, string[]>();
    for (const d of result.diagnostics.filter((d) => d.file === copy)) byLine.set(d.line, [...(byLine.get(d.line) ?? []), d.code]);
    // per failing line: the expected code when it is among the line's errors, else all of them
    const got = [...byLine].map(([line, codes]) => {
      const want = expected.get(line);
      return `line ${line}: ${want !== undefined && (want === '' || codes.includes(want)) ? want || 'any' : codes.join('|')}`;
    });
    const want = [...expected].map(([line, code]) => `line ${line}: ${code || 'any'}`);
    expect(got.sort(), showFile(result, copy)).toEqual(want.sort());
  });
});
