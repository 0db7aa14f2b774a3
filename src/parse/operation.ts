/**
 * Path Item and Operation Objects (OpenAPI 3.x §4.8.9–4.8.12) → IR operations,
 * with their parameters, request body and responses.
 */
import type {
  Encoding,
  MediaContent,
  Operation,
  Parameter,
  ParamLocation,
  RequestBody,
  Response,
  ResponseHeader,
  Schema,
  SecurityRequirement,
} from '../ir/types.js';
import { child, isObject, reuse, sortedKeys, type ParseContext } from './context.js';
import { parseServers } from './servers.js';
import { parseSchema } from './schema.js';

export const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
const LOCATIONS = new Set<string>(['path', 'query', 'header', 'cookie']);
/** Header and cookie names: RFC 9110 tokens. */
export const HTTP_TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

export function parseOperations(paths: unknown, ctx: ParseContext): Operation[] {
  const ops: Operation[] = [];
  if (!isObject(paths)) return ops;
  for (const path of sortedKeys(paths)) {
    const itemPointer = child('#/paths', path);
    const item = deref(paths[path], itemPointer, ctx);
    if (!isObject(item.node)) continue;
    const shared = Array.isArray(item.node.parameters) ? item.node.parameters : [];
    for (const method of METHODS) {
      const op = item.node[method];
      if (!isObject(op)) continue;
      const parsed = parseOperation(path, method, op, shared, child(item.pointer, method), child(item.pointer, 'parameters'), ctx);
      // Operation-level servers override path-level ones (OpenAPI 3.x §4.8.9, §4.8.10).
      const servers = parseServers(op.servers);
      const pathServers = servers.length > 0 ? servers : parseServers(item.node.servers);
      if (pathServers.length > 0) parsed.servers = pathServers;
      ops.push(parsed);
    }
  }
  return ops;
}

export function parseOperation(
  path: string,
  method: string,
  op: Record<string, unknown>,
  shared: unknown[],
  pointer: string,
  sharedPointer: string,
  ctx: ParseContext,
): Operation {
  const METHOD = method.toUpperCase();
  const own = Array.isArray(op.parameters) ? op.parameters : [];
  // Operation-level parameters override path-level ones with the same name and location.
  const params = new Map<string, Parameter>();
  shared.forEach((p, i) => addParam(params, p, child(sharedPointer, i), ctx));
  own.forEach((p, i) => addParam(params, p, child(pointer, 'parameters', i), ctx));
  checkPathParams(path, params, pointer, ctx);

  const extensions: Record<string, unknown> = {};
  for (const key in op) if (key.startsWith('x-')) extensions[key] = op[key];

  const result: Operation = {
    key: `${METHOD} ${path}`,
    method: METHOD,
    path,
    deprecated: op.deprecated === true,
    tags: Array.isArray(op.tags) ? op.tags.filter((t): t is string => typeof t === 'string') : [],
    parameters: orderParams(path, [...params.values()]),
    responses: parseResponses(op.responses, child(pointer, 'responses'), ctx),
    extensions,
    pointer,
  };
  if (typeof op.operationId === 'string' && op.operationId.trim() !== '') result.operationId = op.operationId;
  if (typeof op.summary === 'string') result.summary = op.summary;
  if (typeof op.description === 'string') result.description = op.description;
  if (op.requestBody !== undefined) result.requestBody = parseRequestBody(op.requestBody, child(pointer, 'requestBody'), ctx);
  if (Array.isArray(op.security)) result.security = parseSecurity(op.security);
  return result;
}

function addParam(into: Map<string, Parameter>, raw: unknown, pointer: string, ctx: ParseContext): void {
  const { node, pointer: at } = deref(raw, pointer, ctx);
  if (!isObject(node)) return;
  const param = reuse(ctx.reused.parameters, node, at, ctx, () => parseParameter(node, at, ctx));
  // Header names are case-insensitive (RFC 9110); the rest are case-sensitive.
  if (param) into.set(`${param.in}:${param.in === 'header' ? param.name.toLowerCase() : param.name}`, param);
}

