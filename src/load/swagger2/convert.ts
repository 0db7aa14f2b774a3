/**
 * Swagger 2.0 → OpenAPI 3.0.3, by building new objects (the 2.0 document is not changed and
 * never deep-cloned; values that need no change are shared):
 * - definitions → components.schemas (`$ref`s rewritten), parameters → components.parameters
 *   (body parameters → components.requestBodies), responses → components.responses;
 * - `in: body` → requestBody; `in: formData` → an object schema in a
 *   `application/x-www-form-urlencoded` or `multipart/form-data` body (multipart when a
 *   parameter is `type: file` or the operation consumes only multipart);
 * - consumes / produces → media types of request bodies / responses (default application/json);
 * - collectionFormat → style / explode (csv, the 2.0 default, is `explode: false`);
 * - securityDefinitions → securitySchemes; host / basePath / schemes → servers;
 * - `type: file` → `{ type: string, format: binary }`.
 * `origins` maps each new object to the pointer it came from, for source positions.
 */
import type { OpenAPIV3 } from 'openapi-types';
import { childPointer, resolvePointer, setOwn } from '../pointer.js';
import type { ConvertContext } from './context.js';
import { convertSchema, isObject, simpleSchema } from './schema.js';

export interface Converted {
  document: OpenAPIV3.Document;
  origins: WeakMap<object, string>;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'] as const;
const FORM = 'application/x-www-form-urlencoded';
const MULTIPART = 'multipart/form-data';

export function convertSwagger2(source: Record<string, unknown>): Converted {
  const pending: Array<{ holder: Record<string, unknown>; ref: string }> = [];
  const ctx: ConvertContext = {
    source,
    origins: new WeakMap(),
    moved: new Map(),
    schemas: new Map(),
    consumes: mediaTypes(source.consumes) ?? ['application/json'],
    produces: mediaTypes(source.produces) ?? ['application/json'],
    rewriteRef(ref, holder) {
      const mapped = mapRef(ref);
      if (mapped !== undefined) return mapped;
      if (ref.startsWith('#/')) pending.push({ holder, ref }); // into paths etc.: fixed up below
      return ref;
    },
  };

  const out: Record<string, unknown> = { openapi: '3.0.3' };
  ctx.origins.set(out, '#');
  for (const key of Object.keys(source)) {
    if (key.startsWith('x-') || key === 'info' || key === 'tags' || key === 'externalDocs' || key === 'security') {
      setOwn(out, key, source[key]);
    }
  }
  if (out.info === undefined) out.info = { title: 'API', version: '0.0.0' };
  const servers = convertServers(source);
  if (servers) {
    ctx.origins.set(servers, source.host !== undefined ? '#/host' : '#/basePath');
    out.servers = servers;
  }

  const components: Record<string, unknown> = {};
  ctx.origins.set(components, '#');
  if (isObject(source.definitions)) {
    const schemas: Record<string, unknown> = {};
    ctx.origins.set(schemas, '#/definitions');
    for (const name of Object.keys(source.definitions)) {
      const from = childPointer('#/definitions', name);
      setOwn(schemas, name, convertSchema(source.definitions[name], from, childPointer('#/components/schemas', name), ctx));
    }
    components.schemas = schemas;
  }
  if (isObject(source.parameters)) {
    const parameters: Record<string, unknown> = {};
    const bodies: Record<string, unknown> = {};
    ctx.origins.set(parameters, '#/parameters');
    ctx.origins.set(bodies, '#/parameters');
    for (const name of Object.keys(source.parameters)) {
      const p = source.parameters[name];
      const from = childPointer('#/parameters', name);
      if (!isObject(p)) continue;
      if (p.in === 'body') setOwn(bodies, name, requestBody(p, from, childPointer('#/components/requestBodies', name), ctx.consumes, ctx));
      else if (p.in !== 'formData') setOwn(parameters, name, parameter(p, from, ctx));
      // formData parameters have no 3.0 component: they are inlined where used
    }
    if (Object.keys(parameters).length > 0) components.parameters = parameters;
    if (Object.keys(bodies).length > 0) components.requestBodies = bodies;
  }
  if (isObject(source.responses)) {
    const responses: Record<string, unknown> = {};
    ctx.origins.set(responses, '#/responses');
    for (const name of Object.keys(source.responses)) {
      const from = childPointer('#/responses', name);
      setOwn(responses, name, response(source.responses[name], from, childPointer('#/components/responses', name), ctx.produces, ctx));
    }
    components.responses = responses;
  }
  if (isObject(source.securityDefinitions)) {
    const schemes: Record<string, unknown> = {};
    ctx.origins.set(schemes, '#/securityDefinitions');
    for (const name of Object.keys(source.securityDefinitions)) {
      const s = source.securityDefinitions[name];
      if (isObject(s)) setOwn(schemes, name, securityScheme(s, childPointer('#/securityDefinitions', name), ctx));
    }
    components.securitySchemes = schemes;
  }

  const paths: Record<string, unknown> = {};
  ctx.origins.set(paths, '#/paths');
  if (isObject(source.paths)) {
    for (const path of Object.keys(source.paths)) {
      const item = source.paths[path];
      const from = childPointer('#/paths', path);
      if (isObject(item)) setOwn(paths, path, pathItem(item, from, childPointer('#/paths', path), ctx));
      else setOwn(paths, path, item);
    }
  }
  out.paths = paths;
  if (Object.keys(components).length > 0) out.components = components;

  // `$ref`s that pointed into places that moved (a bundled spec can point into paths)
  for (const { holder, ref } of pending) {
    const moved = movedPointer(ref, ctx.moved);
    if (moved !== undefined) holder.$ref = moved;
  }
  return { document: out as unknown as OpenAPIV3.Document, origins: ctx.origins };
}

function mapRef(ref: string): string | undefined {
  if (ref.startsWith('#/definitions/')) return '#/components/schemas/' + ref.slice('#/definitions/'.length);
  if (ref.startsWith('#/parameters/')) return '#/components/parameters/' + ref.slice('#/parameters/'.length);
  if (ref.startsWith('#/responses/')) return '#/components/responses/' + ref.slice('#/responses/'.length);
  return undefined;
}

/** the longest moved prefix of `ref`, with the rest appended */
function movedPointer(ref: string, moved: Map<string, string>): string | undefined {
  for (let cut = ref.length; cut > 1; cut = ref.lastIndexOf('/', cut - 1)) {
    const to = moved.get(ref.slice(0, cut));
    if (to !== undefined) return to + ref.slice(cut);
  }
  return undefined;
}

function mediaTypes(v: unknown): string[] | undefined {
  if (!Array.isArray(v)) return undefined;
  const list = v.filter((t): t is string => typeof t === 'string' && t.length > 0);
  return list.length > 0 ? list : undefined;
}

function convertServers(source: Record<string, unknown>): Array<{ url: string }> | undefined {
  const host = typeof source.host === 'string' ? source.host.replace(/\/+$/, '') : undefined;
  const base = typeof source.basePath === 'string' ? source.basePath : undefined;
  if (host === undefined && base === undefined) return undefined;
  const path = base === undefined || base === '/' ? '' : base.startsWith('/') ? base : '/' + base;
  if (host === undefined) return [{ url: path || '/' }];
  const schemes = (Array.isArray(source.schemes) ? source.schemes : []).filter((s): s is string => typeof s === 'string');
  const list = schemes.length > 0 ? schemes : ['https'];
  // https first: the default server is the first one
  list.sort((a, b) => (a === 'https' ? -1 : b === 'https' ? 1 : 0));
  return list.map((scheme) => ({ url: `${scheme}://${host}${path}` }));
}

function securityScheme(s: Record<string, unknown>, from: string, ctx: ConvertContext): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  ctx.origins.set(out, from);
  if (typeof s.description === 'string') out.description = s.description;
  copyExtensions(s, out);
  if (s.type === 'basic') {
    out.type = 'http';
    out.scheme = 'basic';
  } else if (s.type === 'apiKey') {
    Object.assign(out, { type: 'apiKey', name: s.name, in: s.in });
  } else if (s.type === 'oauth2') {
    const scopes = isObject(s.scopes) ? s.scopes : {};
    const flow: Record<string, unknown> = { scopes };
    if (s.authorizationUrl !== undefined) flow.authorizationUrl = s.authorizationUrl;
    if (s.tokenUrl !== undefined) flow.tokenUrl = s.tokenUrl;
    const name =
      s.flow === 'implicit' ? 'implicit' : s.flow === 'password' ? 'password' : s.flow === 'application' ? 'clientCredentials' : 'authorizationCode';
    out.type = 'oauth2';
    out.flows = { [name]: flow };
  } else {
    out.type = s.type; // unknown: left for the parser to report
  }
  return out;
}

