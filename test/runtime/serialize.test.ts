import { describe, expect, it } from 'vitest';
import { serializeParam } from '../../templates/runtime/serialize.js';
import type { ParamLocation, ParamStyle, StyledParamSpec } from '../../templates/runtime/types.js';

// The OpenAPI 3.1.1 "Style Examples" table (#style-examples), row by row. Values:
//   string -> "blue", array -> ["blue", "black", "brown"], object -> { "R": 100, "G": 200, "B": 150 }
// The first column ("undefined" in 3.1.1, "empty" before) is the empty string.
// For query styles the table prefixes `?`; serializeParam returns the part after it.
// `null` marks the combinations the table leaves n/a (undefined behaviour): not asserted.
const string = 'blue';
const array = ['blue', 'black', 'brown'];
const object = { R: 100, G: 200, B: 150 };
type Row = [ParamStyle, boolean, ParamLocation, string | null, string | null, string | null, string | null];
const table: Row[] = [
  ['matrix', false, 'path', ';color', ';color=blue', ';color=blue,black,brown', ';color=R,100,G,200,B,150'],
  ['matrix', true, 'path', ';color', ';color=blue', ';color=blue;color=black;color=brown', ';R=100;G=200;B=150'],
  ['label', false, 'path', '.', '.blue', '.blue,black,brown', '.R,100,G,200,B,150'],
  ['label', true, 'path', '.', '.blue', '.blue.black.brown', '.R=100.G=200.B=150'],
  ['simple', false, 'path', '', 'blue', 'blue,black,brown', 'R,100,G,200,B,150'],
  ['simple', true, 'path', '', 'blue', 'blue,black,brown', 'R=100,G=200,B=150'],
  ['form', false, 'query', 'color=', 'color=blue', 'color=blue,black,brown', 'color=R,100,G,200,B,150'],
  ['form', true, 'query', 'color=', 'color=blue', 'color=blue&color=black&color=brown', 'R=100&G=200&B=150'],
  ['spaceDelimited', false, 'query', null, null, 'color=blue%20black%20brown', 'color=R%20100%20G%20200%20B%20150'],
  ['pipeDelimited', false, 'query', null, null, 'color=blue%7Cblack%7Cbrown', 'color=R%7C100%7CG%7C200%7CB%7C150'],
  ['deepObject', true, 'query', null, null, null, 'color%5BR%5D=100&color%5BG%5D=200&color%5BB%5D=150'],
];

describe('serializeParam: OpenAPI style examples table', () => {
  for (const [style, explode, where, empty, str, arr, obj] of table) {
    const spec: StyledParamSpec = { name: 'color', in: where, style, explode };
    const cases: [string, unknown, string | null][] = [
      ['empty', '', empty],
      ['string', string, str],
      ['array', array, arr],
      ['object', object, obj],
    ];
    for (const [column, value, want] of cases) {
      if (want === null) continue;
      it(`${style} explode=${explode} ${column} → ${JSON.stringify(want)}`, () => {
        expect(serializeParam(spec, value)).toBe(want);
      });
    }
  }
});

