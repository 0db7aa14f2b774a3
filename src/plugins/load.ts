/**
 * The config's `plugins` entries (checked by src/config.ts) → the plugins to run: built-ins by
 * name, local modules loaded with `import()` (ESM: `.mjs`, or `.js` in a `"type": "module"`
 * package) whose default export (or export named `plugin`) is a plugin.
 */
import { statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { BUILTIN_PLUGIN_NAMES, configError, type PluginEntry } from '../config.js';
import { BUILTIN_PLUGINS, DEFAULT_PLUGINS } from './index.js';
import type { Plugin, PluginUse } from './types.js';

export async function resolvePlugins(entries: readonly PluginEntry[] | undefined): Promise<readonly PluginUse[]> {
  if (!entries) return DEFAULT_PLUGINS;
  const uses: (PluginUse & { entry: PluginEntry })[] = [];
  for (const entry of entries) {
    const plugin = entry.module ? await loadModule(entry) : await BUILTIN_PLUGINS.get(entry.name)?.();
    if (!plugin) throw configError(entry.file, `${entry.at}: unknown plugin "${entry.name}"`);
    uses.push({ plugin, options: entry.options ?? {}, entry });
  }
  const names = new Map<string, PluginEntry>();
  for (const u of uses) {
    const before = names.get(u.plugin.name);
    if (before) throw configError(u.entry.file, `${u.entry.at}: a plugin named "${u.plugin.name}" is already selected (${before.at})`);
    names.set(u.plugin.name, u.entry);
  }
  for (const u of uses) {
    for (const needed of u.plugin.requires ?? []) {
      if (!names.has(needed)) throw configError(u.entry.file, `${u.entry.at}: plugin "${u.plugin.name}" needs "${needed}" in ${u.entry.at.replace(/\[\d+\]$/, '')}`);
    }
  }
  return uses.map(({ plugin, options }) => ({ plugin, options }));
}

async function loadModule(entry: PluginEntry): Promise<Plugin> {
  let mod: Record<string, unknown>;
  try {
    // the file's time in the URL: an edited module is imported afresh (`generate --watch`)
    mod = (await import(`${pathToFileURL(entry.module!).href}?t=${statSync(entry.module!).mtimeMs}`)) as Record<string, unknown>;
  } catch (e) {
    throw configError(entry.file, `${entry.at}: cannot load plugin module ${entry.module}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const plugin = (isPlugin(mod.default) ? mod.default : isPlugin(mod.plugin) ? mod.plugin : undefined) as Plugin | undefined;
  if (!plugin) {
    throw configError(entry.file, `${entry.at}: ${entry.module} does not export a plugin (export default { name: "…", files(view, ctx) { … } })`);
  }
  if (Object.hasOwn(BUILTIN_PLUGIN_NAMES, plugin.name)) throw configError(entry.file, `${entry.at}: a plugin module cannot take a built-in plugin's name ("${plugin.name}")`);
  return plugin;
}

function isPlugin(x: unknown): boolean {
  if (typeof x !== 'object' || x === null) return false;
  const p = x as Partial<Plugin>;
  return typeof p.name === 'string' && p.name !== '' && typeof p.files === 'function' && (p.packageJson === undefined || typeof p.packageJson === 'function') && (p.requires === undefined || Array.isArray(p.requires));
}
