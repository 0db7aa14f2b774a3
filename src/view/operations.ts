/**
 * Operation → its facts, read by the code (src/plugins/client/) and the docs alike: the
 * parameters under their keys, the request body and its media types, the success and stream
 * shapes, pagination, security, the error bodies, and their TypeScript types (the one
 * printer's text, block layout). Nothing here is laid out as code.
 *
 * Params rule: one object with the path, query, header and cookie parameters under their
 * spec names and the request body under `body`. When two parameters share a name, path
 * keeps it and the others become `<location>_<name>`; when a parameter is named `body`,
 * the request body moves to `requestBody`.
 */
import type { ArrayFormat, ObjectFormat, OperationSerialization, SerializationConfig } from '../config.js';
import type { Encoding, MediaContent, Operation, Parameter, PaginationInfo, Response, Schema, SchemaId, SecurityRequirement } from '../ir/types.js';
import { resolveRef } from '../ir/walk.js';
import type { OperationNames } from '../naming/names.js';
import { detectPagination } from './pagination.js';
import { printTypeText, UPLOADABLE, type TypeContext } from './printer.js';
import { errorResponses, hasErrorBody, isJson, streamShape, successResponses, successShape, type SuccessShape } from './responses.js';

/**
 * A type's TypeScript text in the package's layout (block: object members one per line; a
 * union too long for its line one member per line, its column estimated when not given).
 */
function typeExpr(s: Schema, ctx: TypeContext, indent = '', column = -1): string {
  return printTypeText(s, ctx, 'block', indent, column);
}

export interface ParamView {
  key: string;
  param: Parameter;
  type: string;
  /** how its arrays and objects are written, from the config (needs `serializeParam`) */
  format?: WireFormat;
  /** its value can be an array (docs show the array format only then) */
  arrayValued?: boolean;
}

/** Config-given array and object formats (runtime `ArrayFormat` / `ObjectFormat`). */
export interface WireFormat {
  arrays?: ArrayFormat;
  objects?: ObjectFormat;
}

export type BodyKind = 'json' | 'multipart' | 'form' | 'binary' | 'text';

/** One declared request media type. */
export interface BodyMedia {
  mediaType: string;
  kind: BodyKind;
  /** its own type expression */
  type: string;
  schema: Schema;
  /** the spec's Encoding Objects (multipart and form bodies) */
  encoding?: Record<string, Encoding>;
  /** arrays and objects of the fields `encoding` does not cover, from the config */
  format?: WireFormat;
}

/**
 * The request body. With several declared media types, one `body` takes any of them (its
 * type is the union of theirs); `media` lists them (JSON first, then multipart, form, the
 * rest) and the top-level fields are the first one's.
 */
export interface BodyView {
  key: string;
  required: boolean;
  mediaType: string;
  kind: BodyKind;
  /** the union of the media types' types */
  type: string;
  schema: Schema;
  description?: string;
  media: BodyMedia[];
}

export interface OperationView {
  op: Operation;
  names: OperationNames;
  /** the success and error responses (src/view/responses.ts), found once for code and docs */
  responses: { ok: Response[]; errors: Response[] };
  params: ParamView[];
  body?: BodyView;
  /** true when no parameter nor the body is required: `params?` */
  paramsOptional: boolean;
  success: SuccessShape;
  successType: string;
  stream?: {
    shape: SuccessShape;
    eventType: string;
    /** the body has a `stream` boolean to turn on */
    flag: boolean;
    /** the stream variant's body type (`stream?: true`), when `flag` */
    bodyType?: string;
    /** the declared event type has a top-level `error` property */
    errorProperty: boolean;
  };
  /** the operation's own base URL (operation- or path-level `servers`), variables filled */
  server?: string;
  /** `Accept` header of the plain function, when not the runtime's default */
  accept?: string;
  /** an `sse` operation whose declared event type has a top-level `error` property */
  eventErrors?: boolean;
  pagination?: { info: PaginationInfo; itemType: string };
  /** the union of the declared JSON error bodies' types; undefined when the operation declares none (or `unknown`) */
  errorType?: string;
  security: SecurityRequirement[];
}

