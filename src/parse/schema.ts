/**
 * OpenAPI Schema Object (3.0 §4.7.24, 3.1 §4.8.24 / JSON Schema 2020-12) → IR schema.
 *
 * This stage only translates; simplifications (null members, allOf merging, open enums,
 * discriminators) are normalization passes in src/normalize/. `$ref`s stay references:
 * a referenced schema becomes a named schema of its own, so recursion stays named.
 */
import type { Constraints, LiteralValue, Property, Schema, SchemaMeta } from '../ir/types.js';
import { child, isObject, nameHint, sortedKeys, type ParseContext } from './context.js';

const CONSTRAINT_KEYS = [
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minLength',
  'maxLength',
  'pattern',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minProperties',
  'maxProperties',
] as const;

const CONSTRAINTS = new Set<string>(CONSTRAINT_KEYS);

const KNOWN_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'object', 'array', 'null']);

export function parseSchema(node: unknown, pointer: string, ctx: ParseContext): Schema {
  if (node === true || node === undefined) return { kind: 'unknown', pointer };
  if (node === false) return { kind: 'never', pointer };
  if (!isObject(node)) {
    ctx.diagnostics.error('E_SCHEMA_INVALID', `a schema must be an object or a boolean, found ${describe(node)}`, pointer);
    return { kind: 'unknown', pointer };
  }
  const meta = readMeta(node, pointer, ctx);

  if (typeof node.$ref === 'string') return { kind: 'ref', target: refTarget(node.$ref, pointer, ctx), ...meta };

  // Composition keywords next to other keywords: compose them as an intersection.
  const base = parseCore(node, pointer, meta, ctx);
  if (!Array.isArray(node.oneOf) && !Array.isArray(node.anyOf) && !Array.isArray(node.allOf)) return base ?? { kind: 'unknown', ...meta };
  const parts: Schema[] = base ? [base] : [];
  if (Array.isArray(node.oneOf)) parts.push(parseUnion('oneOf', node.oneOf, node, pointer, ctx));
  if (Array.isArray(node.anyOf)) parts.push(parseUnion('anyOf', node.anyOf, node, pointer, ctx));
  if (Array.isArray(node.allOf)) {
    const members = node.allOf.map((m, i) => parseSchema(m, child(pointer, 'allOf', i), ctx));
    parts.push({ kind: 'intersection', members, pointer: child(pointer, 'allOf') });
  }
  if (parts.length === 0) return { kind: 'unknown', ...meta };
  if (parts.length === 1) return parts[0] === base ? base : { ...parts[0], ...meta, pointer };
  // Keep the meta on the outer node; members are the constraints to satisfy together.
  return { kind: 'intersection', members: parts, ...meta };
}

/** `oneOf` / `anyOf` → a union; with `discriminator`, its mapping. */
function parseUnion(keyword: 'oneOf' | 'anyOf', list: unknown[], node: Record<string, unknown>, pointer: string, ctx: ParseContext): Schema {
  const members = list.map((m, i) => parseSchema(m, child(pointer, keyword, i), ctx));
  const union: Schema = { kind: 'union', keyword, members, pointer: child(pointer, keyword) };
  const disc = node.discriminator;
  if (isObject(disc) && typeof disc.propertyName === 'string') {
    const mapping: { value: string; target: string }[] = [];
    if (isObject(disc.mapping)) {
      for (const value of sortedKeys(disc.mapping)) {
        const ref = disc.mapping[value];
        const at = child(pointer, 'discriminator', 'mapping', value);
        // A mapping value is a schema name or a reference (OpenAPI 3.x §4.8.25). The mapping
        // only refines the union, so an entry that leads nowhere is dropped with a warning.
        const target = typeof ref !== 'string' ? undefined : ref.startsWith('#') ? ref : /^[\w.-]+$/.test(ref) ? `#/components/schemas/${ref}` : undefined;
        if (target === undefined || (ctx.resolve(target) === undefined && !ctx.named.has(target))) {
          ctx.diagnostics.warn('W_DISCRIMINATOR_MAPPING', `discriminator mapping '${value}' → ${JSON.stringify(ref)} does not name a schema of this document; entry ignored`, at);
          continue;
        }
        mapping.push({ value, target: refTarget(target, at, ctx) });
      }
    }
    union.discriminator = { property: disc.propertyName, mapping };
  }
  return union;
}

