import SwaggerParser from '@apidevtools/swagger-parser';
import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../src/load/index.js';
import { resolvePointer } from '../../src/load/pointer.js';
import { convertSwagger2 } from '../../src/load/swagger2/convert.js';

const FILE = 'test/fixtures/load/swagger2/petstore.yaml';

describe('Swagger 2.0 → OpenAPI 3.0', async () => {
  const spec = await loadSpec(FILE);
  const doc = spec.document as unknown as Record<string, any>;
  const at = (pointer: string): any => resolvePointer(doc, pointer);

  it('is reported as 2.0 and converted to a valid OpenAPI 3.0 document', async () => {
    expect(spec.version).toBe('2.0');
    expect(doc.openapi).toBe('3.0.3');
    await expect(new SwaggerParser().validate(structuredClone(doc) as never)).resolves.toBeDefined();
  });

  const cases: Array<{ name: string; pointer: string; want: unknown }> = [
    { name: 'host/basePath/schemes → servers (https first)', pointer: '#/servers', want: [{ url: 'https://api.example.com/v2' }, { url: 'http://api.example.com/v2' }] },
    { name: 'definitions → components.schemas', pointer: '#/components/schemas/Pet/properties/parent', want: { $ref: '#/components/schemas/Pet' } },
    { name: 'x-nullable → nullable', pointer: '#/components/schemas/Pet/properties/name', want: { type: 'string', nullable: true } },
    { name: 'type: file → binary string', pointer: '#/components/schemas/Pet/properties/photo', want: { type: 'string', format: 'binary' } },
    { name: 'string discriminator → { propertyName }', pointer: '#/components/schemas/Pet/discriminator', want: { propertyName: 'kind' } },
    { name: 'allOf refs rewritten', pointer: '#/components/schemas/Dog/allOf/0', want: { $ref: '#/components/schemas/Pet' } },
    { name: 'global parameter → components.parameters', pointer: '#/components/parameters/limit', want: { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, default: 20 } } },
    { name: 'parameter $ref rewritten', pointer: '#/paths/~1pets/get/parameters/0', want: { $ref: '#/components/parameters/limit' } },
    {
      name: 'array query parameter: csv (the 2.0 default) → form, explode false',
      pointer: '#/paths/~1pets/get/parameters/1',
      want: { name: 'tags', in: 'query', schema: { type: 'array', items: { type: 'string' } }, style: 'form', explode: false },
    },
    { name: 'collectionFormat multi → form, explode true', pointer: '#/paths/~1pets/get/parameters/2/explode', want: true },
    { name: 'response headers get schemas', pointer: '#/paths/~1pets/get/responses/200/headers/X-Total', want: { description: 'how many', schema: { type: 'integer' } } },
    { name: 'response examples by media type → example', pointer: '#/paths/~1pets/get/responses/200/content/application~1json/example', want: [{ id: 1, name: 'Rex' }] },
    { name: 'global body parameter → components.requestBodies', pointer: '#/components/requestBodies/petBody', want: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } } } },
    { name: 'body parameter $ref → requestBody $ref', pointer: '#/paths/~1pets/post/requestBody', want: { $ref: '#/components/requestBodies/petBody' } },
    { name: 'body parameter → requestBody per consumed type', pointer: '#/paths/~1pets~1{petId}/put/requestBody/content', want: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } }, 'application/xml': { schema: { $ref: '#/components/schemas/Pet' } } } },
    { name: 'path-level parameters stay at path level (path ⇒ required)', pointer: '#/paths/~1pets~1{petId}/parameters/0', want: { name: 'petId', in: 'path', required: true, schema: { type: 'string' } } },
    { name: 'response $ref rewritten', pointer: '#/paths/~1pets~1{petId}/put/responses/404', want: { $ref: '#/components/responses/NotFound' } },
    {
      name: 'formData with a file → multipart body',
      pointer: '#/paths/~1pets~1{petId}~1photo/post/requestBody',
      want: {
        required: true,
        content: {
          'multipart/form-data': {
            schema: {
              type: 'object',
              properties: { file: { type: 'string', format: 'binary', description: 'the photo' }, caption: { type: 'string' } },
              required: ['file'],
            },
          },
        },
      },
    },
    { name: 'produces → response media type; file response → binary', pointer: '#/paths/~1pets~1{petId}~1photo/post/responses/200/content', want: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } },
    { name: 'formData without files → urlencoded body; arrays keep csv', pointer: '#/paths/~1login/post/requestBody/content/application~1x-www-form-urlencoded/encoding', want: { roles: { style: 'form', explode: false } } },
    { name: 'operation security kept (even empty)', pointer: '#/paths/~1login/post/security', want: [] },
    { name: 'apiKey scheme', pointer: '#/components/securitySchemes/api_key', want: { type: 'apiKey', name: 'X-API-Key', in: 'header' } },
    { name: 'basic → http basic', pointer: '#/components/securitySchemes/basic', want: { type: 'http', scheme: 'basic' } },
    {
      name: 'oauth2 accessCode → authorizationCode flow',
      pointer: '#/components/securitySchemes/oauth/flows',
      want: { authorizationCode: { authorizationUrl: 'https://example.com/auth', tokenUrl: 'https://example.com/token', scopes: { read: 'read things' } } },
    },
  ];
  it.each(cases)('$name', ({ pointer, want }) => expect(at(pointer)).toEqual(want));

  it('a definition named __proto__ is an own property, not the prototype', () => {
    const schemas = doc.components.schemas as Record<string, unknown>;
    expect(Object.getPrototypeOf(schemas)).toBe(Object.prototype);
    expect(Object.keys(schemas)).toEqual(['Pet', 'Dog', 'Error', '__proto__']);
    expect(spec.resolve('#/components/schemas/__proto__')).toEqual({ type: 'object', properties: { polluted: { type: 'boolean' } } });
  });

  it('does not change the 2.0 document and shares what needs no change', () => {
    const source = load(readFileSync(FILE, 'utf8')) as Record<string, any>;
    const before = JSON.stringify(source);
    const { document } = convertSwagger2(source);
    expect(JSON.stringify(source)).toBe(before);
    expect((document as any).info).toBe(source.info);
    expect((document as any).paths['/pets'].get.responses['200'].content['application/json'].example).toBe(
      source.paths['/pets'].get.responses['200'].examples['application/json'],
    );
  });

  const located: Array<{ pointer: string; line: number }> = [
    { pointer: '#/components/schemas/Pet/properties/name', line: 159 },
    { pointer: '#/components/requestBodies/petBody', line: 35 },
    { pointer: '#/paths/~1pets~1{petId}/put/requestBody/content/application~1xml/schema', line: 97 },
    { pointer: '#/paths/~1pets~1{petId}~1photo/post/requestBody/content/multipart~1form-data/schema/properties/caption', line: 124 },
    { pointer: '#/paths/~1pets/get/responses/200/headers/X-Total/schema', line: 68 },
    { pointer: '#/servers/0', line: 5 },
    { pointer: '#/components/securitySchemes/oauth', line: 19 },
  ];
  it.each(located)('locates $pointer in the 2.0 source', ({ pointer, line }) => {
    expect(spec.locate(pointer)).toMatchObject({ file: FILE, line });
  });
});

describe('Swagger 2.0 refs into moved places', () => {
  it('a $ref into a response schema follows it to its 3.0 place', () => {
    const source = {
      swagger: '2.0',
      info: { title: 't', version: '1' },
      produces: ['application/json'],
      paths: {
        '/a': { get: { responses: { '200': { description: 'ok', schema: { type: 'object', properties: { x: { type: 'string' } } } } } } },
        '/b': { get: { responses: { '200': { description: 'ok', schema: { $ref: '#/paths/~1a/get/responses/200/schema/properties/x' } } } } },
      },
    };
    const { document } = convertSwagger2(source);
    const ref = (document as any).paths['/b'].get.responses['200'].content['application/json'].schema.$ref;
    expect(ref).toBe('#/paths/~1a/get/responses/200/content/application~1json/schema/properties/x');
    expect(resolvePointer(document, ref)).toEqual({ type: 'string' });
  });
});
