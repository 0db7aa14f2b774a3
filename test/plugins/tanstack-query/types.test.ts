/**
 * Type tests of `openai-admin/query` (the project's client, as configured, with the
 * `tanstack-query` plugin): the package compiles strictly with its declarations; its keys are
 * typed (DataTag: `getQueryData` has the operation's type) and hierarchical; the option objects
 * type-check with `@tanstack/react-query` (consumers/react.tsx) and, the same objects, with
 * `@tanstack/vue-query` (consumers/vue.ts), with `@ts-expect-error` where they must not compile.
 * A Vue app has one `@tanstack/query-core`, vue-query's own: the Vue check resolves the package's
 * `@tanstack/query-core` import to that copy, as npm would install it.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runTsc } from '../../tsc.js';
import { configuredClient, ROOT, writeClient } from './package.js';

let pkg: string;
let root: string;
beforeAll(async () => {
  ({ dir: pkg, root } = await writeClient(configuredClient('openai-admin')));
}, 120_000);

const consumers = join(import.meta.dirname, 'consumers');
const VUE_QUERY_CORE = join(ROOT, 'node_modules/@tanstack/vue-query/node_modules/@tanstack/query-core');

function options(extraPaths: Record<string, string[]> = {}) {
  return {
    target: 'ES2022',
    lib: ['ES2022', 'DOM', 'DOM.Iterable'],
    module: 'ESNext',
    moduleResolution: 'Bundler',
    jsx: 'react-jsx',
    types: [],
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    paths: { 'openai-admin': [join(pkg, 'src/index.ts')], 'openai-admin/query': [join(pkg, 'src/query/index.ts')], ...extraPaths },
  };
}

describe('openai-admin/query', () => {
  it('the package compiles strictly, declarations included', async () => {
    const r = await runTsc(join(root, 'build'), { rootDir: join(pkg, 'src'), target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['ES2022', 'DOM', 'DOM.Iterable'], types: [], strict: true, declaration: true, emitDeclarationOnly: true, outDir: 'out', skipLibCheck: false }, { files: [join(pkg, 'src/index.ts'), join(pkg, 'src/query/index.ts')] });
    expect(r.diagnostics.map((d) => `${d.file}:${d.line} ${d.code} ${d.message}`)).toEqual([]);
  }, 120_000);

  it('with @tanstack/react-query: typed keys and data, errors where they must be', async () => {
    const r = await runTsc(join(root, 'react'), options(), { files: [join(consumers, 'react.tsx')] });
    expect(r.diagnostics.map((d) => `${d.file}:${d.line} ${d.code} ${d.message}`)).toEqual([]);
  }, 120_000);

  it('the same option objects with @tanstack/vue-query', async () => {
    expect(existsSync(VUE_QUERY_CORE) || existsSync(join(ROOT, 'node_modules/@tanstack/query-core'))).toBe(true);
    const core: Record<string, string[]> = existsSync(VUE_QUERY_CORE) ? { '@tanstack/query-core': [VUE_QUERY_CORE] } : {};
    const r = await runTsc(join(root, 'vue'), options(core), { files: [join(consumers, 'vue.ts')] });
    expect(r.diagnostics.map((d) => `${d.file}:${d.line} ${d.code} ${d.message}`)).toEqual([]);
  }, 120_000);

  it('a wrong type in a consumer is reported (the check can fail)', async () => {
    const dir = join(root, 'wrong');
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'wrong.ts'),
      "import { QueryClient } from '@tanstack/query-core';\nimport { listUsersKey } from 'openai-admin/query';\nconst data = new QueryClient().getQueryData(listUsersKey());\nconst n: number | undefined = data;\nvoid n;\n",
    );
    const r = await runTsc(dir, options(), { files: [join(dir, 'wrong.ts')] });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['TS2322']);
  }, 120_000);
});