function copyExtensions(from: Record<string, unknown>, to: Record<string, unknown>): void {
  for (const key of Object.keys(from)) if (key.startsWith('x-')) setOwn(to, key, from[key]);
}

function pathItem(item: Record<string, unknown>, from: string, to: string, ctx: ConvertContext): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  ctx.origins.set(out, from);
  copyExtensions(item, out);
  if (typeof item.$ref === 'string') out.$ref = item.$ref;

  // path-level parameters: plain ones stay at path level, body / formData move into operations
  const shared = Array.isArray(item.parameters) ? item.parameters : [];
  const plain: unknown[] = [];
  const moving: Array<{ p: Record<string, unknown>; from: string }> = [];
  shared.forEach((raw, i) => {
    const pFrom = childPointer(childPointer(from, 'parameters'), i);
    const { p, at } = deref(raw, pFrom, ctx);
    if (p && (p.in === 'body' || p.in === 'formData')) moving.push({ p, from: at });
    else plain.push(convertParameterEntry(raw, pFrom, ctx));
  });
  if (plain.length > 0) {
    ctx.origins.set(plain, childPointer(from, 'parameters'));
    out.parameters = plain;
  }

  for (const method of METHODS) {
    const op = item[method];
    if (!isObject(op)) continue;
    setOwn(out, method, operation(op, childPointer(from, method), childPointer(to, method), moving, ctx));
  }
  return out;
}

