/**
 * The docs' building blocks, table-driven: example values, one-line types with links,
 * table cells, fences, heading anchors (GitHub's numbering) and cross-page anchor resolution.
 */
import { describe, expect, it } from 'vitest';
import type { Schema } from '../../../src/ir/types.js';
import { anchorLink, anchorTarget, resolveAnchors } from '../../../src/plugins/docs/anchors.js';
import { exampleValue, printExample } from '../../../src/plugins/docs/examples.js';
import { Slugger, table } from '../../../src/plugins/docs/markdown.js';
import { markdownCell as cell, markdownCodeBlock as codeBlock, markdownText } from '../../../src/escape/index.js';
import { schemaModels, typeMarkdown, typeModels, typeParts, typeText } from '../../../src/plugins/docs/type-markdown.js';
import type { TypeContext } from '../../../src/view/printer.js';

const p = '#/x';
const str = (extra: Partial<Schema> = {}): Schema => ({ kind: 'string', pointer: p, ...extra }) as Schema;
const int = (extra: Partial<Schema> = {}): Schema => ({ kind: 'number', integer: true, pointer: p, ...extra }) as Schema;
const ref = (target: string, extra: Partial<Schema> = {}): Schema => ({ kind: 'ref', target, pointer: p, ...extra }) as Schema;
const obj = (props: [string, Schema, boolean][], extra: Partial<Schema> = {}): Schema =>
  ({ kind: 'object', pointer: p, properties: props.map(([name, schema, required]) => ({ name, schema, required })), ...extra }) as Schema;
const arr = (items: Schema, extra: Partial<Schema> = {}): Schema => ({ kind: 'array', items, pointer: p, ...extra }) as Schema;

const named: Record<string, [string, Schema]> = {
  '#/components/schemas/User': ['User', obj([['id', str(), true], ['email', str({ format: 'email' }), false], ['parent', ref('#/components/schemas/User'), false]])],
  '#/components/schemas/Role': ['Role', { kind: 'enum', values: ['owner', 'reader'], pointer: p }],
  '#/components/schemas/Cat': ['Cat', obj([['kind', { kind: 'literal', value: 'cat', pointer: p }, true], ['lives', int({ constraints: { maximum: 9 } }), true]])],
  '#/components/schemas/Dog': ['Dog', obj([['kind', str(), true], ['good', { kind: 'boolean', pointer: p }, true]])],
  '#/components/schemas/Wrong': ['Wrong', obj([['kind', { kind: 'literal', value: 'other', pointer: p }, true]])],
  '#/components/schemas/Node': ['Node', obj([['next', ref('#/components/schemas/Node'), true]])],
};
const ctx: TypeContext = {
  names: new Map(Object.entries(named).map(([id, [name]]) => [id, name])),
  schemas: new Map(Object.entries(named).map(([id, [, s]]) => [id, s])),
};
const disc = (members: string[], mapping: [string, string][]): Schema => ({
  kind: 'union',
  keyword: 'oneOf',
  pointer: p,
  members: members.map((m) => ref(`#/components/schemas/${m}`)),
  discriminator: { property: 'kind', mapping: mapping.map(([value, m]) => ({ value, target: `#/components/schemas/${m}` })) },
});

