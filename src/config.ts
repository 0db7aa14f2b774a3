/**
 * The config, checked: the clients to generate. Its file is `oagen.config.json` at the project
 * root, or `oagen.config.ts` (`.mts`, `.mjs`, `.js`) exporting `defineConfig({ … })`: reading
 * those is src/config/file.ts, the types users write against src/config/types.ts; both end in
 * `checkConfig` here. As JSON:
 *
 * ```json
 * {
 *   "clients": [
 *     {
 *       "name": "openai-admin",              // npm package name
 *       "spec": "specs/openai.yaml",         // YAML or JSON, OpenAPI 3.0/3.1 or Swagger 2.0
 *       "overlays": ["specs/openai.overlay.yaml"], // OpenAPI Overlay 1.0 files, applied in order
 *       "output": "generated/openai-admin",  // default: generated/<name without scope>
 *       "version": "1.0.0",                  // default: the spec's info.version when semver
 *       "include": { "paths": ["/organization/"], "tags": [], "operations": [] },
 *       "pagination": { "listThings": { "kind": "cursor", "param": "after", "items": "data", "nextCursor": "next" }, "listOther": false },
 *       "strict": false,                     // warnings fail the run
 *       "aliases": { "keepUntilMajor": true }, // renamed exports keep their old names until the next major; false: no aliases
 *       "enums": { "responses": "open" },    // response enums as 'a' | 'b' | (string & {}); default "closed"
 *       "validate": false,                   // full schema validation of the spec first
 *       "verify": false,                     // type-check the package before writing it
 *       "env": { "ApiKeyAuth": "OPENAI_API_KEY", "baseUrl": "OPENAI_BASE_URL" },
 *       "servers": { "variables": { "region": "eu" } },
 *       "plugins": ["client", "docs", { "name": "./oagen-extra.mjs", "options": {} }], // default ["client", "docs"]
 *       "templates": "./my-templates",      // overrides of templates/ (README, "Templates")
 *       "serialization": {
 *         "query": { "arrays": "brackets", "objects": "deepObject" },
 *         "form": { "arrays": "indexed", "objects": "deepObject" },
 *         "multipart": { "arrays": "brackets", "objects": "brackets" },
 *         "operations": { "listThings": { "params": { "metadata": { "objects": "deepObject" } }, "body": { "arrays": "brackets" } } }
 *       }
 *     }
 *   ]
 * }
 * ```
 * Paths are relative to the config file.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { checkFetch, isUrl, type SpecFetch } from './config/fetch.js';
import { OagenError, EXIT_USAGE } from './diagnostics.js';
import type { PaginationInfo } from './ir/types.js';
import type { AliasOptions } from './lock/aliases.js';
import type { IncludeFilter } from './normalize/include.js';
import type { EnumsOption } from './normalize/open-response-enums.js';

export interface ClientConfig {
  name: string;
  spec: string;
  /** OpenAPI Overlay 1.0 files (absolute paths), applied in order to the spec before parsing */
  overlays?: string[];
  output: string;
  version?: string;
  license?: string;
  include?: IncludeFilter;
  pagination?: Record<string, PaginationInfo | false>;
  strict?: boolean;
  validate?: boolean;
  /** ignore the names recorded in the output's oagen.lock.json (name everything afresh) */
  resetNames?: boolean;
  /** type-check the rendered package before writing it (slower) */
  verify?: boolean;
  /** deprecated aliases for renamed exports (default: kept until the next major version) */
  aliases?: AliasOptions;
  /** `{ responses: 'open' }`: enums responses carry are generated open (src/normalize/open-response-enums.ts) */
  enums?: EnumsOption;
  /**
   * Environment variables the generated `createClient()` reads for what its config leaves
   * unset: security scheme name → variable holding that credential, `baseUrl` → variable
   * holding the base URL.
   */
  env?: Record<string, string>;
  /** values of the variables of operation- and path-level `servers` (default: each variable's `default`) */
  servers?: { variables?: Record<string, string> };
  /** how arrays and objects are written where the spec leaves it unsaid, or per operation */
  serialization?: SerializationConfig;
  /** the outputs (src/plugins/), in order; default: `client`, then `docs` */
  plugins?: PluginEntry[];
  /** a folder of template overrides (absolute): a file there replaces templates/'s of the same relative path */
  templates?: string;
  /** how a spec given as a URL is fetched (src/load/remote/) */
  fetch?: SpecFetch;
  /** the formatter run over the generated code (src/format/) */
  format?: 'prettier' | 'biome';
  /** the spec's text when it came from standard input (`--spec -`); `spec` then names it */
  specText?: string;
  /** hand edits in the output folder survive regeneration: three-way merge with the last generated output (src/write/merge.ts) */
  keepEdits?: boolean;
  /** module formats of the built package: `["esm"]` (default) or `["esm", "cjs"]` (src/plugins/client/formats.ts) */
  formats?: ('esm' | 'cjs')[];
}