/** A parameter that may be a `$ref`: the 2.0 parameter object and where it is. */
function deref(raw: unknown, at: string, ctx: ConvertContext): { p: Record<string, unknown> | undefined; at: string } {
  if (isObject(raw) && typeof raw.$ref === 'string') {
    const target = resolvePointer(ctx.source, raw.$ref);
    return { p: isObject(target) ? target : undefined, at: raw.$ref };
  }
  return { p: isObject(raw) ? raw : undefined, at };
}

/** A non-body parameter list entry: a `$ref` stays a `$ref` when it names a component. */
function convertParameterEntry(raw: unknown, from: string, ctx: ConvertContext): unknown {
  if (isObject(raw) && typeof raw.$ref === 'string') {
    const mapped = mapRef(raw.$ref);
    if (mapped !== undefined) {
      const out = { $ref: mapped };
      ctx.origins.set(out, from);
      return out;
    }
    const { p, at } = deref(raw, from, ctx);
    return p ? parameter(p, at, ctx) : raw;
  }
  return isObject(raw) ? parameter(raw, from, ctx) : raw;
}

function operation(
  op: Record<string, unknown>,
  from: string,
  to: string,
  inherited: Array<{ p: Record<string, unknown>; from: string }>,
  ctx: ConvertContext,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  ctx.origins.set(out, from);
  for (const key of ['tags', 'summary', 'description', 'externalDocs', 'operationId', 'deprecated', 'security', 'callbacks']) {
    if (op[key] !== undefined) out[key] = op[key];
  }
  copyExtensions(op, out);
  const consumes = mediaTypes(op.consumes) ?? ctx.consumes;
  const produces = mediaTypes(op.produces) ?? ctx.produces;

  const params: unknown[] = [];
  let body: { p: Record<string, unknown>; from: string; ref?: string } | undefined;
  const form: Array<{ p: Record<string, unknown>; from: string }> = [];
  const own = Array.isArray(op.parameters) ? op.parameters : [];
  const ownKeys = new Set<string>();
  own.forEach((raw, i) => {
    const pFrom = childPointer(childPointer(from, 'parameters'), i);
    const { p, at } = deref(raw, pFrom, ctx);
    if (p) ownKeys.add(`${String(p.in)} ${String(p.name)}`);
    if (p?.in === 'body') {
      const ref = isObject(raw) && typeof raw.$ref === 'string' && raw.$ref.startsWith('#/parameters/') ? raw.$ref : undefined;
      body = { p, from: at, ...(ref ? { ref } : {}) };
    } else if (p?.in === 'formData') {
      form.push({ p, from: at });
    } else {
      params.push(convertParameterEntry(raw, pFrom, ctx));
    }
  });
  for (const m of inherited) {
    if (ownKeys.has(`${String(m.p.in)} ${String(m.p.name)}`)) continue; // overridden by the operation
    if (m.p.in === 'body') body ??= m;
    else form.push(m);
  }
  if (params.length > 0) {
    ctx.origins.set(params, childPointer(from, 'parameters'));
    out.parameters = params;
  }

  if (body) {
    if (body.ref) {
      const ref = { $ref: '#/components/requestBodies/' + body.ref.slice('#/parameters/'.length) };
      ctx.origins.set(ref, body.from);
      out.requestBody = ref;
    } else {
      out.requestBody = requestBody(body.p, body.from, childPointer(to, 'requestBody'), consumes, ctx);
    }
  } else if (form.length > 0) {
    out.requestBody = formBody(form, consumes, from, ctx);
  }

  if (isObject(op.responses)) {
    const responses: Record<string, unknown> = {};
    ctx.origins.set(responses, childPointer(from, 'responses'));
    for (const code of Object.keys(op.responses)) {
      const rFrom = childPointer(childPointer(from, 'responses'), code);
      setOwn(responses, code, response(op.responses[code], rFrom, childPointer(childPointer(to, 'responses'), code), produces, ctx));
    }
    out.responses = responses;
  } else {
    out.responses = { default: { description: '' } };
  }
  return out;
}

