/**
 * Round trips on real specs (OpenAI, GitHub, Stripe): for every model, the spec's own example
 * (where it gives one) and a generated sample value (sample.ts) pass its schema; mutated values
 * fail at the right path: a missing required property, a wrong type at a leaf, an unknown value
 * of a closed enum.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import type { Schema, SchemaId } from '../../../src/ir/types.js';
import { resolveRef } from '../../../src/ir/walk.js';
import { modelNames, REAL_SPECS, ROOT, writePackage, zodPackage } from './helpers.js';
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

/**
 * Examples the specs themselves get wrong: each omits a property its schema requires (the
 * schemas are right to reject them: they are the drift validation exists to catch).
 */
const WRONG_EXAMPLES: Record<string, Record<string, string>> = {
  openai: {
    BetaCompactResource: '["output",0,"id"]',
    BetaResponse: '["output",0,"content",0,"logprobs"]',
    ChatSessionResource: '["workflow","state_variables"]',
    CompactResource: '["output",0,"id"]',
    ResponseModel: '["output",0,"content",0,"logprobs"]',
  },
};

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
        const known = WRONG_EXAMPLES[id]?.[name];
        if (known !== undefined) {
          // still wrong, in the same place, and for a missing property
          if (JSON.stringify(r) !== known || z.safeParse(schema, ir.example).error?.issues[0]?.message.includes('received undefined') !== true) failures.push(`${name}: its known-wrong example now gives ${JSON.stringify(r)}`);
        } else if (r !== 'ok') failures.push(`${name}: its example fails at ${JSON.stringify(r)}: ${z.safeParse(schema, ir.example).error?.issues[0]?.message}`);
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

/** `#/a/b` in a JSON document. */
function pointer(doc: any, ref: string): any {
  return ref
    .slice(2)
    .split('/')
    .reduce((o, k) => o?.[k.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
}

describe('GitHub: the response examples of the spec', () => {
  it('pass the validators of their operation and status', async () => {
    const { file } = REAL_SPECS.find((s) => s.id === 'github')!;
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    const pkg = await zodPackage(file, {});
    const dir = writePackage('round-trip-github-examples', pkg.files);
    dirs.push(dir);
    const { validators } = (await import(/* @vite-ignore */ join(dir, 'src/zod.ts'))) as { validators: Record<string, { responses?: Record<string, z.ZodType> }> };
    const failures: string[] = [];
    let checked = 0;
    for (const [path, item] of Object.entries<any>(doc.paths)) {
      for (const [method, op] of Object.entries<any>(item)) {
        if (typeof op !== 'object' || !op.responses) continue;
        for (const [status, r0] of Object.entries<any>(op.responses)) {
          const r = r0.$ref ? pointer(doc, r0.$ref) : r0;
          const media = r?.content?.['application/json'];
          if (!media) continue;
          const examples = Object.entries<any>(media.examples ?? {}).map(([k, e]) => [k, e.$ref ? pointer(doc, e.$ref)?.value : e.value] as const);
          if (media.example !== undefined) examples.push(['example', media.example]);
          const schema = validators[`${method.toUpperCase()} ${path}`]?.responses?.[status];
          for (const [name, value] of examples) {
            if (value === undefined) continue;
            if (!schema) {
              failures.push(`${method.toUpperCase()} ${path} ${status}: no validator`);
              continue;
            }
            checked++;
            const result = z.safeParse(schema, value);
            if (!result.success) failures.push(`${method.toUpperCase()} ${path} ${status} ${name}: ${JSON.stringify(result.error.issues[0]!.path)} ${result.error.issues[0]!.message}`);
          }
        }
      }
    }
    console.log(`GitHub response examples: ${checked} checked, ${failures.length} failed`);
    expect(checked).toBeGreaterThan(650);
    // The examples GitHub's spec gets wrong, each reviewed (fixtures/github-example-drift.txt says
    // how): any other failure, or one of these passing now, fails the test.
    const known = readFileSync(join(ROOT, 'test/plugins/zod/fixtures/github-example-drift.txt'), 'utf8')
      .split('\n')
      .filter((l) => l !== '' && !l.startsWith('#'));
    if (process.env.WRITE_DRIFT) writeFileSync(process.env.WRITE_DRIFT, failures.join('\n') + '\n');
    expect(failures).toEqual(known);
  }, 600_000);
});
