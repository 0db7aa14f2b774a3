/**
 * One model's page (`docs/models/User.md`): description, declaration, property table (with
 * rows for inline nested objects), enum values or union members, a type-checked example
 * value, and where the model is used. Strings are computed here; templates/docs/model.md.hbs
 * lays them out.
 */
import type { Property, Schema } from '../../ir/types.js';
import { markdownCell as cell, markdownCodeBlock as codeBlock, isIdentifierName, isPlainCode, literalExpression as literalCode, markdownCode, markdownTableCell, markdownText, stringLiteral } from '../../escape/index.js';
import { modelHref, operationLinkOf, readmeHref, readmeLink, type DocsContext } from './context.js';
import { exampleValue, printExample } from './examples.js';
import { counterpartNote } from './read-write.js';
import { codeLink, table, tableOf, tableRow } from './markdown.js';
import { constraintFacts, defaultText } from './tables.js';
import { keywordMarkdown, schemaMarkdownOnce, typeMarkdown, typeParts, typeText } from './type-markdown.js';
import { importLine, variableName } from './client.js';
import type { ModelUse } from './usage.js';
import type { ModelView } from '../../view/models.js';

const HERE = 'docs/models/' as const;
/** nested inline objects get their own rows down to this depth */
const NESTED_DEPTH = 3;

/** A `##` section of a model page, laid out by templates/docs/model.md.hbs. */
interface ModelSection {
  title: string;
  body: string;
}

/** What templates/docs/model.md.hbs lays out on one model's page. */
export interface ModelPage {
  name: string;
  deprecated: string;
  description: string;
  declaration: string;
  sections: ModelSection[];
  footer: string;
}

