/**
 * `format: "prettier" | "biome"`: the generated code files formatted by the formatter the
 * user's project has installed, with the project's own formatter config. It runs on the
 * rendered package in memory, before the judge compares it with the previous package and
 * before anything is written, so a re-run on the same spec still renders the same bytes
 * (nothing rewritten, the up-to-date stamp holds). The formatter's package and config file
 * are inputs of the run (`inputs`): changing either regenerates.
 *
 * Only code files are formatted (.ts, .mts, .cts, .js, .mjs, .cjs); JSON, Markdown and the
 * package's bookkeeping keep oagen's layout.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EXIT_USAGE, OagenError } from '../diagnostics.js';

export type Formatter = 'prettier' | 'biome';

const CODE = /\.(?:[mc]?ts|[mc]?js)$/;

export interface Formatted {
  files: Map<string, string>;
  /** files the result depends on: the formatter's package.json (its version) and its config file */
  inputs: string[];
}

/** Format the code files of a package about to be written to `output`. */
export async function formatFiles(formatter: Formatter, files: Map<string, string>, output: string, cwd = process.cwd()): Promise<Formatted> {
  return formatter === 'prettier' ? prettier(files, output, cwd) : biome(files, output, cwd);
}

function missing(name: string, pkg: string): OagenError {
  return new OagenError(
    { code: 'E_FORMATTER_MISSING', severity: 'error', message: `format: "${name}" needs ${pkg} installed in this project (npm install --save-dev ${pkg}), or set "format": false` },
    EXIT_USAGE,
  );
}

function resolveFrom(cwd: string, specifier: string): string | undefined {
  try {
    return createRequire(join(cwd, 'package.json')).resolve(specifier);
  } catch {
    return undefined;
  }
}

interface PrettierApi {
  format(text: string, options: Record<string, unknown>): Promise<string>;
  resolveConfig(file: string, options?: Record<string, unknown>): Promise<Record<string, unknown> | null>;
  resolveConfigFile(file?: string): Promise<string | null>;
}

async function prettier(files: Map<string, string>, output: string, cwd: string): Promise<Formatted> {
  const pkg = resolveFrom(cwd, 'prettier/package.json');
  const entry = resolveFrom(cwd, 'prettier');
  if (!pkg || !entry) throw missing('prettier', 'prettier');
  const api = (await import(pathToFileURL(entry).href)) as PrettierApi & { default?: PrettierApi };
  const p: PrettierApi = typeof api.format === 'function' ? api : api.default!;
  const probe = join(output, 'src', 'index.ts');
  const configFile = await p.resolveConfigFile(probe);
  const config = (await p.resolveConfig(probe, { editorconfig: true })) ?? {};
  const out = new Map<string, string>();
  for (const [path, text] of files) {
    if (!CODE.test(path)) {
      out.set(path, text);
      continue;
    }
    try {
      out.set(path, await p.format(text, { ...config, filepath: join(output, path) }));
    } catch (e) {
      throw new OagenError({ code: 'E_FORMAT', severity: 'error', message: `prettier could not format ${path}: ${(e as Error).message.split('\n')[0]}` }, EXIT_USAGE);
    }
  }
  return { files: out, inputs: [pkg, ...(configFile ? [configFile] : [])] };
}

const BIOME_CONFIGS = ['biome.json', 'biome.jsonc'];

async function biome(files: Map<string, string>, output: string, cwd: string): Promise<Formatted> {
  const pkg = resolveFrom(cwd, '@biomejs/biome/package.json');
  if (!pkg) throw missing('biome', '@biomejs/biome');
  const bin = join(dirname(pkg), 'bin', 'biome');
  const out = new Map<string, string>();
  for (const [path, text] of files) {
    if (!CODE.test(path)) {
      out.set(path, text);
      continue;
    }
    const r = spawnSync(process.execPath, [bin, 'format', `--stdin-file-path=${join(output, path)}`], { cwd, input: text, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    if (r.status !== 0) {
      throw new OagenError({ code: 'E_FORMAT', severity: 'error', message: `biome could not format ${path}: ${(r.stderr || r.stdout || String(r.error)).trim().split('\n')[0]}` }, EXIT_USAGE);
    }
    out.set(path, r.stdout);
  }
  const configs = BIOME_CONFIGS.map((f) => join(cwd, f)).filter((f) => existsSync(f));
  return { files: out, inputs: [pkg, ...configs] };
}
