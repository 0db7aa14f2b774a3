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

export function computeUsage(ir: ApiIR): Usage {
  const graph = new Map<SchemaId, SchemaId[]>();
  for (const n of ir.schemas) graph.set(n.id, [...directRefs(n.schema)]);
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

function roots(op: Operation, dir: 'read' | 'write'): Set<SchemaId> {
  const out = new Set<SchemaId>();
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
