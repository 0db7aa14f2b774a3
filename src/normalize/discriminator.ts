/**
 * Discriminated unions: `oneOf`/`anyOf` + `discriminator`. The mapping is completed with
 * the implicit one (OpenAPI 3.x §4.8.25: a member `$ref: '#/components/schemas/Cat'`
 * without an explicit entry is tagged `"Cat"`), and members named only in the mapping
 * are added to the union.
 */
import type { Schema } from '../ir/types.js';
import { lastSegment } from '../parse/context.js';

export function discriminatedUnions(s: Schema): Schema {
  if (s.kind !== 'union' || !s.discriminator) return s;
  const mapping = [...s.discriminator.mapping];
  const mapped = new Set(mapping.map((m) => m.target));
  let changed = false;
  for (const m of s.members) {
    if (m.kind === 'ref' && !mapped.has(m.target)) {
      mapping.push({ value: lastSegment(m.target), target: m.target });
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
}
