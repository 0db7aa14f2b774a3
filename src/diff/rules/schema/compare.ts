/**
 * Compare two schema nodes at a site, recursively. `$ref` on both sides: the named pair is
 * queued and compared once per direction (src/diff/context.ts), so a schema reused by many
 * operations is reported once, and recursion ends. `$ref` on one side only: the named
 * schema is inlined for the comparison (guarded against cycles).
 */
import type { LiteralValue, NamedSchema, Schema } from '../../../ir/types.js';
import { invertFamily, type DiffContext, type Side, type Site } from '../../context.js';
import { describe } from '../../symbols.js';
import { compareConstraints } from './constraints.js';
import { compareKeywords } from './keywords.js';
import { compareMeta } from './meta.js';
import { compareIntersections, compareObjects } from './objects.js';
import { compareUnions, jsonClass, matchMember } from './unions.js';
import { compareNumbers, compareValueKinds, isValueKind } from './values.js';

export function compareSchema(ctx: DiffContext, before: Schema, after: Schema, site: Site): void {
  const o = simplify(before, ctx.old);
  const n = simplify(after, ctx.new);
  if (o.kind === 'ref' && n.kind === 'ref') {
    compareMeta(ctx, o, n, site);
    ctx.enqueue(o.target, n.target, site.invert ? invertFamily(site.family) : site.family);
    return;
  }
  if (o.kind !== n.kind && (o.kind === 'union' || n.kind === 'union') && unionShift(ctx, o, n, site)) return;
  if (o.kind === 'ref' || n.kind === 'ref') {
    const via = site.via ?? [];
    const ids = [o, n].filter((s): s is Extract<Schema, { kind: 'ref' }> => s.kind === 'ref').map((s) => s.target);
    if (ids.some((id) => via.includes(id))) return;
    const oo = o.kind === 'ref' ? inline(ctx.old, o) : o;
    const nn = n.kind === 'ref' ? inline(ctx.new, n) : n;
    if (!oo || !nn) return;
    compareSchema(ctx, oo, nn, { ...site, via: [...via, ...ids] });
    return;
  }
  compareMeta(ctx, o, n, site);
  compareConstraints(ctx, o, n, site);
  compareKeywords(ctx, o, n, site);
  compareShape(ctx, o, n, site);
}

/**
 * `X` → `X | Y` or `X | Y` → `X`: reported like members added to or removed from a union
 * (the other members, one change each), and `X` compared with the member that continues it.
 * False when no member clearly continues `X` (then it is a plain type change).
 */
function unionShift(ctx: DiffContext, o: Schema, n: Schema, site: Site): boolean {
  if (n.kind === 'union') {
    const m = matchMember(ctx, o, n.members, 'new');
    if (!m) return false;
    for (const other of n.members) {
      if (other === m) continue;
      ctx.schema(site, 'union-member-added', { pointer: other.pointer, message: `${site.symbol}: ${describe(o, ctx.old)} became a union; member ${describe(other, ctx.new)} added`, new: describe(other, ctx.new) });
    }
    compareSchema(ctx, o, withNullable(m, n.nullable), site);
    return true;
  }
  if (o.kind === 'union') {
    const m = matchMember(ctx, n, o.members, 'old');
    if (!m) return false;
    for (const other of o.members) {
      if (other === m) continue;
      ctx.schema(site, 'union-member-removed', { pointer: other.pointer, message: `${site.symbol}: the union became ${describe(n, ctx.new)}; member ${describe(other, ctx.old)} removed`, old: describe(other, ctx.old) });
    }
    compareSchema(ctx, withNullable(m, o.nullable), n, site);
    return true;
  }
  return false;
}

function withNullable(s: Schema, nullable: boolean | undefined): Schema {
  return nullable && !s.nullable ? ({ ...s, nullable: true } as Schema) : s;
}

/**
 * Intersections as specs write them, reduced to what they mean before comparing, so the
 * same type written two ways compares equal:
 * - nested intersections are flattened, and `anyOf [X, null]` members read as nullable X;
 * - members without any constraint (`{}`, or OpenAPI 3.0's `allOf: [$ref, {nullable: true}]`
 *   idiom, whose `nullable` makes the whole nullable) are dropped;
 * - members all of one JSON type (`type: string` next to `oneOf` of strings; a property
 *   declared `integer` in two merged `allOf` members) become the most specific of them
 *   (an enum over a plain type), with every member's constraints, nullable only when every
 *   member is (a value must satisfy all of them).
 */
