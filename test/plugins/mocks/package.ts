/**
 * A package of oagen.config.json (with its plugins), rendered in memory and written under
 * test/plugins/mocks/tmp/ (git-ignored): inside the repository, so its `msw` and `vitest`
 * imports resolve to the repository's node_modules as an installed package's would.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadConfig } from '../../../src/config.js';
import { renderClient } from '../../../src/generate.js';
import type { ApiIR } from '../../../src/ir/types.js';
import type { Names } from '../../../src/naming/names.js';
import { ROOT } from './specs.js';

export interface WrittenPackage {
  dir: string;
  files: Map<string, string>;
  ir: ApiIR;
  names: Names;
  dispose(): void;
}

/** `plugins`: in place of the configured ones (`[{ name: 'mocks', options: { faker: true } }, …]`). */
export async function writeConfiguredPackage(name: string, plugins?: { name: string; options?: unknown }[]): Promise<WrittenPackage> {
  const config = loadConfig(join(ROOT, 'oagen.config.json'));
  const client = config.clients.find((c) => c.name === name);
  if (!client) throw new Error(`no client ${name} in oagen.config.json`);
  const dir = join(ROOT, 'test/plugins/mocks/tmp', `${name}-${process.pid}-${Date.now()}`);
  const entries = plugins?.map((p, i) => ({ ...p, file: config.file, at: `clients[].plugins[${i}]` }));
  const { files, ir, names } = await renderClient({ ...client, output: join(dir, 'never-written'), ...(entries ? { plugins: entries } : {}) });
  for (const [path, content] of files) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return { dir, files, ir, names, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
