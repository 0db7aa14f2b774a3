/**
 * The `mcp` plugin's options, checked: a mistake is an error naming the option, never an
 * option silently ignored.
 */
import { OagenError } from '../../diagnostics.js';

export interface McpOptions {
  /** operations to expose, by function name, operationId or tag (default: all) */
  include?: string[];
  /** operations to leave out, by function name, operationId or tag (wins over `include`) */
  exclude?: string[];
  /** only GET and HEAD operations (default `true`); `false` exposes writes too */
  readOnly?: boolean;
  /** the `bin` name (default `<package name without scope>-mcp`) */
  bin?: string;
}

const BIN_NAME = /^[a-z0-9][a-z0-9._-]*$/;

/** The options with their defaults. */
export interface ResolvedOptions {
  include?: string[];
  exclude: string[];
  readOnly: boolean;
  bin: string;
}

export function checkOptions(raw: unknown, packageName: string): ResolvedOptions {
  const o = (raw ?? {}) as Record<string, unknown>;
  for (const k of Object.keys(o)) {
    if (!['include', 'exclude', 'readOnly', 'bin'].includes(k)) throw optionError(`${k} is not an option (include, exclude, readOnly, bin)`);
  }
  const list = (k: 'include' | 'exclude'): string[] | undefined => {
    const v = o[k];
    if (v === undefined) return undefined;
    if (!Array.isArray(v) || !v.every((x) => typeof x === 'string' && x !== '')) throw optionError(`${k} must be a list of operation names, operationIds or tags`);
    return v as string[];
  };
  if (o.readOnly !== undefined && typeof o.readOnly !== 'boolean') throw optionError('readOnly must be true or false');
  if (o.bin !== undefined && (typeof o.bin !== 'string' || !BIN_NAME.test(o.bin))) throw optionError('bin must be a command name (lower-case letters, digits, ., _, -)');
  const include = list('include');
  return {
    ...(include ? { include } : {}),
    exclude: list('exclude') ?? [],
    readOnly: o.readOnly !== false,
    bin: (o.bin as string | undefined) ?? `${packageName.replace(/^@[^/]+\//, '')}-mcp`,
  };
}

export function optionError(message: string): OagenError {
  return new OagenError({ code: 'E_PLUGIN', severity: 'error', message: `plugin 'mcp': ${message}` });
}
