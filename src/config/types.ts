/**
 * The config as its user writes it: the types behind `defineConfig({ … })` in
 * `oagen.config.ts` (src/index.ts exports them from the `oagen` package). The loader's rules
 * are in src/config.ts (the checked, resolved `ClientConfig`); the JSON Schema editors read
 * for `oagen.config.json` is schema/oagen.config.schema.json. All three describe one config;
 * test/config/ checks them against each other.
 */
import type { ArrayFormat, MultipartObjectFormat, ObjectFormat } from '../config.js';
import type { PaginationInfo } from '../ir/types.js';

/** Options of a plugin that takes none yet, or whose options are typed on its own branch. */
export type PluginOptions = Record<string, unknown>;

/**
 * The built-in plugins and the options each takes: a built-in plugin's options type goes here
 * (replacing `PluginOptions`), next to its name in src/config.ts BUILTIN_PLUGIN_NAMES and in
 * schema/oagen.config.schema.json (test/config/schema.test.ts checks the three agree).
 */
export interface BuiltinPlugins {
  /** the typed client: `src/index.ts`, models, operations, the runtime */
  client: PluginOptions;
  /** README.md and docs/: every operation and model (needs `client`) */
  docs: PluginOptions;
  /** Zod schemas of the models (needs `client`) */
  zod: PluginOptions;
  /** TanStack Query options and hooks (needs `client`) */
  'tanstack-query': PluginOptions;
  /** fake data for every model (needs `client`) */
  mocks: PluginOptions;
  /** MSW request handlers answering with fake data (needs `mocks`) */
  msw: PluginOptions;
  /** generated tests of the client against the MSW handlers (needs `msw`) */
  tests: PluginOptions;
  /** an SDK-style class over the client (needs `client`) */
  sdk: SdkPluginOptions;
  /** an MCP server exposing the operations as tools (needs `client`) */
  mcp: PluginOptions;
}

/** Options of the `sdk` plugin (src/plugins/sdk/; README "Resource-style client"). */
export interface SdkPluginOptions {
  /** the class's name (default: PascalCase of the package name, `openai-admin` → `OpenaiAdmin`) */
  className?: string;
  /** namespaces from path segments (default) or from tags */
  namespaces?: 'paths' | 'tags';
  /** the generated README leads with the class */
  lead?: boolean;
}

export type BuiltinPluginName = keyof BuiltinPlugins;

/** A local plugin module: a path relative to the config file (`./my-plugin.mjs`) or absolute. */
export type PluginModulePath = `./${string}` | `../${string}` | `/${string}`;

/** A plugin with options: a built-in's options are typed; a module's are `Options`. */
export type PluginWithOptions<Options = PluginOptions> =
  | { [N in BuiltinPluginName]: { name: N; options?: BuiltinPlugins[N] } }[BuiltinPluginName]
  | { name: PluginModulePath; options?: Options };

/** One entry of `plugins`: a built-in's name, a module path, or either with options. */
export type PluginConfig = BuiltinPluginName | PluginModulePath | PluginWithOptions<object>;

/**
 * A local plugin module with options of a known type, checked where it is written:
 * `plugin<MyOptions>('./my-plugin.mjs', { depth: 2 })`.
 */
export function plugin<Options extends object = PluginOptions>(module: PluginModulePath, options?: Options): { name: PluginModulePath; options?: Options } {
  return options === undefined ? { name: module } : { name: module, options };
}

export interface SerializationFormatConfig<O extends string = ObjectFormat> {
  arrays?: ArrayFormat;
  objects?: O;
}

export interface SerializationOptions {
  query?: SerializationFormatConfig;
  form?: SerializationFormatConfig;
  multipart?: SerializationFormatConfig<MultipartObjectFormat>;
  /** per function name or `METHOD /path` */
  operations?: Record<string, { params?: Record<string, SerializationFormatConfig>; body?: SerializationFormatConfig<ObjectFormat | 'brackets'> }>;
}

/** How a spec given as an http(s) URL is fetched. */
export interface SpecFetchOptions {
  /**
   * request headers (auth for a private spec). In `oagen.config.json`, `${NAME}` in a value
   * is replaced by the environment variable NAME (`"Bearer ${SPEC_TOKEN}"`).
   */
  headers?: Record<string, string>;
  /** milliseconds before a request is given up (default 30000) */
  timeout?: number;
  /** with `--watch`: milliseconds between checks of the URL for a change (default 2000) */
  poll?: number;
}

/** A formatter run over the generated code files (the user's own installation and config). */
export type FormatOption = 'prettier' | 'biome' | false;

export interface ClientOptions {
  /** the npm package name of the generated client */
  name: string;
  /** the OpenAPI document (YAML or JSON, 3.0/3.1 or Swagger 2.0): a path relative to the config file, or an http(s) URL */
  spec: string;
  /** where the package is written, relative to the config file (default `generated/<name without scope>`) */
  output?: string;
  /** OpenAPI Overlay 1.0 files applied in order before parsing */
  overlays?: string[];
  /** the package's version (default: the spec's `info.version` when semver, then bumped by the judge) */
  version?: string;
  license?: string;
  /** generate a subset: the operations under these paths, with these tags or operationIds */
  include?: { paths?: string[]; tags?: string[]; operations?: string[] };
  /** per operation (function name or `METHOD /path`): how its list pages, or `false` for none */
  pagination?: Record<string, PaginationInfo | false>;
  /** warnings fail the run */
  strict?: boolean;
  /** full schema validation of the spec first (slower) */
  validate?: boolean;
  /** type-check the package before writing it (slower) */
  verify?: boolean;
  /** renamed exports keep their old names until the next major (default); `false`: no aliases */
  aliases?: boolean | { enabled?: boolean; keepUntilMajor?: boolean };
  /** `{ responses: 'open' }`: enums of responses accept values added later */
  enums?: { responses?: 'open' | 'closed' };
  /** security scheme name, or `baseUrl` → the environment variable `createClient()` reads it from */
  env?: Record<string, string>;
  /** values of the variables of operation- and path-level `servers` */
  servers?: { variables?: Record<string, string> };
  /** how arrays and objects are written where the spec leaves it unsaid, or per operation */
  serialization?: SerializationOptions;
  /** the outputs, in order (default `['client', 'docs']`) */
  plugins?: PluginConfig[];
  /** a folder of user templates overriding the built-in ones, relative to the config file */
  templates?: string;
  /** headers, timeout and watch polling of a spec given as a URL */
  fetch?: SpecFetchOptions;
  /** format the generated code with the project's installed formatter (default `false`) */
  format?: FormatOption;
  /** hand edits in the output folder survive regeneration (three-way merge with the last generated output) */
  keepEdits?: boolean;
  /** module formats of the built package: ESM always, `cjs` adds CommonJS (default `['esm']`) */
  formats?: ['esm'] | ['esm', 'cjs'] | ['cjs', 'esm'];
}

export interface OagenConfig {
  /** the JSON Schema of this file, for editors (`oagen.config.json` only) */
  $schema?: string;
  clients: ClientOptions[];
}

/** `export default defineConfig({ clients: [ … ] })` in `oagen.config.ts`: typing only, the value is returned as is. */
export function defineConfig(config: OagenConfig): OagenConfig {
  return config;
}
