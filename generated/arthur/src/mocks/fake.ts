/**
 * The fake-data generator: a fake schema (./schema.ts) + a seed → a value that satisfies it.
 * Deterministic: the same schema and seed give the same value. Zero dependencies; with a
 * Faker instance (`@faker-js/faker`, the `faker: true` option) strings without a format or a
 * pattern are realistic names, addresses and text.
 *
 * Rules: required properties always, optional ones mostly; `null` now and then where allowed;
 * a valid spec example first; enums and `const` as written; a discriminated union's tag is the
 * value that maps to the member generated; a `oneOf` value matches exactly one member; formats,
 * length bounds, ranges, `multipleOf` and patterns (./pattern.ts) respected. Past `depth`
 * nested objects, only what is required is generated (recursion ends).
 */
import { check, entry } from './check.js';
import { matching } from './pattern.js';
import { random, type Random } from './random.js';
import type { FakeSchema, FakeSchemas, Literal } from './schema.js';

export type { FakeSchema, FakeSchemas } from './schema.js';

/** What `fake…()` takes besides the overrides. */
export interface FakeOptions {
  /** same seed, same value (default 1) */
  seed?: number;
  /** nesting depth past which only required members are generated (default 3) */
  depth?: number;
  /** use the spec's examples where valid (default true) */
  examples?: boolean;
}

/** The few Faker calls the generator makes (`@faker-js/faker`'s `faker` has them all). */
export interface FakerLike {
  seed(seed: number): unknown;
  person: { fullName(): string; firstName(): string; lastName(): string };
  internet: { email(): string; url(): string; username(): string };
  location: { streetAddress(): string; city(): string; country(): string; zipCode(): string };
  company: { name(): string };
  phone: { number(): string };
  lorem: { sentence(): string; word(): string };
}

interface Ctx {
  rnd: Random;
  schemas: FakeSchemas;
  depth: number;
  maxDepth: number;
  examples: boolean;
  faker?: FakerLike;
}

/** A value of `schema`. */
export function fake(schema: FakeSchema, schemas: FakeSchemas, options: FakeOptions = {}, faker?: FakerLike): unknown {
  const seed = options.seed ?? 1;
  faker?.seed(seed);
  return gen(schema, { rnd: random(seed), schemas, depth: 0, maxDepth: options.depth ?? 3, examples: options.examples ?? true, ...(faker ? { faker } : {}) }, '');
}

/** A fake value with `overrides` laid over it (objects: property by property). */
export function withOverrides(value: unknown, overrides: unknown): unknown {
  if (overrides === undefined) return value;
  // `{}` sets nothing: the value stays, whatever its kind (a string enum, an array, a union's member)
  if (isRecord(overrides) && Object.keys(overrides).length === 0) return isRecord(value) ? { ...value } : value;
  if (isRecord(value) && isRecord(overrides)) return { ...value, ...overrides };
  return overrides;
}

const HARD_LIMIT = 40;

function gen(s: FakeSchema, ctx: Ctx, key: string): unknown {
  const deep = ctx.depth >= ctx.maxDepth;
  if (ctx.depth > ctx.maxDepth + HARD_LIMIT) throw new Error(`fake data: no finite value (${key})`);
  // a `null` of a nullable oneOf could match several members: only its members' own values
  if (s.n && s.k !== 'oneOf' && (deep || ctx.rnd.chance(0.1))) return null;
  if (ctx.examples && s.ex !== undefined && check(s, s.ex, ctx.schemas, true)) return structuredClone(s.ex);
  switch (s.k) {
    case 'ref':
      return gen(entry(ctx.schemas, s.r), ctx, key);
    case 'null':
      return null;
    case 'any':
      return word(ctx.rnd);
    case 'never':
      throw new Error(`fake data: ${key || 'a value'} can never be valid`);
    case 'boolean':
      return ctx.rnd.chance(0.5);
    case 'binary':
      return new Blob([word(ctx.rnd)], { type: 'application/octet-stream' });
    case 'lit':
      return s.v;
    case 'enum': {
      const values = (s.v as Literal[]).filter((v) => v !== null || s.n);
      return ctx.rnd.pick(values.length ? values : (s.v as Literal[]));
    }
    case 'string':
      return string(s, ctx, key);
    case 'number':
      return number(s, ctx.rnd);
    case 'array':
      return array(s, ctx, key);
    case 'object':
      return object(s, ctx);
    case 'oneOf':
    case 'anyOf':
      return union(s, ctx, key);
    case 'allOf':
      return allOf(s, ctx, key);
  }
}

