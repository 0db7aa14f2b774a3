/**
 * Type expressions for the docs: the same TypeScript as src/emit/type-expr.ts writes in
 * the package (same nullability, parentheses and discriminator rules) but on one line,
 * with the named types marked so the docs can link them to their model pages.
 *
 * A named schema is rendered into many pages, so the parts of each schema are computed once
 * per type context (a WeakMap by schema identity) and appended to one array, never copied
 * level by level; the Markdown of a type is cached per schema and page folder. A reference
 * (`$ref`) is one object per place it is written, so its results are cached by its target
 * instead: they depend on nothing else but its nullability.
 */
import type { Property, Schema } from '../ir/types.js';
import { literalValue as literalType, literalValue, markdownCode, propertyKey } from '../escape/index.js';
import { codeLink } from './docs-markdown.js';
import { hasLiteralTag, type TypeContext } from './type-expr.js';

/** A piece of a type expression: TypeScript text, or a named model type. */
export type TypePart = string | { model: string };

interface Cache {
  parts: WeakMap<Schema, readonly TypePart[]>;
  /** Markdown per link base (`modelHref`'s page folder) */
  markdown: Map<string, WeakMap<Schema, string>>;
  /** by refKey: the parts and, per link base, the Markdown of a reference */
  refParts: Map<string, readonly TypePart[]>;
  refMarkdown: Map<string, Map<string, string>>;
  /** by model name: schemaModels of a reference to it */
  refModels: Map<string, readonly string[]>;
  /** one `{ model }` part per name, shared */
  refs: Map<string, { model: string }>;
}

const caches = new WeakMap<TypeContext, Cache>();

function cacheOf(ctx: TypeContext): Cache {
  let c = caches.get(ctx);
  if (!c) {
    c = { parts: new WeakMap(), markdown: new Map(), refParts: new Map(), refMarkdown: new Map(), refModels: new Map(), refs: new Map() };
    caches.set(ctx, c);
  }
  return c;
}

/** The parts of `s`'s type expression (computed once per schema and context: do not modify). */
export function typeParts(s: Schema, ctx: TypeContext): TypePart[] {
  const cache = cacheOf(ctx);
  const ref = s.kind === 'ref' ? refKey(s) : undefined;
  let parts = ref === undefined ? cache.parts.get(s) : cache.refParts.get(ref);
  if (!parts) {
    const out: TypePart[] = [];
    emit(s, ctx, cache, out);
    parts = out;
    if (ref === undefined) cache.parts.set(s, parts);
    else cache.refParts.set(ref, parts);
  }
  return parts as TypePart[];
}

/** What a reference's type depends on: its target and its nullability. */
function refKey(s: Extract<Schema, { kind: 'ref' }>): string {
  return s.nullable ? `${s.target}?` : s.target;
}

/** The expression as plain TypeScript. */
export function typeText(parts: readonly TypePart[]): string {
  let out = '';
  for (const p of parts) out += typeof p === 'string' ? p : p.model;
  return out;
}

/**
 * The expression as inline Markdown: TypeScript in code spans, each model name a link
 * (`href(name)`); `Array<User> | null` reads [`User`](…)`[] | null`.
 */
export function typeMarkdown(parts: readonly TypePart[], href: (model: string) => string): string {
  let out = '';
  let text = '';
  for (const p of parts) {
    if (typeof p === 'string') {
      text += p;
      continue;
    }
    if (text) out += markdownCode(text);
    text = '';
    out += codeLink(p.model, href(p.model));
  }
  if (text) out += markdownCode(text);
  return out;
}

/**
 * typeMarkdown of `s`, cached per schema for one link base: `base` names the page folder
 * and `href` must depend on nothing else.
 */
export function schemaMarkdown(s: Schema, ctx: TypeContext, base: string, href: (model: string) => string): string {
  const keyword = keywordMarkdown(s);
  if (keyword !== undefined) return keyword;
  const cache = cacheOf(ctx);
  if (s.kind === 'ref') {
    let byRef = cache.refMarkdown.get(base);
    if (!byRef) cache.refMarkdown.set(base, (byRef = new Map()));
    const key = refKey(s);
    let md = byRef.get(key);
    if (md === undefined) byRef.set(key, (md = typeMarkdown(typeParts(s, ctx), href)));
    return md;
  }
  let byBase = cache.markdown.get(base);
  if (!byBase) cache.markdown.set(base, (byBase = new WeakMap()));
  let md = byBase.get(s);
  if (md === undefined) {
    md = typeMarkdown(typeParts(s, ctx), href);
    byBase.set(s, md);
  }
  return md;
}

