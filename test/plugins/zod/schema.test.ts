/**
 * Table tests of the Zod printer (src/plugins/zod/schema.ts), one row per IR shape: the
 * expression it writes, evaluated with Zod (classic and mini), accepts and rejects the right
 * values, and a rejected value's first issue is at the right path.
 */
import { describe, expect, it } from 'vitest';
import * as zClassic from 'zod';
import * as zMini from 'zod/mini';
import type { Schema } from '../../../src/ir/types.js';
import { CLASSIC, MINI } from '../../../src/plugins/zod/dialect.js';
import { zodExpr, type Helper, type ZodContext } from '../../../src/plugins/zod/schema.js';

const p = '#/x';
const str = (extra: Partial<Schema> = {}): Schema => ({ kind: 'string', pointer: p, ...extra }) as Schema;
const int = (extra: Partial<Schema> = {}): Schema => ({ kind: 'number', integer: true, pointer: p, ...extra }) as Schema;
const num = (extra: Partial<Schema> = {}): Schema => ({ kind: 'number', integer: false, pointer: p, ...extra }) as Schema;
const obj = (properties: [string, boolean, Schema][], extra: Partial<Schema> = {}): Schema =>
  ({ kind: 'object', pointer: p, properties: properties.map(([name, required, schema]) => ({ name, required, schema })), ...extra }) as Schema;

interface Row {
  name: string;
  schema: Schema;
  accept: unknown[];
  /** value and the path of its first issue */
  reject: [unknown, (string | number)[]][];
  /** what the parse of an accepted value gives, when not the value itself */
  output?: [unknown, unknown][];
  /** a fragment the classic expression contains */
  expr?: string;
}

