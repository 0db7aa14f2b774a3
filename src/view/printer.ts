/**
 * The one type printer: IR schema → TypeScript type expression, as a list of parts (text and
 * references to named models). The package's code joins the parts as text; the docs turn the
 * references into links; plugins do either. One handler per IR node kind (`HANDLERS`).
 *
 * Two layouts of the same expression:
 * - `block` (the package's code): object literals one member per line, each with its JSDoc,
 *   indented from `indent`;
 * - `inline` (the docs, plugins that want one line): `{ a: T; b?: U }`.
 * Apart from that whitespace and the JSDoc, the two read the same (test/view/printer.test.ts
 * checks it over every schema node of the OpenAI spec).
 *
 * Every spec string goes through the escaping layer: property keys, literals and comments.
 * readOnly properties carry the `readonly` modifier; required-ness is the spec's; required
 * members come before optional ones (each in the spec's order).
 */
import type { Property, Schema, SchemaId, SchemaOf } from '../ir/types.js';
import { jsDocLines, literalValue, propertyKey } from '../escape/index.js';
import { ownTags } from '../normalize/discriminator.js';
import { flat } from '../util/flat.js';

/** A reference to a named model in a type expression: its schema id and its generated name. */
export interface ModelRef {
  readonly model: string;
  readonly id: SchemaId;
}

/** A piece of a type expression: TypeScript text, or a named model type. */
export type TypePart = string | ModelRef;

export interface TypeContext {
  /** generated type name of each named schema */
  readonly names: ReadonlyMap<SchemaId, string>;
  /** the named schemas themselves (for discriminator tags) */
  readonly schemas: ReadonlyMap<SchemaId, Schema>;
  /** collects every type name an expression refers to (for imports) */
  used?: Set<string>;
  /** collects the runtime types an expression refers to (`Uploadable`), for imports */
  runtimeTypes?: Set<string>;
}

/** The runtime's upload type (runtime/types.ts): Blob, File, bytes, web or Node.js streams. */
export const UPLOADABLE = 'Uploadable';

export type Layout = 'block' | 'inline';

/** One printing: the context, the layout, and a count of the object literals written (see indexParts). */
interface Printer {
  readonly ctx: TypeContext;
  readonly layout: Layout;
  /** object literals with members written so far (in block layout: the multi-line ones) */
  objects: number;
  /** block layout: the column where the next expression starts, when known (-1: estimated from its indent) */
  column: number;
}

/**
 * Block layout breaks a union (or enum) whose line would pass WIDTH into one member per line,
 * `\n<indent>  | A`; where the column it starts at is not known, it is taken to be this far
 * past the indent (a member's key).
 */
const NESTED_COLUMN = 24;

/** The parts of `s`'s type expression. */
export function printType(s: Schema, ctx: TypeContext, layout: Layout = 'inline', indent = '', column = -1): TypePart[] {
  const out: TypePart[] = [];
  print(s, { ctx, layout, objects: 0, column }, indent, out);
  return out;
}

/** The expression as plain TypeScript. */
export function typeText(parts: readonly TypePart[]): string {
  let out = '';
  for (const p of parts) out += typeof p === 'string' ? p : p.model;
  return flat(out); // kept in the view for the whole run (src/util/flat.ts)
}

/** `s`'s type as TypeScript text (printType joined). */
export function printTypeText(s: Schema, ctx: TypeContext, layout: Layout = 'inline', indent = '', column = -1): string {
  return typeText(printType(s, ctx, layout, indent, column));
}

/** The members of a union or enum (and `null` when nullable) as separate expressions, or undefined for other kinds. */
export function printMembers(s: Schema, ctx: TypeContext, layout: Layout, indent: string): TypePart[][] | undefined {
  const p: Printer = { ctx, layout, objects: 0, column: -1 };
  let members: TypePart[][];
  if (s.kind === 'union') members = unionMembers(s, p, indent);
  else if (s.kind === 'enum') members = enumMembers(s).map((t) => [t]);
  else return undefined;
  if (s.nullable) members.push(['null']);
  return members;
}

/** An object type literal, or `Record<string, T>` when it has no declared properties. */
export function printObject(properties: readonly Property[], additional: Schema | undefined, ctx: TypeContext, layout: Layout, indent: string): TypePart[] {
  const out: TypePart[] = [];
  objectParts(properties, additional, { ctx, layout, objects: 0, column: -1 }, indent, out);
  return out;
}

