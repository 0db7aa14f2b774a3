/**
 * Nullability: `anyOf`/`oneOf` with a `{type: "null"}` member (3.1), `type: [X, "null"]`
 * (handled by the parser) and 3.0 `nullable: true` all end as a nullable X (`X | null`),
 * never as a wrapper union: `anyOf: [{$ref: User}, {type: null}]` → ref User, nullable.
 */
import type { Schema } from '../ir/types.js';

export function nullable(s: Schema): Schema {
  if (s.kind !== 'union') return s;
  const rest = s.members.filter((m) => m.kind !== 'null');
  const nulls = s.members.length - rest.length;
  // A member that is itself nullable makes the union nullable too.
  const memberNullable = rest.some((m) => m.nullable);
  if (nulls === 0 && !memberNullable) return s;
  if (rest.length === 0) return { ...s, kind: 'null', nullable: undefined } as Schema;
  const members = rest.map((m) => (m.nullable ? { ...m, nullable: undefined } : m));
  if (members.length === 1) {
    // Collapse: the union's own documentation wins over the member's.
    const only = members[0];
    return { ...only, ...meta(s), nullable: true } as Schema;
  }
  return { ...s, members, nullable: true };
}

/** The documentation fields of a node that are set (so a spread never erases the target's with undefined). */
export function meta(s: Schema): Partial<Schema> {
  const out: Record<string, unknown> = { pointer: s.pointer };
  for (const key of ['title', 'description', 'deprecated', 'readOnly', 'writeOnly', 'default', 'example'] as const) {
    if (s[key] !== undefined) out[key] = s[key];
  }
  return out as Partial<Schema>;
}
