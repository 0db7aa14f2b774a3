/**
 * The class compiles strictly for every spec the pipeline's tests use (OpenAPI 3.0, 3.1,
 * Swagger 2.0 fixtures, Arthur's API): whatever the parameters, bodies, streams and names,
 * `src/sdk.ts` type-checks with the package's own tsconfig.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exec, repoRoot } from '../../e2e/compiled-package.js';
import { tscBin } from '../../tsc.js';
import { tempDir } from '../../tmp.js';
import { renderToDisk } from './helpers.js';
import { codeBlocks, typeCheckBlocks } from '../docs/helpers.js';

const FIXTURES = join(repoRoot, 'test/fixtures/specs');
const specs = [
  ...readdirSync(FIXTURES)
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .sort()
    .map((f) => join(FIXTURES, f)),
  join(repoRoot, 'specs/arthur.yaml'),
  join(repoRoot, 'test/plugins/docs/fixtures/docs-features.yaml'),
];

describe.each(specs.map((s) => [s.slice(repoRoot.length), s] as const))('sdk of %s', (_label, spec) => {
  it('type-checks, with the docs examples', async () => {
    const { dir, files } = await renderToDisk({
      name: 'fixture-api',
      spec,
      output: join(tempDir('sdk-never-'), 'out'),
      plugins: [
        { name: 'client', file: 'test', at: 'plugins[0]' },
        { name: 'docs', file: 'test', at: 'plugins[1]' },
        { name: 'sdk', file: 'test', at: 'plugins[2]' },
      ],
    });
    expect(files.get('src/sdk.ts')).toContain('export class FixtureApi {');
    expect(files.get('README.md')).toContain('## Resource-style client');
    await exec(tscBin, ['-p', join(dir, 'tsconfig.json')], repoRoot);
    // the README section's examples are whole programs that compile against the package
    const readme = files.get('README.md')!;
    const section = readme.slice(readme.indexOf('## Resource-style client'));
    const end = section.indexOf('\n## ', 5);
    const blocks = codeBlocks('README.md', end < 0 ? section : section.slice(0, end)).filter((b) => b.lang === 'ts');
    expect(blocks.length).toBeGreaterThanOrEqual(3);
    expect(await typeCheckBlocks('fixture-api', files, blocks)).toEqual([]);
  }, 120_000);
});
