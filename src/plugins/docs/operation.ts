/**
 * One operation's section of its API doc (`docs/UsersApi.md#listusers`): signature,
 * description, a type-checked example, parameters, body, return type, authorization,
 * headers, responses, and notes on pagination, streaming, errors and retries.
 * Every value is computed here (the Parameters and Responses tables' cells in
 * src/plugins/docs/tables.ts); templates/docs/partials/docs-operation.hbs lays them out.
 */
import type { PaginationInfo, Schema } from '../../ir/types.js';
import { markdownCodeBlock as codeBlock, isIdentifierName, markdownCode, markdownText, stringLiteral } from '../../escape/index.js';
import { chosenSchemes, clientLine, importLine, isBasic, variableName, type ClientFacts } from './client.js';
import type { PageAnchors } from './anchors.js';
import { ids, modelHref, readmeLinkOf, type DocsContext } from './context.js';
import { exampleValue, printExample, type Example } from './examples.js';
import { firstLine, listJoin } from './markdown.js';
import { schemaMarkdown, typeMarkdown, typeParts, typeText, type TypePart } from './type-markdown.js';
import type { BodyMedia, OperationView } from '../../view/operations.js';
import { isJson } from '../../view/responses.js';
import { bodyTypeMarkdown, parametersView, resolve, responseRoles, responsesView } from './tables.js';

/** What an API doc's table of functions shows of an operation. */
export interface OperationEntry {
  view: OperationView;
  /** the link destination to its heading, from its page */
  link: string;
  /** one-line summary for method tables */
  summary: string;
  /** `**GET** `/path`` */
  http: string;
}

const HERE = 'docs/' as const;
const modelLink = (m: string) => modelHref(HERE, m);

/**
 * One operation's section of an API doc, as the `docs-operation` partial
 * (templates/docs/partials/docs-operation.hbs) lays it out: every value computed here
 * (escaped Markdown, links, anchors, code blocks), the headings, tables, lists, blank lines and
 * the order of the sections the partial's. Cells of tables are table-safe and a single space
 * when blank.
 */
export interface DocsOperationView {
  facts: OperationView;
  /** the function's name (an identifier: safe in a heading and a code span) */
  fn: string;
  /** appended to the `##` heading (an anchor marker, or '' on a page whose slugs are known) */
  anchor: string;
  /** the signature, a code span */
  signature: string;
  deprecated: boolean;
  /** the summary and description (Markdown paragraphs; '' for none) */
  description: string;
  /** what each `###` heading appends (as `anchor`), by section */
  headings: Record<SectionKey, string>;
  /** link destinations to the sections other text links to */
  links: { parameters: string; responses: string; pagination: string | false; streaming: string | false };
  /** the example program, a ```ts code block; false when no value of a required parameter could be built */
  example: string | false;
  /** false when the operation takes no parameters (and no body) */
  parameters: false | { type: string; optional: boolean; rows: ParameterRow[] };
  /** the Request body section's paragraphs (Markdown), false without a body */
  requestBody: false | string[];
  /** the Return type section (Markdown) */
  returnType: string;
  authorization: AuthorizationView;
  headers: HeadersView;
  /** false when the spec declares no responses */
  responses: false | { headers: boolean; rows: ResponseRow[] };
  pagination: false | PaginationView;
  streaming: false | StreamingView;
  errors: ErrorsView;
  /** "Back to top" and the links to the README */
  footer: string;
}

export type SectionKey = 'example' | 'parameters' | 'requestBody' | 'returnType' | 'authorization' | 'headers' | 'responses' | 'pagination' | 'streaming' | 'errors';

/** One row of the Parameters table (a parameter, or the body as its last row). */
export interface ParameterRow {
  name: string;
  in: string;
  type: string;
  description: string;
  /** `yes` or `no` */
  required: string;
  default: string;
}

/** One row of the Responses table. */
export interface ResponseRow {
  status: string;
  description: string;
  body: string;
  result: string;
  /** the Headers cell (when some response declares headers: the table then has the column) */
  headers: string;
}

