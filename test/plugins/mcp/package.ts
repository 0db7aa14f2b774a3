/**
 * `openai-admin` (the project's config: spec, overlay, include, env, serialization) generated
 * with the `mcp` plugin into a temp folder, compiled strictly with its own tsconfig.build.json,
 * and installed the way npm installs a package with a `bin`: `<consumer>/node_modules/<pkg>`,
 * and `<consumer>/node_modules/.bin/<bin>` linking to the `bin` entry, made executable.
 */
import { chmodSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadConfig, type ClientConfig } from '../../../src/config.js';
import { generateClient } from '../../../src/generate.js';
import { exec, repoRoot } from '../../e2e/compiled-package.js';
import { tscBin } from '../../tsc.js';
import { tempDir } from '../../tmp.js';

export interface McpPackage {
  /** the generated package's folder (its own `node_modules` links to the project's, for the SDK) */
  out: string;
  pkg: { name: string; bin: Record<string, string>; [k: string]: unknown };
  /** `<consumer>/node_modules/.bin/<bin>`: what `npx <bin>` runs */
  binLink: string;
  files: ReadonlyMap<string, string>;
}

export async function buildMcpPackage(options?: Record<string, unknown>): Promise<McpPackage> {
  const base = loadConfig(join(repoRoot, 'oagen.config.json')).clients.find((c) => c.name === 'openai-admin')!;
  const plugin = base.plugins!.find((p) => p.name === 'mcp')!;
  return installPackage({ ...base, plugins: base.plugins!.map((p) => (p === plugin && options ? { ...p, options } : p)) });
}

/** Any client config (its `output` is replaced by a temp folder), generated, compiled and installed as above. */
export async function installPackage(client: ClientConfig): Promise<McpPackage> {
  const dir = tempDir('oagen-mcp-');
  const out = join(dir, client.name);
  const { files } = await generateClient({ ...client, output: out });
  symlinkSync(join(repoRoot, 'node_modules'), join(out, 'node_modules'), 'dir');
  await exec(tscBin, ['-p', 'tsconfig.build.json', '--pretty', 'false'], out);
  const pkg = JSON.parse(readFileSync(join(out, 'package.json'), 'utf8')) as McpPackage['pkg'];
  const consumer = join(dir, 'consumer', 'node_modules');
  mkdirSync(join(consumer, '.bin'), { recursive: true });
  symlinkSync(out, join(consumer, pkg.name), 'dir');
  const [[bin, target]] = Object.entries(pkg.bin) as [[string, string]];
  const binLink = join(consumer, '.bin', bin);
  symlinkSync(join('..', pkg.name, target), binLink);
  chmodSync(join(out, target), 0o755);
  return { out, pkg, binLink, files };
}

/** PATH with this Node first, so the bin's `#!/usr/bin/env node` finds it. */
export function pathWithNode(): string {
  return [dirname(process.execPath), process.env.PATH ?? ''].join(':');
}
