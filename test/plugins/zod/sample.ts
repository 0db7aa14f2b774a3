/**
 * A valid sample value for an IR schema, for the round-trip tests: the smallest value the
 * schema's rules allow (required properties only, `minItems` items, the first enum value, a
 * string of a known format). Undefined where this sampler cannot make one (a `pattern`, an
 * impossible schema, a recursion that never ends).
 */
import type { Schema, SchemaId } from '../../../src/ir/types.js';

const FORMATS: Record<string, string> = {
  'date-time': '2024-03-26T10:00:00Z',
  date: '2024-03-26',
  email: 'ann@example.com',
  uuid: '123e4567-e89b-12d3-a456-426614174000',
  uri: 'https://example.com/a',
  url: 'https://example.com/a',
  ipv4: '10.0.0.1',
  ipv6: '::1',
  hostname: 'example.com',
  byte: 'YWJj',
  duration: 'P1D',
};

export const NONE = Symbol('none');

export function sample(s: Schema, schemas: ReadonlyMap<SchemaId, Schema>, depth = 0): unknown {
  if (depth > 12) return NONE;
  if (s.nullable && depth > 6) return null;
  switch (s.kind) {
    case 'ref': {
      const t = schemas.get(s.target);
      return t ? sample(t, schemas, depth + 1) : null;
    }
    case 'string': {
      const c = s.constraints;
      if (c?.pattern !== undefined) return typeof s.example === 'string' && new RegExp(c.pattern, 'u').test(s.example) ? s.example : NONE;
      let v = (s.format && FORMATS[s.format]) || 'abc';
      if (c?.minLength !== undefined && v.length < c.minLength) v = v.padEnd(c.minLength, 'x');
      if (c?.maxLength !== undefined && v.length > c.maxLength) v = s.format && FORMATS[s.format] ? v : v.slice(0, c.maxLength);
      return v;
    }
    case 'number': {
      const c = s.constraints ?? {};
      let v = typeof c.minimum === 'number' ? c.minimum : typeof c.exclusiveMinimum === 'number' ? c.exclusiveMinimum + 1 : typeof c.maximum === 'number' ? Math.min(0, c.maximum) : 1;
      if (c.exclusiveMinimum === true) v += 1;
      if (c.multipleOf) v = Math.ceil(v / c.multipleOf) * c.multipleOf;
      return s.integer ? Math.ceil(v) : v;
    }
    case 'boolean':
      return true;
    case 'null':
      return null;
    case 'unknown':
      return { any: 'value' };
    case 'never':
    case 'binary':
      return NONE;
    case 'literal':
      return s.value;
    case 'enum':
      return s.values.length > 0 ? s.values[0] : NONE;
    case 'array': {
      if (s.prefixItems) {
        const items = s.prefixItems.map((m) => sample(m, schemas, depth + 1));
        return items.includes(NONE) ? NONE : items;
      }
      const n = s.constraints?.minItems ?? 0;
      if (n === 0) return [];
      const item = sample(s.items, schemas, depth + 1);
      if (item === NONE) return NONE;
      if (s.constraints?.uniqueItems && n > 1) return NONE;
      return Array.from({ length: n }, () => item);
    }
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const p of s.properties) {
        if (!p.required) continue;
        const v = sample(p.schema, schemas, depth + 1);
        if (v === NONE) return NONE;
        out[p.name] = v;
      }
      const min = s.constraints?.minProperties ?? 0;
      for (const p of s.properties) {
        if (Object.keys(out).length >= min) break;
        if (p.name in out) continue;
        const v = sample(p.schema, schemas, depth + 1);
        if (v !== NONE) out[p.name] = v;
      }
      return out;
    }
    case 'union': {
      for (const m of s.members) {
        const v = sample(m, schemas, depth + 1);
        if (v === NONE) continue;
        // a discriminated member gets the mapping's tag
        if (s.discriminator && m.kind === 'ref' && typeof v === 'object' && v !== null && !Array.isArray(v)) {
          const tag = s.discriminator.mapping.find((e) => e.target === m.target)?.value;
          if (tag !== undefined) return { ...v, [s.discriminator.property]: tag };
        }
        return v;
      }
      return NONE;
    }
    case 'intersection': {
      let out: Record<string, unknown> = {};
      for (const m of s.members) {
        const v = sample(m, schemas, depth + 1);
        if (v === NONE || typeof v !== 'object' || v === null || Array.isArray(v)) return NONE;
        out = { ...out, ...v };
      }
      return out;
    }
  }
}
