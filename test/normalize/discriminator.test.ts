/**
 * Discriminators without a mapping (issue 13, point 6): a member whose discriminator property
 * is already a literal or an enum keeps it; the schema-name tag applies only to members
 * without one. Table tests on the shapes real specs use (OpenAI's `InputItem`, `Tool`,
 * `CompoundFilter.filters`; the OpenAPI spec's own `Pet` example), through the pass and the
 * printed type.
 */
import { describe, expect, it } from 'vitest';
import type { Schema } from '../../src/ir/types.js';
import { discriminatedUnions, ownTags } from '../../src/normalize/discriminator.js';
import { printTypeText } from '../../src/view/printer.js';

const typeExpr = (s: Parameters<typeof printTypeText>[0], ctx: Parameters<typeof printTypeText>[1]) => printTypeText(s, ctx, 'block');
import { obj as objectOf, p as pointer, ref as refTo, str as string } from './helpers.js';

const p = '#';
const id = (name: string) => `#/components/schemas/${name}`;
const ref = (name: string): Schema => ({ kind: 'ref', target: id(name), pointer: p });
const str: Schema = { kind: 'string', pointer: p };
const nul: Schema = { kind: 'null', pointer: p };
const lit = (value: string): Schema => ({ kind: 'literal', value, pointer: p });
const enm = (...values: string[]): Schema => ({ kind: 'enum', values, pointer: p });
const obj = (props: Record<string, Schema>): Schema => ({
  kind: 'object',
  properties: Object.keys(props)
    .sort()
    .map((name) => ({ name, required: true, schema: props[name] })),
  pointer: p,
});
const oneOf = (...members: Schema[]): Schema => ({ kind: 'union', keyword: 'oneOf', members, pointer: p });

/** Named schemas in the shapes of the specs, before normalization (as the pass sees them). */
const named = new Map<string, Schema>([
  // OpenAI: `type: {type: string, enum: [function_call_output]}` (a one-value enum)
  [id('FunctionCallOutputItemParam'), obj({ type: enm('function_call_output'), output: str })],
  [id('FunctionToolCall'), obj({ type: enm('function_call'), name: str })],
  // OpenAI: `Item` is itself a oneOf of items, each with its literal `type`
  [id('Item'), oneOf(ref('FunctionCallOutputItemParam'), ref('FunctionToolCall'))],
  // OpenAI: `ItemReferenceParam.type` is `anyOf: [{enum: [item_reference]}, {type: 'null'}]`
  [id('ItemReferenceParam'), obj({ type: oneOf(enm('item_reference'), nul), id: str })],
  // OpenAI: `WebSearchTool.type` is an enum of two values
  [id('WebSearchTool'), obj({ type: enm('web_search', 'web_search_2025_08_26') })],
  // `const`
  [id('EasyInputMessage'), obj({ type: lit('message'), role: str })],
  // the OpenAPI spec's own example: `petType: string` — the schema name is the tag
  [id('Cat'), obj({ petType: str, name: str })],
  [id('Dog'), obj({ petType: str, bark: str })],
  // an open enum (`anyOf: [string, enum]`) is no tag either
  [id('OpenTagged'), obj({ type: { kind: 'union', keyword: 'anyOf', members: [str, enm('x')], pointer: p } })],
  // allOf: the tag comes from a member
  [id('Wrapped'), { kind: 'intersection', members: [ref('EasyInputMessage'), obj({ extra: str })], pointer: p }],
  // a union with a member that has no tag declares none
  [id('Mixed'), oneOf(ref('FunctionToolCall'), ref('Cat'))],
]);

describe('ownTags: what a member declares for the discriminator property', () => {
  const cases: [name: string, member: string, property: string, want: string[]][] = [
    ['a one-value enum', 'FunctionCallOutputItemParam', 'type', ['function_call_output']],
    ['a const', 'EasyInputMessage', 'type', ['message']],
    ['a nullable one-value enum (anyOf [enum, null])', 'ItemReferenceParam', 'type', ['item_reference']],
    ['an enum of several values', 'WebSearchTool', 'type', ['web_search', 'web_search_2025_08_26']],
    ['a union whose members each declare one', 'Item', 'type', ['function_call_output', 'function_call']],
    ['allOf with a tagged member', 'Wrapped', 'type', ['message']],
    ['a plain string: none', 'Cat', 'petType', []],
    ['an open enum: none', 'OpenTagged', 'type', []],
    ['a missing property: none', 'Cat', 'type', []],
    ['a union with an untagged member: none', 'Mixed', 'type', []],
  ];
  it.each(cases)('%s', (_, member, property, want) => {
    expect(ownTags(named.get(id(member)), property, named)).toEqual(want);
  });
});

