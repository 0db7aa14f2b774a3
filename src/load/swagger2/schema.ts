/**
 * Swagger 2.0 Schema Objects → OpenAPI 3.0 ones. Every schema node is rebuilt (never
 * deep-cloned): `$ref`s are rewritten, `type: file` becomes a binary string, `x-nullable`
 * becomes `nullable`, and a string `discriminator` becomes `{ propertyName }`.
 * Values that are not schemas (enum, example, default, extensions) are shared, not copied.
 */
import { childPointer, setOwn } from '../pointer.js';
import type { ConvertContext } from './context.js';

const SCHEMA_MAPS = new Set(['properties', 'definitions', 'patternProperties']);
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf']);
const SCHEMA_VALUES = new Set(['items', 'additionalProperties', 'not']);

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * `from`: pointer of the node in the 2.0 document; `to`: where it lands in the 3.0 one
 * (undefined when that place cannot be the target of a `$ref`).
 */
export function convertSchema(node: unknown, from: string, to: string | undefined, ctx: ConvertContext): unknown {
  if (!isObject(node)) return node;
  const done = ctx.schemas.get(node);
  if (done) return done;
  const out: Record<string, unknown> = {};
  ctx.schemas.set(node, out);
  ctx.origins.set(out, from);
  if (to !== undefined) ctx.moved.set(from, to);
  const below = (...segments: (string | number)[]): string | undefined => {
    if (to === undefined) return undefined;
    let p = to;
    for (const seg of segments) p = childPointer(p, seg);
    return p;
  };

  let isFile = false;
  for (const key of Object.keys(node)) {
    const value = node[key];
    if (key === '$ref' && typeof value === 'string') {
      out.$ref = ctx.rewriteRef(value, out);
    } else if (SCHEMA_MAPS.has(key) && isObject(value)) {
      const map: Record<string, unknown> = {};
      const mapFrom = childPointer(from, key);
      ctx.origins.set(map, mapFrom);
      for (const name of Object.keys(value)) {
        setOwn(map, name, convertSchema(value[name], childPointer(mapFrom, name), below(key, name), ctx));
      }
      out[key] = map;
    } else if (SCHEMA_LISTS.has(key) && Array.isArray(value)) {
      out[key] = value.map((v, i) => convertSchema(v, childPointer(childPointer(from, key), i), below(key, i), ctx));
    } else if (SCHEMA_VALUES.has(key) && (isObject(value) || Array.isArray(value))) {
      out[key] = Array.isArray(value)
        ? value.map((v, i) => convertSchema(v, childPointer(childPointer(from, key), i), below(key, i), ctx))
        : convertSchema(value, childPointer(from, key), below(key), ctx);
    } else if (key === 'type') {
      if (value === 'file') {
        isFile = true;
        out.type = 'string';
      } else if (Array.isArray(value) && value.includes('null')) {
        // draft-4 style ['string', 'null']: 3.0 spells it `nullable`
        const rest = value.filter((t) => t !== 'null');
        if (rest.length === 1) out.type = rest[0];
        else if (rest.length > 1) out.type = rest;
        out.nullable = true;
      } else {
        out.type = value;
      }
    } else if (key === 'x-nullable') {
      if (value === true) out.nullable = true;
    } else if (key === 'discriminator' && typeof value === 'string') {
      out.discriminator = { propertyName: value };
    } else {
      setOwn(out, key, value);
    }
  }
  if (isFile) out.format = 'binary';
  return out;
}

/**
 * The schema of a non-body parameter, a header or an Items Object: these carry `type`,
 * `format`, `items` and the validation keywords directly.
 */
export function simpleSchema(node: Record<string, unknown>, from: string, ctx: ConvertContext): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  ctx.origins.set(out, from);
  for (const key of SIMPLE_KEYS) {
    if (node[key] === undefined) continue;
    if (key === 'items' && isObject(node.items)) out.items = simpleSchema(node.items, childPointer(from, 'items'), ctx);
    else out[key] = node[key];
  }
  if (out.type === 'file') {
    out.type = 'string';
    out.format = 'binary';
  }
  if (node['x-nullable'] === true) out.nullable = true;
  return out;
}

const SIMPLE_KEYS = [
  'type',
  'format',
  'items',
  'default',
  'maximum',
  'exclusiveMaximum',
  'minimum',
  'exclusiveMinimum',
  'maxLength',
  'minLength',
  'pattern',
  'maxItems',
  'minItems',
  'uniqueItems',
  'enum',
  'multipleOf',
] as const;
