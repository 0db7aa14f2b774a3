/**
 * Named schemas → model declarations: `interface` for objects, `type` for everything
 * else, plus an `as const` list of values for enums (`export const UserSort = [...] as const`).
 */
import type { NamedSchema, Schema } from '../../ir/types.js';
import { literalValue } from '../../escape/index.js';
import { docBlock, objectMembers, schemaDocLines, topLevelParts, typeExpr, type TypeContext } from './type-expr.js';

export interface ModelView {
  name: string;
  named: NamedSchema;
  /** the declaration(s), with JSDoc */
  code: string;
}

export function modelView(named: NamedSchema, ctx: TypeContext): ModelView {
  const name = ctx.names.get(named.id)!;
  const s = named.schema;
  // Pieces joined once: one flat string, cheaper to keep until the file is written than a
  // tree of concatenations (see renderOperation).
  const code = [docBlock(schemaDocLines(s), '')];
  if (s.kind === 'object' && !s.nullable && s.properties.length > 0) {
    code.push(`export interface ${name} {\n`, objectMembers(s.properties, s.additional, ctx, '  '), '}\n');
  } else {
    const expr = typeExpr(s, ctx);
    const parts = expr.length + name.length > 90 ? topLevelParts(s, ctx) : undefined;
    code.push(parts && parts.length > 1 ? `export type ${name} =\n${parts.map((p) => `  | ${p}`).join('\n')};\n` : `export type ${name} = ${expr};\n`);
  }
  const values = enumValues(s);
  if (values) {
    code.push(`\n/** Every value of {@link ${name}}. */\nexport const ${name} = [${values.map(literalValue).join(', ')}] as const;\n`);
  }
  return { name, named, code: code.join('') };
}

/** The closed list of values of an enum-like schema, if it has one. */
function enumValues(s: Schema): (string | number | boolean)[] | undefined {
  if (s.kind !== 'enum') return undefined;
  const vs = s.values.filter((v): v is string | number | boolean => v !== null);
  return vs.length > 0 ? vs : undefined;
}
