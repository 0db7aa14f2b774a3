/**
 * JSON Schema 2020-12 keywords (OpenAPI 3.1) that the IR does not keep, because TypeScript
 * cannot say them, read from the spec as written (src/diff/raw.ts): `contains` with
 * `minContains`/`maxContains`, `dependentRequired`, `dependentSchemas`, `if`/`then`/`else`,
 * `propertyNames`, `unevaluatedItems`/`unevaluatedProperties`, `contentSchema` (with
 * `contentMediaType`/`contentEncoding`), `not`; `required` names with no declared property
 * (`then: {required: [b]}`); and the `x-extensible-enum` extension.
 *
 * Each keyword added constrains more (breaking for writers), removed constrains less
 * (breaking for readers). Sub-schemas present on both sides are compared like any schema,
 * so a required property added under `then` or a `minLength` raised inside `contains` is
 * reported at its own pointer. `not` is compared with the direction inverted: a `not`
 * schema that admits more makes the whole admit less.
 */
import { childPointer } from '../../../load/pointer.js';
import type { LiteralValue, Schema } from '../../../ir/types.js';
import type { DiffContext, Site } from '../../context.js';
import type { RawSide } from '../../raw.js';
import { literal, memberSymbol } from '../../symbols.js';
import { compareSchema } from './compare.js';
import { sameValue } from './meta.js';
import type { SchemaRuleId } from './rules.js';

type Raw = Record<string, unknown>;

/** Keywords holding one sub-schema, with their rule slug. */
const SUBSCHEMAS: [keyword: string, slug: string][] = [
  ['contains', 'contains'],
  ['propertyNames', 'property-names'],
  ['contentSchema', 'content-schema'],
  ['unevaluatedItems', 'unevaluated-items'],
  ['unevaluatedProperties', 'unevaluated-properties'],
  ['then', 'then'],
  ['else', 'else'],
  ['not', 'not'],
];

/** Counts of `contains` matches; the rule table says which way is tighter. */
const COUNTS: [keyword: string, slug: string][] = [
  ['minContains', 'min-contains'],
  ['maxContains', 'max-contains'],
];

export function compareKeywords(ctx: DiffContext, o: Schema, n: Schema, site: Site): void {
  // both specs as written, or neither (IRs given directly): one side alone would look like additions
  if (!ctx.old.raw || !ctx.new.raw) return;
  const ro = ctx.old.raw.node(o.pointer);
  const rn = ctx.new.raw.node(n.pointer);
  if (!ro && !rn) return;
  const a: Raw = ro ?? {};
  const b: Raw = rn ?? {};
  const sym = site.symbol;
  const at = (k: string, ...rest: string[]) => [k, ...rest].reduce((p, s) => childPointer(p, s), n.pointer);
  const was = (k: string, ...rest: string[]) => [k, ...rest].reduce((p, s) => childPointer(p, s), o.pointer);

  for (const [k, slug] of SUBSCHEMAS) {
    const ov = constraining(a[k]);
    const nv = constraining(b[k]);
    if (ov === undefined && nv === undefined) continue;
    if (ov === undefined) ctx.schema(site, `${slug}-added` as SchemaRuleId, { pointer: at(k), message: `${sym}: ${k} added${k === 'not' ? ' (values matching it are now rejected)' : ''}`, new: brief(nv) });
    else if (nv === undefined) ctx.schema(site, `${slug}-removed` as SchemaRuleId, { pointer: was(k), message: `${sym}: ${k} removed`, old: brief(ov) });
    else sub(ctx, ctx.old.raw!, ctx.new.raw!, ov, nv, was(k), at(k), { ...site, inProperty: false, ...(k === 'not' ? { invert: !site.invert } : {}) });
  }

  // `if` decides where `then`/`else` apply: another condition moves them onto other values
  const oi = a.if;
  const ni = b.if;
  if (oi !== undefined || ni !== undefined) {
    if (oi === undefined) ctx.schema(site, 'if-added', { pointer: at('if'), message: `${sym}: if added` });
    else if (ni === undefined) ctx.schema(site, 'if-removed', { pointer: was('if'), message: `${sym}: if removed` });
    else if (!sameValue(oi, ni)) ctx.schema(site, 'if-changed', { pointer: at('if'), message: `${sym}: the if condition changed: then/else apply to other values` });
  }

  for (const [k, slug] of COUNTS) {
    const ov = typeof a[k] === 'number' ? (a[k] as number) : undefined;
    const nv = typeof b[k] === 'number' ? (b[k] as number) : undefined;
    if (ov === nv) continue;
    const suffix = ov === undefined ? 'added' : nv === undefined ? 'removed' : nv < ov ? 'decreased' : 'increased';
    const what = ov === undefined ? `${k} ${nv} added` : nv === undefined ? `${k} ${ov} removed` : `${k} ${ov} → ${nv}`;
    ctx.schema(site, `${slug}-${suffix}` as SchemaRuleId, { pointer: n.pointer, message: `${sym}: ${what}`, ...(ov !== undefined ? { old: ov } : {}), ...(nv !== undefined ? { new: nv } : {}) });
  }

  for (const k of ['contentMediaType', 'contentEncoding'] as const) {
    const ov = a[k];
    const nv = b[k];
    if (ov === nv || o.kind !== n.kind) continue;
    const slug = k === 'contentMediaType' ? 'content-media-type-changed' : 'content-encoding-changed';
    ctx.schema(site, slug, { pointer: n.pointer, message: `${sym}: ${k} ${JSON.stringify(ov ?? null)} → ${JSON.stringify(nv ?? null)}`, ...(ov !== undefined ? { old: ov } : {}), ...(nv !== undefined ? { new: nv } : {}) });
  }

  // dependentRequired: one change per (property, dependency) pair
  const od = stringLists(a.dependentRequired);
  const nd = stringLists(b.dependentRequired);
  for (const [prop, deps] of nd) {
    const before = od.get(prop) ?? [];
    for (const d of deps) if (!before.includes(d)) ctx.schema(site, 'dependent-required-added', { pointer: at('dependentRequired', prop), message: `${sym}: when ${prop} is sent, ${d} is now required too`, new: [prop, d], symbols: [memberSymbol(sym, d)] });
  }
  for (const [prop, deps] of od) {
    const after = nd.get(prop) ?? [];
    for (const d of deps) if (!after.includes(d)) ctx.schema(site, 'dependent-required-removed', { pointer: nd.has(prop) ? at('dependentRequired', prop) : was('dependentRequired', prop), message: `${sym}: ${d} is no longer required with ${prop}`, old: [prop, d], symbols: [memberSymbol(sym, d)] });
  }

  // dependentSchemas: by property
  const os = objectOf(a.dependentSchemas);
  const ns = objectOf(b.dependentSchemas);
  for (const prop of Object.keys(ns).sort()) {
    if (!(prop in os)) ctx.schema(site, 'dependent-schema-added', { pointer: at('dependentSchemas', prop), message: `${sym}: a schema now applies when ${prop} is present`, new: prop });
    else sub(ctx, ctx.old.raw!, ctx.new.raw!, os[prop], ns[prop], was('dependentSchemas', prop), at('dependentSchemas', prop), { ...site, inProperty: false });
  }
  for (const prop of Object.keys(os).sort()) {
    if (!(prop in ns)) ctx.schema(site, 'dependent-schema-removed', { pointer: was('dependentSchemas', prop), message: `${sym}: the schema that applied when ${prop} is present was removed`, old: prop });
  }

  compareBareRequired(ctx, o, n, a, b, site);
  compareExtensibleEnum(ctx, a, b, n.pointer, site);
}

