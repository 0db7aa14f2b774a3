/**
 * Property-based tests of the whole generator (fast-check, fixed seed, bounded runs in
 * `npm test`; `npm run fuzz` runs many more with FUZZ_RUNS).
 *
 * - random valid specs (random names and strings, nested unions, enums, recursion, allOf)
 *   always generate a package that type-checks strictly;
 * - random invalid specs always end in diagnostics (OagenError), never in a crash.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OagenError } from '../../src/diagnostics.js';
import { renderSpec, tempDir, typeErrors } from '../generate/helpers.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 12);
const SEED = Number(process.env.FUZZ_SEED ?? 20261123);

/** Strings that try hard to break generated code, plus arbitrary unicode. */
const nasty = fc.oneof(
  fc.constantFrom('*/', '/*', '`', '${x}', '"', "'", '\\', '\r\n', '\u2028', '\u2029', '\u0000', '</script>', '__proto__', 'constructor', 'class', 'default', '1abc', '', '日本', '🦄', 'a-b', 'toString'),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
);
const text = fc.array(nasty, { maxLength: 4 }).map((parts) => parts.join(' '));
const name = fc.array(nasty, { minLength: 1, maxLength: 3 }).map((parts) => parts.join(''));

type Json = Record<string, unknown>;

/** A schema tree; `refs` are names of component schemas it may reference. */
function schemaArb(refs: string[]): fc.Arbitrary<Json> {
  const { tree } = fc.letrec<{ tree: Json }>((tie) => ({
    tree: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.record({ type: fc.constantFrom('string', 'integer', 'number', 'boolean'), description: text }),
      fc.record({ type: fc.constant('string'), enum: fc.uniqueArray(nasty, { minLength: 1, maxLength: 4 }) }),
      fc.record({ const: nasty }),
      fc.record({ type: fc.constant(['string', 'null']) }),
      ...(refs.length ? [fc.constantFrom(...refs).map((r) => ({ $ref: `#/components/schemas/${encodeURIComponent(r).replace(/%2F/g, '/').replace(/~/g, '~0').replace(/\//g, '~1')}` }))] : []),
      fc.record({ type: fc.constant('array'), items: tie('tree') }),
      fc.record({
        type: fc.constant('object'),
        description: text,
        properties: fc.dictionary(name, tie('tree'), { maxKeys: 4 }),
        additionalProperties: fc.oneof(fc.constant(false), fc.constant(true), tie('tree')),
      }).chain((o) => fc.subarray(Object.keys(o.properties as Json)).map((required) => ({ ...o, required }))),
      fc.record({ anyOf: fc.array(tie('tree'), { minLength: 1, maxLength: 3 }) }),
      fc.record({ oneOf: fc.array(tie('tree'), { minLength: 1, maxLength: 3 }) }),
      fc.record({ anyOf: fc.tuple(tie('tree'), fc.constant({ type: 'null' })) }),
      fc.record({ allOf: fc.array(fc.record({ type: fc.constant('object'), properties: fc.dictionary(name, tie('tree'), { maxKeys: 3 }) }), { minLength: 1, maxLength: 3 }) }),
    ),
  }));
  return tree;
}

