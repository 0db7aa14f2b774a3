/**
 * The names `<package>/query` exports: per operation `<fn>Key`, `<fn>Options`,
 * `<fn>InfiniteKey`, `<fn>InfiniteOptions`, `<fn>Mutation`; per API group `<group>Key`
 * (`<group>GroupKey` where that name is taken); `rootKey` for the whole package. They must not
 * clash with each other nor with what the query files import from the package (operation
 * functions, params types, models): a name already taken gets a `_` suffix. (The query files
 * import their helpers under an alias where one of these names is theirs: ./group.ts.)
 */
import { identifier } from '../../escape/index.js';
import { camelCase } from '../../naming/casing.js';
import type { ApiView, OperationView } from '../../view/index.js';
import type { OperationRole } from './options.js';

export interface OperationExports {
  key?: string;
  options?: string;
  infiniteKey?: string;
  infiniteOptions?: string;
  mutation?: string;
  /** module-local: the pagination spec of the infinite query */
  pagination?: string;
}

export interface QueryNames {
  root: string;
  groups: Map<string, string>;
  operations: Map<OperationView, OperationExports>;
}

export function queryNames(view: ApiView, roles: ReadonlyMap<OperationView, OperationRole>): QueryNames {
  const owner = new Map<string, string>();
  for (const m of view.models) owner.set(m.name, `model ${m.name}`);
  for (const op of view.operations) {
    owner.set(op.names.fn, `operation function ${op.names.fn}`);
    owner.set(op.names.params, `params type ${op.names.params}`);
  }
  // a name already taken gets a `_` (an operation `getJobsIdKey` beside an operation `getJobsId`)
  const claim = (name: string, what: string) => {
    let free = name;
    while (owner.has(free)) free += '_';
    owner.set(free, what);
    return free;
  };
  const operations = new Map<OperationView, OperationExports>();
  for (const [op, role] of roles) {
    const fn = op.names.fn;
    const e: OperationExports = {};
    if (role.query) {
      e.key = claim(`${fn}Key`, `the query key of ${fn}`);
      e.options = claim(`${fn}Options`, `the query options of ${fn}`);
    }
    if (role.infinite) {
      e.infiniteKey = claim(`${fn}InfiniteKey`, `the infinite query key of ${fn}`);
      e.infiniteOptions = claim(`${fn}InfiniteOptions`, `the infinite query options of ${fn}`);
      e.pagination = claim(`${fn}Pagination`, `the pagination spec of ${fn}`);
    }
    if (role.mutation) e.mutation = claim(`${fn}Mutation`, `the mutation options of ${fn}`);
    operations.set(op, e);
  }
  const free = (...candidates: string[]) => candidates.find((c) => !owner.has(c)) ?? candidates.at(-1)!;
  const groups = new Map<string, string>();
  for (const g of view.groups) {
    if (!g.operations.some((op) => roles.has(op))) continue; // no query file (event streams only)
    const base = camelCase(g.file);
    groups.set(g.file, claim(free(identifier(`${base}Key`), identifier(`${base}GroupKey`)), `the key of group ${g.title}`));
  }
  const root = claim(free('rootKey', 'apiRootKey'), 'the root key');
  return { root, groups, operations };
}
