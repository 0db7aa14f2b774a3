/**
 * `--verify` with the `mcp` plugin: the rendered files are checked where they will be written,
 * so `src/mcp/` finds the SDK and Node's types as the package's own build does (purely in
 * memory, as before, they were not found: `--verify` failed on every package with the server).
 */
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { renderClient } from '../../../src/generate.js';
import { verifyPackage } from '../../../src/verify/index.js';
import { repoRoot } from '../../e2e/compiled-package.js';

it('a package with the MCP server verifies against the SDK installed next to it', async () => {
  const base = loadConfig(join(repoRoot, 'oagen.config.json')).clients.find((c) => c.name === 'arthur')!;
  const plugins = [
    { name: 'client', file: base.output, at: 'plugins[0]' },
    { name: 'mcp', file: base.output, at: 'plugins[1]', options: { readOnly: false } },
  ];
  const { files } = await renderClient({ ...base, plugins });
  expect(files.has('src/mcp/server.ts')).toBe(true);
  // one check (they take a while): the planted error is the only one, so the SDK's modules resolved
  files.set('src/mcp/index.ts', `${files.get('src/mcp/index.ts')}\nexport const wrong: number = tools;\n`);
  const error = await verifyPackage(files, 'arthur.yaml', base.output).catch((e: Error) => e);
  const messages = (error as { diagnostics?: { message: string }[] }).diagnostics?.map((d) => d.message);
  expect(messages).toHaveLength(1);
  expect(messages![0]).toMatch(/src\/mcp\/index\.ts:\d+ Type 'readonly McpTool\[\]' is not assignable to type 'number'/);
}, 300_000);
