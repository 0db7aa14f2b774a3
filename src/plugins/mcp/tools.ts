/**
 * The operations an MCP server exposes and each one's tool: name, description, input schema
 * (the parameters and the body, as the operation function takes them), hints, and which
 * arguments are files.
 */
import type { Schema } from '../../ir/types.js';
import { cleanText } from '../../escape/text.js';
import type { ApiView } from '../types.js';
import type { OperationView } from '../../view/index.js';
import { JsonSchemaWriter, type JsonSchema } from './json-schema.js';
import { optionError, type ResolvedOptions } from './options.js';

/** What `readOnly` lets through. */
export const READ_METHODS: readonly string[] = ['GET', 'HEAD'];

export interface ToolView {
  /** the tool's name: the operation function's */
  name: string;
  /** the operation function */
  fn: string;
  /** a display name: the operation's summary */
  title?: string;
  description: string;
  annotations: { readOnlyHint: boolean; idempotentHint: boolean; openWorldHint: true };
  inputSchema: JsonSchema;
  /** arguments that are files, sent as base64: `[key]` (the whole body) or `[key, field]` (a multipart field) */
  files: ([string] | [string, string])[];
}

/** The operations `include`, `exclude` and `readOnly` leave; a name that matches no operation is an error. */
export function selectOperations(view: ApiView, options: ResolvedOptions): OperationView[] {
  const matches = (op: OperationView, name: string) => name === op.names.fn || name === op.op.operationId || name === op.op.key || op.op.tags.includes(name);
  for (const key of ['include', 'exclude'] as const) {
    const unused = (options[key] ?? []).filter((name) => !view.operations.some((op) => matches(op, name)));
    if (unused.length > 0) throw optionError(`${key}: ${unused.map((n) => JSON.stringify(n)).join(', ')} names no operation, operationId or tag of ${view.packageName}`);
  }
  return view.operations.filter(
    (op) =>
      (!options.include || options.include.some((n) => matches(op, n))) &&
      !options.exclude.some((n) => matches(op, n)) &&
      (!options.readOnly || READ_METHODS.includes(op.op.method)),
  );
}

export function toolView(view: ApiView, op: OperationView): ToolView {
  const writer = new JsonSchemaWriter({ schemas: view.types.schemas, names: view.types.names });
  for (const p of op.params) writer.use(p.param.schema);
  if (op.body && op.body.kind !== 'binary') writer.use(op.body.schema);
  const properties: JsonSchema = {};
  const required: string[] = [];
  for (const p of op.params) {
    const s = writer.convert(p.param.schema);
    if (p.param.description) s.description = cleanText(p.param.description);
    if (p.param.deprecated) s.deprecated = true;
    properties[p.key] = s;
    if (p.param.required) required.push(p.key);
  }
  const files: ToolView['files'] = [];
  if (op.body) {
    // a binary body is the file's bytes, whatever its schema says
    const s = op.body.kind === 'binary' ? { type: 'string', contentEncoding: 'base64' } : writer.convert(op.body.schema);
    if (op.body.description) s.description = cleanText(op.body.description);
    properties[op.body.key] = s;
    if (op.body.required) required.push(op.body.key);
    files.push(...bodyFiles(view, op.body.key, op.body.kind, op.body.schema));
  }
  const inputSchema: JsonSchema = { type: 'object', properties };
  if (required.length > 0) inputSchema.required = required;
  inputSchema.additionalProperties = false;
  const defs = writer.$defs;
  if (defs) inputSchema.$defs = defs;
  const read = READ_METHODS.includes(op.op.method);
  return {
    name: op.names.fn,
    fn: op.names.fn,
    ...(op.op.summary?.trim() ? { title: cleanText(op.op.summary).trim().replace(/\s+/g, ' ') } : {}),
    description: description(op),
    annotations: { readOnlyHint: read, idempotentHint: read || op.op.method === 'PUT' || op.op.method === 'DELETE', openWorldHint: true },
    inputSchema,
    files,
  };
}

/** The summary, the description, the HTTP line: what the docs say first about an operation. */
function description(op: OperationView): string {
  const { summary, description: text, method, path, deprecated } = op.op;
  const parts = [summary, text && text !== summary ? text : undefined].filter((x): x is string => !!x?.trim()).map((x) => cleanText(x).trim());
  parts.push(`${method} ${path}`);
  if (deprecated) parts.push('Deprecated.');
  return parts.join('\n\n');
}

/** The body's file arguments: a binary body, or the top-level binary fields of a multipart body. */
function bodyFiles(view: ApiView, key: string, kind: string, schema: Schema): ToolView['files'] {
  const resolve = (s: Schema): Schema => {
    for (let i = 0; s.kind === 'ref' && i < 16; i++) s = view.types.schemas.get(s.target) ?? s;
    return s;
  };
  const binary = (s: Schema): boolean => {
    const r = resolve(s);
    return r.kind === 'binary' || (r.kind === 'array' && resolve(r.items).kind === 'binary');
  };
  if (kind === 'binary' || binary(schema)) return [[key]];
  const body = resolve(schema);
  if (kind !== 'multipart' || body.kind !== 'object') return [];
  return body.properties.filter((p) => binary(p.schema)).map((p): [string, string] => [key, p.name]);
}
