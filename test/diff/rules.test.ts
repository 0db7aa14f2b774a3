/**
 * One small before/after spec pair per rule, with the exact changes expected
 * (`rule pointer`, sorted). Specs go through the real loader and normalizer.
 */
import { describe, expect, it } from 'vitest';
import { bothApi, diffDocs, doc, int, num, obj, paramApi, readApi, ref, str, summary, writeApi, type Json } from './helpers.js';

const T = '#/components/schemas/Thing';
const READ_OP = '#/paths/~1things~1{id}/get';
const WRITE_OP = '#/paths/~1things/post';
const PARAM_OP = '#/paths/~1things/get';

const op = (operationId: string, extra: Json = {}): Json => ({ operationId, responses: { '204': { description: 'done' } }, ...extra });
const q = (name: string, extra: Json = {}): Json => ({ name, in: 'query', schema: str, ...extra });

interface Case {
  name: string;
  old: Json;
  new: Json;
  want: string[];
  /** expected severity of the first wanted change */
  severity?: 'breaking' | 'warning' | 'info';
}

const cases: Case[] = [
  // operations
  { name: 'operation added', old: doc({ '/a': { get: op('a') } }), new: doc({ '/a': { get: op('a') }, '/b': { get: op('b') } }), want: ['operation-added #/paths/~1b/get'], severity: 'info' },
  { name: 'operation removed', old: doc({ '/a': { get: op('a') }, '/b': { get: op('b') } }), new: doc({ '/a': { get: op('a') } }), want: ['operation-removed #/paths/~1b/get'], severity: 'breaking' },
  {
    name: 'deprecated operation removed',
    old: doc({ '/a': { get: op('a') }, '/b': { get: op('b', { deprecated: true }) } }),
    new: doc({ '/a': { get: op('a') } }),
    want: ['operation-removed-after-deprecation #/paths/~1b/get'],
    severity: 'warning',
  },
  { name: 'operation deprecated', old: doc({ '/a': { get: op('a') } }), new: doc({ '/a': { get: op('a', { deprecated: true }) } }), want: ['operation-deprecated #/paths/~1a/get'], severity: 'info' },
  { name: 'operation undeprecated', old: doc({ '/a': { get: op('a', { deprecated: true }) } }), new: doc({ '/a': { get: op('a') } }), want: ['operation-undeprecated #/paths/~1a/get'] },
  { name: 'operationId changed', old: doc({ '/a': { get: op('getA') } }), new: doc({ '/a': { get: op('fetchA') } }), want: ['operation-id-changed #/paths/~1a/get'], severity: 'info' },
  { name: 'operation moved to another path', old: doc({ '/a': { get: op('a') } }), new: doc({ '/v2/a': { get: op('a') } }), want: ['operation-path-changed #/paths/~1v2~1a/get'], severity: 'breaking' },
  { name: 'operation moved to another method', old: doc({ '/a': { get: op('a') } }), new: doc({ '/a': { post: op('a') } }), want: ['operation-method-changed #/paths/~1a/post'], severity: 'breaking' },
  { name: 'first tag changed', old: doc({ '/a': { get: op('a', { tags: ['x'] }) } }), new: doc({ '/a': { get: op('a', { tags: ['y'] }) } }), want: ['operation-tag-changed #/paths/~1a/get'] },
  {
    name: 'path parameter renamed in place',
    old: doc({ '/a/{id}': { get: op('a', { parameters: [{ name: 'id', in: 'path', required: true, schema: str }] }) } }),
    new: doc({ '/a/{aid}': { get: op('a', { parameters: [{ name: 'aid', in: 'path', required: true, schema: str }] }) } }),
    want: ['param-renamed #/paths/~1a~1{aid}/get/parameters/0'],
    severity: 'info',
  },

  // parameters
  { name: 'optional parameter added', old: paramApi([]), new: paramApi([q('q')]), want: [`param-added ${PARAM_OP}/parameters/0`], severity: 'info' },
  { name: 'required parameter added', old: paramApi([]), new: paramApi([q('q', { required: true })]), want: [`param-required-added ${PARAM_OP}/parameters/0`], severity: 'breaking' },
  { name: 'parameter removed', old: paramApi([q('q')]), new: paramApi([]), want: [`param-removed ${PARAM_OP}/parameters/0`], severity: 'warning' },
  { name: 'parameter moved', old: paramApi([q('x')]), new: paramApi([{ name: 'x', in: 'header', schema: str }]), want: [`param-moved ${PARAM_OP}/parameters/0`], severity: 'breaking' },
  { name: 'parameter became required', old: paramApi([q('q')]), new: paramApi([q('q', { required: true })]), want: [`param-became-required ${PARAM_OP}/parameters/0`], severity: 'breaking' },
  { name: 'parameter became optional', old: paramApi([q('q', { required: true })]), new: paramApi([q('q')]), want: [`param-became-optional ${PARAM_OP}/parameters/0`], severity: 'info' },
  { name: 'parameter deprecated', old: paramApi([q('q')]), new: paramApi([q('q', { deprecated: true })]), want: [`param-deprecated ${PARAM_OP}/parameters/0`] },
  {
    name: 'parameter style changed',
    old: paramApi([q('ids', { schema: { type: 'array', items: str } })]),
    new: paramApi([q('ids', { schema: { type: 'array', items: str }, style: 'pipeDelimited' })]),
    want: [`param-style-changed ${PARAM_OP}/parameters/0`],
    severity: 'breaking',
  },
  {
    name: 'parameter explode changed',
    old: paramApi([q('ids', { schema: { type: 'array', items: str } })]),
    new: paramApi([q('ids', { schema: { type: 'array', items: str }, explode: false })]),
    want: [`param-explode-changed ${PARAM_OP}/parameters/0`],
    severity: 'breaking',
  },
  { name: 'parameter allowReserved changed', old: paramApi([q('q')]), new: paramApi([q('q', { allowReserved: true })]), want: [`param-allow-reserved-changed ${PARAM_OP}/parameters/0`], severity: 'warning' },
  {
    name: 'parameter switched to JSON content',
    old: paramApi([q('f', { schema: obj({ a: str }) })]),
    new: paramApi([{ name: 'f', in: 'query', content: { 'application/json': { schema: obj({ a: str }) } } }]),
    want: [`param-content-changed ${PARAM_OP}/parameters/0`],
    severity: 'breaking',
  },
  { name: 'parameter type changed', old: paramApi([q('n')]), new: paramApi([q('n', { schema: int })]), want: [`param-type-changed ${PARAM_OP}/parameters/0/schema`], severity: 'breaking' },
  { name: 'parameter type narrowed', old: paramApi([q('n', { schema: num })]), new: paramApi([q('n', { schema: int })]), want: [`param-type-narrowed ${PARAM_OP}/parameters/0/schema`], severity: 'breaking' },
  { name: 'parameter type widened', old: paramApi([q('n', { schema: int })]), new: paramApi([q('n', { schema: num })]), want: [`param-type-widened ${PARAM_OP}/parameters/0/schema`], severity: 'info' },
  {
    name: 'parameter enum value removed',
    old: paramApi([q('o', { schema: { type: 'string', enum: ['asc', 'desc'] } })]),
    new: paramApi([q('o', { schema: { type: 'string', enum: ['asc'] } })]),
    want: [`param-enum-value-removed ${PARAM_OP}/parameters/0/schema`],
    severity: 'breaking',
  },
  {
    name: 'parameter enum value added',
    old: paramApi([q('o', { schema: { type: 'string', enum: ['asc'] } })]),
    new: paramApi([q('o', { schema: { type: 'string', enum: ['asc', 'desc'] } })]),
    want: [`param-enum-value-added ${PARAM_OP}/parameters/0/schema`],
    severity: 'info',
  },
  { name: 'parameter format changed', old: paramApi([q('d', { schema: { type: 'string', format: 'date' } })]), new: paramApi([q('d', { schema: { type: 'string', format: 'date-time' } })]), want: [`param-format-changed ${PARAM_OP}/parameters/0/schema`], severity: 'warning' },
  { name: 'parameter default changed', old: paramApi([q('n', { schema: { ...int, default: 10 } })]), new: paramApi([q('n', { schema: { ...int, default: 20 } })]), want: [`param-default-changed ${PARAM_OP}/parameters/0/schema`], severity: 'breaking' },
  { name: 'parameter maximum decreased', old: paramApi([q('n', { schema: { ...int, maximum: 100 } })]), new: paramApi([q('n', { schema: { ...int, maximum: 50 } })]), want: [`param-max-decreased ${PARAM_OP}/parameters/0/schema`], severity: 'breaking' },
  { name: 'parameter pattern added', old: paramApi([q('s')]), new: paramApi([q('s', { schema: { ...str, pattern: '^[a-z]+$' } })]), want: [`param-pattern-added ${PARAM_OP}/parameters/0/schema`], severity: 'breaking' },
  { name: 'header parameter names are case-insensitive', old: paramApi([{ name: 'X-Key', in: 'header', schema: str }]), new: paramApi([{ name: 'x-key', in: 'header', schema: str }]), want: [] },

  // request bodies (write)
  { name: 'required request property added', old: writeApi(obj({ a: str }, ['a'])), new: writeApi(obj({ a: str, b: str }, ['a', 'b'])), want: [`request-property-required-added ${T}/properties/b`], severity: 'breaking' },
  { name: 'optional request property added', old: writeApi(obj({ a: str })), new: writeApi(obj({ a: str, b: str })), want: [`request-property-added ${T}/properties/b`], severity: 'info' },
  { name: 'request property removed', old: writeApi(obj({ a: str, b: str })), new: writeApi(obj({ a: str })), want: [`request-property-removed ${T}/properties/b`], severity: 'warning' },
  { name: 'request property became required', old: writeApi(obj({ a: str })), new: writeApi(obj({ a: str }, ['a'])), want: [`request-property-became-required ${T}/properties/a`], severity: 'breaking' },
  { name: 'request property became optional', old: writeApi(obj({ a: str }, ['a'])), new: writeApi(obj({ a: str })), want: [`request-property-became-optional ${T}/properties/a`], severity: 'info' },
  { name: 'request property became read-only', old: writeApi(obj({ a: str, id: str })), new: writeApi(obj({ a: str, id: { ...str, readOnly: true } })), want: [`request-property-became-read-only ${T}/properties/id`], severity: 'warning' },
  {
    name: 'required read-only property stops being read-only: a new required input',
    old: writeApi(obj({ a: str, id: { ...str, readOnly: true } }, ['id'])),
    new: writeApi(obj({ a: str, id: str }, ['id'])),
    want: [`request-property-required-added ${T}/properties/id`],
    severity: 'breaking',
  },
  { name: 'new required read-only property is not a request requirement', old: writeApi(obj({ a: str })), new: writeApi(obj({ a: str, id: { ...str, readOnly: true } }, ['id'])), want: [] },
  { name: 'request type narrowed', old: writeApi(obj({ n: num })), new: writeApi(obj({ n: int })), want: [`request-type-narrowed ${T}/properties/n`], severity: 'breaking' },
  { name: 'request type widened', old: writeApi(obj({ n: int })), new: writeApi(obj({ n: num })), want: [`request-type-widened ${T}/properties/n`], severity: 'info' },
  { name: 'request type changed', old: writeApi(obj({ n: str })), new: writeApi(obj({ n: int })), want: [`request-type-changed ${T}/properties/n`], severity: 'breaking' },
  { name: 'request type became a union: a member added', old: writeApi(obj({ n: str })), new: writeApi(obj({ n: { anyOf: [str, int] } })), want: [`request-union-member-added ${T}/properties/n/anyOf/1`], severity: 'info' },
  { name: 'request union became one of its members: a member removed', old: writeApi(obj({ n: { oneOf: [str, int] } })), new: writeApi(obj({ n: str })), want: [`request-union-member-removed ${T}/properties/n/oneOf/1`], severity: 'breaking' },
  {
    name: 'response object became a union of objects: the closest member continues it',
    old: readApi(obj({ r: obj({ text: str }, ['text']) })),
    new: readApi(obj({ r: { oneOf: [ref('Json'), ref('Verbose')] } }), { Json: obj({ text: str }, ['text']), Verbose: obj({ text: str, language: str, duration: num }, ['text']) }),
    want: [`response-union-member-added ${T}/properties/r/oneOf/1`, 'schema-added #/components/schemas/Json', 'schema-added #/components/schemas/Verbose'],
    severity: 'warning',
  },
  { name: 'request nullable removed', old: writeApi(obj({ n: { type: ['string', 'null'] } })), new: writeApi(obj({ n: str })), want: [`request-nullable-removed ${T}/properties/n`], severity: 'breaking' },
  { name: 'request nullable added', old: writeApi(obj({ n: str })), new: writeApi(obj({ n: { anyOf: [str, { type: 'null' }] } })), want: [`request-nullable-added ${T}/properties/n`], severity: 'info' },
  { name: 'request enum value removed', old: writeApi(obj({ e: { enum: ['a', 'b'] } })), new: writeApi(obj({ e: { enum: ['a'] } })), want: [`request-enum-value-removed ${T}/properties/e`], severity: 'breaking' },
  { name: 'request enum value added', old: writeApi(obj({ e: { enum: ['a'] } })), new: writeApi(obj({ e: { enum: ['a', 'b'] } })), want: [`request-enum-value-added ${T}/properties/e`], severity: 'info' },
  { name: 'request enum became a string', old: writeApi(obj({ e: { type: 'string', enum: ['a'] } })), new: writeApi(obj({ e: str })), want: [`request-type-widened ${T}/properties/e`], severity: 'info' },
  { name: 'request string became an enum', old: writeApi(obj({ e: str })), new: writeApi(obj({ e: { type: 'string', enum: ['a', 'b'] } })), want: [`request-type-narrowed ${T}/properties/e`], severity: 'breaking' },
  {
    name: 'open enum value added (any string allowed)',
    old: writeApi(obj({ m: { anyOf: [str, { type: 'string', enum: ['x'] }] } })),
    new: writeApi(obj({ m: { anyOf: [str, { type: 'string', enum: ['x', 'y'] }] } })),
    want: [`request-open-enum-value-added ${T}/properties/m`],
    severity: 'info',
  },
  { name: 'request maxLength decreased', old: writeApi(obj({ s: { ...str, maxLength: 10 } })), new: writeApi(obj({ s: { ...str, maxLength: 5 } })), want: [`request-max-length-decreased ${T}/properties/s`], severity: 'breaking' },
  { name: 'request maxLength increased', old: writeApi(obj({ s: { ...str, maxLength: 5 } })), new: writeApi(obj({ s: { ...str, maxLength: 10 } })), want: [`request-max-length-increased ${T}/properties/s`], severity: 'info' },
  { name: 'request maxLength added', old: writeApi(obj({ s: str })), new: writeApi(obj({ s: { ...str, maxLength: 5 } })), want: [`request-max-length-added ${T}/properties/s`], severity: 'breaking' },
  { name: 'request minLength increased', old: writeApi(obj({ s: { ...str, minLength: 1 } })), new: writeApi(obj({ s: { ...str, minLength: 3 } })), want: [`request-min-length-increased ${T}/properties/s`], severity: 'breaking' },
  { name: 'request minimum added', old: writeApi(obj({ n: int })), new: writeApi(obj({ n: { ...int, minimum: 1 } })), want: [`request-min-added ${T}/properties/n`], severity: 'breaking' },
  { name: 'request exclusiveMaximum (3.1 number) decreased', old: writeApi(obj({ n: { ...num, exclusiveMaximum: 10 } })), new: writeApi(obj({ n: { ...num, exclusiveMaximum: 5 } })), want: [`request-max-decreased ${T}/properties/n`], severity: 'breaking' },
  { name: 'request maxItems decreased', old: writeApi(obj({ l: { type: 'array', items: str, maxItems: 10 } })), new: writeApi(obj({ l: { type: 'array', items: str, maxItems: 5 } })), want: [`request-max-items-decreased ${T}/properties/l`], severity: 'breaking' },
  { name: 'request minItems removed', old: writeApi(obj({ l: { type: 'array', items: str, minItems: 1 } })), new: writeApi(obj({ l: { type: 'array', items: str } })), want: [`request-min-items-removed ${T}/properties/l`], severity: 'info' },
  { name: 'request uniqueItems added', old: writeApi(obj({ l: { type: 'array', items: str } })), new: writeApi(obj({ l: { type: 'array', items: str, uniqueItems: true } })), want: [`request-unique-items-added ${T}/properties/l`], severity: 'breaking' },
  { name: 'request multipleOf changed', old: writeApi(obj({ n: { ...num, multipleOf: 0.5 } })), new: writeApi(obj({ n: { ...num, multipleOf: 0.25 } })), want: [`request-multiple-of-changed ${T}/properties/n`], severity: 'breaking' },
  { name: 'request pattern changed', old: writeApi(obj({ s: { ...str, pattern: '^a' } })), new: writeApi(obj({ s: { ...str, pattern: '^b' } })), want: [`request-pattern-changed ${T}/properties/s`], severity: 'breaking' },
  { name: 'request pattern removed', old: writeApi(obj({ s: { ...str, pattern: '^a' } })), new: writeApi(obj({ s: str })), want: [`request-pattern-removed ${T}/properties/s`], severity: 'info' },
  { name: 'request maxProperties decreased', old: writeApi(obj({ m: { type: 'object', additionalProperties: str, maxProperties: 9 } })), new: writeApi(obj({ m: { type: 'object', additionalProperties: str, maxProperties: 3 } })), want: [`request-max-properties-decreased ${T}/properties/m`], severity: 'breaking' },
  { name: 'request array item type changed', old: writeApi(obj({ l: { type: 'array', items: str } })), new: writeApi(obj({ l: { type: 'array', items: int } })), want: [`request-type-changed ${T}/properties/l/items`], severity: 'breaking' },
  {
    name: 'request union member removed',
    old: writeApi(obj({ u: { oneOf: [ref('A'), ref('B')] } }), { A: obj({ a: str }), B: obj({ b: str }) }),
    new: writeApi(obj({ u: { oneOf: [ref('A')] } }), { A: obj({ a: str }), B: obj({ b: str }) }),
    want: [`request-union-member-removed ${T}/properties/u/oneOf/1`],
    severity: 'breaking',
  },
  {
    name: 'request union member removed (two left)',
    old: writeApi(obj({ u: { oneOf: [ref('A'), ref('B'), ref('C')] } }), { A: obj({ a: str }), B: obj({ b: str }), C: obj({ c: str }) }),
    new: writeApi(obj({ u: { oneOf: [ref('A'), ref('B')] } }), { A: obj({ a: str }), B: obj({ b: str }), C: obj({ c: str }) }),
    want: [`request-union-member-removed ${T}/properties/u/oneOf/2`],
    severity: 'breaking',
  },
  {
    name: 'request union member added',
    old: writeApi(obj({ u: { oneOf: [ref('A'), ref('B')] } }), { A: obj({ a: str }), B: obj({ b: str }), C: obj({ c: str }) }),
    new: writeApi(obj({ u: { oneOf: [ref('A'), ref('B'), ref('C')] } }), { A: obj({ a: str }), B: obj({ b: str }), C: obj({ c: str }) }),
    want: [`request-union-member-added ${T}/properties/u/oneOf/2`],
    severity: 'info',
  },
  {
    name: 'union members that are arrays are matched by structure',
    old: writeApi(obj({ p: { oneOf: [str, { type: 'array', items: str }, { type: 'array', items: int }] } })),
    new: writeApi(obj({ p: { oneOf: [str, { type: 'array', items: str }, { type: 'array', items: int }], description: 'docs only' } })),
    want: [],
  },
  {
    name: 'oneOf became anyOf',
    old: writeApi(obj({ u: { oneOf: [ref('A'), ref('B')] } }), { A: obj({ a: str }), B: obj({ b: str }) }),
    new: writeApi(obj({ u: { anyOf: [ref('A'), ref('B')] } }), { A: obj({ a: str }), B: obj({ b: str }) }),
    want: [`request-union-keyword-changed ${T}/properties/u`],
  },
  { name: 'request additionalProperties removed', old: writeApi({ type: 'object', additionalProperties: str, properties: { a: str } }), new: writeApi(obj({ a: str })), want: [`request-additional-properties-removed ${T}`], severity: 'warning' },
  { name: 'request default changed', old: writeApi(obj({ n: { ...int, default: 1 } })), new: writeApi(obj({ n: { ...int, default: 2 } })), want: [`request-default-changed ${T}/properties/n`], severity: 'warning' },
  { name: 'request property deprecated', old: writeApi(obj({ n: int })), new: writeApi(obj({ n: { ...int, deprecated: true } })), want: [`request-became-deprecated ${T}/properties/n`], severity: 'info' },
  { name: 'writeOnly flip in a request is only noted', old: writeApi(obj({ p: str })), new: writeApi(obj({ p: { ...str, writeOnly: true } })), want: [`request-write-only-changed ${T}/properties/p`], severity: 'info' },
  {
    name: 'format that changed with the type is one change',
    old: writeApi(obj({ t: { type: 'string', format: 'integer' } })),
    new: writeApi(obj({ t: int })),
    want: [`request-type-changed ${T}/properties/t`],
  },

  { name: 'request format added', old: writeApi(obj({ s: str })), new: writeApi(obj({ s: { ...str, format: 'uuid' } })), want: [`request-format-added ${T}/properties/s`], severity: 'warning' },
  { name: 'response format added is only noted', old: readApi(obj({ t: int })), new: readApi(obj({ t: { ...int, format: 'unixtime' } })), want: [`response-format-added ${T}/properties/t`], severity: 'info' },
  { name: 'response format removed', old: readApi(obj({ t: { ...str, format: 'date-time' } })), new: readApi(obj({ t: str })), want: [`response-format-removed ${T}/properties/t`], severity: 'warning' },

  // the same type written two ways: no change
  {
    name: 'type: string next to oneOf [string, enum] equals the open enum',
    old: writeApi(obj({ model: { anyOf: [str, { type: 'string', enum: ['a', 'b'] }] } })),
    new: writeApi(obj({ model: { type: 'string', oneOf: [str, { type: 'string', enum: ['a', 'b'] }] } })),
    want: [],
  },
  {
    name: 'anyOf [string, $ref enum] equals the open enum written inline',
    old: writeApi(obj({ model: { anyOf: [str, { type: 'string', enum: ['a', 'b'] }] } })),
    new: writeApi(obj({ model: { anyOf: [str, ref('Models')] } }), { Models: { type: 'string', enum: ['a', 'b'] } }),
    want: ['schema-added #/components/schemas/Models'],
  },
  {
    name: "allOf [$ref, {nullable: true}] (OpenAPI 3.0 idiom) equals a nullable $ref",
    old: { ...readApi(obj({ t: { anyOf: [ref('Inner'), { type: 'null' }] } }), { Inner: obj({ a: str }) }) },
    new: { ...readApi(obj({ t: { allOf: [ref('Inner'), { nullable: true }] } }), { Inner: obj({ a: str }) }) },
    want: [],
  },
  {
    name: 'a union member replaced by a look-alike carrying the same tag is compared, not removed',
    old: writeApi(obj({ tool: { oneOf: [ref('Code'), ref('Search')] } }), { Code: obj({ type: { const: 'code' } }, ['type']), Search: obj({ type: { const: 'search' }, opts: obj({ n: int }) }, ['type']) }),
    new: writeApi(obj({ tool: { oneOf: [ref('Code'), ref('SearchTypeOnly')] } }), {
      Code: obj({ type: { const: 'code' } }, ['type']),
      Search: obj({ type: { const: 'search' }, opts: obj({ n: int }) }, ['type']),
      SearchTypeOnly: obj({ type: { const: 'search' } }, ['type']),
    }),
    want: ['request-property-removed #/components/schemas/Search/properties/opts', 'schema-added #/components/schemas/SearchTypeOnly'],
    severity: 'warning',
  },

  // discriminators
  ...discriminatorCases(),

  // request body as a whole
  { name: 'request body became optional', old: writeApi(obj({ a: str })), new: setBody(writeApi(obj({ a: str })), { required: false }), want: [`request-body-became-optional ${WRITE_OP}/requestBody`], severity: 'info' },
  { name: 'request body became required', old: setBody(writeApi(obj({ a: str })), { required: false }), new: writeApi(obj({ a: str })), want: [`request-body-became-required ${WRITE_OP}/requestBody`], severity: 'breaking' },
  { name: 'required request body added', old: doc({ '/things': { post: op('createThing') } }, { Thing: obj({ a: str }) }), new: writeApi(obj({ a: str })), want: [`request-body-required-added ${WRITE_OP}/requestBody`], severity: 'breaking' },
  { name: 'optional request body added', old: doc({ '/things': { post: op('createThing') } }, { Thing: obj({ a: str }) }), new: setBody(writeApi(obj({ a: str })), { required: false }), want: [`request-body-added ${WRITE_OP}/requestBody`], severity: 'info' },
  { name: 'request body removed', old: writeApi(obj({ a: str })), new: doc({ '/things': { post: op('createThing') } }, { Thing: obj({ a: str }) }), want: [`request-body-removed ${WRITE_OP}/requestBody`], severity: 'warning' },
  {
    name: 'request media type removed',
    old: setBody(writeApi(obj({ a: str })), { content: { 'application/json': { schema: ref('Thing') }, 'application/x-www-form-urlencoded': { schema: ref('Thing') } } }),
    new: writeApi(obj({ a: str })),
    want: [`request-media-type-removed ${WRITE_OP}/requestBody`],
    severity: 'breaking',
  },
  {
    name: 'request media type added',
    old: writeApi(obj({ a: str })),
    new: setBody(writeApi(obj({ a: str })), { content: { 'application/json': { schema: ref('Thing') }, 'application/x-www-form-urlencoded': { schema: ref('Thing') } } }),
    want: [`request-media-type-added ${WRITE_OP}/requestBody`],
    severity: 'info',
  },

  // responses (read)
  { name: 'required response property removed', old: readApi(obj({ a: str, b: str }, ['a', 'b'])), new: readApi(obj({ a: str }, ['a'])), want: [`response-property-removed ${T}/properties/b`], severity: 'breaking' },
  { name: 'optional response property removed', old: readApi(obj({ a: str, b: str })), new: readApi(obj({ a: str })), want: [`response-optional-property-removed ${T}/properties/b`], severity: 'warning' },
  { name: 'response property added', old: readApi(obj({ a: str })), new: readApi(obj({ a: str, b: str }, ['b'])), want: [`response-property-added ${T}/properties/b`], severity: 'info' },
  { name: 'response property became optional', old: readApi(obj({ a: str }, ['a'])), new: readApi(obj({ a: str })), want: [`response-property-became-optional ${T}/properties/a`], severity: 'breaking' },
  { name: 'response property became required', old: readApi(obj({ a: str })), new: readApi(obj({ a: str }, ['a'])), want: [`response-property-became-required ${T}/properties/a`], severity: 'info' },
  { name: 'required response property became write-only', old: readApi(obj({ a: str }, ['a'])), new: readApi(obj({ a: { ...str, writeOnly: true } }, ['a'])), want: [`response-property-removed ${T}/properties/a`], severity: 'breaking' },
  { name: 'response readOnly flip is only noted', old: readApi(obj({ a: str })), new: readApi(obj({ a: { ...str, readOnly: true } })), want: [`response-read-only-changed ${T}/properties/a`], severity: 'info' },
  { name: 'response type widened', old: readApi(obj({ n: int })), new: readApi(obj({ n: num })), want: [`response-type-widened ${T}/properties/n`], severity: 'breaking' },
  { name: 'response type narrowed', old: readApi(obj({ n: num })), new: readApi(obj({ n: int })), want: [`response-type-narrowed ${T}/properties/n`], severity: 'info' },
  { name: 'response type changed', old: readApi(obj({ t: str })), new: readApi(obj({ t: int })), want: [`response-type-changed ${T}/properties/t`], severity: 'breaking' },
  { name: 'response became any', old: readApi(obj({ t: str })), new: readApi(obj({ t: {} })), want: [`response-type-widened ${T}/properties/t`], severity: 'breaking' },
  { name: 'response nullable added', old: readApi(obj({ n: str })), new: readApi(obj({ n: { type: ['string', 'null'] } })), want: [`response-nullable-added ${T}/properties/n`], severity: 'breaking' },
  { name: 'response nullable removed', old: readApi(obj({ n: { type: ['string', 'null'] } })), new: readApi(obj({ n: str })), want: [`response-nullable-removed ${T}/properties/n`], severity: 'info' },
  { name: 'response enum value added', old: readApi(obj({ e: { enum: ['a'] } })), new: readApi(obj({ e: { enum: ['a', 'b'] } })), want: [`response-enum-value-added ${T}/properties/e`], severity: 'warning' },
  { name: 'response enum value removed', old: readApi(obj({ e: { enum: ['a', 'b'] } })), new: readApi(obj({ e: { enum: ['a'] } })), want: [`response-enum-value-removed ${T}/properties/e`], severity: 'info' },
  { name: 'response maxLength increased', old: readApi(obj({ s: { ...str, maxLength: 5 } })), new: readApi(obj({ s: { ...str, maxLength: 10 } })), want: [`response-max-length-increased ${T}/properties/s`], severity: 'breaking' },
  { name: 'response maxLength decreased', old: readApi(obj({ s: { ...str, maxLength: 10 } })), new: readApi(obj({ s: { ...str, maxLength: 5 } })), want: [`response-max-length-decreased ${T}/properties/s`], severity: 'info' },
  { name: 'response pattern changed', old: readApi(obj({ s: { ...str, pattern: '^a' } })), new: readApi(obj({ s: { ...str, pattern: '^b' } })), want: [`response-pattern-changed ${T}/properties/s`], severity: 'warning' },
  {
    name: 'response union member added',
    old: readApi(obj({ u: { oneOf: [ref('A'), ref('B')] } }), { A: obj({ a: str }), B: obj({ b: str }), C: obj({ c: str }) }),
    new: readApi(obj({ u: { oneOf: [ref('A'), ref('B'), ref('C')] } }), { A: obj({ a: str }), B: obj({ b: str }), C: obj({ c: str }) }),
    want: [`response-union-member-added ${T}/properties/u/oneOf/2`],
    severity: 'warning',
  },
  { name: 'response additionalProperties added', old: readApi(obj({ a: str })), new: readApi({ ...obj({ a: str }), additionalProperties: true }), want: [`response-additional-properties-added ${T}`], severity: 'warning' },
  {
    name: 'allOf member that cannot be merged added',
    old: readApi({ allOf: [ref('A'), { oneOf: [ref('B'), ref('C')] }] }, { A: obj({ a: str }), B: obj({ b: str }), C: obj({ c: str }), D: { oneOf: [ref('B'), ref('C')] } }),
    new: readApi({ allOf: [ref('A'), { oneOf: [ref('B'), ref('C')] }, ref('D')] }, { A: obj({ a: str }), B: obj({ b: str }), C: obj({ c: str }), D: { oneOf: [ref('B'), ref('C')] } }),
    want: [`response-intersection-member-added ${T}/allOf/2`],
    severity: 'info',
  },

  // status codes, media types, headers
  { name: 'success status removed', old: addResponse(readApi(obj({ a: str })), '201'), new: readApi(obj({ a: str })), want: [`response-success-status-removed ${READ_OP}/responses/201`], severity: 'breaking' },
  { name: 'success status added', old: readApi(obj({ a: str })), new: addResponse(readApi(obj({ a: str })), '201'), want: [`response-success-status-added ${READ_OP}/responses/201`], severity: 'info' },
  { name: 'error status added', old: readApi(obj({ a: str })), new: addResponse(readApi(obj({ a: str })), '429'), want: [`response-error-status-added ${READ_OP}/responses/429`], severity: 'info' },
  { name: 'error status removed', old: addResponse(readApi(obj({ a: str })), '404'), new: readApi(obj({ a: str })), want: [`response-error-status-removed ${READ_OP}/responses/404`], severity: 'info' },
  { name: 'response media type removed', old: addMedia(readApi(obj({ a: str })), 'text/csv'), new: readApi(obj({ a: str })), want: [`response-media-type-removed ${READ_OP}/responses/200`], severity: 'breaking' },
  { name: 'response media type added', old: readApi(obj({ a: str })), new: addMedia(readApi(obj({ a: str })), 'text/csv'), want: [`response-media-type-added ${READ_OP}/responses/200`], severity: 'info' },
  { name: 'required response header removed', old: addHeader(readApi(obj({ a: str })), 'X-Rate', true), new: readApi(obj({ a: str })), want: [`response-header-removed ${READ_OP}/responses/200`], severity: 'breaking' },
  { name: 'optional response header removed', old: addHeader(readApi(obj({ a: str })), 'X-Rate', false), new: readApi(obj({ a: str })), want: [`response-optional-header-removed ${READ_OP}/responses/200`], severity: 'warning' },
  { name: 'response header added', old: readApi(obj({ a: str })), new: addHeader(readApi(obj({ a: str })), 'X-Rate', false), want: [`response-header-added ${READ_OP}/responses/200/headers/X-Rate`], severity: 'info' },
  { name: 'response header became optional', old: addHeader(readApi(obj({ a: str })), 'X-Rate', true), new: addHeader(readApi(obj({ a: str })), 'X-Rate', false), want: [`response-header-became-optional ${READ_OP}/responses/200/headers/X-Rate`], severity: 'breaking' },
  { name: 'response header type changed', old: addHeader(readApi(obj({ a: str })), 'X-Rate', false), new: addHeader(readApi(obj({ a: str })), 'X-Rate', false, int), want: [`response-header-type-changed ${READ_OP}/responses/200/headers/X-Rate/schema`], severity: 'breaking' },

  // both directions: one node, two analyses
  {
    name: 'a schema used both ways is analysed both ways',
    old: bothApi(obj({ a: str, b: str }, ['a'])),
    new: bothApi(obj({ a: str, b: str }, ['a', 'b'])),
    want: [`request-property-became-required ${T}/properties/b`, `response-property-became-required ${T}/properties/b`],
  },

  // named schemas no operation uses, and component-level changes
  {
    name: 'unused schema changes are info',
    old: doc({ '/a': { get: op('a') } }, { Unused: obj({ a: str, b: str }, ['a', 'b']) }),
    new: doc({ '/a': { get: op('a') } }, { Unused: obj({ a: str }, ['a']) }),
    want: ['schema-property-removed #/components/schemas/Unused/properties/b'],
    severity: 'info',
  },
  { name: 'schema added', old: doc({ '/a': { get: op('a') } }), new: doc({ '/a': { get: op('a') } }, { New: obj({ a: str }) }), want: ['schema-added #/components/schemas/New'] },
  { name: 'schema removed', old: doc({ '/a': { get: op('a') } }, { Old: obj({ a: str }) }), new: doc({ '/a': { get: op('a') } }), want: ['schema-removed #/components/schemas/Old'] },
  {
    name: 'schema renamed (same structure)',
    old: doc({ '/a': { get: op('a') } }, { 'Conversation-2': obj({ id: str }, ['id']) }),
    new: doc({ '/a': { get: op('a') } }, { ResponseConversation: obj({ id: str }, ['id']) }),
    want: ['schema-renamed #/components/schemas/ResponseConversation'],
  },
  {
    name: 'schema renamed where it is used, and changed',
    old: readApi(obj({ c: ref('Conv2') }), { Conv2: obj({ id: str }, ['id']) }),
    new: readApi(obj({ c: ref('ResponseConversation') }), { ResponseConversation: obj({ id: str, title: str }, ['id']) }),
    want: ['response-property-added #/components/schemas/ResponseConversation/properties/title', 'schema-renamed #/components/schemas/ResponseConversation'],
  },
  {
    name: 'inline schema extracted to a component: compared through the $ref',
    old: readApi(obj({ c: obj({ id: str }, ['id']) })),
    new: readApi(obj({ c: ref('C') }), { C: obj({ id: str }, ['id']) }),
    want: ['schema-added #/components/schemas/C'],
  },
  {
    name: 'recursive schema: compared once, no loop',
    old: readApi(obj({ name: str, children: { type: 'array', items: ref('Thing') } }, ['name'])),
    new: readApi(obj({ children: { type: 'array', items: ref('Thing') } })),
    want: [`response-property-removed ${T}/properties/name`],
  },

  // security and servers
  ...securityCases(),
  { name: 'server added', old: { ...doc({}), servers: [{ url: 'https://a' }] }, new: { ...doc({}), servers: [{ url: 'https://a' }, { url: 'https://b' }] }, want: ['server-added #/servers/1'] },
  { name: 'server removed', old: { ...doc({}), servers: [{ url: 'https://a' }, { url: 'https://b' }] }, new: { ...doc({}), servers: [{ url: 'https://a' }] }, want: ['server-removed #/servers/1'], severity: 'warning' },
  { name: 'default server changed', old: { ...doc({}), servers: [{ url: 'https://a' }] }, new: { ...doc({}), servers: [{ url: 'https://b' }] }, want: ['server-added #/servers/0', 'server-default-changed #/servers/0', 'server-removed #/servers/0'] },
  {
    name: 'server variable changed',
    old: { ...doc({}), servers: [{ url: 'https://{env}.x', variables: { env: { default: 'api' } } }] },
    new: { ...doc({}), servers: [{ url: 'https://{env}.x', variables: { env: { default: 'eu' } } }] },
    want: ['server-variable-changed #/servers/0/variables/env'],
  },
  { name: 'API version changed', old: doc({}), new: { ...doc({}), info: { title: 'Things', version: '2.0.0' } }, want: ['api-version-changed #/info/version'] },
  { name: 'no change, no findings', old: bothApi(obj({ a: str }, ['a'])), new: bothApi(obj({ a: { ...str, description: 'docs only' } }, ['a'])), want: [] },
];