/** One entry of `plugins`: a built-in by name, or a local module (absolute path, resolved from the config file). */
export interface PluginEntry {
  /** a built-in plugin's name, or the module path as written in the config */
  name: string;
  /** absolute path of a local plugin module */
  module?: string;
  options?: unknown;
  /** where the entry is: the config file and the field (`clients[0].plugins[2]`), for errors */
  file: string;
  at: string;
}

/** The built-in plugins (src/plugins/) and the plugins each needs. */
export const BUILTIN_PLUGIN_NAMES: Readonly<Record<string, readonly string[]>> = {
  client: [],
  docs: ['client'],
  zod: ['client'],
  'tanstack-query': ['client'],
  mocks: ['client'],
  msw: ['client', 'mocks'],
  tests: ['client', 'mocks', 'msw'],
  sdk: ['client'],
  mcp: ['client'],
};

/** How array values are written: `a=1&a=2`, `a[]=1&a[]=2`, `a[0]=1&a[1]=2`, `a=1,2`. */
export type ArrayFormat = 'repeat' | 'brackets' | 'indexed' | 'comma';
/** How object values are written: `o[k]=v`, `k=v`, `o={"k":"v"}`. */
export type ObjectFormat = 'deepObject' | 'form' | 'json';
/** Objects in multipart bodies: one JSON text field, or `o[k]=v` text fields. */
export type MultipartObjectFormat = 'json' | 'brackets';

export interface SerializationFormat<O extends string = ObjectFormat> {
  arrays?: ArrayFormat;
  objects?: O;
}

/**
 * `serialization`. Precedence, highest first: `operations` (per function name or `METHOD
 * /path`) > the spec's explicit `style`/`explode`/`encoding` > `query`/`form`/`multipart`
 * > OpenAPI's defaults.
 */
export interface SerializationConfig {
  query?: SerializationFormat;
  form?: SerializationFormat;
  multipart?: SerializationFormat<MultipartObjectFormat>;
  operations?: Record<string, OperationSerialization>;
}

export interface OperationSerialization {
  /** by parameter name (as in the spec) */
  params?: Record<string, SerializationFormat>;
  /** the form or multipart body's fields (`objects`: `brackets` is multipart's name for `deepObject`) */
  body?: SerializationFormat<ObjectFormat | 'brackets'>;
}

export interface Config {
  file: string;
  clients: ClientConfig[];
}

export const CONFIG_FILE = 'oagen.config.json';

/** A JSON config file (`oagen.config.ts` and the other forms: src/config/file.ts). */
export function loadConfig(file: string): Config {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw configError(file, e instanceof Error ? e.message : String(e));
  }
  return checkConfig(raw, file);
}

