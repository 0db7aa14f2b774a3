/**
 * Every fixture's generated package type-checks under `strict`, in memory with ts-morph
 * (the whole package: models, operations, client, runtime).
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { FIXTURES, fixtureSpecs, renderSpec, typeErrors } from './helpers.js';

describe.each(fixtureSpecs())('generated package of %s', (spec) => {
  it.each(['nodenext', 'bundler'] as const)('type-checks strictly (%s)', async (mode) => {
    const files = await renderSpec(join(FIXTURES, spec));
    expect(typeErrors(files, mode)).toEqual([]);
  }, 60_000);
});

describe('the type check itself', () => {
  it('reports an error planted in a generated package', async () => {
    const files = await renderSpec(join(FIXTURES, 'legacy-30.yaml'));
    files.set('src/planted.ts', `import type { Thing } from './models/index.js';\nexport const t: Thing = { name: 42 };\n`);
    expect(typeErrors(files, 'nodenext').join('\n')).toMatch(/planted\.ts.*not assignable/);
  }, 60_000);
});