function parameter(p: Record<string, unknown>, from: string, ctx: ConvertContext): Record<string, unknown> {
  const out: Record<string, unknown> = { name: p.name, in: p.in };
  ctx.origins.set(out, from);
  if (typeof p.description === 'string') out.description = p.description;
  if (p.in === 'path') out.required = true;
  else if (p.required !== undefined) out.required = p.required;
  if (p.allowEmptyValue !== undefined) out.allowEmptyValue = p.allowEmptyValue;
  if (p.deprecated !== undefined) out.deprecated = p.deprecated;
  copyExtensions(p, out);
  if (isObject(p.schema)) {
    // not valid 2.0 for non-body parameters, but seen in the wild
    out.schema = convertSchema(p.schema, childPointer(from, 'schema'), undefined, ctx);
  } else {
    out.schema = simpleSchema(p, from, ctx);
  }
  if (p.type === 'array') {
    const format = typeof p.collectionFormat === 'string' ? p.collectionFormat : 'csv';
    if (p.in === 'query' || p.in === 'cookie') {
      if (format === 'multi') Object.assign(out, { style: 'form', explode: true });
      else if (format === 'ssv') Object.assign(out, { style: 'spaceDelimited', explode: false });
      else if (format === 'pipes') Object.assign(out, { style: 'pipeDelimited', explode: false });
      else Object.assign(out, { style: 'form', explode: false }); // csv (and tsv, which 3.0 lacks)
    }
  }
  return out;
}

