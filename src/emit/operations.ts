/**
 * Operation → view model for templates/src/api.ts.hbs and the docs: the params interface,
 * the `OperationSpec` literal the runtime reads, and the function's signature.
 *
 * Params rule: one object with the path, query, header and cookie parameters under their
 * spec names and the request body under `body`. When two parameters share a name, path
 * keeps it and the others become `<location>_<name>`; when a parameter is named `body`,
 * the request body moves to `requestBody`.
 */
import type { Operation, Parameter, PaginationInfo, Schema, SecurityRequirement } from '../ir/types.js';
import { resolveRef } from '../ir/walk.js';
import { jsDocLines, propertyKey, stringLiteral } from '../naming/escape.js';
import type { OperationNames } from '../naming/names.js';
import { detectPagination, type PaginationResult } from './pagination.js';
import { errorResponses, isEventStream, isJson, streamShape, successShape, type SuccessShape } from './responses.js';
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
  const success = successShape(op);
  const successType = shapeType(success, ctx);
  const streamS = names.stream ? streamShape(op) : undefined;
  const pag = success.kind === 'json' ? detectPagination(op, ctx.schemas, ctx.paginationOverrides?.get(names.fn) ?? ctx.paginationOverrides?.get(op.key)) : undefined;
  const errors = errorResponses(op).flatMap((r) => r.contents.filter((c) => isJson(c.mediaType)).map((c) => typeExpr(c.schema, ctx)));
  const view: OperationView = {
    op,
    names,
    params,
    ...(body ? { body } : {}),
    paramsOptional: !params.some((p) => p.param.required) && !(body && body.required),
    success,
    successType,
    ...(streamS ? { stream: { shape: streamS, eventType: eventType(streamS, ctx), flag: !!body && hasStreamFlag(body.schema, ctx) } } : {}),
    ...(pag ? { pagination: { info: pag.info, itemType: typeExpr(pag.item, ctx) } } : {}),
    errorType: errors.length > 0 ? [...new Set(errors)].join(' | ') : 'unknown',
    security: op.security ?? ctx.security,
    code: '',
  };
  view.code = renderOperation(view, pag);
  return view;
}

function paramViews(op: Operation, ctx: TypeContext): ParamView[] {
  const used = new Set<string>();
  const views: ParamView[] = [];
  // Path parameters first so they keep their names on a clash.
  const ordered = [...op.parameters.filter((p) => p.in === 'path'), ...op.parameters.filter((p) => p.in !== 'path')];
  for (const param of ordered) {
    let key = param.name;
    if (used.has(key)) key = `${param.in}_${param.name}`;
    for (let i = 2; used.has(key); i++) key = `${param.in}_${param.name}${i}`;
    used.add(key);
    views.push({ key, param, type: typeExpr(param.schema, ctx, '  ') });
  }
  // Back to the spec's order for the interface and docs.
  return op.parameters.map((p) => views.find((v) => v.param === p)!);
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
  return `[${security.map((req) => `[${Object.keys(req).map(stringLiteral).join(', ')}]`).join(', ')}]`;
}

function specLiteral(v: OperationView, response: string): string {
  const lines: string[] = [];
  lines.push(`method: ${stringLiteral(v.op.method)}`);
  lines.push(`path: ${stringLiteral(v.op.path)}`);
  if (v.params.length > 0) {
    const ps = v.params.map(({ key, param }) => {
      // The common case as `location:name` (runtime `ParamRef`): far cheaper to type-check than an object.
      if (key === param.name && !param.json && !needsSerializer(param)) return stringLiteral(`${param.in}:${param.name}`);
      const f = [`name: ${stringLiteral(param.name)}`, `in: ${stringLiteral(param.in)}`];
      if (key !== param.name) f.push(`key: ${stringLiteral(key)}`);
      if (param.json) f.push('json: true');
      // Only non-default styles are written; they bring their serializer along (tree-shaken otherwise).
      if (needsSerializer(param)) {
        if (param.style) f.push(`style: ${stringLiteral(param.style)}`);
        if (param.explode !== undefined) f.push(`explode: ${param.explode}`);
        if (param.allowReserved) f.push('allowReserved: true');
        f.push('serialize: serializeParam');
      }
      return `{ ${f.join(', ')} }`;
    });
    const oneLine = `params: [${ps.join(', ')}]`;
    lines.push(oneLine.length <= 96 ? oneLine : `params: [\n${ps.map((x) => `    ${x},\n`).join('')}  ]`);
  }
  if (v.body) {
    const f = [`kind: ${stringLiteral(v.body.kind)}`, `mediaType: ${stringLiteral(v.body.mediaType)}`];
    if (v.body.required) f.push('required: true');
    if (v.body.key !== 'body') f.push(`key: ${stringLiteral(v.body.key)}`);
    // Upload and form encodings are pulled into the bundle only by the operations that need them.
    if (v.body.kind === 'multipart') f.push('encode: toFormData');
    if (v.body.kind === 'form') f.push('encode: formBody');
    lines.push(`body: { ${f.join(', ')} }`);
  }
  if (response !== 'json') lines.push(`response: ${stringLiteral(response)}`);
  if (v.security.length > 0) lines.push(`security: ${securityLiteral(v.security)}`);
  if (v.op.extensions['x-oagen-retry'] === true) lines.push('retry: true');
  return `{\n${lines.map((l) => `  ${l},\n`).join('')}}`;
}