/** The Markdown of the types that are one keyword: `string`, `string | null`, `Blob`. */
const KEYWORDS: Partial<Record<Schema['kind'], [plain: string, nullable: string]>> = {
  string: ['`string`', '`string | null`'],
  number: ['`number`', '`number | null`'],
  boolean: ['`boolean`', '`boolean | null`'],
  never: ['`never`', '`never | null`'],
  // a binary schema is an upload (type-expr.ts): binary responses are written `Blob` by their callers
  binary: ['`Uploadable`', '`Uploadable | null`'],
  null: ['`null`', '`null`'],
  unknown: ['`unknown`', '`unknown`'],
};

/** The Markdown of `s` when its type is one keyword (`string`, `string | null`), else undefined. */
export function keywordMarkdown(s: Schema): string | undefined {
  const keyword = KEYWORDS[s.kind];
  return keyword && (s.nullable ? keyword[1] : keyword[0]);
}

/** schemaMarkdown of a schema shown once: nothing cached, but for a reference (cached by target). */
export function schemaMarkdownOnce(s: Schema, ctx: TypeContext, base: string, href: (model: string) => string): string {
  const keyword = KEYWORDS[s.kind];
  if (keyword) return s.nullable ? keyword[1] : keyword[0];
  if (s.kind === 'ref') return schemaMarkdown(s, ctx, base, href);
  const cache = cacheOf(ctx);
  const cached = cache.parts.get(s);
  if (cached) return typeMarkdown(cached, href);
  const out: TypePart[] = [];
  emit(s, ctx, cache, out);
  return typeMarkdown(out, href);
}

/** The model names a type expression mentions, in order, once each. */
export function typeModels(parts: readonly TypePart[]): string[] {
  const out: string[] = [];
  for (const p of parts) if (typeof p !== 'string' && !out.includes(p.model)) out.push(p.model);
  return out;
}

/**
 * typeModels(typeParts(s, ctx)), found by walking the schema without writing the
 * expression (a reference's cached by its target: other schemas are seldom asked twice).
 */
export function schemaModels(s: Schema, ctx: TypeContext): readonly string[] {
  // no model in a keyword, a literal or an enum
  if (KEYWORDS[s.kind] !== undefined || s.kind === 'literal' || s.kind === 'enum') return NO_MODELS;
  const cache = cacheOf(ctx);
  if (s.kind === 'ref') {
    const name = ctx.names.get(s.target);
    if (name === undefined) return NO_MODELS;
    let models = cache.refModels.get(name);
    if (!models) cache.refModels.set(name, (models = [name]));
    return models;
  }
  const found = new Set<string>();
  walkModels(s, ctx, found);
  return [...found];
}

const NO_MODELS: readonly string[] = Object.freeze([]);

/** Visits what typeParts would name, in the same order. */
function walkModels(s: Schema, ctx: TypeContext, found: Set<string>): void {
  switch (s.kind) {
    case 'ref': {
      const name = ctx.names.get(s.target);
      if (name) found.add(name);
      return;
    }
    case 'array':
      if (s.prefixItems) for (const m of s.prefixItems) walkModels(m, ctx, found);
      if (!s.prefixItems || s.items.kind !== 'never') walkModels(s.items, ctx, found);
      return;
    case 'object':
      for (const p of s.properties) walkModels(p.schema, ctx, found);
      if (s.additional && !(s.properties.length > 0 && s.additional.kind === 'unknown')) walkModels(s.additional, ctx, found);
      return;
    case 'union':
    case 'intersection':
      for (const m of s.members) walkModels(m, ctx, found);
      return;
    default:
      return;
  }
}

/** Appends the parts of `s` (with its nullability) to `out`. */
function emit(s: Schema, ctx: TypeContext, cache: Cache, out: TypePart[]): void {
  if (!s.nullable || s.kind === 'null' || s.kind === 'unknown') {
    core(s, ctx, cache, out);
  } else if (s.kind === 'intersection') {
    out.push('(');
    core(s, ctx, cache, out);
    out.push(') | null');
  } else {
    core(s, ctx, cache, out);
    out.push(' | null');
  }
}

/** emit, in parentheses when `paren` */
function emitWrapped(s: Schema, ctx: TypeContext, cache: Cache, out: TypePart[], paren: boolean): void {
  if (!paren) return emit(s, ctx, cache, out);
  out.push('(');
  emit(s, ctx, cache, out);
  out.push(')');
}

