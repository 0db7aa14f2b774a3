/**
 * The plugin's options (`{ "name": "tanstack-query", "options": { … } }` in oagen.config.json)
 * and what they decide: which operations are queries (GET and HEAD, and those `queries` names),
 * which are mutations (the others), which get infinite queries (every paginated one).
 */
import { EXIT_USAGE, OagenError } from '../../diagnostics.js';
import type { ApiView, OperationView } from '../../view/index.js';

export interface TanstackQueryOptions {
  /** operations (function names or `METHOD /path`) to expose as queries besides GET and HEAD, e.g. a POST search */
  queries?: readonly string[];
}

/** What the plugin writes for one operation. */
export interface OperationRole {
  /** `<fn>Key` and `<fn>Options` */
  query: boolean;
  /** `<fn>InfiniteKey` and `<fn>InfiniteOptions` */
  infinite: boolean;
  /** `<fn>Mutation` */
  mutation: boolean;
}

const READ_METHODS = new Set(['GET', 'HEAD']);

/**
 * The role of every operation, in the view's order. Event-stream operations get none: a query
 * holds data, not an open stream. A `queries` entry naming no operation is an error.
 */
export function operationRoles(view: ApiView, raw: unknown): Map<OperationView, OperationRole> {
  const queries = queryNames(raw);
  const used = new Set<string>();
  const roles = new Map<OperationView, OperationRole>();
  for (const op of view.operations) {
    const named = [op.names.fn, op.op.key].filter((n) => queries.has(n));
    for (const n of named) used.add(n);
    if (op.success.kind === 'sse') continue;
    const query = READ_METHODS.has(op.op.method) || named.length > 0;
    roles.set(op, { query, infinite: !!op.pagination, mutation: !query });
  }
  const unused = [...queries].filter((n) => !used.has(n));
  if (unused.length > 0) {
    throw optionsError(`queries: ${unused.map((n) => JSON.stringify(n)).join(', ')} names no operation of ${view.packageName} (a function name or "METHOD /path")`);
  }
  return roles;
}

function queryNames(raw: unknown): Set<string> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw optionsError('options must be an object');
  for (const k of Object.keys(raw)) if (k !== 'queries') throw optionsError(`"${k}" is not an option (queries)`);
  const q = (raw as TanstackQueryOptions).queries;
  if (q === undefined) return new Set();
  if (!Array.isArray(q) || q.some((x) => typeof x !== 'string' || x === '')) throw optionsError('queries must be a list of operation names (function names or "METHOD /path")');
  return new Set(q);
}

function optionsError(message: string): OagenError {
  return new OagenError({ code: 'E_CONFIG', severity: 'error', message: `plugin "tanstack-query": ${message}` }, EXIT_USAGE);
}
