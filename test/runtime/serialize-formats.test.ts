import { describe, expect, it } from 'vitest';
import { flatten, serializeParam } from '../../templates/runtime/serialize.js';
import type { StyledParamSpec } from '../../templates/runtime/types.js';

// Issue 13: `arrays` and `objects` on a parameter override what its style says for that shape;
// deepObject nests to any depth with its arrays per `arrays`. Brackets are percent-encoded in
// queries (`%5B`, `%5D`), as OpenAI's official client sends them (its qs, brackets format).
const q = (name: string, extra: Partial<StyledParamSpec> = {}): StyledParamSpec => ({ name, in: 'query', ...extra });
const B = (s: string) => s.replaceAll('[', '%5B').replaceAll(']', '%5D');

describe('serializeParam: arrays', () => {
  const cases: { name: string; spec: StyledParamSpec; value: unknown; want: string | undefined }[] = [
    { name: 'repeat', spec: q('a', { arrays: 'repeat' }), value: [1, 2], want: 'a=1&a=2' },
    { name: 'brackets', spec: q('include', { arrays: 'brackets' }), value: ['x', 'y z'], want: B('include[]=x&include[]=y%20z') },
    { name: 'indexed', spec: q('expand', { arrays: 'indexed' }), value: ['tax', 'sources'], want: B('expand[0]=tax&expand[1]=sources') },
    { name: 'comma', spec: q('ids', { arrays: 'comma' }), value: ['a,b', 'c'], want: 'ids=a%2Cb,c' },
    { name: 'arrays override an unexploded form style', spec: q('a', { explode: false, arrays: 'brackets' }), value: [1], want: B('a[]=1') },
    { name: 'arrays override pipeDelimited', spec: q('a', { style: 'pipeDelimited', explode: false, arrays: 'repeat' }), value: [1, 2], want: 'a=1&a=2' },
    { name: 'a scalar is untouched', spec: q('a', { arrays: 'brackets' }), value: 'x', want: 'a=x' },
    { name: 'an object is untouched by arrays', spec: q('a', { arrays: 'brackets' }), value: { k: 'v' }, want: 'k=v' },
    { name: 'null items are left out, indexes kept', spec: q('a', { arrays: 'indexed' }), value: ['x', null, 'z'], want: B('a[0]=x&a[2]=z') },
    { name: 'an empty array is absent', spec: q('a', { arrays: 'brackets' }), value: [], want: undefined },
    { name: 'an array of nulls is absent (comma)', spec: q('a', { arrays: 'comma' }), value: [null], want: undefined },
    { name: 'objects in indexed arrays nest', spec: q('items', { arrays: 'indexed' }), value: [{ price: 'p1', qty: 2 }], want: B('items[0][price]=p1&items[0][qty]=2') },
    { name: 'dates as ISO', spec: q('at', { arrays: 'brackets' }), value: [new Date(0)], want: B('at[]=1970-01-01T00%3A00%3A00.000Z') },
    { name: 'cookies join with "; "', spec: { name: 'c', in: 'cookie', arrays: 'indexed' }, value: ['a', 'b'], want: B('c[0]=a; c[1]=b') },
    { name: 'path ignores arrays (simple)', spec: { name: 'id', in: 'path', arrays: 'brackets' }, value: [1, 2], want: '1,2' },
    { name: 'header ignores arrays (simple)', spec: { name: 'X-Ids', in: 'header', arrays: 'indexed' }, value: [1, 2], want: '1,2' },
  ];
  for (const { name, spec, value, want } of cases) it(name, () => expect(serializeParam(spec, value)).toBe(want));
});

