/**
 * One model's page (`docs/models/User.md`): description, declaration, property table (with
 * rows for inline nested objects), enum values or union members, a type-checked example
 * value, and where the model is used. Values are computed here; templates/docs/model.md.hbs
 * and its partials (templates/docs/partials/docs-model-*.hbs) lay them out.
 */
import type { Property, Schema } from '../../ir/types.js';
import { markdownCell as cell, markdownCodeBlock as codeBlock, isIdentifierName, isPlainCode, literalExpression as literalCode, markdownCode, markdownTableCell, markdownText, stringLiteral } from '../../escape/index.js';
import { modelHref, operationLinkOf, readmeHref, readmeLink, type DocsContext } from './context.js';
import { exampleValue, printExample } from './examples.js';
import { counterpartNote } from './read-write.js';
import { constraintFacts, defaultText } from './tables.js';
import { keywordMarkdown, schemaMarkdownOnce, typeMarkdown, typeParts, typeText } from './type-markdown.js';
import { importLine, variableName } from './client.js';
import type { ModelUse } from './usage.js';
import type { ModelView } from '../../view/models.js';

const HERE = 'docs/models/' as const;
/** nested inline objects get their own rows down to this depth */
const NESTED_DEPTH = 3;

/**
 * What templates/docs/model.md.hbs and its partials (templates/docs/partials/docs-model-*.hbs)
 * lay out on one model's page: values only (escaped Markdown, links, code blocks; table
 * cells table-safe, a single space when blank). Nested inline objects are rows of the one
 * properties table (`parent.child`), flattened here: the templates never recurse.
 */
export interface DocsModelView {
  facts: ModelView;
  /** the model's name (an identifier) */
  name: string;
  deprecated: boolean;
  /** Markdown ('' for none) */
  description: string;
  declaration: {
    /** `interface User` or `type User = …`, a code span */
    code: string;
    /** the package's name, a code span */
    from: string;
    /** what follows the sentence (' ' and a sentence, or ''): an enum's values are also exported as a readonly array */
    note: string;
  };
  /** an intersection's members (Markdown types; false for an inline object member) and its inline objects' properties, false otherwise */
  allOf: false | { members: (string | false)[]; properties: false | PropertiesView };
  /** an object's properties table, false for none */
  properties: false | PropertiesView;
  /** an enum's values (literals as code spans), false otherwise */
  values: false | { rows: string[]; open: boolean; nullable: boolean };
  /** a union's members, false otherwise */
  union: false | UnionView;
  /** a ```ts code block declaring an example value, false when none could be built */
  example: string | false;
  /** a schema split by readOnly / writeOnly: which type requests take and which responses have (Markdown), false otherwise */
  sides: string | false;
  /** the operations that use the model: function name, link destination, role */
  usedBy: { fn: string; href: string; role: string }[];
  /** the models whose types mention this one: name, link destination */
  referencedBy: { name: string; href: string }[];
  /** the links back to the README */
  footer: string;
}

/** A properties table: its rows, the index signature's (`[key: string]`) last. */
export interface PropertiesView {
  nullable: boolean;
  rows: PropertyRow[];
}

/** One row of a properties table (`name` the accessor path of a nested row: `user.name`, `items[].id`). */
export interface PropertyRow {
  name: string;
  type: string;
  /** `yes` or `no` */
  required: string;
  /** with its `**Deprecated.**` marker */
  description: string;
  constraints: string;
}

/** A union model's members. */
export interface UnionView {
  /** `anyOf` (else `oneOf`) */
  anyOf: boolean;
  nullable: boolean;
  /** a discriminated union: the property (a code span), `switch (value.<property>)` (a code span) and the table header (the property, table-safe) */
  discriminator: false | { property: string; switch: string; header: string };
  /** the members: the type and, for a discriminated union, its tags (else its description) */
  rows: { type: string; text: string }[];
}

