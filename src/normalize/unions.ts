/**
 * Unions: nested unions of the same keyword flatten (`A | (B | C)` → `A | B | C`),
 * structurally identical members are kept once, and a union of one member is that member.
 * Discriminated unions are left alone: their members are the mapping.
 */
import type { Schema } from '../ir/types.js';
import { structuralKey } from '../ir/walk.js';
import { meta } from './nullable.js';

export function flattenUnions(s: Schema): Schema {
  if (s.kind !== 'union' || s.discriminator) return s;
  const members: Schema[] = [];
  const seen = new Set<string>();
  let changed = false;
  let nullable = s.nullable;
  const add = (m: Schema) => {
    const key = quickKey(m);
    if (seen.has(key)) {
      changed = true;
      return;
    }
    seen.add(key);
    members.push(m);
  };
  for (const m of s.members) {
    if (m.kind === 'union' && !m.discriminator && m.keyword === s.keyword && !hasDocs(m)) {
      changed = true;
      if (m.nullable) nullable = true;
      m.members.forEach(add);
    } else add(m);
  }
  if (members.length === 1) return { ...members[0], ...meta(s), ...(nullable || members[0].nullable ? { nullable: true } : {}) } as Schema;
  return changed ? { ...s, members, ...(nullable ? { nullable: true } : {}) } : s;
}

function hasDocs(s: Schema): boolean {
  return s.description !== undefined || s.title !== undefined;
}

/** Refs and plain primitives compare by a short key; other members structurally. */
function quickKey(m: Schema): string {
  if (m.kind === 'ref') return `ref ${m.target}${m.nullable ? '?' : ''}`;
  if ((m.kind === 'string' || m.kind === 'boolean' || m.kind === 'null' || m.kind === 'unknown') && !m.constraints && !m.format && m.default === undefined && !m.readOnly && !m.writeOnly) {
    return `${m.kind}${m.nullable ? '?' : ''}`;
  }
  return structuralKey(m);
}
