/**
 * Type expressions for the docs: the same TypeScript as src/emit/type-expr.ts writes in
 * the package (same nullability, parentheses and discriminator rules) but on one line,
 * with the named types marked so the docs can link them to their model pages.
 */
import type { Property, Schema } from '../ir/types.js';
import { literalValue, propertyKey } from '../naming/escape.js';
import { codeLink, markdownCode } from './docs-markdown.js';
import type { TypeContext } from './type-expr.js';

/** A piece of a type expression: TypeScript text, or a named model type. */
export type TypePart = string | { model: string };

export function typeParts(s: Schema, ctx: TypeContext): TypePart[] {
  const core = coreParts(s, ctx);
  if (!s.nullable || s.kind === 'null' || s.kind === 'unknown') return core;
  return s.kind === 'intersection' ? ['(', ...core, ') | null'] : [...core, ' | null'];
}

/** The expression as plain TypeScript. */
export function typeText(parts: TypePart[]): string {
  return parts.map((p) => (typeof p === 'string' ? p : p.model)).join('');
}

/**
 * The expression as inline Markdown: TypeScript in code spans, each model name a link
 * (`href(name)`); `Array<User> | null` reads [`User`](…)`[] | null`.
 */
export function typeMarkdown(parts: TypePart[], href: (model: string) => string): string {
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

/** The model names a type expression mentions, in order, once each. */
export function typeModels(parts: TypePart[]): string[] {
  return [...new Set(parts.filter((p): p is { model: string } => typeof p !== 'string').map((p) => p.model))];
}

function coreParts(s: Schema, ctx: TypeContext): TypePart[] {
  switch (s.kind) {
    case 'ref': {
      const name = ctx.names.get(s.target);
      return name ? [{ model: name }] : ['unknown'];
    }
    case 'string':
    case 'boolean':
    case 'null':
    case 'unknown':
    case 'never':
    case 'number':
      return [s.kind];
    case 'binary':
      return ['Blob'];
    case 'literal':
      return [literalValue(s.value)];
    case 'enum': {
      const parts = s.values.map((v) => literalValue(v));
      if (s.open) parts.push('(string & {})');
      return [parts.join(' | ')];
    }
    case 'array':
      return arrayParts(s, ctx);
    case 'object':
      return objectParts(s.properties, s.additional, ctx);
    case 'union':
      return unionParts(s, ctx);
    case 'intersection':
      return join(s.members.map((m) => wrap(m, ctx)), ' & ');
  }
}

function arrayParts(s: Extract<Schema, { kind: 'array' }>, ctx: TypeContext): TypePart[] {
  if (s.prefixItems) {
    const items = s.prefixItems.map((m) => typeParts(m, ctx));
    if (s.items.kind !== 'never') items.push(['...', ...elementArray(s.items, ctx)]);
    return ['[', ...join(items, ', '), ']'];
  }
  return elementArray(s.items, ctx);
}

function elementArray(items: Schema, ctx: TypeContext): TypePart[] {
  const inner = typeParts(items, ctx);
  return /^[\w.]+$/.test(typeText(inner)) ? [...inner, '[]'] : ['Array<', ...inner, '>'];
}

function unionParts(s: Extract<Schema, { kind: 'union' }>, ctx: TypeContext): TypePart[] {
  const disc = s.discriminator;
  const members = s.members.map((m): TypePart[] => {
    if (disc && m.kind === 'ref') {
      const tags = disc.mapping.filter((e) => e.target === m.target).map((e) => e.value);
      const name = ctx.names.get(m.target);
      const ref: TypePart[] = name ? [{ model: name }] : ['unknown'];
      if (tags.length === 0 || hasLiteralTag(ctx.schemas.get(m.target), disc.property, tags)) return ref;
      return ['(', ...ref, ` & { ${propertyKey(disc.property)}: ${tags.map((t) => literalValue(t)).join(' | ')} })`];
    }
    const parts = typeParts(m, ctx);
    return m.kind === 'intersection' || (m.kind === 'union' && m.nullable) ? ['(', ...parts, ')'] : parts;
  });
  return join(members, ' | ');
}

function hasLiteralTag(target: Schema | undefined, property: string, tags: string[]): boolean {
  if (!target || target.kind !== 'object') return false;
  const p = target.properties.find((x) => x.name === property);
  if (!p) return false;
  if (p.schema.kind === 'literal') return tags.length === 1 && p.schema.value === tags[0];
  if (p.schema.kind === 'enum' && !p.schema.open) return p.schema.values.every((v) => tags.includes(String(v)));
  return false;
}

function wrap(m: Schema, ctx: TypeContext): TypePart[] {
  const parts = typeParts(m, ctx);
  return m.kind === 'union' || m.kind === 'enum' || m.nullable === true || m.kind === 'intersection' ? ['(', ...parts, ')'] : parts;
}

function objectParts(properties: Property[], additional: Schema | undefined, ctx: TypeContext): TypePart[] {
  if (properties.length === 0) return additional ? ['Record<string, ', ...typeParts(additional, ctx), '>'] : ['Record<string, never>'];
  const members = properties.map((p): TypePart[] => [
    `${p.schema.readOnly ? 'readonly ' : ''}${propertyKey(p.name)}${p.required ? '' : '?'}: `,
    ...typeParts(p.schema, ctx),
  ]);
  if (additional) members.push(['[key: string]: ', ...(additional.kind === 'unknown' ? ['unknown'] : typeParts(additional, ctx))]);
  return ['{ ', ...join(members, '; '), ' }'];
}

function join(lists: TypePart[][], sep: string): TypePart[] {
  const out: TypePart[] = [];
  lists.forEach((l, i) => {
    if (i > 0) out.push(sep);
    out.push(...l);
  });
  return out;
}

/** A link-free code span for a whole expression (signatures, headings). */
export function typeCode(parts: TypePart[]): string {
  return markdownCode(typeText(parts));
}
