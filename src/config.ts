/**
 * The config file, `oagen.config.json` at the project root: the clients to generate.
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
 *       "verify": false                      // type-check the package before writing it
 *     }
 *   ]
 * }
 * ```
 * Paths are relative to the config file.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
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
}

export interface Config {
  file: string;
  clients: ClientConfig[];
}

export const CONFIG_FILE = 'oagen.config.json';

export function loadConfig(file: string): Config {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw configError(file, e instanceof Error ? e.message : String(e));
  }
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
  if (typeof o.spec !== 'string') throw configError(file, `${at}.spec must be the path of a spec file`);
  const output = typeof o.output === 'string' ? o.output : `generated/${o.name.replace(/^@[^/]+\//, '')}`;
  const client: ClientConfig = { name: o.name, spec: resolve(base, o.spec), output: resolve(base, output) };
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
  if (o.enums !== undefined) client.enums = checkEnums(o.enums, `${at}.enums`, file);
  return client;
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

function configError(file: string, message: string): OagenError {
  return new OagenError({ code: 'E_CONFIG', severity: 'error', message, file }, EXIT_USAGE);
}