/** The config's value, as read from `file` → the checked config (E_CONFIG naming the file and field). */
export function checkConfig(raw: unknown, file: string): Config {
  const base = dirname(resolve(file));
  if (typeof raw !== 'object' || raw === null || !Array.isArray((raw as { clients?: unknown }).clients)) {
    throw configError(file, `expected an object with a "clients" array`);
  }
  const clients = (raw as { clients: unknown[] }).clients.map((c, i) => checkClient(c, i, file, base));
  const names = new Set<string>();
  for (const c of clients) {
    if (names.has(c.output)) throw configError(file, `two clients write to '${c.output}'`);
    names.add(c.output);
  }
  return { file, clients };
}

const NPM_NAME = /^(@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/;

function checkClient(c: unknown, i: number, file: string, base: string): ClientConfig {
  const at = `clients[${i}]`;
  if (typeof c !== 'object' || c === null) throw configError(file, `${at} must be an object`);
  const o = c as Record<string, unknown>;
  if (typeof o.name !== 'string' || !NPM_NAME.test(o.name)) throw configError(file, `${at}.name must be a valid npm package name`);
  if (typeof o.spec !== 'string' || o.spec === '') throw configError(file, `${at}.spec must be the path of a spec file or an http(s) URL`);
  const output = typeof o.output === 'string' ? o.output : `generated/${o.name.replace(/^@[^/]+\//, '')}`;
  const client: ClientConfig = { name: o.name, spec: isUrl(o.spec) ? o.spec : resolve(base, o.spec), output: resolve(base, output) };
  if (o.overlays !== undefined) {
    if (!Array.isArray(o.overlays) || !o.overlays.every((f) => typeof f === 'string' && f !== '')) throw configError(file, `${at}.overlays must be a list of overlay file paths`);
    client.overlays = o.overlays.map((f: string) => resolve(base, f));
  }
  if (typeof o.version === 'string') client.version = o.version;
  if (typeof o.license === 'string') client.license = o.license;
  if (o.include !== undefined) client.include = checkInclude(o.include, `${at}.include`, file);
  if (o.pagination !== undefined) client.pagination = checkPagination(o.pagination, `${at}.pagination`, file);
  if (o.strict === true) client.strict = true;
  if (o.validate === true) client.validate = true;
  if (o.verify === true) client.verify = true;
  if (o.aliases !== undefined) client.aliases = checkAliases(o.aliases, `${at}.aliases`, file);
  if (o.env !== undefined) client.env = checkStringMap(o.env, `${at}.env`, file, 'security scheme name or "baseUrl" → environment variable name', ENV_NAME);
  if (o.servers !== undefined) client.servers = checkServers(o.servers, `${at}.servers`, file);
  if (o.serialization !== undefined) client.serialization = checkSerialization(o.serialization, `${at}.serialization`, file);
  if (o.enums !== undefined) client.enums = checkEnums(o.enums, `${at}.enums`, file);
  if (o.plugins !== undefined) client.plugins = checkPlugins(o.plugins, `${at}.plugins`, file, base);
  if (o.templates !== undefined) client.templates = checkTemplates(o.templates, `${at}.templates`, file, base);
  if (o.fetch !== undefined) client.fetch = checkFetch(o.fetch, `${at}.fetch`, file);
  if (o.format !== undefined) {
    if (o.format !== false && o.format !== 'prettier' && o.format !== 'biome') throw configError(file, `${at}.format must be "prettier", "biome" or false`);
    if (o.format) client.format = o.format;
  }
  if (o.keepEdits !== undefined) {
    if (typeof o.keepEdits !== 'boolean') throw configError(file, `${at}.keepEdits must be true or false`);
    if (o.keepEdits) client.keepEdits = true;
  }
  if (o.formats !== undefined) {
    const f = o.formats;
    if (!Array.isArray(f) || f.length === 0 || !f.every((x) => x === 'esm' || x === 'cjs') || new Set(f).size !== f.length || !f.includes('esm')) {
      throw configError(file, `${at}.formats must be ["esm"] or ["esm", "cjs"] (ESM is always built; "cjs" adds CommonJS)`);
    }
    if (f.includes('cjs')) client.formats = ['esm', 'cjs'];
  }
  return client;
}

/**
 * `plugins`: `"client"`, `"docs"`, a local module path (starting with `.` or `/`, relative to
 * the config file), or `{ "name": …, "options": … }` of any of those. No duplicates; a
 * built-in's required plugins must be selected too (a module's are checked once loaded).
 */
function checkPlugins(v: unknown, at: string, file: string, base: string): PluginEntry[] {
  if (!Array.isArray(v)) throw configError(file, `${at} must be a list of plugins: "client", "docs", a module path ("./my-plugin.mjs") or { "name": …, "options": … }`);
  const out: PluginEntry[] = [];
  const seen = new Set<string>();
  v.forEach((e, i) => {
    const where = `${at}[${i}]`;
    let name: unknown = e;
    let options: unknown;
    if (typeof e === 'object' && e !== null && !Array.isArray(e)) {
      for (const k of Object.keys(e)) if (k !== 'name' && k !== 'options') throw configError(file, `${where}.${k} is not an option (name, options)`);
      name = (e as { name?: unknown }).name;
      options = (e as { options?: unknown }).options;
      if (options !== undefined && (typeof options !== 'object' || options === null || Array.isArray(options))) throw configError(file, `${where}.options must be an object`);
    }
    if (typeof name !== 'string' || name === '') throw configError(file, `${where} must be a plugin name, a module path or { "name": …, "options": … }`);
    const entry: PluginEntry = { name, file, at: where, ...(options !== undefined ? { options } : {}) };
    if (name.startsWith('.') || name.startsWith('/')) {
      entry.module = resolve(base, name);
      if (!existsSync(entry.module)) throw configError(file, `${where}: no plugin module at ${entry.module}`);
    } else if (!Object.hasOwn(BUILTIN_PLUGIN_NAMES, name)) {
      throw configError(file, `${where}: unknown plugin "${name}" (built-ins: ${Object.keys(BUILTIN_PLUGIN_NAMES).join(', ')}; a local module path starts with "." or "/")`);
    }
    const key = entry.module ?? name;
    if (seen.has(key)) throw configError(file, `${where}: plugin "${name}" is listed twice`);
    seen.add(key);
    out.push(entry);
  });
  for (const e of out) {
    for (const needed of e.module ? [] : BUILTIN_PLUGIN_NAMES[e.name]) {
      if (!seen.has(needed)) throw configError(file, `${e.at}: plugin "${e.name}" needs "${needed}" in ${at}`);
    }
  }
  return out;
}

/** `templates`: a folder (relative to the config file) of template overrides. */
export function checkTemplates(v: unknown, at: string, file: string, base: string): string {
  if (typeof v !== 'string' || v === '') throw configError(file, `${at} must be the path of a folder of templates ("./my-templates")`);
  const dir = resolve(base, v);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw configError(file, `${at}: no templates folder at ${dir}`);
  return dir;
}

/** `enums`: `{ "responses": "open" | "closed" }`. */
function checkEnums(v: unknown, at: string, file: string): EnumsOption {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw configError(file, `${at} must be an object like { "responses": "open" }`);
  const out: EnumsOption = {};
  for (const [k, x] of Object.entries(v)) {
    if (k !== 'responses') throw configError(file, `${at}.${k} is not an option (responses)`);
    if (x !== 'open' && x !== 'closed') throw configError(file, `${at}.responses must be "open" or "closed"`);
    out.responses = x;
  }
  return out;
}

/** A POSIX-style environment variable name. */
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function checkStringMap(v: unknown, at: string, file: string, what: string, valuePattern?: RegExp): Record<string, string> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw configError(file, `${at} must be an object: ${what}`);
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(v)) {
    if (typeof x !== 'string' || (valuePattern && !valuePattern.test(x))) {
      throw configError(file, `${at}[${JSON.stringify(k)}] must be ${valuePattern ? 'a variable name (letters, digits, _)' : 'a string'}`);
    }
    out[k] = x;
  }
  return out;
}

