/**
 * IR schema → JSON Schema (2020-12), for the input of an MCP tool. A named schema used at one
 * place of the tool's input is inlined there (a model reads one self-contained schema more
 * easily than `$ref`s); one used at several places, or by itself (recursion), goes to `$defs`
 * once and is referred to by `$ref` (inlined everywhere, OpenAI's `createResponse` input
 * would be 200 kB). `use` every root first, then `convert` them.
 *
 * Request direction: `readOnly` properties (which only responses carry) are left out; a
 * binary (a file) is a base64 string (`contentEncoding: "base64"`), which the server turns
 * into a `Blob` before the call (see the tool's `files`).
 */
import type { Schema, SchemaId } from '../../ir/types.js';
import { children } from '../../ir/walk.js';
import { cleanText } from '../../escape/text.js';

export type JsonSchema = { [key: string]: JsonValue };
export type JsonValue = string | number | boolean | null | JsonValue[] | JsonSchema;

/** The formats JSON Schema defines (and the SDK's validator checks); others are left out. */
const FORMATS = new Set(['date-time', 'date', 'time', 'duration', 'email', 'hostname', 'ipv4', 'ipv6', 'uri', 'uri-reference', 'uuid', 'regex']);

export interface JsonSchemaContext {
  schemas: ReadonlyMap<SchemaId, Schema>;
  /** the spec's name of each named schema (`$defs` keys) */
  names: ReadonlyMap<SchemaId, string>;
}

/** Converts schemas of one tool: the `$defs` the recursive ones need are collected here. */
export class JsonSchemaWriter {
  private readonly defs = new Map<SchemaId, JsonSchema>();
  /** how many places refer to each named schema (each schema's own body counted once) */
  private readonly uses = new Map<SchemaId, number>();

  constructor(private readonly ctx: JsonSchemaContext) {}

  /** Counts the references of a root schema (before any `convert`). */
  use(s: Schema): void {
    if (s.kind === 'ref') {
      const n = this.uses.get(s.target) ?? 0;
      this.uses.set(s.target, n + 1);
      const target = this.ctx.schemas.get(s.target);
      if (n === 0 && target) this.use(target);
      return;
    }
    if (s.kind === 'object') {
      for (const p of s.properties) if (!this.responseOnly(p.schema)) this.use(p.schema);
      if (s.additional) this.use(s.additional);
    } else for (const child of children(s)) this.use(child);
  }

  /** a `readOnly` property: responses carry it, requests leave it out */
  private responseOnly(s: Schema): boolean {
    return !!(s.readOnly || this.resolved(s).readOnly);
  }

  /** `$defs` of what was converted so far (by name, sorted), or undefined when none */
  get $defs(): JsonSchema | undefined {
    if (this.defs.size === 0) return undefined;
    const entries = [...this.defs].map(([id, s]) => [this.defName(id), s] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries);
  }

  convert(s: Schema): JsonSchema {
    const out = withMeta(this.shape(s), s);
    return s.nullable && s.kind !== 'null' ? nullable(out) : out;
  }