/** The schema described by the node's own keywords (type, enum, properties, items …), if any. */
function parseCore(node: Record<string, unknown>, pointer: string, meta: SchemaMeta, ctx: ParseContext): Schema | undefined {
  if ('const' in node) return { kind: 'literal', value: literal(node.const, pointer, ctx), ...meta };
  if (Array.isArray(node.enum)) {
    const values: LiteralValue[] = [];
    let sawNull = false;
    for (const v of node.enum) {
      if (v === null) sawNull = true;
      else if (!values.some((x) => x === v)) values.push(literal(v, child(pointer, 'enum'), ctx));
    }
    if (sawNull) meta.nullable = true;
    if (values.length === 0) return { kind: 'null', ...meta, nullable: undefined };
    return { kind: 'enum', values, ...meta };
  }

  // the common case, one known type: no lists to build
  if (typeof node.type === 'string' && (KNOWN_TYPES.has(node.type) || node.type === 'file')) return typed(node.type, node, pointer, meta, ctx);

  let types: string[] = [];
  if (typeof node.type === 'string') types = [node.type];
  else if (Array.isArray(node.type)) types = node.type.filter((t): t is string => typeof t === 'string');
  else if (node.type !== undefined) {
    ctx.diagnostics.error('E_UNKNOWN_TYPE', `'type' must be a string or an array of strings`, child(pointer, 'type'));
  }

  const known: string[] = [];
  for (const t of types) {
    if (KNOWN_TYPES.has(t)) known.push(t);
    else if (t === 'file') known.push('file');
    else ctx.diagnostics.error('E_UNKNOWN_TYPE', `unknown type '${t}' (expected one of ${[...KNOWN_TYPES].join(', ')})`, child(pointer, 'type'));
  }
  if (known.includes('null') && known.length > 1) {
    meta.nullable = true;
    known.splice(known.indexOf('null'), 1);
  }

  if (known.length === 0) {
    // No `type`: infer from the keywords present, as most specs expect.
    if (isObject(node.properties) || 'additionalProperties' in node || 'patternProperties' in node) known.push('object');
    else if ('items' in node || 'prefixItems' in node) known.push('array');
    else if (types.length > 0) return { kind: 'unknown', ...meta };
    else return undefined;
  }
  if (known.length === 1) return typed(known[0], node, pointer, meta, ctx);
  return {
    kind: 'union',
    keyword: 'type',
    members: known.map((t) => typed(t, node, pointer, { pointer }, ctx)),
    ...meta,
  };
}

function typed(type: string, node: Record<string, unknown>, pointer: string, meta: SchemaMeta, ctx: ParseContext): Schema {
  switch (type) {
    case 'string':
      if (isBinary(node)) return { kind: 'binary', ...meta };
      return { kind: 'string', ...meta };
    case 'file':
      return { kind: 'binary', ...meta };
    case 'integer':
      return { kind: 'number', integer: true, ...meta };
    case 'number':
      return { kind: 'number', integer: false, ...meta };
    case 'boolean':
      return { kind: 'boolean', ...meta };
    case 'null':
      return { kind: 'null', ...meta };
    case 'array':
      return parseArray(node, pointer, meta, ctx);
    default:
      return parseObject(node, pointer, meta, ctx);
  }
}

function isBinary(node: Record<string, unknown>): boolean {
  return (
    node.format === 'binary' ||
    (typeof node.contentMediaType === 'string' && node.contentEncoding === undefined && !/^(text\/|application\/json)/.test(node.contentMediaType))
  );
}

function parseArray(node: Record<string, unknown>, pointer: string, meta: SchemaMeta, ctx: ParseContext): Schema {
  const items = Array.isArray(node.items)
    ? undefined // 3.0 does not allow this; treat a tuple-style list as prefixItems
    : node.items === undefined
      ? ({ kind: 'unknown', pointer: child(pointer, 'items') } as Schema)
      : parseSchema(node.items, child(pointer, 'items'), ctx);
  const tuple = Array.isArray(node.prefixItems) ? node.prefixItems : Array.isArray(node.items) ? node.items : undefined;
  const key = Array.isArray(node.prefixItems) ? 'prefixItems' : 'items';
  const prefixItems = tuple?.map((m, i) => parseSchema(m, child(pointer, key, i), ctx));
  return {
    kind: 'array',
    items: items ?? { kind: 'unknown', pointer: child(pointer, 'items') },
    ...(prefixItems ? { prefixItems } : {}),
    ...meta,
  };
}

