/**
 * Unions (oneOf, anyOf, multi-type): members matched by identity (`$ref` target), then by
 * literal value, then by JSON type when that is unambiguous, then one leftover to one
 * leftover; the rest are members added or removed. Discriminators: property, and mapping
 * values added, removed or pointed elsewhere (a member whose mapping value was reported
 * is not reported again as a member).
 */
import type { Schema } from '../../../ir/types.js';
import type { DiffContext, Side, Site } from '../../context.js';
import { structuralKey } from '../../../ir/walk.js';
import { describe, literal } from '../../symbols.js';
import { compareSchema } from './compare.js';

type UnionSchema = Extract<Schema, { kind: 'union' }>;

export function compareUnions(ctx: DiffContext, o: UnionSchema, n: UnionSchema, site: Site): void {
  const sym = site.symbol;
  if (o.keyword !== n.keyword && o.keyword !== 'type' && n.keyword !== 'type') {
    ctx.schema(site, 'union-keyword-changed', { pointer: n.pointer, message: `${sym}: ${o.keyword} → ${n.keyword}`, old: o.keyword, new: n.keyword });
  }
  const { removedTargets, addedTargets } = compareDiscriminators(ctx, o, n, site);
  const { pairs, removed, added } = pairMembers(ctx, o.members, n.members);
  const inner = { ...site, inProperty: false };
  for (const [a, b] of pairs) compareSchema(ctx, a, b, inner);
  for (const m of removed) {
    if (m.kind === 'ref' && removedTargets.has(m.target)) continue;
    ctx.schema(site, 'union-member-removed', { pointer: m.pointer, message: `${sym}: member ${describe(m, ctx.old)} removed from ${o.keyword}`, old: describe(m, ctx.old) });
  }
  for (const m of added) {
    if (m.kind === 'ref' && addedTargets.has(m.target)) continue;
    ctx.schema(site, 'union-member-added', { pointer: m.pointer, message: `${sym}: member ${describe(m, ctx.new)} added to ${n.keyword}`, new: describe(m, ctx.new) });
  }
}

function compareDiscriminators(ctx: DiffContext, o: UnionSchema, n: UnionSchema, site: Site): { removedTargets: Set<string>; addedTargets: Set<string> } {
  const removedTargets = new Set<string>();
  const addedTargets = new Set<string>();
  const od = o.discriminator;
  const nd = n.discriminator;
  const sym = site.symbol;
  const pointer = n.pointer;
  if (!od && !nd) return { removedTargets, addedTargets };
  if (!od && nd) {
    ctx.schema(site, 'discriminator-added', { pointer, message: `${sym}: discriminator '${nd.property}' added`, new: nd.property });
    return { removedTargets, addedTargets };
  }
  if (od && !nd) {
    ctx.schema(site, 'discriminator-removed', { pointer, message: `${sym}: discriminator '${od.property}' removed`, old: od.property });
    return { removedTargets, addedTargets };
  }
  if (!od || !nd) return { removedTargets, addedTargets };
  if (od.property !== nd.property) {
    ctx.schema(site, 'discriminator-property-changed', { pointer, message: `${sym}: discriminator property '${od.property}' → '${nd.property}'`, old: od.property, new: nd.property });
    return { removedTargets, addedTargets };
  }
  const before = new Map(od.mapping.map((m) => [m.value, m.target]));
  const after = new Map(nd.mapping.map((m) => [m.value, m.target]));
  for (const [value, target] of after) {
    const was = before.get(value);
    if (was === undefined) {
      ctx.schema(site, 'discriminator-value-added', { pointer, message: `${sym}: ${od.property} ${literal(value)} added`, new: value });
      addedTargets.add(target);
    } else if (was !== target) {
      // a true remap (both schemas exist on both sides), not a rename of the target
      if (ctx.old.schemas.has(target) && ctx.new.schemas.has(was)) {
        ctx.schema(site, 'discriminator-mapping-changed', { pointer, message: `${sym}: ${od.property} ${literal(value)} now maps to ${describe({ kind: 'ref', target, pointer }, ctx.new)}`, old: was, new: target });
      } else ctx.enqueue(was, target, site.family);
    }
  }
  for (const [value, target] of before) {
    if (after.has(value)) continue;
    ctx.schema(site, 'discriminator-value-removed', { pointer, message: `${sym}: ${od.property} ${literal(value)} removed`, old: value });
    removedTargets.add(target);
  }
  return { removedTargets, addedTargets };
}

