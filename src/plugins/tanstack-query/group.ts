/**
 * One API group's query file, `src/query/<group>.ts`: the values its template
 * (templates/tanstack-query/group.ts.hbs) lays out. Types are the view's (printed once, by the
 * one printer, for the operation functions); names come from ./names.ts.
 */
import { jsDocLines, stringLiteral } from '../../escape/index.js';
import type { PaginationInfo } from '../../ir/types.js';
import { PAGINATION_STRATEGY } from '../client/operations.js';
import type { ApiView, GroupView, OperationView } from '../../view/index.js';
import type { OperationRole } from './options.js';
import type { OperationExports, QueryNames } from './names.js';

export interface OperationEntry {
  fn: string;
  /** the operation function's local name (`fn`, or an alias where `fn` is a local of the file) */
  call: string;
  /** `{@link fn}` (and of its infinite options), for JSDoc */
  link: string;
  infiniteLink: string;
  params: string;
  /** `?` when the params are optional */
  opt: string;
  /** `METHOD /path`, for JSDoc */
  where: string;
  /** the query's data type (`null` for an operation answering with no body: TanStack needs a value) */
  data: string;
  /** the mutation's data type */
  result: string;
  voidResult: boolean;
  /** `[root, group, fn` literals, the key's common head */
  keyHead: string;
  names: OperationExports;
  infinite?: {
    item: string;
    pageParam: string;
    pagination: string;
    /** the runtime's strategy the pagination spec names (`byPageNumber`), if any */
    strategy?: string;
    site: string;
  };
}

export function groupEntries(group: GroupView, roles: ReadonlyMap<OperationView, OperationRole>, names: QueryNames, root: string): OperationEntry[] {
  const out: OperationEntry[] = [];
  for (const op of group.operations) {
    const role = roles.get(op);
    if (!role) continue;
    const voidResult = op.successType === 'void';
    const entry: OperationEntry = {
      fn: op.names.fn,
      call: op.names.fn,
      link: `{@link ${op.names.fn}}`,
      infiniteLink: `{@link ${names.operations.get(op)!.infiniteOptions ?? op.names.fn}}`,
      params: op.names.params,
      opt: op.paramsOptional ? '?' : '',
      where: jsDocLines(`${op.op.method} ${op.op.path}`)[0] ?? '',
      data: voidResult ? 'null' : op.successType,
      result: op.successType,
      voidResult,
      keyHead: [root, stringLiteral(group.file), stringLiteral(op.names.fn)].join(', '),
      names: names.operations.get(op)!,
    };
    if (role.infinite && op.pagination) entry.infinite = infiniteEntry(op, op.pagination.info, op.pagination.itemType);
    out.push(entry);
  }
  return out;
}

function infiniteEntry(op: OperationView, info: PaginationInfo, item: string): NonNullable<OperationEntry['infinite']> {
  const queryParam = (name: string | undefined) => (name === undefined ? undefined : op.params.find((p) => p.param.in === 'query' && p.param.name === name));
  const keys: string[] = [];
  for (const name of info.kind === 'page' ? [info.param, info.sizeParam] : info.kind === 'offset' ? [info.param, info.limitParam] : info.kind === 'cursor' ? [info.param] : []) {
    const p = queryParam(name);
    if (p && p.key !== p.param.name) keys.push(`${stringLiteral(p.param.name)}: ${stringLiteral(p.key)}`);
  }
  const where = `where: ${stringLiteral(`${op.op.method} ${op.op.path}`)}`;
  const pageKey = info.kind === 'url' ? undefined : queryParam(info.param);
  const strategy = PAGINATION_STRATEGY[info.kind];
  return {
    item,
    pageParam: info.kind === 'url' ? 'string | undefined' : pageKey ? `${op.names.params}[${stringLiteral(pageKey.key)}]` : 'unknown',
    pagination: paginationLiteral(info),
    ...(strategy ? { strategy } : {}),
    site: keys.length > 0 ? `{ ${where}, keys: { ${keys.join(', ')} } }` : `{ ${where} }`,
  };
}