export interface OperationContext extends TypeContext {
  security: SecurityRequirement[];
  paginationOverrides?: ReadonlyMap<string, PaginationInfo | false>;
  /** values of server variables (config `servers.variables`) */
  serverVariables?: Readonly<Record<string, string>>;
  /** config `serialization` */
  serialization?: SerializationConfig;
}

export function operationView(op: Operation, names: OperationNames, ctx: OperationContext): OperationView {
  const opConfig = ctx.serialization?.operations?.[names.fn] ?? ctx.serialization?.operations?.[op.key];
  const params = paramViews(op, ctx, opConfig);
  const body = bodyView(op, params, ctx, opConfig);
  const ok = successResponses(op);
  const errors = errorResponses(op, ok);
  const success = successShape(op, ok);
  const streamS = names.stream ? streamShape(op, success, ok) : undefined;
  const flag = !!streamS && !!body && hasStreamFlag(body.schema, ctx);
  if (body && flag) {
    // Where a stream variant exists, the plain function cannot ask for a stream.
    body.type = withStreamFlag(body.type, 'false | null');
  }
  const pag = success.kind === 'json' ? detectPagination(op, ctx.schemas, ctx.paginationOverrides?.get(names.fn) ?? ctx.paginationOverrides?.get(op.key)) : undefined;
  const view: OperationView = {
    op,
    names,
    responses: { ok, errors },
    params,
    paramsOptional: !params.some((p) => p.param.required) && !(body && body.required),
    success,
    successType: shapeType(success, ctx),
    security: op.security ?? ctx.security,
  };
  const errorT = hasErrorBody(op, errors) ? errorType(errors, ctx) : undefined;
  if (errorT !== undefined) view.errorType = errorT;
  if (body) view.body = body;
  if (streamS) {
    view.stream = { shape: streamS, eventType: eventType(streamS, ctx), flag, errorProperty: hasErrorProperty(streamS.schemas, ctx) };
    if (body && flag) view.stream.bodyType = withStreamFlag(unionType(body.media), 'true');
  }
  const server = operationServer(op, ctx.serverVariables);
  if (server !== undefined) view.server = server;
  const accept = acceptHeader(success);
  if (accept !== undefined) view.accept = accept;
  if (success.kind === 'sse' && hasErrorProperty(success.schemas, ctx)) view.eventErrors = true;
  if (pag) view.pagination = { info: pag.info, itemType: typeExpr(pag.item, ctx) };
  return view;
}

/** The union of the declared JSON error bodies' types, or undefined when none is declared (or one is `unknown`). */
function errorType(errors: readonly Response[], ctx: TypeContext): string | undefined {
  const bodies: { schema: Schema; type: string }[] = [];
  for (const r of errors) {
    for (const c of r.contents) {
      if (isJson(c.mediaType)) bodies.push({ schema: c.schema, type: typeExpr(c.schema, ctx) });
    }
  }
  // a body's union broken into lines (`\n  | A\n  | B`) cannot be joined to others: written on one line then
  const broken = bodies.length > 1 && bodies.some((b) => b.type.charCodeAt(0) === 10);
  const types: string[] = [];
  for (const b of bodies) {
    const t = broken && b.type.charCodeAt(0) === 10 ? printTypeText(b.schema, ctx, 'inline') : b.type;
    if (!types.includes(t)) types.push(t);
  }
  const union = types.join(' | ');
  // a body typed `unknown` tells no more than none
  return union !== '' && union !== 'unknown' ? union : undefined;
}

function paramViews(op: Operation, ctx: OperationContext, opConfig: OperationSerialization | undefined): ParamView[] {
  const ps = op.parameters;
  const keys: string[] = [];
  const used: string[] = []; // a handful of names: an array beats a Set here
  // Path parameters take their keys first, so they keep their names on a clash.
  for (let i = 0; i < ps.length; i++) if (ps[i].in === 'path') keys[i] = freeKey(ps[i], used);
  for (let i = 0; i < ps.length; i++) if (ps[i].in !== 'path') keys[i] = freeKey(ps[i], used);
  // The views keep the spec's order (the interface and the docs list them so).
  return ps.map((param, i) => {
    const view: ParamView = { key: keys[i], param, type: typeExpr(param.schema, ctx, '  ', 2 + keys[i].length + (param.required ? 2 : 3)) };
    const format = paramFormat(param, ctx, opConfig);
    if (format) {
      view.format = format;
      if (valueShapes(param.schema, ctx.schemas).array) view.arrayValued = true;
    }
    return view;
  });
}

