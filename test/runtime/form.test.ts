import { describe, expect, it } from 'vitest';
import { formBody } from '../../templates/runtime/form.js';
import type { BodySpec, EncodingSpec } from '../../templates/runtime/types.js';

// `application/x-www-form-urlencoded` bodies: each property by its Encoding Object, else the
// body's `arrays`/`objects`, else OpenAPI's default (form, explode). Keys and values are
// percent-encoded as Stripe's official client does: brackets raw, `!'()*` and spaces encoded.
const spec = (extra: Partial<BodySpec> = {}): BodySpec =>
  ({ kind: 'form', mediaType: 'application/x-www-form-urlencoded', encode: formBody, ...extra }) as BodySpec;
const deep: EncodingSpec = { style: 'deepObject', explode: true };

describe('formBody', () => {
  const cases: { name: string; body?: BodySpec; value: unknown; want: string }[] = [
    // OpenAPI's default: form + explode
    { name: 'scalars', value: { a: 1, b: 'x y&z', c: true }, want: 'a=1&b=x%20y%26z&c=true' },
    { name: 'arrays repeat by default', value: { tags: ['p', 'q'] }, want: 'tags=p&tags=q' },
    { name: 'objects explode their members by default', value: { address: { city: 'Paris', zip: '75001' } }, want: 'city=Paris&zip=75001' },
    { name: 'dates as ISO', value: { at: new Date(0) }, want: 'at=1970-01-01T00%3A00%3A00.000Z' },
    { name: 'undefined is left out', value: { a: undefined, b: 1 }, want: 'b=1' },
    { name: 'null is an empty value (Stripe unsets a field so)', value: { a: null, b: 1 }, want: 'a=&b=1' },
    { name: 'empty strings are kept', value: { a: '' }, want: 'a=' },
    { name: "!'()* are encoded, brackets kept", value: { "k!'()*": "v[1]!'()* ~-._" }, want: "k%21%27%28%29%2A=v[1]%21%27%28%29%2A%20~-._" },
    { name: 'unicode', value: { q: 'é❤' }, want: 'q=%C3%A9%E2%9D%A4' },
    { name: 'an already encoded string is sent as it is', value: 'a=1&b=2', want: 'a=1&b=2' },
    // the body's arrays / objects (config), where the encoding is silent
    { name: 'arrays: indexed', body: spec({ arrays: 'indexed' }), value: { preferred_locales: ['fr', 'en'] }, want: 'preferred_locales[0]=fr&preferred_locales[1]=en' },
    { name: 'arrays: brackets', body: spec({ arrays: 'brackets' }), value: { a: [1, 2] }, want: 'a[]=1&a[]=2' },
    { name: 'arrays: comma', body: spec({ arrays: 'comma' }), value: { a: ['x,y', 'z'] }, want: 'a=x%2Cy,z' },
    { name: 'objects: deepObject', body: spec({ objects: 'deepObject' }), value: { a: { b: { c: 1 } } }, want: 'a[b][c]=1' },
    { name: 'objects: json', body: spec({ objects: 'json' }), value: { a: { b: 1 } }, want: 'a=%7B%22b%22%3A1%7D' },
    { name: 'objects: form', body: spec({ objects: 'form' }), value: { a: { b: 1 } }, want: 'b=1' },
    { name: 'null inside deepObject', body: spec({ objects: 'deepObject', arrays: 'indexed' }), value: { m: { k: null }, l: ['a', null] }, want: 'm[k]=&l[0]=a&l[1]=' },
    // the spec's encoding, per property
    { name: 'deepObject encoding', body: spec({ encoding: { metadata: deep } }), value: { metadata: { order: '6735' } }, want: 'metadata[order]=6735' },
    {
      name: 'deepObject encoding, arrays per the body (Stripe)',
      body: spec({ encoding: { metadata: deep, address: deep, expand: deep }, arrays: 'indexed' }),
      value: { metadata: { order: '6735' }, address: { city: 'Paris' }, expand: ['tax'] },
      want: 'metadata[order]=6735&address[city]=Paris&expand[0]=tax',
    },
    {
      name: 'deepObject to any depth',
      body: spec({ encoding: { payment_method_data: deep }, arrays: 'indexed' }),
      value: { payment_method_data: { billing_details: { address: { city: 'Paris' } } } },
      want: 'payment_method_data[billing_details][address][city]=Paris',
    },
    {
      name: 'arrays of objects nest (items[0][price])',
      body: spec({ encoding: { items: deep }, arrays: 'indexed' }),
      value: { items: [{ price: 'p1', quantity: 2 }, { price: 'p2' }] },
      want: 'items[0][price]=p1&items[0][quantity]=2&items[1][price]=p2',
    },
    { name: 'deepObject encoding wins over objects: json', body: spec({ encoding: { m: deep }, objects: 'json' }), value: { m: { a: 1 } }, want: 'm[a]=1' },
    { name: 'form encoding without explode', body: spec({ encoding: { a: { style: 'form', explode: false } } }), value: { a: [1, 2] }, want: 'a=1,2' },
    { name: 'explode: false alone', body: spec({ encoding: { a: { explode: false } } }), value: { a: { x: 1, y: 2 } }, want: 'a=x,1,y,2' },
    { name: 'spaceDelimited', body: spec({ encoding: { a: { style: 'spaceDelimited', explode: false } } }), value: { a: ['x', 'y'] }, want: 'a=x%20y' },
    { name: 'pipeDelimited', body: spec({ encoding: { a: { style: 'pipeDelimited', explode: false } } }), value: { a: ['x', 'y'] }, want: 'a=x%7Cy' },
    { name: 'an explicit form style ignores the body arrays', body: spec({ encoding: { a: { style: 'form', explode: true } }, arrays: 'indexed' }), value: { a: [1, 2] }, want: 'a=1&a=2' },
    { name: 'allowReserved', body: spec({ encoding: { u: { allowReserved: true } } }), value: { u: 'a/b?c=d&e' }, want: 'u=a/b?c%3Dd%26e' },
    { name: 'a JSON contentType alone sends JSON text', body: spec({ encoding: { f: { contentType: 'application/json' } } }), value: { f: { a: 'b' } }, want: 'f=%7B%22a%22%3A%22b%22%7D' },
    { name: 'properties without an encoding entry use the defaults', body: spec({ encoding: { m: deep } }), value: { m: { a: 1 }, o: { b: 2 }, l: [1, 2] }, want: 'm[a]=1&b=2&l=1&l=2' },
  ];
  for (const { name, body, value, want } of cases) {
    it(name, () => expect(formBody(value, body)).toBe(want));
  }

  it('what it writes decodes back to the same fields', () => {
    const body = spec({ encoding: { metadata: deep }, arrays: 'indexed' });
    const text = formBody({ metadata: { 'a b': 'c&d=e', '[x]': '+' }, s: "it's 100% (ok)*" }, body);
    expect([...new URLSearchParams(text)]).toEqual([
      ['metadata[a b]', 'c&d=e'],
      ['metadata[[x]]', '+'],
      ['s', "it's 100% (ok)*"],
    ]);
  });
});