/** The Authorization section: no security, one requirement, or alternatives. */
export interface AuthorizationView {
  none: boolean;
  /** the one requirement's schemes (Markdown), false for none or several */
  one: string | false;
  /** the alternatives (Markdown), false for none or one */
  any: string[] | false;
}

/** The HTTP request headers section. */
export interface HeadersView {
  contentType: string;
  accept: string;
  /** header parameters: the header's name and where its value comes from (code spans) */
  params: { name: string; from: string; required: boolean }[];
}

/** The Pagination section. */
export interface PaginationView {
  /** how the next page is requested (a sentence) */
  rule: string;
  /** the link to the README's Pagination section */
  readme: string;
  /** a ```ts code block walking the pages; false when no call could be built */
  code: string | false;
}

/** The Streaming section. */
export interface StreamingView {
  /** the `…Stream` function's name */
  fn: string;
  /** the body sets `stream: true` */
  flag: boolean;
  /** `EventStream<…>`, linked (Markdown) */
  type: string;
  /** the event stream's media type, a code span */
  media: string;
  readme: string;
  code: string | false;
}

/** The Errors and retries section. */
export interface ErrorsView {
  /** the README's Errors section */
  readme: string;
  /** the typed error body: its type's name (code span) and the declared bodies' types (Markdown); false for none */
  typed: false | { name: string; types: string };
  /** the method, a code span */
  method: string;
  /** retried like an idempotent request: false, or why (`idempotent`: by its method; else `x-oagen-retry`) */
  retried: false | { idempotent: boolean };
  /** README links: Retries and timeouts, Per-call options, Raw responses */
  retries: string;
  callOptions: string;
  rawResponses: string;
}

const SECTION_KEYS: Record<string, SectionKey> = {
  Example: 'example',
  Parameters: 'parameters',
  'Request body': 'requestBody',
  'Return type': 'returnType',
  Authorization: 'authorization',
  'HTTP request headers': 'headers',
  Responses: 'responses',
  Pagination: 'pagination',
  Streaming: 'streaming',
  'Errors and retries': 'errors',
};

/**
 * One operation's section of an API doc, as values for the `docs-operation` partial. `page`
 * takes its headings and prose in page order (see PageAnchors: the partial's order of
 * sections); with a marker page, headings and links are markers for the AnchorIndex.
 */
export function operationSection(view: OperationView, dc: DocsContext, page: PageAnchors, footer: string): { entry: OperationEntry; section: DocsOperationView } {
  const { op, names } = view;

  // the headings, and the spec prose between them, in page order, before any link to them
  const top = page.anchor(names.fn, ids.operation(op.key), true);
  const paragraphs: string[] = [];
  if (op.summary?.trim()) paragraphs.push(markdownText(op.summary.trim()));
  if (op.description?.trim() && op.description.trim() !== op.summary?.trim()) paragraphs.push(markdownText(op.description.trim()));
  const description = paragraphs.join('\n\n');
  page.prose(description);
  const bodyText = view.body?.description?.trim() ? markdownText(view.body.description.trim()) : '';
  const headings = {} as Record<SectionKey, string>;
  const links: DocsOperationView['links'] = { parameters: '', responses: '', pagination: false, streaming: false };
  for (const title of sectionTitles(view)) {
    const key = SECTION_KEYS[title]!;
    if (LINKED_SECTIONS.has(title)) {
      // the README links to Streaming; the others are linked from the operation's own text
      const a = page.anchor(title, ids.section(op.key, title), title === 'Streaming');
      headings[key] = a.suffix;
      links[key as 'parameters'] = a.link;
    } else {
      headings[key] = page.heading(title);
    }
    if (title === 'Request body') page.prose(bodyText);
  }

  const example = operationExample(view, dc);
  const section: DocsOperationView = {
    facts: view,
    fn: names.fn,
    anchor: top.suffix,
    signature: markdownCode(signature(view)),
    deprecated: op.deprecated === true,
    description,
    headings,
    links,
    example: example ? codeBlock('ts', example) : false,
    parameters: parametersView(view, dc),
    requestBody: view.body ? requestBodyParagraphs(view, dc, bodyText) : false,
    returnType: returnTypeBody(view, dc, links.pagination || ''),
    authorization: authorizationView(view, dc),
    headers: headersView(view),
    responses: responsesView(view, dc),
    pagination: view.pagination ? paginationView(view, dc) : false,
    streaming: view.stream && view.names.stream ? streamingView(view, dc) : false,
    errors: errorsView(view, dc),
    footer,
  };
  return { entry: { view, link: top.link, summary: firstLine(op.summary ?? op.description), http: httpLine(view) }, section };
}

