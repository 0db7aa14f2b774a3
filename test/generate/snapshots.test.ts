/**
 * Snapshot of every emitted file (except the verbatim runtime) for each fixture spec.
 * Review a snapshot change like code: `npx vitest run test/generate -u` rewrites them.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { FIXTURES, fixtureSpecs, renderSpec } from './helpers.js';

describe.each(fixtureSpecs())('snapshot of %s', (spec) => {
  it('matches the reviewed output', async () => {
    const files = await renderSpec(join(FIXTURES, spec), spec.replace(/\.\w+$/, ''));
    const base = join(import.meta.dirname, '__snapshots__', spec.replace(/\.\w+$/, ''));
    for (const [path, content] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (path.startsWith('src/runtime/')) continue;
      await expect(content).toMatchFileSnapshot(join(base, path + '.snap'));
    }
  });
});