function renderOperation(v: OperationView, pag: PaginationResult | undefined): string {
  const { names, op } = v;
  let out = '';
  // Params interface.
  if (v.params.length === 0 && !v.body) {
    // `{}` would accept any value; this accepts only `{}` and `undefined`.
    out += `/** {@link ${names.fn}} takes no parameters. */\n`;
    out += `export type ${names.params} = Record<string, never>;\n\n`;
  } else {
    out += `/** Parameters of {@link ${names.fn}}. */\n`;
    out += `export interface ${names.params} {\n`;
  }
  for (const p of v.params) {
    out += docBlock(paramDocLines(p.param), '  ');
    out += `  ${propertyKey(p.key)}${p.param.required ? '' : '?'}: ${p.type};\n`;
  }
  if (v.body) {
    const lines = v.body.description ? jsDocLines(v.body.description) : [];
    out += docBlock(lines.length ? lines : jsDocLines(`Request body (${v.body.mediaType}).`), '  ');
    out += `  ${propertyKey(v.body.key)}${v.body.required ? '' : '?'}: ${v.body.type};\n`;
  }
  if (v.params.length > 0 || v.body) out += '}\n\n';
  // Error bodies.
  out += `/** Error bodies {@link ${names.fn}} can fail with (as \`ApiError.body\`). */\n`;
  out += `export type ${names.error} = ${v.errorType};\n\n`;
  // The operation's spec, read by the runtime.
  const specConst = names.locals.spec;
  out += `const ${specConst}: OperationSpec = ${specLiteral(v, v.success.kind)};\n\n`;
  const paramsArg = `params${v.paramsOptional ? '?' : ''}: ${names.params}`;
  out += docBlock(operationDocLines(v), '');
  if (v.pagination && pag) {
    const pagConst = names.locals.pagination;
    out = out.replace(`const ${specConst}`, `const ${pagConst}: PaginationSpec = ${paginationLiteral(v.pagination.info)};\n\nconst ${specConst}`);
    out += `export function ${names.fn}(client: Client, ${paramsArg}, options?: RequestOptions): PagePromise<${v.successType}, ${v.pagination.itemType}> {\n`;
    out += `  return paginate(client, ${specConst}, ${pagConst}, params, options);\n}\n`;
  } else if (v.success.kind === 'sse') {
    out += `export function ${names.fn}(client: Client, ${paramsArg}, options?: RequestOptions): ApiPromise<${v.successType}> {\n`;
    out += `  return stream(client, ${specConst}, params, options);\n}\n`;
  } else {
    out += `export function ${names.fn}(client: Client, ${paramsArg}, options?: RequestOptions): ApiPromise<${v.successType}> {\n`;
    out += `  return request(client, ${specConst}, params, options);\n}\n`;
  }
  if (v.stream && names.stream) {
    const streamSpec = names.locals.streamSpec;
    out += `\nconst ${streamSpec}: OperationSpec = { ...${specConst}, response: "sse" };\n\n`;
    const flag = v.body && v.stream.flag ? v.body.key : undefined;
    out += docBlock([`Like {@link ${names.fn}}, answered as a stream of server-sent events (\`${v.stream.shape.mediaType}\`).`, ...(flag ? ['Sets `stream: true` in the request body.'] : []), '', `\`${op.method} ${op.path}\``].map(escapeDocLine), '');
    out += `export function ${names.stream}(client: Client, ${paramsArg}, options?: RequestOptions): ApiPromise<EventStream<${v.stream.eventType}>> {\n`;
    if (flag) out += `  return stream(client, ${streamSpec}, { ...params, ${propertyKey(flag)}: { ...params${v.paramsOptional ? '?' : ''}.${flag}, stream: true } }, options);\n}\n`;
    else out += `  return stream(client, ${streamSpec}, params, options);\n}\n`;
  }
  return out;
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
  const s = schemaDocLines({ ...p.schema, description: undefined, title: undefined } as Schema);
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

export function isStreamMedia(mediaType: string): boolean {
  return isEventStream(mediaType);
}