/**
 * `**GET** `/path``: the path relative to the client's base URL, or, for an operation with its
 * own server, the full URL it is sent to (the API doc's table and the README's API reference).
 */
export function httpLine(view: OperationView): string {
  return `**${view.op.method}** ${markdownCode((view.server ?? '') + view.op.path)}`;
}

/** The sections links go to: from the operation's own text, and Streaming from the README. */
const LINKED_SECTIONS = new Set(['Parameters', 'Responses', 'Pagination', 'Streaming']);

/** The sections of an operation, in page order. */
function sectionTitles(view: OperationView): string[] {
  const titles = ['Example', 'Parameters'];
  if (view.body) titles.push('Request body');
  titles.push('Return type', 'Authorization', 'HTTP request headers', 'Responses');
  if (view.pagination) titles.push('Pagination');
  if (view.stream && view.names.stream) titles.push('Streaming');
  titles.push('Errors and retries');
  return titles;
}

export function returnType(view: OperationView): string {
  const success = oneLine(view.successType);
  return view.pagination ? `PagePromise<${success}, ${oneLine(view.pagination.itemType)}>` : `ApiPromise<${success}>`;
}

function signature(view: OperationView): string {
  return `${view.names.fn}(client: Client, params${view.paramsOptional ? '?' : ''}: ${view.names.params}, options?: RequestOptions): ${returnType(view)}`;
}

function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ');
}

// ---------------------------------------------------------------------------------------
// example

/**
 * The example program: import, client, the call (iterating pages or events when the result
 * is paginated or a stream), and with `handleErrors` a try/catch for `ApiError`.
 * Undefined when a required value cannot be built.
 */
export function operationExample(view: OperationView, dc: DocsContext, handleErrors = true): string | undefined {
  const call = callExpression(view, dc, view.names.fn);
  if (!call) return undefined;
  const { facts } = dc;
  const typed = handleErrors && view.errorType !== undefined;
  const imports = [...(handleErrors ? ['ApiError'] : []), 'createClient', view.names.fn];
  const avoid = [...imports, view.names.error];
  const ind = handleErrors ? '  ' : '';
  const lines: string[] = [];
  const callText = (used: number) => call(used, ind);
  if (view.pagination) {
    const item = variableName(singleModel(itemParts(view, dc)), 'item', avoid);
    const head = `${ind}for await (const ${item} of `;
    lines.push(`${head}${callText(head.length)}) {`, `${ind}  console.log(${item});`, `${ind}}`);
  } else if (view.success.kind === 'sse') {
    const head = `${ind}const stream = await `;
    lines.push(`${head}${callText(head.length)};`, `${ind}for await (const event of stream) {`, `${ind}  console.log(event);`, `${ind}}`);
  } else if (view.success.kind === 'void') {
    const head = `${ind}await `;
    lines.push(`${head}${callText(head.length)};`);
  } else {
    const fallback = view.success.kind === 'blob' ? 'blob' : view.success.kind === 'text' ? 'text' : 'result';
    const name = variableName(view.success.kind === 'json' ? singleModel(successParts(view, dc)) : undefined, fallback, avoid);
    const head = `${ind}const ${name} = await `;
    lines.push(`${head}${callText(head.length)};`, `${ind}console.log(${name});`);
  }
  const setup = [importLine(facts, imports, typed ? [view.names.error] : []), '', clientLine(facts, chosenSchemes(view.security, facts)), ''];
  if (!handleErrors) return [...setup, ...lines].join('\n');
  const report = `console.error(error.status, ${typed ? `error.body as ${view.names.error}` : 'error.body'});`;
  const handler =
    `  if (error instanceof ApiError) ${report}`.length <= 80
      ? [`  if (error instanceof ApiError) ${report}`, '  else throw error;']
      : ['  if (error instanceof ApiError) {', `    ${report}`, '  } else {', '    throw error;', '  }'];
  return [...setup, 'try {', ...lines, '} catch (error) {', ...handler, '}'].join('\n');
}

