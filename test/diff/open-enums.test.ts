/**
 * `"enums": { "responses": "open" }`: response enums generated as `'a' | 'b' | (string & {})`,
 * and `oagen diff --open-enums` judging a new response enum value the way such a client
 * sees it (safe, info) while request enums keep their rules.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { renderClient } from '../../src/generate.js';
import { bothApi, diffDocs, doc, obj, readApi, ref, str, tempDir, type Json } from './helpers.js';

const status = (...values: string[]): Json => ({ type: 'string', enum: values });

/** Response `Thing` with an enum, request-only `Input` with an enum, a discriminated union `Pet`. */
const spec: Json = doc(
  {
    '/things': {
      post: {
        operationId: 'createThing',
        requestBody: { required: true, content: { 'application/json': { schema: ref('Input') } } },
        responses: { '200': { description: 'ok', content: { 'application/json': { schema: ref('Thing') } } } },
      },
    },
    '/pets': { get: { operationId: 'getPet', responses: { '200': { description: 'ok', content: { 'application/json': { schema: ref('Pet') } } } } } },
  },
  {
    Thing: obj({ status: status('active', 'archived'), size: { type: 'integer', enum: [1, 2] } }, ['status']),
    Input: obj({ mode: status('fast', 'slow') }, ['mode']),
    Cat: obj({ kind: status('cat', 'kitten'), name: str }, ['kind']),
    Dog: obj({ kind: status('dog', 'puppy'), name: str }, ['kind']),
    Pet: { oneOf: [ref('Cat'), ref('Dog')], discriminator: { propertyName: 'kind' } },
  },
);

const specDir = tempDir();
const specFile = join(specDir, 'spec.json');
writeFileSync(specFile, JSON.stringify(spec));

async function render(enums?: Json): Promise<string> {
  const { files } = await renderClient({ name: 'things', spec: specFile, output: join(specDir, 'out'), ...(enums ? { enums } : {}) });
  // quotes as one style, for short expectations
  return [...files.entries()].filter(([p]) => p.endsWith('.ts')).map(([, t]) => t.replace(/"/g, "'")).join('\n');
}

describe('config: enums.responses', () => {
  const config = (client: Json) => {
    const dir = tempDir();
    const file = join(dir, 'oagen.config.json');
    writeFileSync(file, JSON.stringify({ clients: [{ name: 'x', spec: 'x.yaml', ...client }] }));
    return file;
  };
  it('accepts "open" and "closed"', () => {
    expect(loadConfig(config({ enums: { responses: 'open' } })).clients[0].enums).toEqual({ responses: 'open' });
    expect(loadConfig(config({ enums: { responses: 'closed' } })).clients[0].enums).toEqual({ responses: 'closed' });
  });
  for (const bad of [{ responses: 'sometimes' }, { requests: 'open' }, 'open', null]) {
    it(`rejects ${JSON.stringify(bad)} with E_CONFIG (exit 2)`, () => {
      expect(() => loadConfig(config({ enums: bad }))).toThrow(expect.objectContaining({ exitCode: 2, diagnostics: [expect.objectContaining({ code: 'E_CONFIG' })] }));
    });
  }
});

describe('generate with enums.responses: "open"', () => {
  it('response string enums are open; request-only enums, number enums and discriminator tags stay closed', async () => {
    const open = await render({ responses: 'open' });
    expect(open).toMatch(/status: 'active' \| 'archived' \| \(string & \{\}\)/);
    expect(open).toMatch(/mode: 'fast' \| 'slow';/);
    expect(open).toMatch(/size\?: 1 \| 2;/);
    expect(open).toMatch(/kind: 'cat' \| 'kitten';/);
  });
  it('without the option (or with "closed") nothing changes', async () => {
    const closed = await render();
    expect(closed).toMatch(/status: 'active' \| 'archived';/);
    expect(await render({ responses: 'closed' })).toBe(closed);
  });
});

describe('oagen diff --open-enums', () => {
  const grow = [readApi(obj({ s: status('a', 'b') }, ['s'])), readApi(obj({ s: status('a', 'b', 'c') }, ['s']))] as const;
  it('without it, a new response enum value is a warning', async () => {
    const r = await diffDocs(...grow);
    expect(r.changes.map((c) => `${c.rule} ${c.severity}`)).toEqual(['response-enum-value-added warning']);
  });
  it('with it, the client reads the enum as open: the new value is safe (info)', async () => {
    const r = await diffDocs(...grow, { types: false, openEnums: true });
    expect(r.changes.map((c) => `${c.rule} ${c.severity}`)).toEqual(['response-open-enum-value-added info']);
    expect(r.contract).toEqual({ breaking: 0, warning: 0, info: 1 });
  });
  it('request enums keep their rules: a removed value still breaks writers', async () => {
    const r = await diffDocs(bothApi(obj({ s: status('a', 'b') })), bothApi(obj({ s: status('a') })), { types: false, openEnums: true });
    expect(r.changes.map((c) => `${c.rule} ${c.severity}`).sort()).toEqual(['request-enum-value-removed breaking', 'response-open-enum-value-removed info']);
  });
  it('the type check renders both packages with open enums', { timeout: 60_000 }, async () => {
    const r = await diffDocs(...grow, { openEnums: true });
    expect(r.client?.exports.find((e) => e.name === 'Thing')?.change).toBe('compatible');
    expect(r.semver).toBe('minor');
  });
});
