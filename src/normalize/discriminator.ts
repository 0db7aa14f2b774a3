/**
 * Discriminated unions: `oneOf`/`anyOf` + `discriminator`. The mapping is completed for
 * members without an explicit entry:
 *
 * - a member that declares its own tag as a single value (`role: {enum: [developer]}` or
 *   `const`) is tagged with that value — what real specs mean, and what the wire carries;
 * - otherwise the implicit mapping of OpenAPI 3.x §4.8.25: a member
 *   `$ref: '#/components/schemas/Cat'` is tagged `"Cat"`.
 *
 * Members named only in the mapping are added to the union.
 */
import type { Schema, SchemaId } from '../ir/types.js';
import { lastSegment } from '../parse/context.js';

export function discriminatedUnions(named: ReadonlyMap<SchemaId, Schema>): (s: Schema) => Schema {
  return (s) => {
    if (s.kind !== 'union' || !s.discriminator) return s;
    const { property } = s.discriminator;
    const mapping = [...s.discriminator.mapping];
    const mapped = new Set(mapping.map((m) => m.target));
    let changed = false;
    for (const m of s.members) {
      if (m.kind === 'ref' && !mapped.has(m.target)) {
        const own = ownTag(named.get(m.target), property, named, new Set([m.target]));
        mapping.push({ value: own ?? lastSegment(m.target), target: m.target });
        mapped.add(m.target);
        changed = true;
      }
    }
    const members = [...s.members];
    const present = new Set(members.flatMap((m) => (m.kind === 'ref' ? [m.target] : [])));
    for (const entry of mapping) {
      if (!present.has(entry.target)) {
        members.push({ kind: 'ref', target: entry.target, pointer: s.pointer });
        present.add(entry.target);
        changed = true;
      }
    }
    if (!changed) return s;
    mapping.sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
    return { ...s, members, discriminator: { ...s.discriminator, mapping } };
  };
}

/** The single string value a schema declares for `property`, through refs and allOf. */
function ownTag(s: Schema | undefined, property: string, named: ReadonlyMap<SchemaId, Schema>, seen: Set<SchemaId>): string | undefined {
  if (!s) return undefined;
  switch (s.kind) {
    case 'ref':
      if (seen.has(s.target)) return undefined;
      seen.add(s.target);
      return ownTag(named.get(s.target), property, named, seen);
    case 'object': {
      const p = s.properties.find((x) => x.name === property)?.schema;
      if (p?.kind === 'literal' && typeof p.value === 'string') return p.value;
      if (p?.kind === 'enum' && !p.open && p.values.length === 1 && typeof p.values[0] === 'string') return p.values[0];
      return undefined;
    }
    case 'intersection':
      for (const m of s.members) {
        const tag = ownTag(m, property, named, seen);
        if (tag !== undefined) return tag;
      }
      return undefined;
    default:
      return undefined;
  }
}
