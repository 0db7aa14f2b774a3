/**
 * Scalar types and enums: `string`, `number`/`integer`, `boolean`, `binary`, literals
 * (`const`, single-value enums) and enums (closed, or open: any string plus known values).
 * Compared as sets of values: more values is a widening, fewer a narrowing, disjoint bases
 * a type change; enum values added or removed one change per value.
 */
import type { LiteralValue, Schema } from '../../../ir/types.js';
import type { DiffContext, Site } from '../../context.js';
import { describe, literal } from '../../symbols.js';
import { familyDirection } from '../registry.js';

type Base = 'string' | 'number' | 'integer' | 'boolean' | 'binary' | 'null' | 'mixed';

interface Domain {
  base: Base;
  /** closed or known values (enums and literals) */
  values?: LiteralValue[];
  open?: boolean;
}

const VALUE_KINDS = new Set<Schema['kind']>(['string', 'number', 'boolean', 'binary', 'literal', 'enum']);

export function isValueKind(s: Schema): boolean {
  return VALUE_KINDS.has(s.kind);
}

function domain(s: Schema): Domain {
  switch (s.kind) {
    case 'string':
      return { base: 'string' };
    case 'number':
      return { base: s.integer ? 'integer' : 'number' };
    case 'boolean':
      return { base: 'boolean' };
    case 'binary':
      return { base: 'binary' };
    case 'literal':
      return { base: baseOf([s.value]), values: [s.value] };
    case 'enum':
      return { base: s.open ? 'string' : baseOf(s.values), values: s.values, ...(s.open ? { open: true } : {}) };
    default:
      return { base: 'mixed' };
  }
}

function baseOf(values: LiteralValue[]): Base {
  const kinds = new Set(values.map((v) => (v === null ? 'null' : typeof v === 'number' ? (Number.isInteger(v) ? 'integer' : 'number') : typeof v)));
  if (kinds.has('number')) kinds.delete('integer');
  if (kinds.size !== 1) return 'mixed';
  return [...kinds][0] as Base;
}

/** Can every value of base `inner` be a value of base `outer`? */
function within(inner: Base, outer: Base): boolean {
  return inner === outer || (inner === 'integer' && outer === 'number');
}

export function compareNumbers(ctx: DiffContext, o: Extract<Schema, { kind: 'number' }>, n: Extract<Schema, { kind: 'number' }>, site: Site): void {
  if (o.integer === n.integer) return;
  const what = { old: o.integer ? 'integer' : 'number', new: n.integer ? 'integer' : 'number' };
  ctx.schema(site, o.integer ? 'type-widened' : 'type-narrowed', { pointer: n.pointer, message: `${site.symbol}: ${what.old} → ${what.new}`, ...what });
}

export function compareValueKinds(ctx: DiffContext, o: Schema, n: Schema, site: Site): void {
  const a = domain(o);
  const b = domain(n);
  const pointer = n.pointer;
  const sym = site.symbol;
  const what = { old: describe(o, ctx.old), new: describe(n, ctx.new) };
  if (a.values && b.values) {
    if (o.kind === 'literal' && n.kind === 'literal' && !a.open && !b.open) {
      // one constant replaced by another: readers that matched the old one and writers that send it both break
      if (a.values[0] !== b.values[0]) ctx.schema(site, 'const-changed', { pointer, message: `${sym}: constant ${literal(a.values[0])} → ${literal(b.values[0])}`, old: a.values[0], new: b.values[0] });
      return;
    }
    if (!a.open && b.open) ctx.schema(site, 'type-widened', { pointer, message: `${sym}: closed enum → open enum (any string)`, ...what });
    if (a.open && !b.open) ctx.schema(site, 'type-narrowed', { pointer, message: `${sym}: open enum (any string) → closed enum`, ...what });
    // with `enums.responses: "open"`, the client reads string enums as open ones: a new value is safe
    const generatedOpen = ctx.openEnums && familyDirection(site.family) === 'read' && [...a.values, ...b.values].every((v) => typeof v === 'string');
    const open = a.open || b.open || generatedOpen;
    const has = (list: LiteralValue[], v: LiteralValue) => list.some((x) => x === v);
    for (const v of b.values) {
      if (!has(a.values, v)) ctx.schema(site, open ? 'open-enum-value-added' : 'enum-value-added', { pointer, message: `${sym}: value ${literal(v)} added`, new: v });
    }
    for (const v of a.values) {
      if (!has(b.values, v)) ctx.schema(site, open ? 'open-enum-value-removed' : 'enum-value-removed', { pointer, message: `${sym}: value ${literal(v)} removed`, old: v });
    }
    return;
  }
  if (a.values) {
    // enum → plain type
    if (a.open && b.base === 'string') return; // "any string" both before and after
    if (within(a.base, b.base) || (a.base === 'boolean' && b.base === 'boolean')) {
      ctx.schema(site, 'type-widened', { pointer, message: `${sym}: ${what.old} → ${what.new}`, ...what });
      return;
    }
  } else if (b.values) {
    if (b.open && a.base === 'string') return;
    if (within(b.base, a.base) || (a.base === 'boolean' && b.base === 'boolean')) {
      ctx.schema(site, 'type-narrowed', { pointer, message: `${sym}: ${what.old} → ${what.new}`, ...what });
      return;
    }
  } else if (a.base === b.base) {
    return;
  } else if (within(a.base, b.base)) {
    ctx.schema(site, 'type-widened', { pointer, message: `${sym}: ${what.old} → ${what.new}`, ...what });
    return;
  } else if (within(b.base, a.base)) {
    ctx.schema(site, 'type-narrowed', { pointer, message: `${sym}: ${what.old} → ${what.new}`, ...what });
    return;
  }
  ctx.schema(site, 'type-changed', { pointer, message: `${sym}: type ${what.old} → ${what.new}`, ...what });
}