describe('exampleValue', () => {
  it.each<[string, Schema, string, string | undefined]>([
    ['a string from its example', str({ example: 'hello' }), 'x', "'hello'"],
    ['a string from its format', str({ format: 'date-time' }), 'x', "'2024-03-26T16:45:33Z'"],
    ['an id from its name', str(), 'user_id', "'user_abc123'"],
    ['an email from its name', str(), 'email', "'user@example.com'"],
    ['a number from its default', int({ default: 20 }), 'limit', '20'],
    ['a number within its maximum', int({ constraints: { minimum: 5, maximum: 3 } }), 'n', '3'],
    ['a timestamp from its name', int(), 'created_at', '1711471533'],
    ['an enum from its default', { kind: 'enum', values: ['a', 'b'], default: 'b', pointer: p }, 'x', "'b'"],
    ['an array with its default, items resolved', arr(ref('#/components/schemas/Role'), { default: ['reader', 'owner'] }), 'roles', "['reader', 'owner']"],
    ['an array default that does not fit is ignored', arr(ref('#/components/schemas/Role'), { default: ['admin'] }), 'roles', "['owner']"],
    ['a nullable never is null', { kind: 'never', nullable: true, pointer: p }, 'x', 'null'],
    ['never cannot be built', { kind: 'never', pointer: p }, 'x', undefined],
    ['a model: required, then optional properties (not the cycle back to itself); id named after the model', ref('#/components/schemas/User'), 'user', "{ id: 'user_abc123', email: 'user@example.com' }"],
    ['a discriminated union member gets its tag', disc(['Dog', 'Cat'], [['dog', 'Dog'], ['cat', 'Cat']]), 'pet', "{ kind: 'dog', good: true }"],
    ['a member whose literal tag contradicts the mapping is skipped', disc(['Wrong', 'Cat'], [['wrong', 'Wrong'], ['cat', 'Cat']]), 'pet', "{ kind: 'cat', lives: 1 }"],
    ['a required cycle cannot be built', ref('#/components/schemas/Node'), 'node', undefined],
    ['a map gets one entry', { kind: 'object', properties: [], additional: str(), pointer: p }, 'labels', "{ key: 'value_example' }"],
    ['__proto__ is a computed key', obj([['__proto__', str({ example: 'x' }), true]]), 'o', "{ ['__proto__']: 'x' }"],
    ['binary is a named File', { kind: 'binary', pointer: p }, 'file', "new File(['example contents'], 'file.txt')"],
    ['an optional stream flag is left out of requests', obj([['prompt', str({ example: 'hi' }), true], ['stream', { kind: 'boolean', pointer: p }, false]]), 'body', "{ prompt: 'hi' }"],
    ['allOf objects merge', { kind: 'intersection', pointer: p, members: [obj([['a', int(), true]]), obj([['b', int(), true]])] }, 'x', '{ a: 1, b: 1 }'],
  ])('%s', (_, schema, hint, want) => {
    const v = exampleValue(schema, ctx, hint, 'request');
    expect(v && printExample(v, '', 200)).toBe(want);
  });

  it('breaks long objects over lines at the given width', () => {
    const v = exampleValue(ref('#/components/schemas/User'), ctx, 'user', 'request')!;
    expect(printExample(v, '', 40)).toBe("{\n  id: 'user_abc123',\n  email: 'user@example.com',\n}");
  });

  it('stays small on a wide, deep schema (a budget, not exponential growth)', () => {
    let s: Schema = obj(Array.from({ length: 10 }, (_, i) => [`leaf${i}`, str(), true]));
    for (let d = 0; d < 5; d++) s = obj(Array.from({ length: 10 }, (_, i) => [`p${i}`, s, true]));
    const v = exampleValue(s, ctx, 'x', 'response');
    expect(v === undefined || printExample(v).length < 200_000).toBe(true);
  });
});

describe('typeParts / typeMarkdown', () => {
  it.each<[string, Schema, string, string]>([
    ['a model array, nullable', arr(ref('#/components/schemas/User'), { nullable: true }), 'User[] | null', '[`User`](m/User.md)`[] | null`'],
    // as the package writes it (one printer): a string beside a string enum is the open `(string & {})`
    ['a union with a pipe', { kind: 'union', keyword: 'anyOf', pointer: p, members: [str(), ref('#/components/schemas/Role')] }, '(string & {}) | Role', '`(string & {}) | `[`Role`](m/Role.md)'],
    ['an inline object', obj([['a b', int(), true], ['c', str(), false]]), "{ 'a b': number; c?: string }", "`{ 'a b': number; c?: string }`"],
    ['a discriminated member without its literal tag', disc(['Dog'], [['dog', 'Dog']]), "(Dog & { kind: 'dog' })", "`(`[`Dog`](m/Dog.md)` & { kind: 'dog' })`"],
  ])('%s', (_, schema, text, markdown) => {
    const parts = typeParts(schema, ctx);
    expect(typeText(parts)).toBe(text);
    expect(typeMarkdown(parts, (m) => `m/${m}.md`)).toBe(markdown);
    expect(schemaModels(schema, ctx)).toEqual(typeModels(parts));
  });

  it.each<[string, Schema, string, string[]]>([
    ['arrays of plain names end in [], others are Array<…>', arr(arr(int())), 'Array<number[]>', []],
    ['an array of a model', arr(ref('#/components/schemas/User')), 'User[]', ['User']],
    ['arrays of anything else are Array<…>', arr(arr(str(), { nullable: true })), 'Array<string[] | null>', []],
    ['a tuple with a rest', { kind: 'array', pointer: p, prefixItems: [str(), ref('#/components/schemas/Role')], items: ref('#/components/schemas/User') }, '[string, Role, ...User[]]', ['Role', 'User']],
    ['an empty tuple with a rest', { kind: 'array', pointer: p, prefixItems: [], items: int() }, '[...number[]]', []],
    ['a map of models', { kind: 'object', properties: [], additional: ref('#/components/schemas/User'), pointer: p }, 'Record<string, User>', ['User']],
    ['an object with extra members', obj([['a', ref('#/components/schemas/Cat'), true]], { additional: ref('#/components/schemas/Dog') }), '{ a: Cat; [key: string]: Dog | Cat }', ['Cat', 'Dog']], // the index signature admits the properties' types, as in the package
    ['a nullable intersection', { kind: 'intersection', pointer: p, nullable: true, members: [ref('#/components/schemas/Cat'), { kind: 'enum', values: ['a'], pointer: p }] }, "(Cat & ('a')) | null", ['Cat']],
    ['an open enum', { kind: 'enum', values: ['a', 1], open: true, pointer: p }, "'a' | 1 | (string & {})", []],
    ['models named once each, in order', { kind: 'union', keyword: 'oneOf', pointer: p, members: [ref('#/components/schemas/Dog'), arr(ref('#/components/schemas/Cat')), ref('#/components/schemas/Dog')] }, 'Dog | Cat[] | Dog', ['Dog', 'Cat']],
  ])('%s', (_, schema, text, models) => {
    const parts = typeParts(schema, ctx);
    expect(typeText(parts)).toBe(text);
    expect(typeModels(parts)).toEqual(models);
    expect(schemaModels(schema, ctx)).toEqual(models);
    expect(typeParts(schema, ctx)).toBe(parts);
  });
});

