/**
 * The pipeline, one way: load → parse → normalize → name → emit → judge → write.
 * Each stage hands the next a plain value; nothing reaches back. A regeneration is a
 * release of the package: rendered, judged against the previous package, and rendered
 * again when the version moved (`renderClient`).
 */
import { displayPath, Diagnostics } from './diagnostics.js';
import type { ClientConfig } from './config.js';
import { buildPackage } from './plugins/index.js';
import { resolvePlugins } from './plugins/load.js';
import type { ApiIR } from './ir/types.js';
import { loadSpec, loadSpecFromText, type LoadedSpec } from './load/index.js';
import { readPackageFiles } from './changelog/files.js';
import { startRelease, type Release } from './changelog/release.js';
import { LOCK_FILE, readLock, serializeLock, type Lock } from './lock/format.js';
import { pinnedFromLock } from './lock/pins.js';
import { assignNames, type Names } from './naming/names.js';
import { normalize } from './normalize/index.js';
import { applyInclude } from './normalize/include.js';
import { openResponseEnums } from './normalize/open-response-enums.js';
import { parseDocument } from './parse/document.js';
import { verifyPackage } from './verify/index.js';
import { formatFiles } from './format/index.js';
import { MARKER, writePackage, type WriteResult } from './write/index.js';
import { BASE_FILE, mergeHandEdits, readBase, serializeBase, type MergeReport } from './write/merge.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface GenerateResult {
  client: ClientConfig;
  diagnostics: Diagnostics;
  write?: WriteResult;
  files: Map<string, string>;
  /** the package's version, the bump and the aliases kept */
  release: Release;
  operations: number;
  schemas: number;
  /** every spec file read (as given, or relative to the current folder; URLs as they are), then the formatter's inputs */
  specFiles: string[];
  /** what became of the hand edits in the output folder (src/write/merge.ts) */
  merge?: MergeReport;
}

/** Called as each stage of a client's generation starts (progress display, `--timings`). */
export type OnStage = (stage: 'load' | 'name' | 'render' | 'judge' | 'verify' | 'write', counts?: { operations: number; schemas: number }) => void;

interface LoadIROptions {
  diagnostics: Diagnostics;
  validate?: boolean;
  text?: string;
  /** OpenAPI Overlay files, applied in order before parsing */
  overlays?: readonly string[];
  /** headers and timeout when `spec` is a URL */
  fetch?: ClientConfig['fetch'];
  /** called with the loaded document (diff reads the JSON Schema keywords the IR does not keep from it) */
  loaded?: (spec: LoadedSpec) => void;
}

/** Spec file → normalized IR (shared by generate and diff). */
export async function loadIR(spec: string, options: LoadIROptions): Promise<ApiIR> {
  return (await loadIRWithFiles(spec, options)).ir;
}

/** `loadIR`, also giving every file read (the spec and the files its `$ref`s point to). */
async function loadIRWithFiles(spec: string, options: LoadIROptions): Promise<{ ir: ApiIR; files: string[] }> {
  const loadOptions = { diagnostics: options.diagnostics, ...(options.validate ? { validate: true } : {}), ...(options.overlays?.length ? { overlays: options.overlays } : {}), ...(options.fetch ? { fetch: options.fetch } : {}) };
  const loaded = options.text !== undefined ? await loadSpecFromText(options.text, spec, loadOptions) : await loadSpec(spec, loadOptions);
  options.loaded?.(loaded);
  options.diagnostics.setLocator(loaded.locate);
  const ir = parseDocument({ document: loaded.document, version: loaded.version, resolve: loaded.resolve, diagnostics: options.diagnostics });
  return { ir: normalize(ir, options.diagnostics), files: loaded.files };
}

/**
 * Normalized IRs by spec file, for a run that generates several clients: clients of the same
 * spec (say a full client and a subset) load, parse and normalize it once. Nothing
 * downstream of normalize changes an IR, so sharing one is safe.
 */
export type IRCache = Map<string, Promise<{ ir: ApiIR; files: string[]; diagnostics: Diagnostics }>>;

