/**
 * Alias cycles: a named schema that is, through references, unions and intersections
 * alone, its own member (`A: {$ref: A}`, `A: anyOf [{$ref: A}, {type: string}]`,
 * `A: allOf [B]; B: anyOf [A, …]`). JSON Schema reads such a member as adding nothing
 * (the least fixed point), and TypeScript rejects the alias ("circularly references
 * itself"). The member that closes the cycle is dropped (an alias with nothing left
 * becomes `unknown`) and reported as W_REF_CYCLE. Recursion through properties and array
 * items is fine and left alone.
 *
 * Deterministic: schemas are visited in id order, members in spec order.
 */
import type { Diagnostics } from '../diagnostics.js';
import type { NamedSchema, Schema, SchemaId } from '../ir/types.js';

export function breakAliasCycles(schemas: NamedSchema[], diagnostics: Diagnostics): NamedSchema[] {
  const byId = new Map(schemas.map((n) => [n.id, n.schema]));
  const state = new Map<SchemaId, 'visiting' | 'done'>();
  /** per schema: targets of its direct refs that close a cycle */
  const cut = new Map<SchemaId, Set<SchemaId>>();

  const visit = (id: SchemaId) => {
    state.set(id, 'visiting');
    const schema = byId.get(id);
    if (schema) {
      for (const target of directRefs(schema)) {
        const s = state.get(target);
        if (s === 'visiting') {
          let set = cut.get(id);
          if (!set) cut.set(id, (set = new Set()));
          set.add(target);
        } else if (s === undefined && byId.has(target)) visit(target);
      }
    }
    state.set(id, 'done');
  };
  for (const n of schemas) if (!state.has(n.id)) visit(n.id);
  if (cut.size === 0) return schemas;

  return schemas.map((n) => {
    const targets = cut.get(n.id);
    if (!targets) return n;
    diagnostics.warn(
      'W_REF_CYCLE',
      `schema is defined in terms of itself through ${[...targets].map((t) => `'${t}'`).join(', ')} without an object or array in between; that member adds nothing and is dropped`,
      n.id,
    );
    return { ...n, schema: dropDirect(n.schema, targets) };
  });
}

/** Refs reachable without entering an object property or array items. */
function directRefs(s: Schema): SchemaId[] {
  if (s.kind === 'ref') return [s.target];
  if (s.kind === 'union' || s.kind === 'intersection') return s.members.flatMap(directRefs);
  return [];
}

function dropDirect(s: Schema, targets: Set<SchemaId>): Schema {
  if (s.kind === 'ref') return targets.has(s.target) ? ({ kind: 'unknown', pointer: s.pointer, ...(s.description ? { description: s.description } : {}) } as Schema) : s;
  if (s.kind !== 'union' && s.kind !== 'intersection') return s;
  const members = s.members.filter((m) => !(m.kind === 'ref' && targets.has(m.target))).map((m) => dropDirect(m, targets));
  if (members.length === 0) return { kind: 'unknown', pointer: s.pointer } as Schema;
  if (members.length === 1) return { ...members[0], ...(s.nullable ? { nullable: true } : {}), ...(s.description ? { description: s.description } : {}) } as Schema;
  return { ...s, members };
}
