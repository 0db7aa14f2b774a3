/**
 * `oagen release --dry-run` on the project's generated/openai-admin: the package's version, the
 * CHANGELOG entry of that version, and the files `npm pack` would put in the tarball, the build
 * output included (built in a copy: the package folder is left as it was).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { changelogEntry } from '../../src/release/dry-run.js';
import { repoRoot } from '../e2e/compiled-package.js';

const DIR = join(repoRoot, 'generated/openai-admin');

describe('oagen release --dry-run', () => {
  it('prints the version, its CHANGELOG entry and the tarball of generated/openai-admin', { timeout: 180_000 }, () => {
    const pkg = JSON.parse(readFileSync(join(DIR, 'package.json'), 'utf8')) as { name: string; version: string };
    const hadDist = existsSync(join(DIR, 'dist'));
    const r = spawnSync(process.execPath, [join(repoRoot, 'bin/oagen.js'), 'release', '--dry-run', '--only', 'openai-admin'], { cwd: repoRoot, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const out = r.stdout;
    expect(out.split('\n')[0]).toBe(`openai-admin@${pkg.version} (generated/openai-admin) would be published:`);
    const entry = changelogEntry(readFileSync(join(DIR, 'CHANGELOG.md'), 'utf8'), pkg.version)!;
    expect(entry.split('\n')[0]).toBe(`## ${pkg.version}`);
    expect(out).toContain(entry);
    expect(out).not.toContain('note: the build (prepack) failed');
    const listed = out
      .split('\n')
      .filter((l) => l.startsWith('  '))
      .map((l) => l.trim().split(/\s+/)[0]);
    expect(out).toMatch(new RegExp(`npm pack: ${listed.length} files, `));
    // every source file, and its build output
    const sources = readdirSync(join(DIR, 'src'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    expect(sources.length).toBeGreaterThan(20);
    for (const f of sources) {
      expect(listed).toContain(`src/${f}`);
      expect(listed).toContain(`dist/${f.replace(/\.ts$/, '.js')}`);
      expect(listed).toContain(`dist/${f.replace(/\.ts$/, '.d.ts')}`);
    }
    expect(listed).toEqual(expect.arrayContaining(['package.json', 'README.md', 'docs/UsersApi.md']));
    // oagen's own files are not published
    expect(listed.filter((f) => f === 'oagen.lock.json' || f.startsWith('.oagen/') || f.startsWith('tsconfig'))).toEqual([]);
    // the package folder was not built into
    expect(existsSync(join(DIR, 'dist'))).toBe(hadDist);
  });

  it('finds the entry of a version in a CHANGELOG', () => {
    const log = '# Changelog\n\nintro\n\n## 2.0.0\n\nMajor.\n\n### Removed\n\n- `x`\n\n## 1.0.0\n\nFirst.\n';
    expect(changelogEntry(log, '2.0.0')).toBe('## 2.0.0\n\nMajor.\n\n### Removed\n\n- `x`');
    expect(changelogEntry(log, '1.0.0')).toBe('## 1.0.0\n\nFirst.');
    expect(changelogEntry(log, '3.0.0')).toBeUndefined();
  });
});
