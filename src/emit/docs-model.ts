/**
 * One model's page (`docs/models/User.md`): description, declaration, property table (with
 * rows for inline nested objects), enum values or union members, a type-checked example
 * value, and where the model is used. Strings are computed here; templates/docs/model.md.hbs
 * lays them out.
 */
import type { Property, Schema } from '../ir/types.js';
import { isIdentifierName, stringLiteral } from '../naming/escape.js';
import { literalCode } from './docs-literals.js';
import { modelHref, operationLink, readmeHref, readmeLink, type DocsContext } from './docs-context.js';
import { exampleValue, printExample } from './docs-examples.js';
import { cell, codeBlock, codeLink, markdownCode, markdownTableCell, markdownText, table, tableOf, tableRow } from './docs-markdown.js';
import { constraintFacts, defaultText, type DocSection } from './docs-operation.js';
import { schemaMarkdownOnce, typeMarkdown, typeParts, typeText } from './docs-types.js';
import { importLine, variableName } from './docs-client.js';
import type { ModelView } from './models.js';

const HERE = 'docs/models/' as const;
/** nested inline objects get their own rows down to this depth */
const NESTED_DEPTH = 3;

/** Where a model is used: an operation and the role the model plays in it. */
export interface ModelUse {
  /** function name */
  fn: string;
  /** operation key */
  key: string;
  /** its API doc (`UsersApi`) */
  doc: string;
  role: string;
}

export interface ModelDoc {
  name: string;
  deprecated: string;
  description: string;
  declaration: string;
  sections: DocSection[];
  footer: string;
}

export function modelDoc(view: ModelView, dc: DocsContext, usedBy: ModelUse[], referencedBy: string[]): ModelDoc {
  const { name } = view;
  const s = view.named.schema;
  const href = (m: string) => modelHref(HERE, m);
  const sections: DocSection[] = [];

  if (s.kind === 'object' && (s.properties.length > 0 || s.additional)) {
    sections.push({ title: 'Properties', body: propertiesBody(s, dc) });
  } else if (s.kind === 'enum') {
    sections.push({ title: 'Values', body: enumBody(name, s) });
  } else if (s.kind === 'union') {
    sections.push({ title: s.keyword === 'anyOf' ? 'Any of' : 'One of', body: unionBody(s, dc) });
  } else if (s.kind === 'intersection') {
    const members = s.members.map((m) => `- ${m.kind === 'object' ? 'an object with the properties below' : typeMarkdown(typeParts(m, dc.types), href)}`);
    sections.push({ title: 'All of', body: members.join('\n') });
    const inline = s.members.filter((m): m is Extract<Schema, { kind: 'object' }> => m.kind === 'object' && m.properties.length > 0);
    if (inline.length > 0) {
      const rows: string[] = [];
      for (const o of inline) propertyRows(o.properties, dc, '', 0, rows);
      sections.push({ title: 'Properties', body: tableOf(PROPERTY_HEADERS, rows) });
    }
  }

  const example = exampleValue(s, dc.types, name, 'response');
  if (example) {
    const v = variableName(name, 'value', [name]);
    const code = [importLine(dc.facts, [], [name]), '', `const ${v}: ${name} = ${printExample(example, '', 80, `const ${v}: ${name} = `.length + 1)};`].join('\n');
    sections.push({ title: 'Example', body: codeBlock('ts', code) });
  }

  if (usedBy.length > 0) {
    sections.push({
      title: 'Used by',
      body: dc.resolveLinks(usedBy.map((u) => `- ${codeLink(u.fn, operationLink(HERE, u.doc, u.key))} (${u.role})`).join('\n')),
    });
  }
  if (referencedBy.length > 0) {
    sections.push({ title: 'Referenced by', body: referencedBy.map((m) => `- ${codeLink(m, href(m))}`).join('\n') });
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

const footers = new WeakMap<DocsContext['resolveLinks'], string>();

/** The same on every model page: written once per link resolver. */
function modelFooter(dc: DocsContext): string {
  let footer = footers.get(dc.resolveLinks);
  if (footer === undefined) {
    footer = dc.resolveLinks(`[Back to README](${readmeHref(HERE)}) · [Models](${readmeLink(HERE, 'models')}) · [API reference](${readmeLink(HERE, 'api-reference')})`);
    footers.set(dc.resolveLinks, footer);
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

const modelLink = (m: string) => modelHref(HERE, m);

function propertiesBody(s: Extract<Schema, { kind: 'object' }>, dc: DocsContext): string {
  const rows: string[] = [];
  propertyRows(s.properties, dc, '', 0, rows);
  if (s.additional) {
    const extra = s.additional.kind === 'unknown' ? markdownCode('unknown') : schemaMarkdownOnce(s.additional, dc.types, modelLink);
    rows.push(tableRow([cell(markdownCode('[key: string]')), cell(extra), 'no', 'Any other property.', '']));
  }
  const nullable = s.nullable ? `The value may also be ${markdownCode('null')}.\n\n` : '';
  return nullable + tableOf(PROPERTY_HEADERS, rows);
}

/**
 * Appends the rows of a property table to `rows`; inline object properties (and arrays of
 * them) get `parent.child` rows (`prefix`: the parent's accessor).
 */
function propertyRows(properties: Property[], dc: DocsContext, prefix: string, depth: number, rows: string[]): void {
  for (const p of properties) {
    const s = p.schema;
    // nested rows read like property access: `user.name`, `items[].id`, `["api_key.created"].id`
    const bare = isIdentifierName(p.name);
    const key = bare ? p.name : `[${stringLiteral(p.name)}]`;
    const path = prefix === '' ? p.name : bare ? `${prefix}.${key}` : prefix + key;
    const nested = depth < NESTED_DEPTH ? inlineObject(s) : undefined;
    const expand = nested !== undefined && nested.object.properties.length > 0;
    const type = expand
      ? markdownCode(`${nested.array ? 'object[]' : 'object'}${s.nullable || nested.object.nullable ? ' | null' : ''}`)
      : schemaMarkdownOnce(s, dc.types, modelLink);
    const facts = constraintFacts(s);
    const def = defaultText(s, dc);
    if (def) facts.push(`default ${def}`);
    const text = markdownTableCell((s.description ?? s.title ?? '').trim());
    const description = s.deprecated ? (text ? `**Deprecated.** ${text}` : '**Deprecated.**') : text;
    rows.push(
      `| ${cell(markdownCode(path)) || ' '} | ${cell(type) || ' '} | ${p.required ? 'yes' : 'no'} | ${description || ' '} | ${facts.length > 0 ? cell(facts.join(', ')) : ' '} |`,
    );
    if (expand) propertyRows(nested.object.properties, dc, `${prefix === '' ? key : path}${nested.array ? '[]' : ''}`, depth + 1, rows);
  }
}

function inlineObject(s: Schema): { object: Extract<Schema, { kind: 'object' }>; array: boolean } | undefined {
  if (s.kind === 'object') return { object: s, array: false };
  if (s.kind === 'array' && !s.prefixItems && s.items.kind === 'object') return { object: s.items, array: true };
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
