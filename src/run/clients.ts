/**
 * The clients a `generate` run makes: from `--spec` (a file, an http(s) URL, or `-` for
 * standard input) and `--out`, or from the config file (`--config`, else the first of
 * oagen.config.ts/.mts/.mjs/.js/.json found in the current folder).
 */
import { existsSync, statSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import type { ClientConfig } from '../config.js';
import { isUrl } from '../config/fetch.js';
import { CONFIG_FILES, findConfigFile, readConfigFile } from '../config/file.js';
import { EXIT_USAGE, OagenError } from '../diagnostics.js';

export interface ClientFlags {
  config?: string;
  spec?: string;
  overlay?: string[];
  out?: string;
  name?: string;
  only?: string[];
  /** a folder of template overrides, for every client (instead of their `templates` fields) */
  templates?: string;
}

export interface ResolvedClients {
  clients: ClientConfig[];
  /** the config file read (absolute), if any */
  configFile?: string;
}

export async function resolveClients(flags: ClientFlags, readStdin: () => Promise<string> = readAllStdin): Promise<ResolvedClients> {
  const resolved = await clientsOf(flags, readStdin);
  if (flags.templates === undefined) return resolved;
  const templates = resolve(flags.templates);
  if (!existsSync(templates) || !statSync(templates).isDirectory()) throw usage(`--templates: no templates folder at ${flags.templates}`);
  return { ...resolved, clients: resolved.clients.map((c) => ({ ...c, templates })) };
}

async function clientsOf(flags: ClientFlags, readStdin: () => Promise<string>): Promise<ResolvedClients> {
  if (flags.spec) {
    if (!flags.out) throw usage('--spec needs --out DIR');
    const overlays = flags.overlay?.length ? { overlays: flags.overlay.map((f) => resolve(f)) } : {};
    if (flags.spec === '-') {
      const text = await readStdin();
      // named as a file of the current folder: its relative `$ref`s are files here
      return { clients: [{ name: flags.name ?? 'api-client', spec: resolve('stdin'), specText: text, ...overlays, output: resolve(flags.out) }] };
    }
    const spec = isUrl(flags.spec) ? flags.spec : resolve(flags.spec);
    return { clients: [{ name: flags.name ?? packageNameFrom(flags.spec), spec, ...overlays, output: resolve(flags.out) }] };
  }
  if (flags.overlay?.length) throw usage('--overlay goes with --spec; with a config file, list a client\'s overlays in its "overlays" field');
  const file = flags.config ? resolve(flags.config) : findConfigFile();
  if (!file) throw usage(`no config file here (${CONFIG_FILES.join(', ')}); run \`oagen init\`, pass --config FILE, or --spec FILE --out DIR`);
  if (flags.config && !existsSync(file)) throw usage(`no ${flags.config} here; pass --config FILE, or --spec FILE --out DIR`);
  let clients = (await readConfigFile(file)).clients;
  if (flags.only?.length) clients = clients.filter((c) => flags.only!.includes(c.name));
  return { clients, configFile: file };
}

export function packageNameFrom(spec: string): string {
  const path = isUrl(spec) ? new URL(spec).pathname : spec;
  const base = basename(path, extname(path)).toLowerCase().replace(/[^a-z0-9._~-]+/g, '-').replace(/^[-._~]+/, '');
  return base || 'api-client';
}

async function readAllStdin(): Promise<string> {
  if (process.stdin.isTTY) throw usage('--spec - reads the spec from standard input: pipe it in (oagen generate --spec - --out DIR < openapi.yaml)');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export function usage(message: string): OagenError {
  return new OagenError({ code: 'E_USAGE', severity: 'error', message }, EXIT_USAGE);
}
