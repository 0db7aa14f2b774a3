/**
 * The Parameters and Responses tables of an operation's section (src/plugins/docs/operation.ts).
 *
 * The same rows come back on many operations: a spec's shared parameters (`$top`, `owner`,
 * `api-version`) and responses (`4XX`, `default`) are parsed into new objects wherever they
 * are used, so rows are cached by what they show instead. A row's key is made of everything
 * its text depends on; rows whose types are not a keyword or a reference (an inline enum, an
 * object) are not cached and are written each time.
 */
import type { Parameter, Response, Schema } from '../../ir/types.js';
import { markdownCell as cell, literalExpression as literalCode, markdownCode, markdownTableCell } from '../../escape/index.js';
import { modelHref, readmeLinkOf, type DocsContext } from './context.js';
import { keywordMarkdown, schemaMarkdown, typeMarkdown, typeParts } from './type-markdown.js';
import type { OperationView, WireFormat } from '../../view/operations.js';
import type { ParameterRow, ResponseRow } from './operation.js';

const HERE = 'docs/' as const;
const modelLink = (m: string) => modelHref(HERE, m);

/** The Parameters table's values (laid out by the `docs-operation` partial); false when the operation takes none. */
export function parametersView(view: OperationView, dc: DocsContext): false | { type: string; optional: boolean; rows: ParameterRow[] } {
  if (view.params.length === 0 && !view.body) return false;
  const rows: ParameterRow[] = [];
  for (const p of view.params) rows.push(parameterRow(p.key, p.param, dc, p.format && { objects: p.format.objects, arrays: p.arrayValued ? p.format.arrays : undefined }));
  if (view.body) {
    const b = view.body;
    rows.push({
      name: blank(cell(markdownCode(b.key))),
      in: 'body',
      type: blank(cell(bodyTypeMarkdown(view, dc))),
      description: blank([markdownTableCell(b.description ?? ''), cell(`Sent as ${b.media.map((m) => markdownCode(m.mediaType)).join(' or ')}.`)].filter(Boolean).join(' ')),
      required: b.required ? 'yes' : 'no',
      default: ' ',
    });
  }
  return { type: markdownCode(view.names.params), optional: view.paramsOptional, rows };
}

/** A table cell: a single space when blank. */
function blank(cell: string): string {
  return cell || ' ';
}

/** by type context: parameter rows by parameterKey */
const parameterRows = new WeakMap<DocsContext['types'], Map<string, ParameterRow>>();

function parameterRow(key: string, param: Parameter, dc: DocsContext, format?: Parameters<typeof formatNote>[1]): ParameterRow {
  const cacheKey = format ? undefined : parameterKey(key, param);
  let rows = parameterRows.get(dc.types);
  if (!rows) parameterRows.set(dc.types, (rows = new Map()));
  let row = cacheKey === undefined ? undefined : rows.get(cacheKey);
  if (row === undefined) {
    const name = key === param.name ? markdownCode(key) : `${markdownCode(key)} (${markdownCode(param.name)} in the ${param.in})`;
    row = {
      name: blank(cell(name)),
      in: param.in,
      type: blank(cell(schemaMarkdown(param.schema, dc.types, HERE, modelLink))),
      description: blank([paramDescription(param, dc), format ? cell(formatNote(param.name, format)) : ''].filter(Boolean).join(' ')),
      required: param.required ? 'yes' : 'no',
      default: blank(cell(defaultText(param.schema, dc))),
    };
    if (cacheKey !== undefined) rows.set(cacheKey, row);
  }
  return row;
}

/**
 * Everything a parameter's row shows, when its schema has no facts of its own (format,
 * constraints, default, access): then its type, facts and default are those of its kind or
 * of its reference's target. Undefined otherwise.
 */
function parameterKey(key: string, p: Parameter): string | undefined {
  const s = p.schema;
  if (s.format !== undefined || s.constraints !== undefined || s.default !== undefined || s.readOnly || s.writeOnly) return undefined;
  const type = typeKey(s);
  if (type === undefined) return undefined;
  return `${p.in} ${p.required ? 1 : 0}${p.deprecated ? 1 : 0} ${sized(type)}${sized(key)}${sized(p.name)}${p.description ?? ''}`;
}

/** What the type of a keyword schema (`string`) or a reference depends on; undefined for other schemas. */
function typeKey(s: Schema): string | undefined {
  if (s.kind === 'ref') return `${s.nullable ? '?' : '='}${s.target}`;
  return keywordMarkdown(s);
}