/** One model's page. */
export function modelPage(view: ModelView, dc: DocsContext, usedBy: ModelUse[], referencedBy: string[]): DocsModelView {
  const { name } = view;
  const s = view.named.schema;
  const href = (m: string) => modelHref(HERE, m);
  const page: DocsModelView = {
    facts: view,
    name,
    deprecated: s.deprecated === true,
    description: markdownText((s.description ?? s.title ?? '').trim()),
    declaration: declaration(view, dc),
    allOf: false,
    properties: false,
    values: false,
    union: false,
    example: false,
    sides: counterpartNote(view, href) ?? false,
    usedBy: usedBy.map((u) => ({ fn: u.fn, href: operationLinkOf(dc, HERE, u.doc, u.key), role: u.role })),
    referencedBy: referencedBy.map((m) => ({ name: m, href: href(m) })),
    footer: modelFooter(dc),
  };

  if (s.kind === 'object' && (s.properties.length > 0 || s.additional)) {
    const rows: PropertyRow[] = [];
    propertyRows(s.properties, dc, '', true, 0, rows);
    if (s.additional) {
      const type = s.additional.kind === 'unknown' ? markdownCode('unknown') : blank(cell(schemaMarkdownOnce(s.additional, dc.types, HERE, modelLink)));
      rows.push({ name: '`[key: string]`', type, required: 'no', description: 'Any other property.', constraints: ' ' });
    }
    page.properties = { nullable: s.nullable === true, rows };
  } else if (s.kind === 'enum') {
    page.values = { rows: s.values.map((v) => blank(cell(markdownCode(literalCode(v))))), open: s.open === true, nullable: s.nullable === true || s.values.includes(null) };
  } else if (s.kind === 'union') {
    page.union = unionView(s, dc);
  } else if (s.kind === 'intersection') {
    const members = s.members.map((m) => (m.kind === 'object' ? false : typeMarkdown(typeParts(m, dc.types), href)));
    const inline = s.members.filter((m): m is Extract<Schema, { kind: 'object' }> => m.kind === 'object' && m.properties.length > 0);
    const rows: PropertyRow[] = [];
    for (const o of inline) propertyRows(o.properties, dc, '', true, 0, rows);
    page.allOf = { members, properties: rows.length > 0 && { nullable: false, rows } };
  }

  const example = exampleValue(s, dc.types, name, 'response');
  if (example) {
    const v = variableName(name, 'value', [name]);
    page.example = codeBlock('ts', `${importLine(dc.facts, [], [name])}\n\nconst ${v}: ${name} = ${printExample(example, '', 80, `const ${v}: ${name} = `.length + 1)};`);
  }
  return page;
}

/** A table cell: a single space when blank. */
function blank(c: string): string {
  return c || ' ';
}

/** The same on every model page: written once per link resolver (the run's cache). */
function modelFooter(dc: DocsContext): string {
  let footer = dc.cache.modelFooter;
  if (footer === undefined) {
    footer = dc.resolveLinks(`[Back to README](${readmeHref(HERE)}) · [Models](${readmeLink(HERE, 'models')}) · [API reference](${readmeLink(HERE, 'api-reference')})`);
    dc.cache.modelFooter = footer;
  }
  return footer;
}

function declaration(view: ModelView, dc: DocsContext): DocsModelView['declaration'] {
  const { name } = view;
  const s = view.named.schema;
  const from = markdownCode(dc.packageName);
  if (s.kind === 'object' && !s.nullable && s.properties.length > 0) return { code: markdownCode(`interface ${name}`), from, note: '' };
  const text = typeText(typeParts(s, dc.types));
  const code = text.length <= 120 ? markdownCode(`type ${name} = ${text}`) : markdownCode(`type ${name}`);
  const note =
    s.kind === 'enum' && s.values.some((v) => v !== null)
      ? ` Its values are also exported as a readonly array, ${markdownCode(`const ${name}`)} (e.g. ${markdownCode(`${name}.includes(x)`)}).`
      : '';
  return { code, from, note };
}

const modelLink = (m: string) => modelHref(HERE, m);

/**
 * Appends the rows of a property table to `out`; inline object properties (and arrays of them)
 * get `parent.child` rows after their own (`prefix`: the parent's accessor).
 */
