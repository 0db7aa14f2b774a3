/**
 * Objects: properties added and removed, required flips, additionalProperties and
 * patternProperties (kept together in the IR, compared apart here), and the
 * readOnly / writeOnly flips that add or remove a property in this direction (a read-only
 * property is not part of a request; a write-only one is not part of a response).
 * Intersections (allOf that normalization could not merge): members matched by `$ref`
 * target, else by position.
 */
import type { Property, Schema } from '../../../ir/types.js';
import type { DiffContext, Side, Site } from '../../context.js';
import { unescapeSegment } from '../../../load/pointer.js';
import { describe, memberSymbol } from '../../symbols.js';
import { familyDirection } from '../registry.js';
import { compareSchema } from './compare.js';

type ObjectSchema = Extract<Schema, { kind: 'object' }>;

export function compareObjects(ctx: DiffContext, o: ObjectSchema, n: ObjectSchema, site: Site): void {
  const dir = familyDirection(site.family);
  /** part of the data in this direction */
  const present = (p: Property) => (dir === 'write' ? !p.schema.readOnly : dir === 'read' ? !p.schema.writeOnly : true);
  const before = new Map(o.properties.map((p) => [p.name, p]));
  const after = new Map(n.properties.map((p) => [p.name, p]));
  const names = [...new Set([...before.keys(), ...after.keys()])].sort();
  for (const name of names) {
    const op = before.get(name);
    const np = after.get(name);
    const sym = memberSymbol(site.symbol, name);
    const symbols = [sym];
    if (op && np) {
      const was = present(op);
      const is = present(np);
      if (was && is) {
        if (!op.required && np.required) ctx.schema(site, 'property-became-required', { pointer: np.schema.pointer, message: `${sym} became required`, old: false, new: true, symbols });
        if (op.required && !np.required) ctx.schema(site, 'property-became-optional', { pointer: np.schema.pointer, message: `${sym} became optional`, old: true, new: false, symbols });
        compareSchema(ctx, op.schema, np.schema, { ...site, symbol: sym, inProperty: true });
      } else if (was && !is) {
        // write: became read-only; read: became write-only
        if (dir === 'write') ctx.schema(site, 'property-became-read-only', { pointer: np.schema.pointer, message: `${sym} became read-only: requests may no longer set it`, symbols });
        else ctx.schema(site, op.required ? 'property-removed' : 'optional-property-removed', { pointer: np.schema.pointer, message: `${sym} became write-only: responses no longer carry it`, symbols });
      } else if (!was && is) {
        const how = dir === 'write' ? 'is no longer read-only' : 'is no longer write-only';
        if (dir === 'write' && np.required) ctx.schema(site, 'property-required-added', { pointer: np.schema.pointer, message: `${sym} ${how} and is required: requests must now send it`, symbols });
        else ctx.schema(site, 'property-added', { pointer: np.schema.pointer, message: `${sym} ${how}`, symbols });
      }
    } else if (op) {
      if (!present(op)) continue;
      const suffix = dir === 'read' && !op.required ? 'optional-property-removed' : 'property-removed';
      ctx.schema(site, suffix, { pointer: op.schema.pointer, message: `${op.required ? 'required' : 'optional'} property ${sym} removed`, old: describe(op.schema, ctx.old), symbols });
    } else if (np) {
      if (!present(np)) continue;
      const suffix = dir === 'write' && np.required ? 'property-required-added' : 'property-added';
      ctx.schema(site, suffix, { pointer: np.schema.pointer, message: `${np.required ? 'required' : 'optional'} property ${sym} added`, new: describe(np.schema, ctx.new), symbols });
    }
  }
  compareAdditional(ctx, o, n, site);
}

function compareAdditional(ctx: DiffContext, o: ObjectSchema, n: ObjectSchema, site: Site): void {
  const sym = site.symbol;
  const a = splitAdditional(o.additional);
  const b = splitAdditional(n.additional);
  comparePatterns(ctx, o, n, a.patterns, b.patterns, site);
  const patterned = a.patterns.size > 0 || b.patterns.size > 0;
  // next to patternProperties, an object that does not say `additionalProperties: false` stays open
  // for other keys: a missing rest is not a removal
  if (patterned && (!a.rest || !b.rest) && !(closed(ctx.old, o) || closed(ctx.new, n))) return;
  if (a.rest && b.rest) {
    compareSchema(ctx, a.rest, b.rest, { ...site, symbol: `${sym}[key]`, inProperty: false });
    return;
  }
  if (a.rest && !b.rest) {
    ctx.schema(site, 'additional-properties-removed', { pointer: n.pointer, message: `${sym} no longer allows other properties`, old: describe(a.rest, ctx.old) });
  } else if (!a.rest && b.rest) {
    ctx.schema(site, 'additional-properties-added', { pointer: n.pointer, message: `${sym} now allows other properties`, new: describe(b.rest, ctx.new) });
  }
}

