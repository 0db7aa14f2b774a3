/**
 * The rules issue 21 added, one spec pair per rule, each run in both directions: `Thing` as a
 * request body (write, `request-…`) and as a response (read, `response-…`), with the exact
 * changes expected (`suffix pointer`, the pointer relative to `Thing`) and the severity of
 * the first one in each direction. Then the false alarms that must stay quiet.
 */
import { describe, expect, it } from 'vitest';
import { bothApi, diffDocs, doc, int, num, obj, paramApi, readApi, str, summary, writeApi, type Json } from './helpers.js';

const T = '#/components/schemas/Thing';
type Sev = 'breaking' | 'warning' | 'info';

interface Case {
  name: string;
  old: Json;
  new: Json;
  /** `suffix /pointer-below-Thing` */
  want: string[];
  write: Sev;
  read: Sev;
}

const arr = (extra: Json = {}): Json => ({ type: 'array', items: str, ...extra });
const ab = (extra: Json = {}): Json => ({ ...obj({ a: str, b: str, c: str }), ...extra });
const s = (extra: Json = {}): Json => ({ type: 'string', ...extra });

const cases: Case[] = [
  // contains, minContains, maxContains
  { name: 'contains added', old: arr(), new: arr({ contains: { const: 'x' } }), want: ['contains-added /contains'], write: 'breaking', read: 'info' },
  { name: 'contains removed', old: arr({ contains: { const: 'x' } }), new: arr(), want: ['contains-removed /contains'], write: 'info', read: 'breaking' },
  { name: 'minLength raised inside contains', old: arr({ contains: s({ minLength: 1 }) }), new: arr({ contains: s({ minLength: 3 }) }), want: ['min-length-increased /contains'], write: 'breaking', read: 'info' },
  { name: 'minContains increased', old: arr({ contains: s(), minContains: 1 }), new: arr({ contains: s(), minContains: 2 }), want: ['min-contains-increased '], write: 'breaking', read: 'info' },
  { name: 'minContains decreased', old: arr({ contains: s(), minContains: 2 }), new: arr({ contains: s(), minContains: 1 }), want: ['min-contains-decreased '], write: 'info', read: 'breaking' },
  { name: 'minContains added', old: arr({ contains: s() }), new: arr({ contains: s(), minContains: 2 }), want: ['min-contains-added '], write: 'breaking', read: 'info' },
  { name: 'minContains removed', old: arr({ contains: s(), minContains: 2 }), new: arr({ contains: s() }), want: ['min-contains-removed '], write: 'info', read: 'breaking' },
  { name: 'maxContains decreased', old: arr({ contains: s(), maxContains: 3 }), new: arr({ contains: s(), maxContains: 2 }), want: ['max-contains-decreased '], write: 'breaking', read: 'info' },
  { name: 'maxContains increased', old: arr({ contains: s(), maxContains: 2 }), new: arr({ contains: s(), maxContains: 3 }), want: ['max-contains-increased '], write: 'info', read: 'breaking' },
  { name: 'maxContains added', old: arr({ contains: s() }), new: arr({ contains: s(), maxContains: 3 }), want: ['max-contains-added '], write: 'breaking', read: 'info' },
  { name: 'maxContains removed', old: arr({ contains: s(), maxContains: 3 }), new: arr({ contains: s() }), want: ['max-contains-removed '], write: 'info', read: 'breaking' },

  // dependentRequired, dependentSchemas
  { name: 'dependentRequired added', old: ab(), new: ab({ dependentRequired: { a: ['b'] } }), want: ['dependent-required-added /dependentRequired/a'], write: 'breaking', read: 'info' },
  { name: 'dependentRequired grew', old: ab({ dependentRequired: { a: ['b'] } }), new: ab({ dependentRequired: { a: ['b', 'c'] } }), want: ['dependent-required-added /dependentRequired/a'], write: 'breaking', read: 'info' },
  { name: 'dependentRequired removed', old: ab({ dependentRequired: { a: ['b'] } }), new: ab(), want: ['dependent-required-removed /dependentRequired/a'], write: 'info', read: 'breaking' },
  { name: 'dependentSchemas added', old: ab(), new: ab({ dependentSchemas: { a: { required: ['b'] } } }), want: ['dependent-schema-added /dependentSchemas/a'], write: 'breaking', read: 'info' },
  { name: 'dependentSchemas removed', old: ab({ dependentSchemas: { a: { required: ['b'] } } }), new: ab(), want: ['dependent-schema-removed /dependentSchemas/a'], write: 'info', read: 'breaking' },
  {
    name: 'required name added inside dependentSchemas',
    old: ab({ dependentSchemas: { a: { required: ['b'] } } }),
    new: ab({ dependentSchemas: { a: { required: ['b', 'c'] } } }),
    want: ['property-required-added /dependentSchemas/a/required'],
    write: 'breaking',
    read: 'info',
  },

  // if / then / else
  {
    name: 'if/then added',
    old: ab(),
    new: ab({ if: { properties: { a: { const: 'x' } }, required: ['a'] }, then: { required: ['b'] } }),
    want: ['if-added /if', 'then-added /then'],
    write: 'breaking',
    read: 'info',
  },
  {
    name: 'if/then removed',
    old: ab({ if: { properties: { a: { const: 'x' } }, required: ['a'] }, then: { required: ['b'] } }),
    new: ab(),
    want: ['if-removed /if', 'then-removed /then'],
    write: 'info',
    read: 'breaking',
  },
  { name: 'else added', old: ab({ if: { required: ['a'] }, then: { required: ['b'] } }), new: ab({ if: { required: ['a'] }, then: { required: ['b'] }, else: { required: ['c'] } }), want: ['else-added /else'], write: 'breaking', read: 'info' },
  { name: 'else removed', old: ab({ if: { required: ['a'] }, then: { required: ['b'] }, else: { required: ['c'] } }), new: ab({ if: { required: ['a'] }, then: { required: ['b'] } }), want: ['else-removed /else'], write: 'info', read: 'breaking' },
  { name: 'if condition changed', old: ab({ if: { required: ['a'] }, then: { required: ['b'] } }), new: ab({ if: { required: ['c'] }, then: { required: ['b'] } }), want: ['if-changed /if'], write: 'breaking', read: 'breaking' },
  {
    name: 'required property added under then',
    old: ab({ if: { required: ['a'] }, then: { properties: { d: str } } }),
    new: ab({ if: { required: ['a'] }, then: { properties: { d: str }, required: ['d'] } }),
    want: ['property-became-required /then/properties/d'],
    write: 'breaking',
    read: 'info',
  },
  { name: 'required name added under then', old: ab({ if: { required: ['a'] }, then: { required: ['b'] } }), new: ab({ if: { required: ['a'] }, then: { required: ['b', 'c'] } }), want: ['property-required-added /then/required'], write: 'breaking', read: 'info' },
  { name: 'required name dropped under else', old: ab({ if: { required: ['a'] }, then: {}, else: { required: ['b', 'c'] } }), new: ab({ if: { required: ['a'] }, then: {}, else: { required: ['b'] } }), want: ['property-became-optional /else/required'], write: 'info', read: 'breaking' },

  // propertyNames, unevaluated*
  { name: 'propertyNames added', old: ab(), new: ab({ propertyNames: { pattern: '^[a-z]+$' } }), want: ['property-names-added /propertyNames'], write: 'breaking', read: 'info' },
  { name: 'propertyNames removed', old: ab({ propertyNames: { pattern: '^[a-z]+$' } }), new: ab(), want: ['property-names-removed /propertyNames'], write: 'info', read: 'breaking' },
  { name: 'propertyNames maxLength decreased', old: ab({ propertyNames: { maxLength: 10 } }), new: ab({ propertyNames: { maxLength: 5 } }), want: ['max-length-decreased /propertyNames'], write: 'breaking', read: 'info' },
  { name: 'unevaluatedProperties: false added', old: ab(), new: ab({ unevaluatedProperties: false }), want: ['unevaluated-properties-added /unevaluatedProperties'], write: 'breaking', read: 'info' },
  { name: 'unevaluatedProperties removed', old: ab({ unevaluatedProperties: false }), new: ab(), want: ['unevaluated-properties-removed /unevaluatedProperties'], write: 'info', read: 'breaking' },
  { name: 'unevaluatedProperties: false → a schema', old: ab({ unevaluatedProperties: false }), new: ab({ unevaluatedProperties: str }), want: ['type-widened /unevaluatedProperties'], write: 'info', read: 'breaking' },
  { name: 'unevaluatedItems added', old: arr({ prefixItems: [str] }), new: arr({ prefixItems: [str], unevaluatedItems: false }), want: ['unevaluated-items-added /unevaluatedItems'], write: 'breaking', read: 'info' },
  { name: 'unevaluatedItems removed', old: arr({ prefixItems: [str], unevaluatedItems: false }), new: arr({ prefixItems: [str] }), want: ['unevaluated-items-removed /unevaluatedItems'], write: 'info', read: 'breaking' },

  // contentSchema, contentMediaType, contentEncoding
  { name: 'contentSchema added', old: s({ contentMediaType: 'application/json' }), new: s({ contentMediaType: 'application/json', contentSchema: obj({ a: str }, ['a']) }), want: ['content-schema-added /contentSchema'], write: 'breaking', read: 'info' },
  { name: 'contentSchema removed', old: s({ contentMediaType: 'application/json', contentSchema: obj({ a: str }, ['a']) }), new: s({ contentMediaType: 'application/json' }), want: ['content-schema-removed /contentSchema'], write: 'info', read: 'breaking' },
  {
    name: 'required property added inside contentSchema',
    old: s({ contentMediaType: 'application/json', contentSchema: obj({ a: str, b: str }, ['a']) }),
    new: s({ contentMediaType: 'application/json', contentSchema: obj({ a: str, b: str }, ['a', 'b']) }),
    want: ['property-became-required /contentSchema/properties/b'],
    write: 'breaking',
    read: 'info',
  },
  { name: 'contentMediaType changed', old: s({ contentMediaType: 'text/plain' }), new: s({ contentMediaType: 'text/csv' }), want: ['content-media-type-changed '], write: 'breaking', read: 'breaking' },
  { name: 'contentEncoding changed', old: s({ contentMediaType: 'image/png', contentEncoding: 'base64' }), new: s({ contentMediaType: 'image/png', contentEncoding: 'base64url' }), want: ['content-encoding-changed '], write: 'breaking', read: 'breaking' },

  // not: changes inside are judged with the direction inverted
  { name: 'not added', old: s(), new: s({ not: { const: '' } }), want: ['not-added /not'], write: 'breaking', read: 'info' },
  { name: 'not removed', old: s({ not: { const: '' } }), new: s(), want: ['not-removed /not'], write: 'info', read: 'breaking' },
  { name: 'not: its schema widened (the whole narrowed)', old: { not: int }, new: { not: num }, want: ['type-widened /not'], write: 'breaking', read: 'info' },
  { name: 'not: its schema narrowed (the whole widened)', old: { not: s({ minLength: 1 }) }, new: { not: s({ minLength: 3 }) }, want: ['min-length-increased /not'], write: 'info', read: 'breaking' },

  // patternProperties, const, x-extensible-enum
  { name: 'patternProperties added to an open object', old: obj({ a: str }), new: { ...obj({ a: str }), patternProperties: { '^x-': str } }, want: ['pattern-properties-added /patternProperties/^x-'], write: 'breaking', read: 'info' },
  { name: 'patternProperties added to a free-form object', old: { type: 'object' }, new: { type: 'object', patternProperties: { '^x-': str } }, want: ['pattern-properties-added /patternProperties/^x-'], write: 'breaking', read: 'info' },
  { name: 'patternProperties removed', old: { ...obj({ a: str }), patternProperties: { '^x-': str } }, new: obj({ a: str }), want: ['pattern-properties-removed /patternProperties/^x-'], write: 'info', read: 'warning' },
  {
    name: 'patternProperties added to a closed object widens it',
    old: { ...obj({ a: str }), additionalProperties: false },
    new: { ...obj({ a: str }), additionalProperties: false, patternProperties: { '^x-': str } },
    want: ['additional-properties-added /patternProperties/^x-'],
    write: 'info',
    read: 'warning',
  },
  { name: 'a pattern property schema tightened', old: { type: 'object', patternProperties: { '^x-': str } }, new: { type: 'object', patternProperties: { '^x-': s({ maxLength: 5 }) } }, want: ['max-length-added /patternProperties/^x-'], write: 'breaking', read: 'info' },
  { name: 'const replaced', old: obj({ status: { const: 'ok' } }, ['status']), new: obj({ status: { const: 'success' } }, ['status']), want: ['const-changed /properties/status'], write: 'breaking', read: 'breaking' },
  { name: 'x-extensible-enum value removed', old: s({ 'x-extensible-enum': ['a', 'b'] }), new: s({ 'x-extensible-enum': ['a'] }), want: ['extensible-enum-value-removed '], write: 'breaking', read: 'info' },
  { name: 'x-extensible-enum value added', old: s({ 'x-extensible-enum': ['a'] }), new: s({ 'x-extensible-enum': ['a', 'b'] }), want: ['extensible-enum-value-added '], write: 'info', read: 'info' },
];

