/**
 * Finding and reading the config file: `oagen.config.ts` (also `.mts`, `.mjs`, `.js`) whose
 * default export is `defineConfig({ … })`, loaded through jiti (TypeScript without a build
 * step, on every supported Node), or `oagen.config.json`. Whatever the form, the value is
 * checked by the same rules (src/config.ts `checkConfig`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkConfig, configError, type Config } from '../config.js';

/** The names looked for, in this order, in the current folder. */
export const CONFIG_FILES = ['oagen.config.ts', 'oagen.config.mts', 'oagen.config.mjs', 'oagen.config.js', 'oagen.config.json'] as const;

/** The config file of `dir`, or undefined when it has none. */
export function findConfigFile(dir = process.cwd()): string | undefined {
  for (const name of CONFIG_FILES) {
    const file = join(dir, name);
    if (existsSync(file)) return file;
  }
  return undefined;
}

/** Read and check a config file of any form. */
export async function readConfigFile(file: string): Promise<Config> {
  return checkConfig(await readConfigValue(file), file);
}

/** The config file's value (not yet checked). */
export async function readConfigValue(file: string): Promise<unknown> {
  if (file.endsWith('.json')) {
    try {
      return JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      throw configError(file, e instanceof Error ? e.message : String(e));
    }
  }
  if (!existsSync(file)) throw configError(file, 'no such file');
  const { createJiti } = await import('jiti');
  // `import … from 'oagen'` is the running oagen, installed in the project or not; every
  // read is fresh (--watch reads the config again when it changes)
  const jiti = createJiti(import.meta.url, {
    moduleCache: false,
    fsCache: false,
    // a missing default export is an error, not the module itself
    interopDefault: false,
    alias: { oagen: fileURLToPath(new URL('../index.js', import.meta.url)) },
  });
  let mod: Record<string, unknown>;
  try {
    mod = await jiti.import<Record<string, unknown>>(resolve(file));
  } catch (e) {
    const message = e instanceof Error ? e.message.split('\n')[0] : String(e);
    throw configError(file, `cannot load the config: ${message}`);
  }
  let value = mod?.default;
  if (value === undefined) throw configError(file, 'the config file has no default export (export default defineConfig({ clients: [ … ] }))');
  if (typeof value === 'function') value = await (value as () => unknown)();
  return value;
}
