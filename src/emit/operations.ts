/**
 * Operation → view model for templates/src/api.ts.hbs and the docs: the params interface,
 * the `OperationSpec` literal the runtime reads, and the function's signature.
 *
 * Params rule: one object with the path, query, header and cookie parameters under their
 * spec names and the request body under `body`. When two parameters share a name, path
 * keeps it and the others become `<location>_<name>`; when a parameter is named `body`,
 * the request body moves to `requestBody`.
 */
import type { Operation, Parameter, PaginationInfo, Response, Schema, SecurityRequirement } from '../ir/types.js';
import { resolveRef } from '../ir/walk.js';
import { jsDocLines, propertyKey, stringLiteral } from '../escape/index.js';
import type { OperationNames } from '../naming/names.js';
import { detectPagination } from './pagination.js';
import { errorResponses, isJson, streamShape, successResponses, successShape, type SuccessShape } from './responses.js';
import { docBlock, schemaDocLines, typeExpr, type TypeContext } from './type-expr.js';

export interface ParamView {
  key: string;
  param: Parameter;
  type: string;
}

export interface BodyView {
  key: string;
  required: boolean;
  mediaType: string;
  kind: 'json' | 'multipart' | 'form' | 'binary' | 'text';
  type: string;
  schema: Schema;
  description?: string;
}

export interface OperationView {
  op: Operation;
  names: OperationNames;
  params: ParamView[];
  body?: BodyView;
  /** true when no parameter nor the body is required: `params?` */
  paramsOptional: boolean;
  success: SuccessShape;
  successType: string;
  stream?: { shape: SuccessShape; eventType: string; /** the body has a `stream` boolean to turn on */ flag: boolean };
  pagination?: { info: PaginationInfo; itemType: string };
  errorType: string;
  security: SecurityRequirement[];
  /** rendered TypeScript, for the template */
  code: string;
}

export interface OperationContext extends TypeContext {
  security: SecurityRequirement[];
  paginationOverrides?: ReadonlyMap<string, PaginationInfo | false>;
}

export function operationView(op: Operation, names: OperationNames, ctx: OperationContext): OperationView {
  const params = paramViews(op, ctx);
  const body = bodyView(op, params, ctx);
  const ok = successResponses(op);
  const success = successShape(op, ok);
  const streamS = names.stream ? streamShape(op, success, ok) : undefined;
  const pag = success.kind === 'json' ? detectPagination(op, ctx.schemas, ctx.paginationOverrides?.get(names.fn) ?? ctx.paginationOverrides?.get(op.key)) : undefined;
  const view: OperationView = {
    op,
    names,
    params,
    paramsOptional: !params.some((p) => p.param.required) && !(body && body.required),
    success,
    successType: shapeType(success, ctx),
    errorType: errorType(op, ok, ctx),
    security: op.security ?? ctx.security,
    code: '',
  };
  if (body) view.body = body;
  if (streamS) view.stream = { shape: streamS, eventType: eventType(streamS, ctx), flag: !!body && hasStreamFlag(body.schema, ctx) };
  if (pag) view.pagination = { info: pag.info, itemType: typeExpr(pag.item, ctx) };
  view.code = renderOperation(view);
  return view;
}

/** The union of the declared JSON error bodies, or `unknown`. */
function errorType(op: Operation, ok: Response[], ctx: TypeContext): string {
  const types: string[] = [];
  for (const r of errorResponses(op, ok)) {
    for (const c of r.contents) {
      if (!isJson(c.mediaType)) continue;
      const t = typeExpr(c.schema, ctx);
      if (!types.includes(t)) types.push(t);
    }
  }
  return types.length > 0 ? types.join(' | ') : 'unknown';
}

function paramViews(op: Operation, ctx: TypeContext): ParamView[] {
  const ps = op.parameters;
  const keys: string[] = [];
  const used: string[] = []; // a handful of names: an array beats a Set here
  // Path parameters take their keys first, so they keep their names on a clash.
  for (let i = 0; i < ps.length; i++) if (ps[i].in === 'path') keys[i] = freeKey(ps[i], used);
  for (let i = 0; i < ps.length; i++) if (ps[i].in !== 'path') keys[i] = freeKey(ps[i], used);
  // The views keep the spec's order (the interface and the docs list them so).
  return ps.map((param, i) => ({ key: keys[i], param, type: typeExpr(param.schema, ctx, '  ') }));
}

function freeKey(param: Parameter, used: string[]): string {
  let key = param.name;
  if (used.includes(key)) key = `${param.in}_${param.name}`;
  for (let i = 2; used.includes(key); i++) key = `${param.in}_${param.name}${i}`;
  used.push(key);
  return key;
}