/**
 * A parameter's config-given formats: the operation's own (`serialization.operations`) first,
 * then, where the spec says nothing (no `style`, no `explode`), the client's `query` defaults,
 * and for a deepObject parameter (whose arrays OpenAPI leaves undefined) the client's `arrays`.
 * Only the formats its schema can use are kept (a number needs none).
 */
function paramFormat(param: Parameter, ctx: OperationContext, opConfig: OperationSerialization | undefined): WireFormat | undefined {
  if (param.json) return undefined;
  const query = param.in === 'query' ? ctx.serialization?.query : undefined;
  const silent = param.style === undefined && param.explode === undefined;
  // deepObject says nothing about arrays (OpenAPI leaves them undefined): the client's rule applies
  const defaults = silent ? query : param.style === 'deepObject' && query?.arrays ? { arrays: query.arrays } : undefined;
  const merged: WireFormat = { ...defaults, ...opConfig?.params?.[param.name] };
  const shape = valueShapes(param.schema, ctx.schemas);
  const out: WireFormat = {};
  // Arrays inside objects (`o[k][]=1`) follow `arrays` too.
  if (merged.arrays && (shape.array || shape.object)) out.arrays = merged.arrays;
  if (merged.objects && shape.object) out.objects = merged.objects;
  return out.arrays || out.objects ? out : undefined;
}

/** Whether a value of this schema can be an array or an object (through refs, unions, allOf). */
function valueShapes(s: Schema, schemas: ReadonlyMap<SchemaId, Schema>, seen = new Set<SchemaId>()): { array: boolean; object: boolean } {
  switch (s.kind) {
    case 'ref': {
      const target = schemas.get(s.target);
      if (!target || seen.has(s.target)) return { array: false, object: false };
      seen.add(s.target);
      return valueShapes(target, schemas, seen);
    }
    case 'array':
      return { array: true, object: false };
    case 'object':
      return { array: false, object: true };
    case 'unknown':
      return { array: true, object: true };
    case 'union':
    case 'intersection': {
      const out = { array: false, object: false };
      for (const m of s.members) {
        const x = valueShapes(m, schemas, seen);
        out.array ||= x.array;
        out.object ||= x.object;
      }
      return out;
    }
    default:
      return { array: false, object: false };
  }
}

function freeKey(param: Parameter, used: string[]): string {
  let key = param.name;
  if (used.includes(key)) key = `${param.in}_${param.name}`;
  for (let i = 2; used.includes(key); i++) key = `${param.in}_${param.name}${i}`;
  used.push(key);
  return key;
}

function bodyView(op: Operation, params: ParamView[], ctx: OperationContext, opConfig: OperationSerialization | undefined): BodyView | undefined {
  const rb = op.requestBody;
  if (!rb || rb.contents.length === 0) return undefined;
  // JSON first, then multipart, then form, then the rest as declared: the runtime sends the
  // first one unless the call or the value (a file: multipart) says otherwise.
  const rank = (c: MediaContent) => ['json', 'multipart', 'form'].indexOf(mediaKind(c)) >>> 0;
  const ordered = [...rb.contents].sort((a, b) => rank(a) - rank(b));
  const media = ordered.map((c) => bodyMedia(c, ctx, opConfig));
  const keys = new Set(params.map((p) => p.key));
  let key = 'body';
  if (keys.has(key)) key = 'requestBody';
  for (let i = 2; keys.has(key); i++) key = `requestBody${i}`;
  const first = media[0];
  return {
    key,
    required: rb.required,
    mediaType: first.mediaType,
    kind: first.kind,
    type: unionType(media),
    schema: first.schema,
    ...(rb.description ? { description: rb.description } : {}),
    media,
  };
}

function mediaKind(c: MediaContent): BodyKind {
  return isJson(c.mediaType)
    ? 'json'
    : /^multipart\//i.test(c.mediaType)
      ? 'multipart'
      : /x-www-form-urlencoded/i.test(c.mediaType)
        ? 'form'
        : /^text\//i.test(c.mediaType) && c.schema.kind !== 'binary'
          ? 'text'
          : 'binary';
}

