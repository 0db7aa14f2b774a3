/**
 * The stamp of a generation: what went into it and what it left on disk, so that a re-run
 * on an unchanged spec can stop at once instead of rendering the whole package again.
 *
 * A generated package depends only on oagen itself, the client's configuration, the spec's
 * files and the package already in the output folder (its lock and CHANGELOG); regeneration
 * is idempotent (src/changelog/release.ts). So when, since the last successful run,
 *
 * - oagen's code and templates, the Node version, the client's configuration and the bytes
 *   of every spec file it read, of its local plugin modules and of its user templates hash
 *   the same (`inputs`), and
 * - the output folder holds exactly the files that run left there, each with the same size
 *   and modification time (`files`: nothing was edited, added or deleted),
 *
 * a run would write the same files again: the CLI replays the warnings of the last run and
 * stops. Anything else, and the package is generated as usual.
 *
 * Stamps live outside the package (whose files are all published and committed): in
 * `node_modules/.cache/oagen/` of the current folder, one per output folder. Without a
 * `node_modules` folder there, no stamp is kept and every run generates.
 *
 * A spec read from a URL is hashed by the bytes cached for it (src/load/remote/cache.ts):
 * the CLI first asks the server whether they changed (`stampedSpecFiles`, then a conditional
 * request), so an unchanged remote spec stays up to date. A spec read from standard input
 * gets no stamp.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../diagnostics.js';
import type { ClientConfig } from '../config.js';
import { userTemplateFiles } from '../emit/templates.js';
import { readTree } from './index.js';
import { cachedBodyFile } from '../load/remote/cache.js';

const isUrl = (f: string) => /^https?:\/\//i.test(f);

const FORMAT = 1;

export interface Stamp {
  format: number;
  /** the output folder (absolute) */
  output: string;
  /** hash of oagen, Node, the client's config and its spec files' bytes */
  inputs: string;
  /** the spec files read (absolute paths), in the order read */
  specFiles: string[];
  /** every file of the package as left on disk: path → [size, mtimeMs] */
  files: Record<string, [number, number]>;
  /** what the run printed: the package version, counts, and its diagnostics */
  version: string;
  operations: number;
  schemas: number;
  diagnostics: Diagnostic[];
}

/** The stamp file of an output folder, or undefined when stamps are not kept here. */
export function stampFile(output: string, cwd = process.cwd()): string | undefined {
  const modules = join(cwd, 'node_modules');
  if (!fs.existsSync(modules)) return undefined;
  const key = createHash('sha256').update(resolve(output)).digest('hex').slice(0, 24);
  return join(modules, '.cache', 'oagen', `${key}.json`);
}

/** File times come from a coarser clock than `Date.now()` (and from another machine's on network file systems). */
const CLOCK_SLACK_MS = 1000;

let generator: string | undefined;

/**
 * A hash of oagen as it runs (from the folder this module was loaded from) and the Node
 * version: its build (the compiler's build info and the precompiled templates, both
 * rewritten by every build that changes something; without them, the size and mtime of
 * each compiled file) and the bytes of each template (an edited template is used without a
 * build).
 */
export function generatorHash(): string {
  if (generator !== undefined) return generator;
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const dist = join(root, 'dist');
  const hash = createHash('sha256').update(`oagen stamp ${FORMAT}\0${process.version}\0`);
  const built = ['.tsbuildinfo', 'templates.cjs'];
  const compiled = built.every((f) => fs.existsSync(join(dist, f))) ? built : listFiles(dist).filter((f) => f.endsWith('.js') || f.endsWith('.cjs'));
  for (const file of compiled) {
    const st = fs.statSync(join(dist, file));
    hash.update(`dist/${file}\0${st.size}\0${st.mtimeMs}\0`);
  }
  for (const file of listFiles(join(root, 'templates'))) {
    hash.update(`templates/${file}\0`).update(fs.readFileSync(join(root, 'templates', file))).update('\0');
  }
  generator = hash.digest('hex');
  return generator;
}

/** The inputs hash of a client whose spec files are `specFiles`; undefined when one cannot be read. */
export function inputsHash(client: ClientConfig, specFiles: readonly string[], generatorId = generatorHash()): string | undefined {
  // how a run was asked to go, not what it writes: a run after `--reset-names` names things
  // from the lock that run wrote, and `--verify` only checks
  const { resetNames: _reset, verify: _verify, ...config } = client;
  const hash = createHash('sha256').update(generatorId).update('\0').update(stableJson(config)).update('\0');
  // a local plugin module is an input too (its own file: what it imports is not followed), and
  // so is every file of the user's template folder
  let templates: string[] = [];
  if (client.templates) {
    try {
      templates = userTemplateFiles(client.templates).map(([, file]) => file);
    } catch {
      return undefined;
    }
  }
  for (const file of [...specFiles, ...(client.plugins ?? []).flatMap((p) => (p.module ? [p.module] : [])), ...templates]) {
    let bytes: Buffer;
    try {
      const path = isUrl(file) ? cachedBodyFile(file) : file;
      if (path === undefined) return undefined;
      bytes = fs.readFileSync(path);
    } catch {
      return undefined;
    }
    hash.update(`${file}\0${bytes.length}\0`).update(bytes);
  }
  return hash.digest('hex');
}

/**
 * The stamp of `client`'s last run when it is still true (see the top of this file), else
 * undefined. Never throws: an unreadable or foreign stamp means "generate".
 */