/**
 * `fn(client, { … })` with the required parameters and body, plus up to three optional
 * parameters that have a default or an example (never the pagination cursor).
 */
export function callExpression(view: OperationView, dc: DocsContext, fn: string): CallPrinter | undefined {
  const entries: [string, Example][] = [];
  const skip = new Set<string>(view.pagination ? [paginationParam(view.pagination.info)].filter((x): x is string => !!x) : []);
  let optional = 0;
  for (const p of view.params) {
    const { param } = p;
    if (!param.required) {
      if (optional >= 3 || skip.has(param.name) || param.in === 'header' || param.in === 'cookie' || param.deprecated) continue;
      if (!hasSuggestedValue(param.schema, dc)) continue;
    }
    const v = exampleValue(param.schema, dc.types, param.name, 'request');
    if (!v) {
      if (param.required) return undefined;
      continue;
    }
    if (!param.required) optional++;
    entries.push([p.key, v]);
  }
  if (view.body) {
    const b = view.body;
    const v: Example | undefined =
      b.kind === 'binary'
        ? { kind: 'code', code: `new File([${stringLiteral('example contents')}], ${stringLiteral(fileName('data', b.mediaType))})` }
        : b.kind === 'text'
          ? { kind: 'code', code: stringLiteral('Hello, world!') }
          : exampleValue(b.schema, dc.types, 'body', 'request');
    if (v) entries.push([b.key, v]);
    else if (b.required) return undefined;
  }
  return (used, indent, options) => {
    const tail = options ? `, ${options})` : ')';
    if (entries.length === 0) return options ? `${fn}(client, undefined${tail}` : `${fn}(client)`;
    const head = `${fn}(client, `;
    return `${head}${printExample({ kind: 'object', entries }, indent, 80, used + head.length + tail.length + 1)}${tail}`;
  };
}

/** Prints a call; `used` is the columns before it on its line, `options` the per-call options argument. */
export type CallPrinter = (used: number, indent: string, options?: string) => string;

function paginationParam(info: PaginationInfo): string | undefined {
  return info.kind === 'url' ? undefined : info.param;
}

function hasSuggestedValue(s: Schema, dc: DocsContext): boolean {
  if (s.default !== undefined || s.example !== undefined) return true;
  const r = resolve(s, dc);
  return r.default !== undefined || r.example !== undefined;
}

function singleModel(parts: TypePart[] | undefined): string | undefined {
  return parts && parts.length === 1 && typeof parts[0] !== 'string' ? parts[0].model : undefined;
}

function successParts(view: OperationView, dc: DocsContext): TypePart[] {
  if (view.success.schemas.length === 1) return typeParts(view.success.schemas[0], dc.types);
  const lists = view.success.schemas.map((s) => typeParts(s, dc.types));
  const seen = new Set<string>();
  const out: TypePart[] = [];
  for (const l of lists) {
    const key = typeText(l);
    if (seen.has(key)) continue;
    if (out.length > 0) out.push(' | ');
    seen.add(key);
    out.push(...l);
  }
  return out;
}