/** The runtime's `PaginationSpec` of an operation, as its operation function has it. */
function paginationLiteral(info: PaginationInfo): string {
  const fields = Object.entries(info)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? stringLiteral(v) : String(v)}`);
  const strategy = PAGINATION_STRATEGY[info.kind];
  if (strategy) fields.push(`next: ${strategy}`);
  return `{ ${fields.join(', ')} }`;
}

/** Names the template gives its own parameters and locals. */
const LOCALS = ['client', 'params', 'options', 'o', 'site'];
/** What a query file imports from the plugin's runtime and from TanStack, by their exported names. */
const HELPERS = ['DataTag', 'InfiniteData', 'queryKey', 'queryOptions', 'infiniteQueryOptions', 'mutationOptions', 'QueryOptions', 'InfiniteQueryOptions', 'MutationOptions', 'InfinitePage'];

/**
 * The import lines of one query file, and the local names of what it imports: a helper whose
 * name the file already uses (a model named `QueryOptions`, an export `queryKey` of an operation
 * named `query`) and an operation function named like a local (`client`) are imported under
 * an alias. Sets `call` of the entries.
 */
export function groupImports(view: ApiView, group: GroupView, entries: OperationEntry[], groupKey: string) {
  const models = new Set(view.models.map((m) => m.name));
  const usedModels = new Set<string>();
  const runtimeTypes = new Set<string>();
  for (const e of entries) {
    for (const t of [e.result, e.infinite?.item ?? '']) {
      for (const id of typeIdentifiers(t)) {
        if (models.has(id)) usedModels.add(id);
        else if (group.runtimeTypes.has(id)) runtimeTypes.add(id);
      }
    }
  }
  const any = (f: (e: OperationEntry) => unknown) => entries.some(f);
  const infinite = entries.filter((e) => e.infinite);
  const strategies = [...new Set(infinite.map((e) => e.infinite!.strategy).filter((s): s is string => !!s))].sort();
  const taken = new Set<string>([
    ...LOCALS,
    groupKey,
    ...entries.flatMap((e) => Object.values(e.names) as string[]),
    ...entries.map((e) => e.params),
    ...usedModels,
    ...runtimeTypes,
    ...strategies,
    'Client',
    'PaginationSpec',
    'RequestOptions',
  ]);
  const free = (name: string) => {
    let local = `${name}_`;
    for (let i = 2; taken.has(local) || entries.some((e) => e.fn === local); i++) local = `${name}_${i}`;
    taken.add(local);
    return local;
  };
  const ids: Record<string, string> = {};
  for (const h of HELPERS) ids[h] = taken.has(h) || entries.some((e) => e.fn === h) ? free(h) : h;
  const helperLocals = new Set(Object.values(ids));
  for (const e of entries) e.call = LOCALS.includes(e.fn) || helperLocals.has(e.fn) ? free(e.fn) : e.fn;
  const as = (name: string, local: string, type = false) => `${type ? 'type ' : ''}${name}${local === name ? '' : ` as ${local}`}`;
  const api = [
    ...entries.map((e) => as(e.fn, e.call)).sort(),
    ...[...new Set([...entries.map((e) => e.params), ...usedModels])].sort().map((t) => `type ${t}`),
  ];
  const runtime = [...strategies, 'type Client', ...(infinite.length ? ['type PaginationSpec'] : []), 'type RequestOptions', ...[...runtimeTypes].sort().map((t) => `type ${t}`)];
  const query = [
    ...(any((e) => e.names.infiniteOptions) ? [as('infiniteQueryOptions', ids.infiniteQueryOptions!)] : []),
    ...(any((e) => e.names.mutation) ? [as('mutationOptions', ids.mutationOptions!)] : []),
    ...(any((e) => e.names.key || e.names.infiniteKey) ? [as('queryKey', ids.queryKey!)] : []),
    ...(any((e) => e.names.options) ? [as('queryOptions', ids.queryOptions!)] : []),
    ...(any((e) => e.names.infiniteOptions) ? [as('InfinitePage', ids.InfinitePage!, true), as('InfiniteQueryOptions', ids.InfiniteQueryOptions!, true)] : []),
    ...(any((e) => e.names.mutation) ? [as('MutationOptions', ids.MutationOptions!, true)] : []),
    ...(any((e) => e.names.options) ? [as('QueryOptions', ids.QueryOptions!, true)] : []),
  ];
  const core = [...(any((e) => e.names.key || e.names.infiniteKey) ? [as('DataTag', ids.DataTag!)] : []), ...(infinite.length ? [as('InfiniteData', ids.InfiniteData!)] : [])];
  return { ids, imports: { api: importList(api), runtime: importList(runtime), query: importList(query), core: core.length ? importList(core) : '' } };
}

/** The identifiers of a type expression, its string literals left out. */
function typeIdentifiers(type: string): string[] {
  return type.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""').match(/[A-Za-z_$][\w$]*/g) ?? [];
}

/** `{ a, b }` on one line when short, else one name per line. */
function importList(names: readonly string[]): string {
  const line = names.join(', ');
  return line.length <= 70 ? `{ ${line} }` : `{\n${names.map((n) => `  ${n},\n`).join('')}}`;
}
