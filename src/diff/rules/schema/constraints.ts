/**
 * Validation constraints: lengths, bounds, item and property counts, multipleOf,
 * uniqueItems, pattern. A tightened constraint breaks writers; a relaxed one breaks
 * (strict) readers. The suffix says what happened: `max-length-decreased`, `min-added`, …
 */
import type { Constraints, Schema } from '../../../ir/types.js';
import type { DiffContext, Site } from '../../context.js';
import type { SchemaRuleId } from './rules.js';

/** A numeric bound: `tighter` is the direction that admits fewer values. */
interface Bound {
  key: keyof Constraints;
  rule: 'max-length' | 'min-length' | 'max' | 'min' | 'max-items' | 'min-items' | 'max-properties' | 'min-properties';
  tighter: 'down' | 'up';
}

const BOUNDS: Bound[] = [
  { key: 'maxLength', rule: 'max-length', tighter: 'down' },
  { key: 'minLength', rule: 'min-length', tighter: 'up' },
  { key: 'maximum', rule: 'max', tighter: 'down' },
  { key: 'exclusiveMaximum', rule: 'max', tighter: 'down' },
  { key: 'minimum', rule: 'min', tighter: 'up' },
  { key: 'exclusiveMinimum', rule: 'min', tighter: 'up' },
  { key: 'maxItems', rule: 'max-items', tighter: 'down' },
  { key: 'minItems', rule: 'min-items', tighter: 'up' },
  { key: 'maxProperties', rule: 'max-properties', tighter: 'down' },
  { key: 'minProperties', rule: 'min-properties', tighter: 'up' },
];

export function compareConstraints(ctx: DiffContext, o: Schema, n: Schema, site: Site): void {
  const oc: Constraints = o.constraints ?? {};
  const nc: Constraints = n.constraints ?? {};
  const pointer = n.pointer;
  const sym = site.symbol;
  for (const b of BOUNDS) {
    const ov = oc[b.key];
    const nv = nc[b.key];
    // 3.0's boolean exclusiveMinimum/Maximum are flags, not bounds: below
    const a = typeof ov === 'number' ? ov : undefined;
    const z = typeof nv === 'number' ? nv : undefined;
    if (a === z) continue;
    let suffix: string;
    if (a === undefined) suffix = 'added';
    else if (z === undefined) suffix = 'removed';
    else suffix = z < a ? 'decreased' : 'increased';
    const what = a === undefined ? `${b.key} ${z} added` : z === undefined ? `${b.key} ${a} removed` : `${b.key} ${a} → ${z}`;
    ctx.schema(site, `${b.rule}-${suffix}` as SchemaRuleId, { pointer, message: `${sym}: ${what}`, ...(a !== undefined ? { old: a } : {}), ...(z !== undefined ? { new: z } : {}) });
  }
  for (const [key, rule] of [
    ['exclusiveMaximum', 'exclusive-max'],
    ['exclusiveMinimum', 'exclusive-min'],
  ] as const) {
    const a = oc[key] === true;
    const z = nc[key] === true;
    if (a === z) continue;
    ctx.schema(site, `${rule}-${z ? 'added' : 'removed'}`, { pointer, message: `${sym}: ${key}: true ${z ? 'added' : 'removed'}`, old: a, new: z });
  }
  if (oc.multipleOf !== nc.multipleOf) {
    ctx.schema(site, 'multiple-of-changed', {
      pointer,
      message: `${sym}: multipleOf ${oc.multipleOf ?? 'none'} → ${nc.multipleOf ?? 'none'}`,
      ...(oc.multipleOf !== undefined ? { old: oc.multipleOf } : {}),
      ...(nc.multipleOf !== undefined ? { new: nc.multipleOf } : {}),
    });
  }
  if (!!oc.uniqueItems !== !!nc.uniqueItems) {
    ctx.schema(site, nc.uniqueItems ? 'unique-items-added' : 'unique-items-removed', { pointer, message: `${sym}: uniqueItems ${nc.uniqueItems ? 'added' : 'removed'}`, old: !!oc.uniqueItems, new: !!nc.uniqueItems });
  }
  // `pattern: ''` matches every string: no pattern at all
  const op = oc.pattern === '' ? undefined : oc.pattern;
  const np = nc.pattern === '' ? undefined : nc.pattern;
  if (op !== np) {
    const suffix = op === undefined ? 'pattern-added' : np === undefined ? 'pattern-removed' : 'pattern-changed';
    const what = op === undefined ? `pattern ${JSON.stringify(np)} added` : np === undefined ? `pattern ${JSON.stringify(op)} removed` : `pattern ${JSON.stringify(op)} → ${JSON.stringify(np)}`;
    ctx.schema(site, suffix, { pointer, message: `${sym}: ${what}`, ...(op !== undefined ? { old: op } : {}), ...(np !== undefined ? { new: np } : {}) });
  }
}