function bodyView(op: Operation, params: ParamView[], ctx: TypeContext): BodyView | undefined {
  const rb = op.requestBody;
  if (!rb || rb.contents.length === 0) return undefined;
  // Prefer JSON, then multipart, then form, then the first declared.
  const pick =
    rb.contents.find((c) => isJson(c.mediaType)) ??
    rb.contents.find((c) => /^multipart\//i.test(c.mediaType)) ??
    rb.contents.find((c) => /x-www-form-urlencoded/i.test(c.mediaType)) ??
    rb.contents[0];
  const kind = isJson(pick.mediaType)
    ? 'json'
    : /^multipart\//i.test(pick.mediaType)
      ? 'multipart'
      : /x-www-form-urlencoded/i.test(pick.mediaType)
        ? 'form'
        : /^text\//i.test(pick.mediaType) && pick.schema.kind !== 'binary'
          ? 'text'
          : 'binary';
  const keys = new Set(params.map((p) => p.key));
  let key = 'body';
  if (keys.has(key)) key = 'requestBody';
  for (let i = 2; keys.has(key); i++) key = `requestBody${i}`;
  const type = kind === 'binary' ? 'Blob | ArrayBuffer | Uint8Array | ReadableStream<Uint8Array>' : typeExpr(pick.schema, ctx, '  ');
  return { key, required: rb.required, mediaType: pick.mediaType, kind, type, schema: pick.schema, ...(rb.description ? { description: rb.description } : {}) };
}

function shapeType(shape: SuccessShape, ctx: TypeContext): string {
  switch (shape.kind) {
    case 'void':
      return 'void';
    case 'blob':
      return 'Blob';
    case 'text':
      return 'string';
    case 'sse':
      return `EventStream<${eventType(shape, ctx)}>`;
    default:
      return [...new Set(shape.schemas.map((s) => typeExpr(s, ctx)))].join(' | ') || 'unknown';
  }
}

function eventType(shape: SuccessShape, ctx: TypeContext): string {
  return [...new Set(shape.schemas.map((s) => typeExpr(s, ctx)))].join(' | ') || 'unknown';
}

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
  if (v.body) out += `  body: ${bodySpecLiteral(v.body)},\n`;
  if (response !== 'json') out += `  response: ${stringLiteral(response)},\n`;
  if (v.security.length > 0) out += `  security: ${securityLiteral(v.security)},\n`;
  if (v.op.extensions['x-oagen-retry'] === true) out += '  retry: true,\n';
  return out + '}';
}

function paramSpecLiteral({ key, param }: ParamView): string {
  // The common case as `location:name` (runtime `ParamRef`): far cheaper to type-check than an object.
  if (key === param.name && !param.json && !needsSerializer(param)) return stringLiteral(`${param.in}:${param.name}`);
  let out = `{ name: ${stringLiteral(param.name)}, in: ${stringLiteral(param.in)}`;
  if (key !== param.name) out += `, key: ${stringLiteral(key)}`;
  if (param.json) out += ', json: true';
  // Only non-default styles are written; they bring their serializer along (tree-shaken otherwise).
  if (needsSerializer(param)) {
    if (param.style) out += `, style: ${stringLiteral(param.style)}`;
    if (param.explode !== undefined) out += `, explode: ${param.explode}`;
    if (param.allowReserved) out += ', allowReserved: true';
    out += ', serialize: serializeParam';
  }
  return out + ' }';
}

function bodySpecLiteral(body: BodyView): string {
  let out = `{ kind: ${stringLiteral(body.kind)}, mediaType: ${stringLiteral(body.mediaType)}`;
  if (body.required) out += ', required: true';
  if (body.key !== 'body') out += `, key: ${stringLiteral(body.key)}`;
  // Upload and form encodings are pulled into the bundle only by the operations that need them.
  if (body.kind === 'multipart') out += ', encode: toFormData';
  if (body.kind === 'form') out += ', encode: formBody';
  return out + ' }';
}

