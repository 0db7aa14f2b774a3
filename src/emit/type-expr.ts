/**
 * IR schema → TypeScript type expression (a string). Every spec string goes through
 * the escaping layer (src/escape/): property keys, literals and comments.
 *
 * readOnly / writeOnly rule: one type serves both directions. `readOnly` properties carry
 * the `readonly` modifier and a JSDoc note; `writeOnly` ones a JSDoc note. Required-ness
 * is the spec's.
 */
import type { Property, Schema, SchemaId } from '../ir/types.js';
import { jsDocLines, literalValue, propertyKey } from '../escape/index.js';
import { ownTags } from '../normalize/discriminator.js';

export interface TypeContext {
  /** generated type name of each named schema */
  names: ReadonlyMap<SchemaId, string>;
  /** the named schemas themselves (for discriminator tags) */
  schemas: ReadonlyMap<SchemaId, Schema>;
  /** collects every type name an expression refers to (for imports) */
  used?: Set<string>;
  /** collects the runtime types an expression refers to (`Uploadable`), for imports */
  runtimeTypes?: Set<string>;
}

/** The runtime's upload type (runtime/types.ts): Blob, File, bytes, web or Node.js streams. */
export const UPLOADABLE = 'Uploadable';

export function typeExpr(s: Schema, ctx: TypeContext, indent = ''): string {
  const core = coreExpr(s, ctx, indent);
  if (!s.nullable || s.kind === 'null' || s.kind === 'unknown') return core;
  return needsParens(s) && s.kind === 'intersection' ? `(${core}) | null` : `${core} | null`;
}

function coreExpr(s: Schema, ctx: TypeContext, indent: string): string {
  switch (s.kind) {
    case 'ref':
      return refName(s.target, ctx);
    case 'string':
      return 'string';
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'null':
      return 'null';
    case 'unknown':
      return 'unknown';
    case 'never':
      return 'never';
    case 'binary':
      // binary schemas are what requests upload (a binary response is the runtime's `Blob`)
      ctx.runtimeTypes?.add(UPLOADABLE);
      return UPLOADABLE;
    case 'literal':
      return literalValue(s.value);
    case 'enum': {
      const parts = s.values.map(literalValue);
      if (s.open) parts.push('(string & {})');
      return parts.join(' | ');
    }
    case 'array':
      return arrayExpr(s, ctx, indent);
    case 'object':
      return objectExpr(s.properties, s.additional, ctx, indent);
    case 'union':
      return unionExpr(s, ctx, indent);
    case 'intersection':
      return s.members.map((m) => parenthesized(m, ctx, indent)).join(' & ');
  }
}

function refName(target: SchemaId, ctx: TypeContext): string {
  const name = ctx.names.get(target);
  if (name === undefined) return 'unknown';
  ctx.used?.add(name);
  return name;
}

function arrayExpr(s: Extract<Schema, { kind: 'array' }>, ctx: TypeContext, indent: string): string {
  if (s.prefixItems) {
    const items = s.prefixItems.map((m) => typeExpr(m, ctx, indent));
    if (s.items.kind !== 'never') items.push(`...${elementArray(s.items, ctx, indent)}`);
    return `[${items.join(', ')}]`;
  }
  return elementArray(s.items, ctx, indent);
}

function elementArray(items: Schema, ctx: TypeContext, indent: string): string {
  const inner = typeExpr(items, ctx, indent);
  return /^[\w.]+$/.test(inner) ? `${inner}[]` : `Array<${inner}>`;
}

function unionExpr(s: Extract<Schema, { kind: 'union' }>, ctx: TypeContext, indent: string): string {
  return unionParts(s, ctx, indent).join(' | ');
}

/** The members of a union or enum as separate type expressions (for multi-line layout). */
export function topLevelParts(s: Schema, ctx: TypeContext): string[] | undefined {
  let parts: string[];
  if (s.kind === 'union') parts = unionParts(s, ctx, '  ');
  else if (s.kind === 'enum') parts = s.values.map(literalValue).concat(s.open ? ['(string & {})'] : []);
  else return undefined;
  if (s.nullable) parts.push('null');
  return parts;
}

function unionParts(s: Extract<Schema, { kind: 'union' }>, ctx: TypeContext, indent: string): string[] {
  const disc = s.discriminator;
  // `anyOf: [{type: string}, {$ref: SomeStringEnum}]` is an open enum that keeps its name:
  // `SomeStringEnum | (string & {})` (editors still complete the known values).
  const openString = !disc && s.members.some((m) => m.kind === 'ref' && isStringEnum(ctx.schemas.get(m.target)));
  return s.members
    .map((m) => {
      if (openString && m.kind === 'string' && !m.nullable) return '(string & {})';
      if (disc && m.kind === 'ref') {
        const tags = disc.mapping.filter((e) => e.target === m.target).map((e) => e.value);
        const name = refName(m.target, ctx);
        if (tags.length === 0 || hasLiteralTag(ctx.schemas.get(m.target), disc.property, tags, ctx.schemas)) return name;
        return `(${name} & { ${propertyKey(disc.property)}: ${tags.map(literalValue).join(' | ')} })`;
      }
      return m.kind === 'intersection' || (m.kind === 'union' && m.nullable) ? `(${typeExpr(m, ctx, indent)})` : typeExpr(m, ctx, indent);
    });
}

function isStringEnum(s: Schema | undefined): boolean {
  return (s?.kind === 'enum' && s.values.every((v) => typeof v === 'string')) || (s?.kind === 'literal' && typeof s.value === 'string');
}