async function cachedIR(client: ClientConfig, diagnostics: Diagnostics, cache: IRCache | undefined): Promise<{ ir: ApiIR; files: string[] }> {
  const options = {
    ...(client.validate ? { validate: true } : {}),
    ...(client.overlays?.length ? { overlays: client.overlays } : {}),
    ...(client.fetch ? { fetch: client.fetch } : {}),
    ...(client.specText !== undefined ? { text: client.specText } : {}),
  };
  if (!cache) return loadIRWithFiles(client.spec, { diagnostics, ...options });
  const key = JSON.stringify([client.validate === true, client.spec, client.overlays ?? [], client.fetch?.headers ?? {}, client.specText ?? null]);
  let entry = cache.get(key);
  if (!entry) {
    const own = new Diagnostics();
    entry = loadIRWithFiles(client.spec, { diagnostics: own, ...options }).then((r) => ({ ...r, diagnostics: own }));
    cache.set(key, entry);
  }
  try {
    const { ir, files, diagnostics: loaded } = await entry;
    for (const d of loaded.list) diagnostics.add(d);
    diagnostics.setLocator(loaded.locator);
    return { ir, files };
  } catch (e) {
    cache.delete(key); // a failed load is not kept: each client reports its own error
    throw e;
  }
}

/** Render one client in memory: no disk writes (the previous package in the output folder is read). */
export async function renderClient(
  client: ClientConfig,
  diagnostics = new Diagnostics(),
  cache?: IRCache,
  onStage: OnStage = () => {},
): Promise<{ files: Map<string, string>; ir: ApiIR; names: Names; release: Release; specFiles: string[] }> {
  onStage('load');
  const plugins = await resolvePlugins(client.plugins);
  const loaded = await cachedIR(client, diagnostics, cache);
  let ir = loaded.ir;
  diagnostics.throwIfErrors(client.strict);
  ir = applyInclude(ir, client.include);
  if (client.enums?.responses === 'open') ir = openResponseEnums(ir);
  onStage('name', { operations: ir.operations.length, schemas: ir.schemas.length });
  const previous = readLock(client.output);
  const names = assignNames(ir, diagnostics, client.resetNames ? {} : pinnedFromLock(previous));
  checkConfigAgainstSpec(client, ir, names, diagnostics);
  const first = /^\d+\.\d+\.\d+(-[\w.]+)?$/.test(ir.info.version) ? ir.info.version : '0.1.0';
  const specLabel = displayPath(client.spec).split('\\').join('/');
  // with keepEdits, the judge compares what oagen generated last, not the user's edits
  const base = previous && client.keepEdits ? readBase(client.output) : undefined;
  let previousFiles = previous ? (base ?? readPackageFiles(client.output)) : undefined;
  // formatted output is judged against the previous package formatted the same way: a
  // formatter turned on, or its config changed, is no change of the package's API
  if (client.format && previousFiles && !base) previousFiles = (await formatFiles(client.format, previousFiles, client.output)).files;
  // a package formatted before and not now: the new files are judged formatted the way the
  // previous ones were (when that formatter is still installed), so that turning formatting
  // off is no API change either
  const judged = async (rendered: Map<string, string>): Promise<Map<string, string>> => {
    if (client.format || !previous?.format || !previousFiles) return rendered;
    try {
      return (await formatFiles(previous.format, rendered, client.output)).files;
    } catch {
      return rendered;
    }
  };
  const steps = startRelease(
    {
      packageName: client.name,
      ir,
      names,
      previous,
      previousFiles,
      ...(client.resetNames ? { reset: true } : {}),
      ...(client.version ? { pinned: client.version } : {}),
      first,
      ...(client.aliases ? { aliases: client.aliases } : {}),
    },
    diagnostics,
  );
  /**
   * the package at a version: the version is in its files, and aliases of an earlier major
   * version expire. Every selected plugin renders: the judge weighs the docs too (a docs-only
   * change is a patch release). The formatter, when configured, runs here: the judge and the
   * writer see the files as they will be on disk.
   */
  const formatInputs = new Set<string>();
  const render = async (version: string) => {
    const rendered = renderAt(version);
    if (!client.format) return rendered;
    const formatted = await formatFiles(client.format, rendered, client.output);
    for (const f of formatted.inputs) formatInputs.add(f);
    return formatted.files;
  };
  const renderAt = (version: string) =>
    buildPackage(ir, names, {
      name: client.name,
      version,
      specLabel,
      aliases: steps.aliases(version).aliases,
      ...(client.license ? { license: client.license } : {}),
      ...(client.pagination ? { pagination: new Map(Object.entries(client.pagination)) } : {}),
      ...(client.env ? { env: client.env } : {}),
      ...(client.servers?.variables ? { serverVariables: client.servers.variables } : {}),
      ...(client.serialization ? { serialization: client.serialization } : {}),
      ...(client.templates ? { templates: client.templates } : {}),
      ...(client.formats ? { formats: client.formats } : {}),
    }, plugins).files;

  // The release loop: render at the version the package has, judge it against the previous
  // package, render again if the verdict moved the version.
  onStage('render');
  let version = steps.provisional;
  let files = await render(version);
  onStage('judge');
  const verdict = await steps.judge(await judged(files));
  const bumped = steps.version(verdict);
  if (bumped !== version) {
    version = bumped;
    onStage('render');
    files = await render(version);
  }
  const result = steps.finish(files, version, verdict);
  if (client.format) {
    // the lock records the formatter, so that turning it off is judged fairly (above)
    const lock = JSON.parse(result.files.get(LOCK_FILE)!) as Lock;
    result.files.set(LOCK_FILE, serializeLock({ ...lock, format: client.format }));
  }
  // the base of the next run's three-way merge (src/write/merge.ts)
  if (client.keepEdits) result.files.set(BASE_FILE, serializeBase(result.files));
  diagnostics.throwIfErrors(client.strict);
  return { files: result.files, ir, names, release: result, specFiles: [...loaded.files, ...formatInputs] };
}

