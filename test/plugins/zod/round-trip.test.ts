/**
 * Round trips on real specs (OpenAI, GitHub, Stripe): for every model, the spec's own example
 * (where it gives one) and a generated sample value (sample.ts) pass its schema; mutated values
 * fail at the right path: a missing required property, a wrong type at a leaf, an unknown value
 * of a closed enum.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import type { Schema, SchemaId } from '../../../src/ir/types.js';
import { resolveRef } from '../../../src/ir/walk.js';
import { modelNames, REAL_SPECS, writePackage, zodPackage } from './helpers.js';
import { NONE, sample } from './sample.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** The first required property whose schema (through references) is of a kind `want` accepts. */
function requiredLeaf(s: Schema, schemas: ReadonlyMap<SchemaId, Schema>, want: (t: Schema) => boolean): string | undefined {
  if (s.kind !== 'object') return undefined;
  return s.properties.find((p) => {
    if (!p.required || p.schema.nullable) return false;
    const t = resolveRef(p.schema, schemas);
    return !t.nullable && want(t);
  })?.name;
}

function path(schema: z.ZodType, value: unknown): PropertyKey[] | 'ok' {
  const r = z.safeParse(schema, value);
  return r.success ? 'ok' : r.error.issues[0]!.path;
}

describe.each(REAL_SPECS)('$id', ({ id, file }) => {
  it('examples and samples pass every model schema; mutations fail at their path', async () => {
    const pkg = await zodPackage(file, {});
    const dir = writePackage(`round-trip-${id}`, pkg.files);
    dirs.push(dir);
    const m = (await import(/* @vite-ignore */ join(dir, 'src/zod.ts'))) as Record<string, z.ZodType>;
    const schemas = pkg.view.types.schemas;
    const failures: string[] = [];
    const counts = { models: 0, examples: 0, samples: 0, missing: 0, wrongType: 0, enum: 0 };
    for (const [sid, name] of modelNames(pkg)) {
      const schema = m[`${name}Schema`];
      const ir = schemas.get(sid)!;
      counts.models++;
      if (!schema) {
        failures.push(`${name}: no schema`);
        continue;
      }
      if (ir.example !== undefined) {
        counts.examples++;
        const r = path(schema, ir.example);
        if (r !== 'ok') failures.push(`${name}: its example fails at ${JSON.stringify(r)}: ${z.safeParse(schema, ir.example).error?.issues[0]?.message}`);
      }
      const value = sample(ir, schemas);
      if (value === NONE) continue;
      counts.samples++;
      const r = path(schema, value);
      if (r !== 'ok') {
        failures.push(`${name}: its sample fails at ${JSON.stringify(r)}: ${JSON.stringify(value).slice(0, 200)}`);
        continue;
      }
      if (typeof value !== 'object' || value === null || Array.isArray(value) || ir.kind !== 'object') continue;
      const obj = value as Record<string, unknown>;
      const required = ir.properties.find((p) => p.required)?.name;
      if (required !== undefined) {
        counts.missing++;
        const { [required]: _, ...rest } = obj;
        const got = path(schema, rest);
        if (JSON.stringify(got) !== JSON.stringify([required])) failures.push(`${name}: without ${required}, expected a failure at [${required}], got ${JSON.stringify(got)}`);
      }
      const leaf = requiredLeaf(ir, schemas, (t) => t.kind === 'string' || t.kind === 'number' || t.kind === 'boolean');
      if (leaf !== undefined) {
        counts.wrongType++;
        const wrong = typeof obj[leaf] === 'string' ? 12345 : 'not-a-number-or-boolean';
        const got = path(schema, { ...obj, [leaf]: wrong });
        if (JSON.stringify(got) !== JSON.stringify([leaf])) failures.push(`${name}: ${leaf} of the wrong type: expected a failure at [${leaf}], got ${JSON.stringify(got)}`);
      }
      const closed = requiredLeaf(ir, schemas, (t) => t.kind === 'enum' && !t.open && !t.values.includes('__unknown_value__'));
      if (closed !== undefined) {
        counts.enum++;
        const got = path(schema, { ...obj, [closed]: '__unknown_value__' });
        if (JSON.stringify(got) !== JSON.stringify([closed])) failures.push(`${name}: ${closed} = "__unknown_value__": expected a failure at [${closed}], got ${JSON.stringify(got)}`);
      }
    }
    console.log(id, counts, failures.length);
    expect(failures).toEqual([]);
    expect(counts.samples).toBeGreaterThan(counts.models / 2);
    expect(counts.missing).toBeGreaterThan(50);
    expect(counts.wrongType).toBeGreaterThan(50);
    expect(counts.enum).toBeGreaterThan(10);
  }, 600_000);
});
