/**
 * The `openai-admin` package as oagen.config.json configures it (the `sdk` plugin on, class
 * `OpenAIAdmin`; of its plugins, `client`, `docs` and `sdk`), rendered into a temp folder, compiled with its own tsconfig and loaded by
 * Node: `dist/index.js` (the functions) and `dist/sdk.js` (the class).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect } from 'vitest';
import { loadConfig, type ClientConfig } from '../../../src/config.js';
import { renderClient } from '../../../src/generate.js';
import { loadCompiledPackage, repoRoot, type CompiledPackage } from '../../e2e/compiled-package.js';
import { tempDir } from '../../tmp.js';

export function configuredAdmin(): ClientConfig {
  const config = loadConfig(join(repoRoot, 'oagen.config.json'));
  const c = config.clients.find((x) => x.name === 'openai-admin')!;
  // the package as configured, with the plugins these tests are about (the others need their own dependencies installed)
  const plugins = c.plugins?.filter((p) => ['client', 'docs', 'sdk'].includes(p.name));
  expect(plugins?.find((p) => p.name === 'sdk')?.options).toMatchObject({ className: 'OpenAIAdmin' });
  return { ...c, ...(plugins ? { plugins } : {}), output: join(tempDir('sdk-never-written-'), 'openai-admin') };
}

/** Renders a client config's package into a new temp folder (its source, as `oagen generate` would write it). */
export async function renderToDisk(client: ClientConfig): Promise<{ dir: string; files: Map<string, string> }> {
  const { files } = await renderClient(client);
  const dir = tempDir('sdk-src-');
  for (const [path, content] of files) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return { dir, files };
}

export async function loadWithSdk<M, S>(client: ClientConfig): Promise<CompiledPackage<M> & { sdk: S; files: Map<string, string> }> {
  const { dir, files } = await renderToDisk(client);
  const pkg = await loadCompiledPackage<M>(client.name, dir);
  const sdk = (await import(/* @vite-ignore */ pathToFileURL(join(pkg.dir, 'dist', 'sdk.js')).href)) as S;
  return { ...pkg, sdk, files };
}
