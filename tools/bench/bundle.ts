/** Size of a minified, gzipped esbuild bundle that imports one operation of a generated client. */
import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { exportedValueNames, findOperationExport, readSources } from './exports.js';
import type { BenchSpec } from './specs.js';

export interface BundleResult {
  ok: boolean;
  /** What the entry imported, e.g. "usersList, createClient from src/index.ts". */
  imported?: string;
  minBytes?: number;
  gzipBytes?: number;
  /** The largest contributors to the minified bundle: file (relative to the output) and bytes. */
  largestInputs?: Array<{ file: string; bytes: number }>;
  error?: string;
}

/**
 * Writes `bench-entry.ts` into `out` re-exporting the operation, plus `createClient` when the
 * generated code has one (configuring a client is part of the minimum a user imports).
 * With `fromIndex` (oagen) both come from the package entry `src/index.ts`; otherwise from the
 * file that declares the operation (createClient only if that same file exports it).
 * `imported` names what the bundle really exports.
 */
export async function bundleOneOperation(out: string, srcDir: string, spec: BenchSpec, fromIndex: boolean): Promise<BundleResult> {
  const sources = readSources(srcDir);
  const found = findOperationExport(sources, spec.operation.operationId, spec.operation.aliases);
  if (!found) {
    return { ok: false, error: `no export named like ${spec.operation.operationId} (${spec.operation.method.toUpperCase()} ${spec.operation.path})` };
  }
  const module = fromIndex ? join(srcDir, 'index.ts') : found.file;
  const exportsCreateClient = fromIndex
    ? sources.some((s) => exportedValueNames(s.text).includes('createClient'))
    : exportedValueNames(sources.find((s) => s.file === module)?.text ?? '').includes('createClient');
  return bundle(out, module, exportsCreateClient ? [found.name, 'createClient'] : [found.name]);
}

async function bundle(out: string, module: string, names: string[]): Promise<BundleResult> {
  const entry = join(out, 'bench-entry.ts');
  const from = `./${relative(out, module).split('\\').join('/')}`;
  writeFileSync(entry, `export { ${names.join(', ')} } from ${JSON.stringify(from)};\n`);
  try {
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const code = result.outputFiles[0]!.contents;
    // esbuild silently drops re-exports a TypeScript module does not have (they could be types,
    // and its metafile still lists them), so read what the bundle's export clause really has.
    const output = Object.values(result.metafile.outputs)[0];
    const exported = bundleExports(new TextDecoder().decode(code));
    const present = names.filter((n) => exported.includes(n));
    const imported = `${present.join(', ')} from ${from.slice(2)}`;
    if (!present.includes(names[0]!)) return { ok: false, imported, error: `${names[0]} is not exported by ${from.slice(2)}` };
    // Metafile paths are relative to the working directory; path.relative resolves them against it.
    const inputs = output?.inputs ?? {};
    const largestInputs = Object.entries(inputs)
      .map(([file, info]) => ({ file: shortPath(relative(out, file)), bytes: info.bytesInOutput }))
      .filter((i) => i.bytes > 0)
      .sort((a, b) => b.bytes - a.bytes)
      .slice(0, 5);
    return { ok: true, imported, minBytes: code.byteLength, gzipBytes: gzipSync(code, { level: 9 }).byteLength, largestInputs };
  } catch (err) {
    const message = err instanceof Error ? err.message.split('\n').slice(0, 2).join(' ') : String(err);
    return { ok: false, imported: `${names.join(', ')} from ${from.slice(2)}`, error: message };
  }
}

/** Names in the trailing `export{a as usersList,b as createClient};` of an ESM bundle. */
export function bundleExports(code: string): string[] {
  const clause = /export\s*\{([^}]*)\}\s*;?\s*$/.exec(code);
  if (!clause) return [];
  return clause[1]!
    .split(',')
    .map((part) => part.trim().split(/\s+as\s+/).at(-1)!.trim())
    .filter((name) => name.length > 0);
}

/** "src/runtime/send.ts" stays; "../../peers/node_modules/@oazapfts/runtime/index.js" → "node_modules/@oazapfts/runtime/index.js". */
function shortPath(path: string): string {
  const slashed = path.split('\\').join('/');
  const at = slashed.lastIndexOf('node_modules/');
  return at === -1 ? slashed : slashed.slice(at);
}