/** The members of an object type or interface body in block layout, one per line with its JSDoc. */
export function printObjectMembers(properties: readonly Property[], additional: Schema | undefined, ctx: TypeContext, indent: string): TypePart[] {
  const out: TypePart[] = [];
  blockMembers(properties, additional, { ctx, layout: 'block', objects: 0, column: -1 }, indent, out);
  return out;
}

/** One member of an interface body, as facts: its escaped JSDoc lines, key, modifiers and type. */
export interface MemberView {
  /** escaped JSDoc lines (unwrapped) */
  readonly doc: readonly string[];
  readonly readonly: boolean;
  /** the property key as TypeScript writes it (an identifier or a string literal) */
  readonly key: string;
  readonly optional: boolean;
  /** the member's type, block layout, nested members indented from `indent` */
  readonly type: string;
}

/**
 * The members of an interface body as facts (the layout is the template's), and the index
 * signature's type when there is one; nested object types are printed in block layout
 * from `indent`.
 */
export function printMemberList(properties: readonly Property[], additional: Schema | undefined, ctx: TypeContext, indent: string): { members: MemberView[]; index?: string } {
  const p: Printer = { ctx, layout: 'block', objects: 0, column: -1 };
  const members = requiredFirst(properties).map((prop): MemberView => {
    const type: TypePart[] = [];
    const key = propertyKey(prop.name);
    const readonly = prop.schema.readOnly === true;
    p.column = indent.length + (readonly ? 9 : 0) + key.length + (prop.required ? 2 : 3);
    print(prop.schema, p, indent, type);
    return { doc: schemaDocLines(prop.schema), readonly, key, optional: !prop.required, type: typeText(type) };
  });
  if (!additional) return { members };
  const index: TypePart[] = [];
  indexParts(properties, additional, p, indent, index);
  return { members, index: typeText(index) };
}

/** Appends the parts of `s` (with its nullability) to `out`; in block layout, a union too long for its line one member per line. */
function print(s: Schema, p: Printer, indent: string, out: TypePart[]): void {
  const column = p.column;
  p.column = -1; // what it contains starts at columns it does not know
  if (p.layout !== 'block' || (s.kind !== 'union' && s.kind !== 'enum')) return printLine(s, p, indent, out);
  const start = out.length;
  printLine(s, p, indent, out);
  if (fits(out, start, column < 0 ? indent.length + NESTED_COLUMN : column)) return;
  const inner = indent + '  ';
  let members: TypePart[][];
  if (s.kind === 'enum') members = enumMembers(s).map((t): TypePart[] => [t]);
  else {
    // a member that is an enum gives one line per value
    members = [];
    unionMembers(s, p, inner).forEach((m, i) => {
      const x = s.members[i];
      if (x.kind === 'enum' && !x.nullable && m.length === 1) for (const t of enumMembers(x)) members.push([t]);
      else members.push(m);
    });
  }
  if (s.nullable) members.push(['null']);
  if (members.length < 2) return;
  out.length = start;
  for (const m of members) {
    out.push(`\n${inner}| `);
    for (const x of m) out.push(x);
  }
}

/** Whether the parts from `start` fit in WIDTH columns, their first line starting at `column`. */
function fits(out: TypePart[], start: number, column: number): boolean {
  let text = '';
  for (let i = start; i < out.length; i++) {
    const x = out[i];
    text += typeof x === 'string' ? x : x.model;
  }
  // room for the `;` or `,` after it
  if (column + text.length < WIDTH) return true;
  const lines = text.split('\n');
  if (column + lines[0].length >= WIDTH) return false;
  for (let i = 1; i < lines.length; i++) if (lines[i].length > WIDTH) return false;
  return true;
}

/** Appends the parts of `s` (with its nullability) to `out`, its unions on one line. */
function printLine(s: Schema, p: Printer, indent: string, out: TypePart[]): void {
  if (!s.nullable || s.kind === 'null' || s.kind === 'unknown') {
    core(s, p, indent, out);
  } else if (s.kind === 'intersection') {
    out.push('(');
    core(s, p, indent, out);
    out.push(') | null');
  } else {
    core(s, p, indent, out);
    out.push(' | null');
  }
}

