/**
 * `allOf` → one merged object where every member is (or references) an object;
 * an intersection otherwise.
 *
 * - `allOf: [{$ref: X}]` plus documentation (the 3.0 way to describe or null a ref) → ref X.
 * - members that constrain nothing (`{description: …}`) are dropped.
 * - properties merge by name; a property declared by several members with different
 *   types becomes their intersection; `required` is the union of all members'.
 * - a referenced member that is itself a composition contributes only its object parts
 *   (the "base class" pattern: `Dog: allOf [Pet, {...}]` where Pet also lists its subtypes).
 * - a cycle of allOf references is a spec error (E_ALLOF_CYCLE).
 */
import type { Diagnostics } from '../diagnostics.js';
import type { Property, Schema, SchemaId, SchemaOf } from '../ir/types.js';
import { structuralKey } from '../ir/walk.js';
import { meta } from './nullable.js';

type ObjectSchema = SchemaOf<'object'>;

export function mergeAllOf(named: Map<SchemaId, Schema>, diagnostics: Diagnostics): (s: Schema) => Schema {
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
    const target = named.get(m.target);
    if (!target) return undefined;
    resolving.add(m.target);
    try {
      return asObject(target);
    } finally {
      resolving.delete(m.target);
    }
  }

  return function allOf(s: Schema): Schema {
    if (s.kind !== 'intersection') return s;
    const members = s.members.filter((m) => !isEmpty(m));
    if (members.length === 0) return { kind: 'unknown', ...meta(s) } as Schema;
    if (members.length === 1) return { ...members[0], ...meta(s), ...(s.nullable ? { nullable: true } : {}) } as Schema;
    const objects = members.map(asObject);
    if (objects.some((o) => o === undefined)) return members.length === s.members.length ? s : { ...s, members };
    return merge(objects as ObjectSchema[], s);
  };
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
        const schema: Schema = same
          ? prev.schema
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

/** A member that adds no constraint: `{}` or documentation only. */
function isEmpty(m: Schema): boolean {
  return m.kind === 'unknown' && !m.nullable;
}
