/**
 * Discriminated unions: `oneOf`/`anyOf` + `discriminator`. The mapping is completed for
 * members without an explicit entry:
 *
 * - a member that declares its own tag (`role: {const: developer}`, an enum of one or more
 *   values, nullable or not, or — for a member that is itself a union — every value its own
 *   members declare) is tagged with those values and keeps its type as it is: what real specs
 *   mean, and what the wire carries (OpenAI's `InputItem` lists `Item`, a union of items each
 *   with its literal `type`);
 * - only a member without one gets the implicit mapping of OpenAPI 3.x §4.8.25: a member
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
        const own = ownTags(named.get(m.target), property, named, new Set([m.target]));
        for (const value of own.length > 0 ? own : [lastSegment(m.target)]) mapping.push({ value, target: m.target });
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

/**
 * The string values a schema declares for `property`, through refs, allOf and nested unions
 * (a union declares a tag when every member does); [] when it declares none (the property is
 * missing, a plain `string`, an open enum, or some member of a union lacks it).
 */
export function ownTags(s: Schema | undefined, property: string, named: ReadonlyMap<SchemaId, Schema>, seen: Set<SchemaId> = new Set()): string[] {
  if (!s) return [];
  switch (s.kind) {
    case 'ref':
      if (seen.has(s.target)) return [];
      seen.add(s.target);
      return ownTags(named.get(s.target), property, named, seen);
    case 'object': {
      const p = s.properties.find((x) => x.name === property)?.schema;
      return p ? tagValues(p, named) : [];
    }
    case 'intersection':
      for (const m of s.members) {
        const tags = ownTags(m, property, named, new Set(seen));
        if (tags.length > 0) return tags;
      }
      return [];
    case 'union': {
      const out: string[] = [];
      for (const m of s.members) {
        const tags = ownTags(m, property, named, new Set(seen));
        if (tags.length === 0) return [];
        for (const t of tags) if (!out.includes(t)) out.push(t);
      }
      return out;
    }
    default:
      return [];
  }
}

/**
 * The string values a tag property's schema admits: a literal, a closed enum, or a union of
 * those and `null` (the pass may see a member before normalization: `anyOf: [{enum: [x]},
 * {type: 'null'}]`); through one ref. [] otherwise (a plain or open string).
 */
function tagValues(p: Schema, named: ReadonlyMap<SchemaId, Schema>): string[] {
  const s = p.kind === 'ref' ? named.get(p.target) : p;
  if (s?.kind === 'literal') return typeof s.value === 'string' ? [s.value] : [];
  if (s?.kind === 'enum' && !s.open && s.values.length > 0) return s.values.filter((v): v is string => typeof v === 'string');
  if (s?.kind === 'union') {
    const members = s.members.filter((m) => m.kind !== 'null');
    const out: string[] = [];
    for (const m of members) {
      const tags = m.kind === 'ref' ? [] : tagValues(m, named);
      if (tags.length === 0) return [];
      out.push(...tags.filter((t) => !out.includes(t)));
    }
    return out;
  }
  return [];
}