/** The item type of a paginated operation, found at the pagination's `items` path. */
function itemParts(view: OperationView, dc: DocsContext): TypePart[] | undefined {
  const info = view.pagination?.info;
  const body = view.success.schemas[0];
  if (!info || !body || view.success.schemas.length !== 1) return undefined;
  let s: Schema | undefined = body;
  for (const part of info.items ? info.items.split('.') : []) {
    const o: Schema | undefined = s && resolve(s, dc);
    s = o?.kind === 'object' ? o.properties.find((p) => p.name === part)?.schema : undefined;
  }
  const arr = s && resolve(s, dc);
  return arr?.kind === 'array' ? typeParts(arr.items, dc.types) : undefined;
}

// ---------------------------------------------------------------------------------------
// parameters and body

/** The Request body section's paragraphs; `description`: markdownText of the body's description ('' for none). */
function requestBodyParagraphs(view: OperationView, dc: DocsContext, description: string): string[] {
  const b = view.body!;
  const lines = [
    `${bodyTypeMarkdown(view, dc)}${b.required ? ', required' : ', optional'}, in ${markdownCode(`params.${b.key}`)}; sent as ${b.media.length > 1 ? 'one of the media types below' : `${markdownCode(b.mediaType)}${bodyEncoding(b.kind)}`}.`,
  ];
  if (description) lines.push(description);
  for (const m of b.media) {
    const fields = fieldFormats(m);
    if (fields) lines.push(`${b.media.length > 1 ? `${markdownCode(m.mediaType)}: ` : ''}${fields}`);
  }
  if (b.media.length > 1) {
    const each = b.media.map((m) => `- ${markdownCode(m.mediaType)}: ${m.kind === 'binary' ? markdownCode(m.type) : typeMarkdown(typeParts(m.schema, dc.types), modelLink)}${bodyEncoding(m.kind)}`);
    const multipart = b.media.find((m) => m.kind === 'multipart');
    const rule = multipart
      ? `A body holding a file (${markdownCode('File')}, ${markdownCode('Blob')}, bytes or a stream, at the top level or in an array) is sent as ${markdownCode(multipart.mediaType)}, any other as ${markdownCode(b.mediaType)}`
      : `It is sent as ${markdownCode(b.mediaType)}`;
    lines.push(
      `The API accepts ${b.media.length} media types, and ${markdownCode(`params.${b.key}`)} takes a value of any of them:\n\n${each.join('\n')}\n\n${rule}; the call option ${markdownCode('contentType')} chooses explicitly (${markdownCode(`{ contentType: ${stringLiteral(b.media[b.media.length - 1]!.mediaType)} }`)}).`,
    );
    // the example shows the first media type: here, a call with each of the others
    for (const m of b.media.slice(1)) {
      const call = callExpression({ ...view, body: { ...b, mediaType: m.mediaType, kind: m.kind, type: m.type, schema: m.schema } }, dc, view.names.fn);
      if (!call) continue;
      const options = `{ contentType: ${stringLiteral(m.mediaType)} }`;
      const code = [
        importLine(dc.facts, ['createClient', view.names.fn]),
        '',
        clientLine(dc.facts, chosenSchemes(view.security, dc.facts)),
        '',
        `const result = await ${call('const result = await '.length, '', options)};`,
        'console.log(result);',
      ].join('\n');
      lines.push(`As ${markdownCode(m.mediaType)}:\n\n${codeBlock('ts', code)}`);
    }
  }
  return lines;
}

/** How a form or multipart body's fields are written: the spec's `encoding`, then the config's formats. */
function fieldFormats(m: BodyMedia): string {
  const parts: string[] = [];
  const encoded = Object.keys(m.encoding ?? {});
  if (encoded.length > 0) parts.push(`the spec's ${markdownCode('encoding')} says how ${listJoin(encoded.map(markdownCode), 'and')} ${encoded.length === 1 ? 'is' : 'are'} written`);
  const objects = m.format?.objects;
  if (objects) {
    const how = markdownCode(objects === 'deepObject' ? 'o[key]=value' : objects === 'json' ? 'o={"key":"value"}' : 'key=value');
    parts.push(`objects as ${how}${m.kind === 'multipart' ? (objects === 'json' ? ' (one JSON text field)' : ' text fields') : ''}`);
  }
  const arrays = m.format?.arrays;
  if (arrays) parts.push(`arrays as ${markdownCode(arrays === 'brackets' ? 'a[]=x&a[]=y' : arrays === 'indexed' ? 'a[0]=x&a[1]=y' : arrays === 'comma' ? 'a=x,y' : 'a=x&a=y')}`);
  if (parts.length === 0) return '';
  if (encoded.length === 0) return `Fields: ${parts.join('; ')}.`;
  return parts.length === 1 ? `Fields: ${parts[0]}.` : `Fields: ${parts[0]}; the other fields: ${parts.slice(1).join('; ')}.`;
}