function nested<T>(ctx: Ctx, f: () => T): T {
  ctx.depth++;
  try {
    return f();
  } finally {
    ctx.depth--;
  }
}

function object(s: FakeSchema, ctx: Ctx): Record<string, unknown> {
  const deep = ctx.depth >= ctx.maxDepth;
  return nested(ctx, () => {
    const out: Record<string, unknown> = {};
    const props = s.props ?? [];
    const optional = props.filter(([, required, p]) => !required && p.k !== 'never');
    // room left under maxProperties once the required ones are in
    let room = (s.max ?? Infinity) - props.filter(([, required]) => required).length;
    for (const [name, required, p] of props) {
      if (required) out[name] = gen(p, ctx, name);
      else if (room > 0 && !deep && p.k !== 'never' && ctx.rnd.chance(0.75)) {
        out[name] = gen(p, ctx, name);
        room--;
      }
    }
    const min = s.min ?? 0;
    for (const [name, , p] of optional) {
      if (Object.keys(out).length >= min) break;
      if (!(name in out)) out[name] = gen(p, ctx, name);
    }
    if (s.a && s.a.k !== 'never') {
      const extra = Math.max(min - Object.keys(out).length, deep ? 0 : ctx.rnd.int(0, Math.min(2, room)));
      for (let i = 0; i < extra; i++) {
        let k = `${word(ctx.rnd)}_${i}`;
        while (k in out) k += '_';
        out[k] = gen(s.a, ctx, k);
      }
    }
    return out;
  });
}

function array(s: FakeSchema, ctx: Ctx, key: string): unknown[] {
  const deep = ctx.depth >= ctx.maxDepth;
  return nested(ctx, () => {
    const min = s.min ?? 0;
    const max = s.max ?? Infinity;
    const n = deep ? min : ctx.rnd.int(Math.max(min, Math.min(1, max)), Math.min(max, Math.max(min, 3)));
    const out: unknown[] = [];
    const seen = new Set<string>();
    for (let tries = 0; out.length < n && tries < n * 10 + 10; tries++) {
      const v = gen(s.pre?.[out.length] ?? s.i!, ctx, key);
      const id = s.u ? JSON.stringify(v) : '';
      if (s.u && seen.has(id)) continue;
      seen.add(id);
      out.push(v);
    }
    return out;
  });
}

function union(s: FakeSchema, ctx: Ctx, key: string): unknown {
  if (s.tag && s.map?.length) {
    const [value, entry] = ctx.rnd.pick(s.map);
    const v = gen({ k: 'ref', r: entry }, ctx, key);
    return isRecord(v) ? { ...v, [s.tag]: value } : v;
  }
  const members = s.of!;
  // past the depth bound, members that end soonest first
  const order = ctx.depth >= ctx.maxDepth ? [...members].sort((a, b) => weight(a) - weight(b)) : shuffle(members, ctx.rnd);
  let last: unknown;
  for (const m of order) {
    // a oneOf member's `null` would match every nullable member: its non-null values only
    last = gen(s.k === 'oneOf' && m.n ? nullable(m, undefined) : m, ctx, key);
    if (s.k === 'anyOf' || s.of!.filter((x) => check(x, last, ctx.schemas)).length === 1) return last;
  }
  return last;
}

/**
 * allOf: the members' intersection when they are all objects (properties of every member,
 * required where any member requires them, nullable only where all are, shared properties
 * intersected in turn); otherwise a value of the most specific member that the others accept.
 */
function allOf(s: FakeSchema, ctx: Ctx, key: string): unknown {
  const merged = intersection(s, ctx.schemas);
  const candidates = merged ? [merged] : specific(s.of!, ctx.schemas);
  let out: unknown;
  for (let attempt = 0; attempt < 5; attempt++) {
    const candidate = candidates[attempt % candidates.length];
    if (!candidate) break;
    out = gen(candidate, ctx, key);
    if (check(s, out, ctx.schemas)) return out;
  }
  return out;
}

/** `s` with `n` (nullable) set to `n`, or without it. */
function nullable(s: FakeSchema, n: 1 | undefined): FakeSchema {
  if (s.n === n) return s;
  const out = { ...s };
  if (n) out.n = n;
  else delete out.n;
  return out;
}

const intersections = new WeakMap<FakeSchema, FakeSchema | null>();

function resolve(s: FakeSchema, schemas: FakeSchemas): FakeSchema {
  let n = s.n;
  for (let i = 0; s.k === 'ref' && i < 32; i++) {
    s = entry(schemas, s.r);
    n = n && s.n;
  }
  return nullable(s, n);
}