function discriminatorCases(): Case[] {
  const members = { Cat: obj({ kind: { const: 'cat' }, meow: str }, ['kind']), Dog: obj({ kind: { const: 'dog' }, bark: str }, ['kind']), Fox: obj({ kind: { const: 'fox' } }, ['kind']) };
  const pet = (names: string[], property = 'kind', extra: Json = {}) => ({
    oneOf: names.map(ref),
    discriminator: { propertyName: property, mapping: Object.fromEntries(names.map((n) => [n.toLowerCase(), `#/components/schemas/${n}`])), ...extra },
  });
  return [
    { name: 'discriminator value removed (request)', old: writeApi(obj({ pet: pet(['Cat', 'Dog', 'Fox']) }), members), new: writeApi(obj({ pet: pet(['Cat', 'Dog']) }), members), want: [`request-discriminator-value-removed ${T}/properties/pet`], severity: 'breaking' },
    { name: 'discriminator value added (response)', old: readApi(obj({ pet: pet(['Cat', 'Dog']) }), members), new: readApi(obj({ pet: pet(['Cat', 'Dog', 'Fox']) }), members), want: [`response-discriminator-value-added ${T}/properties/pet`], severity: 'warning' },
    { name: 'discriminator property changed', old: readApi(obj({ pet: pet(['Cat', 'Dog']) }), members), new: readApi(obj({ pet: pet(['Cat', 'Dog'], 'type') }), members), want: [`response-discriminator-property-changed ${T}/properties/pet`], severity: 'breaking' },
    { name: 'discriminator removed', old: readApi(obj({ pet: pet(['Cat', 'Dog']) }), members), new: readApi(obj({ pet: { oneOf: [ref('Cat'), ref('Dog')] } }), members), want: [`response-discriminator-removed ${T}/properties/pet`], severity: 'warning' },
    {
      name: 'discriminator value maps elsewhere',
      old: readApi(obj({ pet: pet(['Cat', 'Dog']) }), members),
      new: readApi(obj({ pet: { oneOf: [ref('Cat'), ref('Dog')], discriminator: { propertyName: 'kind', mapping: { cat: '#/components/schemas/Dog', dog: '#/components/schemas/Cat' } } } }), members),
      // one change per value: cat and dog
      want: [`response-discriminator-mapping-changed ${T}/properties/pet`, `response-discriminator-mapping-changed ${T}/properties/pet`],
      severity: 'breaking',
    },
  ];
}