describe('issue 21 rules: one spec pair each, both directions', () => {
  for (const c of cases) {
    for (const [family, api, sev] of [
      ['request', writeApi, c.write],
      ['response', readApi, c.read],
    ] as const) {
      it(`${c.name} (${family})`, async () => {
        const r = await diffDocs(api(c.old), api(c.new));
        const want = c.want.map((w) => {
          const [suffix, rel] = w.split(' ');
          return `${family}-${suffix} ${T}${rel ?? ''}`;
        });
        expect(summary(r)).toEqual([...want].sort());
        expect(r.changes.find((x) => `${x.rule} ${x.pointer}` === want[0])?.severity).toBe(sev);
      });
    }
  }
});

describe('issue 21 rules: parameters', () => {
  const P = '#/paths/~1things/get/parameters/0';
  const q = (schema: Json) => paramApi([{ name: 'mode', in: 'query', schema }]);
  it('a changed parameter default is breaking, and the message says why', async () => {
    const r = await diffDocs(q({ ...int, default: 10 }), q({ ...int, default: 20 }));
    expect(r.changes.map((c) => [c.rule, c.severity, c.pointer])).toEqual([['param-default-changed', 'breaking', `${P}/schema`]]);
    expect(r.changes[0].message).toMatch(/callers that omit it/);
  });
  it('a default added to a parameter is breaking too', async () => {
    const r = await diffDocs(q(int), q({ ...int, default: 20 }));
    expect(r.changes.map((c) => [c.rule, c.severity])).toEqual([['param-default-changed', 'breaking']]);
  });
  it('a request body property default stays a warning', async () => {
    const r = await diffDocs(writeApi(obj({ n: { ...int, default: 1 } })), writeApi(obj({ n: { ...int, default: 2 } })));
    expect(r.changes.map((c) => [c.rule, c.severity])).toEqual([['request-default-changed', 'warning']]);
  });
  it('x-extensible-enum value removed from a parameter', async () => {
    const r = await diffDocs(q(s({ 'x-extensible-enum': ['a', 'b'] })), q(s({ 'x-extensible-enum': ['a'] })));
    expect(r.changes.map((c) => [c.rule, c.severity, c.pointer])).toEqual([['param-extensible-enum-value-removed', 'breaking', `${P}/schema`]]);
  });
});