  private shape(s: Schema): JsonSchema {
    switch (s.kind) {
      case 'ref':
        return this.ref(s.target);
      case 'string':
        return withConstraints({ type: 'string', ...(s.format && FORMATS.has(s.format) ? { format: s.format } : {}) }, s, ['minLength', 'maxLength', 'pattern']);
      case 'number':
        return withConstraints({ type: s.integer ? 'integer' : 'number' }, s, ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf']);
      case 'boolean':
        return { type: 'boolean' };
      case 'null':
        return { type: 'null' };
      case 'unknown':
        return {};
      case 'never':
        return { not: {} };
      case 'binary':
        return { type: 'string', contentEncoding: 'base64' };
      case 'literal':
        return { const: s.value };
      case 'enum': {
        const values = s.nullable && !s.values.includes(null) ? [...s.values, null] : s.values;
        return s.open ? { anyOf: [{ enum: values }, { type: 'string' }] } : { enum: values };
      }
      case 'array': {
        const out: JsonSchema = { type: 'array', items: this.convert(s.items) };
        if (s.prefixItems) out.prefixItems = s.prefixItems.map((m) => this.convert(m));
        return withConstraints(out, s, ['minItems', 'maxItems', 'uniqueItems']);
      }
      case 'object': {
        const properties: JsonSchema = {};
        const required: string[] = [];
        for (const p of s.properties) {
          if (this.responseOnly(p.schema)) continue;
          properties[p.name] = this.convert(p.schema);
          if (p.required) required.push(p.name);
        }
        const out: JsonSchema = { type: 'object', properties };
        if (required.length > 0) out.required = required;
        if (s.additional) out.additionalProperties = this.convert(s.additional);
        return withConstraints(out, s, ['minProperties', 'maxProperties']);
      }
      case 'union':
        return { anyOf: s.members.map((m) => this.convert(m)) };
      case 'intersection':
        return { allOf: s.members.map((m) => this.convert(m)) };
    }
  }

  /** A named schema used once, inlined; else a `$ref` into `$defs`. */
  private ref(id: SchemaId): JsonSchema {
    const target = this.ctx.schemas.get(id);
    if (!target) return {};
    if ((this.uses.get(id) ?? 0) <= 1) return this.convert(target);
    if (!this.defs.has(id)) {
      this.defs.set(id, {}); // reserved first: the schema may refer to itself
      this.defs.set(id, this.convert(target));
    }
    return { $ref: `#/$defs/${this.defName(id)}` };
  }

  private resolved(s: Schema): Schema {
    for (let i = 0; s.kind === 'ref' && i < 16; i++) s = this.ctx.schemas.get(s.target) ?? s;
    return s;
  }

  private defName(id: SchemaId): string {
    return this.ctx.names.get(id) ?? id.replace(/^.*\//, '');
  }
}

function withMeta(out: JsonSchema, s: Schema): JsonSchema {
  if (s.description) out.description = cleanText(s.description); // a $ref's own description wins over its target's
  if (s.default !== undefined && isJson(s.default)) out.default = s.default;
  if (s.deprecated) out.deprecated = true;
  return out;
}

/** `X | null`: `type: [t, "null"]` for a plain typed schema, else `anyOf` with `null`. */
function nullable(out: JsonSchema): JsonSchema {
  if (typeof out.type === 'string' && out.enum === undefined && out.const === undefined) return { ...out, type: [out.type, 'null'] };
  if (Array.isArray(out.enum)) return out; // `null` added to the values already
  if (Array.isArray(out.anyOf)) return { ...out, anyOf: [...out.anyOf, { type: 'null' }] };
  const { description, default: def, deprecated, ...rest } = out;
  const wrapped: JsonSchema = { anyOf: [rest, { type: 'null' }] };
  if (description !== undefined) wrapped.description = description;
  if (def !== undefined) wrapped.default = def;
  if (deprecated !== undefined) wrapped.deprecated = deprecated;
  return wrapped;
}

function withConstraints(out: JsonSchema, s: Schema, keys: readonly string[]): JsonSchema {
  const c = s.constraints as Record<string, unknown> | undefined;
  if (!c) return out;
  for (const k of keys) {
    const v = c[k];
    if (v === undefined) continue;
    // OpenAPI 3.0's boolean exclusiveMinimum/Maximum modify minimum/maximum
    if (typeof v === 'boolean' && (k === 'exclusiveMinimum' || k === 'exclusiveMaximum')) {
      const bound = k === 'exclusiveMinimum' ? 'minimum' : 'maximum';
      if (v && typeof out[bound] === 'number') {
        out[k] = out[bound];
        delete out[bound];
      }
      continue;
    }
    if (isJson(v)) out[k] = v;
  }
  return out;
}

function isJson(v: unknown): v is JsonValue {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v);
  if (Array.isArray(v)) return v.every(isJson);
  if (typeof v === 'object') return Object.values(v as object).every(isJson);
  return false;
}
