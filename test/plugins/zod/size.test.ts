/**
 * The size rule (src/plugins/zod/size.ts): a schema's size is the number of nodes its inferred
 * Zod type holds, a reference to an unannotated model counting that model's size and one to an
 * annotated (or recursive) model counting 1; schemas above the threshold are annotated,
 * bottom-up, so an annotation shrinks its referrers. Small IR shapes, table-driven.
 */
import { describe, expect, it } from 'vitest';
import type { Schema, SchemaId } from '../../../src/ir/types.js';
import { schemaOrder } from '../../../src/plugins/zod/order.js';
import { annotateBySize, datedSchemas, schemaSize } from '../../../src/plugins/zod/size.js';

const p = '#/x';
const str = (extra: Partial<Schema> = {}): Schema => ({ kind: 'string', pointer: p, ...extra }) as Schema;
const int = (): Schema => ({ kind: 'number', integer: true, pointer: p }) as Schema;
const ref = (target: string, extra: Partial<Schema> = {}): Schema => ({ kind: 'ref', target, pointer: p, ...extra }) as Schema;
const arr = (items: Schema): Schema => ({ kind: 'array', items, pointer: p }) as Schema;
const obj = (properties: [string, boolean, Schema][], extra: Partial<Schema> = {}): Schema =>
  ({ kind: 'object', pointer: p, properties: properties.map(([name, required, schema]) => ({ name, required, schema })), ...extra }) as Schema;

describe('schemaSize: one schema, references counted by refSize', () => {
  const refSize = (id: SchemaId) => ({ A: 10, B: 1 })[id] ?? 1;
  const rows: { name: string; schema: Schema; size: number }[] = [
    { name: 'a string', schema: str(), size: 1 },
    { name: 'a nullable string (the wrapper counts)', schema: str({ nullable: true }), size: 2 },
    { name: 'an enum of three (one per value)', schema: { kind: 'enum', values: ['a', 'b', 'c'], pointer: p } as Schema, size: 4 },
    { name: 'an array of strings', schema: arr(str()), size: 2 },
    { name: 'an object: node, key per property, optional wrapper', schema: obj([['a', true, str()], ['b', false, int()]]), size: 1 + (1 + 1) + (2 + 1) },
    { name: 'a union of two', schema: { kind: 'union', members: [str(), int()], pointer: p } as Schema, size: 3 },
    { name: 'a reference counts the target', schema: ref('A'), size: 10 },
    { name: 'a reference to an annotated target counts 1', schema: ref('B'), size: 1 },
    { name: 'references inside an object', schema: obj([['a', true, ref('A')], ['b', true, arr(ref('A'))]]), size: 1 + (1 + 10) + (1 + 1 + 10) },
    { name: 'declared and additional properties: the catch-all repeats the properties', schema: obj([['a', true, ref('A')]], { additional: str() }), size: 1 + 1 + 2 * 10 + 1 },
    { name: 'additional properties only', schema: obj([], { additional: ref('A') }), size: 1 + 10 },
  ];
  it.each(rows)('$name → $size', ({ schema, size }) => {
    expect(schemaSize(schema, refSize)).toBe(size);
  });
});

/** A chain where each level refers to the one below twice: sizes double, as in specs nesting shared models. */
function doubling(levels: number): Map<SchemaId, Schema> {
  const schemas = new Map<SchemaId, Schema>([['L0', obj([['x', true, str()]])]]);
  for (let i = 1; i < levels; i++) schemas.set(`L${i}`, obj([['left', true, ref(`L${i - 1}`)], ['right', true, ref(`L${i - 1}`)]]));
  return schemas;
}

function annotate(schemas: Map<SchemaId, Schema>, threshold: number) {
  const { order, cycles } = schemaOrder(schemas, (id) => id);
  return annotateBySize(schemas, order, cycles, threshold);
}

describe('annotateBySize: which schemas are annotated', () => {
  const rows: { name: string; schemas: Map<SchemaId, Schema>; threshold: number; annotated: string[]; sizes?: Record<string, number> }[] = [
    // L0 = 3, L(i) = 1 + 2 * (1 + L(i-1)): 3, 9, 21, 45, 93
    { name: 'nothing above the threshold', schemas: doubling(5), threshold: 100, annotated: [], sizes: { L0: 3, L1: 9, L2: 21, L3: 45, L4: 93 } },
    { name: 'exactly at the threshold is not annotated', schemas: doubling(5), threshold: 93, annotated: [] },
    { name: 'the first level above is annotated', schemas: doubling(5), threshold: 92, annotated: ['L4'] },
    // L3 annotated (45 > 40): L4 then counts it as 1: 1 + 2 * (1 + 1) = 5, not annotated
    { name: 'an annotation shrinks its referrers', schemas: doubling(5), threshold: 40, annotated: ['L3'], sizes: { L3: 45, L4: 5 } },
    // 21 > 20: L2 annotated, L3 = 5, L4 = 1 + 2 * (1 + 5) = 13
    { name: 'bottom-up, every level that still crosses it', schemas: doubling(7), threshold: 20, annotated: ['L2', 'L5'], sizes: { L3: 5, L4: 13, L5: 29, L6: 5 } },
    {
      name: 'recursive schemas count 1 and are not in the set (annotated anyway)',
      schemas: new Map<SchemaId, Schema>([
        ['Tree', obj([['children', true, arr(ref('Tree'))], ['a', true, str()], ['b', true, str()], ['c', true, str()]])],
        ['Forest', obj([['t1', true, ref('Tree')], ['t2', true, ref('Tree')]])],
      ]),
      threshold: 3,
      annotated: ['Forest'],
      sizes: { Forest: 1 + 2 * (1 + 1) },
    },
    {
      name: 'a reference to a missing schema counts 1',
      schemas: new Map<SchemaId, Schema>([['A', obj([['x', true, ref('Nowhere')]])]]),
      threshold: 100,
      annotated: [],
      sizes: { A: 3 },
    },
  ];
  it.each(rows)('$name', ({ schemas, threshold, annotated, sizes }) => {
    const r = annotate(schemas, threshold);
    expect([...r.annotated].sort()).toEqual(annotated);
    for (const [id, size] of Object.entries(sizes ?? {})) expect(r.sizes.get(id), id).toBe(size);
  });
});

describe('datedSchemas (dates: "Date")', () => {
  it('a date-time or date string, or a reference to one at any depth', () => {
    const schemas = new Map<SchemaId, Schema>([
      ['Stamp', obj([['at', true, str({ format: 'date-time' } as Partial<Schema>)]])],
      ['Day', arr(str({ format: 'date' } as Partial<Schema>))],
      ['Holder', obj([['s', false, ref('Stamp')]])],
      ['Outer', arr(ref('Holder'))],
      ['Plain', obj([['name', true, str({ format: 'email' } as Partial<Schema>)], ['n', true, int()]])],
      ['UsesPlain', obj([['p', true, ref('Plain')]])],
    ]);
    expect([...datedSchemas(schemas)].sort()).toEqual(['Day', 'Holder', 'Outer', 'Stamp']);
    // a recursive schema's output is `unknown` with dates: it and its referrers count as dated
    expect([...datedSchemas(schemas, ['Plain'])].sort()).toEqual(['Day', 'Holder', 'Outer', 'Plain', 'Stamp', 'UsesPlain']);
  });
});