/** A file name for an example upload: `data.png` for an image media type, `data.bin` when nothing says. */
export function fileName(base: string, mediaType: string | undefined): string {
  const sub = /^[\w.+-]+\/([\w.+-]+)/.exec(mediaType ?? '')?.[1]?.toLowerCase();
  const ext = !sub || sub === 'octet-stream' || sub === '*' ? 'bin' : sub === 'jpeg' ? 'jpg' : sub === 'mpeg' ? 'mp3' : sub === 'plain' ? 'txt' : sub.replace(/^.*\+/, '').replace(/^x-/, '');
  return `${base}.${ext}`;
}

function bodyEncoding(kind: string): string {
  switch (kind) {
    case 'multipart':
      return ' (a `FormData` built from the object: files — `File`, `Blob`, bytes, streams — become file parts with a file name, other fields text fields)';
    case 'form':
      return ' (URL-encoded from the object)';
    case 'binary':
      return ' (the bytes as given)';
    default:
      return '';
  }
}

// ---------------------------------------------------------------------------------------
// results

/** The Return type section; `pagination`: the link to the Pagination section ('' for none). */
function returnTypeBody(view: OperationView, dc: DocsContext, pagination: string): string {
  const href = (m: string) => modelHref(HERE, m);
  const success = successParts(view, dc);
  switch (view.success.kind) {
    case 'void':
      return `${markdownCode('void')}: the response has no body.`;
    case 'blob':
      return `${markdownCode('Blob')}: the response body (${markdownCode(view.success.mediaType ?? 'application/octet-stream')}), read whole. Call ${markdownCode('.asResponse()')} on the result to stream it instead.`;
    case 'text':
      return `${markdownCode('string')}: the response body as text (${markdownCode(view.success.mediaType ?? 'text/plain')}).`;
    case 'sse':
      return `${typeMarkdown(['EventStream<', ...successParts(view, dc), '>'], href)}: the server-sent events, each event's JSON ${markdownCode('data')} parsed.`;
  }
  if (view.pagination) {
    const item = itemParts(view, dc) ?? [oneLine(view.pagination.itemType)];
    return [
      typeMarkdown(['PagePromise<', ...success, ', ', ...item, '>'], href),
      '',
      `Awaiting it gives the first page, ${typeMarkdown(success, href)}; ${markdownCode('for await')} over it gives every ${typeMarkdown(item, href)} of every page (see [Pagination](${pagination})).`,
    ].join('\n');
  }
  const schemas = view.success.schemas;
  return schemas.length === 1 ? schemaMarkdown(schemas[0], dc.types, HERE, modelLink) : typeMarkdown(success, href);
}

function authorizationView(view: OperationView, dc: DocsContext): AuthorizationView {
  const security = view.security;
  if (security.length === 0) return { none: true, one: false, any: false };
  const alt = (req: Record<string, string[]>) => {
    const names = Object.keys(req);
    if (names.length === 0) return 'no credentials (authentication is optional)';
    return listJoin(
      names.map((n) => {
        const link = dc.facts.schemes.has(n) ? `[${markdownCode(n)}](${readmeLinkOf(dc, HERE, `auth:${n}`)})` : markdownCode(n);
        const scopes = req[n]?.length ? `, scopes ${req[n].map(markdownCode).join(', ')}` : '';
        return `${link} (${schemeKind(dc.facts, n)}${scopes})`;
      }),
    );
  };
  if (security.length === 1) return { none: false, one: alt(security[0]), any: false };
  return { none: false, one: false, any: security.map(alt) };
}