function checkServers(v: unknown, at: string, file: string): { variables?: Record<string, string> } {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw configError(file, `${at} must be an object like { "variables": { "region": "eu" } }`);
  const out: { variables?: Record<string, string> } = {};
  for (const [k, x] of Object.entries(v)) {
    if (k !== 'variables') throw configError(file, `${at}.${k} is not an option (variables)`);
    out.variables = checkStringMap(x, `${at}.variables`, file, 'server variable name → value');
  }
  return out;
}

const ARRAY_FORMATS: readonly string[] = ['repeat', 'brackets', 'indexed', 'comma'];
const OBJECT_FORMATS: readonly string[] = ['deepObject', 'form', 'json'];

function checkFormat(v: unknown, at: string, file: string, objects: readonly string[]): SerializationFormat<string> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw configError(file, `${at} must be an object like { "arrays": "brackets", "objects": "${objects[0]}" }`);
  const out: SerializationFormat<string> = {};
  for (const [k, x] of Object.entries(v)) {
    if (k === 'arrays') {
      if (typeof x !== 'string' || !ARRAY_FORMATS.includes(x)) throw configError(file, `${at}.arrays must be one of ${ARRAY_FORMATS.join(', ')}`);
      out.arrays = x as ArrayFormat;
    } else if (k === 'objects') {
      if (typeof x !== 'string' || !objects.includes(x)) throw configError(file, `${at}.objects must be one of ${objects.join(', ')}`);
      out.objects = x;
    } else throw configError(file, `${at}.${k} is not an option (arrays, objects)`);
  }
  return out;
}