function securityCases(): Case[] {
  const schemes = { key: { type: 'apiKey', in: 'header', name: 'X-Key' }, bearer: { type: 'http', scheme: 'bearer' } };
  const api = (security: Json[] | undefined, s: Json = schemes) => doc({ '/a': { get: op('a', security ? { security } : {}) } }, {}, { components: { securitySchemes: s } });
  return [
    { name: 'operation now requires credentials', old: api([]), new: api([{ key: [] }]), want: ['operation-security-added #/paths/~1a/get/security'], severity: 'breaking' },
    { name: 'operation no longer requires credentials', old: api([{ key: [] }]), new: api([]), want: ['operation-security-removed #/paths/~1a/get/security'], severity: 'info' },
    { name: 'security alternative removed', old: api([{ key: [] }, { bearer: [] }]), new: api([{ key: [] }]), want: ['operation-security-alternative-removed #/paths/~1a/get/security'], severity: 'breaking' },
    { name: 'security alternative added', old: api([{ key: [] }]), new: api([{ key: [] }, { bearer: [] }]), want: ['operation-security-alternative-added #/paths/~1a/get/security'], severity: 'info' },
    { name: 'scope added', old: api([{ bearer: ['read'] }]), new: api([{ bearer: ['read', 'write'] }]), want: ['operation-security-scope-added #/paths/~1a/get/security'], severity: 'breaking' },
    {
      name: 'document security inherited: one change for every operation',
      old: { ...doc({ '/a': { get: op('a') }, '/b': { get: op('b') } }, {}, { components: { securitySchemes: schemes } }), security: [{ key: [] }, { bearer: [] }] },
      new: { ...doc({ '/a': { get: op('a') }, '/b': { get: op('b') } }, {}, { components: { securitySchemes: schemes } }), security: [{ key: [] }] },
      want: ['operation-security-alternative-removed #/security'],
    },
    { name: 'security scheme added', old: api(undefined, { key: schemes.key }), new: api(undefined), want: ['security-scheme-added #/components/securitySchemes/bearer'] },
    { name: 'security scheme removed', old: api(undefined), new: api(undefined, { key: schemes.key }), want: ['security-scheme-removed #/components/securitySchemes/bearer'], severity: 'warning' },
    { name: 'apiKey header renamed', old: api(undefined), new: api(undefined, { ...schemes, key: { type: 'apiKey', in: 'header', name: 'X-Api-Key' } }), want: ['security-scheme-changed #/components/securitySchemes/key'], severity: 'breaking' },
    { name: 'scheme type changed', old: api(undefined), new: api(undefined, { ...schemes, key: { type: 'http', scheme: 'basic' } }), want: ['security-scheme-type-changed #/components/securitySchemes/key'], severity: 'breaking' },
    {
      name: 'oauth2 scope removed and token URL changed',
      old: api(undefined, { o: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: 'https://a/token', scopes: { read: 'r', write: 'w' } } } } }),
      new: api(undefined, { o: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: 'https://b/token', scopes: { read: 'r' } } } } }),
      want: ['security-scheme-scope-removed #/components/securitySchemes/o', 'security-scheme-url-changed #/components/securitySchemes/o'],
    },
  ];
}

