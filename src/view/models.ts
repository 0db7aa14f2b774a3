/**
 * Named schemas → their facts for the package's model declarations and the docs: an
 * `interface` for objects with properties (its members), a type alias for everything else
 * (its type, and a union's or enum's members one by one), and an enum's values as literals
 * (the `export const UserSort = [...] as const` list).
 */
import type { NamedSchema, Schema } from '../ir/types.js';
import { literalValue } from '../escape/index.js';
import { printMemberList, printMembers, printTypeText, schemaDocLines, typeText, type MemberView, type TypeContext } from './printer.js';

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
  /** alias: its type expression (block layout) */
  type?: string;
  /** alias of a union or enum with more than one member: its members (and `null`), each a type expression, for one-per-line layout (printed on first read) */
  readonly unionMembers?: string[];
  /** enum: its values as literals, for the `as const` list */
  values?: string[];
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
    view.type = printTypeText(s, ctx, 'block');
    if ((s.kind === 'union' || s.kind === 'enum') && (s.kind === 'union' ? s.members.length : s.values.length + (s.open ? 1 : 0)) + (s.nullable ? 1 : 0) > 1) {
      // printed on first read: only long unions are laid out one member per line
      let members: string[] | undefined;
      Object.defineProperty(view, 'unionMembers', { enumerable: true, get: () => (members ??= printMembers(s, ctx, 'block', '  ')!.map(typeText)) });
    }
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