describe('the implicit mapping, and the printed union', () => {
  const names = new Map([...named.keys()].map((k) => [k, k.slice(k.lastIndexOf('/') + 1)]));
  const cases: [name: string, members: string[], property: string, mapping: [string, string][], printed: string][] = [
    [
      "OpenAI's InputItem: members that carry their tag keep their types",
      ['EasyInputMessage', 'Item', 'ItemReferenceParam'],
      'type',
      [
        ['function_call', 'Item'],
        ['function_call_output', 'Item'],
        ['item_reference', 'ItemReferenceParam'],
        ['message', 'EasyInputMessage'],
      ],
      'EasyInputMessage | Item | ItemReferenceParam',
    ],
    [
      "OpenAI's Tool: an enum of several values is a tag",
      ['WebSearchTool', 'FunctionToolCall'],
      'type',
      [
        ['function_call', 'FunctionToolCall'],
        ['web_search', 'WebSearchTool'],
        ['web_search_2025_08_26', 'WebSearchTool'],
      ],
      'WebSearchTool | FunctionToolCall',
    ],
    [
      'the OpenAPI Pet example: plain strings get the schema name',
      ['Cat', 'Dog'],
      'petType',
      [
        ['Cat', 'Cat'],
        ['Dog', 'Dog'],
      ],
      "(Cat & { petType: 'Cat' }) | (Dog & { petType: 'Dog' })",
    ],
    [
      'mixed: only the member without a tag gets the schema name',
      ['EasyInputMessage', 'OpenTagged'],
      'type',
      [
        ['OpenTagged', 'OpenTagged'],
        ['message', 'EasyInputMessage'],
      ],
      "EasyInputMessage | (OpenTagged & { type: 'OpenTagged' })",
    ],
  ];
  it.each(cases)('%s', (_, members, property, mapping, printed) => {
    const union: Schema = { ...(oneOf(...members.map(ref)) as Extract<Schema, { kind: 'union' }>), discriminator: { property, mapping: [] } };
    const out = discriminatedUnions(named)(union);
    if (out.kind !== 'union') throw new Error('not a union');
    expect(out.discriminator!.mapping.map((m) => [m.value, m.target.slice(m.target.lastIndexOf('/') + 1)])).toEqual(mapping);
    expect(typeExpr(out, { names, schemas: named })).toBe(printed);
  });

  it('an explicit mapping that disagrees with the declared tag still narrows', () => {
    const union: Schema = {
      ...(oneOf(ref('WebSearchTool')) as Extract<Schema, { kind: 'union' }>),
      discriminator: { property: 'type', mapping: [{ value: 'web_search', target: id('WebSearchTool') }] },
    };
    expect(typeExpr(discriminatedUnions(named)(union), { names, schemas: named })).toBe("(WebSearchTool & { type: 'web_search' })");
  });
});

describe('discriminated unions', () => {
  it('completes the implicit mapping from member names', () => {
    const s: Schema = {
      kind: 'union',
      keyword: 'oneOf',
      members: [refTo('Cat'), refTo('Dog')],
      discriminator: { property: 'type', mapping: [{ value: 'dog', target: '#/components/schemas/Dog' }] },
      pointer,
    };
    const out = discriminatedUnions(new Map())(s);
    expect(out.kind === 'union' && out.discriminator?.mapping).toEqual([
      { value: 'Cat', target: '#/components/schemas/Cat' },
      { value: 'dog', target: '#/components/schemas/Dog' },
    ]);
  });
  it('tags a member that declares its own single tag value with that value', () => {
    const named = new Map<string, Schema>([
      ['#/components/schemas/DeveloperMessage', objectOf({ role: { kind: 'enum', values: ['developer'], pointer: pointer }, content: string }, ['role'])],
      ['#/components/schemas/ToolMessage', { kind: 'intersection', members: [objectOf({ role: { kind: 'literal', value: 'tool', pointer: pointer } })], pointer: pointer }],
    ]);
    const s: Schema = {
      kind: 'union',
      keyword: 'oneOf',
      members: [refTo('DeveloperMessage'), refTo('ToolMessage')],
      discriminator: { property: 'role', mapping: [] },
      pointer,
    };
    const out = discriminatedUnions(named)(s);
    expect(out.kind === 'union' && out.discriminator?.mapping).toEqual([
      { value: 'developer', target: '#/components/schemas/DeveloperMessage' },
      { value: 'tool', target: '#/components/schemas/ToolMessage' },
    ]);
  });
});