function setBody(api: Json, body: Json): Json {
  const copy = structuredClone(api) as { paths: Record<string, Record<string, { requestBody: Json }>> };
  Object.assign(copy.paths['/things'].post.requestBody, body);
  return copy;
}

function readResponses(api: Json): Record<string, Json> {
  return (api as { paths: Record<string, Record<string, { responses: Record<string, Json> }>> }).paths['/things/{id}'].get.responses;
}

function addResponse(api: Json, status: string): Json {
  const copy = structuredClone(api);
  readResponses(copy)[status] = { description: status, content: { 'application/json': { schema: obj({ error: str }) } } };
  return copy;
}

function addMedia(api: Json, mediaType: string): Json {
  const copy = structuredClone(api);
  (readResponses(copy)['200'].content as Json)[mediaType] = { schema: str };
  return copy;
}

function addHeader(api: Json, name: string, required: boolean, schema: Json = str): Json {
  const copy = structuredClone(api);
  readResponses(copy)['200'].headers = { [name]: { required, schema } };
  return copy;
}

describe('diff rules, one spec pair each', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const r = await diffDocs(c.old, c.new);
      expect(summary(r)).toEqual([...c.want].sort());
      if (c.severity) {
        const first = r.changes.find((x) => `${x.rule} ${x.pointer}` === c.want[0]);
        expect(first?.severity).toBe(c.severity);
      }
    });
  }
});