function intersection(s: FakeSchema, schemas: FakeSchemas): FakeSchema | undefined {
  if (!intersections.has(s)) {
    const members = s.of!.map((m) => resolve(m, schemas)).flatMap((m) => (m.k === 'allOf' ? m.of!.map((x) => resolve(x, schemas)) : [m]));
    let result: FakeSchema | null = null;
    if (members.every((m) => m.k === 'object')) {
      const props = new Map<string, { required: boolean; schemas: FakeSchema[] }>();
      for (const m of members) {
        for (const [name, required, p] of m.props ?? []) {
          const e = props.get(name) ?? { required: false, schemas: [] };
          e.required ||= !!required;
          e.schemas.push(p);
          props.set(name, e);
        }
      }
      result = { k: 'object', props: [...props].map(([name, e]) => [name, e.required ? 1 : 0, e.schemas.length === 1 && e.schemas[0] ? e.schemas[0] : { k: 'allOf', of: e.schemas }]) };
      const first = members[0]?.a;
      if (first && members.every((m) => m.a)) result.a = first;
      if (members.every((m) => m.n)) result.n = 1;
    }
    intersections.set(s, result);
  }
  return intersections.get(s) ?? undefined;
}

/** The members, those whose values are fewest first (a literal, an enum, …, `any`), nullable only if all are. */
function specific(members: FakeSchema[], schemas: FakeSchemas): FakeSchema[] {
  const resolved = members.map((m) => resolve(m, schemas));
  const n = resolved.every((m) => m.n) ? 1 : undefined;
  const rank = (m: FakeSchema) => ({ lit: 0, enum: 1, any: 9 })[m.k as string] ?? 5;
  return resolved.sort((a, b) => rank(a) - rank(b)).map((m) => nullable(m, n));
}

/** How soon a schema's values end: scalars first, then arrays, then objects and references. */
function weight(s: FakeSchema): number {
  if (s.n) return 0;
  if (s.k === 'ref') return 3;
  if (s.k === 'object') return 2 + (s.props ?? []).filter(([, r]) => r).length / 100;
  if (s.k === 'array') return (s.min ?? 0) > 0 ? 2 : 1;
  if (s.k === 'oneOf' || s.k === 'anyOf' || s.k === 'allOf') return 2.5;
  return 0;
}

function shuffle<T>(xs: readonly T[], rnd: Random): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rnd.int(0, i);
    const x = out[i] as T;
    out[i] = out[j] as T;
    out[j] = x;
  }
  return out;
}

function number(s: FakeSchema, rnd: Random): number {
  const step = s.m ?? (s.int ? 1 : 0.01);
  let lo = s.min ?? -Infinity;
  let hi = s.max ?? Infinity;
  if (s.xmin !== undefined) lo = Math.max(lo, s.xmin + step / 2);
  if (s.xmax !== undefined) hi = Math.min(hi, s.xmax - step / 2);
  if (s.int && s.f === 'int32') [lo, hi] = [Math.max(lo, -(2 ** 31)), Math.min(hi, 2 ** 31 - 1)];
  if (lo === -Infinity) lo = hi === Infinity ? 0 : hi - 1000;
  if (hi === Infinity) hi = lo + 1000;
  const kLo = Math.ceil(lo / step - 1e-9);
  const kHi = Math.floor(hi / step + 1e-9);
  for (let attempt = 0; attempt < 10; attempt++) {
    const k = rnd.int(kLo, Math.max(kLo, kHi));
    const v = Number((k * step).toPrecision(12));
    if (v >= lo && v <= hi && (!s.m || Number.isInteger(v / s.m)) && (!s.int || Number.isInteger(v))) return v;
  }
  return s.int ? Math.ceil(lo) : lo;
}

const WORDS = ['alpha', 'bravo', 'cedar', 'delta', 'ember', 'fjord', 'gamma', 'harbor', 'iris', 'juniper', 'kite', 'lumen', 'maple', 'nova', 'orbit', 'pixel', 'quartz', 'river', 'sierra', 'tango', 'umber', 'vertex', 'willow', 'xenon', 'yarrow', 'zephyr'];
const NAMES = ['Ada Lovelace', 'Grace Hopper', 'Alan Turing', 'Katherine Johnson', 'Edsger Dijkstra', 'Barbara Liskov', 'Donald Knuth', 'Margaret Hamilton'];
const ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';

function word(rnd: Random): string {
  return rnd.pick(WORDS);
}

function token(rnd: Random, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += ALNUM[rnd.int(0, ALNUM.length - 1)];
  return s;
}

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

