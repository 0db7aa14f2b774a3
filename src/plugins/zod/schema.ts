/**
 * The Zod printer: IR schema → a Zod schema expression, one handler per IR node kind
 * (`HANDLERS`), as src/view/printer.ts is for TypeScript types. The expression's inferred type
 * is the printer's type for the same node (test/plugins/zod/ checks both ways on real specs):
 *
 * - `nullable` → `.nullable()`; optional properties → `.optional()`; a property's `default`
 *   (when its value fits the schema) → `.default(v)` before `.optional()`;
 * - closed enums → `z.enum([...])` (strings) or `z.literal([...])`; open ones also take any string;
 * - a discriminated union whose members are all plain object models → `z.discriminatedUnion`
 *   (a member the printer tags with `& { tag: … }` is extended with that literal); any other
 *   union → `z.union`;
 * - `allOf` left unmerged → `z.intersection`;
 * - objects → `z.object`; `additionalProperties` → `.catchall(T)` (`z.looseObject` for any
 *   value), or `z.record(z.string(), T)` without declared properties;
 * - arrays → `z.array`; `prefixItems` → `z.tuple([...], rest)`;
 * - a reference to a model declared later or in the same cycle → a getter (in an object
 *   property) or `z.lazy` (elsewhere): see order.ts;
 * - constraints → checks; formats and patterns: formats.ts.
 */
import type { LiteralValue, Property, Schema, SchemaId, SchemaOf } from '../../ir/types.js';
import { literalExpression, objectLiteralKey, stringLiteral } from '../../escape/index.js';
import { hasLiteralTag } from '../../view/printer.js';
import { check, type Check, type Dialect } from './dialect.js';
import { isDateFormat, patternRegex, stringFormat } from './formats.js';

/** Module-level helpers a schema may use, declared once at the top of the file. */
export type Helper = 'unique' | 'upload';

export interface ZodContext {
  readonly dialect: Dialect;
  /** the named schemas */
  readonly schemas: ReadonlyMap<SchemaId, Schema>;
  /** id → the `const` of its schema (`UserSchema`) */
  readonly constNames: ReadonlyMap<SchemaId, string>;
  /** id → its component when recursive (order.ts) */
  readonly cycles: ReadonlyMap<SchemaId, ReadonlySet<SchemaId>>;
  /** the ids whose `const` is declared above the current one */
  readonly declared: ReadonlySet<SchemaId>;
  /** `dates: "Date"`: `date-time` and `date` strings become `Date`s */
  readonly dates: boolean;
  /** collects the helpers the expressions use */
  readonly helpers: Set<Helper>;
}

/** One expression being written: does it refer to a model not declared yet (it then needs a getter)? */
interface State {
  readonly ctx: ZodContext;
  /** inside an object property (a forward reference makes the property a getter) */
  inProperty: boolean;
  forward: boolean;
}

/** The Zod expression of `s` (with its nullability), objects laid out from `indent`. */
export function zodExpr(s: Schema, ctx: ZodContext, indent = ''): string {
  return expr(s, { ctx, inProperty: false, forward: false }, indent);
}

function expr(s: Schema, st: State, indent: string): string {
  const core = (HANDLERS[s.kind] as Handler<Schema['kind']>)(s, st, indent);
  return s.nullable && s.kind !== 'null' && s.kind !== 'unknown' ? st.ctx.dialect.nullable(core) : core;
}

type Handler<K extends Schema['kind']> = (s: SchemaOf<K>, st: State, indent: string) => string;

const HANDLERS: { [K in Schema['kind']]: Handler<K> } = {
  ref: (s, st) => ref(s.target, st),
  string: (s, st) => stringSchema(s, st),
  number: (s, st) => st.ctx.dialect.checks(s.integer ? (s.format === 'int32' ? 'z.int32()' : 'z.int()') : 'z.number()', numberChecks(s)),
  boolean: () => 'z.boolean()',
  null: () => 'z.null()',
  unknown: () => 'z.unknown()',
  never: () => 'z.never()',
  binary: (_s, st) => {
    st.ctx.helpers.add('upload');
    return 'upload';
  },
  literal: (s) => literal(s.value),
  enum: (s, st, indent) => {
    const values = [...new Set(s.values)];
    const nonNull = values.filter((v): v is string | number | boolean => v !== null);
    let out = nonNull.length === 0 ? 'z.null()' : nonNull.every((v) => typeof v === 'string') ? `z.enum(${list(nonNull.map(literalExpression), indent)})` : literal(nonNull, indent);
    if (nonNull.length > 0 && values.includes(null)) out = st.ctx.dialect.nullable(out);
    return s.open ? `z.union([${out}, z.string()])` : out;
  },
  array: (s, st, indent) => {
    const d = st.ctx.dialect;
    if (s.prefixItems) {
      const items = s.prefixItems.map((m) => expr(m, st, indent));
      return `z.tuple(${list(items, indent)}${s.items.kind === 'never' ? '' : `, ${expr(s.items, st, indent)}`})`;
    }
    const c = s.constraints;
    const checks: Check[] = [];
    if (c?.minItems !== undefined) checks.push(check('min', 'minLength', String(c.minItems)));
    if (c?.maxItems !== undefined) checks.push(check('max', 'maxLength', String(c.maxItems)));
    if (c?.uniqueItems) {
      st.ctx.helpers.add('unique');
      checks.push(check('refine', 'refine', 'unique, "items must be unique"'));
    }
    return d.checks(`z.array(${expr(s.items, st, indent)})`, checks);
  },
  object: (s, st, indent) => st.ctx.dialect.checks(object(s.properties, s.additional, st, indent), objectChecks(s)),
  union: (s, st, indent) => union(s, st, indent),
  intersection: (s, st, indent) => s.members.map((m) => expr(m, st, indent)).reduce((a, b) => `z.intersection(${a}, ${b})`),
};