describe('serializeParam: objects', () => {
  const metadata = { key1: 'v', 'a b': 'x&y' };
  const cases: { name: string; spec: StyledParamSpec; value: unknown; want: string | undefined }[] = [
    { name: 'deepObject on a form parameter (OpenAI metadata)', spec: q('metadata', { objects: 'deepObject' }), value: metadata, want: B('metadata[key1]=v&metadata[a%20b]=x%26y') },
    { name: 'form: members exploded, the name lost', spec: q('f', { style: 'deepObject', objects: 'form' }), value: { a: 1, b: 2 }, want: 'a=1&b=2' },
    { name: 'form overrides explode: false', spec: q('f', { explode: false, objects: 'form' }), value: { a: 1 }, want: 'a=1' },
    { name: 'json', spec: q('filter', { objects: 'json' }), value: { a: [1] }, want: 'filter=%7B%22a%22%3A%5B1%5D%7D' },
    { name: 'json overrides deepObject', spec: q('filter', { style: 'deepObject', explode: true, objects: 'json' }), value: { a: 1 }, want: 'filter=%7B%22a%22%3A1%7D' },
    { name: 'json in a path', spec: { name: 'p', in: 'path', objects: 'json' }, value: { a: 1 }, want: '%7B%22a%22%3A1%7D' },
    { name: 'json in a header (not percent-encoded)', spec: { name: 'X-F', in: 'header', objects: 'json' }, value: { a: 'b c' }, want: '{"a":"b c"}' },
    { name: 'deepObject ignored in a path', spec: { name: 'p', in: 'path', objects: 'deepObject' }, value: { a: 1 }, want: 'a,1' },
    { name: 'arrays untouched by objects', spec: q('a', { objects: 'deepObject' }), value: [1, 2], want: 'a=1&a=2' },
    { name: 'an empty object is absent', spec: q('m', { objects: 'deepObject' }), value: {}, want: undefined },
    { name: 'null members are left out', spec: q('m', { objects: 'deepObject' }), value: { a: null, b: undefined, c: 1 }, want: B('m[c]=1') },
    { name: 'empty strings are kept', spec: q('m', { objects: 'deepObject' }), value: { a: '' }, want: B('m[a]=') },
    { name: 'nested json inside deepObject', spec: q('m', { objects: 'deepObject' }), value: { a: { b: 1 } }, want: B('m[a][b]=1') },
  ];
  for (const { name, spec, value, want } of cases) it(name, () => expect(serializeParam(spec, value)).toBe(want));
});

describe('serializeParam: deepObject to any depth, arrays per `arrays`', () => {
  const value = { a: { b: { c: 'v' } }, items: [{ price: 'p', tags: ['x', 'y'] }], n: 1 };
  const deep = (arrays?: StyledParamSpec['arrays']): StyledParamSpec => q('o', { style: 'deepObject', explode: true, ...(arrays && { arrays }) });
  const cases: [StyledParamSpec['arrays'] | undefined, string][] = [
    [undefined, 'o[a][b][c]=v&o[items][price]=p&o[items][tags]=x&o[items][tags]=y&o[n]=1'],
    ['repeat', 'o[a][b][c]=v&o[items][price]=p&o[items][tags]=x&o[items][tags]=y&o[n]=1'],
    ['brackets', 'o[a][b][c]=v&o[items][][price]=p&o[items][][tags][]=x&o[items][][tags][]=y&o[n]=1'],
    ['indexed', 'o[a][b][c]=v&o[items][0][price]=p&o[items][0][tags][0]=x&o[items][0][tags][1]=y&o[n]=1'],
    // an object inside a comma-joined array is JSON text (its commas encoded, the delimiter's not)
    ['comma', 'o[a][b][c]=v&o[items]=%7B%22price%22%3A%22p%22%2C%22tags%22%3A%5B%22x%22%2C%22y%22%5D%7D&o[n]=1'],
  ];
  for (const [arrays, want] of cases) {
    it(`arrays ${arrays ?? '(default)'}`, () => expect(serializeParam(deep(arrays), value)).toBe(B(want)));
  }
  it('a top-level array in deepObject follows `arrays` (Stripe expand[0])', () => {
    expect(serializeParam(deep('indexed'), ['tax'])).toBe(B('o[0]=tax'));
    expect(serializeParam(deep(), ['tax', 'x'])).toBe('o=tax&o=x');
  });
  it('key names inside brackets are encoded', () => {
    expect(serializeParam(deep(), { 'a]&[b': 'c' })).toBe('o%5Ba%5D%26%5Bb%5D=c');
  });
  it('allowReserved keeps reserved characters in values, brackets still encoded', () => {
    expect(serializeParam({ ...deep(), allowReserved: true }, { k: 'a/b?c' })).toBe('o%5Bk%5D=a/b?c');
  });
});

describe('flatten', () => {
  it('gives unencoded keys and raw leaves; comma keeps the items for the caller to join', () => {
    expect(flatten('o', { a: [1, { b: 2 }], d: new Date(0) }, 'indexed')).toEqual([
      ['o[a][0]', 1],
      ['o[a][1][b]', 2],
      ['o[d]', new Date(0)],
    ]);
    expect(flatten('o', { a: [1, null, 2] }, 'comma')).toEqual([['o[a]', [1, 2]]]);
    expect(flatten('o', { a: { b: 1 } }, 'repeat', 'json')).toEqual([['o', { a: { b: 1 } }]]);
  });
  it('stops at leaves the caller names (files)', () => {
    const blob = new Blob(['x']);
    expect(flatten('f', { file: blob, n: 1 }, 'repeat', 'deepObject', (v) => v instanceof Blob)).toEqual([
      ['f[file]', blob],
      ['f[n]', 1],
    ]);
  });
});