function propertyRows(properties: Property[], dc: DocsContext, prefix: string, prefixPlain: boolean, depth: number, out: PropertyRow[]): void {
  for (const p of properties) {
    const s = p.schema;
    // nested rows read like property access: `user.name`, `items[].id`, `["api_key.created"].id`
    const ascii = ASCII_NAME.test(p.name);
    const bare = ascii || isIdentifierName(p.name);
    const key = bare ? p.name : `[${stringLiteral(p.name)}]`;
    const path = prefix === '' ? p.name : bare ? `${prefix}.${key}` : prefix + key;
    // an ASCII name under a plain prefix is plain code: `a.b[].c`
    const plain = ascii && prefixPlain;
    const nested = depth < NESTED_DEPTH ? inlineObject(s) : undefined;
    const expand = nested !== undefined && nested.properties.length > 0;
    const text = s.description ?? s.title;
    const description = text ? markdownTableCell(text.trim()) : '';
    const facts = constraintFacts(s);
    const def = defaultText(s, dc);
    out.push({
      name: plain ? '`' + path + '`' : codeCell(path),
      type: expand ? (s.kind === 'array' ? (s.nullable || nested.nullable ? NESTED_TYPES[3] : NESTED_TYPES[2]) : s.nullable || nested.nullable ? NESTED_TYPES[1] : NESTED_TYPES[0]) : typeCell(s, dc),
      required: p.required ? 'yes' : 'no',
      description: s.deprecated ? (description ? '**Deprecated.** ' + description : '**Deprecated.**') : description || ' ',
      constraints: facts.length === 0 && !def ? ' ' : cell(def ? [...facts, `default ${def}`].join(', ') : facts.join(', ')),
    });
    if (expand) propertyRows(nested.properties, dc, `${prefix === '' ? key : path}${s.kind === 'array' ? '[]' : ''}`, plain, depth + 1, out);
  }
}

/** identifier names that are plain code */
const ASCII_NAME = /^[A-Za-z_$][\w$]*$/;

const keywordCells = new Map<string, string>();

/** The type cell of a property row. */
function typeCell(s: Schema, dc: DocsContext): string {
  const keyword = keywordMarkdown(s);
  if (keyword === undefined) return cell(schemaMarkdownOnce(s, dc.types, HERE, modelLink)) || ' ';
  let c = keywordCells.get(keyword);
  if (c === undefined) keywordCells.set(keyword, (c = cell(keyword)));
  return c;
}

/** The type cell of an inline object row: object, object | null, object[], object[] | null. */
const NESTED_TYPES = ['object', 'object | null', 'object[]', 'object[] | null'].map((t) => cell(markdownCode(t)));

/** cell(markdownCode(text)), without intermediate strings when the text is plain. */
function codeCell(text: string): string {
  return isPlainCode(text) && !text.includes('|') ? '`' + text + '`' : cell(markdownCode(text)) || ' ';
}

/** The object an inline object property (or array of them) holds. */
function inlineObject(s: Schema): Extract<Schema, { kind: 'object' }> | undefined {
  if (s.kind === 'object') return s;
  if (s.kind === 'array' && !s.prefixItems && s.items.kind === 'object') return s.items;
  return undefined;
}

function unionView(s: Extract<Schema, { kind: 'union' }>, dc: DocsContext): UnionView {
  const href = (m: string) => modelHref(HERE, m);
  const disc = s.discriminator;
  const view: UnionView = { anyOf: s.keyword === 'anyOf', nullable: s.nullable === true, discriminator: false, rows: [] };
  if (disc) {
    view.rows = s.members.map((m) => {
      const tags = m.kind === 'ref' ? disc.mapping.filter((e) => e.target === m.target).map((e) => markdownCode(stringLiteral(e.value))) : [];
      return { type: blank(cell(typeMarkdown(typeParts(m, dc.types), href))), text: blank(cell(tags.join(', '))) };
    });
    view.discriminator = { property: markdownCode(disc.property), switch: markdownCode(`switch (value.${disc.property})`), header: blank(markdownTableCell(disc.property)) };
  } else {
    view.rows = s.members.map((m) => ({ type: blank(cell(typeMarkdown(typeParts(m, dc.types), href))), text: blank(markdownTableCell((m.description ?? m.title ?? '').trim())) }));
  }
  return view;
}
