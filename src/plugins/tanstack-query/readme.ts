/**
 * The README's "TanStack Query" section (through `Plugin.readme`, rendered by the `docs`
 * plugin; its layout is templates/tanstack-query/readme.md.hbs): what `<package>/query`
 * exports, a React example (a list, an infinite list, a mutation that invalidates the group's
 * queries) and a Vue one, written from the package's own operations so that they type-check
 * against it (test/plugins/docs/ compiles every example).
 */
import { markdownCode, stringLiteral } from '../../escape/index.js';
import { render } from '../../emit/templates.js';
import { exampleValue, printExample, type Example } from '../docs/examples.js';
import type { ReadmeSection } from '../types.js';
import type { ApiView, OperationView } from '../../view/index.js';
import type { QueryNames } from './names.js';
import type { OperationRole } from './options.js';

export function querySection(view: ApiView, roles: ReadonlyMap<OperationView, OperationRole>, names: QueryNames): ReadmeSection {
  const pkg = view.packageName;
  const sub = `${pkg}/query`;
  const picked = pickList(view, roles);
  const listNames = picked && names.operations.get(picked.op)!;
  const mutation = picked && pickMutation(view, roles, picked.op);
  const mutationFn = mutation && names.operations.get(mutation.op)!.mutation!;
  const groupKey = picked ? names.groups.get(groupOf(view, picked.op))! : '';
  const hooks = (...more: string[]) =>
    [...more, ...(picked?.infinite ? ['useInfiniteQuery'] : []), ...(mutation ? ['useMutation'] : []), 'useQuery', ...(mutation ? ['useQueryClient'] : [])].join(', ');
  const body = render('tanstack-query/readme.md.hbs', {
    subCode: markdownCode(sub),
    keyShape: markdownCode(`[${JSON.stringify(pkg)}, group, fn, params]`),
    rootKeyCode: markdownCode(`${names.root}()`),
    pkgJson: JSON.stringify(pkg),
    pkgLiteral: stringLiteral(pkg),
    subLiteral: stringLiteral(sub),
    list: picked && { infinite: picked.infinite, options: listNames!.options!, infiniteOptions: listNames!.infiniteOptions ?? '', key: listNames!.key! },
    mutation: mutation && {
      fn: mutationFn,
      // the params example, indented where it is written
      reactVars: mutation.vars.replace(/\n/g, '\n      '),
      vueVars: mutation.vars.replace(/\n/g, '\n        '),
    },
    groupKey,
    reactImports: hooks('QueryClient', 'QueryClientProvider'),
    vueImports: hooks(),
    queryImports: picked ? [listNames!.infiniteOptions, listNames!.options!, ...(mutation ? [mutationFn!, groupKey] : [])].filter((x): x is string => !!x).sort().join(', ') : '',
    cacheImports: picked ? [listNames!.options!, listNames!.key!].sort().join(', ') : '',
  });
  return { id: 'tanstack-query', heading: 'TanStack Query', body: body.trimEnd() };
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