export function schemeKind(facts: ClientFacts, name: string): string {
  const s = facts.schemes.get(name);
  if (!s) return 'mutual TLS: configure it in a custom `fetch`';
  switch (s.type) {
    case 'apiKey':
      return `API key in the ${markdownCode(s.paramName)} ${s.in === 'header' ? 'header' : s.in === 'query' ? 'query parameter' : 'cookie'}`;
    case 'http':
      return isBasic(s) ? 'HTTP basic' : s.scheme.toLowerCase() === 'bearer' ? 'HTTP bearer token' : `HTTP ${markdownCode(s.scheme)}`;
    case 'oauth2':
      return 'OAuth 2.0 access token';
    case 'openIdConnect':
      return 'OpenID Connect access token';
    default:
      return 'mutual TLS: configure it in a custom `fetch`';
  }
}

function headersView(view: OperationView): HeadersView {
  // what the client sends: the declared success media types (the runtime's default for JSON)
  const accept = view.accept !== undefined ? view.accept.split(', ') : view.success.kind === 'json' ? ['application/json'] : [];
  const streamAccept = view.stream?.shape.mediaTypes ?? [];
  return {
    contentType: view.body ? view.body.media.map((m) => markdownCode(m.mediaType)).join(' or ') : 'none (no request body)',
    accept: `${accept.length > 0 ? accept.map(markdownCode).join(', ') : view.success.jsonString ? 'none (the declared JSON string is read as text, whatever comes back)' : 'none (no response body)'}${streamAccept.length > 0 ? ` (${streamAccept.map(markdownCode).join(', ')} for ${markdownCode(view.names.stream ?? '')})` : ''}`,
    params: view.params
      .filter((p) => p.param.in === 'header')
      .map((p) => ({ name: markdownCode(p.param.name), from: markdownCode(isIdentifierName(p.key) ? `params.${p.key}` : `params[${stringLiteral(p.key)}]`), required: p.param.required })),
  };
}

// ---------------------------------------------------------------------------------------
// notes

function paginationView(view: OperationView, dc: DocsContext): PaginationView {
  const info = view.pagination!.info;
  const fn = view.names.fn;
  const view_: PaginationView = { rule: paginationRule(info), readme: readmeLinkOf(dc, HERE, 'pagination'), code: false };
  const call = callExpression(view, dc, fn);
  if (!call) return view_;
  const accessor = view.success.schemas.length === 1 ? itemsAccessor(info.items) : undefined;
  const head = '  ';
  const code = [
    importLine(dc.facts, ['createClient', fn]),
    '',
    clientLine(dc.facts, chosenSchemes(view.security, dc.facts)),
    '',
    `for await (const page of ${call('for await (const page of '.length, '')}.pages()) {`,
    `${head}console.log(${accessor !== undefined ? `page${accessor}${accessor ? '?' : ''}.length` : 'page'});`,
    '}',
  ].join('\n');
  view_.code = codeBlock('ts', code);
  return view_;
}

/** `.data`, `.meta?.items`: optional chaining is allowed on any property in TypeScript. */
/** `.data`, `.meta?.items`, `["odd key"]`; '' when the page is the items array itself. */
function itemsAccessor(path: string): string {
  if (path === '') return '';
  return path
    .split('.')
    .map((seg, i) => (isIdentifierName(seg) ? `${i === 0 ? '.' : '?.'}${seg}` : `${i === 0 ? '' : '?.'}[${stringLiteral(seg)}]`))
    .join('');
}