function uploadable(ctx: TypeContext): string {
  ctx.runtimeTypes?.add(UPLOADABLE);
  return UPLOADABLE;
}

function bodyMedia(c: MediaContent, ctx: OperationContext, opConfig: OperationSerialization | undefined): BodyMedia {
  const kind = mediaKind(c);
  const type = kind === 'binary' ? uploadable(ctx) : typeExpr(c.schema, ctx, '  ');
  const out: BodyMedia = { mediaType: c.mediaType, kind, type, schema: c.schema };
  if (kind !== 'multipart' && kind !== 'form') return out;
  const own = opConfig?.body;
  let encoding = c.encoding;
  // The operation's config outranks the spec's encoding: only the content types are kept.
  if (encoding && own && (own.arrays || own.objects)) {
    const kept: Record<string, Encoding> = {};
    for (const [k, e] of Object.entries(encoding)) if (e.contentType) kept[k] = { contentType: e.contentType };
    encoding = Object.keys(kept).length > 0 ? kept : undefined;
  }
  if (encoding) out.encoding = encoding;
  const defaults = kind === 'multipart' ? ctx.serialization?.multipart : ctx.serialization?.form;
  const arrays = own?.arrays ?? defaults?.arrays;
  const objects = own?.objects ?? defaults?.objects;
  const format: WireFormat = {};
  if (arrays) format.arrays = arrays;
  // multipart's `brackets` is the runtime's `deepObject`
  if (objects) format.objects = objects === 'brackets' ? 'deepObject' : objects;
  if (format.arrays || format.objects) out.format = format;
  return out;
}

/** The union of the media types' types (each once). */
function unionType(media: BodyMedia[]): string {
  const types = [...new Set(media.map((m) => m.type))];
  return types.length === 1 ? types[0] : types.map((t) => (/[|&]/.test(t) && !/^\(.*\)$/s.test(t) ? `(${t})` : t)).join(' | ');
}

/** The body type with its `stream` flag narrowed (`T & { stream?: false | null }`). */
function withStreamFlag(type: string, flag: string): string {
  const base = /^[\w.]+$/.test(type) ? type : `(${type})`;
  return `${base} & { stream?: ${flag} }`;
}

/** The operation's own server, its variables filled from the config or their defaults; trailing `/` dropped. */
function operationServer(op: Operation, variables: Readonly<Record<string, string>> | undefined): string | undefined {
  const server = op.servers?.[0];
  if (!server) return undefined;
  let url = server.url;
  for (const [k, v] of Object.entries(server.variables ?? {})) url = url.split(`{${k}}`).join(variables?.[k] ?? v.default);
  return url.replace(/\/+$/, '');
}

/**
 * The `Accept` header from the declared success media types; undefined where the runtime's
 * default is right (`application/json` for JSON), and for text read from a JSON media type
 * whose schema is a plain string (the spec is doubtful there: nothing is claimed).
 */
function acceptHeader(shape: SuccessShape): string | undefined {
  if (shape.kind === 'void' || shape.jsonString) return undefined;
  const types = shape.mediaTypes;
  if (shape.kind === 'json' && types.length === 1 && types[0] === 'application/json') return undefined;
  return types.length > 0 ? types.join(', ') : undefined;
}

/** The declared event type has a top-level `error` property (through refs, unions and allOf). */
function hasErrorProperty(schemas: Schema[], ctx: TypeContext): boolean {
  const seen = new Set<SchemaId>();
  const has = (s: Schema): boolean => {
    switch (s.kind) {
      case 'ref': {
        const target = ctx.schemas.get(s.target);
        if (!target || seen.has(s.target)) return false;
        seen.add(s.target);
        return has(target);
      }
      case 'object':
        return s.properties.some((p) => p.name === 'error');
      case 'union':
      case 'intersection':
        return s.members.some(has);
      default:
        return false;
    }
  };
  return schemas.some(has);
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

/** The stream variant turns a `stream: boolean` body flag on, when the body has one. */
function hasStreamFlag(schema: Schema, ctx: TypeContext): boolean {
  const s = resolveRef(schema, ctx.schemas);
  const objects = s.kind === 'intersection' ? s.members : [s];
  return objects.some((o) => {
    const x = resolveRef(o, ctx.schemas);
    return x.kind === 'object' && x.properties.some((p) => p.name === 'stream');
  });
}