function ref(target: SchemaId, st: State): string {
  const name = st.ctx.constNames.get(target);
  if (name === undefined) return 'z.unknown()';
  if (st.ctx.declared.has(target)) return name;
  // declared below, or this very schema: read when first used
  if (st.inProperty) {
    st.forward = true;
    return name;
  }
  return `z.lazy(() => ${name})`;
}

function literal(value: LiteralValue | readonly LiteralValue[], indent = ''): string {
  if (value === null) return 'z.null()';
  if (Array.isArray(value)) return value.length === 1 ? `z.literal(${literalExpression(value[0])})` : `z.literal(${list(value.map(literalExpression), indent)})`;
  return `z.literal(${literalExpression(value)})`;
}

function stringSchema(s: SchemaOf<'string'>, st: State): string {
  const d = st.ctx.dialect;
  const c = s.constraints;
  const checks: Check[] = [];
  if (c?.minLength !== undefined) checks.push(check('min', 'minLength', String(c.minLength)));
  if (c?.maxLength !== undefined) checks.push(check('max', 'maxLength', String(c.maxLength)));
  if (c?.pattern !== undefined) {
    const re = patternRegex(c.pattern);
    if (re) checks.push(check('regex', 'regex', re));
  }
  const out = d.checks(stringFormat(s.format), checks);
  return st.ctx.dates && isDateFormat(s.format) ? d.transform(out, '(s) => new Date(s)') : out;
}

function numberChecks(s: SchemaOf<'number'>): Check[] {
  const c = s.constraints;
  if (!c) return [];
  const out: Check[] = [];
  const bound = (n: number | boolean | undefined, exclusive: number | boolean | undefined, gt: string, gte: string) => {
    if (typeof exclusive === 'number') out.push(check(gt, gt, String(exclusive)));
    if (typeof n === 'number') out.push(exclusive === true ? check(gt, gt, String(n)) : check(gte, gte, String(n)));
  };
  bound(c.minimum, c.exclusiveMinimum, 'gt', 'gte');
  bound(c.maximum, c.exclusiveMaximum, 'lt', 'lte');
  if (c.multipleOf !== undefined && c.multipleOf > 0) out.push(check('multipleOf', 'multipleOf', String(c.multipleOf)));
  return out;
}

function objectChecks(s: SchemaOf<'object'>): Check[] {
  const c = s.constraints;
  const out: Check[] = [];
  if (c?.minProperties !== undefined && c.minProperties > 0) out.push(check('refine', 'refine', `(o) => Object.keys(o).length >= ${c.minProperties}, "at least ${c.minProperties} properties"`));
  if (c?.maxProperties !== undefined) out.push(check('refine', 'refine', `(o) => Object.keys(o).length <= ${c.maxProperties}, "at most ${c.maxProperties} properties"`));
  return out;
}

function object(properties: readonly Property[], additional: Schema | undefined, st: State, indent: string): string {
  const d = st.ctx.dialect;
  if (properties.length === 0) return additional ? `z.record(z.string(), ${expr(additional, st, indent)})` : 'z.object({})';
  const inner = indent + '  ';
  const lines: string[] = [];
  const outer = { inProperty: st.inProperty, forward: st.forward };
  for (const p of properties) {
    st.inProperty = true;
    st.forward = false;
    const value = propertyValue(p, st, inner);
    const key = objectLiteralKey(p.name);
    lines.push(st.forward ? `${inner}get ${key}() {\n${inner}  return ${value};\n${inner}},\n` : `${inner}${key}: ${value},\n`);
  }
  st.inProperty = outer.inProperty;
  st.forward = outer.forward;
  const shape = `{\n${lines.join('')}${indent}}`;
  if (!additional) return `z.object(${shape})`;
  if (additional.kind === 'unknown' && !additional.nullable) return `z.looseObject(${shape})`;
  return d.catchall(`z.object(${shape})`, indexValue(properties, additional, st, indent));
}