describe('Markdown blocks', () => {
  it.each<[string, string, string]>([
    ['pipes in code spans are escaped', '`a | b` or c', '`a \\| b` or c'],
    ['line breaks become spaces', 'a\nb', 'a b'],
  ])('cell: %s', (_, given, want) => expect(cell(given)).toBe(want));

  it('table joins cells as given, blank ones as a space', () => {
    expect(table(['A', 'B'], [['1', '']])).toBe('| A | B |\n| --- | --- |\n| 1 |   |');
  });

  it('codeBlock fences longer than any backtick run inside', () => {
    expect(codeBlock('ts', 'a ``` b')).toBe('````ts\na ``` b\n````');
  });

  it.each<[string, string, string]>([
    ['closes a fence the text leaves open', 'text\n\n```\ncode', 'text\n\n```\ncode\n```'],
    ['leaves a closed fence alone', '```\ncode\n```', '```\ncode\n```'],
    ['makes HTML inert', 'a <script>x</script>', 'a &lt;script&gt;x&lt;/script&gt;'],
  ])('markdownText %s', (_, given, want) => expect(markdownText(given)).toBe(want));
});

describe('Slugger (GitHub heading anchors)', () => {
  it.each<[string, string[], string[]]>([
    ['lower case, punctuation dropped, spaces to dashes', ['listUsers', 'Retries and timeouts', 'A.b (c)!'], ['listusers', 'retries-and-timeouts', 'ab-c']],
    ['repeats numbered in order', ['Example', 'Example', 'Example'], ['example', 'example-1', 'example-2']],
    ['a heading that looks like a numbered repeat', ['a', 'a-1', 'a'], ['a', 'a-1', 'a-2']],
    ['non-ASCII letters kept', ['Größe', 'ユーザー'], ['größe', 'ユーザー']],
  ])('%s', (_, headings, want) => {
    const s = new Slugger();
    expect(headings.map((h) => s.slug(h))).toEqual(want);
  });
});

describe('resolveAnchors', () => {
  it('links headings across pages, numbering repeats including headings from spec text', () => {
    const files = new Map([
      ['README.md', `# pkg\n\n## Errors\n\nspec text\n\n## Errors${anchorTarget('readme:errors')}\n\n[ops](${anchorLink('docs/A.md', 'op:GET /a', 'docs/A.md')})\n`],
      ['docs/A.md', `# A\n\n\`\`\`\n# not a heading\n\`\`\`\n\n## getA${anchorTarget('op:GET /a')}\n\n[errors](${anchorLink('README.md', 'readme:errors', '../README.md')}) [missing](${anchorLink('README.md', 'nope', '../README.md')})\n`],
    ]);
    const missing = resolveAnchors(files);
    expect(files.get('README.md')).toBe('# pkg\n\n## Errors\n\nspec text\n\n## Errors\n\n[ops](docs/A.md#geta)\n');
    expect(files.get('docs/A.md')).toContain('[errors](../README.md#errors-1) [missing](../README.md)');
    expect(missing).toEqual(['docs/A.md → README.md#nope']);
  });
});

describe('resolveAnchors with setext headings in spec text', () => {
  it('counts a paragraph underlined with --- as a heading, a --- after a blank line as a rule', () => {
    const files = new Map([
      [
        'docs/A.md',
        `# A\n\nExample\n---\n\ntext\n\n---\n\n## Example${anchorTarget('x')}\n\n[x](${anchorLink('docs/A.md', 'x', '')})\n`,
      ],
    ]);
    resolveAnchors(files);
    expect(files.get('docs/A.md')).toContain('[x](#example-1)');
  });
});