/**
 * The member already declares the tag, with only these values (a literal, a closed enum, or
 * a union whose members each declare one): it keeps its type, no `& { tag: … }`.
 */
export function hasLiteralTag(target: Schema | undefined, property: string, tags: string[], schemas: ReadonlyMap<SchemaId, Schema> = new Map()): boolean {
  const own = ownTags(target, property, schemas);
  return own.length > 0 && own.every((t) => tags.includes(t));
}

function parenthesized(m: Schema, ctx: TypeContext, indent: string): string {
  const expr = typeExpr(m, ctx, indent);
  return needsParens(m) ? `(${expr})` : expr;
}

function needsParens(m: Schema): boolean {
  return m.kind === 'union' || m.kind === 'enum' || m.nullable === true || m.kind === 'intersection';
}

/** An object type literal, or `Record<string, T>` when it has no declared properties. */
export function objectExpr(properties: Property[], additional: Schema | undefined, ctx: TypeContext, indent: string): string {
  if (properties.length === 0) return additional ? `Record<string, ${typeExpr(additional, ctx, indent)}>` : 'Record<string, never>';
  return `{\n${objectMembers(properties, additional, ctx, indent + '  ')}${indent}}`;
}

/** The members of an object type or interface body, one per line, each with its JSDoc. */
export function objectMembers(properties: Property[], additional: Schema | undefined, ctx: TypeContext, indent: string): string {
  let out = '';
  for (const p of properties) {
    out += propertyDoc(p, indent);
    const readonly = p.schema.readOnly ? 'readonly ' : '';
    out += `${indent}${readonly}${propertyKey(p.name)}${p.required ? '' : '?'}: ${typeExpr(p.schema, ctx, indent)};\n`;
  }
  if (additional) out += `${indent}[key: string]: ${indexType(properties, additional, ctx, indent)};\n`;
  return out;
}

/** The index signature must admit every declared property's type too. */
function indexType(properties: Property[], additional: Schema, ctx: TypeContext, indent: string): string {
  const extra = typeExpr(additional, ctx, indent);
  if (extra === 'unknown' || properties.length === 0) return extra;
  const parts = new Set<string>([extra]);
  for (const p of properties) {
    parts.add(typeExpr(p.schema, ctx, indent));
    if (!p.required) parts.add('undefined');
  }
  if (parts.has('unknown')) return 'unknown';
  return [...parts].map((t) => (t.includes('\n') ? `(${t})` : t)).join(' | ');
}

function propertyDoc(p: Property, indent: string): string {
  return docBlock(schemaDocLines(p.schema), indent);
}

/** Documentation lines for a schema: description (unless `withText` is false), then tags. */
export function schemaDocLines(s: Schema, withText = true): string[] {
  const lines: string[] = [];
  const text = withText ? (s.description ?? s.title) : undefined;
  if (text) lines.push(...jsDocLines(text));
  const facts: string[] = [];
  if (s.format && s.kind !== 'binary') facts.push(`format: ${s.format}`);
  const c = s.constraints;
  if (c) {
    for (const [k, v] of Object.entries(c)) facts.push(`${k}: ${typeof v === 'string' ? JSON.stringify(v) : String(v)}`);
  }
  if (s.readOnly) facts.push('read-only: set by the server, ignored in requests');
  if (s.writeOnly) facts.push('write-only: sent in requests, never returned');
  if (facts.length > 0) {
    if (lines.length > 0) lines.push('');
    lines.push(...jsDocLines(facts.join('; ')));
  }
  if (s.default !== undefined) lines.push(...jsDocLines(`@default ${JSON.stringify(s.default)}`));
  if (s.deprecated) lines.push('@deprecated');
  return lines;
}

/** Prose lines wrap at this column (code blocks in descriptions are left as they are). */
const WIDTH = 100;

/** A JSDoc block from already-escaped lines ('' when there are none). */
export function docBlock(raw: string[], indent: string): string {
  if (raw.length === 0) return '';
  const lines = wrapProse(raw, WIDTH - indent.length - 3);
  if (lines.length === 1 && lines[0].length + indent.length + 7 <= WIDTH) return `${indent}/** ${lines[0]} */\n`;
  let out = `${indent}/**\n`;
  for (const l of lines) out += l === '' ? `${indent} *\n` : `${indent} * ${l}\n`;
  return `${out}${indent} */\n`;
}

/** Wrap long prose lines at word boundaries; ``` fences, table rows and tag lines are kept as they are. */
function wrapProse(lines: string[], width: number): string[] {
  if (lines.every((l) => l.length <= width)) return lines; // nothing to wrap (most doc blocks)
  const out: string[] = [];
  let fenced = false;
  for (const line of lines) {
    if (line.includes('```') && /^\s*```/.test(line)) fenced = !fenced;
    if (fenced || line.length <= width || /^\s*\|/.test(line) || line.startsWith('@')) {
      out.push(line);
      continue;
    }
    // A list item's continuation lines hang under its text.
    const lead = /^\s*(?:[-*+] |\d+\. )?/.exec(line)![0];
    let prefix = lead;
    let current = '';
    for (const word of line.slice(lead.length).split(/ +/)) {
      if (current !== '' && prefix.length + current.length + 1 + word.length > width) {
        out.push(prefix + current);
        prefix = ' '.repeat(lead.length);
        current = word;
      } else current = current === '' ? word : `${current} ${word}`;
    }
    out.push(prefix + current);
  }
  return out;
}
