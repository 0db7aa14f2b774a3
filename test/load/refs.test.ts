import { describe, expect, it } from 'vitest';
import { externalRefs, mayHaveExternalRefs } from '../../src/load/refs.js';

describe('mayHaveExternalRefs: the cheap look at the text', () => {
  const cases: Array<{ name: string; given: string; want: boolean }> = [
    { name: 'no $ref at all', given: '{"openapi":"3.0.3"}', want: false },
    { name: 'JSON internal ref', given: '{"schema":{"$ref":"#/components/schemas/A"}}', want: false },
    { name: 'JSON internal ref, blanks around the colon', given: '{"$ref" \n : \n "#/a"}', want: false },
    { name: 'JSON external ref', given: '{"schema":{"$ref":"a.json"}}', want: true },
    { name: 'JSON external ref, newline before the colon', given: '{"$ref"\n:"a.json"}', want: true },
    { name: 'a path ending in /$ref is not a key named $ref', given: '{"paths":{"/users/{id}/$ref":{"get":{}}}}', want: false },
    { name: 'a path with /$ref in the middle', given: '{"/a/$ref/b":{"$ref":"#/x"}}', want: false },
    { name: 'escaped quotes inside a description', given: '{"description":"write \\"$ref\\": \\"other.json\\""}', want: false },
    { name: '$refs is another key', given: '$refs: other.yaml\n', want: false },
    { name: 'YAML internal, single quotes', given: "schema:\n  $ref: '#/components/schemas/A'\n", want: false },
    { name: 'YAML internal, double quotes', given: 'schema:\n  $ref: "#/components/schemas/A"\n', want: false },
    { name: 'YAML external, plain', given: 'schema:\n  $ref: ./a.yaml\n', want: true },
    { name: 'YAML external, quoted key', given: "schema:\n  '$ref': a.yaml\n", want: true },
    { name: 'YAML external, sequence item', given: 'allOf:\n- $ref: a.yaml\n', want: true },
    { name: 'YAML external, flow mapping', given: 'allOf: [{$ref: a.yaml}]\n', want: true },
    { name: 'YAML external, after a comma in flow', given: 'x: {a: 1,$ref: a.yaml}\n', want: true },
    { name: 'YAML external, value on the next line', given: 'schema:\n  $ref:\n    a.yaml\n', want: true },
    { name: 'YAML external at the very start', given: '$ref: a.yaml\n', want: true },
    { name: 'YAML: an unquoted # starts a comment, so look closer', given: 'schema:\n  $ref: #/a\n', want: true },
    { name: 'YAML: a tagged value', given: 'schema:\n  $ref: !!str a.yaml\n', want: true },
    { name: 'a $ref in prose with no colon', given: 'description: use $ref here\n', want: false },
  ];
  it.each(cases)('$name', ({ given, want }) => {
    expect(mayHaveExternalRefs(given)).toBe(want);
  });
});

describe('externalRefs: the walk over the parsed document', () => {
  const cases: Array<{ name: string; given: unknown; want: string[] }> = [
    { name: 'internal refs only', given: { a: { $ref: '#/x' }, b: [{ $ref: '#/y' }] }, want: [] },
    { name: 'an external ref in an array', given: { a: [{ $ref: 'b.yaml' }] }, want: ['b.yaml'] },
    { name: 'examples and extensions are data', given: { example: { $ref: 'b.yaml' }, 'x-a': { $ref: 'c.yaml' } }, want: [] },
  ];
  it.each(cases)('$name', ({ given, want }) => {
    expect(externalRefs(given)).toEqual(want);
  });
});
