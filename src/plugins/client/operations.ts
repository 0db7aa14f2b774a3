/**
 * One operation's code in `src/api/<group>.ts`, from its facts (src/view/operations.ts): the
 * params interface, the error type, the `OperationSpec` literal the runtime reads, the
 * function and its stream variant.
 */
import { validatedSignature } from './validated.js';
import type { Encoding, PaginationInfo, Parameter, SecurityRequirement } from '../../ir/types.js';
import { jsDocLines, propertyKey, stringLiteral } from '../../escape/index.js';
import type { BodyMedia, BodyView, OperationView, ParamView, WireFormat } from '../../view/operations.js';
import { docView, requiredFirst, schemaDocLines, type DocView } from '../../view/printer.js';

/** The security alternatives as scheme-name lists, as the runtime reads them. */
function securityLiteral(security: SecurityRequirement[]): string {
  // Most operations share the document's security array: written once per array.
  let literal = securityLiterals.get(security);
  if (literal === undefined) {
    literal = `[${security.map((req) => `[${Object.keys(req).map(stringLiteral).join(', ')}]`).join(', ')}]`;
    securityLiterals.set(security, literal);
  }
  return literal;
}

const securityLiterals = new WeakMap<SecurityRequirement[], string>();

/** The `OperationSpec` object literal, one field per line. */
function specLiteral(v: OperationView, response: string): string {
  let out = `{\n  method: ${stringLiteral(v.op.method)},\n  path: ${stringLiteral(v.op.path)},\n`;
  if (v.params.length > 0) {
    const ps = v.params.map(paramSpecLiteral);
    const oneLine = `params: [${ps.join(', ')}]`;
    out += oneLine.length <= 96 ? `  ${oneLine},\n` : `  params: [\n${ps.map((x) => `    ${x},\n`).join('')}  ],\n`;
  }
  if (v.body) {
    const one = v.body.media.length === 1;
    // `  body: {…},` or `    {…},` in a list
    const bodies = v.body.media.map((m) => bodySpecLiteral(v.body!, m, one ? 100 - 9 : 100 - 5, one ? '  ' : '    '));
    out += bodies.length === 1 ? `  body: ${bodies[0]},\n` : `  body: [\n${bodies.map((b) => `    ${b},\n`).join('')}  ],\n`;
  }
  if (response !== 'json') out += `  response: ${stringLiteral(response)},\n`;
  if (v.accept !== undefined) out += `  accept: ${stringLiteral(v.accept)},\n`;
  if (v.server !== undefined) out += `  server: ${stringLiteral(v.server)},\n`;
  if (v.eventErrors) out += `  eventErrors: 'event',\n`;
  if (v.security.length > 0) out += `  security: ${securityLiteral(v.security)},\n`;
  if (v.op.extensions['x-oagen-retry'] === true) out += '  retry: true,\n';
  return out + '}';
}

function paramSpecLiteral({ key, param, format }: ParamView): string {
  // The common case as `location:name` (runtime `ParamRef`): far cheaper to type-check than an object.
  if (key === param.name && !param.json && !needsSerializer(param) && !format) return stringLiteral(`${param.in}:${param.name}`);
  let out = `{ name: ${stringLiteral(param.name)}, in: ${stringLiteral(param.in)}`;
  if (key !== param.name) out += `, key: ${stringLiteral(key)}`;
  if (param.json) out += ', json: true';
  // Only non-default styles are written; they bring their serializer along (tree-shaken otherwise).
  if (needsSerializer(param) || format) {
    if (param.style) out += `, style: ${stringLiteral(param.style)}`;
    if (param.explode !== undefined) out += `, explode: ${param.explode}`;
    if (param.allowReserved) out += ', allowReserved: true';
    out += formatFields(format);
    out += ', serialize: serializeParam';
  }
  return out + ' }';
}

