/** Make sure the peers' own node_modules exist (npm ci from their lockfile) before benchmarking. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PEERS, PEERS_MODULES } from './lib/paths.js';

export function ensurePeersInstalled(pkgs: readonly string[]): void {
  const missing = pkgs.filter((p) => !existsSync(join(PEERS_MODULES, p, 'package.json')));
  if (missing.length === 0) return;
  console.log(`installing bench peers (missing: ${missing.join(', ')}): npm ci --prefix tools/bench/peers`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['ci', '--prefix', PEERS, '--no-audit', '--no-fund'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`npm ci --prefix tools/bench/peers failed (exit ${result.status})`);
}