/** Render one client and, only when everything rendered, swap it into its output folder. */
export async function generateClient(client: ClientConfig, options: { dryRun?: boolean; cache?: IRCache; onStage?: OnStage; acceptConflicts?: boolean } = {}): Promise<GenerateResult> {
  const diagnostics = new Diagnostics();
  const onStage = options.onStage ?? (() => {});
  const rendered = await renderClient(client, diagnostics, options.cache, onStage);
  const { ir, release, specFiles } = rendered;
  let files = rendered.files;
  let merge: MergeReport | undefined;
  // hand edits and .oagenignore (src/write/merge.ts): only in a folder oagen made
  if (existsSync(join(client.output, MARKER))) {
    ({ files, report: merge } = mergeHandEdits(client.output, files, { keepEdits: client.keepEdits === true, acceptConflicts: options.acceptConflicts === true }));
    for (const d of merge.diagnostics) diagnostics.add(d);
  }
  const result: GenerateResult = { client, diagnostics, files, release, operations: ir.operations.length, schemas: ir.schemas.length, specFiles, ...(merge ? { merge } : {}) };
  if (client.verify) {
    onStage('verify');
    await verifyPackage(files, displayPath(client.spec), client.output);
  }
  onStage('write');
  if (!options.dryRun) result.write = await writePackage(client.output, files);
  return result;
}

/**
 * Config entries that name what the spec does not have (an `env` key that is no security
 * scheme, a `serialization.operations` key that is no operation, a parameter it lacks):
 * warnings, since they silently do nothing.
 */
function checkConfigAgainstSpec(client: ClientConfig, ir: ApiIR, names: Names, diagnostics: Diagnostics): void {
  const schemes = new Set(ir.securitySchemes.map((s) => s.name));
  for (const key of Object.keys(client.env ?? {})) {
    if (key !== 'baseUrl' && !schemes.has(key)) {
      diagnostics.warn('W_CONFIG_UNUSED', `config env.${key} names no security scheme of the spec (${[...schemes].join(', ') || 'none'}) nor "baseUrl"`);
    }
  }
  const ops = new Map<string, ApiIR['operations'][number]>();
  for (const op of ir.operations) {
    ops.set(op.key, op);
    const fn = names.operation.get(op.key)?.fn;
    if (fn) ops.set(fn, op);
  }
  for (const [key, entry] of Object.entries(client.serialization?.operations ?? {})) {
    const op = ops.get(key);
    if (!op) {
      diagnostics.warn('W_CONFIG_UNUSED', `config serialization.operations[${JSON.stringify(key)}] names no operation (function name or "METHOD /path")`);
      continue;
    }
    for (const p of Object.keys(entry.params ?? {})) {
      if (!op.parameters.some((x) => x.name === p)) diagnostics.warn('W_CONFIG_UNUSED', `config serialization.operations[${JSON.stringify(key)}].params.${p}: ${op.key} has no parameter '${p}'`);
    }
  }
}