function formatFields(format: WireFormat | undefined): string {
  let out = '';
  if (format?.arrays) out += `, arrays: ${stringLiteral(format.arrays)}`;
  if (format?.objects) out += `, objects: ${stringLiteral(format.objects)}`;
  return out;
}

/** Whether a parameter's spec needs `serializeParam` (a non-default style, or config formats). */
export function usesSerializer(p: ParamView): boolean {
  return !!p.format || needsSerializer(p.param);
}

function bodySpecLiteral(body: BodyView, m: BodyMedia, room: number, indent: string): string {
  const fields = [`kind: ${stringLiteral(m.kind)}`, `mediaType: ${stringLiteral(m.mediaType)}`];
  if (body.required) fields.push('required: true');
  if (body.key !== 'body') fields.push(`key: ${stringLiteral(body.key)}`);
  if (m.encoding) fields.push(`encoding: ${encodingLiteral(m.encoding)}`);
  if (m.format?.arrays) fields.push(`arrays: ${stringLiteral(m.format.arrays)}`);
  if (m.format?.objects) fields.push(`objects: ${stringLiteral(m.format.objects)}`);
  // Upload and form encodings are pulled into the bundle only by the operations that need them.
  if (m.kind === 'multipart') fields.push('encode: toFormData');
  if (m.kind === 'form') fields.push('encode: formBody');
  return objectLiteral(fields, room, indent);
}

function encodingLiteral(encoding: Record<string, Encoding>): string {
  const entries = Object.entries(encoding).map(([name, e]) => {
    const fields: string[] = [];
    if (e.contentType !== undefined) fields.push(`contentType: ${stringLiteral(e.contentType)}`);
    if (e.style !== undefined) fields.push(`style: ${stringLiteral(e.style)}`);
    if (e.explode !== undefined) fields.push(`explode: ${e.explode}`);
    if (e.allowReserved !== undefined) fields.push(`allowReserved: ${e.allowReserved}`);
    return `${propertyKey(name)}: { ${fields.join(', ')} }`;
  });
  return `{ ${entries.join(', ')} }`;
}

/** A member of a params interface or model, as the `member` partial lays it out. */
export interface MemberTemplateView {
  doc: DocView;
  readonly: boolean;
  /** the key as TypeScript writes it (identifier or string literal) */
  key: string;
  optional: boolean;
  type: string;
  /** the type starts with a line break (a long union, one member per line): no space after the colon */
  broken: boolean;
}

/**
 * What the `operation` partial (templates/src/partials/operation.hbs) and the partials it
 * uses (`params`, `error`, `jsdoc`, `member`) read for one operation: identifiers, type
 * expressions, escaped JSDoc lines and literals, computed here; the layout is the templates'.
 */
export interface OperationTemplateView {
  /** the operation's facts (src/view/operations.ts): `facts.op.method`, `facts.op.path`, `facts.params`, … */
  facts: OperationView;
  /** the function's name */
  fn: string;
  /** the function's JSDoc */
  doc: DocView;
  params: {
    /** the params type's name */
    name: string;
    /** no parameters and no body: `Record<string, never>` */
    empty: boolean;
    /** no parameter nor the body is required: `params?` */
    optional: boolean;
    members: MemberTemplateView[];
  };
  /** the error type, when the operation declares a typed error body (else `ApiError.body` is `unknown`) */
  /** (`broken`: the type is a union broken into lines, starting with a line break) */
  error: false | { name: string; type: string; broken: boolean };
  /** the `OperationSpec` constant the runtime reads */
  spec: { name: string; literal: string };
  pagination: false | { name: string; literal: string; itemType: string };
  /** the success type (`ApiPromise<…>`'s, `PagePromise<…>`'s first) */
  successType: string;
  /** the function's return type (`ApiPromise<…>`, `PagePromise<…, …>`) */
  returns: string;
  /** its type parameters (`<C extends Client = Client>` where results are typed by the validators: validated.ts), else '' */
  generic: string;
  /** the type of its `client` parameter (`Client`, or the generic `C`) */
  clientType: string;
  /** the type of its `options` parameter (`RequestOptions`, or the generic `O`) */
  optionsType: string;
  /** the signature does not fit on one line of 100 columns: one parameter per line */
  wrap: boolean;
  /** answered as a stream of server-sent events (the plain function returns `EventStream`) */
  sse: boolean;
  /** the `…Stream` variant, when the operation has one */
  stream:
    | false
    | {
        fn: string;
        doc: DocView;
        spec: { name: string; literal: string };
        paramsType: string;
        eventType: string;
        returns: string;
        wrap: boolean;
        /** the body flag it turns on: `{ key: 'body', name: 'body' }` */
        flag: false | { key: string; name: string };
      };
}

