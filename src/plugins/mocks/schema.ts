/**
 * IR schema → the compact fake schema the generated package's generator reads
 * (templates/mocks/schema.ts), and that form as TypeScript source. Named schemas become
 * references to their entry (by generated model name), so recursion stays a reference.
 */
import type { Schema, SchemaId } from '../../ir/types.js';
import { objectLiteralKey, stringLiteral } from '../../escape/index.js';

/** The runtime's `FakeSchema` (templates/mocks/schema.ts), as oagen builds it. */
export interface FakeSchema {
  k: string;
  [field: string]: unknown;
}

/** `names`: generated model name of each named schema. */
export function fakeSchema(s: Schema, names: ReadonlyMap<SchemaId, string>): FakeSchema {
  const out = body(s, names);
  if (s.nullable && out.k !== 'null' && out.k !== 'any') out.n = 1;
  if (s.example !== undefined && s.kind !== 'ref') out.ex = s.example;
  return out;
}

function body(s: Schema, names: ReadonlyMap<SchemaId, string>): FakeSchema {
  const c = s.constraints ?? {};
  const sub = (x: Schema) => fakeSchema(x, names);
  switch (s.kind) {
    case 'ref': {
      const r = names.get(s.target);
      return r ? { k: 'ref', r } : { k: 'any' };
    }
    case 'string':
      return defined({ k: 'string', f: s.format, min: c.minLength, max: c.maxLength, p: c.pattern });
    case 'number': {
      const bound = (inclusive: number | undefined, exclusive: number | boolean | undefined) =>
        typeof exclusive === 'number' ? { at: exclusive, x: true } : exclusive === true && inclusive !== undefined ? { at: inclusive, x: true } : { at: inclusive, x: false };
      const lo = bound(c.minimum, c.exclusiveMinimum);
      const hi = bound(c.maximum, c.exclusiveMaximum);
      return defined({
        k: 'number',
        int: s.integer ? 1 : undefined,
        f: s.format,
        min: lo.x ? undefined : lo.at,
        xmin: lo.x ? lo.at : undefined,
        max: hi.x ? undefined : hi.at,
        xmax: hi.x ? hi.at : undefined,
        m: c.multipleOf,
      });
    }
    case 'boolean':
    case 'null':
    case 'never':
    case 'binary':
      return { k: s.kind };
    case 'unknown':
      return { k: 'any' };
    case 'literal':
      return { k: 'lit', v: s.value };
    case 'enum':
      return { k: 'enum', v: s.values };
    case 'array':
      return defined({ k: 'array', i: sub(s.items), pre: s.prefixItems?.map(sub), min: c.minItems, max: c.maxItems, u: c.uniqueItems ? 1 : undefined });
    case 'object':
      return defined({
        k: 'object',
        props: s.properties.map((p) => [p.name, p.required ? 1 : 0, sub(p.schema)]),
        a: s.additional ? sub(s.additional) : undefined,
        min: c.minProperties,
        max: c.maxProperties,
      });
    case 'union': {
      const map = s.discriminator?.mapping.map((m) => [m.value, names.get(m.target)] as const);
      const tagged = s.keyword === 'oneOf' && map && map.length > 0 && map.every(([, r]) => r !== undefined);
      return defined({
        k: s.keyword === 'oneOf' ? 'oneOf' : 'anyOf',
        of: s.members.map(sub),
        tag: tagged ? s.discriminator!.property : undefined,
        map: tagged ? map!.map(([v, r]) => [v, r!]) : undefined,
      });
    }
    case 'intersection':
      return { k: 'allOf', of: s.members.map(sub) };
  }
}

function defined(o: Record<string, unknown>): FakeSchema {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o as FakeSchema;
}

/** A fake schema (or any JSON value) as a TypeScript expression, every string escaped. */
export function schemaLiteral(v: unknown): string {
  if (typeof v === 'string') return stringLiteral(v);
  if (typeof v === 'number') return Number.isFinite(v) ? (Object.is(v, -0) ? '0' : String(v)) : 'null';
  if (typeof v === 'boolean' || v === null) return String(v);
  if (Array.isArray(v)) return `[${v.map(schemaLiteral).join(', ')}]`;
  if (typeof v === 'object') {
    const keys = Object.keys(v);
    return keys.length === 0 ? '{}' : `{ ${keys.map((k) => `${objectLiteralKey(k)}: ${schemaLiteral((v as Record<string, unknown>)[k])}`).join(', ')} }`;
  }
  return 'null';
}