export function simplify(schema: Schema, side: Side): Schema {
  const s = literalUnion(openEnumThroughRefs(collapseNull(schema), side));
  if (s.kind !== 'intersection') return s;
  const members: Schema[] = [];
  const add = (m: Schema): void => {
    if (m.kind === 'intersection') m.members.forEach(add);
    else members.push(collapseNull(m));
  };
  s.members.forEach(add);
  const idiomNullable = members.some((m) => m.kind === 'unknown' && m.nullable);
  const rest = members.filter((m) => m.kind !== 'unknown');
  if (rest.length === 0) return s;
  const cls = jsonClass(rest[0], side);
  if (rest.length > 1 && (cls === 'unknown' || cls === 'object' || cls === 'array' || cls === 'union' || !rest.every((m) => jsonClass(m, side) === cls))) {
    return rest.length === s.members.length ? s : { ...s, members: rest };
  }
  const specific = rest.filter((m) => m.kind !== 'string' && m.kind !== 'number' && m.kind !== 'boolean');
  const keep = specific.length === 1 ? specific[0] : rest[0];
  const out: Record<string, unknown> = { ...keep, pointer: s.pointer };
  const constraints = Object.assign({}, ...rest.map((m) => m.constraints ?? {}), s.constraints ?? {});
  if (Object.keys(constraints).length > 0) out.constraints = constraints;
  for (const key of ['format', 'default', 'deprecated', 'readOnly', 'writeOnly', 'description'] as const) {
    const v = s[key] ?? keep[key] ?? rest.find((m) => m[key] !== undefined)?.[key];
    if (v !== undefined) out[key] = v;
  }
  const nullable = !!s.nullable || idiomNullable || rest.every((m) => m.nullable);
  if (nullable) out.nullable = true;
  else delete out.nullable;
  return out as unknown as Schema;
}

/**
 * `anyOf [string, $ref Enum]` → an open enum, as normalization does for an inline enum:
 * any string, with the known values listed.
 */
function openEnumThroughRefs(s: Schema, side: Side): Schema {
  if (s.kind !== 'union' || s.discriminator) return s;
  const strings = s.members.filter((m) => m.kind === 'string');
  if (strings.length !== 1) return s;
  const values: LiteralValue[] = [];
  for (const m of s.members) {
    if (m === strings[0]) continue;
    let t: Schema | undefined = m;
    for (let i = 0; t && t.kind === 'ref' && i < 16; i++) t = side.schemas.get(t.target)?.schema;
    const vs = t?.kind === 'enum' ? t.values : t?.kind === 'literal' ? [t.value] : undefined;
    if (!vs || !vs.every((v) => typeof v === 'string')) return s;
    for (const v of vs) if (!values.includes(v)) values.push(v);
  }
  const { members: _members, keyword: _keyword, discriminator: _d, ...meta } = s;
  return { ...meta, kind: 'enum', values, open: true } as Schema;
}

/**
 * `oneOf`/`anyOf` of constants (`const` members, closed enums) without a discriminator → the
 * enum it is, so that values added or removed are judged by the one enum rule table
 * (`enum-value-added` / `enum-value-removed`), however the spec writes the enum.
 */
function literalUnion(s: Schema): Schema {
  if (s.kind !== 'union' || s.discriminator || s.members.length === 0) return s;
  const values: LiteralValue[] = [];
  let nullable = !!s.nullable;
  for (const m of s.members) {
    const vs = m.kind === 'literal' ? [m.value] : m.kind === 'enum' && !m.open ? m.values : undefined;
    if (!vs) return s;
    if (m.nullable) nullable = true;
    for (const v of vs) if (!values.includes(v)) values.push(v);
  }
  const { members: _members, keyword: _keyword, discriminator: _d, ...meta } = s;
  const out: Record<string, unknown> = { ...meta, kind: 'enum', values };
  if (nullable) out.nullable = true;
  else delete out.nullable;
  return out as unknown as Schema;
}

/** `anyOf [X, null]` → nullable X (as normalization does; merged allOf members may not have been). */
function collapseNull(m: Schema): Schema {
  if (m.kind !== 'union' || !m.members.some((x) => x.kind === 'null')) return m;
  const rest = m.members.filter((x) => x.kind !== 'null');
  if (rest.length === 0) return m;
  if (rest.length === 1) return { ...rest[0], nullable: true, pointer: m.pointer } as Schema;
  return { ...m, members: rest, nullable: true };
}

