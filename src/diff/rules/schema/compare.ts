/**
 * Compare two schema nodes at a site, recursively. `$ref` on both sides: the named pair is
 * queued and compared once per direction (src/diff/context.ts), so a schema reused by many
 * operations is reported once, and recursion ends. `$ref` on one side only: the named
 * schema is inlined for the comparison (guarded against cycles).
 */
import type { NamedSchema, Schema } from '../../../ir/types.js';
import type { DiffContext, Side, Site } from '../../context.js';
import { describe } from '../../symbols.js';
import { compareConstraints } from './constraints.js';
import { compareMeta } from './meta.js';
import { compareIntersections, compareObjects } from './objects.js';
import { compareUnions, matchMember } from './unions.js';
import { compareNumbers, compareValueKinds, isValueKind } from './values.js';

export function compareSchema(ctx: DiffContext, o: Schema, n: Schema, site: Site): void {
  if (o.kind === 'ref' && n.kind === 'ref') {
    compareMeta(ctx, o, n, site);
    ctx.enqueue(o.target, n.target, site.family);
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
  compareShape(ctx, o, n, site);
}

/**
 * `X` → `X | Y` (widened) or `X | Y` → `X` (narrowed): report it and compare `X` with the
 * matching member. False when no member matches (then it is a plain type change).
 */
function unionShift(ctx: DiffContext, o: Schema, n: Schema, site: Site): boolean {
  const what = { old: describe(o, ctx.old), new: describe(n, ctx.new) };
  if (n.kind === 'union') {
    const m = matchMember(ctx, o, n.members, 'new');
    if (!m) return false;
    ctx.schema(site, 'type-widened', { pointer: n.pointer, message: `${site.symbol}: ${what.old} → ${what.new}`, ...what });
    compareSchema(ctx, o, withNullable(m, n.nullable), site);
    return true;
  }
  if (o.kind === 'union') {
    const m = matchMember(ctx, n, o.members, 'old');
    if (!m) return false;
    ctx.schema(site, 'type-narrowed', { pointer: n.pointer, message: `${site.symbol}: ${what.old} → ${what.new}`, ...what });
    compareSchema(ctx, withNullable(m, o.nullable), n, site);
    return true;
  }
  return false;
}

function withNullable(s: Schema, nullable: boolean | undefined): Schema {
  return nullable && !s.nullable ? ({ ...s, nullable: true } as Schema) : s;
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
  if (o.kind === 'unknown') return ctx.schema(site, 'type-narrowed', { pointer, message: `${site.symbol}: any value → ${what.new}`, ...what });
  if (n.kind === 'unknown') return ctx.schema(site, 'type-widened', { pointer, message: `${site.symbol}: ${what.old} → any value`, ...what });
  if (o.kind === 'null' && n.nullable) return ctx.schema(site, 'type-widened', { pointer, message: `${site.symbol}: null → ${what.new}`, ...what });
  if (n.kind === 'null' && o.nullable) return ctx.schema(site, 'type-narrowed', { pointer, message: `${site.symbol}: ${what.old} → null`, ...what });
  if (isValueKind(o) && isValueKind(n)) return compareValueKinds(ctx, o, n, site);
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
