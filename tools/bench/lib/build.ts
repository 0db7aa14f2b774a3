/**
 * bin/oagen.js runs the compiled dist/. Before timing oagen, build it when dist/cli.js is
 * missing or older than any file in src/ (the build itself is not timed).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { OAGEN_BIN, ROOT } from './paths.js';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

export function distIsStale(): boolean {
  const cli = join(ROOT, 'dist', 'cli.js');
  if (!existsSync(cli)) return true;
  return newestMtime(join(ROOT, 'src')) > statSync(cli).mtimeMs;
}

/** Returns a warning to print, or undefined when oagen is ready to run. */
export function ensureOagenBuilt(): string | undefined {
  if (OAGEN_BIN !== join(ROOT, 'bin', 'oagen.js')) return undefined; // another build chosen with OAGEN_BIN
  if (!existsSync(OAGEN_BIN) || !distIsStale()) return undefined;
  console.log('dist/ is missing or older than src/: npm run build');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status === 0) return undefined;
  return existsSync(join(ROOT, 'dist', 'cli.js'))
    ? `npm run build failed (exit ${result.status}); measuring the dist/ it left`
    : `npm run build failed (exit ${result.status}) and dist/cli.js is missing`;
}