function paginationRule(info: PaginationInfo): string {
  const c = markdownCode;
  switch (info.kind) {
    case 'cursor': {
      const from = info.nextCursor ? `the response's ${c(info.nextCursor)}` : `the last item's ${c(info.itemCursor ?? 'id')}`;
      const until = info.hasMore ? ` while ${c(info.hasMore)} is true` : '';
      return `Each next page sets the ${c(info.param)} query parameter to ${from}${until}.`;
    }
    case 'page': {
      const stop = info.totalPages ? ` up to ${c(info.totalPages)}` : info.totalItems ? ` until ${c(info.totalItems)} items were seen` : '';
      return `Each next page increments the ${c(info.param)} query parameter${stop}${info.sizeParam ? ` (page size: ${c(info.sizeParam)})` : ''}.`;
    }
    case 'offset':
      return `Each next page advances the ${c(info.param)} query parameter by the number of items received${info.limitParam ? ` (page size: ${c(info.limitParam)})` : ''}.`;
    case 'url':
      return info.nextUrl === 'link'
        ? 'Each next page is the `rel="next"` URL of the `Link` response header.'
        : `Each next page is the URL in the response's ${c(info.nextUrl)}.`;
  }
}

function streamingView(view: OperationView, dc: DocsContext): StreamingView {
  const fn = view.names.stream!;
  const media = view.stream!.shape.mediaType ?? 'text/event-stream';
  const events = view.stream!.shape.schemas.map((s) => typeParts(s, dc.types));
  const eventParts: TypePart[] = events.flatMap((e, i) => (i === 0 ? e : [' | ', ...e]));
  const out: StreamingView = {
    fn,
    flag: !!view.stream!.flag,
    type: typeMarkdown(['EventStream<', ...(eventParts.length ? eventParts : ['unknown']), '>'], (m) => modelHref(HERE, m)),
    media: markdownCode(media),
    readme: readmeLinkOf(dc, HERE, 'streaming'),
    code: false,
  };
  const call = callExpression(view, dc, fn);
  if (!call) return out;
  const code = [
    importLine(dc.facts, ['createClient', fn]),
    '',
    clientLine(dc.facts, chosenSchemes(view.security, dc.facts)),
    '',
    `const stream = await ${call('const stream = await '.length, '')};`,
    'for await (const event of stream) {',
    '  console.log(event);',
    '}',
  ].join('\n');
  out.code = codeBlock('ts', code);
  return out;
}

function errorsView(view: OperationView, dc: DocsContext): ErrorsView {
  // the declared error bodies' types, once each (a spec's shared error model: the same parts)
  const declared: TypePart[][] = [];
  const shown: string[] = [];
  for (const r of responseRoles(view).errors) {
    for (const c of r.contents) {
      if (!isJson(c.mediaType)) continue;
      const parts = typeParts(c.schema, dc.types);
      if (declared.some((q) => q === parts || typeText(q) === typeText(parts))) continue;
      declared.push(parts);
      shown.push(schemaMarkdown(c.schema, dc.types, HERE, modelLink));
    }
  }
  const method = view.op.method.toUpperCase();
  const idempotent = /^(GET|HEAD|PUT|DELETE|OPTIONS|TRACE)$/.test(method);
  const links = readmeLinks(dc);
  return {
    readme: links.errors,
    typed: declared.length > 0 && view.errorType !== undefined ? { name: markdownCode(view.names.error), types: shown.length === 1 ? shown[0] : shown.join(' or ') } : false,
    method: markdownCode(method),
    retried: idempotent || view.op.extensions['x-oagen-retry'] === true ? { idempotent } : false,
    retries: links.retries,
    callOptions: links.callOptions,
    rawResponses: links.rawResponses,
  };
}

/** The README links every operation's "Errors and retries" shares (the run's cache). */
export interface ErrorLinks {
  errors: string;
  retries: string;
  callOptions: string;
  rawResponses: string;
}

function readmeLinks(dc: DocsContext): ErrorLinks {
  return (dc.cache.errorLinks ??= {
    errors: readmeLinkOf(dc, HERE, 'errors'),
    retries: readmeLinkOf(dc, HERE, 'retries'),
    callOptions: readmeLinkOf(dc, HERE, 'call-options'),
    rawResponses: readmeLinkOf(dc, HERE, 'raw-responses'),
  });
}
