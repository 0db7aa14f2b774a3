/**
 * The README's "TanStack Query" section (through `Plugin.readme`, rendered by the `docs`
 * plugin): what `<package>/query` exports, a React example (a list, an infinite list, a
 * mutation that invalidates the group's queries) and a Vue one, written from the package's own
 * operations so that they type-check against it (test/docs/ compiles every example).
 */
import { markdownCode, stringLiteral } from '../../escape/index.js';
import { exampleValue, printExample, type Example } from '../docs/examples.js';
import type { ReadmeSection } from '../types.js';
import type { ApiView, OperationView } from '../../view/index.js';
import type { QueryNames } from './names.js';
import type { OperationRole } from './options.js';

export function querySection(view: ApiView, roles: ReadonlyMap<OperationView, OperationRole>, names: QueryNames): ReadmeSection {
  const pkg = view.packageName;
  const sub = `${pkg}/query`;
  const list = pickList(view, roles);
  const mutation = list && pickMutation(view, roles, list.op);
  const groupKey = list ? names.groups.get(groupOf(view, list.op))! : undefined;
  const parts: string[] = [];
  parts.push(
    `${markdownCode(sub)} has [TanStack Query](https://tanstack.com/query) v5 options for every operation, plain objects that every adapter takes (React, Vue, Solid, Svelte, Angular Query). It needs ${markdownCode('@tanstack/query-core')} (a peer dependency; your adapter brings it).`,
    '',
    '| export | for | what |',
    '| --- | --- | --- |',
    `| ${markdownCode('<fn>Options(client, params?, options?)')} | GET and HEAD operations, and those the plugin's ${markdownCode('queries')} option names | ${markdownCode('{ queryKey, queryFn }')}; the query's ${markdownCode('signal')} cancels the call |`,
    `| ${markdownCode('<fn>InfiniteOptions(client, params?, options?)')} | paginated operations | ${markdownCode('{ queryKey, queryFn, initialPageParam, getNextPageParam }')}; each page is ${markdownCode('{ data, items }')} (the body and its items); the next page is the one ${markdownCode('for await')} would read, and the last page is the same |`,
    `| ${markdownCode('<fn>Mutation(client, options?)')} | the other operations | ${markdownCode('{ mutationKey, mutationFn }')}; ${markdownCode('mutate(params)')} |`,
    `| ${markdownCode('<fn>Key(params?)')}, ${markdownCode('<fn>InfiniteKey(params?)')} | queries | ${markdownCode(`[${JSON.stringify(pkg)}, group, fn, params]`)}, typed with TanStack's ${markdownCode('DataTag')} (${markdownCode('queryClient.getQueryData(key)')} has the operation's type); with fewer params, a prefix of the matching queries' keys |`,
    `| ${markdownCode('<group>Key()')}, ${markdownCode(`${names.root}()`)} | invalidation | the prefix of every key of an API group, of the package |`,
    '',
    `Event-stream operations have none. Operations that read with another method (a POST search) become queries when the plugin's options name them (function names or ${markdownCode('METHOD /path')}):`,
    '',
    '```json',
    `{ "name": ${JSON.stringify(pkg)}, "spec": "…", "plugins": ["client", "docs", { "name": "tanstack-query", "options": { "queries": ["POST /search"] } }] }`,
    '```',
  );
  if (list) {
    const listCall = (fn: string) => `${fn}(client)`;
    const infinite = list.infinite;
    const mut = mutation ? { fn: names.operations.get(mutation.op)!.mutation!, vars: mutation.vars } : undefined;
    const queryImports = [list.infinite ? names.operations.get(list.op)!.infiniteOptions! : undefined, names.operations.get(list.op)!.options!, ...(mut ? [mut.fn, groupKey!] : [])]
      .filter((x): x is string => !!x)
      .sort();
    const listOptions = names.operations.get(list.op)!.options!;
    const infiniteOptions = names.operations.get(list.op)!.infiniteOptions;
    const react = [
      `import { QueryClient, QueryClientProvider, ${[...(infinite ? ['useInfiniteQuery'] : []), ...(mut ? ['useMutation'] : []), 'useQuery', ...(mut ? ['useQueryClient'] : [])].join(', ')} } from "@tanstack/react-query";`,
      `import { createClient } from ${stringLiteral(pkg)};`,
      `import { ${queryImports.join(', ')} } from ${stringLiteral(sub)};`,
      '',
      'const client = createClient({ baseUrl: "/api" });',
      'const queryClient = new QueryClient();',
      '',
      'function List() {',
      `  const first = useQuery(${listCall(listOptions)});`,
      ...(infinite
        ? [
            `  const all = useInfiniteQuery(${listCall(infiniteOptions!)});`,
            '  const items = all.data?.pages.flatMap((page) => page.items) ?? [];',
          ]
        : []),
      ...(mut
        ? [
            '  const queryClient = useQueryClient();',
            '  const change = useMutation({',
            `    ...${mut.fn}(client),`,
            `    onSuccess: () => queryClient.invalidateQueries({ queryKey: ${groupKey}() }),`,
            '  });',
          ]
        : []),
      '  if (first.isPending) return <p>Loading…</p>;',
      '  if (first.isError) return <p>{first.error.message}</p>;',
      '  return (',
      '    <div>',
      '      <pre>{JSON.stringify(first.data, null, 2)}</pre>',
      ...(infinite
        ? [
            '      <ul>',
            '        {items.map((item, i) => (',
            '          <li key={i}>{JSON.stringify(item)}</li>',
            '        ))}',
            '      </ul>',
            '      {all.hasNextPage && (',
            '        <button disabled={all.isFetchingNextPage} onClick={() => all.fetchNextPage()}>',
            '          More',
            '        </button>',
            '      )}',
          ]
        : []),
      ...(mut ? [`      <button onClick={() => change.mutate(${mut.vars.replace(/\n/g, '\n      ')})}>Change</button>`] : []),
      '    </div>',
      '  );',
      '}',
      '',
      'export function App() {',
      '  return (',
      '    <QueryClientProvider client={queryClient}>',
      '      <List />',
      '    </QueryClientProvider>',
      '  );',
      '}',
    ];
    const vue = [
      `import { ${[...(infinite ? ['useInfiniteQuery'] : []), ...(mut ? ['useMutation'] : []), 'useQuery', ...(mut ? ['useQueryClient'] : [])].join(', ')} } from "@tanstack/vue-query";`,
      'import { computed, defineComponent, h } from "vue";',
      `import { createClient } from ${stringLiteral(pkg)};`,
      `import { ${queryImports.join(', ')} } from ${stringLiteral(sub)};`,
      '',
      'const client = createClient({ baseUrl: "/api" });',
      '',
      '// with app.use(VueQueryPlugin) in main.ts',
      'export default defineComponent({',
      '  setup() {',
      `    const first = useQuery(${listCall(listOptions)});`,
      ...(infinite
        ? [
            `    const all = useInfiniteQuery(${listCall(infiniteOptions!)});`,
            '    const items = computed(() => all.data.value?.pages.flatMap((page) => page.items) ?? []);',
          ]
        : []),
      ...(mut
        ? [
            '    const queryClient = useQueryClient();',
            '    const change = useMutation({',
            `      ...${mut.fn}(client),`,
            `      onSuccess: () => queryClient.invalidateQueries({ queryKey: ${groupKey}() }),`,
            '    });',
          ]
        : []),
      '    return () =>',
      '      h("div", [',
      '        h("pre", JSON.stringify(first.data.value, null, 2)),',
      ...(infinite
        ? [
            '        h("ul", items.value.map((item) => h("li", JSON.stringify(item)))),',
            '        all.hasNextPage.value ? h("button", { onClick: () => all.fetchNextPage() }, "More") : null,',
          ]
        : []),
      ...(mut ? [`        h("button", { onClick: () => change.mutate(${mut.vars.replace(/\n/g, '\n        ')}) }, "Change"),`] : []),
      '      ]);',
      '  },',
      '});',
    ];
    parts.push(
      '',
      `With React (${markdownCode('@tanstack/react-query')}): a query, an infinite list that loads one more page per click until the last${mut ? `, and a mutation that refetches the group's queries when it succeeds` : ''}:`,
      '',
      '```tsx',
      ...react,
      '```',
      '',
      `With Vue (${markdownCode('@tanstack/vue-query')}), the same objects:`,
      '',
      '```ts',
      ...vue,
      '```',
      '',
      `Outside a component, with a ${markdownCode('QueryClient')}: the key says the data's type.`,
      '',
      '```ts',
      'import { QueryClient } from "@tanstack/query-core";',
      `import { createClient } from ${stringLiteral(pkg)};`,
      `import { ${[listOptions, names.operations.get(list.op)!.key!].sort().join(', ')} } from ${stringLiteral(sub)};`,
      '',
      'const client = createClient();',
      'const queryClient = new QueryClient();',
      `await queryClient.prefetchQuery(${listCall(listOptions)});`,
      `const cached = queryClient.getQueryData(${names.operations.get(list.op)!.key!}());`,
      '// typed: the response of the operation, or undefined before it is fetched',
      '```',
    );
  }
  return { id: 'tanstack-query', heading: 'TanStack Query', body: parts.join('\n') };
}