function modelPart(cache: Cache, name: string): { model: string } {
  let p = cache.refs.get(name);
  if (!p) cache.refs.set(name, (p = { model: name }));
  return p;
}

function core(s: Schema, ctx: TypeContext, cache: Cache, out: TypePart[]): void {
  switch (s.kind) {
    case 'ref': {
      const name = ctx.names.get(s.target);
      out.push(name ? modelPart(cache, name) : 'unknown');
      return;
    }
    case 'string':
    case 'boolean':
    case 'null':
    case 'unknown':
    case 'never':
    case 'number':
      out.push(s.kind);
      return;
    case 'binary':
      out.push('Uploadable');
      return;
    case 'literal':
      out.push(literalType(s.value));
      return;
    case 'enum': {
      let text = '';
      for (let i = 0; i < s.values.length; i++) text += (i > 0 ? ' | ' : '') + literalType(s.values[i]);
      if (s.open) text += s.values.length > 0 ? ' | (string & {})' : '(string & {})';
      out.push(text);
      return;
    }
    case 'array':
      if (s.prefixItems) {
        out.push('[');
        s.prefixItems.forEach((m, i) => {
          if (i > 0) out.push(', ');
          emit(m, ctx, cache, out);
        });
        if (s.items.kind !== 'never') {
          if (s.prefixItems.length > 0) out.push(', ');
          out.push('...');
          elementArray(s.items, ctx, cache, out);
        }
        out.push(']');
        return;
      }
      elementArray(s.items, ctx, cache, out);
      return;
    case 'object':
      objectParts(s.properties, s.additional, ctx, cache, out);
      return;
    case 'union':
      unionParts(s, ctx, cache, out);
      return;
    case 'intersection':
      s.members.forEach((m, i) => {
        if (i > 0) out.push(' & ');
        emitWrapped(m, ctx, cache, out, m.kind === 'union' || m.kind === 'enum' || m.nullable === true || m.kind === 'intersection');
      });
      return;
  }
}

const SIMPLE = /^[\w.]*$/;

/** `T[]` when the element's text is a plain name (`[\w.]+`), else `Array<T>`. */
function elementArray(items: Schema, ctx: TypeContext, cache: Cache, out: TypePart[]): void {
  const start = out.length;
  emit(items, ctx, cache, out);
  let simple = false;
  for (let i = start; i < out.length; i++) {
    const p = out[i];
    const text = typeof p === 'string' ? p : p.model;
    if (!SIMPLE.test(text)) {
      simple = false;
      break;
    }
    if (text !== '') simple = true;
  }
  if (simple) {
    out.push('[]');
  } else {
    out.splice(start, 0, 'Array<');
    out.push('>');
  }
}

function unionParts(s: Extract<Schema, { kind: 'union' }>, ctx: TypeContext, cache: Cache, out: TypePart[]): void {
  const disc = s.discriminator;
  s.members.forEach((m, i) => {
    if (i > 0) out.push(' | ');
    if (disc && m.kind === 'ref') {
      const tags: string[] = [];
      for (const e of disc.mapping) if (e.target === m.target) tags.push(e.value);
      const name = ctx.names.get(m.target);
      const ref: TypePart = name ? modelPart(cache, name) : 'unknown';
      if (tags.length === 0 || hasLiteralTag(ctx.schemas.get(m.target), disc.property, tags, ctx.schemas)) {
        out.push(ref);
        return;
      }
      out.push('(', ref, ` & { ${propertyKey(disc.property)}: ${tags.map((t) => literalValue(t)).join(' | ')} })`);
      return;
    }
    emitWrapped(m, ctx, cache, out, m.kind === 'intersection' || (m.kind === 'union' && m.nullable === true));
  });
}


function objectParts(properties: Property[], additional: Schema | undefined, ctx: TypeContext, cache: Cache, out: TypePart[]): void {
  if (properties.length === 0) {
    if (!additional) {
      out.push('Record<string, never>');
      return;
    }
    out.push('Record<string, ');
    emit(additional, ctx, cache, out);
    out.push('>');
    return;
  }
  out.push('{ ');
  properties.forEach((p, i) => {
    out.push(`${i > 0 ? '; ' : ''}${p.schema.readOnly ? 'readonly ' : ''}${propertyKey(p.name)}${p.required ? '' : '?'}: `);
    emit(p.schema, ctx, cache, out);
  });
  if (additional) {
    out.push('; [key: string]: ');
    if (additional.kind === 'unknown') out.push('unknown');
    else emit(additional, ctx, cache, out);
  }
  out.push(' }');
}
