/**
 * Type expressions for the docs: the one printer's parts (src/view/printer.ts, inline
 * layout: the same TypeScript as the package's code, on one line) turned into Markdown,
 * each named type a link to its model page.
 *
 * A named schema is rendered into many pages, so the parts of each schema are computed once
 * per type context (a WeakMap by schema identity) and appended to one array, never copied
 * level by level; the Markdown of a type is cached per schema and page folder. A reference
 * (`$ref`) is one object per place it is written, so its results are cached by its target
 * instead: they depend on nothing else but its nullability.
 */
import type { Schema } from '../../ir/types.js';
import { printType, typeText, type TypeContext, type TypePart } from '../../view/printer.js';
import { markdownCode } from '../../escape/index.js';
import { codeLink } from './markdown.js';

export { typeText, type TypePart };

interface Cache {
  parts: WeakMap<Schema, readonly TypePart[]>;
  /** Markdown per link base (`modelHref`'s page folder) */
  markdown: Map<string, WeakMap<Schema, string>>;
  /** by refKey: the parts and, per link base, the Markdown of a reference */
  refParts: Map<string, readonly TypePart[]>;
  refMarkdown: Map<string, Map<string, string>>;
  /** by model name: schemaModels of a reference to it */
  refModels: Map<string, readonly string[]>;
}

const caches = new WeakMap<TypeContext, Cache>();

function cacheOf(ctx: TypeContext): Cache {
  let c = caches.get(ctx);
  if (!c) {
    c = { parts: new WeakMap(), markdown: new Map(), refParts: new Map(), refMarkdown: new Map(), refModels: new Map() };
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
    parts = printType(s, ctx);
    if (ref === undefined) cache.parts.set(s, parts);
    else cache.refParts.set(ref, parts);
  }
  return parts as TypePart[];
}

/** What a reference's type depends on: its target and its nullability. */
function refKey(s: Extract<Schema, { kind: 'ref' }>): string {
  return s.nullable ? `${s.target}?` : s.target;
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
  // a binary schema is an upload (src/view/printer.ts): binary responses are written `Blob` by their callers
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
  return typeMarkdown(printType(s, ctx), href);
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
      // an index signature beside properties admits their types too (or collapses to `unknown`): the printer decides
      if (s.additional && s.properties.length > 0 && s.additional.kind !== 'unknown') {
        for (const name of typeModels(printType(s, ctx))) found.add(name);
        return;
      }
      for (const p of s.properties) walkModels(p.schema, ctx, found);
      if (s.additional && s.properties.length === 0) walkModels(s.additional, ctx, found);
      return;
    case 'union':
    case 'intersection':
      for (const m of s.members) walkModels(m, ctx, found);
      return;
    default:
      return;
  }
}