/**
 * The list of the examples: a paginated GET without required params, first one whose API group
 * has a mutation an example can be written for (list, change, invalidate the group), else any
 * query without required params.
 */
function pickList(view: ApiView, roles: ReadonlyMap<OperationView, OperationRole>): { op: OperationView; infinite: boolean } | undefined {
  const candidates = [...roles].filter(([op, r]) => r.query && op.paramsOptional && op.successType !== 'void');
  const lists = candidates.filter(([op, r]) => r.infinite && op.op.method === 'GET');
  const groupMutates = (op: OperationView) =>
    view.groups.find((g) => g.operations.includes(op))!.operations.some((o) => roles.get(o)?.mutation && requiredParams(view, o) !== undefined);
  const found = lists.find(([op]) => groupMutates(op)) ?? lists[0] ?? candidates[0];
  return found && { op: found[0], infinite: found[1].infinite };
}

/** A mutation of the list's group (else of any group) whose params an example can be written for. */
function pickMutation(view: ApiView, roles: ReadonlyMap<OperationView, OperationRole>, list: OperationView): { op: OperationView; vars: string } | undefined {
  const group = view.groups.find((g) => g.operations.includes(list));
  const mutations = [...roles].filter(([, r]) => r.mutation).map(([op]) => op);
  const ordered = [...mutations.filter((op) => group?.operations.includes(op)), ...mutations.filter((op) => !group?.operations.includes(op))];
  for (const op of ordered) {
    const vars = requiredParams(view, op);
    if (vars !== undefined) return { op, vars };
  }
  return undefined;
}

function groupOf(view: ApiView, op: OperationView): string {
  return view.groups.find((g) => g.operations.includes(op))!.file;
}

/** `{ … }` with the operation's required params and body, or undefined when an example cannot be built. */
function requiredParams(view: ApiView, op: OperationView): string | undefined {
  const entries: [string, Example][] = [];
  for (const p of op.params) {
    if (!p.param.required) continue;
    const v = exampleValue(p.param.schema, view.types, p.param.name, 'request');
    if (!v) return undefined;
    entries.push([p.key, v]);
  }
  if (op.body?.required) {
    if (op.body.kind !== 'json') return undefined;
    const v = exampleValue(op.body.schema, view.types, 'body', 'request');
    if (!v) return undefined;
    entries.push([op.body.key, v]);
  }
  return entries.length === 0 ? (op.paramsOptional ? '' : undefined) : printExample({ kind: 'object', entries }, '', 70, 0);
}
