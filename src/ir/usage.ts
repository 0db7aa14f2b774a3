/**
 * Which operations use each named schema, and in which direction: `write` when reached
 * from a parameter or a request body, `read` when reached from a response body or header.
 * Followed transitively through `$ref`s (and discriminator mappings), cycles included.
 */
import type { ApiIR, Operation, OperationKey, Schema, SchemaId } from './types.js';
import { children } from './walk.js';

export interface SchemaUsage {
  read: Set<OperationKey>;
  write: Set<OperationKey>;
}

export type Usage = Map<SchemaId, SchemaUsage>;

/** The named schemas a schema refers to directly (not through other named schemas). */
export function directRefs(s: Schema, into: Set<SchemaId> = new Set()): Set<SchemaId> {
  const walk = (n: Schema): void => {
    if (n.kind === 'ref') {
      into.add(n.target);
      return;
    }
    if (n.kind === 'union' && n.discriminator) for (const m of n.discriminator.mapping) into.add(m.target);
    for (const c of children(n)) walk(c);
  };
  walk(s);
  return into;
}

/** Each named schema → the named schemas it refers to directly. */
export function refGraph(ir: ApiIR): Map<SchemaId, SchemaId[]> {
  const graph = new Map<SchemaId, SchemaId[]>();
  for (const n of ir.schemas) graph.set(n.id, [...directRefs(n.schema)]);
  return graph;
}

/**
 * The named schemas some operation reaches on each side, whichever operation it is (what
 * `computeUsage` says without the operations: one walk per side instead of one per operation).
 */
export function reachedSides(ir: ApiIR, graph = refGraph(ir)): { read: Set<SchemaId>; write: Set<SchemaId> } {
  const reach = (dir: 'read' | 'write'): Set<SchemaId> => {
    const from = new Set<SchemaId>();
    for (const op of ir.operations) roots(op, dir, from);
    return closure(from, graph);
  };
  return { read: reach('read'), write: reach('write') };
}

/** `ids` and every named schema they reach through `graph`. */
export function closure(ids: Iterable<SchemaId>, graph: ReadonlyMap<SchemaId, readonly SchemaId[]>): Set<SchemaId> {
  const seen = new Set<SchemaId>();
  const stack = [...ids];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const next of graph.get(id) ?? []) if (!seen.has(next)) stack.push(next);
  }
  return seen;
}

export function computeUsage(ir: ApiIR): Usage {
  const graph = refGraph(ir);
  const usage: Usage = new Map();
  const entry = (id: SchemaId): SchemaUsage => {
    let u = usage.get(id);
    if (!u) usage.set(id, (u = { read: new Set(), write: new Set() }));
    return u;
  };
  for (const op of ir.operations) {
    for (const dir of ['write', 'read'] as const) {
      const seen = new Set<SchemaId>();
      const stack = [...roots(op, dir)];
      while (stack.length > 0) {
        const id = stack.pop()!;
        if (seen.has(id)) continue;
        seen.add(id);
        entry(id)[dir].add(op.key);
        for (const next of graph.get(id) ?? []) if (!seen.has(next)) stack.push(next);
      }
    }
  }
  return usage;
}

function roots(op: Operation, dir: 'read' | 'write', out = new Set<SchemaId>()): Set<SchemaId> {
  if (dir === 'write') {
    for (const p of op.parameters) directRefs(p.schema, out);
    for (const c of op.requestBody?.contents ?? []) directRefs(c.schema, out);
  } else {
    for (const r of op.responses) {
      for (const c of r.contents) directRefs(c.schema, out);
      for (const h of r.headers) directRefs(h.schema, out);
    }
  }
  return out;
}