/** Pair up members of two unions. */
export function pairMembers(ctx: DiffContext, olds: Schema[], news: Schema[]): { pairs: [Schema, Schema][]; removed: Schema[]; added: Schema[] } {
  const pairs: [Schema, Schema][] = [];
  let o = [...olds];
  let n = [...news];
  const take = (test: (a: Schema, b: Schema) => boolean) => {
    const restO: Schema[] = [];
    for (const a of o) {
      const i = n.findIndex((b) => test(a, b));
      if (i >= 0) pairs.push([a, n.splice(i, 1)[0]]);
      else restO.push(a);
    }
    o = restO;
  };
  take((a, b) => a.kind === 'ref' && b.kind === 'ref' && a.target === b.target);
  take((a, b) => a.kind === 'literal' && b.kind === 'literal' && a.value === b.value);
  take((a, b) => a.kind !== 'ref' && b.kind !== 'ref' && structuralKey(a) === structuralKey(b));
  // objects carrying the same constant tag (`type: "file_search"`): the same member, changed
  const tagsO = new Map(o.map((s) => [s, tags(s, ctx.old)]));
  const tagsN = new Map(n.map((s) => [s, tags(s, ctx.new)]));
  const shares = (a: Set<string>, b: Set<string>) => [...a].some((t) => b.has(t));
  take((a, b) => {
    const ta = tagsO.get(a)!;
    const tb = tagsN.get(b)!;
    if (ta.size === 0 || !shares(ta, tb)) return false;
    // unambiguous: no other member on either side carries a shared tag
    return n.filter((x) => shares(ta, tagsN.get(x)!)).length === 1 && o.filter((x) => shares(tagsO.get(x)!, tb)).length === 1;
  });
  // same JSON type, unambiguous on both sides
  const oc = o.map((s) => jsonClass(s, ctx.old));
  const nc = n.map((s) => jsonClass(s, ctx.new));
  const restO: Schema[] = [];
  const usedN = new Set<number>();
  o.forEach((a, i) => {
    const c = oc[i];
    const j = nc.indexOf(c);
    const unique = c !== 'unknown' && oc.filter((x) => x === c).length === 1 && j >= 0 && nc.filter((x) => x === c).length === 1;
    if (unique && continues(ctx, a, n[j])) {
      pairs.push([a, n[j]]);
      usedN.add(j);
    } else restO.push(a);
  });
  o = restO;
  n = n.filter((_, j) => !usedN.has(j));
  // same JSON type, as many on both sides: in order
  for (const c of new Set(o.map((s) => jsonClass(s, ctx.old)))) {
    if (c === 'unknown') continue;
    const os = o.filter((s) => jsonClass(s, ctx.old) === c);
    const ns = n.filter((s) => jsonClass(s, ctx.new) === c);
    if (os.length !== ns.length || os.some((a, i) => !continues(ctx, a, ns[i]))) continue;
    os.forEach((a, i) => pairs.push([a, ns[i]]));
    o = o.filter((s) => !os.includes(s));
    n = n.filter((s) => !ns.includes(s));
  }
  if (o.length === 1 && n.length === 1 && continues(ctx, o[0], n[0])) {
    pairs.push([o[0], n[0]]);
    o = [];
    n = [];
  }
  return { pairs, removed: o, added: n };
}