const rows: Row[] = [
  { name: 'string', schema: str(), accept: ['', 'a'], reject: [[1, []], [null, []]] },
  { name: 'nullable string', schema: str({ nullable: true }), accept: ['a', null], reject: [[undefined, []]] },
  { name: 'integer', schema: int(), accept: [0, -3], reject: [[1.5, []], ['1', []]], expr: 'z.int()' },
  { name: 'int32', schema: int({ format: 'int32' }), accept: [2147483647], reject: [[2147483648, []]] },
  { name: 'number bounds', schema: num({ constraints: { minimum: 1, maximum: 2 } }), accept: [1, 2, 1.5], reject: [[0.9, []], [2.1, []]] },
  { name: 'exclusive bounds (3.1 numbers)', schema: num({ constraints: { exclusiveMinimum: 1, exclusiveMaximum: 2 } }), accept: [1.5], reject: [[1, []], [2, []]] },
  { name: 'exclusive bounds (3.0 booleans)', schema: num({ constraints: { minimum: 1, exclusiveMinimum: true, maximum: 2, exclusiveMaximum: true } }), accept: [1.5], reject: [[1, []], [2, []]] },
  { name: 'multipleOf', schema: int({ constraints: { multipleOf: 5 } }), accept: [10], reject: [[12, []]] },
  { name: 'boolean', schema: { kind: 'boolean', pointer: p }, accept: [true], reject: [['true', []]] },
  { name: 'null', schema: { kind: 'null', pointer: p }, accept: [null], reject: [[0, []]] },
  { name: 'unknown', schema: { kind: 'unknown', pointer: p }, accept: [1, null, {}, undefined], reject: [] },
  { name: 'never', schema: { kind: 'never', pointer: p }, accept: [], reject: [[1, []]] },
  { name: 'string length', schema: str({ constraints: { minLength: 2, maxLength: 3 } }), accept: ['ab', 'abc'], reject: [['a', []], ['abcd', []]] },
  { name: 'pattern (unanchored, as JSON Schema)', schema: str({ constraints: { pattern: '^[a-z]+\\d$' } }), accept: ['ab1'], reject: [['AB1', []]] },
  { name: 'pattern with a slash', schema: str({ constraints: { pattern: '^a/b$' } }), accept: ['a/b'], reject: [['ab', []]], expr: 'new RegExp(' },
  { name: 'pattern JavaScript cannot compile: left out', schema: str({ constraints: { pattern: '(?i)^abc$' } }), accept: ['anything'], reject: [] },
  { name: 'pattern valid only without the u flag', schema: str({ constraints: { pattern: '^[\\w-.]+$' } }), accept: ['a-b.c'], reject: [['a b', []]], expr: "new RegExp('^[\\\\w-.]+$')" },
  { name: 'pattern with an unknown Unicode property: left out (not read as "p{Print}")', schema: str({ constraints: { pattern: '\\p{Print}+' } }), accept: ['héllo'], reject: [] },
  { name: 'pattern with a Unicode property', schema: str({ constraints: { pattern: '^\\p{L}+$' } }), accept: ['héllo'], reject: [['a1', []]], expr: '/^\\p{L}+$/u' },
  { name: 'date-time', schema: str({ format: 'date-time' }), accept: ['2024-03-26T10:00:00Z', '2024-03-26T10:00:00.123+02:00'], reject: [['2024-03-26', []], ['yesterday', []]] },
  { name: 'date', schema: str({ format: 'date' }), accept: ['2024-03-26'], reject: [['2024-13-01', []]] },
  { name: 'email', schema: str({ format: 'email' }), accept: ['ann@example.com'], reject: [['ann', []]] },
  { name: 'uuid', schema: str({ format: 'uuid' }), accept: ['123e4567-e89b-12d3-a456-426614174000'], reject: [['123', []]] },
  { name: 'uri', schema: str({ format: 'uri' }), accept: ['https://example.com/a?b'], reject: [['not a url', []]] },
  { name: 'ipv4', schema: str({ format: 'ipv4' }), accept: ['10.0.0.1'], reject: [['10.0.0.256', []]] },
  { name: 'unknown format: only a string', schema: str({ format: 'password' }), accept: ['x'], reject: [[1, []]], expr: 'z.string()' },
  { name: 'literal (const)', schema: { kind: 'literal', value: 'list', pointer: p }, accept: ['list'], reject: [['lists', []]] },
  { name: 'closed string enum', schema: { kind: 'enum', values: ['a', 'b'], pointer: p }, accept: ['a'], reject: [['c', []]], expr: "z.enum(['a', 'b'])" },
  { name: 'closed mixed enum with null', schema: { kind: 'enum', values: [1, 'a', null], pointer: p }, accept: [1, 'a', null], reject: [[2, []]] },
  { name: 'open enum', schema: { kind: 'enum', values: ['a', 'b'], open: true, pointer: p }, accept: ['a', 'zzz'], reject: [[1, []]] },
  { name: 'array', schema: { kind: 'array', items: int(), pointer: p }, accept: [[], [1]], reject: [[[1, 'x'], [1]]] },
  { name: 'array constraints', schema: { kind: 'array', items: int(), pointer: p, constraints: { minItems: 1, maxItems: 2, uniqueItems: true } }, accept: [[1, 2]], reject: [[[], []], [[1, 2, 3], []], [[1, 1], []]] },
  { name: 'tuple', schema: { kind: 'array', prefixItems: [str(), int()], items: { kind: 'never', pointer: p }, pointer: p }, accept: [['a', 1]], reject: [[['a', 'b'], [1]], [['a', 1, 2], []]] },
  { name: 'tuple with rest', schema: { kind: 'array', prefixItems: [str()], items: int(), pointer: p }, accept: [['a'], ['a', 1, 2]], reject: [[['a', 1, 'x'], [2]]] },
  {
    name: 'object: required, optional, nested',
    schema: obj([['id', true, str()], ['n', false, int()], ['inner', false, obj([['ok', true, { kind: 'boolean', pointer: p }]])]]),
    accept: [{ id: 'a' }, { id: 'a', n: 1, inner: { ok: true } }],
    reject: [[{}, ['id']], [{ id: 'a', n: 'x' }, ['n']], [{ id: 'a', inner: {} }, ['inner', 'ok']]],
    output: [[{ id: 'a', extra: 1 }, { id: 'a' }]],
  },
  {
    name: 'defaults fill a missing optional property',
    schema: obj([['limit', false, int({ default: 20 })], ['order', false, { kind: 'enum', values: ['asc', 'desc'], default: 'desc', pointer: p } as Schema], ['bad', false, int({ default: 'x' })]]),
    accept: [{}],
    reject: [],
    output: [[{}, { limit: 20, order: 'desc' }]],
  },
  { name: 'additionalProperties: typed', schema: obj([['a', true, str()]], { additional: int() } as Partial<Schema>), accept: [{ a: 'x', b: 1 }], reject: [[{ a: 'x', b: true }, ['b']]] },
  { name: 'additionalProperties: any value', schema: obj([['a', true, str()]], { additional: { kind: 'unknown', pointer: p } } as Partial<Schema>), accept: [{ a: 'x', b: [1] }], reject: [], output: [[{ a: 'x', b: 1 }, { a: 'x', b: 1 }]] },
  { name: 'record (no declared properties)', schema: obj([], { additional: int() } as Partial<Schema>), accept: [{ x: 1 }], reject: [[{ x: 'a' }, ['x']]] },
  { name: 'minProperties', schema: obj([['a', false, str()], ['b', false, str()]], { constraints: { minProperties: 1 } } as Partial<Schema>), accept: [{ a: 'x' }], reject: [[{}, []]] },
  { name: 'union (anyOf)', schema: { kind: 'union', keyword: 'anyOf', members: [str(), int()], pointer: p }, accept: ['a', 1], reject: [[true, []]] },
  { name: 'nullable union', schema: { kind: 'union', keyword: 'oneOf', members: [str(), int()], nullable: true, pointer: p }, accept: [null, 1], reject: [[true, []]] },
  {
    name: 'intersection (allOf not merged)',
    schema: { kind: 'intersection', members: [obj([['a', true, str()]]), obj([['b', true, int()]])], pointer: p },
    accept: [{ a: 'x', b: 1 }],
    reject: [[{ a: 'x' }, ['b']]],
  },
  { name: 'binary (an upload)', schema: { kind: 'binary', pointer: p }, accept: [new Blob(['x']), new Uint8Array(1)], reject: [['x', []]] },
];

