/**
 * Parameters, bodies and responses shared through `$ref` (or a path item's parameters) are
 * parsed once and their schema objects shared by every operation that uses them; normalize
 * maps a shared schema once. The IR must mean the same as when each use is parsed on its
 * own, and each use must still report its own diagnostics.
 */
import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/diagnostics.js';
import type { ApiIR, Operation } from '../../src/ir/types.js';
import { normalize } from '../../src/normalize/index.js';
import { parseDocument } from '../../src/parse/document.js';
import { resolvePointer } from '../../src/load/pointer.js';

function parse(doc: Record<string, unknown>): { ir: ApiIR; diagnostics: Diagnostics } {
  const diagnostics = new Diagnostics();
  const ir = parseDocument({ document: doc, version: '3.1', resolve: (ref) => resolvePointer(doc, ref), diagnostics });
  return { ir, diagnostics };
}

const op = (ir: ApiIR, key: string): Operation => ir.operations.find((o) => o.key === key)!;

const doc = (limit: unknown) => ({
  openapi: '3.1.0',
  info: { title: 't', version: '1' },
  paths: {
    '/a': {
      parameters: [{ name: 'trace', in: 'header', schema: { type: 'string', enum: ['on', 'off'] } }],
      get: { parameters: [{ $ref: '#/components/parameters/limit' }], responses: { '200': { $ref: '#/components/responses/Page' } } },
      post: { parameters: [{ $ref: '#/components/parameters/limit' }], responses: { '200': { $ref: '#/components/responses/Page' } } },
    },
    '/b': { get: { parameters: [{ $ref: '#/components/parameters/limit' }], responses: { '201': { $ref: '#/components/responses/Page' } } } },
  },
  components: {
    parameters: { limit: { name: 'limit', in: 'query', schema: limit } },
    responses: { Page: { description: 'a page', content: { 'application/json': { schema: { type: 'object', properties: { n: { type: ['integer', 'null'] } } } } } } },
  },
});

describe('shared parameters and responses', () => {
  // a hoisted body becomes a fresh `ref` per use; the named schema it points at is shared
  const cases: Array<{ name: string; given: (ir: ApiIR) => [unknown, unknown]; normalized: 'same object' | 'equal' }> = [
    { name: 'a $ref\'d parameter', given: (ir) => [op(ir, 'GET /a').parameters[1].schema, op(ir, 'GET /b').parameters[0].schema], normalized: 'same object' },
    { name: 'a path item parameter', given: (ir) => [op(ir, 'GET /a').parameters[0].schema, op(ir, 'POST /a').parameters[0].schema], normalized: 'same object' },
    { name: 'a $ref\'d response', given: (ir) => [op(ir, 'GET /a').responses[0].contents[0].schema, op(ir, 'GET /b').responses[0].contents[0].schema], normalized: 'equal' },
  ];
  it.each(cases)('$name: one schema object for every use after parse; after normalize: $normalized', ({ given, normalized }) => {
    const { ir, diagnostics } = parse(doc({ type: 'integer', maximum: 100 }));
    const [a, b] = given(ir);
    expect(a).toBe(b);
    const [na, nb] = given(normalize(ir, diagnostics));
    if (normalized === 'same object') expect(na).toBe(nb);
    else expect(na).toEqual(nb);
    expect(diagnostics.list).toEqual([]);
  });

  it('a $ref\'d response: one list of contents for every status and operation that uses it', () => {
    const { ir } = parse(doc({ type: 'integer' }));
    expect(op(ir, 'GET /a').responses[0].contents).toBe(op(ir, 'GET /b').responses[0].contents);
    expect(op(ir, 'GET /a').responses[0].status).toBe('200');
    expect(op(ir, 'GET /b').responses[0].status).toBe('201');
  });

  it('a $ref\'d parameter and a path item parameter: one Parameter object for every operation', () => {
    const { ir } = parse(doc({ type: 'integer' }));
    expect(op(ir, 'GET /a').parameters[1]).toBe(op(ir, 'GET /b').parameters[0]);
    expect(op(ir, 'GET /a').parameters[0]).toBe(op(ir, 'POST /a').parameters[0]);
  });

  it('a shared parameter that cannot be used reports it at every use', () => {
    const given = doc({ type: 'integer' });
    given.components.parameters.limit.in = 'body';
    const { ir, diagnostics } = parse(given);
    expect(diagnostics.list.map((d) => [d.code, d.pointer])).toEqual([
      ['E_PARAM_INVALID', '#/components/parameters/limit/in'],
      ['E_PARAM_INVALID', '#/components/parameters/limit/in'],
      ['E_PARAM_INVALID', '#/components/parameters/limit/in'],
    ]);
    expect(op(ir, 'GET /b').parameters).toEqual([]);
  });

  it('a shared response with a defect reports it at every use', () => {
    const given = doc({ type: 'integer' });
    (given.components.responses.Page as Record<string, unknown>).headers = { 'X-Rate': { $ref: '#/components/headers/Nope' } };
    const { diagnostics } = parse(given);
    expect(diagnostics.list.map((d) => [d.code, d.pointer])).toEqual([
      ['E_REF_MISSING', '#/components/responses/Page/headers/X-Rate'],
      ['E_REF_MISSING', '#/components/responses/Page/headers/X-Rate'],
      ['E_REF_MISSING', '#/components/responses/Page/headers/X-Rate'],
    ]);
  });

  it('the shared schema is what parsing each use alone gives', () => {
    const { ir } = parse(doc({ type: 'integer', maximum: 100 }));
    const alone = parse({ ...doc({ type: 'integer', maximum: 100 }), paths: { '/b': doc(null).paths['/b'] } }).ir;
    expect(op(ir, 'GET /b')).toEqual(op(alone, 'GET /b'));
  });

  it('a shared schema with a defect reports it at every use, as when each use is parsed alone', () => {
    const { ir, diagnostics } = parse(doc({ type: 'integr' }));
    expect(diagnostics.list.map((d) => [d.code, d.pointer])).toEqual([
      ['E_UNKNOWN_TYPE', '#/components/parameters/limit/schema/type'],
      ['E_UNKNOWN_TYPE', '#/components/parameters/limit/schema/type'],
      ['E_UNKNOWN_TYPE', '#/components/parameters/limit/schema/type'],
    ]);
    expect(op(ir, 'GET /a').parameters[1].schema).toEqual(op(ir, 'GET /b').parameters[0].schema);
  });
});