/** A Parameter Object; undefined (and reported) when it cannot be used. */
function parseParameter(node: Record<string, unknown>, at: string, ctx: ParseContext): Parameter | undefined {
  const name = node.name;
  const loc = node.in;
  if (typeof name !== 'string' || typeof loc !== 'string') {
    ctx.diagnostics.error('E_PARAM_INVALID', `a parameter needs a string 'name' and 'in'`, at);
    return undefined;
  }
  if (!LOCATIONS.has(loc)) {
    ctx.diagnostics.error('E_PARAM_INVALID', `parameter '${name}' has unknown location 'in: ${loc}'`, child(at, 'in'));
    return undefined;
  }
  if ((loc === 'header' || loc === 'cookie') && !HTTP_TOKEN.test(name)) {
    ctx.diagnostics.error('E_PARAM_NAME_INVALID', `${loc} parameter name ${JSON.stringify(name)} is not a valid HTTP token (RFC 9110 §5.6.2)`, child(at, 'name'));
    return undefined;
  }
  let schemaNode: unknown = node.schema;
  let schemaPointer = child(at, 'schema');
  let json = false;
  if (schemaNode === undefined && isObject(node.content)) {
    const mediaType = sortedKeys(node.content)[0];
    const media = node.content[mediaType];
    if (isObject(media)) {
      schemaNode = media.schema;
      schemaPointer = child(at, 'content', mediaType, 'schema');
      json = /json/i.test(mediaType);
    }
  }
  if (schemaNode === undefined) {
    ctx.diagnostics.error('E_PARAM_NO_SCHEMA', `parameter '${name}' has neither 'schema' nor 'content'`, at);
    schemaNode = {};
  }
  const param: Parameter = {
    name,
    in: loc as ParamLocation,
    required: loc === 'path' ? true : node.required === true,
    schema: operationSchema(schemaNode, schemaPointer, ctx),
    pointer: at,
  };
  if (typeof node.description === 'string') param.description = node.description;
  if (node.deprecated === true) param.deprecated = true;
  if (typeof node.style === 'string') param.style = node.style;
  if (typeof node.explode === 'boolean') param.explode = node.explode;
  if (node.allowReserved === true) param.allowReserved = true;
  if (json) param.json = true;
  return param;
}

function checkPathParams(path: string, params: Map<string, Parameter>, pointer: string, ctx: ParseContext): void {
  for (const m of path.matchAll(/\{([^}]+)\}/g)) {
    if (!params.has(`path:${m[1]}`)) {
      ctx.diagnostics.warn('W_PATH_PARAM_UNDECLARED', `path parameter '{${m[1]}}' is not declared; assuming a required string`, pointer);
      params.set(`path:${m[1]}`, { name: m[1], in: 'path', required: true, schema: { kind: 'string', pointer }, pointer });
    }
  }
}

/** Path parameters in the order they appear in the path; the others keep the spec's order. */
function orderParams(path: string, params: Parameter[]): Parameter[] {
  const order = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
  const pathParams = params.filter((p) => p.in === 'path').sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
  return [...pathParams, ...params.filter((p) => p.in !== 'path')];
}

function parseRequestBody(raw: unknown, pointer: string, ctx: ParseContext): RequestBody | undefined {
  const { node, pointer: at } = deref(raw, pointer, ctx);
  if (!isObject(node)) return undefined;
  const body: RequestBody = { required: node.required === true, contents: parseContent(node.content, child(at, 'content'), ctx), pointer: at };
  if (typeof node.description === 'string') body.description = node.description;
  return body;
}

function parseResponses(raw: unknown, pointer: string, ctx: ParseContext): Response[] {
  if (!isObject(raw)) return [];
  const out: Response[] = [];
  for (const status of sortedKeys(raw, compareStatus)) {
    if (status.startsWith('x-')) continue;
    const { node, pointer: at } = deref(raw[status], child(pointer, status), ctx);
    if (!isObject(node)) continue;
    const body = reuse(ctx.reused.responses, node, at, ctx, () => responseBody(node, at, ctx));
    const response: Response = { status, contents: body.contents, headers: body.headers, pointer: at };
    if (body.description !== undefined) response.description = body.description;
    out.push(response);
  }
  return out;
}

/** What a Response Object says, whatever status it is used for. */
export interface ResponseBody {
  contents: MediaContent[];
  headers: ResponseHeader[];
  description?: string;
}