/**
 * `required` in a schema that declares no properties (`then: {required: [b]}`, a
 * `dependentSchemas` entry): the IR keeps only required flags of declared properties. (A
 * name missing from an object's own `properties` is a slip in the spec, left alone.)
 */
function compareBareRequired(ctx: DiffContext, o: Schema, n: Schema, a: Raw, b: Raw, site: Site): void {
  if (a.properties !== undefined || b.properties !== undefined) return;
  const declared = (s: Schema) => new Set(s.kind === 'object' ? s.properties.map((p) => p.name) : []);
  const bare = (raw: Raw, s: Schema) => {
    const names = declared(s);
    return new Set(Array.isArray(raw.required) ? raw.required.filter((r): r is string => typeof r === 'string' && !names.has(r)) : []);
  };
  const before = bare(a, o);
  const after = bare(b, n);
  // a name that moved between declared and bare is judged by objects.ts
  const known = (name: string) => declared(o).has(name) || declared(n).has(name);
  for (const name of [...after].sort()) {
    if (before.has(name) || known(name)) continue;
    const sym = memberSymbol(site.symbol, name);
    ctx.schema(site, 'property-required-added', { pointer: childPointer(n.pointer, 'required'), message: `${sym} is now required`, new: name, symbols: [sym] });
  }
  for (const name of [...before].sort()) {
    if (after.has(name) || known(name)) continue;
    const sym = memberSymbol(site.symbol, name);
    ctx.schema(site, 'property-became-optional', { pointer: childPointer(n.pointer, 'required'), message: `${sym} is no longer required`, old: name, symbols: [sym] });
  }
}

/**
 * `x-extensible-enum`: the values the server knows today, more may come. Readers are told to
 * expect new ones (adding one is safe); writers send the listed ones (removing one breaks them).
 */
function compareExtensibleEnum(ctx: DiffContext, a: Raw, b: Raw, pointer: string, site: Site): void {
  const ov = literals(a['x-extensible-enum']);
  const nv = literals(b['x-extensible-enum']);
  if (!ov && !nv) return;
  const before = ov ?? [];
  const after = nv ?? [];
  for (const v of after) if (!before.includes(v)) ctx.schema(site, 'extensible-enum-value-added', { pointer, message: `${site.symbol}: value ${literal(v)} added`, new: v });
  for (const v of before) if (!after.includes(v)) ctx.schema(site, 'extensible-enum-value-removed', { pointer, message: `${site.symbol}: value ${literal(v)} removed`, old: v });
}

/** Compare two sub-schemas as written, at their pointers. */
function sub(ctx: DiffContext, ro: RawSide, rn: RawSide, a: unknown, b: unknown, pa: string, pb: string, site: Site): void {
  compareSchema(ctx, ro.parse(a, pa), rn.parse(b, pb), site);
}

/** A keyword's value when it constrains anything: `true` and `{}` do not. */
function constraining(v: unknown): unknown {
  if (v === undefined || v === true) return undefined;
  if (v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0) return undefined;
  return v;
}

function brief(v: unknown): string {
  if (v === false) return 'false';
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 60 ? s.slice(0, 57) + '…' : s;
}

function stringLists(v: unknown): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [k, list] of Object.entries(objectOf(v)).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) {
    if (Array.isArray(list)) out.set(k, list.filter((d): d is string => typeof d === 'string'));
  }
  return out;
}

function objectOf(v: unknown): Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

function literals(v: unknown): LiteralValue[] | undefined {
  return Array.isArray(v) ? v.filter((x): x is LiteralValue => x === null || ['string', 'number', 'boolean'].includes(typeof x)) : undefined;
}