/** `additionalProperties` and `patternProperties` (which the IR keeps together as the object's `additional`) apart again. */
function splitAdditional(a: Schema | undefined): { rest?: Schema; patterns: Map<string, Schema> } {
  const patterns = new Map<string, Schema>();
  const key = (s: Schema) => /\/patternProperties\/([^/]*)$/.exec(s.pointer)?.[1];
  if (!a) return { patterns };
  const members = a.kind === 'union' && a.pointer.endsWith('/patternProperties') ? a.members : [a];
  let rest: Schema | undefined;
  for (const m of members) {
    const k = key(m);
    if (k === undefined) rest = m;
    else patterns.set(unescapeSegment(k), m);
  }
  return rest ? { rest, patterns } : { patterns };
}

/** The object says `additionalProperties: false` (only known with the spec as written). */
function closed(side: Side, s: Schema): boolean {
  return side.raw?.node(s.pointer)?.additionalProperties === false;
}

/**
 * patternProperties, by pattern: a pattern added to an object that was open narrows what may be
 * sent under matching keys; to an object that was closed, it allows more keys.
 */
function comparePatterns(ctx: DiffContext, o: ObjectSchema, n: ObjectSchema, before: Map<string, Schema>, after: Map<string, Schema>, site: Site): void {
  const sym = site.symbol;
  for (const [p, s] of after) {
    const was = before.get(p);
    if (was) compareSchema(ctx, was, s, { ...site, symbol: `${sym}[${JSON.stringify(p)}]`, inProperty: false });
    else if (closed(ctx.old, o) && !before.size) ctx.schema(site, 'additional-properties-added', { pointer: s.pointer, message: `${sym} now allows keys matching ${JSON.stringify(p)}`, new: describe(s, ctx.new) });
    else ctx.schema(site, 'pattern-properties-added', { pointer: s.pointer, message: `${sym}: keys matching ${JSON.stringify(p)} must now be ${describe(s, ctx.new)}`, new: p });
  }
  for (const [p, s] of before) {
    if (after.has(p)) continue;
    if (closed(ctx.new, n)) ctx.schema(site, 'additional-properties-removed', { pointer: n.pointer, message: `${sym} no longer allows keys matching ${JSON.stringify(p)}`, old: describe(s, ctx.old) });
    else ctx.schema(site, 'pattern-properties-removed', { pointer: s.pointer, message: `${sym}: keys matching ${JSON.stringify(p)} are no longer constrained`, old: p });
  }
}

type IntersectionSchema = Extract<Schema, { kind: 'intersection' }>;

export function compareIntersections(ctx: DiffContext, o: IntersectionSchema, n: IntersectionSchema, site: Site): void {
  const rest = [...n.members];
  const unmatched: Schema[] = [];
  const pairs: [Schema, Schema][] = [];
  for (const m of o.members) {
    const i = m.kind === 'ref' ? rest.findIndex((x) => x.kind === 'ref' && x.target === m.target) : -1;
    if (i >= 0) pairs.push([m, rest.splice(i, 1)[0]]);
    else unmatched.push(m);
  }
  // inline members: by position among the inline ones
  const inlineNew = rest.filter((x) => x.kind !== 'ref');
  const stillOld: Schema[] = [];
  for (const m of unmatched) {
    if (m.kind !== 'ref' && inlineNew.length > 0) {
      const x = inlineNew.shift()!;
      rest.splice(rest.indexOf(x), 1);
      pairs.push([m, x]);
    } else stillOld.push(m);
  }
  for (const [a, b] of pairs) compareSchema(ctx, a, b, { ...site, inProperty: false });
  for (const m of stillOld) ctx.schema(site, 'intersection-member-removed', { pointer: m.pointer, message: `${site.symbol}: allOf member ${describe(m, ctx.old)} removed`, old: describe(m, ctx.old) });
  for (const m of rest) ctx.schema(site, 'intersection-member-added', { pointer: m.pointer, message: `${site.symbol}: allOf member ${describe(m, ctx.new)} added`, new: describe(m, ctx.new) });
}
