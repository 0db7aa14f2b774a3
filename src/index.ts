/**
 * The `oagen` package's entry (`import { defineConfig } from 'oagen'`): the config's types
 * for `oagen.config.ts`, and the plugin interface for plugin modules. The command line is
 * bin/oagen.js.
 */
export { defineConfig, plugin } from './config/types.js';
export type {
  BuiltinPluginName,
  BuiltinPlugins,
  ClientOptions,
  FormatOption,
  OagenConfig,
  PluginConfig,
  PluginModulePath,
  PluginOptions,
  PluginWithOptions,
  SerializationFormatConfig,
  SdkPluginOptions,
  SerializationOptions,
  SpecFetchOptions,
} from './config/types.js';
export { definePlugin } from './plugins/types.js';
export type { ApiView, PackageJsonContribution, Plugin, PluginContext, ReadmeSection } from './plugins/types.js';