const specArb: fc.Arbitrary<Json> = fc.uniqueArray(name, { minLength: 1, maxLength: 5 }).chain((schemaNames) =>
  fc
    .record({
      schemas: fc.tuple(...schemaNames.map(() => schemaArb(schemaNames))),
      ops: fc.array(
        fc.record({
          path: fc.array(fc.oneof(name, name.map((n) => `{${n}}`)), { minLength: 1, maxLength: 3 }),
          method: fc.constantFrom('get', 'post', 'put', 'delete', 'patch'),
          operationId: fc.option(name, { nil: undefined }),
          summary: text,
          tag: fc.option(name, { nil: undefined }),
          query: fc.dictionary(name, schemaArb(schemaNames), { maxKeys: 3 }),
          body: fc.option(schemaArb(schemaNames), { nil: undefined }),
          response: fc.option(schemaArb(schemaNames), { nil: undefined }),
        }),
        { minLength: 1, maxLength: 4 },
      ),
      title: text,
    })
    .map(({ schemas, ops, title }) => {
      const paths: Json = {};
      for (const op of ops) {
        const segments = op.path.map((s) => s.replace(/[/{}?#]/g, '_').replace(/^_(.*)_$/, '{$1}'));
        const path = '/' + segments.map((s, i) => (op.path[i].startsWith('{') ? `{${s.replace(/[{}]/g, '') || 'p'}}` : s || 'x')).join('/');
        const params = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
        const query = Object.entries(op.query).map(([n, schema]) => ({ name: n, in: 'query', schema }));
        const item = (paths[path] ??= {}) as Json;
        item[op.method] = {
          ...(op.operationId ? { operationId: op.operationId } : {}),
          summary: op.summary,
          ...(op.tag ? { tags: [op.tag] } : {}),
          parameters: [...params, ...query],
          ...(op.body ? { requestBody: { content: { 'application/json': { schema: op.body } } } } : {}),
          responses: { '200': { description: 'ok', ...(op.response ? { content: { 'application/json': { schema: op.response } } } : {}) } },
        };
      }
      return {
        openapi: '3.1.0',
        info: { title, version: '1.0.0' },
        paths,
        components: { schemas: Object.fromEntries(schemaNames.map((n, i) => [n, schemas[i]])) },
      };
    }),
);

/** Random specs may reuse an operationId: that is a (correct) diagnostic, not what this test is about. */
function dedupeOperationIds(spec: Json): Json {
  const seen = new Set<string>();
  for (const item of Object.values(spec.paths as Json)) {
    for (const op of Object.values(item as Json) as Json[]) {
      if (typeof op.operationId === 'string' && seen.has(op.operationId)) delete op.operationId;
      else if (typeof op.operationId === 'string') seen.add(op.operationId);
    }
  }
  return spec;
}

describe('fuzz: random valid specs', () => {
  it(`always generate packages that type-check (${RUNS} specs, seed ${SEED})`, async () => {
    const specs = fc.sample(specArb.map(dedupeOperationIds), { numRuns: RUNS, seed: SEED });
    const dir = tempDir('oagen-fuzz-');
    const all = new Map<string, string>();
    for (const [i, spec] of specs.entries()) {
      const file = join(dir, `spec${i}.json`);
      writeFileSync(file, JSON.stringify(spec));
      let files: Map<string, string>;
      try {
        files = await renderSpec(file, `fuzz${i}`);
      } catch (e) {
        const detail = e instanceof OagenError ? e.diagnostics.map((d) => `${d.code} ${d.pointer}: ${d.message}`).join('\n') : String(e);
        throw new Error(`spec ${file} did not generate:\n${detail}`);
      }
      for (const [p, c] of files) if (p.endsWith('.ts')) all.set(`p${i}/${p}`, c);
    }
    // One type-check over every package (each in its own folder).
    expect(typeErrors(all, 'nodenext')).toEqual([]);
  }, 300_000);
});

/** Mutations that make a valid spec invalid in the ways real specs are. */
const breakers: ((s: Json) => unknown)[] = [
  (s) => ({ ...s, openapi: '9.9.9' }),
  (s) => ({ ...s, paths: 'not an object' }),
  (s) => JSON.stringify(s).replace(/#\/components\/schemas\//, '#/components/schemas/missing-'),
  (s) => JSON.stringify(s).replace(/"type":"(string|integer)"/, '"type":"float"'),
  (s) => JSON.stringify(s).replace(/"schema":\{[^{}]*\}/, '"nothing":1'),
  (s) => ({ ...s, info: undefined, openapi: undefined }),
  (s) => ({ ...s, components: { schemas: { A: { allOf: [{ $ref: '#/components/schemas/B' }] }, B: { allOf: [{ $ref: '#/components/schemas/A' }, { type: 'object' }] } } }, paths: { '/a': { get: { responses: { '200': { description: 'x', content: { 'application/json': { schema: { allOf: [{ $ref: '#/components/schemas/A' }, { type: 'object' }] } } } } } } } } }),
  () => '{ "openapi": "3.1.0", "info": ',
  () => 'openapi: 3.1.0\ninfo:\n  title: [unclosed\n',
  () => '\u0000\u0001binary',
];

describe('fuzz: random invalid specs', () => {
  it(`end in diagnostics, never a crash (${RUNS} specs × ${breakers.length} defects)`, async () => {
    const specs = fc.sample(specArb, { numRuns: RUNS, seed: SEED + 1 });
    const dir = tempDir('oagen-fuzz-bad-');
    let errors = 0;
    for (const [i, spec] of specs.entries()) {
      for (const [j, breakIt] of breakers.entries()) {
        const broken = breakIt(spec);
        const file = join(dir, `bad${i}-${j}.${typeof broken === 'string' && !broken.trimStart().startsWith('{') ? 'yaml' : 'json'}`);
        writeFileSync(file, typeof broken === 'string' ? broken : JSON.stringify(broken));
        try {
          await renderSpec(file);
        } catch (e) {
          if (!(e instanceof OagenError)) throw new Error(`crash on ${file}: ${(e as Error).stack}`);
          expect(e.diagnostics.length).toBeGreaterThan(0);
          for (const d of e.diagnostics) expect(d.code).toMatch(/^[EW]_[A-Z0-9_]+$/);
          errors++;
        }
      }
    }
    // Most defects must be reported (a replace that found nothing to replace leaves a valid spec).
    expect(errors).toBeGreaterThan(specs.length * 5);
  }, 300_000);
});
