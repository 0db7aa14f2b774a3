/**
 * Open enums: `anyOf: [{type: string}, {type: string, enum: [...]}]` means "one of these
 * known values, or any other string" → `"a" | "b" | (string & {})`, which keeps editor
 * completion for the known values. The same for a `literal` member.
 */
import type { LiteralValue, Schema } from '../ir/types.js';
import { meta } from './nullable.js';

export function openEnum(s: Schema): Schema {
  if (s.kind !== 'union' || s.discriminator) return s;
  const strings = s.members.filter((m) => m.kind === 'string');
  const enums = s.members.filter((m) => (m.kind === 'enum' && m.values.every((v) => typeof v === 'string')) || (m.kind === 'literal' && typeof m.value === 'string'));
  if (strings.length !== 1 || enums.length === 0 || strings.length + enums.length !== s.members.length) return s;
  const values: LiteralValue[] = [];
  for (const e of enums) {
    const vs = e.kind === 'enum' ? e.values : e.kind === 'literal' ? [e.value] : [];
    for (const v of vs) if (!values.includes(v)) values.push(v);
  }
  return { kind: 'enum', values, open: true, ...meta(s), ...(s.nullable ? { nullable: true } : {}) } as Schema;
}
