/**
 * Does a value satisfy a fake schema? Used to tell `oneOf` members apart (a fake value must
 * match exactly one) and to use a spec example only when it is valid. `closed`: objects accept
 * only their declared properties (examples must also type-check against the model type).
 */
import { compile } from './pattern.js';
import type { FakeSchema, FakeSchemas } from './schema.js';

/** The entry a `ref` names (an unknown name is a bug of the generator: it throws). */
export function entry(schemas: FakeSchemas, name: string | undefined): FakeSchema {
  const s = name === undefined ? undefined : schemas[name];
  if (!s) throw new Error(`fake data: no schema ${name}`);
  return s;
}

const FORMATS: Record<string, RegExp> = {
  'date-time': /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/i,
  date: /^\d{4}-\d\d-\d\d$/,
  email: /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  uri: /^[a-z][a-z0-9+.-]*:[^\s]*$/i,
};

export function check(s: FakeSchema, v: unknown, schemas: FakeSchemas, closed = false, depth = 0): boolean {
  if (depth > 64) return true;
  if (v === null && (s.n || s.k === 'null' || s.k === 'any')) return true;
  const sub = (x: FakeSchema, y: unknown) => check(x, y, schemas, closed, depth + 1);
  switch (s.k) {
    case 'ref':
      return sub(entry(schemas, s.r), v);
    case 'any':
      return v !== undefined;
    case 'never':
      return false;
    case 'null':
      return v === null;
    case 'boolean':
      return typeof v === 'boolean';
    case 'binary':
      return typeof Blob !== 'undefined' && v instanceof Blob;
    case 'lit':
      return v === s.v;
    case 'enum':
      return (s.v as unknown[]).includes(v);
    case 'string': {
      if (typeof v !== 'string') return false;
      const n = [...v].length;
      if ((s.min !== undefined && n < s.min) || (s.max !== undefined && n > s.max)) return false;
      const format = s.f === undefined ? undefined : FORMATS[s.f];
      if (format && !format.test(v)) return false;
      try {
        return !s.p || compile(s.p).test(v);
      } catch {
        return true;
      }
    }
    case 'number':
      if (typeof v !== 'number' || !Number.isFinite(v) || (s.int && !Number.isInteger(v))) return false;
      if ((s.min !== undefined && v < s.min) || (s.max !== undefined && v > s.max)) return false;
      if ((s.xmin !== undefined && v <= s.xmin) || (s.xmax !== undefined && v >= s.xmax)) return false;
      return !s.m || Number.isInteger(v / s.m);
    case 'array': {
      if (!Array.isArray(v)) return false;
      if ((s.min !== undefined && v.length < s.min) || (s.max !== undefined && v.length > s.max)) return false;
      if (s.u && new Set(v.map((x) => JSON.stringify(x))).size !== v.length) return false;
      return v.every((x, i) => sub(s.pre?.[i] ?? s.i!, x));
    }
    case 'object': {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
      const o = v as Record<string, unknown>;
      const keys = Object.keys(o).filter((k) => o[k] !== undefined);
      if ((s.min !== undefined && keys.length < s.min) || (s.max !== undefined && keys.length > s.max)) return false;
      const declared = new Set<string>();
      for (const [name, required, p] of s.props ?? []) {
        declared.add(name);
        if (o[name] === undefined) {
          if (required) return false;
        } else if (!sub(p, o[name])) return false;
      }
      for (const k of keys) {
        if (declared.has(k)) continue;
        if (s.a ? !sub(s.a, o[k]) : closed) return false;
      }
      return true;
    }
    case 'oneOf':
      if (s.tag && s.map && typeof v === 'object' && v !== null) {
        const entry = s.map.find(([value]) => value === (v as Record<string, unknown>)[s.tag!]);
        if (entry) return sub({ k: 'ref', r: entry[1] }, v);
      }
      return s.of!.filter((m) => sub(m, v)).length === 1;
    case 'anyOf':
      return s.of!.some((m) => sub(m, v));
    case 'allOf':
      // the members' declared properties together (an object's own declared list is partial)
      return s.of!.every((m) => check(m, v, schemas, false, depth + 1));
  }
}
