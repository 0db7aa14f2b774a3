/**
 * The config's include filter: keep the operations that match any of the path prefixes,
 * tags or operationIds given, and only the named schemas they reach (transitively).
 * With no filter every operation, schema and webhook is kept; with one, no webhook is.
 */
import type { ApiIR, Schema, SchemaId } from '../ir/types.js';
import { children } from '../ir/walk.js';

export interface IncludeFilter {
  paths?: string[];
  tags?: string[];
  operations?: string[];
}

export function applyInclude(ir: ApiIR, filter: IncludeFilter | undefined): ApiIR {
  if (!filter || (!filter.paths?.length && !filter.tags?.length && !filter.operations?.length)) return ir;
  const operations = ir.operations.filter(
    (op) =>
      filter.paths?.some((p) => op.path.startsWith(p)) ||
      filter.tags?.some((t) => op.tags.includes(t)) ||
      filter.operations?.some((id) => id === op.operationId || id === op.key),
  );
  const byId = new Map(ir.schemas.map((n) => [n.id, n]));
  const reached = new Set<SchemaId>();
  const stack: Schema[] = [];
  for (const op of operations) {
    for (const p of op.parameters) stack.push(p.schema);
    for (const c of op.requestBody?.contents ?? []) stack.push(c.schema);
    for (const r of op.responses) {
      for (const c of r.contents) stack.push(c.schema);
      for (const h of r.headers) stack.push(h.schema);
    }
  }
  while (stack.length > 0) {
    const s = stack.pop()!;
    if (s.kind === 'ref') {
      if (reached.has(s.target)) continue;
      reached.add(s.target);
      const target = byId.get(s.target);
      if (target) stack.push(target.schema);
    } else if (s.kind === 'union' && s.discriminator) {
      for (const m of s.discriminator.mapping) stack.push({ kind: 'ref', target: m.target, pointer: s.pointer });
      stack.push(...children(s));
    } else stack.push(...children(s));
  }
  const tagsUsed = new Set(operations.flatMap((op) => op.tags));
  // a filtered client has no webhooks (they are not operations the filter could select)
  const { webhooks: _, ...rest } = ir;
  return {
    ...rest,
    operations,
    schemas: ir.schemas.filter((n) => reached.has(n.id)),
    tags: ir.tags.filter((t) => tagsUsed.has(t.name)),
  };
}