function responseBody(node: Record<string, unknown>, at: string, ctx: ParseContext): ResponseBody {
  const headers: ResponseHeader[] = [];
  if (isObject(node.headers)) {
    for (const name of sortedKeys(node.headers)) {
      const h = deref(node.headers[name], child(at, 'headers', name), ctx);
      if (!isObject(h.node)) continue;
      const header: ResponseHeader = {
        name,
        required: h.node.required === true,
        schema: operationSchema(h.node.schema ?? {}, child(h.pointer, 'schema'), ctx),
      };
      if (typeof h.node.description === 'string') header.description = h.node.description;
      headers.push(header);
    }
  }
  const body: ResponseBody = { contents: parseContent(node.content, child(at, 'content'), ctx), headers };
  if (typeof node.description === 'string') body.description = node.description;
  return body;
}

function parseContent(raw: unknown, pointer: string, ctx: ParseContext): MediaContent[] {
  if (!isObject(raw)) return [];
  return sortedKeys(raw).map((mediaType) => {
    const media = raw[mediaType];
    const schemaNode = isObject(media) ? media.schema : undefined;
    const content: MediaContent = { mediaType, schema: operationSchema(schemaNode ?? {}, child(pointer, mediaType, 'schema'), ctx) };
    const encoding = isObject(media) ? parseEncoding(media.encoding) : undefined;
    if (encoding) content.encoding = encoding;
    return content;
  });
}

const ENCODING_STYLES = new Set(['form', 'spaceDelimited', 'pipeDelimited', 'deepObject']);

/** A Media Type Object's `encoding` (§4.8.15): property name → Encoding Object; headers are not kept. */
function parseEncoding(raw: unknown): Record<string, Encoding> | undefined {
  if (!isObject(raw)) return undefined;
  const out: Record<string, Encoding> = {};
  for (const name of sortedKeys(raw)) {
    const e = raw[name];
    if (!isObject(e)) continue;
    const encoding: Encoding = {};
    if (typeof e.contentType === 'string') encoding.contentType = e.contentType;
    if (typeof e.style === 'string' && ENCODING_STYLES.has(e.style)) encoding.style = e.style as Encoding['style'];
    if (typeof e.explode === 'boolean') encoding.explode = e.explode;
    if (typeof e.allowReserved === 'boolean') encoding.allowReserved = e.allowReserved;
    if (Object.keys(encoding).length > 0) out[name] = encoding;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

export function parseSecurity(raw: unknown[]): SecurityRequirement[] {
  return raw.filter(isObject).map((req) => {
    const out: SecurityRequirement = {};
    for (const name of sortedKeys(req)) out[name] = Array.isArray(req[name]) ? (req[name] as string[]).slice() : [];
    return out;
  });
}

/** The schema of a parameter, body, response or header; shared ones are parsed once (see `reuse`). */
function operationSchema(node: unknown, pointer: string, ctx: ParseContext): Schema {
  if (typeof node !== 'object' || node === null) return parseSchema(node, pointer, ctx);
  return reuse(ctx.reused.schemas, node, pointer, ctx, () => parseSchema(node, pointer, ctx));
}

/** Follow `$ref`s of non-schema objects (parameters, responses, bodies, headers, path items). */
export function deref(raw: unknown, pointer: string, ctx: ParseContext): { node: unknown; pointer: string } {
  let node = raw;
  let at = pointer;
  for (let hops = 0; isObject(node) && typeof node.$ref === 'string'; hops++) {
    if (hops > 32) {
      ctx.diagnostics.error('E_REF_CYCLE', `$ref chain starting here does not end`, pointer);
      return { node: undefined, pointer };
    }
    const ref = node.$ref;
    const target = ref.startsWith('#') ? ctx.resolve(ref) : undefined;
    if (target === undefined) {
      ctx.diagnostics.error('E_REF_MISSING', `$ref '${ref}' does not exist in the document`, at);
      return { node: undefined, pointer: at };
    }
    node = target;
    at = ref;
  }
  return { node, pointer: at };
}

/** 1XX < 100..199 < 2XX < … < default: numeric codes by value, ranges after their class. */
function compareStatus(a: string, b: string): number {
  return statusRank(a) - statusRank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

function statusRank(s: string): number {
  return s === 'default' ? 1000 : /^\dXX$/i.test(s) ? Number(s[0]) * 100 + 99.5 : Number(s) || 999;
}
