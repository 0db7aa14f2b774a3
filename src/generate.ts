/**
 * The pipeline, one way: load → parse → normalize → name → emit → write.
 * Each stage hands the next a plain value; nothing reaches back.
 */
import { displayPath, Diagnostics } from './diagnostics.js';
import type { ClientConfig } from './config.js';
import { buildPackage } from './emit/package.js';
import type { ApiIR } from './ir/types.js';
import { loadSpec, loadSpecFromText } from './load/index.js';
import { buildLock, pinnedFromLock, readLock, serializeLock, LOCK_FILE } from './lock/index.js';
import { assignNames, type Names } from './naming/names.js';
import { normalize } from './normalize/index.js';
import { applyInclude } from './normalize/include.js';
import { parseDocument } from './parse/document.js';
import { writePackage, type WriteResult } from './write/index.js';

export interface GenerateResult {
  client: ClientConfig;
  diagnostics: Diagnostics;
  write?: WriteResult;
  files: Map<string, string>;
  operations: number;
  schemas: number;
}

/** Spec file → normalized IR (shared by generate and diff). */
export async function loadIR(spec: string, options: { diagnostics: Diagnostics; validate?: boolean; text?: string }): Promise<ApiIR> {
  const loadOptions = { diagnostics: options.diagnostics, ...(options.validate ? { validate: true } : {}) };
  const loaded = options.text !== undefined ? await loadSpecFromText(options.text, spec, loadOptions) : await loadSpec(spec, loadOptions);
  options.diagnostics.setLocator(loaded.locate);
  const ir = parseDocument({ document: loaded.document, version: loaded.version, resolve: loaded.resolve, diagnostics: options.diagnostics });
  return normalize(ir, options.diagnostics);
}

/** Render one client in memory: no disk writes. */
export async function renderClient(client: ClientConfig, diagnostics = new Diagnostics()): Promise<{ files: Map<string, string>; ir: ApiIR; names: Names }> {
  let ir = await loadIR(client.spec, { diagnostics, ...(client.validate ? { validate: true } : {}) });
  diagnostics.throwIfErrors(client.strict);
  ir = applyInclude(ir, client.include);
  const previous = client.resetNames ? undefined : readLock(client.output);
  const names = assignNames(ir, diagnostics, pinnedFromLock(previous));
  const version = client.version ?? (/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(ir.info.version) ? ir.info.version : '0.1.0');
  const pkg = buildPackage(ir, names, {
    name: client.name,
    version,
    specLabel: displayPath(client.spec).split('\\').join('/'),
    ...(client.license ? { license: client.license } : {}),
    ...(client.pagination ? { pagination: new Map(Object.entries(client.pagination)) } : {}),
  });
  pkg.files.set(LOCK_FILE, serializeLock(buildLock(ir, names, { name: client.name, version }, previous)));
  diagnostics.throwIfErrors(client.strict);
  return { files: pkg.files, ir, names };
}

/** Render one client and, only when everything rendered, swap it into its output folder. */
export async function generateClient(client: ClientConfig, options: { dryRun?: boolean } = {}): Promise<GenerateResult> {
  const diagnostics = new Diagnostics();
  const { files, ir } = await renderClient(client, diagnostics);
  const result: GenerateResult = { client, diagnostics, files, operations: ir.operations.length, schemas: ir.schemas.length };
  if (!options.dryRun) result.write = await writePackage(client.output, files);
  return result;
}