export function freshStamp(client: ClientConfig, options: { cwd?: string; generatorId?: string } = {}): Stamp | undefined {
  const file = stampFile(client.output, options.cwd);
  if (!file) return undefined;
  let stamp: Stamp;
  try {
    stamp = JSON.parse(fs.readFileSync(file, 'utf8')) as Stamp;
  } catch {
    return undefined;
  }
  if (stamp?.format !== FORMAT || !Array.isArray(stamp.specFiles) || typeof stamp.files !== 'object' || stamp.files === null) return undefined;
  if (inputsHash(client, stamp.specFiles, options.generatorId) !== stamp.inputs) return undefined;
  const onDisk = packageFiles(client.output);
  if (!onDisk || !sameFiles(onDisk, stamp.files)) return undefined;
  return stamp;
}

/** The spec files (and URLs) the last stamped run of `client` read; [] without a stamp. */
export function stampedSpecFiles(client: ClientConfig, options: { cwd?: string } = {}): string[] {
  const file = stampFile(client.output, options.cwd);
  if (!file) return [];
  try {
    const stamp = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Stamp>;
    return Array.isArray(stamp.specFiles) ? stamp.specFiles.filter((f): f is string => typeof f === 'string') : [];
  } catch {
    return [];
  }
}

/** Records a successful run that left `client`'s package on disk. Best effort: a stamp that cannot be written only costs the next run its shortcut. */
export function writeStamp(
  client: ClientConfig,
  run: {
    specFiles: readonly string[];
    /** the package's files, as just written (else the output folder is listed) */
    paths?: Iterable<string>;
    /**
     * `Date.now()` when the run started to read the spec: a spec file modified since (or in
     * the second before, for coarse file clocks) may have changed after it was read, so the
     * package would not match the bytes hashed now: no stamp then.
     */
    startedAt?: number;
    version: string;
    operations: number;
    schemas: number;
    diagnostics: readonly Diagnostic[];
  },
  options: { cwd?: string; generatorId?: string } = {},
): void {
  const file = stampFile(client.output, options.cwd);
  if (!file) return;
  try {
    if (client.specText !== undefined) {
      fs.rmSync(file, { force: true });
      return;
    }
    // (a URL's cached bytes are the bytes read: written before the run read them, never during it)
    if (run.startedAt !== undefined && run.specFiles.some((f) => !isUrl(f) && fs.statSync(f).mtimeMs >= run.startedAt! - CLOCK_SLACK_MS)) {
      fs.rmSync(file, { force: true });
      return;
    }
    const inputs = inputsHash(client, run.specFiles, options.generatorId);
    const files = run.paths ? statFiles(client.output, run.paths) : packageFiles(client.output);
    if (inputs === undefined || !files) {
      fs.rmSync(file, { force: true });
      return;
    }
    const stamp: Stamp = {
      format: FORMAT,
      output: resolve(client.output),
      inputs,
      specFiles: [...run.specFiles],
      files: Object.fromEntries(files),
      version: run.version,
      operations: run.operations,
      schemas: run.schemas,
      diagnostics: [...run.diagnostics],
    };
    fs.mkdirSync(dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, JSON.stringify(stamp));
    fs.renameSync(temp, file);
    prune(dirname(file));
  } catch {
    // no stamp: the next run generates
  }
}

/**
 * The stamp folder holds at most MAX_STAMPS; beyond that the least recently written are
 * dropped down to KEEP_STAMPS (a dropped stamp only costs its package's next run the
 * shortcut). Only file times are read, so pruning stays cheap however many clients there are.
 */
const MAX_STAMPS = 256;
const KEEP_STAMPS = 192;

function prune(dir: string): void {
  const names = fs.readdirSync(dir).filter((n) => n.endsWith('.json'));
  if (names.length <= MAX_STAMPS) return;
  const byAge = names.map((n) => ({ n, t: fs.statSync(join(dir, n)).mtimeMs })).sort((a, b) => a.t - b.t || (a.n < b.n ? -1 : 1));
  for (const { n } of byAge.slice(0, names.length - KEEP_STAMPS)) fs.rmSync(join(dir, n), { force: true });
}

/** The package's files with their size and mtime, or undefined when the folder is missing or unreadable. */
function packageFiles(dir: string): Map<string, [number, number]> | undefined {
  try {
    const tree = readTree(dir);
    return tree && statFiles(dir, tree.keys());
  } catch {
    return undefined;
  }
}

function statFiles(dir: string, paths: Iterable<string>): Map<string, [number, number]> {
  const out = new Map<string, [number, number]>();
  const base = resolve(dir);
  for (const p of paths) {
    const st = fs.statSync(`${base}/${p}`);
    out.set(p, [st.size, st.mtimeMs]);
  }
  return out;
}

function sameFiles(onDisk: Map<string, [number, number]>, stamped: Record<string, [number, number]>): boolean {
  const paths = Object.keys(stamped);
  if (paths.length !== onDisk.size) return false;
  for (const p of paths) {
    const now = onDisk.get(p);
    const then = stamped[p];
    if (!now || !Array.isArray(then) || now[0] !== then[0] || now[1] !== then[1]) return false;
  }
  return true;
}

/** Relative paths of the files below `dir`, sorted; [] when it does not exist. */
function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string, prefix: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const rel = prefix ? `${prefix}/${e.name}` : e.name;
      if (e.isDirectory()) walk(join(d, e.name), rel);
      else out.push(rel);
    }
  };
  if (fs.existsSync(dir)) walk(dir, '');
  return out.sort();
}

/** JSON with object keys sorted, so that the same configuration always hashes the same. */
function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}