/** One model's page: each section's text written as pieces and joined once. */
export function modelPage(view: ModelView, dc: DocsContext, usedBy: ModelUse[], referencedBy: string[]): ModelPage {
  const { name } = view;
  const s = view.named.schema;
  const href = (m: string) => modelHref(HERE, m);
  const sections: ModelSection[] = [];
  const section = (title: string, pieces: string[]) => sections.push({ title, body: pieces.join('') });

  if (s.kind === 'object' && (s.properties.length > 0 || s.additional)) {
    const out: string[] = [];
    writeProperties(s, dc, out);
    section('Properties', out);
  } else if (s.kind === 'enum') {
    section('Values', [enumBody(name, s)]);
  } else if (s.kind === 'union') {
    section(s.keyword === 'anyOf' ? 'Any of' : 'One of', [unionBody(s, dc)]);
  } else if (s.kind === 'intersection') {
    const out: string[] = [];
    s.members.forEach((m, i) => out.push(i > 0 ? '\n- ' : '- ', m.kind === 'object' ? 'an object with the properties below' : typeMarkdown(typeParts(m, dc.types), href)));
    section('All of', out);
    const inline = s.members.filter((m): m is Extract<Schema, { kind: 'object' }> => m.kind === 'object' && m.properties.length > 0);
    if (inline.length > 0) {
      const rows = [PROPERTY_TABLE];
      for (const o of inline) propertyRows(o.properties, dc, '', true, 0, rows);
      section('Properties', rows);
    }
  }

  const example = exampleValue(s, dc.types, name, 'response');
  if (example) {
    const v = variableName(name, 'value', [name]);
    section('Example', [codeBlock('ts', `${importLine(dc.facts, [], [name])}\n\nconst ${v}: ${name} = ${printExample(example, '', 80, `const ${v}: ${name} = `.length + 1)};`)]);
  }

  const sides = counterpartNote(view, href);
  if (sides) section('Requests and responses', [sides]);
  if (usedBy.length > 0) {
    const out: string[] = [];
    usedBy.forEach((u, i) => out.push(i > 0 ? '\n- ' : '- ', codeLink(u.fn, operationLinkOf(dc, HERE, u.doc, u.key)), ' (', u.role, ')'));
    section('Used by', out);
  }
  if (referencedBy.length > 0) {
    const out: string[] = [];
    referencedBy.forEach((m, i) => out.push(i > 0 ? '\n- ' : '- ', codeLink(m, href(m))));
    section('Referenced by', out);
  }

  return {
    name,
    deprecated: s.deprecated ? '> **Deprecated.** The API marks this type as deprecated.' : '',
    description: markdownText((s.description ?? s.title ?? '').trim()),
    declaration: declaration(view, dc),
    sections,
    footer: modelFooter(dc),
  };
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

function declaration(view: ModelView, dc: DocsContext): string {
  const { name } = view;
  const s = view.named.schema;
  const from = `from ${markdownCode(dc.packageName)}`;
  if (s.kind === 'object' && !s.nullable && s.properties.length > 0) return `${markdownCode(`interface ${name}`)} ${from}.`;
  const text = typeText(typeParts(s, dc.types));
  const decl = text.length <= 120 ? markdownCode(`type ${name} = ${text}`) : markdownCode(`type ${name}`);
  const list =
    s.kind === 'enum' && s.values.some((v) => v !== null)
      ? ` Its values are also exported as a readonly array, ${markdownCode(`const ${name}`)} (e.g. ${markdownCode(`${name}.includes(x)`)}).`
      : '';
  return `${decl} ${from}.${list}`;
}

const PROPERTY_HEADERS = ['Name', 'Type', 'Required', 'Description', 'Constraints'];
const PROPERTY_TABLE = tableOf(PROPERTY_HEADERS, []);

const modelLink = (m: string) => modelHref(HERE, m);

/** Appends the Properties section's text to `out` (as pieces: no intermediate strings per cell). */
function writeProperties(s: Extract<Schema, { kind: 'object' }>, dc: DocsContext, out: string[]): void {
  if (s.nullable) out.push(`The value may also be ${markdownCode('null')}.\n\n`);
  out.push(PROPERTY_TABLE);
  propertyRows(s.properties, dc, '', true, 0, out);
  if (s.additional) {
    const extra = s.additional.kind === 'unknown' ? markdownCode('unknown') : schemaMarkdownOnce(s.additional, dc.types, HERE, modelLink);
    out.push('\n', tableRow([cell(markdownCode('[key: string]')), cell(extra), 'no', 'Any other property.', '']));
  }
}

/**
 * Appends the rows of a property table to `out` (each as '\n' and its cells); inline object
 * properties (and arrays of them) get `parent.child` rows (`prefix`: the parent's accessor).
 */
function propertyRows(properties: Property[], dc: DocsContext, prefix: string, prefixPlain: boolean, depth: number, out: string[]): void {
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
    out.push('\n| ');
    if (plain) out.push('`', path, '`');
    else pushCodeCell(out, path);
    out.push(' | ');
    if (expand) out.push(s.kind === 'array' ? (s.nullable || nested.nullable ? NESTED_TYPES[3] : NESTED_TYPES[2]) : s.nullable || nested.nullable ? NESTED_TYPES[1] : NESTED_TYPES[0]);
    else out.push(typeCell(s, dc));
    out.push(p.required ? ' | yes | ' : ' | no | ');
    if (s.deprecated) out.push('**Deprecated.**');
    const text = s.description ?? s.title;
    const description = text ? markdownTableCell(text.trim()) : '';
    if (description) out.push(s.deprecated ? ' ' : '', description);
    else if (!s.deprecated) out.push(' ');
    out.push(' | ');
    const facts = constraintFacts(s);
    const def = defaultText(s, dc);
    if (facts.length === 0 && !def) out.push(' ');
    else out.push(cell(def ? [...facts, `default ${def}`].join(', ') : facts.join(', ')));
    out.push(' |');
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

/** cell(markdownCode(text)), written without intermediate strings when the text is plain. */
function pushCodeCell(out: string[], text: string): void {
  if (isPlainCode(text) && !text.includes('|')) out.push('`', text, '`');
  else out.push(cell(markdownCode(text)) || ' ');
}

/** The object an inline object property (or array of them) holds. */
function inlineObject(s: Schema): Extract<Schema, { kind: 'object' }> | undefined {
  if (s.kind === 'object') return s;
  if (s.kind === 'array' && !s.prefixItems && s.items.kind === 'object') return s.items;
  return undefined;
}

function enumBody(name: string, s: Extract<Schema, { kind: 'enum' }>): string {
  const rows = s.values.map((v) => [cell(markdownCode(literalCode(v)))]);
  const open = s.open ? `\n\nThe type is open: any other string is accepted too (${markdownCode('(string & {})')}), so new values from the API do not break your code.` : '';
  const nullable = s.nullable || s.values.includes(null) ? `\n\nThe value may also be ${markdownCode('null')}.` : '';
  return `${markdownCode(name)} is one of:\n\n${table(['Value'], rows)}${open}${nullable}`;
}

function unionBody(s: Extract<Schema, { kind: 'union' }>, dc: DocsContext): string {
  const href = (m: string) => modelHref(HERE, m);
  const disc = s.discriminator;
  if (disc) {
    const rows = s.members.map((m) => {
      const tags = m.kind === 'ref' ? disc.mapping.filter((e) => e.target === m.target).map((e) => markdownCode(stringLiteral(e.value))) : [];
      return [cell(typeMarkdown(typeParts(m, dc.types), href)), cell(tags.join(', '))];
    });
    const intro = `A discriminated union: the ${markdownCode(disc.property)} property tells the members apart (narrow with ${markdownCode(`switch (value.${disc.property})`)}).`;
    return `${intro}\n\n${table(['Type', markdownTableCell(disc.property)], rows)}${s.nullable ? `\n\nThe value may also be ${markdownCode('null')}.` : ''}`;
  }
  const rows = s.members.map((m) => [cell(typeMarkdown(typeParts(m, dc.types), href)), markdownTableCell((m.description ?? m.title ?? '').trim())]);
  const nullable = s.nullable ? `\n\nThe value may also be ${markdownCode('null')}.` : '';
  return `${table(['Type', 'Description'], rows)}${nullable}`;
}