/**
 * The catch-all schema of an object with declared properties: as the TypeScript index signature
 * (src/view/printer.ts), it admits the declared properties' values too (and `undefined` for an
 * optional one), so the two types stay assignable to each other.
 */
function indexValue(properties: readonly Property[], additional: Schema, st: State, indent: string): string {
  const members = [expr(additional, st, indent)];
  for (const p of properties) {
    for (const m of [expr(p.schema, st, indent), ...(p.required ? [] : ['z.undefined()'])]) if (!members.includes(m)) members.push(m);
  }
  if (members.includes('z.unknown()')) return 'z.unknown()';
  return members.length === 1 ? members[0] : `z.union(${list(members, indent)})`;
}

function propertyValue(p: Property, st: State, indent: string): string {
  const d = st.ctx.dialect;
  let value = expr(p.schema, st, indent);
  if (p.required) return value;
  const def = defaultValue(p.schema, st.ctx);
  if (def !== undefined) value = d.withDefault(value, def);
  return d.optional(value);
}

/** The default as an expression, when it fits the schema's type (else it is left out: a wrong default would not compile). */
function defaultValue(s: Schema, ctx: ZodContext): string | undefined {
  const v = s.default;
  if (v === undefined) return undefined;
  if (v === null) return s.nullable ? 'null' : undefined;
  if (ctx.dates && s.kind === 'string' && isDateFormat(s.format)) return undefined;
  let t = s;
  if (t.kind === 'ref') {
    const target = ctx.schemas.get(t.target);
    if (!target || target.kind === 'ref' || ctx.cycles.has(t.target)) return undefined;
    t = target;
  }
  const fits =
    (t.kind === 'string' && typeof v === 'string' && !(ctx.dates && isDateFormat(t.format))) ||
    (t.kind === 'number' && typeof v === 'number' && (!t.integer || Number.isInteger(v))) ||
    (t.kind === 'boolean' && typeof v === 'boolean') ||
    (t.kind === 'enum' && (t.values.includes(v as LiteralValue) || (t.open === true && typeof v === 'string'))) ||
    (t.kind === 'literal' && t.value === v) ||
    (t.kind === 'array' && Array.isArray(v) && v.length === 0 && !t.prefixItems);
  return fits ? literalExpression(v) : undefined;
}

function union(s: SchemaOf<'union'>, st: State, indent: string): string {
  const d = st.ctx.dialect;
  const disc = s.discriminator;
  if (!disc) return `z.union(${list(s.members.map((m) => expr(m, st, indent + '  ')), indent)})`;
  const ctx = st.ctx;
  const seen = new Set<string>();
  let discriminable = true;
  const members = s.members.map((m) => {
    if (m.kind !== 'ref' || m.nullable) {
      discriminable = false;
      return expr(m, st, indent + '  ');
    }
    const tags = disc.mapping.filter((e) => e.target === m.target).map((e) => e.value);
    const target = ctx.schemas.get(m.target);
    const plain = target?.kind === 'object' && !target.nullable && target.properties.length > 0 && !ctx.cycles.has(m.target) && ctx.declared.has(m.target);
    const name = ref(m.target, st);
    // as the type printer: the member keeps its type when it declares the tag itself
    const keep = tags.length === 0 || hasLiteralTag(target, disc.property, tags, ctx.schemas);
    const values = keep ? (plain && tagSchema(target.properties.find((p) => p.name === disc.property), ctx)) || [] : tags;
    if (!plain || values.length === 0 || values.some((v) => seen.has(v))) discriminable = false;
    for (const v of values) seen.add(v);
    if (keep) return name;
    const tag = `{ ${objectLiteralKey(disc.property)}: ${literal(tags)} }`;
    return plain ? d.extend(name, tag) : `z.intersection(${name}, z.object(${tag}))`;
  });
  return discriminable ? `z.discriminatedUnion(${stringLiteral(disc.property)}, ${list(members, indent)})` : `z.union(${list(members, indent)})`;
}

/** `[a, b]` on one line when short and single-line, else one item per line. */
function list(items: readonly string[], indent: string): string {
  const line = items.join(', ');
  if (line.length <= 72 && !line.includes('\n')) return `[${line}]`;
  return `[\n${items.map((x) => `${indent}  ${x},\n`).join('')}${indent}]`;
}

/** The tag values of a required tag property whose schema is a literal or a closed string enum (directly or one reference away). */
function tagSchema(p: Property | undefined, ctx: ZodContext): string[] | undefined {
  if (!p || !p.required) return undefined;
  let s = p.schema;
  if (s.kind === 'ref' && !s.nullable) s = ctx.schemas.get(s.target) ?? s;
  if (s.nullable) return undefined;
  if (s.kind === 'literal' && typeof s.value === 'string') return [s.value];
  if (s.kind === 'enum' && !s.open && s.values.every((v) => typeof v === 'string')) return s.values as string[];
  return undefined;
}
