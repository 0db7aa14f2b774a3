/**
 * Example values for the docs: a TypeScript expression of a schema's type, plausible for a
 * reader (spec `example`, `default`, enum values, `format`, the property's name) and
 * always assignable to the generated type, since the docs' examples are type-checked.
 *
 * Rules: objects get their required properties (and, near the top, a few optional ones so
 * that all-optional bodies do not read `{}`); arrays one item; unions their first member
 * that can be built (with the discriminator's tag set); `allOf` intersections the merge of
 * their members' objects. A schema that cannot be built (`never`, a required cycle) makes
 * its parent fail, and an optional property that fails is left out.
 */
import type { Schema, SchemaId } from '../../ir/types.js';
import { literalExpression as literalCode, objectLiteralKey as literalKey, stringLiteral as quoted, stringLiteral } from '../../escape/index.js';
import { words } from '../../naming/casing.js';
import { memo } from '../../util/memo.js';
import type { TypeContext } from '../../view/printer.js';

/** An example value: literal code, an object or an array. */
export type Example =
  | { kind: 'code'; code: string }
  | { kind: 'object'; entries: [key: string, value: Example][] }
  | { kind: 'array'; items: Example[] };

/** 'request': values the client sends (readOnly optional properties left out); 'response': what it receives. */
export type ExampleMode = 'request' | 'response';

const MAX_DEPTH = 5;
/** optional properties added to objects at depth < OPTIONAL_DEPTH until they have this many entries */
const MIN_ENTRIES = 3;
const OPTIONAL_DEPTH = 2;
const MAX_ENTRIES = 12;
/** past this many values, only what the type requires is built; past 4× it, the example is given up */
const BUDGET = 300;

export function exampleValue(s: Schema, ctx: TypeContext, hint: string, mode: ExampleMode): Example | undefined {
  // a plain string (most parameters): from the hint alone, as the builder would
  if (s.kind === 'string' && s.example === undefined && s.default === undefined && s.format === undefined) return hintString(hint);
  if (s.kind !== 'ref') return new Builder(ctx, mode).value(s, hint, 0);
  // A reference (a request body: operations that send the same model) depends on nothing but
  // its target and nullability, the hint and the mode: remembered per type context.
  let byKey = refExamples.get(ctx);
  if (!byKey) refExamples.set(ctx, (byKey = new Map()));
  const key = `${mode} ${s.nullable ? 1 : 0} ${hint.length}:${hint}${s.target}`;
  let example = byKey.get(key);
  if (example === undefined) byKey.set(key, (example = new Builder(ctx, mode).value(s, hint, 0) ?? null));
  return example ?? undefined;
}

/** exampleValue of references, by type context and key (null: none can be built); examples are never modified */
const refExamples = new WeakMap<TypeContext, Map<string, Example | null>>();

class Builder {
  readonly #ctx: TypeContext;
  readonly #mode: ExampleMode;
  readonly #stack = new Set<SchemaId>();
  #built = 0;

  constructor(ctx: TypeContext, mode: ExampleMode) {
    this.#ctx = ctx;
    this.#mode = mode;
  }

