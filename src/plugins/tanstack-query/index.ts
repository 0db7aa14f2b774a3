/**
 * The `tanstack-query` plugin (issue 16): `<package>/query`, TanStack Query v5 option factories
 * for every operation, usable with any adapter (React, Vue, Solid, Svelte, Angular Query):
 * `<fn>Options` for queries, `<fn>InfiniteOptions` for paginated operations (the runtime's
 * pagination rule decides the next page), `<fn>Mutation` for writes, and typed hierarchical
 * keys (`[package, group, fn, params]`) with a builder per operation, per group and for the
 * package. Files: `src/query/index.ts`, `src/query/<group>.ts`, `src/query/runtime.ts`.
 */
import { readFileSync } from 'node:fs';
import { jsDocLines, stringLiteral } from '../../escape/index.js';
import { render, TEMPLATES_DIR } from '../../emit/templates.js';
import type { Plugin } from '../types.js';
import { groupEntries, groupImports } from './group.js';
import { queryNames } from './names.js';
import { operationRoles, type TanstackQueryOptions } from './options.js';
import { querySection } from './readme.js';

/** The range of `@tanstack/query-core` the generated code is written and tested against. */
export const QUERY_CORE_RANGE = '^5.104.0';

let runtimeSource: string | undefined;

export const tanstackQueryPlugin: Plugin<TanstackQueryOptions> = {
  name: 'tanstack-query',
  requires: ['client'],
  *files(view, ctx) {
    const roles = operationRoles(view, ctx.options);
    const names = queryNames(view, roles);
    const root = stringLiteral(view.packageName);
    const files: string[] = [];
    for (const group of view.groups) {
      const operations = groupEntries(group, roles, names, root);
      if (operations.length === 0) continue;
      files.push(group.file);
      const groupKey = names.groups.get(group.file)!;
      const { ids, imports } = groupImports(view, group, operations, groupKey);
      yield [
        `src/query/${group.file}.ts`,
        render('tanstack-query/group.ts.hbs', {
          header: view.header,
          title: jsDocLines(group.title)[0] ?? group.file,
          groupKey,
          groupHead: `${root}, ${stringLiteral(group.file)}`,
          imports,
          ids,
          operations,
        }),
      ];
    }
    yield ['src/query/index.ts', render('tanstack-query/index.ts.hbs', { header: view.header, groups: files, root, rootKey: names.root, packageDoc: jsDocLines(`\`${view.packageName}\``)[0] ?? '' })];
    yield ['src/query/runtime.ts', (runtimeSource ??= readFileSync(TEMPLATES_DIR + 'tanstack-query/runtime.ts', 'utf8'))];
  },
  readme(view, ctx) {
    const roles = operationRoles(view, ctx.options);
    return [querySection(view, roles, queryNames(view, roles))];
  },
  packageJson() {
    return {
      exports: { './query': { types: './dist/query/index.d.ts', import: './dist/query/index.js' } },
      peerDependencies: { '@tanstack/query-core': QUERY_CORE_RANGE },
      devDependencies: { '@tanstack/query-core': QUERY_CORE_RANGE },
    };
  },
};