function requestBody(
  p: Record<string, unknown>,
  from: string,
  to: string,
  consumes: string[],
  ctx: ConvertContext,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  ctx.origins.set(out, from);
  if (typeof p.description === 'string') out.description = p.description;
  if (p.required === true) out.required = true;
  copyExtensions(p, out);
  const nonForm = consumes.filter((t) => t !== FORM && t !== MULTIPART);
  const types = nonForm.length > 0 ? nonForm : consumes;
  const content: Record<string, unknown> = {};
  ctx.origins.set(content, from);
  for (const type of types) {
    const schemaFrom = childPointer(from, 'schema');
    const media: Record<string, unknown> = {
      schema: convertSchema(p.schema ?? {}, schemaFrom, childPointer(childPointer(childPointer(to, 'content'), type), 'schema'), ctx),
    };
    ctx.origins.set(media, from);
    setOwn(content, type, media);
  }
  out.content = content;
  return out;
}

function formBody(
  form: Array<{ p: Record<string, unknown>; from: string }>,
  consumes: string[],
  opFrom: string,
  ctx: ConvertContext,
): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  const required: string[] = [];
  const encoding: Record<string, unknown> = {};
  let hasFile = false;
  for (const { p, from } of form) {
    const name = String(p.name);
    const schema = simpleSchema(p, from, ctx);
    if (typeof p.description === 'string') schema.description = p.description;
    setOwn(properties, name, schema);
    if (p.required === true) required.push(name);
    if (p.type === 'file') hasFile = true;
    if (p.type === 'array') {
      const multi = p.collectionFormat === 'multi';
      setOwn(encoding, name, { style: 'form', explode: multi });
    }
  }
  const schema: Record<string, unknown> = { type: 'object', properties };
  if (required.length > 0) schema.required = required;
  ctx.origins.set(schema, childPointer(opFrom, 'parameters'));

  const types = hasFile
    ? [MULTIPART]
    : consumes.filter((t) => t === FORM || t === MULTIPART).length > 0
      ? consumes.filter((t) => t === FORM || t === MULTIPART)
      : [FORM];
  const content: Record<string, unknown> = {};
  for (const type of types) {
    const media: Record<string, unknown> = { schema };
    if (Object.keys(encoding).length > 0) media.encoding = encoding;
    setOwn(content, type, media);
  }
  const out: Record<string, unknown> = { content };
  if (required.length > 0) out.required = true;
  ctx.origins.set(out, childPointer(opFrom, 'parameters'));
  return out;
}

function response(raw: unknown, from: string, to: string, produces: string[], ctx: ConvertContext): unknown {
  if (!isObject(raw)) return raw;
  if (typeof raw.$ref === 'string') {
    const mapped = mapRef(raw.$ref);
    if (mapped !== undefined) {
      const ref = { $ref: mapped };
      ctx.origins.set(ref, from);
      return ref;
    }
    const target = resolvePointer(ctx.source, raw.$ref);
    return isObject(target) ? response(target, raw.$ref, to, produces, ctx) : raw;
  }
  const out: Record<string, unknown> = { description: typeof raw.description === 'string' ? raw.description : '' };
  ctx.origins.set(out, from);
  copyExtensions(raw, out);
  if (isObject(raw.headers)) {
    const headers: Record<string, unknown> = {};
    ctx.origins.set(headers, childPointer(from, 'headers'));
    for (const name of Object.keys(raw.headers)) {
      const h = raw.headers[name];
      if (!isObject(h)) continue;
      const hFrom = childPointer(childPointer(from, 'headers'), name);
      const header: Record<string, unknown> = { schema: simpleSchema(h, hFrom, ctx) };
      if (typeof h.description === 'string') header.description = h.description;
      ctx.origins.set(header, hFrom);
      setOwn(headers, name, header);
    }
    out.headers = headers;
  }
  if (raw.schema !== undefined) {
    const examples = isObject(raw.examples) ? raw.examples : {};
    const content: Record<string, unknown> = {};
    ctx.origins.set(content, from);
    for (const type of produces) {
      const media: Record<string, unknown> = {
        schema: convertSchema(raw.schema, childPointer(from, 'schema'), childPointer(childPointer(childPointer(to, 'content'), type), 'schema'), ctx),
      };
      if (examples[type] !== undefined) media.example = examples[type];
      ctx.origins.set(media, from);
      setOwn(content, type, media);
    }
    out.content = content;
  }
  return out;
}
