import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/diagnostics.js';
import type { Schema } from '../../src/ir/types.js';
import { mapSchema } from '../../src/ir/walk.js';
import { discriminatedUnions, enumLiterals, flattenUnions, mergeAllOf, nullable, openEnum, PASS_KINDS } from '../../src/normalize/index.js';

const p = '#';
const str: Schema = { kind: 'string', pointer: p };
const int: Schema = { kind: 'number', integer: true, pointer: p };
const nul: Schema = { kind: 'null', pointer: p };
const ref = (name: string): Schema => ({ kind: 'ref', target: `#/components/schemas/${name}`, pointer: p });
const union = (keyword: 'oneOf' | 'anyOf', ...members: Schema[]): Schema => ({ kind: 'union', keyword, members, pointer: p });
const obj = (props: Record<string, Schema>, required: string[] = []): Schema => ({
  kind: 'object',
  properties: Object.keys(props)
    .sort()
    .map((name) => ({ name, required: required.includes(name), schema: props[name] })),
  pointer: p,
});

/** Drop pointers so expectations stay short. */
function strip(s: Schema): unknown {
  return JSON.parse(JSON.stringify(s, (k, v) => (k === 'pointer' ? undefined : v)));
}

describe('nullable', () => {
  const cases: { name: string; given: Schema; want: unknown }[] = [
    { name: 'anyOf [ref, null] → nullable ref', given: union('anyOf', ref('User'), nul), want: { kind: 'ref', target: '#/components/schemas/User', nullable: true } },
    { name: 'oneOf [string, null] → nullable string', given: union('oneOf', str, nul), want: { kind: 'string', nullable: true } },
    {
      name: 'anyOf [string, int, null] → nullable union',
      given: union('anyOf', str, int, nul),
      want: { kind: 'union', keyword: 'anyOf', members: [{ kind: 'string' }, { kind: 'number', integer: true }], nullable: true },
    },
    { name: 'no null member → unchanged', given: union('anyOf', str, int), want: strip(union('anyOf', str, int)) },
    { name: 'only null → null', given: union('anyOf', nul), want: { kind: 'null', keyword: 'anyOf', members: [{ kind: 'null' }] } },
  ];
  for (const c of cases) it(c.name, () => expect(strip(nullable(c.given))).toEqual(c.want));
  it('keeps the union description over the member', () => {
    const s = { ...union('anyOf', { ...ref('User'), description: 'inner' }, nul), description: 'outer' } as Schema;
    expect(nullable(s).description).toBe('outer');
  });
  it('is idempotent', () => {
    const once = nullable(union('anyOf', str, int, nul));
    expect(nullable(once)).toEqual(once);
  });
});

describe('open enums', () => {
  it('anyOf [string, enum] → open enum', () => {
    const s = union('anyOf', str, { kind: 'enum', values: ['a', 'b'], pointer: p });
    expect(strip(openEnum(s))).toEqual({ kind: 'enum', values: ['a', 'b'], open: true });
  });
  it('anyOf [string, const] → open enum', () => {
    const s = union('anyOf', str, { kind: 'literal', value: 'x', pointer: p });
    expect(strip(openEnum(s))).toEqual({ kind: 'enum', values: ['x'], open: true });
  });
  it('anyOf [int, enum] stays a union', () => {
    const s = union('anyOf', int, { kind: 'enum', values: ['a'], pointer: p });
    expect(openEnum(s)).toBe(s);
  });
});

describe('enum literals', () => {
  it('single-value enum → literal', () => {
    expect(strip(enumLiterals({ kind: 'enum', values: ['organization.user'], pointer: p }))).toEqual({ kind: 'literal', value: 'organization.user' });
  });
  it('multi-value enum stays', () => {
    const s: Schema = { kind: 'enum', values: ['a', 'b'], pointer: p };
    expect(enumLiterals(s)).toBe(s);
  });
});

describe('union flattening', () => {
  it('flattens nested unions of the same keyword and dedupes', () => {
    const s = union('anyOf', str, union('anyOf', int, str));
    expect(strip(flattenUnions(s))).toEqual({ kind: 'union', keyword: 'anyOf', members: [{ kind: 'string' }, { kind: 'number', integer: true }] });
  });
  it('a union of one member is that member', () => {
    expect(strip(flattenUnions(union('oneOf', str, { ...str, description: 'same type' } as Schema)))).toEqual({ kind: 'string' });
  });
});

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

describe('discriminated unions', () => {
  it('completes the implicit mapping from member names', () => {
    const s: Schema = {
      kind: 'union',
      keyword: 'oneOf',
      members: [ref('Cat'), ref('Dog')],
      discriminator: { property: 'type', mapping: [{ value: 'dog', target: '#/components/schemas/Dog' }] },
      pointer: p,
    };
    const out = discriminatedUnions(new Map())(s);
    expect(out.kind === 'union' && out.discriminator?.mapping).toEqual([
      { value: 'Cat', target: '#/components/schemas/Cat' },
      { value: 'dog', target: '#/components/schemas/Dog' },
    ]);
  });
  it('tags a member that declares its own single tag value with that value', () => {
    const named = new Map<string, Schema>([
      ['#/components/schemas/DeveloperMessage', obj({ role: { kind: 'enum', values: ['developer'], pointer: p }, content: str }, ['role'])],
      ['#/components/schemas/ToolMessage', { kind: 'intersection', members: [obj({ role: { kind: 'literal', value: 'tool', pointer: p } })], pointer: p }],
    ]);
    const s: Schema = {
      kind: 'union',
      keyword: 'oneOf',
      members: [ref('DeveloperMessage'), ref('ToolMessage')],
      discriminator: { property: 'role', mapping: [] },
      pointer: p,
    };
    const out = discriminatedUnions(named)(s);
    expect(out.kind === 'union' && out.discriminator?.mapping).toEqual([
      { value: 'developer', target: '#/components/schemas/DeveloperMessage' },
      { value: 'tool', target: '#/components/schemas/ToolMessage' },
    ]);
  });
});

describe('every pass leaves nodes of other kinds than PASS_KINDS as they are (normalize skips them)', () => {
  const others: Schema[] = [
    str,
    int,
    nul,
    ref('User'),
    { kind: 'boolean', nullable: true, pointer: p },
    { kind: 'unknown', nullable: true, pointer: p },
    { kind: 'never', pointer: p },
    { kind: 'binary', pointer: p },
    { kind: 'literal', value: 'a', pointer: p },
    { kind: 'array', items: union('anyOf', str, nul), pointer: p },
    obj({ a: union('oneOf', str, nul), b: { kind: 'intersection', members: [obj({ x: str }), obj({ y: int })], pointer: p } }),
  ];
  const named = new Map<string, Schema>([['#/components/schemas/User', obj({ id: str })]]);
  const passes = { nullable, flattenUnions, openEnum, enumLiterals, allOf: mergeAllOf(named, new Diagnostics()), discriminatedUnions: discriminatedUnions(named) };
  for (const [name, pass] of Object.entries(passes)) {
    it.each(others)(`${name}: $kind`, (s) => {
      expect(PASS_KINDS.has(s.kind)).toBe(false);
      expect(pass(s)).toBe(s);
    });
  }
});
