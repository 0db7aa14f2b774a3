/**
 * `allOf` → one merged object where every member is (or references) an object;
 * an intersection otherwise.
 *
 * - `allOf: [{$ref: X}]` plus documentation (the 3.0 way to describe or null a ref) → ref X.
 * - members that constrain nothing (`{description: …}`) are dropped; a member that is only
 *   `nullable: true` (the 3.0 idiom `allOf: [$ref, {nullable: true}]`) makes the result nullable.
 * - a bare primitive next to a union or enum of that primitive (`type: string` +
 *   `oneOf: [string, enum]`) adds nothing and is dropped.
 * - properties merge by name; a property declared by several members with different
 *   types becomes their intersection (X and "X or null" is X); `required` is the union of
 *   all members'.
 * - a referenced member that is itself a composition contributes only its object parts
 *   (the "base class" pattern: `Dog: allOf [Pet, {...}]` where Pet also lists its subtypes).
 * - a cycle of allOf references is a spec error (E_ALLOF_CYCLE).
 */
import type { Diagnostics } from '../diagnostics.js';
import type { Property, Schema, SchemaId, SchemaOf } from '../ir/types.js';
import { structuralKey } from '../ir/walk.js';
import { meta } from './nullable.js';

type ObjectSchema = SchemaOf<'object'>;

/**
 * `prepare` normalizes a referenced schema (every pass but this one) before its properties
 * are copied, so merged members are as clean as inline ones.
 */
export function mergeAllOf(named: Map<SchemaId, Schema>, diagnostics: Diagnostics, prepare: (s: Schema) => Schema = (s) => s): (s: Schema) => Schema {
  const prepared = new Map<SchemaId, Schema | undefined>();
  const target = (id: SchemaId): Schema | undefined => {
    if (!prepared.has(id)) {
      const raw = named.get(id);
      prepared.set(id, raw && prepare(raw));
    }
    return prepared.get(id);
  };
  const resolving = new Set<SchemaId>();
  const reported = new Set<SchemaId>();

  /** The object a member stands for, or undefined when it is not an object. */
  function asObject(m: Schema): ObjectSchema | undefined {
    if (m.kind === 'object') return m;
    if (m.kind === 'intersection') {
      const parts = m.members.map(asObject).filter((p): p is ObjectSchema => p !== undefined);
      return parts.length > 0 ? merge(parts, m) : undefined;
    }
    if (m.kind !== 'ref') return undefined;
    if (resolving.has(m.target)) {
      if (!reported.has(m.target)) {
        reported.add(m.target);
        diagnostics.error('E_ALLOF_CYCLE', `allOf references form a cycle through '${m.target}'`, m.pointer);
      }
      return undefined;
    }
    const resolved = target(m.target);
    if (!resolved) return undefined;
    resolving.add(m.target);
    try {
      return asObject(resolved);
    } finally {
      resolving.delete(m.target);
    }
  }

  return function allOf(s: Schema): Schema {
    if (s.kind !== 'intersection') return s;
    // `allOf: [$ref, {nullable: true}]` is the 3.0 way to say "a nullable X".
    const nullable = s.nullable || s.members.some((m) => m.kind === 'unknown' && m.nullable);
    const members = withoutRedundantPrimitives(s.members.filter((m) => m.kind !== 'unknown'));
    if (members.length === 0) return { kind: 'unknown', ...meta(s) } as Schema;
    if (members.length === 1) return { ...members[0], ...meta(s), ...(nullable || members[0].nullable ? { nullable: true } : {}) } as Schema;
    const objects = members.map(asObject);
    if (objects.some((o) => o === undefined)) {
      return members.length === s.members.length && nullable === s.nullable ? s : ({ ...s, members, ...(nullable ? { nullable: true } : {}) } as Schema);
    }
    const merged = merge(objects as ObjectSchema[], s);
    return nullable ? { ...merged, nullable: true } : merged;
  };
}

const PRIMITIVE_OF: Partial<Record<Schema['kind'], string>> = { string: 'string', number: 'number', boolean: 'boolean' };

function primitiveKind(m: Schema): string | undefined {
  if (m.kind === 'string' || m.kind === 'number' || m.kind === 'boolean') return m.kind;
  if (m.kind === 'literal' || m.kind === 'enum') {
    const values = m.kind === 'literal' ? [m.value] : m.values;
    const kinds = new Set(values.map((v) => typeof v));
    return kinds.size === 1 ? PRIMITIVE_OF[[...kinds][0] as Schema['kind']] : undefined;
  }
  if (m.kind === 'union') {
    const kinds = new Set(m.members.map(primitiveKind));
    return kinds.size === 1 ? [...kinds][0] : undefined;
  }
  return undefined;
}

/** `type: string` next to `oneOf: [string, enum]` adds nothing: keep the narrower members. */
function withoutRedundantPrimitives(members: Schema[]): Schema[] {
  if (members.length < 2) return members;
  return members.filter((m) => {
    if (!PRIMITIVE_OF[m.kind] || m.constraints || m.format) return true;
    return !members.some((o) => o !== m && !PRIMITIVE_OF[o.kind] && primitiveKind(o) === m.kind);
  });
}

function merge(objects: ObjectSchema[], outer: Schema): ObjectSchema {
  const byName = new Map<string, Property>();
  let additional: Schema | undefined;
  let allOpen = true;
  for (const o of objects) {
    if (o.properties.length > 0 && !o.additional) allOpen = false;
    if (o.additional && o.additional.kind !== 'unknown') additional = o.additional;
    for (const p of o.properties) {
      const prev = byName.get(p.name);
      if (!prev) byName.set(p.name, p);
      else {
        const same = structuralKey(prev.schema) === structuralKey(p.schema) || p.schema.kind === 'unknown';
        // Both must hold: X and "X or null" is X.
        const nullOnly = !same && structuralKey({ ...prev.schema, nullable: undefined } as Schema) === structuralKey({ ...p.schema, nullable: undefined } as Schema);
        const schema: Schema = same
          ? prev.schema
          : nullOnly
            ? ({ ...p.schema, nullable: prev.schema.nullable && p.schema.nullable ? true : undefined } as Schema)
            : prev.schema.kind === 'unknown'
              ? p.schema
              : { kind: 'intersection', members: [prev.schema, p.schema], pointer: p.schema.pointer };
        byName.set(p.name, { name: p.name, required: prev.required || p.required, schema });
      }
    }
  }
  const properties = [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (!additional && allOpen) additional = { kind: 'unknown', pointer: outer.pointer };
  return {
    kind: 'object',
    properties,
    ...(additional ? { additional } : {}),
    ...meta(outer),
    ...(outer.nullable ? { nullable: true } : {}),
  } as ObjectSchema;
}
