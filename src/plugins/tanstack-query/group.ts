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

/** The import lines' name lists of one query file. */
export function groupImports(view: ApiView, entries: readonly OperationEntry[]) {
  const models = new Set(view.models.map((m) => m.name));
  const usedModels = new Set<string>();
  for (const e of entries) for (const t of [e.result, e.infinite?.item ?? '']) for (const id of typeIdentifiers(t)) if (models.has(id)) usedModels.add(id);
  const any = (f: (e: OperationEntry) => unknown) => entries.some(f);
  const infinite = entries.filter((e) => e.infinite);
  const strategies = [...new Set(infinite.map((e) => e.infinite!.strategy).filter((s): s is string => !!s))].sort();
  const api = [
    ...entries.map((e) => e.fn).sort(),
    ...[...new Set([...entries.map((e) => e.params), ...usedModels])].sort().map((t) => `type ${t}`),
  ];
  const runtime = [...strategies, 'type Client', ...(infinite.length ? ['type PaginationSpec'] : []), 'type RequestOptions'];
  const query = [
    ...(any((e) => e.names.infiniteOptions) ? ['infiniteQueryOptions'] : []),
    ...(any((e) => e.names.mutation) ? ['mutationOptions'] : []),
    ...(any((e) => e.names.key || e.names.infiniteKey) ? ['queryKey'] : []),
    ...(any((e) => e.names.options) ? ['queryOptions'] : []),
    ...(any((e) => e.names.infiniteOptions) ? ['type InfinitePage', 'type InfiniteQueryOptions'] : []),
    ...(any((e) => e.names.mutation) ? ['type MutationOptions'] : []),
    ...(any((e) => e.names.options) ? ['type QueryOptions'] : []),
  ];
  const core = [...(any((e) => e.names.key || e.names.infiniteKey) ? ['DataTag'] : []), ...(infinite.length ? ['InfiniteData'] : [])];
  return { api: importList(api), runtime: importList(runtime), query: importList(query), core: core.length ? importList(core) : '' };
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
