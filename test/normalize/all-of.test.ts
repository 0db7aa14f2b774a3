/** The `allOf` pass (src/normalize/all-of.ts). */
import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/diagnostics.js';
import type { Schema } from '../../src/ir/types.js';
import { mapSchema } from '../../src/ir/walk.js';
import { nullable } from '../../src/normalize/nullable.js';
import { mergeAllOf } from '../../src/normalize/all-of.js';
import { p, str, int, nul, ref, union, obj, strip } from './helpers.js';

describe('allOf', () => {
  const named = new Map<string, Schema>([
    ['#/components/schemas/Base', obj({ id: str }, ['id'])],
    ['#/components/schemas/A', { kind: 'intersection', members: [ref('B')], pointer: p }],
    ['#/components/schemas/B', { kind: 'intersection', members: [ref('A'), obj({ x: str })], pointer: p }],
  ]);
  it('merges a ref and an inline object into one object', () => {
    const d = new Diagnostics();
    const s: Schema = { kind: 'intersection', members: [ref('Base'), obj({ name: str }, ['name'])], pointer: p };
    const out = mergeAllOf(named, d)(s);
    expect(strip(out)).toEqual({
      kind: 'object',
      properties: [
        { name: 'id', required: true, schema: { kind: 'string' } },
        { name: 'name', required: true, schema: { kind: 'string' } },
      ],
    });
    expect(d.list).toHaveLength(0);
  });
  it('a single ref member with docs stays the ref', () => {
    const s = { kind: 'intersection', members: [ref('Base')], pointer: p, description: 'why', nullable: true } as Schema;
    expect(strip(mergeAllOf(named, new Diagnostics())(s))).toEqual({ kind: 'ref', target: '#/components/schemas/Base', description: 'why', nullable: true });
  });
  it('a union member keeps an intersection', () => {
    const s: Schema = { kind: 'intersection', members: [ref('Base'), union('oneOf', obj({ a: str }), obj({ b: str }))], pointer: p };
    expect(mergeAllOf(named, new Diagnostics())(s).kind).toBe('intersection');
  });
  it('allOf [$ref, {nullable: true}] is a nullable ref (the 3.0 idiom)', () => {
    const s: Schema = { kind: 'intersection', members: [ref('Base'), { kind: 'unknown', nullable: true, pointer: p }], pointer: p };
    expect(strip(mergeAllOf(named, new Diagnostics())(s))).toEqual({ kind: 'ref', target: '#/components/schemas/Base', nullable: true });
  });
  it('a bare string next to a union of string and enum adds nothing', () => {
    const u = union('oneOf', str, { kind: 'enum', values: ['a'], pointer: p });
    const s: Schema = { kind: 'intersection', members: [str, u], pointer: p };
    expect(strip(mergeAllOf(named, new Diagnostics())(s))).toEqual(strip(u));
  });
  it('a property declared as X and as "X or null" merges to X', () => {
    const s: Schema = { kind: 'intersection', members: [obj({ n: int }), obj({ n: { ...int, nullable: true } as Schema })], pointer: p };
    const out = mergeAllOf(named, new Diagnostics())(s);
    expect(out.kind === 'object' && strip(out.properties[0].schema)).toEqual({ kind: 'number', integer: true });
  });
  it('copies properties of a referenced schema after normalizing it', () => {
    const raw = new Map<string, Schema>([['#/components/schemas/N', obj({ v: union('anyOf', str, nul) })]]);
    const prepare = (x: Schema) => mapSchema(x, nullable);
    const out = mergeAllOf(raw, new Diagnostics(), prepare)({ kind: 'intersection', members: [ref('N'), obj({ w: int })], pointer: p });
    expect(out.kind === 'object' && strip(out.properties[0].schema)).toEqual({ kind: 'string', nullable: true });
  });
  it('reports an allOf cycle', () => {
    const d = new Diagnostics();
    mergeAllOf(named, d)({ kind: 'intersection', members: [ref('A'), obj({ y: str })], pointer: p });
    expect(d.list.map((x) => x.code)).toContain('E_ALLOF_CYCLE');
  });
  it('works bottom-up through mapSchema', () => {
    const s = obj({ inner: { kind: 'intersection', members: [ref('Base'), obj({ z: int })], pointer: p } });
    const out = mapSchema(s, mergeAllOf(named, new Diagnostics()));
    expect(out.kind === 'object' && out.properties[0].schema.kind).toBe('object');
  });
});