  /** Over budget: build only what the type requires. */
  get #lean(): boolean {
    return this.#built > BUDGET;
  }

  value(s: Schema, hint: string, depth: number): Example | undefined {
    if (++this.#built > 4 * BUDGET) return undefined;
    if (s.nullable && (depth > MAX_DEPTH || s.kind === 'never' || this.#lean)) return code('null');
    switch (s.kind) {
      case 'ref':
        return this.ref(s, hint, depth);
      case 'string':
        return s.example === undefined && s.default === undefined && s.format === undefined ? hintString(hint) : code(quoted(stringExample(s, hint)));
      case 'number':
        return code(String(numberExample(s, hint)));
      case 'boolean':
        return code(typeof s.default === 'boolean' ? String(s.default) : typeof s.example === 'boolean' ? String(s.example) : 'true');
      case 'null':
        return code('null');
      case 'unknown':
        return code('{}');
      case 'never':
        return undefined;
      case 'binary':
        // a named file: servers read the extension (`filename="blob"` is what a bare Blob sends)
        return code(`new File([${stringLiteral('example contents')}], ${stringLiteral(exampleFileName(hint))})`);
      case 'literal':
        return code(literalCode(s.value));
      case 'enum': {
        const values = s.values.filter((v) => v !== null);
        if (values.length === 0) return s.values.length > 0 ? code('null') : undefined;
        const pick = [s.default, s.example].find((v) => v !== null && values.includes(v as never)) ?? values[0];
        return code(literalCode(pick));
      }
      case 'array':
        return this.array(s, hint, depth);
      case 'object':
        return this.object(s, depth, hint);
      case 'union':
        return this.union(s, hint, depth);
      case 'intersection':
        return this.intersection(s, hint, depth);
    }
  }

  ref(s: Extract<Schema, { kind: 'ref' }>, hint: string, depth: number): Example | undefined {
    const target = this.#ctx.schemas.get(s.target);
    if (!target || this.#stack.has(s.target) || depth > MAX_DEPTH) {
      // a cycle or too deep: only what needs no recursion
      if (s.nullable || target?.nullable) return code('null');
      if (target?.kind === 'array') return { kind: 'array', items: [] };
      if (target?.kind === 'object' && target.properties.every((p) => !p.required)) return { kind: 'object', entries: [] };
      return undefined;
    }
    this.#stack.add(s.target);
    try {
      // an object is named after its model: its `id` reads `user_abc123`
      return this.value(target, target.kind === 'object' ? (this.#ctx.names.get(s.target) ?? hint) : hint, depth + 1);
    } finally {
      this.#stack.delete(s.target);
    }
  }

  array(s: Extract<Schema, { kind: 'array' }>, hint: string, depth: number): Example | undefined {
    const itemHint = singular(hint);
    if (s.prefixItems) {
      const items: Example[] = [];
      for (const m of s.prefixItems) {
        const v = this.value(m, itemHint, depth + 1);
        if (!v) return undefined;
        items.push(v);
      }
      return { kind: 'array', items };
    }
    const items = s.items.kind === 'ref' ? this.#ctx.schemas.get(s.items.target) : s.items;
    if (Array.isArray(s.default) && s.default.length > 0 && items && s.default.every((d) => fits(items, d))) {
      return { kind: 'array', items: s.default.map((d) => code(literalCode(d))) };
    }
    if (this.#lean && !s.constraints?.minItems) return { kind: 'array', items: [] };
    const item = this.value(s.items, itemHint, depth + 1);
    if (!item) return s.constraints?.minItems ? undefined : { kind: 'array', items: [] };
    const count = Math.min(Math.max(1, s.constraints?.minItems ?? 1), 3);
    return { kind: 'array', items: Array.from({ length: count }, () => item) };
  }

  object(s: Extract<Schema, { kind: 'object' }>, depth: number, owner: string): Example | undefined {
    const props = s.properties;
    // the chosen values by property index, so that entries come out in wire order, as the model's docs list them
    const chosen: (Example | undefined)[] = [];
    let count = 0;
    for (let i = 0; i < props.length; i++) {
      const p = props[i];
      if (!p.required) continue;
      const v = this.value(p.schema, p.name === 'id' ? idHint(owner) : p.name, depth + 1);
      if (!v) return undefined;
      chosen[i] = v;
      count++;
    }
    if (depth < OPTIONAL_DEPTH && !this.#lean) {
      const limit = depth === 0 ? MAX_ENTRIES : MIN_ENTRIES;
      for (let i = 0; i < props.length && count < limit; i++) {
        const p = props[i];
        if (p.required || this.#skip(p)) continue;
        const v = this.value(p.schema, p.name === 'id' ? idHint(owner) : p.name, depth + 1);
        if (!v) continue;
        chosen[i] = v;
        count++;
      }
    }
    const entries: [string, Example][] = [];
    for (let i = 0; i < chosen.length; i++) if (chosen[i]) entries.push([props[i].name, chosen[i]!]);
    if (props.length === 0 && s.additional && s.additional.kind !== 'never' && s.additional.kind !== 'unknown') {
      const v = this.value(s.additional, 'value', depth + 1);
      if (v) entries.push(['key', v]);
    }
    return { kind: 'object', entries };
  }

  /** Optional properties examples leave out: an optional `stream` flag turns a JSON answer into events (the stream variant sets it). */
  #skip(p: { name: string; schema: Schema }): boolean {
    return (
      (this.#mode === 'request' && (p.schema.readOnly || (p.name === 'stream' && p.schema.kind === 'boolean'))) ||
      (this.#mode === 'response' && p.schema.writeOnly) ||
      !!p.schema.deprecated
    );
  }

  union(s: Extract<Schema, { kind: 'union' }>, hint: string, depth: number): Example | undefined {
    const disc = s.discriminator;
    const members = [...s.members].sort((a, b) => Number(a.kind === 'null') - Number(b.kind === 'null'));
    for (const m of members) {
      let v = this.value(m, hint, depth);
      if (!v) continue;
      if (disc && m.kind === 'ref') {
        const tag = disc.mapping.find((e) => e.target === m.target)?.value;
        if (tag !== undefined) {
          // a member whose own tag property cannot hold the mapped value is uninhabitable
          if (v.kind !== 'object' || !tagFits(this.#ctx.schemas.get(m.target), disc.property, tag)) continue;
          v = { kind: 'object', entries: [[disc.property, code(stringLiteral(tag))], ...v.entries.filter(([k]) => k !== disc.property)] };
        }
      }
      return v;
    }
    return s.nullable ? code('null') : undefined;
  }

  intersection(s: Extract<Schema, { kind: 'intersection' }>, hint: string, depth: number): Example | undefined {
    const entries: [string, Example][] = [];
    for (const m of s.members) {
      const v = this.value(m, hint, depth);
      if (!v || v.kind !== 'object') return s.nullable ? code('null') : undefined;
      for (const e of v.entries) {
        const at = entries.findIndex(([k]) => k === e[0]);
        if (at === -1) entries.push(e);
        else if (printExample(entries[at][1]) !== printExample(e[1])) return undefined;
      }
    }
    return { kind: 'object', entries };
  }
}

function tagFits(target: Schema | undefined, property: string, tag: string): boolean {
  const p = target?.kind === 'object' ? target.properties.find((x) => x.name === property) : undefined;
  if (!p) return true;
  if (p.schema.kind === 'literal') return p.schema.value === tag;
  if (p.schema.kind === 'enum' && !p.schema.open) return p.schema.values.includes(tag);
  return p.schema.kind === 'string' || p.schema.kind === 'unknown' || (p.schema.kind === 'enum' && !!p.schema.open);
}

/** Hints that say nothing about what an object is: its `id` stays generic. */
const GENERIC_HINTS = new Set(['', 'body', 'value', 'item', 'items', 'data', 'result', 'results', 'x', 'id']);

/** The hint for the `id` of an object named `owner`: `user_id` (so it reads `user_abc123`), or `id`. */
function idHint(owner: string): string {
  return GENERIC_HINTS.has(owner) ? 'id' : ownerIdHint(owner);
}

const ownerIdHint = memo((owner: string) => `${words(owner).join('_').toLowerCase()}_id`);

function code(c: string): Example {
  return { kind: 'code', code: c };
}

/** `default` / `example` values fit only when the generated type accepts them. */
function fits(s: Schema, v: unknown): boolean {
  switch (s.kind) {
    case 'string':
      return typeof v === 'string';
    case 'number':
      return typeof v === 'number' && Number.isFinite(v) && (!s.integer || Number.isInteger(v));
    case 'boolean':
      return typeof v === 'boolean';
    case 'enum':
      return s.values.includes(v as never) || (!!s.open && typeof v === 'string');
    case 'literal':
      return s.value === v;
    default:
      return false;
  }
}

function singular(hint: string): string {
  if (/ies$/.test(hint)) return hint.slice(0, -3) + 'y';
  if (/(ss|us)$/.test(hint)) return hint;
  return hint.replace(/s$/, '');
}

const FORMAT_STRINGS: Record<string, string> = {
  'date-time': '2024-03-26T16:45:33Z',
  date: '2024-03-26',
  time: '16:45:33',
  email: 'user@example.com',
  'idn-email': 'user@example.com',
  uri: 'https://example.com',
  url: 'https://example.com',
  'uri-reference': 'https://example.com',
  iri: 'https://example.com',
  uuid: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
  hostname: 'example.com',
  ipv4: '192.0.2.1',
  ipv6: '2001:db8::1',
  byte: 'aGVsbG8=',
  password: 'correct horse battery staple',
  duration: 'PT1H',
};

/** The example of a string schema with no example, default or format: from its hint alone, remembered. */
const hintString = memo((hint: string): Example => code(quoted(stringExample({ kind: 'string', pointer: '' }, hint))));

function stringExample(s: Schema, hint: string): string {
  if (typeof s.example === 'string') return s.example;
  if (typeof s.default === 'string' && s.default !== '') return s.default;
  const byFormat = s.format && FORMAT_STRINGS[s.format];
  if (byFormat) return byFormat;
  const h = hint.toLowerCase();
  if (/e_?mail/.test(h)) return 'user@example.com';
  if (/(^|_)(url|uri|href|link)$|urls?$/.test(h)) return 'https://example.com';
  if (/(_at|date|time)$/.test(h)) return FORMAT_STRINGS['date-time'];
  // user_id → "user_abc123", groupId → "group_abc123"
  const id = /^(.+?)(?:[_-](?:id|ID)|Id|ID)$/.exec(hint);
  if (id) return `${id[1].replace(/[^A-Za-z0-9]+/g, '_').toLowerCase()}_abc123`;
  if (h === 'id') return 'abc123';
  if (/^first_?name$/.test(h)) return 'Ada';
  if (/^(last_?name|surname)$/.test(h)) return 'Lovelace';
  if (/name$/.test(h)) return 'Example name';
  if (/(description|text|content|message|prompt|instructions)$/.test(h)) return 'Hello, world!';
  return hint ? `${hint.replace(/[^A-Za-z0-9]+/g, '_')}_example`.replace(/^_+/, '') : 'example';
}

/** A number a hint suggests (a timestamp, a page size), remembered. */
function hintNumber(hint: string): number | undefined {
  return hintNumberOf(hint) ?? undefined;
}

const hintNumberOf = memo((hint: string): number | null =>
  /(_at|timestamp|time|date)$/i.test(hint) ? 1711471533 : /^(limit|page_size|pagesize|per_page|size)$/i.test(hint) ? 20 : null,
);

function numberExample(s: Extract<Schema, { kind: 'number' }>, hint: string): number {
  const c = s.constraints ?? {};
  const ok = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && (!s.integer || Number.isInteger(v));
  let v: number;
  if (ok(s.example)) v = s.example;
  else if (ok(s.default)) v = s.default;
  else if (hintNumber(hint) !== undefined) v = hintNumber(hint)!;
  else if (typeof c.minimum === 'number') v = c.minimum;
  else if (typeof c.exclusiveMinimum === 'number') v = c.exclusiveMinimum + 1;
  else v = 1;
  if (typeof c.maximum === 'number' && v > c.maximum) v = c.maximum;
  if (typeof c.exclusiveMaximum === 'number' && v >= c.exclusiveMaximum) v = c.exclusiveMaximum - 1;
  if (s.integer) v = Math.round(v);
  return Object.is(v, -0) ? 0 : v;
}

/**
 * Prints an example as TypeScript, breaking objects and arrays over lines when they do not
 * fit in `width` columns; `used` is how many columns the current line already has.
 */
export function printExample(e: Example, indent = '', width = 80, used = indent.length): string {
  if (e.kind === 'code') return e.code;
  const out: string[] = [];
  writeExample(e, indent, width, used, out);
  return out.join('');
}

/** printExample, as pieces appended to `out` (joined once: no intermediate strings). */
function writeExample(e: Example, indent: string, width: number, used: number, out: string[]): void {
  if (e.kind === 'code') {
    out.push(e.code);
    return;
  }
  if (flatLength(e, width - used) <= width - used) {
    writeFlat(e, out);
    return;
  }
  const inner = indent + '  ';
  if (e.kind === 'object') {
    if (e.entries.length === 0) {
      out.push('{}');
      return;
    }
    out.push('{\n');
    for (const [k, v] of e.entries) {
      const key = literalKey(k);
      out.push(inner, key, ': ');
      writeExample(v, inner, width, inner.length + key.length + 3, out);
      out.push(',\n');
    }
    out.push(indent, '}');
    return;
  }
  if (e.items.length === 0) {
    out.push('[]');
    return;
  }
  out.push('[\n');
  for (const v of e.items) {
    out.push(inner);
    writeExample(v, inner, width, inner.length + 1, out);
    out.push(',\n');
  }
  out.push(indent, ']');
}

/** The length of the example on one line, or more than `limit` once it is known to exceed it. */
function flatLength(e: Example, limit: number): number {
  if (e.kind === 'code') return e.code.length;
  if (e.kind === 'array') {
    let n = 2 + (e.items.length > 0 ? 2 * (e.items.length - 1) : 0);
    for (const v of e.items) {
      if (n > limit) return n;
      n += flatLength(v, limit - n);
    }
    return n;
  }
  if (e.entries.length === 0) return 2;
  let n = 4 + 2 * (e.entries.length - 1);
  for (const [k, v] of e.entries) {
    if (n > limit) return n;
    n += literalKey(k).length + 2;
    n += flatLength(v, limit - n);
  }
  return n;
}

/** The example on one line, as pieces appended to `out`. */
function writeFlat(e: Example, out: string[]): void {
  if (e.kind === 'code') {
    out.push(e.code);
    return;
  }
  if (e.kind === 'array') {
    out.push('[');
    e.items.forEach((v, i) => {
      if (i > 0) out.push(', ');
      writeFlat(v, out);
    });
    out.push(']');
    return;
  }
  if (e.entries.length === 0) {
    out.push('{}');
    return;
  }
  out.push('{ ');
  e.entries.forEach(([k, v], i) => {
    out.push(i > 0 ? ', ' : '', literalKey(k), ': ');
    writeFlat(v, out);
  });
  out.push(' }');
}

/** The example file's name, from its field: `image.png`, `audio.mp3`, `file.txt`. */
function exampleFileName(hint: string): string {
  const base = hint.replace(/[^\w-]+/g, '_').replace(/^_+|_+$/g, '') || 'data';
  const ext = /image|mask|photo|picture|avatar|logo/i.test(base) ? 'png' : /audio|sound|voice|speech/i.test(base) ? 'mp3' : /video/i.test(base) ? 'mp4' : 'txt';
  return `${base}.${ext}`;
}