/** One operation's template view (see OperationTemplateView). */
export function operationTemplateView(v: OperationView, typed = false): OperationTemplateView {
  const { names, op } = v;
  const all = v.params.map((p) => ({ required: p.param.required, member: (): MemberTemplateView => ({ doc: docView(paramDocLines(p.param), '  '), readonly: false, key: propertyKey(p.key), optional: !p.param.required, type: p.type, broken: p.type.charCodeAt(0) === 10 }) }));
  if (v.body) {
    const body = v.body;
    const lines = body.description ? jsDocLines(body.description) : [];
    all.push({ required: body.required, member: () => ({ doc: docView(lines.length ? lines : jsDocLines(`Request body (${body.mediaType}).`), '  '), readonly: false, key: propertyKey(body.key), optional: !body.required, type: body.type, broken: body.type.charCodeAt(0) === 10 }) });
  }
  // required members first, each group in the spec's order (the body last among its group)
  const members = requiredFirst(all).map((x) => x.member());
  const specConst = names.locals.spec;
  let stream: OperationTemplateView['stream'] = false;
  if (v.stream && names.stream) {
    const extra = [`accept: ${stringLiteral(v.stream.shape.mediaTypes.join(', ') || 'text/event-stream')}`, ...(v.stream.errorProperty ? ["eventErrors: 'event'"] : [])];
    const flag = v.body && v.stream.flag ? v.body.key : undefined;
    const paramsType = flag && v.stream.bodyType ? `Omit<${names.params}, ${stringLiteral(flag)}> & { ${propertyKey(flag)}${v.body!.required ? '' : '?'}: ${v.stream.bodyType} }` : names.params;
    const returns = `ApiPromise<EventStream<${v.stream.eventType}>>`;
    stream = {
      fn: names.stream,
      returns,
      wrap: !signatureFits(names.stream, v.paramsOptional, paramsType, returns),
      doc: docView([`Like {@link ${names.fn}}, answered as a stream of server-sent events (\`${v.stream.shape.mediaType}\`).`, ...(flag ? ['Sets `stream: true` in the request body.'] : []), '', `\`${op.method} ${op.path}\``].map(escapeDocLine), ''),
      spec: { name: names.locals.streamSpec, literal: `{ ...${specConst}, response: 'sse', ${extra.join(', ')} }` },
      // The stream variant's body can only say `stream: true` (and gets it when it says nothing).
      paramsType,
      eventType: v.stream.eventType,
      flag: flag ? { key: propertyKey(flag), name: flag } : false,
    };
  }
  const sig = validatedSignature(v, typed, v.pagination ? `PagePromise<${v.successType}, ${v.pagination.itemType}>` : `ApiPromise<${v.successType}>`);
  const returns = sig.returns;
  return {
    facts: v,
    fn: names.fn,
    returns,
    generic: sig.generic,
    clientType: sig.clientType,
    optionsType: sig.optionsType,
    wrap: !signatureFits(names.fn + sig.generic, v.paramsOptional, names.params, returns, sig.clientType.length - 6 + sig.optionsType.length - 14),
    doc: docView(operationDocLines(v), ''),
    params: { name: names.params, empty: v.params.length === 0 && !v.body, optional: v.paramsOptional, members },
    error: v.errorType !== undefined ? { name: names.error, type: v.errorType, broken: v.errorType.charCodeAt(0) === 10 } : false,
    spec: { name: specConst, literal: specLiteral(v, v.success.kind) },
    pagination: v.pagination ? { name: names.locals.pagination, literal: paginationLiteral(v.pagination.info, names.locals.pagination), itemType: v.pagination.itemType } : false,
    successType: v.successType,
    sse: v.success.kind === 'sse',
    stream,
  };
}