/** print, in parentheses when `paren` */
function printWrapped(s: Schema, p: Printer, indent: string, out: TypePart[], paren: boolean): void {
  if (!paren) return print(s, p, indent, out);
  out.push('(');
  const start = out.length;
  print(s, p, indent, out);
  // a union broken into lines closes on its own line
  const first = out[start];
  out.push(typeof first === 'string' && first.charCodeAt(0) === 10 ? `\n${indent})` : ')');
}

type Handler<K extends Schema['kind']> = (s: SchemaOf<K>, p: Printer, indent: string, out: TypePart[]) => void;

/** One handler per IR node kind: the expression without its nullability. */
const HANDLERS: { [K in Schema['kind']]: Handler<K> } = {
  ref: (s, p, _indent, out) => out.push(ref(s.target, p.ctx)),
  string: (_s, _p, _indent, out) => out.push('string'),
  number: (_s, _p, _indent, out) => out.push('number'),
  boolean: (_s, _p, _indent, out) => out.push('boolean'),
  null: (_s, _p, _indent, out) => out.push('null'),
  unknown: (_s, _p, _indent, out) => out.push('unknown'),
  never: (_s, _p, _indent, out) => out.push('never'),
  // binary schemas are what requests upload (a binary response is the runtime's `Blob`)
  binary: (_s, p, _indent, out) => {
    p.ctx.runtimeTypes?.add(UPLOADABLE);
    out.push(UPLOADABLE);
  },
  literal: (s, _p, _indent, out) => out.push(literalValue(s.value)),
  enum: (s, _p, _indent, out) => out.push(enumMembers(s).join(' | ')),
  array: (s, p, indent, out) => {
    if (!s.prefixItems) return elementArray(s.items, p, indent, out);
    out.push('[');
    s.prefixItems.forEach((m, i) => {
      if (i > 0) out.push(', ');
      print(m, p, indent, out);
    });
    if (s.items.kind !== 'never') {
      if (s.prefixItems.length > 0) out.push(', ');
      out.push('...');
      elementArray(s.items, p, indent, out);
    }
    out.push(']');
  },
  object: (s, p, indent, out) => objectParts(s.properties, s.additional, p, indent, out),
  union: (s, p, indent, out) => {
    unionMembers(s, p, indent).forEach((m, i) => {
      if (i > 0) out.push(' | ');
      for (const x of m) out.push(x);
    });
  },
  intersection: (s, p, indent, out) => {
    s.members.forEach((m, i) => {
      if (i > 0) out.push(' & ');
      printWrapped(m, p, indent, out, needsParens(m));
    });
  },
};

function core(s: Schema, p: Printer, indent: string, out: TypePart[]): void {
  (HANDLERS[s.kind] as Handler<Schema['kind']>)(s, p, indent, out);
}

function ref(target: SchemaId, ctx: TypeContext): TypePart {
  const name = ctx.names.get(target);
  if (name === undefined) return 'unknown';
  ctx.used?.add(name);
  return { model: name, id: target };
}

function enumMembers(s: SchemaOf<'enum'>): string[] {
  const parts = s.values.map(literalValue);
  if (s.open) parts.push('(string & {})');
  return parts;
}

const SIMPLE = /^[\w.]*$/;

