/**
 * Named schemas → their facts for the package's model declarations and the docs: an
 * `interface` for objects with properties (its members), a type alias for everything else
 * (its type), and an enum's values as literals
 * (the `export const UserSort = [...] as const` list).
 */
import type { NamedSchema, Schema } from '../ir/types.js';
import { literalValue } from '../escape/index.js';
import { printMemberList, printTypeText, schemaDocLines, type MemberView, type TypeContext } from './printer.js';

export type { MemberView };

export interface ModelView {
  name: string;
  named: NamedSchema;
  /** the model's escaped JSDoc lines (unwrapped) */
  doc: string[];
  /** `interface` for an object with properties, else a type `alias` */
  kind: 'interface' | 'alias';
  /** interface: its members, in the spec's order */
  members?: MemberView[];
  /** interface: its index signature's type, when it has one */
  index?: string;
  /** alias: its type expression (block layout; a union too long for `export type Name = …` starts with a line break, one member per line) */
  type?: string;
  /** enum: its values as literals, for the `as const` list */
  values?: string[];
  /** a schema split by readOnly / writeOnly (src/view/read-write.ts): its type on the other side */
  counterpart?: { readonly side: 'request' | 'response'; readonly name: string };
}

export function modelView(named: NamedSchema, ctx: TypeContext): ModelView {
  const name = ctx.names.get(named.id)!;
  const s = named.schema;
  const view: ModelView = { name, named, doc: schemaDocLines(s), kind: 'alias' };
  if (s.kind === 'object' && !s.nullable && s.properties.length > 0) {
    view.kind = 'interface';
    const list = printMemberList(s.properties, s.additional, ctx, '  ');
    view.members = list.members;
    if (list.index !== undefined) view.index = list.index;
  } else {
    // `export type Name = ` before it: a union too long for the line is one member per line
    view.type = printTypeText(s, ctx, 'block', '', 15 + name.length);
  }
  const values = enumValues(s);
  if (values) view.values = values.map(literalValue);
  return view;
}

/** The closed list of values of an enum-like schema, if it has one. */
function enumValues(s: Schema): (string | number | boolean)[] | undefined {
  if (s.kind !== 'enum') return undefined;
  const vs = s.values.filter((v): v is string | number | boolean => v !== null);
  return vs.length > 0 ? vs : undefined;
}
