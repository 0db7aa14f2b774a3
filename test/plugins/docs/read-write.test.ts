/**
 * The docs of a package whose schemas are split by readOnly / writeOnly
 * (test/view/fixtures/read-write.yaml): every request-side type has its model page, the pages of
 * both sides link each other, and operations link the side they use.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../../src/diagnostics.js';
import { loadIR } from '../../../src/generate.js';
import { assignNames } from '../../../src/naming/names.js';
import { buildPackage } from '../../../src/plugins/index.js';
import { clientPlugin } from '../../../src/plugins/client/index.js';
import { docsPlugin } from '../../../src/plugins/docs/index.js';

const SPEC = join(import.meta.dirname, '../../view/fixtures/read-write.yaml');

describe('docs of split schemas', async () => {
  const ir = await loadIR(SPEC, { diagnostics: new Diagnostics() });
  const pkg = buildPackage(ir, assignNames(ir, new Diagnostics()), { name: 'pkg', specLabel: 'spec' }, [
    { plugin: clientPlugin, options: {} },
    { plugin: docsPlugin, options: {} },
  ]);
  const page = (name: string) => pkg.files.get(`docs/models/${name}.md`);

  it.each([
    ['User', 'UserWritable2', 'responses have'],
    ['UserWritable2', 'User', 'requests take'],
    ['Order', 'OrderWritable', 'responses have'],
    ['ItemWritable', 'Item', 'requests take'],
  ])('%s links %s', (name, other, self) => {
    const md = page(name)!;
    expect(md).toContain('## Requests and responses');
    expect(md).toContain(`${self} [\`${name}\`](${name}.md)`);
    expect(md).toContain(`[\`${other}\`](${other}.md)`);
  });

  it.each(['Dog', 'Login', 'Session', 'UserWritable', 'Problem'])('%s (not split) has no such section', (name) => {
    expect(page(name)).toBeDefined();
    expect(page(name)).not.toContain('Requests and responses');
  });

  it('the request-side pages list the properties of their side, and the README lists them', () => {
    expect(page('UserWritable2')).toContain('| `password` |');
    expect(page('UserWritable2')).not.toContain('| `id` |');
    expect(page('User')).not.toContain('| `password` |');
    expect(pkg.files.get('README.md')).toContain('[`UserWritable2`](docs/models/UserWritable2.md)');
  });

  it('operations link the type of their side', () => {
    const api = [...pkg.files].filter(([p]) => /^docs\/[^/]+Api\.md$/.test(p)).map(([, c]) => c).join('\n');
    expect(api).toMatch(/`body` \| body \| \[`UserWritable2`\]\(models\/UserWritable2\.md\)/);
    expect(api).toMatch(/`body` \| body \| \[`OrderWritable`\]\(models\/OrderWritable\.md\)/);
    expect(page('UserWritable2')).toMatch(/- \[`createUser`\]\(.*\) \(request body\)/);
  });
});

describe('the docs examples of a package with split schemas and dates: "Date"', () => {
  it('every ```ts block type-checks against the package', async () => {
    const { zodPlugin } = await import('../../../src/plugins/zod/index.js');
    const { tsBlocks, typeCheckBlocks } = await import('./helpers.js');
    const ir = await loadIR(SPEC, { diagnostics: new Diagnostics() });
    const pkg = buildPackage(ir, assignNames(ir, new Diagnostics()), { name: 'read-write', specLabel: 'spec' }, [
      { plugin: clientPlugin, options: {} },
      { plugin: docsPlugin, options: {} },
      { plugin: zodPlugin, options: { dates: 'Date' } },
    ]);
    const blocks = tsBlocks(pkg.files);
    expect(blocks.length).toBeGreaterThan(20);
    expect(pkg.files.get('README.md')).toContain('With `dates: "Date"` the types follow');
    expect(await typeCheckBlocks('read-write', pkg.files, blocks)).toEqual([]);
  }, 300_000);
});