function formatted(f: string | undefined, rnd: Random): string | undefined {
  const y = rnd.int(2000, 2030);
  const d = `${y}-${pad(rnd.int(1, 12))}-${pad(rnd.int(1, 28))}`;
  const t = `${pad(rnd.int(0, 23))}:${pad(rnd.int(0, 59))}:${pad(rnd.int(0, 59))}`;
  const hex = (n: number) => Array.from({ length: n }, () => '0123456789abcdef'[rnd.int(0, 15)]).join('');
  switch (f) {
    case 'date-time':
      return `${d}T${t}Z`;
    case 'date':
      return d;
    case 'time':
      return `${t}Z`;
    case 'email':
    case 'idn-email':
      return `${word(rnd)}.${token(rnd, 4)}@example.com`;
    case 'uuid':
      return `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[rnd.int(0, 3)]}${hex(3)}-${hex(12)}`;
    case 'uri':
    case 'url':
    case 'iri':
      return `https://example.com/${word(rnd)}/${token(rnd, 6)}`;
    case 'uri-reference':
    case 'iri-reference':
      return `/${word(rnd)}/${token(rnd, 6)}`;
    case 'uri-template':
      return `https://example.com/${word(rnd)}/{id}`;
    case 'hostname':
    case 'idn-hostname':
      return `${word(rnd)}.example.com`;
    case 'ipv4':
      return [0, 0, 0, 0].map(() => rnd.int(1, 254)).join('.');
    case 'ipv6':
      return Array.from({ length: 8 }, () => hex(4)).join(':');
    case 'byte':
      return btoa(token(rnd, 9));
    case 'duration':
      return `P${rnd.int(1, 30)}D`;
    case 'int64':
    case 'int32':
    case 'integer':
      return String(rnd.int(0, 1e6));
    case 'decimal':
    case 'number':
    case 'double':
    case 'float':
      return `${rnd.int(0, 9999)}.${pad(rnd.int(0, 99))}`;
    case 'json-pointer':
      return `/${word(rnd)}/${rnd.int(0, 9)}`;
    case 'regex':
      return `^${word(rnd)}$`;
  }
  return undefined;
}

/** A string that reads like its property: ids, names, emails, else words. */
function plain(key: string, ctx: Ctx): string {
  const { rnd, faker } = ctx;
  const k = key.toLowerCase();
  if (faker) {
    if (/e_?mail/.test(k)) return faker.internet.email();
    if (/^(full_?)?name$|^display_?name$/.test(k)) return faker.person.fullName();
    if (/first_?name/.test(k)) return faker.person.firstName();
    if (/last_?name/.test(k)) return faker.person.lastName();
    if (/user_?name|login|handle/.test(k)) return faker.internet.username();
    if (/(street|address)/.test(k)) return faker.location.streetAddress();
    if (/city/.test(k)) return faker.location.city();
    if (/country/.test(k)) return faker.location.country();
    if (/(postal|zip)/.test(k)) return faker.location.zipCode();
    if (/phone/.test(k)) return faker.phone.number();
    if (/company|organization/.test(k)) return faker.company.name();
    if (/url|website|homepage/.test(k)) return faker.internet.url();
    if (/description|summary|message|text|comment|bio|title/.test(k)) return faker.lorem.sentence();
  }
  if (k === 'id' || k.endsWith('_id') || k.endsWith('id') && /[a-z]Id$/.test(key)) return `${k.replace(/_?id$/, '') || 'obj'}_${token(rnd, 10)}`;
  if (/e_?mail/.test(k)) return `${word(rnd)}.${token(rnd, 4)}@example.com`;
  if (/name$/.test(k) && !/file|host|path/.test(k)) return rnd.pick(NAMES);
  if (/url|uri|href|link/.test(k)) return `https://example.com/${word(rnd)}`;
  return faker ? faker.lorem.word() : `${word(rnd)} ${word(rnd)}`;
}

function string(s: FakeSchema, ctx: Ctx, key: string): string {
  const { rnd } = ctx;
  const min = s.min ?? 0;
  const max = s.max ?? Infinity;
  if (s.p) {
    const m = matching(s.p, rnd, min, max);
    if (m !== undefined) return m;
    // Fallback (documented): a pattern beyond the supported subset, or none found in a few tries.
  }
  let v = formatted(s.f, rnd) ?? plain(key, ctx);
  if ([...v].length > max) v = [...v].slice(0, max).join('');
  while ([...v].length < min) v += token(rnd, Math.min(8, min - [...v].length));
  return v;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(typeof Blob !== 'undefined' && v instanceof Blob);
}