function parseObject(node: Record<string, unknown>, pointer: string, meta: SchemaMeta, ctx: ParseContext): Schema {
  const required = new Set(Array.isArray(node.required) ? node.required.filter((r) => typeof r === 'string') : []);
  const properties: Property[] = [];
  if (isObject(node.properties)) {
    for (const name of sortedKeys(node.properties)) {
      properties.push({
        name,
        required: required.has(name),
        schema: parseSchema(node.properties[name], child(pointer, 'properties', name), ctx),
      });
    }
  }
  let additional: Schema | undefined;
  const ap = node.additionalProperties;
  if (ap === true || (isObject(ap) && Object.keys(ap).length === 0)) additional = { kind: 'unknown', pointer: child(pointer, 'additionalProperties') };
  else if (isObject(ap)) additional = parseSchema(ap, child(pointer, 'additionalProperties'), ctx);
  if (isObject(node.patternProperties)) {
    const keys = sortedKeys(node.patternProperties);
    const members = keys.map((k) => parseSchema((node.patternProperties as Record<string, unknown>)[k], child(pointer, 'patternProperties', k), ctx));
    if (additional) members.push(additional);
    additional = members.length === 1 ? members[0] : { kind: 'union', keyword: 'anyOf', members, pointer: child(pointer, 'patternProperties') };
  }
  // An object with neither properties nor additionalProperties is open ("any object").
  if (properties.length === 0 && additional === undefined && ap !== false) {
    additional = { kind: 'unknown', pointer: child(pointer, 'additionalProperties') };
  }
  return { kind: 'object', properties, ...(additional ? { additional } : {}), ...meta };
}

/** The documentation and constraint keywords of a node: one pass over the keys it has. */
function readMeta(node: Record<string, unknown>, pointer: string, ctx: ParseContext): SchemaMeta {
  const meta: SchemaMeta = { pointer };
  let constraints: Record<string, unknown> | undefined;
  for (const key in node) {
    const v = node[key];
    switch (key) {
      case 'title':
      case 'description':
      case 'format':
        if (typeof v === 'string') meta[key] = v;
        break;
      case 'deprecated':
      case 'nullable':
      case 'readOnly':
      case 'writeOnly':
        if (v === true) meta[key] = true;
        break;
      case 'default':
        meta.default = v;
        break;
      case 'example':
        meta.example = v;
        break;
      case 'examples':
        if (!('example' in node) && Array.isArray(v) && v.length > 0) meta.example = v[0];
        break;
      default:
        if (!CONSTRAINTS.has(key)) break;
        if (constraintTypes(key).includes(typeof v) && (typeof v !== 'number' || Number.isFinite(v))) (constraints ??= {})[key] = v;
        else ctx.diagnostics.warn('W_CONSTRAINT_INVALID', `'${key}' must be a ${constraintTypes(key).join(' or ')}, found ${describe(v)}; ignored`, child(pointer, key));
    }
  }
  if (constraints) meta.constraints = sortedConstraints(constraints);
  return meta;
}

/** The JSON types a constraint keyword takes (src/ir/types.ts `Constraints`): OpenAPI 3.0's exclusive bounds are booleans, 3.1's numbers. */
function constraintTypes(key: string): readonly string[] {
  return key === 'pattern' ? ['string'] : key === 'uniqueItems' ? ['boolean'] : key.startsWith('exclusive') ? ['number', 'boolean'] : ['number'];
}

/** Constraints in a fixed key order, whatever the spec's order (output stays deterministic). */
function sortedConstraints(c: Record<string, unknown>): Constraints {
  const out: Record<string, unknown> = {};
  for (const key of CONSTRAINT_KEYS) if (key in c) out[key] = c[key];
  return out as Constraints;
}

/**
 * Resolve a `$ref` to the id of a named schema. Component schemas are named by their key;
 * any other pointer (a bundled external file, a nested path) becomes a named schema too.
 */
function refTarget(ref: string, pointer: string, ctx: ParseContext): string {
  if (!ref.startsWith('#')) {
    ctx.diagnostics.error('E_REF_EXTERNAL', `external $ref '${ref}' was not bundled`, pointer);
    return ref;
  }
  const id = ref === '#' ? '#' : ref;
  if (ctx.named.has(id) || ctx.pending.has(id)) return id;
  const target = ctx.resolve(id);
  if (target === undefined) {
    ctx.diagnostics.error('E_REF_MISSING', `$ref '${ref}' does not exist in the document`, pointer);
    ctx.named.set(id, { id, nameHint: nameHint(id), schema: { kind: 'unknown', pointer: id } });
    return id;
  }
  ctx.pending.add(id);
  const schema = parseSchema(target, id, ctx);
  ctx.pending.delete(id);
  ctx.named.set(id, { id, nameHint: nameHint(id), schema });
  return id;
}

function literal(v: unknown, pointer: string, ctx: ParseContext): LiteralValue {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  ctx.diagnostics.warn('W_ENUM_VALUE', `enum/const value ${describe(v)} is not a string, number, boolean or null; kept as its JSON text`, pointer);
  return JSON.stringify(v) ?? String(v);
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'string' ? `the string ${JSON.stringify(v.slice(0, 40))}` : typeof v;
}

export { refTarget as schemaRef };
