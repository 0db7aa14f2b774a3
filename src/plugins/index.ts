/**
 * IR + names → the files of one generated package (path → content), all in memory: the view
 * is built once (src/view/), then each selected plugin contributes its files and its part of
 * package.json. Nothing here touches the disk: src/write/ does, after everything rendered.
 */
import { OagenError } from '../diagnostics.js';
import type { ApiIR } from '../ir/types.js';
import type { Names } from '../naming/names.js';
import { templateSet } from '../emit/templates.js';
import { buildView, type ApiView, type ModelView, type OperationView, type ViewOptions } from '../view/index.js';
import { clientPlugin } from './client/index.js';
import { docsPlugin } from './docs/index.js';
import { mergePackageJson } from './package-json.js';
import { flat } from '../util/flat.js';
import { dualPackageJson } from './client/formats.js';
import type { Plugin, PluginUse, ReadmeSection } from './types.js';

export type { Plugin, PluginContext, PackageJsonContribution, PluginUse, ReadmeSection } from './types.js';
export { definePlugin } from './types.js';

/**
 * The built-in plugins by name, each loaded when a config selects it: a run that renders only
 * the client and its docs (the default) loads none of the others' modules.
 */
export const BUILTIN_PLUGINS: ReadonlyMap<string, () => Promise<Plugin>> = new Map<string, () => Promise<Plugin>>([
  ['client', async () => clientPlugin],
  ['docs', async () => docsPlugin],
  ['zod', async () => (await import('./zod/index.js')).zodPlugin],
  ['tanstack-query', async () => (await import('./tanstack-query/index.js')).tanstackQueryPlugin],
  ['mocks', async () => (await import('./mocks/index.js')).mocksPlugin],
  ['msw', async () => (await import('./msw/index.js')).mswPlugin],
  ['tests', async () => (await import('./tests/index.js')).testsPlugin],
  ['sdk', async () => (await import('./sdk/index.js')).sdkPlugin as Plugin],
  ['mcp', async () => (await import('./mcp/index.js')).mcpPlugin],
]);

/** The default selection: the package's code and its documentation. */
export const DEFAULT_PLUGINS: readonly PluginUse[] = [
  { plugin: clientPlugin, options: {} },
  { plugin: docsPlugin, options: {} },
];

/** Only the code (what `oagen diff` compares). */
export const CLIENT_ONLY: readonly PluginUse[] = [{ plugin: clientPlugin, options: {} }];

export interface PackageOptions extends ViewOptions {
  /** the user's template folder (config `templates`, `--templates`): overrides of templates/ */
  templates?: string;
}

export interface PackageFiles {
  files: Map<string, string>;
  view: ApiView;
  operations: readonly OperationView[];
  models: readonly ModelView[];
}

export function buildPackage(ir: ApiIR, names: Names, options: PackageOptions, plugins: readonly PluginUse[] = DEFAULT_PLUGINS): PackageFiles {
  const { templates: userTemplates, ...viewOptions } = options;
  const view = buildView(ir, names, viewOptions);
  const templates = templateSet(userTemplates);
  const files = new Map<string, string>();
  const contributions: { plugin: string; json: NonNullable<ReturnType<NonNullable<Plugin['packageJson']>>> }[] = [];
  const readme: ReadmeSection[] = [];
  for (const { plugin, options: pluginOptions } of plugins) {
    for (const section of plugin.readme?.(view, Object.freeze({ options: Object.freeze(pluginOptions ?? {}), templates })) ?? []) readme.push(Object.freeze({ ...section }));
  }
  Object.freeze(readme);
  const runtime: ReadonlySet<string> = new Set(plugins.flatMap(({ plugin: p, options: o }) => (typeof p.runtime === 'function' ? p.runtime(o ?? {}) : (p.runtime ?? []))));
  for (const { plugin, options: pluginOptions } of plugins) {
    const ctx = Object.freeze({ options: Object.freeze(pluginOptions ?? {}), files: new ReadonlyFiles(files), readme, templates, runtime });
    for (const [path, content] of plugin.files(view, ctx)) {
      if (files.has(path)) throw new OagenError({ code: 'E_PLUGIN', severity: 'error', message: `plugin '${plugin.name}' writes ${path}, which an earlier plugin wrote` });
      files.set(path, flat(content));
    }
    const json = plugin.packageJson?.(view, ctx);
    if (json) contributions.push({ plugin: plugin.name, json });
  }
  const base = files.get('package.json');
  if (base !== undefined && contributions.length > 0) files.set('package.json', mergePackageJson(base, contributions));
  if (options.formats?.includes('cjs') && files.has('package.json')) files.set('package.json', dualPackageJson(files.get('package.json')!));
  return { files, view, operations: view.operations, models: view.models };
}

/** A read-only window on the files rendered so far. */
class ReadonlyFiles implements ReadonlyMap<string, string> {
  constructor(private readonly map: Map<string, string>) {}
  get size() {
    return this.map.size;
  }
  get(k: string) {
    return this.map.get(k);
  }
  has(k: string) {
    return this.map.has(k);
  }
  forEach(f: (v: string, k: string, m: ReadonlyMap<string, string>) => void) {
    this.map.forEach((v, k) => f(v, k, this));
  }
  entries() {
    return this.map.entries();
  }
  keys() {
    return this.map.keys();
  }
  values() {
    return this.map.values();
  }
  [Symbol.iterator]() {
    return this.map[Symbol.iterator]();
  }
}