function checkSerialization(v: unknown, at: string, file: string): SerializationConfig {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw configError(file, `${at} must be an object with any of query, form, multipart, operations`);
  const out: SerializationConfig = {};
  for (const [k, x] of Object.entries(v)) {
    if (k === 'query' || k === 'form') out[k] = checkFormat(x, `${at}.${k}`, file, OBJECT_FORMATS) as SerializationFormat;
    else if (k === 'multipart') out.multipart = checkFormat(x, `${at}.multipart`, file, ['json', 'brackets']) as SerializationFormat<MultipartObjectFormat>;
    else if (k === 'operations') out.operations = checkOperationSerialization(x, `${at}.operations`, file);
    else throw configError(file, `${at}.${k} is not an option (query, form, multipart, operations)`);
  }
  return out;
}

function checkOperationSerialization(v: unknown, at: string, file: string): Record<string, OperationSerialization> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw configError(file, `${at} must be an object: function name or "METHOD /path" → { "params": …, "body": … }`);
  const out: Record<string, OperationSerialization> = {};
  for (const [op, spec] of Object.entries(v)) {
    const where = `${at}[${JSON.stringify(op)}]`;
    if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) throw configError(file, `${where} must be an object with "params" and/or "body"`);
    const entry: OperationSerialization = {};
    for (const [k, x] of Object.entries(spec)) {
      if (k === 'body') entry.body = checkFormat(x, `${where}.body`, file, [...OBJECT_FORMATS, 'brackets']) as OperationSerialization['body'];
      else if (k === 'params') {
        if (typeof x !== 'object' || x === null || Array.isArray(x)) throw configError(file, `${where}.params must be an object: parameter name → { "arrays", "objects" }`);
        entry.params = {};
        for (const [name, f] of Object.entries(x)) entry.params[name] = checkFormat(f, `${where}.params[${JSON.stringify(name)}]`, file, OBJECT_FORMATS) as SerializationFormat;
      } else throw configError(file, `${where}.${k} is not an option (params, body)`);
    }
    out[op] = entry;
  }
  return out;
}