describe('findings per schema node, not per endpoint', () => {
  it('a schema used by three operations is one change listing all three', async () => {
    const three = (thing: Json) =>
      doc(
        Object.fromEntries(['/a', '/b', '/c'].map((p) => [p, { get: { operationId: `get${p.slice(1)}`, responses: { '200': { description: 'ok', content: { 'application/json': { schema: ref('Thing') } } } } } }])),
        { Thing: thing },
      );
    const r = await diffDocs(three(obj({ a: str, b: str }, ['a', 'b'])), three(obj({ a: str }, ['a'])));
    expect(r.changes).toHaveLength(1);
    expect(r.changes[0]).toMatchObject({ rule: 'response-property-removed', operations: ['GET /a', 'GET /b', 'GET /c'], operation: 'GET /a', symbols: ['Thing.b'], direction: 'read' });
  });

  it('a shared component parameter is one change for every operation using it', async () => {
    const api = (limit: Json) =>
      doc(
        { '/a': { get: op('a', { parameters: [{ $ref: '#/components/parameters/Limit' }] }) }, '/b': { get: op('b', { parameters: [{ $ref: '#/components/parameters/Limit' }] }) } },
        {},
        { components: { parameters: { Limit: limit } } },
      );
    const r = await diffDocs(api({ name: 'limit', in: 'query', schema: int }), api({ name: 'limit', in: 'query', required: true, schema: int }));
    expect(r.changes.map((c) => [c.rule, c.pointer, c.operations])).toEqual([['param-became-required', '#/components/parameters/Limit', ['GET /a', 'GET /b']]]);
  });

  it('symbols name the generated TypeScript', async () => {
    const r = await diffDocs(paramApi([q('limit')]), paramApi([q('limit', { required: true }), q('after', { required: true })]));
    expect(r.changes.map((c) => c.symbols.join()).sort()).toEqual(['ListThingsParams.after', 'ListThingsParams.limit']);
  });
});