/**
 * Two members of different identity may be the same member changed: always when one of them
 * is inline; for two `$ref`s only when it looks like a rename (the old target is gone from the
 * new spec and the new one did not exist before).
 */
function continues(ctx: DiffContext, a: Schema, b: Schema): boolean {
  if (a.kind !== 'ref' || b.kind !== 'ref') return true;
  return a.target === b.target || (!ctx.new.schemas.has(a.target) && !ctx.old.schemas.has(b.target));
}

/** The member of `candidates` (on side `from`) that `s` (other side) continues, if one clearly does. */
export function matchMember(ctx: DiffContext, s: Schema, candidates: Schema[], from: 'old' | 'new'): Schema | undefined {
  if (s.kind === 'ref') {
    const same = candidates.find((c) => c.kind === 'ref' && c.target === s.target);
    if (same) return same;
  }
  const sSide = from === 'new' ? ctx.old : ctx.new;
  const cSide = from === 'new' ? ctx.new : ctx.old;
  const c = jsonClass(s, sSide);
  if (c === 'unknown' || c === 'union') return undefined;
  const hits = candidates.filter((m) => jsonClass(m, cSide) === c && (from === 'new' ? continues(ctx, s, m) : continues(ctx, m, s)));
  if (hits.length === 1) return hits[0];
  if (c !== 'object' || hits.length === 0) return undefined;
  // several objects: the one whose property names overlap by half or more, when no other does
  // (an object split into a union of look-alikes by a tag is a type change, not a widening)
  const names = propertyNames(s, sSide);
  const scored = hits.map((m) => ({ m, score: jaccard(names, propertyNames(m, cSide)) })).sort((a, b) => b.score - a.score);
  return scored[0].score >= 0.5 && scored[1].score < 0.5 ? scored[0].m : undefined;
}

function propertyNames(s: Schema, side: Side): Set<string> {
  let t: Schema | undefined = s;
  for (let i = 0; t && t.kind === 'ref' && i < 16; i++) t = side.schemas.get(t.target)?.schema;
  return new Set(t?.kind === 'object' ? t.properties.map((p) => p.name) : []);
}

function jaccard(a: Set<string>, b: Set<string>): number {
  const both = [...a].filter((x) => b.has(x)).length;
  const all = new Set([...a, ...b]).size;
  return all === 0 ? 0 : both / all;
}

/** `prop=value` for each property of an object (through `$ref`s) whose value is one constant. */
function tags(s: Schema, side: Side): Set<string> {
  let t: Schema | undefined = s;
  for (let i = 0; t && t.kind === 'ref' && i < 16; i++) t = side.schemas.get(t.target)?.schema;
  const out = new Set<string>();
  if (!t || t.kind !== 'object') return out;
  for (const p of t.properties) {
    const v = p.schema.kind === 'literal' ? [p.schema.value] : p.schema.kind === 'enum' && !p.schema.open && p.schema.values.length === 1 ? p.schema.values : [];
    if (p.required && v.length === 1) out.add(`${p.name}=${JSON.stringify(v[0])}`);
  }
  return out;
}

/** The JSON type a schema describes (through `$ref`s): string, number, boolean, object, array, … */
export function jsonClass(s: Schema, side: Side, depth = 0): string {
  switch (s.kind) {
    case 'ref': {
      const t = side.schemas.get(s.target)?.schema;
      return t && depth < 16 ? jsonClass(t, side, depth + 1) : 'unknown';
    }
    case 'number':
      return 'number';
    case 'literal':
      return valueClass([s.value]);
    case 'enum':
      return s.open ? 'string' : valueClass(s.values);
    case 'intersection':
      return 'object';
    default:
      return s.kind;
  }
}

function valueClass(values: unknown[]): string {
  const kinds = new Set(values.map((v) => (v === null ? 'null' : typeof v)));
  return kinds.size === 1 ? [...kinds][0] : 'mixed';
}