describe('issue 21: false alarms stay quiet', () => {
  const xml = (schema: Json, where: 'request' | 'response', media = 'application/xml'): Json =>
    doc({
      '/groups': {
        post: {
          operationId: 'createGroup',
          ...(where === 'request' ? { requestBody: { content: { [media]: { schema } } } } : {}),
          responses: { '200': { description: 'ok', ...(where === 'response' ? { content: { [media]: { schema } } } : {}) } },
        },
      },
    });
  const severities = (r: Awaited<ReturnType<typeof diffDocs>>) => r.changes.map((c) => `${c.rule} ${c.severity}`);

  it('XML request body: object → string accepts any text (not breaking)', async () => {
    expect(severities(await diffDocs(xml({ type: 'object' }, 'request'), xml(str, 'request')))).toEqual(['request-type-widened info']);
  });
  it('XML response body: string → object (not breaking)', async () => {
    expect(severities(await diffDocs(xml(str, 'response'), xml({ type: 'object' }, 'response')))).toEqual(['response-type-narrowed info']);
  });
  it('XML: the other way still breaks, and JSON bodies are unchanged', async () => {
    expect(severities(await diffDocs(xml(str, 'request'), xml({ type: 'object' }, 'request')))).toEqual(['request-type-narrowed breaking']);
    expect(severities(await diffDocs(xml({ type: 'object' }, 'response'), xml(str, 'response')))).toEqual(['response-type-widened breaking']);
    expect(severities(await diffDocs(xml({ type: 'object' }, 'request', 'application/json'), xml(str, 'request', 'application/json')))).toEqual(['request-type-changed breaking']);
  });

  const lit = (...vs: string[]): Json => ({ oneOf: vs.map((v) => ({ const: v })) });
  it('enum written as oneOf of consts: shrinking follows the enum rule table (write breaking, read info)', async () => {
    const r = await diffDocs(bothApi(obj({ s: lit('a', 'b') })), bothApi(obj({ s: lit('a') })));
    expect(severities(r).sort()).toEqual(['request-enum-value-removed breaking', 'response-enum-value-removed info']);
  });
  it('enum written as oneOf of consts: growing follows the enum rule table (write info, read warning)', async () => {
    const r = await diffDocs(bothApi(obj({ s: lit('a') })), bothApi(obj({ s: lit('a', 'b') })));
    expect(severities(r).sort()).toEqual(['request-enum-value-added info', 'response-enum-value-added warning']);
    const r3 = await diffDocs(bothApi(obj({ s: lit('a', 'b') })), bothApi(obj({ s: lit('a', 'b', 'c') })));
    expect(severities(r3).sort()).toEqual(['request-enum-value-added info', 'response-enum-value-added warning']);
  });
  it('an enum rewritten as oneOf of the same consts is no change', async () => {
    expect((await diffDocs(bothApi(obj({ s: s({ enum: ['a', 'b'] }) })), bothApi(obj({ s: lit('a', 'b') })))).changes).toEqual([]);
  });
  it("pattern: '' matches everything: removing or adding it is no change", async () => {
    expect((await diffDocs(bothApi(obj({ s: s({ pattern: '' }) })), bothApi(obj({ s: str })))).changes).toEqual([]);
    expect((await diffDocs(bothApi(obj({ s: str })), bothApi(obj({ s: s({ pattern: '' }) })))).changes).toEqual([]);
  });
  it('keywords that constrain nothing (true, {}) are no change', async () => {
    expect((await diffDocs(bothApi(ab()), bothApi(ab({ unevaluatedProperties: true, propertyNames: {} })))).changes).toEqual([]);
  });
  it('the same 2020-12 keywords on both sides are no change', async () => {
    const rich = ab({ if: { required: ['a'] }, then: { required: ['b'] }, else: { required: ['c'] }, dependentRequired: { a: ['b'] }, dependentSchemas: { b: { required: ['c'] } }, propertyNames: { maxLength: 3 }, unevaluatedProperties: false, not: { required: ['a', 'b', 'c'] } });
    expect((await diffDocs(bothApi(rich), bothApi(structuredClone(rich)))).changes).toEqual([]);
  });
});

