/**
 * IR → JSON Schema for MCP tool inputs (src/plugins/mcp/json-schema.ts): table-driven, and
 * every schema it writes is one Ajv (draft 2020-12, strict) compiles and that accepts and
 * rejects what it should.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import type { Schema, SchemaId } from '../../../src/ir/types.js';
import { JsonSchemaWriter, type JsonSchema } from '../../../src/plugins/mcp/json-schema.js';

const p = '#/x';
const str = (extra: Partial<Schema> = {}): Schema => ({ kind: 'string', pointer: p, ...extra }) as Schema;
const obj = (properties: { name: string; required?: boolean; schema: Schema }[], extra: object = {}): Schema =>
  ({ kind: 'object', pointer: p, properties: properties.map((x) => ({ required: false, ...x })), ...extra }) as Schema;
const ref = (target: SchemaId, extra: object = {}): Schema => ({ kind: 'ref', target, pointer: p, ...extra }) as Schema;

const NODE = '#/components/schemas/Node';
const PET = '#/components/schemas/Pet';
const schemas = new Map<SchemaId, Schema>([
  [NODE, obj([{ name: 'name', required: true, schema: str() }, { name: 'children', schema: { kind: 'array', pointer: p, items: ref(NODE) } }])],
  [PET, obj([{ name: 'id', required: true, schema: str({ readOnly: true }) }, { name: 'name', required: true, schema: str({ description: 'The name.' }) }], { description: 'A pet.' })],
]);
const names = new Map([
  [NODE, 'Node'],
  [PET, 'Pet'],
]);
const convert = (s: Schema) => {
  const w = new JsonSchemaWriter({ schemas, names });
  w.use(s);
  return { schema: w.convert(s), $defs: w.$defs };
};

const cases: { name: string; given: Schema; want: JsonSchema; defs?: JsonSchema }[] = [
  { name: 'string with a JSON Schema format and constraints', given: str({ format: 'date-time', constraints: { minLength: 1, pattern: '^a' } }), want: { type: 'string', format: 'date-time', minLength: 1, pattern: '^a' } },
  { name: 'a format JSON Schema does not define is left out', given: str({ format: 'int64' }), want: { type: 'string' } },
  { name: 'integer, 3.0 boolean exclusiveMinimum', given: { kind: 'number', integer: true, pointer: p, constraints: { minimum: 0, exclusiveMinimum: true, maximum: 9 } }, want: { type: 'integer', exclusiveMinimum: 0, maximum: 9 } },
  { name: 'nullable plain type', given: str({ nullable: true, description: 'd' }), want: { type: ['string', 'null'], description: 'd' } },
  { name: 'nullable enum gets null among its values', given: { kind: 'enum', values: ['a', 'b'], nullable: true, pointer: p }, want: { enum: ['a', 'b', null] } },
  { name: 'open enum', given: { kind: 'enum', values: ['a'], open: true, pointer: p }, want: { anyOf: [{ enum: ['a'] }, { type: 'string' }] } },
  { name: 'literal, with a default', given: { kind: 'literal', value: 'x', default: 'x', pointer: p }, want: { const: 'x', default: 'x' } },
  { name: 'unknown and never', given: obj([{ name: 'a', schema: { kind: 'unknown', pointer: p } }, { name: 'b', schema: { kind: 'never', pointer: p } }]), want: { type: 'object', properties: { a: {}, b: { not: {} } } } },
  { name: 'binary: a base64 string', given: { kind: 'binary', pointer: p }, want: { type: 'string', contentEncoding: 'base64' } },
  {
    name: 'a named schema inlined, its readOnly property (response only) left out; the ref’s own description wins',
    given: ref(PET, { description: 'The pet to add.' }),
    want: { type: 'object', properties: { name: { type: 'string', description: 'The name.' } }, required: ['name'], description: 'The pet to add.' },
  },
  {
    name: 'nullable object: null among its types',
    given: ref(PET, { nullable: true }),
    want: { type: ['object', 'null'], properties: { name: { type: 'string', description: 'The name.' } }, required: ['name'], description: 'A pet.' },
  },
  {
    name: 'nullable union: null one more member',
    given: { kind: 'union', keyword: 'anyOf', members: [str(), { kind: 'boolean', pointer: p }], nullable: true, description: 'u', pointer: p },
    want: { anyOf: [{ type: 'string' }, { type: 'boolean' }, { type: 'null' }], description: 'u' },
  },
  {
    name: 'a recursive schema: through $defs',
    given: ref(NODE),
    want: { $ref: '#/$defs/Node' },
    defs: { Node: { type: 'object', properties: { name: { type: 'string' }, children: { type: 'array', items: { $ref: '#/$defs/Node' } } }, required: ['name'] } },
  },
  {
    name: 'a named schema used at two places: once in $defs, a $ref at each place',
    given: obj([{ name: 'a', schema: ref(PET) }, { name: 'b', schema: { kind: 'array', pointer: p, items: ref(PET) } }]),
    want: { type: 'object', properties: { a: { $ref: '#/$defs/Pet' }, b: { type: 'array', items: { $ref: '#/$defs/Pet' } } } },
    defs: { Pet: { type: 'object', properties: { name: { type: 'string', description: 'The name.' } }, required: ['name'], description: 'A pet.' } },
  },
  {
    name: 'union, intersection, map, tuple',
    given: obj([
      { name: 'u', schema: { kind: 'union', keyword: 'oneOf', members: [str(), { kind: 'boolean', pointer: p }], pointer: p } },
      { name: 'i', schema: { kind: 'intersection', members: [obj([{ name: 'a', schema: str() }]), obj([{ name: 'b', schema: str() }])], pointer: p } },
      { name: 'm', schema: obj([], { additional: { kind: 'number', integer: false, pointer: p } }) },
      { name: 't', schema: { kind: 'array', items: { kind: 'unknown', pointer: p }, prefixItems: [str()], pointer: p, constraints: { maxItems: 3 } } },
    ]),
    want: {
      type: 'object',
      properties: {
        u: { anyOf: [{ type: 'string' }, { type: 'boolean' }] },
        i: { allOf: [{ type: 'object', properties: { a: { type: 'string' } } }, { type: 'object', properties: { b: { type: 'string' } } }] },
        m: { type: 'object', properties: {}, additionalProperties: { type: 'number' } },
        t: { type: 'array', items: {}, prefixItems: [{ type: 'string' }], maxItems: 3 },
      },
    },
  },
];

describe('IR schema → JSON Schema', () => {
  for (const c of cases) {
    it(c.name, () => {
      const got = convert(c.given);
      expect(got.schema).toEqual(c.want);
      expect(got.$defs).toEqual(c.defs);
      // a schema Ajv compiles strictly (every keyword known, formats included)
      const ajv = new Ajv2020({ strict: true, strictTuples: false, validateFormats: false });
      expect(() => ajv.compile(got.$defs ? { ...got.schema, $defs: got.$defs } : got.schema)).not.toThrow();
    });
  }

  it('the recursive schema validates nested values and rejects a bad child', () => {
    const { schema, $defs } = convert(ref(NODE));
    const validate = new Ajv2020({ strict: true }).compile({ ...schema, $defs });
    expect(validate({ name: 'a', children: [{ name: 'b', children: [{ name: 'c' }] }] })).toBe(true);
    expect(validate({ name: 'a', children: [{ name: 'b', children: [{}] }] })).toBe(false);
  });
});
