/**
 * `oagen release --dry-run`: what publishing a generated package would publish, without
 * publishing: its name and version (from its package.json, which `oagen generate` wrote), the
 * CHANGELOG entry of that version, and the tarball's files as `npm pack --dry-run` lists them.
 *
 * `npm pack` runs the package's `prepack` script (the build, `tsc`), so it runs on a copy of the
 * package in a temporary folder: the package folder is not touched. The project's own
 * `node_modules/.bin` is on the PATH, so the project's TypeScript builds it. When the build
 * cannot run (no TypeScript), the list is made without it and says that `dist/` is missing.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { EXIT_USAGE, OagenError } from '../diagnostics.js';

const run = promisify(execFile);

export interface ReleasePreview {
  name: string;
  version: string;
  dir: string;
  /** the CHANGELOG section of this version (`## 1.2.0` and its body), if any */
  changelog?: string;
  files: { path: string; size: number }[];
  /** tarball size and unpacked size, bytes */
  size: number;
  unpackedSize: number;
  /** `prepack` could not run: the list lacks the build output */
  unbuilt?: string;
}

/** The CHANGELOG section of `version`: from its `## version` heading to the next `## `. */
export function changelogEntry(changelog: string, version: string): string | undefined {
  const lines = changelog.split('\n');
  const start = lines.findIndex((l) => l.trim() === `## ${version}`);
  if (start < 0) return undefined;
  let end = lines.findIndex((l, i) => i > start && /^## /.test(l));
  if (end < 0) end = lines.length;
  return lines.slice(start, end).join('\n').trim();
}

export async function previewRelease(dir: string, cwd = process.cwd()): Promise<ReleasePreview> {
  const pkgFile = join(dir, 'package.json');
  if (!existsSync(pkgFile)) throw new OagenError({ code: 'E_USAGE', severity: 'error', message: `${dir} has no package.json: generate it first` }, EXIT_USAGE);
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as { name: string; version: string };
  const changelogFile = join(dir, 'CHANGELOG.md');
  const changelog = existsSync(changelogFile) ? changelogEntry(readFileSync(changelogFile, 'utf8'), pkg.version) : undefined;
  const tmp = mkdtempSync(join(tmpdir(), 'oagen-release-'));
  try {
    const copy = join(tmp, 'package');
    cpSync(dir, copy, { recursive: true, filter: (src) => !/[\\/](node_modules|dist)$/.test(src.slice(dir.length)) });
    // the modules the package resolves where it is (its own, or a workspace's above it), for the build
    const modules = nearestNodeModules(resolve(dir));
    if (modules) symlinkSync(modules, join(copy, 'node_modules'), 'junction');
    // a nested npm obeys the npm_* settings of an npm script around it (it would pack that project): dropped
    const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
    env.PATH = [join(resolve(dir), 'node_modules', '.bin'), join(resolve(cwd), 'node_modules', '.bin'), process.env.PATH ?? ''].join(delimiter);
    let out: string;
    let unbuilt: string | undefined;
    try {
      out = (await run('npm', ['pack', '--dry-run', '--json'], { cwd: copy, env, maxBuffer: 64 << 20 })).stdout;
    } catch (e) {
      unbuilt = `the build (prepack) failed, so dist/ is not listed: ${((e as { stderr?: string }).stderr ?? (e as Error).message).trim().split('\n').slice(-3).join(' ')}`;
      out = (await run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: copy, env, maxBuffer: 64 << 20 })).stdout;
    }
    const report = (JSON.parse(out) as { files: { path: string; size: number }[]; size: number; unpackedSize: number }[])[0];
    return {
      name: pkg.name,
      version: pkg.version,
      dir,
      ...(changelog ? { changelog } : {}),
      files: [...report.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
      size: report.size,
      unpackedSize: report.unpackedSize,
      ...(unbuilt ? { unbuilt } : {}),
    };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

export function formatPreview(p: ReleasePreview, where: string): string {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
  return [
    `${p.name}@${p.version} (${where}) would be published:`,
    '',
    p.changelog ?? `(CHANGELOG.md has no entry for ${p.version})`,
    '',
    `npm pack: ${p.files.length} files, ${kb(p.size)} packed, ${kb(p.unpackedSize)} unpacked`,
    ...(p.unbuilt ? [`note: ${p.unbuilt}`] : []),
    ...p.files.map((f) => `  ${f.path}  ${kb(f.size)}`),
    '',
  ].join('\n');
}

/** The `node_modules` folder Node would search first from `dir`: its own, else the nearest above it. */
function nearestNodeModules(dir: string): string | undefined {
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(join(d, 'node_modules'))) return join(d, 'node_modules');
    if (dirname(d) === d) return undefined;
  }
}