function renderOperation(v: OperationView): string {
  const { names, op } = v;
  // One string per piece, joined once: the result is one flat string, which survives until
  // the file is written far more cheaply than a tree of concatenations (and their pieces).
  const out: string[] = [];
  // Params interface.
  if (v.params.length === 0 && !v.body) {
    // `{}` would accept any value; this accepts only `{}` and `undefined`.
    out.push(`/** {@link ${names.fn}} takes no parameters. */\n`);
    out.push(`export type ${names.params} = Record<string, never>;\n\n`);
  } else {
    out.push(`/** Parameters of {@link ${names.fn}}. */\n`);
    out.push(`export interface ${names.params} {\n`);
  }
  for (const p of v.params) {
    out.push(docBlock(paramDocLines(p.param), '  '));
    out.push(`  ${propertyKey(p.key)}${p.param.required ? '' : '?'}: ${p.type};\n`);
  }
  if (v.body) {
    const lines = v.body.description ? jsDocLines(v.body.description) : [];
    out.push(docBlock(lines.length ? lines : jsDocLines(`Request body (${v.body.mediaType}).`), '  '));
    out.push(`  ${propertyKey(v.body.key)}${v.body.required ? '' : '?'}: ${v.body.type};\n`);
  }
  if (v.params.length > 0 || v.body) out.push('}\n\n');
  // Error bodies.
  out.push(`/** Error bodies {@link ${names.fn}} can fail with (as \`ApiError.body\`). */\n`);
  out.push(`export type ${names.error} = ${v.errorType};\n\n`);
  // The operation's spec (and pagination spec), read by the runtime.
  const specConst = names.locals.spec;
  const pagConst = names.locals.pagination;
  if (v.pagination) out.push(`const ${pagConst}: PaginationSpec = ${paginationLiteral(v.pagination.info)};\n\n`);
  out.push(`const ${specConst}: OperationSpec = ${specLiteral(v, v.success.kind)};\n\n`);
  const paramsArg = `params${v.paramsOptional ? '?' : ''}: ${names.params}`;
  out.push(docBlock(operationDocLines(v), ''));
  if (v.pagination) {
    out.push(`export function ${names.fn}(client: Client, ${paramsArg}, options?: RequestOptions): PagePromise<${v.successType}, ${v.pagination.itemType}> {\n`);
    out.push(`  return paginate(client, ${specConst}, ${pagConst}, params, options);\n}\n`);
  } else if (v.success.kind === 'sse') {
    out.push(`export function ${names.fn}(client: Client, ${paramsArg}, options?: RequestOptions): ApiPromise<${v.successType}> {\n`);
    out.push(`  return stream(client, ${specConst}, params, options);\n}\n`);
  } else {
    out.push(`export function ${names.fn}(client: Client, ${paramsArg}, options?: RequestOptions): ApiPromise<${v.successType}> {\n`);
    out.push(`  return request(client, ${specConst}, params, options);\n}\n`);
  }
  if (v.stream && names.stream) {
    const streamSpec = names.locals.streamSpec;
    out.push(`\nconst ${streamSpec}: OperationSpec = { ...${specConst}, response: "sse" };\n\n`);
    const flag = v.body && v.stream.flag ? v.body.key : undefined;
    out.push(docBlock([`Like {@link ${names.fn}}, answered as a stream of server-sent events (\`${v.stream.shape.mediaType}\`).`, ...(flag ? ['Sets `stream: true` in the request body.'] : []), '', `\`${op.method} ${op.path}\``].map(escapeDocLine), ''));
    out.push(`export function ${names.stream}(client: Client, ${paramsArg}, options?: RequestOptions): ApiPromise<EventStream<${v.stream.eventType}>> {\n`);
    if (flag) out.push(`  return stream(client, ${streamSpec}, { ...params, ${propertyKey(flag)}: { ...params${v.paramsOptional ? '?' : ''}.${flag}, stream: true } }, options);\n}\n`);
    else out.push(`  return stream(client, ${streamSpec}, params, options);\n}\n`);
  }
  return out.join('');
}

/** The stream variant turns a `stream: boolean` body flag on, when the body has one. */
function hasStreamFlag(schema: Schema, ctx: TypeContext): boolean {
  const s = resolveRef(schema, ctx.schemas);
  const objects = s.kind === 'intersection' ? s.members : [s];
  return objects.some((o) => {
    const x = resolveRef(o, ctx.schemas);
    return x.kind === 'object' && x.properties.some((p) => p.name === 'stream');
  });
}

function escapeDocLine(line: string): string {
  return jsDocLines(line)[0] ?? '';
}

function paginationLiteral(info: PaginationInfo): string {
  const entries = Object.entries(info).filter(([, v]) => v !== undefined);
  const fields = entries.map(([k, v]) => `${k}: ${typeof v === 'string' ? stringLiteral(v) : String(v)}`);
  // Cursor pagination is built into the runtime; the other kinds name their strategy.
  const strategy = PAGINATION_STRATEGY[info.kind];
  if (strategy) fields.push(`next: ${strategy}`);
  return `{ ${fields.join(', ')} }`;
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
