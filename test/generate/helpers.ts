import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ClientConfig } from '../../src/config.js';
import { renderClient } from '../../src/generate.js';

export const ROOT = resolve(import.meta.dirname, '../..');
export const FIXTURES = join(ROOT, 'test/fixtures/specs');

export function fixtureSpecs(): string[] {
  return readdirSync(FIXTURES)
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .sort();
}

export function tempDir(prefix = 'oagen-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Render a spec in memory into a fresh (never written) output folder: no name lock applies. */
export async function renderSpec(spec: string, name = 'fixture', extra: Partial<ClientConfig> = {}): Promise<Map<string, string>> {
  const { files } = await renderClient({ name, spec, output: join(tempDir(), 'out'), ...extra });
  return files;
}

/** Files of a package folder on disk, as path → content. */
export function readPackage(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string, prefix: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const rel = prefix ? `${prefix}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (!prefix && (e.name === 'node_modules' || e.name === 'dist')) continue;
        walk(join(d, e.name), rel);
      } else out.set(rel, readFileSync(join(d, e.name), 'utf8'));
    }
  };
  walk(dir, '');
  return out;
}
