/**
 * The judge on the package layout of issue 14 (point 7), against the same package in the
 * layout before it (one `src/models.ts`, the whole runtime re-exported by the root): moving
 * the models into `src/models/<group>.ts` removes no export; taking the runtime plumbing out
 * of the root removes exactly that plumbing, which `<package>/internal` still exports, and the
 * CHANGELOG entry says where it went.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { entryBody } from '../../src/changelog/entry.js';
import { loadConfig } from '../../src/config.js';
import { renderClient } from '../../src/generate.js';
import type { ApiIR } from '../../src/ir/types.js';
import { judge } from '../../src/judge/index.js';
import { exportedNames } from '../../src/judge/reexports.js';
import type { Names } from '../../src/naming/names.js';
import { tempDir } from '../tmp.js';

const ROOT = join(import.meta.dirname, '../..');

/** The package with its models in one `src/models.ts`, as before the split. */
function unsplit(files: ReadonlyMap<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  const models: string[] = [];
  let runtimeImport = '';
  for (const [path, content] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (path === 'src/models/index.ts') continue;
    if (path.startsWith('src/models/')) {
      let code = content.replace(/^import type \{[^}]*\} from '\.\/shared\.js';\n/gm, '');
      code = code.replace(/^import type (\{[^}]*\}) from '\.\.\/runtime\/index\.js';\n/gm, (_, list: string) => {
        runtimeImport ||= `import type ${list} from './runtime/index.js';\n`;
        return '';
      });
      models.push(code);
      continue;
    }
    out.set(path, content.replace(/'(\.\.?)\/models\/[^']+\.js'/g, "'$1/models.js'"));
  }
  out.set('src/models.ts', runtimeImport + models.join('\n'));
  return out;
}

/** …and with the whole runtime re-exported by the root, no `./internal` subpath. */
function before(files: ReadonlyMap<string, string>): Map<string, string> {
  const out = unsplit(files);
  out.set('src/index.ts', out.get('src/index.ts')!.replace("'./runtime/public.js'", "'./runtime/index.js'"));
  out.delete('src/internal.ts');
  // runtime/index.ts re-exports public.ts: the old runtime is the two files, reached through index.ts
  const pkg = JSON.parse(out.get('package.json')!);
  delete pkg.exports['./internal'];
  out.set('package.json', `${JSON.stringify(pkg, null, 2)}\n`);
  return out;
}

describe('the judge on the layout change (openai-admin)', () => {
  let files: Map<string, string>;
  let ir: ApiIR;
  let names: Names;
  beforeAll(async () => {
    const config = loadConfig(join(ROOT, 'oagen.config.json')).clients.find((c) => c.name === 'openai-admin')!;
    ({ files, ir, names } = await renderClient({ ...config, output: join(tempDir('oagen-judge-'), 'out') }));
  }, 120_000);

  it('the models split removes and changes no export', async () => {
    const old = unsplit(files);
    expect(old.has('src/models.ts') && !old.has('src/models/shared.ts')).toBe(true);
    const verdict = await judge({ oldFiles: old, newFiles: files, ir, names });
    expect(verdict.exports).toEqual([]);
    expect(verdict.semver).toBe('patch');
  });

  it('the plumbing leaving the root: removed from it, moved to openai-admin/internal, a major change', async () => {
    const verdict = await judge({ oldFiles: before(files), newFiles: files, ir, names });
    const runtime = exportedNames(files, 'src/runtime/index.ts');
    const kept = exportedNames(files, 'src/runtime/public.ts');
    const plumbing = [...runtime.keys()].filter((n) => !kept.has(n)).sort();
    expect(plumbing).toContain('request');
    expect(verdict.exports.map((e) => e.name).sort()).toEqual(plumbing);
    for (const e of verdict.exports) expect(e).toMatchObject({ change: 'removed', movedTo: 'openai-admin/internal' });
    expect(verdict.semver).toBe('major');
    expect(verdict.reasons.join('\n')).toContain(`${plumbing.length} export(s) moved from the package's root to openai-admin/internal`);

    const entry = entryBody({
      version: '3.0.0',
      previousVersion: '2.4.0',
      api: { title: 'OpenAI API', version: '2.3.0' },
      verdict,
      renames: [],
      plan: { aliases: [], added: [], dropped: [], lost: [], reused: [] },
      pinned: false,
      untilMajor: true,
    });
    expect(entry).toContain('### Moved to `openai-admin/internal`');
    expect(entry).toContain('which is not a public API');
    expect(entry).not.toContain('### Removed');
    for (const n of plumbing) expect(entry).toContain(`- \`${n}\``);
  });

  it('a root export gone without a subpath still exporting it is plain removed', async () => {
    const without = new Map(files);
    without.set('src/runtime/public.ts', files.get('src/runtime/public.ts')!.replace('export { toFile }', 'export {}'));
    const verdict = await judge({ oldFiles: files, newFiles: without, ir, names });
    expect(verdict.exports).toEqual([{ name: 'toFile', kind: 'value', change: 'removed' }]);
    expect(verdict.semver).toBe('major');
  });
});