/** `export function fn(client: Client, params?: P, options?: RequestOptions): R {` fits in 100 columns. */
function signatureFits(fn: string, optional: boolean, params: string, returns: string, clientType = 0): boolean {
  return 72 + clientType + fn.length + (optional ? 1 : 0) + params.length + returns.length <= 100 && !params.includes('\n') && !returns.includes('\n');
}

function escapeDocLine(line: string): string {
  return jsDocLines(line)[0] ?? '';
}

/** `{ a, b }` when it fits in `room` columns, else one field per line from `indent`. */
function objectLiteral(fields: readonly string[], room: number, indent = ''): string {
  const line = `{ ${fields.join(', ')} }`;
  return line.length <= room ? line : `{\n${fields.map((f) => `${indent}  ${f},\n`).join('')}${indent}}`;
}

function paginationLiteral(info: PaginationInfo, name: string): string {
  const entries = Object.entries(info).filter(([, v]) => v !== undefined);
  const fields = entries.map(([k, v]) => `${k}: ${typeof v === 'string' ? stringLiteral(v) : String(v)}`);
  // Cursor pagination is built into the runtime; the other kinds name their strategy.
  const strategy = PAGINATION_STRATEGY[info.kind];
  if (strategy) fields.push(`next: ${strategy}`);
  // `const <name>: PaginationSpec = {…};`
  return objectLiteral(fields, 100 - 24 - name.length);
}

export const PAGINATION_STRATEGY: Record<PaginationInfo['kind'], string | undefined> = {
  cursor: undefined,
  page: 'byPageNumber',
  offset: 'byPageNumber',
  url: 'byNextUrl',
};

/** OpenAPI's default style per location (form + explode for query and cookie, simple otherwise) needs no serializer. */
export function needsSerializer(p: Parameter): boolean {
  if (p.allowReserved) return true;
  const formLike = p.in === 'query' || p.in === 'cookie';
  const style = p.style ?? (formLike ? 'form' : 'simple');
  const explode = p.explode ?? style === 'form';
  return formLike ? style !== 'form' || explode !== true : style !== 'simple' || explode !== false;
}

function paramDocLines(p: Parameter): string[] {
  const lines = p.description ? jsDocLines(p.description) : [];
  const s = schemaDocLines(p.schema, false);
  if (s.length > 0 && lines.length > 0) lines.push('');
  lines.push(...s);
  if (p.deprecated && !lines.includes('@deprecated')) lines.push('@deprecated');
  return lines;
}

function operationDocLines(v: OperationView): string[] {
  const { op } = v;
  const lines: string[] = [];
  if (op.summary) lines.push(...jsDocLines(op.summary.trim()));
  if (op.description && op.description.trim() !== op.summary?.trim()) {
    if (lines.length) lines.push('');
    lines.push(...jsDocLines(op.description.trim()));
  }
  if (lines.length) lines.push('');
  lines.push(...jsDocLines(`\`${op.method} ${op.path}\``));
  if (v.pagination) {
    lines.push('');
    lines.push(...jsDocLines(`Paginated: \`await\` it for the first page, or \`for await\` over it for every item across pages (\`.pages()\` iterates pages).`));
  }
  if (op.deprecated) lines.push('@deprecated');
  return lines;
}