/** `text` prefixed with its length: keys made of several free-form texts stay unambiguous. */
function sized(text: string): string {
  return `${text.length}:${text}`;
}

function paramDescription(param: Parameter, dc: DocsContext): string {
  const parts: string[] = [];
  if (param.deprecated) parts.push('**Deprecated.**');
  if (param.description?.trim()) parts.push(markdownTableCell(param.description.trim()));
  let facts = constraintFacts(param.schema);
  const r = resolve(param.schema, dc);
  if (r !== param.schema && facts.length === 0) facts = constraintFacts(r);
  if (facts.length > 0) parts.push(cell(`(${facts.join('; ')})`));
  return parts.join(' ');
}

/** The request body's type, linked. */
export function bodyTypeMarkdown(view: OperationView, dc: DocsContext): string {
  const b = view.body!;
  const one = (m: { kind: string; type: string; schema: Schema }) => (m.kind === 'binary' ? markdownCode(m.type) : typeMarkdown(typeParts(m.schema, dc.types), modelLink));
  if (b.media.length <= 1) return one(b);
  return [...new Set(b.media.map(one))].join(' | ');
}

const NO_FACTS: readonly string[] = Object.freeze([]);

/** Constraints, format and access notes of a schema, each a short Markdown phrase. */
export function constraintFacts(s: Schema): readonly string[] {
  if (s.format === undefined && s.constraints === undefined && !s.readOnly && !s.writeOnly) return NO_FACTS;
  const facts: string[] = [];
  if (s.format && s.kind !== 'binary') facts.push(`format ${markdownCode(s.format)}`);
  const c = s.constraints ?? {};
  const num = (v: unknown) => markdownCode(String(v));
  if (c.minimum !== undefined) facts.push(`min ${num(c.minimum)}`);
  if (typeof c.exclusiveMinimum === 'number') facts.push(`greater than ${num(c.exclusiveMinimum)}`);
  if (c.maximum !== undefined) facts.push(`max ${num(c.maximum)}`);
  if (typeof c.exclusiveMaximum === 'number') facts.push(`less than ${num(c.exclusiveMaximum)}`);
  if (c.multipleOf !== undefined) facts.push(`multiple of ${num(c.multipleOf)}`);
  if (c.minLength !== undefined) facts.push(`min length ${num(c.minLength)}`);
  if (c.maxLength !== undefined) facts.push(`max length ${num(c.maxLength)}`);
  if (c.pattern !== undefined) facts.push(`pattern ${markdownCode(c.pattern)}`);
  if (c.minItems !== undefined) facts.push(`min items ${num(c.minItems)}`);
  if (c.maxItems !== undefined) facts.push(`max items ${num(c.maxItems)}`);
  if (c.uniqueItems) facts.push('unique items');
  if (c.minProperties !== undefined) facts.push(`min properties ${num(c.minProperties)}`);
  if (c.maxProperties !== undefined) facts.push(`max properties ${num(c.maxProperties)}`);
  if (s.readOnly) facts.push('read-only');
  if (s.writeOnly) facts.push('write-only');
  return facts;
}

export function defaultText(s: Schema, dc: DocsContext): string {
  const d = s.default !== undefined ? s.default : s.kind === 'ref' ? resolve(s, dc).default : undefined;
  return d === undefined ? '' : markdownCode(literalCode(d));
}

/** The schema a reference (chain) leads to; `s` itself when it is no reference or its target is unknown. */
export function resolve(s: Schema, dc: DocsContext): Schema {
  for (let i = 0; s.kind === 'ref' && i < 16; i++) {
    const t = dc.types.schemas.get(s.target);
    if (!t) break;
    s = t;
  }
  return s;
}

// ---------------------------------------------------------------------------------------
// responses

const ERROR_CLASSES: Record<string, string> = {
  '400': 'BadRequestError',
  '401': 'AuthenticationError',
  '403': 'PermissionDeniedError',
  '404': 'NotFoundError',
  '409': 'ConflictError',
  '422': 'UnprocessableEntityError',
  '429': 'RateLimitError',
};

/** The error class the runtime throws for a declared status. */
function errorClass(status: string): string {
  if (ERROR_CLASSES[status]) return ERROR_CLASSES[status];
  if (/^5/.test(status)) return 'InternalServerError';
  return 'ApiError';
}