describe('webhooks (OpenAPI 3.1)', () => {
  const hook = (props: Json, required: string[] = []): Json => ({ post: { operationId: 'onOrder', requestBody: { content: { 'application/json': { schema: obj(props, required) } } }, responses: { '200': { description: 'ok' } } } });
  const api = (webhooks: Json): Json => doc({}, {}, { webhooks });
  it('a webhook removed is breaking, one added is info', async () => {
    const r = await diffDocs(api({ orderCreated: hook({ id: str }), orderDeleted: hook({ id: str }) }), api({ orderCreated: hook({ id: str }), orderUpdated: hook({ id: str }) }));
    expect(r.changes.map((c) => `${c.rule} ${c.severity} ${c.pointer}`)).toEqual(['webhook-removed breaking #/webhooks/orderDeleted/post', 'webhook-added info #/webhooks/orderUpdated/post']);
    // the generated package has no code for webhooks
    expect(r.semver).toBe('none');
    expect(r.changes.every((c) => c.symbols.length === 0)).toBe(true);
  });
  it('a webhook payload is read data: a required property removed breaks handlers', async () => {
    const r = await diffDocs(api({ orderCreated: hook({ id: str, total: num }, ['id', 'total']) }), api({ orderCreated: hook({ id: str }, ['id']) }));
    expect(r.changes.map((c) => `${c.rule} ${c.severity} ${c.pointer}`)).toEqual(['response-property-removed breaking #/webhooks/orderCreated/post/requestBody/content/application~1json/schema/properties/total']);
    expect(r.changes[0].message).toContain('webhook POST orderCreated.total');
  });
});
