/**
 * The plugin interface: an output of oagen over the read-only view of one package
 * (src/view/). The built-in outputs are plugins too: `client` (src/plugins/client/) and
 * `docs` (src/plugins/docs/). See README.md, "Plugins".
 */
import type { TemplateSet } from '../emit/templates.js';
import type { ApiView } from '../view/index.js';

export type { ApiView, TemplateSet };

/** What a plugin adds to the generated package's `package.json`. */
export interface PackageJsonContribution {
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  devDependencies?: Record<string, string>;
  /** `exports` subpaths (`"./extra"`) → their target (a path or a conditions object) */
  exports?: Record<string, unknown>;
  scripts?: Record<string, string>;
  /** commands the package installs (`"openai-admin-mcp": "./dist/mcp/bin.js"`) */
  bin?: Record<string, string>;
}

/** A section a plugin adds to the generated README (rendered by the `docs` plugin). */
export interface ReadmeSection {
  /** anchor id, unique in the README (`zod` → `#zod`) */
  id: string;
  /** the `##` heading text (plain text) */
  heading: string;
  /** Markdown; every ```ts block is a whole program that must type-check against the package */
  body: string;
  /** the README leads with it: right after Installation, before the Quick start (default: after the built-in sections) */
  lead?: boolean;
}

export interface PluginContext<Options = unknown> {
  /** the plugin's `options` from the config (`{}` when none) */
  readonly options: Readonly<Options>;
  /** the files the plugins before this one contributed (read-only) */
  readonly files: ReadonlyMap<string, string>;
  /** the README sections of every selected plugin, in plugin order (collected before any file renders) */
  readonly readme: readonly ReadmeSection[];
  /** the Handlebars templates (templates/, with the user's overrides from config `templates`) */
  readonly templates: TemplateSet;
  /** the optional runtime features the selected plugins ask for (`Plugin.runtime`) */
  readonly runtime: ReadonlySet<string>;
}

export interface Plugin<Options = unknown> {
  /** unique among the plugins of a client */
  name: string;
  /** plugins whose files this one needs (`["client"]`): a config without them is an error */
  requires?: readonly string[];
  /**
   * optional features of the client runtime this plugin needs (`validate`): the `client` plugin
   * copies the runtime with them (templates/runtime/, `//#if <feature>` blocks); a function of
   * the plugin's options when they decide
   */
  runtime?: readonly string[] | ((options: unknown) => readonly string[]);
  /** the files this plugin contributes: package-relative path (`src/extra.ts`) → content */
  files(view: ApiView, ctx: PluginContext<Options>): Iterable<readonly [string, string]>;
  /** sections this plugin adds to the package's README (after the built-in ones, before the reference lists) */
  readme?(view: ApiView, ctx: Omit<PluginContext<Options>, 'files' | 'readme' | 'runtime'>): Iterable<ReadmeSection>;
  /** what this plugin adds to the package's package.json */
  packageJson?(view: ApiView, ctx: PluginContext<Options>): PackageJsonContribution | undefined;
}

/** A plugin as the config selected it, with its options. */
export interface PluginUse {
  plugin: Plugin<any>;
  options: unknown;
}

/** For a plugin's module: `export default definePlugin({ … })` (typing only). */
export function definePlugin<Options = unknown>(plugin: Plugin<Options>): Plugin<Options> {
  return plugin;
}