function checkAliases(v: unknown, at: string, file: string): AliasOptions {
  if (v === false) return { enabled: false };
  if (v === true) return {};
  if (typeof v !== 'object' || v === null) throw configError(file, `${at} must be false or an object like { "keepUntilMajor": true }`);
  const out: AliasOptions = {};
  for (const [k, x] of Object.entries(v)) {
    if ((k !== 'enabled' && k !== 'keepUntilMajor') || typeof x !== 'boolean') throw configError(file, `${at}.${k} is not an option (enabled, keepUntilMajor: true or false)`);
    out[k] = x;
  }
  return out;
}

function checkInclude(v: unknown, at: string, file: string): IncludeFilter {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw configError(file, `${at} must be an object like { "paths": ["/users"], "tags": [], "operations": [] }`);
  const out: IncludeFilter = {};
  for (const [k, x] of Object.entries(v)) {
    if (k !== 'paths' && k !== 'tags' && k !== 'operations') throw configError(file, `${at}.${k} is not an option (paths, tags, operations)`);
    if (!Array.isArray(x) || !x.every((e) => typeof e === 'string')) throw configError(file, `${at}.${k} must be an array of strings`);
    out[k] = x as string[];
  }
  return out;
}

/** The fields of each pagination kind (src/ir/types.ts PaginationInfo): required, then optional. */
const PAGINATION_FIELDS: Record<PaginationInfo['kind'], [required: string[], optional: string[]]> = {
  cursor: [['param', 'items'], ['hasMore', 'nextCursor', 'itemCursor']],
  page: [['param', 'items'], ['sizeParam', 'totalPages', 'totalItems']],
  offset: [['param', 'items'], ['limitParam', 'totalItems']],
  url: [['nextUrl', 'items'], []],
};

/**
 * `pagination`: per operation (function name or `METHOD /path`), `false` or a pagination spec
 * of one of the kinds above, every field a string (`items` may be '' for a page that is the
 * items array itself). A mistake here would otherwise surface as generated code that does
 * not compile, or a list that does not page.
 */
function checkPagination(v: unknown, at: string, file: string): Record<string, PaginationInfo | false> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw configError(file, `${at} must be an object: operation → pagination spec or false`);
  const out: Record<string, PaginationInfo | false> = {};
  for (const [op, spec] of Object.entries(v)) {
    const where = `${at}[${JSON.stringify(op)}]`;
    if (spec === false) {
      out[op] = false;
      continue;
    }
    const kinds = Object.keys(PAGINATION_FIELDS).join(', ');
    if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) throw configError(file, `${where} must be false or an object with a "kind" (${kinds})`);
    const o = spec as Record<string, unknown>;
    const fields = PAGINATION_FIELDS[o.kind as PaginationInfo['kind']];
    if (typeof o.kind !== 'string' || !Object.hasOwn(PAGINATION_FIELDS, o.kind) || !fields) throw configError(file, `${where}.kind must be one of ${kinds}`);
    const [required, optional] = fields;
    for (const k of required) if (typeof o[k] !== 'string') throw configError(file, `${where}.${k} is required for kind "${o.kind}" and must be a string`);
    for (const [k, x] of Object.entries(o)) {
      if (k === 'kind') continue;
      if (!required.includes(k) && !optional.includes(k)) throw configError(file, `${where}.${k} is not a field of kind "${o.kind}" (${[...required, ...optional].join(', ')})`);
      if (typeof x !== 'string' || (x === '' && k !== 'items')) throw configError(file, `${where}.${k} must be a non-empty string`);
    }
    out[op] = o as unknown as PaginationInfo;
  }
  return out;
}

export function configError(file: string, message: string): OagenError {
  return new OagenError({ code: 'E_CONFIG', severity: 'error', message, file }, EXIT_USAGE);
}
