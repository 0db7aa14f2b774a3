/**
 * Broken input never crashes the loader: it loads, or it throws an OagenError carrying
 * diagnostics (a clear spec error). Random documents shaped like specs (keys that mean
 * something to the loader, values of any kind), random YAML-ish text. Fixed seed, bounded
 * runs; FUZZ_RUNS raises the count.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OagenError } from '../../src/diagnostics.js';
import { loadSpecFromText } from '../../src/load/index.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const PARAMS = { seed: Number(process.env.FUZZ_SEED ?? 7), numRuns: RUNS };

const KEYS = [
  'swagger', 'openapi', 'info', 'paths', 'definitions', 'parameters', 'responses', 'consumes', 'produces',
  'securityDefinitions', 'security', 'host', 'basePath', 'schemes', 'components', 'schemas', 'in', 'name', 'schema',
  'type', 'items', 'format', '$ref', 'get', 'post', 'put', 'collectionFormat', 'required', 'properties', 'allOf',
  'discriminator', 'x-nullable', 'headers', 'examples', 'description', 'flow', 'scopes', 'tokenUrl', '/a', '/b/{id}',
  '200', 'default', 'body', 'formData', 'query', 'path', 'file', 'array', '__proto__', 'constructor',
];
const STRINGS = ['2.0', '3.0.3', '3.1.0', 'body', 'formData', 'query', 'path', 'header', 'file', 'array', 'object', 'string', 'multi', 'csv',
  '#/definitions/A', 'other.yaml#/A', 'https://example.com/x.json', '#/parameters/p', '#/responses/r', '#/paths/~1a/get', '#/nope', 'application/json', 'multipart/form-data', 'oauth2', 'basic', 'apiKey', 'accessCode', ''];

const { node } = fc.letrec<{ node: unknown }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom<unknown>(...STRINGS, null, true, 0, 2, -1.5),
    fc.array(tie('node'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom(...KEYS), tie('node'), { maxKeys: 5 }),
  ),
}));

const specLike = fc.tuple(fc.constantFrom<unknown>('2.0', '3.0.3', '3.1.0', 2, 3.1, null), fc.dictionary(fc.constantFrom(...KEYS), node, { maxKeys: 8 })).map(
  ([version, rest]) => (version === '2.0' || version === 2 ? { ...rest, swagger: version } : { ...rest, openapi: version }),
);

async function outcome(text: string, file: string, validate = false): Promise<'loaded' | 'diagnosed'> {
  try {
    await loadSpecFromText(text, file, { validate });
    return 'loaded';
  } catch (e) {
    if (e instanceof OagenError && e.diagnostics.length > 0) return 'diagnosed';
    throw e;
  }
}

describe('the loader never crashes', () => {
  it('on random spec-shaped JSON documents', async () => {
    await fc.assert(
      fc.asyncProperty(specLike, async (doc) => {
        expect(['loaded', 'diagnosed']).toContain(await outcome(JSON.stringify(doc), 'fuzz.json'));
      }),
      PARAMS,
    );
  }, 600_000);

  it('on random spec-shaped documents, with validation', async () => {
    await fc.assert(
      fc.asyncProperty(specLike, async (doc) => {
        expect(['loaded', 'diagnosed']).toContain(await outcome(JSON.stringify(doc), 'fuzz.json', true));
      }),
      { ...PARAMS, numRuns: Math.ceil(RUNS / 3) },
    );
  }, 600_000);

  const pieces = fc.constantFrom(
    'openapi: 3.1.0\n', 'swagger: "2.0"\n', 'paths:\n', '  /a:\n', '    get:\n', '  - x\n', '- ', ': ', '{', '}', '[', ']', ',', '"', "'", '&a ', '*a', '<<: ', '!!str ',
    '\t', '  ', '\n', '#', '|\n', '>\n', '---\n', '...\n', '%YAML 1.2\n', '? ', 'key', '$ref: x.yaml\n', '$ref: "#/nope"\n', '\u0000', '\ufeff', '🙂',
  );
  it('on random YAML-ish text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(pieces, { maxLength: 30 }).map((p) => p.join('')), async (text) => {
        expect(['loaded', 'diagnosed']).toContain(await outcome(text, '/nonexistent-dir/fuzz.yaml'));
      }),
      PARAMS,
    );
  }, 600_000);
});
