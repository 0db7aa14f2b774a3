/**
 * Every ```ts block of a generated package's README and docs is a whole program that
 * type-checks against that package: extracted, written next to the package with a
 * tsconfig mapping the package name to its `src/index.ts`, and checked with `tsc --noEmit`.
 * Runs on Arthur's spec, the OpenAI admin subset (as configured in oagen.config.json) and a
 * fixture with the features those two lack (apiKey in query, basic auth, multipart, SSE,
 * discriminated unions, recursion, no servers).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { renderClient } from '../../../src/generate.js';
import { brokenLinks, ROOT, tsBlocks, typeCheckBlocks } from './helpers.js';

const config = loadConfig(join(ROOT, 'oagen.config.json'));
const configured = (name: string) => {
  const c = config.clients.find((x) => x.name === name);
  if (!c) throw new Error(`no client ${name} in oagen.config.json`);
  return { ...c, output: join(ROOT, 'test/plugins/docs/tmp/never-written', name) };
};

const cases = [
  { label: 'arthur', client: () => configured('arthur'), minBlocks: 20 },
  { label: 'openai-admin', client: () => configured('openai-admin'), minBlocks: 150 },
  {
    label: 'docs-features fixture',
    client: () => ({ name: '@acme/docs-features', spec: join(ROOT, 'test/plugins/docs/fixtures/docs-features.yaml'), output: join(ROOT, 'test/plugins/docs/tmp/never-written/features') }),
    minBlocks: 20,
  },
  {
    // issue 13: servers per operation, several request media types, env, serialization config
    label: 'wire fixture',
    client: () => ({
      name: 'wire',
      spec: join(ROOT, 'test/fixtures/wire/wire.yaml'),
      output: join(ROOT, 'test/plugins/docs/tmp/never-written/wire'),
      env: { ApiKeyAuth: 'WIRE_API_KEY', baseUrl: 'WIRE_BASE_URL' },
      servers: { variables: { region: 'eu' } },
      serialization: { query: { arrays: 'brackets' as const, objects: 'deepObject' as const } },
    }),
    minBlocks: 10,
  },
  {
    label: 'webhooks fixture',
    client: () => ({ name: 'shop-events', spec: join(ROOT, 'test/plugins/docs/fixtures/webhooks.yaml'), output: join(ROOT, 'test/plugins/docs/tmp/never-written/webhooks') }),
    minBlocks: 5,
  },
  {
    label: 'OAuth client-credentials fixture',
    client: () => ({ name: 'ledger', spec: join(ROOT, 'test/e2e/fixtures/oauth-client-credentials.yaml'), output: join(ROOT, 'test/plugins/docs/tmp/never-written/ledger') }),
    minBlocks: 5,
  },
];

// the pipeline's own fixtures (OpenAPI 3.0, 3.1, Swagger 2.0)
const FIXTURES = join(ROOT, 'test/fixtures/specs');
for (const f of readdirSync(FIXTURES).filter((x) => /\.(ya?ml|json)$/.test(x)).sort()) {
  cases.push({
    label: `fixture ${f}`,
    client: () => ({ name: 'fixture', spec: join(FIXTURES, f), output: join(ROOT, 'test/plugins/docs/tmp/never-written/fixture') }),
    minBlocks: 5,
  });
}

describe.each(cases)('docs of $label', ({ client, minBlocks }) => {
  it('has ts examples that all type-check against the package', async () => {
    const c = client();
    const { files } = await renderClient(c);
    const blocks = tsBlocks(files);
    expect(blocks.length).toBeGreaterThanOrEqual(minBlocks);
    // every operation has an example, every model page too
    const apiDocs = [...files.keys()].filter((p) => /^docs\/[^/]+\.md$/.test(p));
    expect(apiDocs.length).toBeGreaterThan(0);
    expect(await typeCheckBlocks(c.name, files, blocks)).toEqual([]);
  }, 180_000);

  it('has no broken relative link or anchor, and no leftover anchor marker', async () => {
    const { files } = await renderClient(client());
    expect(brokenLinks(files)).toEqual([]);
    for (const [path, content] of files) if (path.endsWith('.md')) expect(content.includes('\u0000'), path).toBe(false);
  }, 60_000);
});

describe('docs of the whole OpenAI spec (~290 operations, ~1,400 models)', () => {
  it('type-check, and their links resolve', async () => {
    const c = { name: 'openai', spec: join(ROOT, 'specs/openai.yaml'), output: join(ROOT, 'test/plugins/docs/tmp/never-written/openai') };
    const { files } = await renderClient(c);
    const blocks = tsBlocks(files);
    expect(blocks.length).toBeGreaterThan(1500);
    expect(brokenLinks(files)).toEqual([]);
    expect(await typeCheckBlocks(c.name, files, blocks)).toEqual([]);
  }, 300_000);
});

describe('the example type check itself', () => {
  it('reports an example that does not compile, with its file and line', async () => {
    const { files } = await renderClient(configured('arthur'));
    const readme = files.get('README.md')!;
    // a wrong enum value and a missing required parameter, planted in the README
    files.set(
      'README.md',
      readme +
        '\n```ts\nimport { createClient, getOrganizationUsers, deleteUser } from "arthur";\n\nconst client = createClient();\nawait getOrganizationUsers(client, { sort: "shoe_size" });\nawait deleteUser(client, {});\n```\n',
    );
    const errors = await typeCheckBlocks('arthur', files, tsBlocks(files).filter((b) => b.code.includes('shoe_size')));
    expect(errors.join('\n')).toMatch(/README\.md:\d+ .*"shoe_size"/);
    expect(errors.join('\n')).toMatch(/user_id/);
  }, 120_000);
});