const dialects = [
  { label: 'zod', dialect: CLASSIC, z: zClassic as unknown as Record<string, unknown> },
  { label: 'zod/mini', dialect: MINI, z: zMini as unknown as Record<string, unknown> },
];

/** Evaluates a written expression with Zod and the module helpers. */
function evaluate(expr: string, z: Record<string, unknown>, helpers: Set<Helper>): zClassic.ZodType {
  const unique = (items: readonly unknown[]) => new Set(items.map((x) => JSON.stringify(x))).size === items.length;
  const upload = (z.custom as (f: (v: unknown) => boolean) => unknown)((v) => typeof v === 'object' && v !== null);
  expect([...helpers].every((h) => h === 'unique' || h === 'upload')).toBe(true);
  return new Function('z', 'unique', 'upload', `return ${expr};`)(z, unique, upload) as zClassic.ZodType;
}

function context(dialect: typeof CLASSIC): ZodContext {
  return { dialect, schemas: new Map(), constNames: new Map(), cycles: new Map(), declared: new Set(), dates: false, helpers: new Set() };
}

describe.each(dialects)('$label', ({ dialect, z }) => {
  it.each(rows)('$name', (row) => {
    const ctx = context(dialect);
    const expr = zodExpr(row.schema, ctx);
    if (row.expr && !dialect.mini) expect(expr).toContain(row.expr);
    const schema = evaluate(expr, z, ctx.helpers);
    for (const v of row.accept) expect(zClassic.safeParse(schema, v).success, `${expr} accepts ${JSON.stringify(v)}`).toBe(true);
    for (const [v, path] of row.reject) {
      const r = zClassic.safeParse(schema, v);
      expect(r.success, `${expr} rejects ${JSON.stringify(v)}`).toBe(false);
      expect(r.error!.issues[0]!.path).toEqual(path);
    }
    for (const [input, output] of row.output ?? []) expect(zClassic.parse(schema, input)).toEqual(output);
  });
});
