/**
 * Enums: a single-value `enum` is a literal type (`object: "organization.user"`, the
 * `x-stainless-const` pattern); closed enums stay literal unions (see src/view/printer.ts).
 */
import type { Schema } from '../ir/types.js';

export function enumLiterals(s: Schema): Schema {
  if (s.kind !== 'enum' || s.open || s.values.length !== 1) return s;
  const { values, open: _open, ...rest } = s;
  return { ...rest, kind: 'literal', value: values[0] };
}