describe('serializeParam: defaults, locations and encoding', () => {
  const cases: { name: string; spec: StyledParamSpec; value: unknown; want: string | undefined }[] = [
    // OpenAPI defaults: query and cookie form + explode; path and header simple, no explode
    { name: 'query default explodes arrays', spec: { name: 'id', in: 'query' }, value: [1, 2], want: 'id=1&id=2' },
    { name: 'query default explodes objects', spec: { name: 'f', in: 'query' }, value: { a: 1, b: 'x y' }, want: 'a=1&b=x%20y' },
    { name: 'path default is simple', spec: { name: 'id', in: 'path' }, value: [1, 2], want: '1,2' },
    { name: 'header default is simple', spec: { name: 'X-Ids', in: 'header' }, value: [1, 2], want: '1,2' },
    { name: 'header object explode', spec: { name: 'X-O', in: 'header', explode: true }, value: { a: 1, b: 2 }, want: 'a=1,b=2' },
    { name: 'header values are not percent-encoded', spec: { name: 'X-Q', in: 'header' }, value: 'a b/c?', want: 'a b/c?' },
    { name: 'cookie form', spec: { name: 'c', in: 'cookie' }, value: 'v 1', want: 'c=v%201' },
    { name: 'cookie exploded array', spec: { name: 'c', in: 'cookie' }, value: ['a', 'b'], want: 'c=a; c=b' },
    { name: 'cookie unexploded array', spec: { name: 'c', in: 'cookie', explode: false }, value: ['a', 'b'], want: 'c=a,b' },
    // absent values
    { name: 'undefined', spec: { name: 'q', in: 'query' }, value: undefined, want: undefined },
    { name: 'null', spec: { name: 'q', in: 'query' }, value: null, want: undefined },
    { name: 'empty array', spec: { name: 'q', in: 'query' }, value: [], want: undefined },
    { name: 'empty object', spec: { name: 'q', in: 'query' }, value: {}, want: undefined },
    { name: 'null members are skipped', spec: { name: 'q', in: 'query' }, value: [null, 'a'], want: 'q=a' },
    // value conversion
    { name: 'Date as ISO', spec: { name: 'since', in: 'query' }, value: new Date(Date.UTC(2024, 0, 2, 3, 4, 5)), want: 'since=2024-01-02T03%3A04%3A05.000Z' },
    { name: 'Date in a path', spec: { name: 'd', in: 'path' }, value: new Date(0), want: '1970-01-01T00%3A00%3A00.000Z' },
    { name: 'booleans and numbers', spec: { name: 'q', in: 'query', explode: false }, value: [true, 0, 1.5], want: 'q=true,0,1.5' },
    { name: 'json parameter', spec: { name: 'filter', in: 'query', json: true }, value: { a: [1] }, want: 'filter=%7B%22a%22%3A%5B1%5D%7D' },
    { name: 'nested values in form become JSON', spec: { name: 'q', in: 'query' }, value: { a: { b: 1 } }, want: 'a=%7B%22b%22%3A1%7D' },
    // encoding: delimiters inside values are encoded; the style's delimiters are not
    { name: 'commas in values', spec: { name: 'q', in: 'query', explode: false }, value: ['a,b', 'c'], want: 'q=a%2Cb,c' },
    { name: 'query key and value', spec: { name: 'a&b=c', in: 'query' }, value: 'x&y=z#f?', want: 'a%26b%3Dc=x%26y%3Dz%23f%3F' },
    { name: 'path separators', spec: { name: 'id', in: 'path' }, value: '../a/b?c#d', want: '..%2Fa%2Fb%3Fc%23d' },
    { name: 'unicode', spec: { name: 'q', in: 'query' }, value: 'é❤', want: 'q=%C3%A9%E2%9D%A4' },
    { name: 'pipe inside pipeDelimited value', spec: { name: 'q', in: 'query', style: 'pipeDelimited', explode: false }, value: ['a|b', 'c'], want: 'q=a%7Cb%7Cc' },
    { name: 'deepObject nesting', spec: { name: 'f', in: 'query', style: 'deepObject', explode: true }, value: { a: { b: 1 }, c: [1, 2] }, want: 'f%5Ba%5D%5Bb%5D=1&f%5Bc%5D=1&f%5Bc%5D=2' },
    // allowReserved: reserved characters and %XX triples pass, `#&=+` stay encoded, spaces are encoded
    { name: 'allowReserved', spec: { name: 'p', in: 'query', allowReserved: true }, value: 'a/b:c?d@e,f%2B g#&=+', want: 'p=a/b:c?d@e,f%2B%20g%23%26%3D%2B' },
    { name: 'allowReserved is query-only', spec: { name: 'p', in: 'path', allowReserved: true }, value: 'a/b', want: 'a%2Fb' },
  ];
  for (const { name, spec, value, want } of cases) {
    it(name, () => expect(serializeParam(spec, value)).toBe(want));
  }
});
