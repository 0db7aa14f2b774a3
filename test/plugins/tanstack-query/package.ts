/**
 * The project's `openai-admin` client as oagen.config.json configures it (with the
 * `tanstack-query` plugin), rendered and written to a temp folder for the plugin's tests.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadConfig, type ClientConfig } from '../../../src/config.js';
import { renderClient } from '../../../src/generate.js';
import { tempDir } from '../../tmp.js';

export const ROOT = join(import.meta.dirname, '../../..');

export function configuredClient(name: string): ClientConfig {
  const client = loadConfig(join(ROOT, 'oagen.config.json')).clients.find((c) => c.name === name);
  if (!client) throw new Error(`no client ${name} in oagen.config.json`);
  return client;
}

/**
 * Renders a client into `<root>/<name>`, a new temp folder whose `node_modules` is the
 * project's (so the package and code beside it resolve `@tanstack/*`, React, Vue). Nothing
 * else is touched: no stamp, no lock update.
 */
export async function writeClient(client: ClientConfig): Promise<{ root: string; dir: string; files: Map<string, string> }> {
  const root = tempDir('oagen-query-');
  symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
  const dir = join(root, client.name.replace(/[^\w-]/g, '_'));
  const { files } = await renderClient({ ...client, output: dir });
  for (const [path, content] of files) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return { root, dir, files };
}