/** `T[]` when the element's text is a plain name (`[\w.]+`), else `Array<T>`. */
function elementArray(items: Schema, p: Printer, indent: string, out: TypePart[]): void {
  const start = out.length;
  print(items, p, indent, out);
  let simple = false;
  for (let i = start; i < out.length; i++) {
    const part = out[i];
    const text = typeof part === 'string' ? part : part.model;
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

function unionMembers(s: SchemaOf<'union'>, p: Printer, indent: string): TypePart[][] {
  const disc = s.discriminator;
  const ctx = p.ctx;
  // `anyOf: [{type: string}, {$ref: SomeStringEnum}]` is an open enum that keeps its name:
  // `SomeStringEnum | (string & {})` (editors still complete the known values).
  const openString = !disc && s.members.some((m) => m.kind === 'ref' && isStringEnum(ctx.schemas.get(m.target)));
  return s.members.map((m) => {
    if (openString && m.kind === 'string' && !m.nullable) return ['(string & {})'];
    if (disc && m.kind === 'ref') {
      const tags: string[] = [];
      for (const e of disc.mapping) if (e.target === m.target) tags.push(e.value);
      const name = ref(m.target, ctx);
      if (tags.length === 0 || hasLiteralTag(ctx.schemas.get(m.target), disc.property, tags, ctx.schemas)) return [name];
      return ['(', name, ` & { ${propertyKey(disc.property)}: ${tags.map(literalValue).join(' | ')} })`];
    }
    const out: TypePart[] = [];
    const paren = m.kind === 'intersection' || (m.kind === 'union' && m.nullable === true);
    // a union's own member never breaks into lines by itself (`A | | B` is no type): its union does
    if (paren) printWrapped(m, p, indent, out, true);
    else printLine(m, p, indent, out);
    return out;
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

function needsParens(m: Schema): boolean {
  return m.kind === 'union' || m.kind === 'enum' || m.nullable === true || m.kind === 'intersection';
}

function objectParts(properties: readonly Property[], additional: Schema | undefined, p: Printer, indent: string, out: TypePart[]): void {
  if (properties.length === 0) {
    if (!additional) {
      out.push('Record<string, never>');
      return;
    }
    out.push('Record<string, ');
    print(additional, p, indent, out);
    out.push('>');
    return;
  }
  p.objects++;
  if (p.layout === 'block') {
    out.push('{\n');
    blockMembers(properties, additional, p, indent + '  ', out);
    out.push(`${indent}}`);
    return;
  }
  out.push('{ ');
  requiredFirst(properties).forEach((prop, i) => {
    out.push(`${i > 0 ? '; ' : ''}${prop.schema.readOnly ? 'readonly ' : ''}${propertyKey(prop.name)}${prop.required ? '' : '?'}: `);
    print(prop.schema, p, indent, out);
  });
  if (additional) {
    out.push('; [key: string]: ');
    indexParts(properties, additional, p, indent, out);
  }
  out.push(' }');
}

/** Required members before optional ones, each group in the spec's order. */
export function requiredFirst<T extends { readonly required: boolean }>(properties: readonly T[]): readonly T[] {
  let seenOptional = false;
  for (const prop of properties) {
    if (!prop.required) seenOptional = true;
    else if (seenOptional) return [...properties.filter((x) => x.required), ...properties.filter((x) => !x.required)];
  }
  return properties; // already in that order (most objects)
}

function blockMembers(properties: readonly Property[], additional: Schema | undefined, p: Printer, indent: string, out: TypePart[]): void {
  for (const prop of requiredFirst(properties)) {
    const doc = docBlock(schemaDocLines(prop.schema), indent);
    const head = `${prop.schema.readOnly ? 'readonly ' : ''}${propertyKey(prop.name)}${prop.required ? '' : '?'}:`;
    const at = out.length;
    out.push(`${doc}${indent}${head} `);
    p.column = indent.length + head.length + 1;
    print(prop.schema, p, indent, out);
    // a union broken into lines starts on the next line: no space after the colon
    const next = out[at + 1];
    if (typeof next === 'string' && next.charCodeAt(0) === 10) out[at] = `${doc}${indent}${head}`;
    out.push(';\n');
  }
  if (additional) {
    out.push(`${indent}[key: string]: `);
    indexParts(properties, additional, p, indent, out);
    out.push(';\n');
  }
}

/**
 * The index signature's type: it must admit every declared property's type too (each once,
 * by text; `undefined` for optional ones; `unknown` absorbs everything). A member that holds
 * an object literal is parenthesized.
 */
function indexParts(properties: readonly Property[], additional: Schema, p: Printer, indent: string, out: TypePart[]): void {
  const members: { parts: TypePart[]; text: string; object: boolean }[] = [];
  const add = (s: Schema | undefined) => {
    const parts: TypePart[] = [];
    const before = p.objects;
    if (s) printLine(s, p, indent, parts);
    else parts.push('undefined');
    const text = typeText(parts);
    if (!members.some((m) => m.text === text)) members.push({ parts, text, object: p.objects > before });
  };
  add(additional);
  if (members[0].text === 'unknown' || properties.length === 0) {
    for (const x of members[0].parts) out.push(x);
    return;
  }
  for (const prop of properties) {
    add(prop.schema);
    if (!prop.required) add(undefined);
  }
  if (members.some((m) => m.text === 'unknown')) {
    out.push('unknown');
    return;
  }
  members.forEach((m, i) => {
    if (i > 0) out.push(' | ');
    if (m.object) out.push('(');
    for (const x of m.parts) out.push(x);
    if (m.object) out.push(')');
  });
}

/** Documentation lines for a schema: description (unless `withText` is false), then tags. */
export function schemaDocLines(s: Schema, withText = true): string[] {
  const text = withText ? (s.description ?? s.title) : undefined;
  const c = s.constraints;
  const format = s.format && s.kind !== 'binary' ? s.format : undefined; // an empty format says nothing
  const value = s.default;
  // most nodes have nothing to say: no arrays made for them (this runs for every property)
  if (!text && !c && format === undefined && !s.readOnly && !s.writeOnly && value === undefined && !s.deprecated) return [];
  const lines = text ? [...jsDocLines(text)] : [];
  let facts = format !== undefined ? `format: ${format}` : '';
  if (c) for (const [k, v] of Object.entries(c)) facts += `${facts ? '; ' : ''}${k}: ${typeof v === 'string' ? JSON.stringify(v) : String(v)}`;
  if (s.readOnly) facts += `${facts ? '; ' : ''}read-only: set by the server, ignored in requests`;
  if (s.writeOnly) facts += `${facts ? '; ' : ''}write-only: sent in requests, never returned`;
  if (facts) {
    if (lines.length > 0) lines.push('');
    lines.push(...jsDocLines(facts));
  }
  if (value !== undefined) lines.push(...jsDocLines(`@default ${JSON.stringify(value)}`));
  if (s.deprecated) lines.push('@deprecated');
  return lines;
}

/** Prose lines wrap at this column (code blocks in descriptions are left as they are). */
const WIDTH = 100;

/**
 * A JSDoc block's values for the `jsdoc` partial (templates/src/partials/jsdoc.hbs): the
 * escaped lines wrapped for the indent, and `single` when the block fits on one line.
 */
export interface DocView {
  readonly indent: string;
  /** the one line of a one-line block (`/** … *\/`), else false */
  readonly single: string | false;
  /** the block's lines ('' for a blank ` *` line); empty when there is no block */
  readonly lines: readonly string[];
}

const NO_DOC: Record<string, DocView> = {};

/** The DocView of already-escaped lines at an indent (see docBlock, which lays the same out as text). */
export function docView(raw: readonly string[], indent: string): DocView {
  if (raw.length === 0) return (NO_DOC[indent] ??= Object.freeze({ indent, single: false, lines: [] }));
  const lines = wrapProse(raw as string[], WIDTH - indent.length - 3);
  if (lines.length === 1 && lines[0].length + indent.length + 7 <= WIDTH) return { indent, single: lines[0], lines };
  return { indent, single: false, lines };
}

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
    if (singleSpaced(line, lead.length)) wrapWords(line, lead, width, out);
    else wrapLine(line, lead, width, out);
  }
  return out;
}

/** Words of `line` past `lead` separated by single spaces, none before or after them (most prose). */
function singleSpaced(line: string, from: number): boolean {
  return line.charCodeAt(from) !== 32 && line.charCodeAt(line.length - 1) !== 32 && !line.includes('  ', from);
}

/** `wrapLine` for a `singleSpaced` line: each output line is a slice of it (no word list, no string built word by word). */
function wrapWords(line: string, lead: string, width: number, out: string[]): void {
  let prefix = lead;
  let start = lead.length; // the output line's first character in `line`
  let end = -1; // its end (exclusive); -1 while it has no word
  for (let pos = start; ; ) {
    const space = line.indexOf(' ', pos);
    const wordEnd = space < 0 ? line.length : space;
    if (end >= 0 && prefix.length + (end - start) + 1 + (wordEnd - pos) > width) {
      out.push(prefix + line.slice(start, end));
      prefix = ' '.repeat(lead.length);
      start = pos;
    }
    end = wordEnd;
    if (space < 0) break;
    pos = space + 1;
  }
  out.push(prefix + line.slice(start, end));
}

/** One long line wrapped at `width`, after `lead` (continuation lines indented as far): runs of spaces become one. */
export function wrapLine(line: string, lead: string, width: number, out: string[]): void {
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