/** Compare a named schema pair (from the queue). */
export function compareNamed(ctx: DiffContext, o: NamedSchema, n: NamedSchema, site: Site): void {
  compareSchema(ctx, o.schema, n.schema, site);
}

/** The target of a `$ref`, with the facts written next to the `$ref` applied on top. */
export function inline(side: Side, ref: Extract<Schema, { kind: 'ref' }>): Schema | undefined {
  const target = side.schemas.get(ref.target)?.schema;
  if (!target) return undefined;
  const out: Record<string, unknown> = { ...target };
  for (const key of ['nullable', 'readOnly', 'writeOnly', 'deprecated', 'default', 'description'] as const) {
    if (ref[key] !== undefined) out[key] = key === 'nullable' ? ref.nullable || target.nullable : ref[key];
  }
  return out as unknown as Schema;
}

function compareShape(ctx: DiffContext, o: Schema, n: Schema, site: Site): void {
  if (o.kind === n.kind) {
    switch (o.kind) {
      case 'number':
        return compareNumbers(ctx, o, n as typeof o, site);
      case 'literal':
      case 'enum':
        return compareValueKinds(ctx, o, n, site);
      case 'array':
        return compareArrays(ctx, o, n as typeof o, site);
      case 'object':
        return compareObjects(ctx, o, n as typeof o, site);
      case 'union':
        return compareUnions(ctx, o, n as typeof o, site);
      case 'intersection':
        return compareIntersections(ctx, o, n as typeof o, site);
      default:
        return; // string, boolean, null, binary, unknown, never: nothing more to compare
    }
  }
  const what = { old: describe(o, ctx.old), new: describe(n, ctx.new) };
  const pointer = n.pointer;
  if (o.kind === 'never') return ctx.schema(site, 'type-widened', { pointer, message: `${site.symbol}: no value → ${what.new}`, ...what });
  if (n.kind === 'never') return ctx.schema(site, 'type-narrowed', { pointer, message: `${site.symbol}: ${what.old} → no value`, ...what });
  if (o.kind === 'unknown') return ctx.schema(site, 'type-narrowed', { pointer, message: `${site.symbol}: any value → ${what.new}`, ...what });
  if (n.kind === 'unknown') return ctx.schema(site, 'type-widened', { pointer, message: `${site.symbol}: ${what.old} → any value`, ...what });
  if (o.kind === 'null' && n.nullable) return ctx.schema(site, 'type-widened', { pointer, message: `${site.symbol}: null → ${what.new}`, ...what });
  if (n.kind === 'null' && o.nullable) return ctx.schema(site, 'type-narrowed', { pointer, message: `${site.symbol}: ${what.old} → null`, ...what });
  if (isValueKind(o) && isValueKind(n)) return compareValueKinds(ctx, o, n, site);
  if (site.loose && o.kind === 'object' && n.kind === 'string') return ctx.schema(site, 'type-widened', { pointer, message: `${site.symbol}: ${what.old} → ${what.new} (XML: any text)`, ...what });
  if (site.loose && o.kind === 'string' && n.kind === 'object') return ctx.schema(site, 'type-narrowed', { pointer, message: `${site.symbol}: ${what.old} → ${what.new} (XML: text with structure)`, ...what });
  ctx.schema(site, 'type-changed', { pointer, message: `${site.symbol}: type ${what.old} → ${what.new}`, ...what });
}

function compareArrays(ctx: DiffContext, o: Extract<Schema, { kind: 'array' }>, n: Extract<Schema, { kind: 'array' }>, site: Site): void {
  const op = o.prefixItems ?? [];
  const np = n.prefixItems ?? [];
  if (op.length !== np.length) {
    ctx.schema(site, 'type-changed', {
      pointer: n.pointer,
      message: `${site.symbol}: tuple of ${op.length} → tuple of ${np.length}`,
      old: describe(o, ctx.old),
      new: describe(n, ctx.new),
    });
    return;
  }
  op.forEach((m, i) => compareSchema(ctx, m, np[i], { ...site, symbol: `${site.symbol}[${i}]`, inProperty: false }));
  compareSchema(ctx, o.items, n.items, { ...site, symbol: `${site.symbol}[]`, inProperty: false });
}