type Role = 'ok' | 'error' | 'other';

/** The Responses table's values (laid out by the `docs-operation` partial); false when the spec declares none. */
export function responsesView(view: OperationView, dc: DocsContext): false | { headers: boolean; rows: ResponseRow[] } {
  const responses = view.op.responses;
  if (responses.length === 0) return false;
  const { ok, errors } = responseRoles(view);
  const withHeaders = responses.some((r) => r.headers.length > 0);
  return { headers: withHeaders, rows: responses.map((r) => responseRow(r, ok.includes(r) ? 'ok' : errors.includes(r) ? 'error' : 'other', withHeaders, dc)) };
}

function responseRow(r: Response, role: Role, withHeaders: boolean, dc: DocsContext): ResponseRow {
  const cacheKey = responseKey(r, role, withHeaders);
  // in the run's cache (the error class links to the README): rows by responseKey
  const rows = dc.cache.responseRows;
  let row = cacheKey === undefined ? undefined : rows.get(cacheKey);
  if (row === undefined) {
    const result = role === 'ok' ? 'returned' : role === 'error' ? `throws [${markdownCode(errorClass(r.status))}](${readmeLinkOf(dc, HERE, 'errors')})` : '';
    row = {
      status: blank(cell(`**${markdownCode(r.status)}**`)),
      description: blank(markdownTableCell(r.description ?? '')),
      body: blank(cell(responseBody(r, dc))),
      result: blank(cell(result)),
      headers: withHeaders ? blank(cell(r.headers.map((h) => markdownCode(h.name)).join(', '))) : ' ',
    };
    if (cacheKey !== undefined) rows.set(cacheKey, row);
  }
  return row;
}

/** Everything a response's row shows, when its bodies' types are keywords or references; else undefined. */
function responseKey(r: Response, role: Role, withHeaders: boolean): string | undefined {
  let key = `${role} ${r.contents.length} ${withHeaders ? r.headers.length : '-'} ${sized(r.status)}`;
  for (const c of r.contents) {
    const type = c.schema.kind === 'binary' ? 'Blob' : typeKey(c.schema);
    if (type === undefined) return undefined;
    key += sized(c.mediaType) + sized(type);
  }
  if (withHeaders) for (const h of r.headers) key += sized(h.name);
  return key + (r.description ?? '');
}

function responseBody(r: Response, dc: DocsContext): string {
  if (r.contents.length === 0) return '';
  const one = (c: { mediaType: string; schema: Schema }) => (c.schema.kind === 'binary' ? markdownCode('Blob') : schemaMarkdown(c.schema, dc.types, HERE, modelLink));
  if (r.contents.length === 1) return one(r.contents[0]);
  // media types with the same body type share it: `application/json`, `application/xml`: [`Pet`]
  const byType = new Map<string, string[]>();
  for (const c of r.contents) {
    const type = one(c);
    const media = byType.get(type);
    if (media) media.push(markdownCode(c.mediaType));
    else byType.set(type, [markdownCode(c.mediaType)]);
  }
  return [...byType].map(([type, media]) => `${media.join(', ')}: ${type}`).join('; ');
}

/** The success and error responses of an operation: the view's (found once, src/view/responses.ts). */
export function responseRoles(view: OperationView): { ok: Response[]; errors: Response[] } {
  return view.responses;
}

/** How a parameter with config formats (`serialization`) is written: `Sent as `metadata[key]=value`.` */
function formatNote(name: string, format: { arrays?: WireFormat['arrays'] | undefined; objects?: WireFormat['objects'] | undefined }): string {
  const ways: string[] = [];
  if (format.objects === 'deepObject') ways.push(`${name}[key]=value`);
  else if (format.objects === 'json') ways.push(`${name}={"key":"value"}`);
  else if (format.objects === 'form') ways.push('key=value');
  if (format.arrays === 'brackets') ways.push(`${name}[]=a&${name}[]=b`);
  else if (format.arrays === 'indexed') ways.push(`${name}[0]=a&${name}[1]=b`);
  else if (format.arrays === 'comma') ways.push(`${name}=a,b`);
  else if (format.arrays === 'repeat') ways.push(`${name}=a&${name}=b`);
  return ways.length > 0 ? `Sent as ${ways.map(markdownCode).join(', ')}.` : '';
}
