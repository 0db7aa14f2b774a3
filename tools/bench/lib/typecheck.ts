/** Type-check a folder with the project's TypeScript 7 `tsc`, strict, no emit. */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runMeasured, runNodeMeasured, type RunResult } from './proc.js';
import { ROOT, TSC } from './paths.js';
import { stripAnsi, tscErrorLines } from './output-text.js';

export interface TypecheckResult {
  ok: boolean;
  run: RunResult;
  errorCount: number;
  /** The first few diagnostics, for reports. */
  firstErrors: string[];
}

let nativeTsc: string | null | undefined;

/**
 * TypeScript 7's `bin/tsc` is a Node shim that starts the native binary (and on Node 20 stays
 * alive around it); call the binary itself so timings are the compiler's own.
 */
async function nativeTscPath(): Promise<string | null> {
  if (nativeTsc === undefined) {
    try {
      const url = pathToFileURL(join(ROOT, 'node_modules', 'typescript', 'lib', 'getExePath.js')).href;
      const mod = (await import(url)) as { default: () => string };
      nativeTsc = mod.default();
    } catch {
      nativeTsc = null;
    }
  }
  return nativeTsc;
}

/** `project` is a folder with a tsconfig.json or a tsconfig file path. */
export async function typecheck(project: string, timeoutMs: number, extraArgs: readonly string[] = []): Promise<TypecheckResult> {
  const args = ['--noEmit', '--strict', '--pretty', 'false', '-p', project, ...extraArgs];
  const exe = await nativeTscPath();
  const options = { cwd: ROOT, timeoutMs };
  const run = exe ? await runMeasured(exe, args, options) : await runNodeMeasured(TSC, args, options);
  const errors = tscErrorLines(`${run.stdout}\n${run.stderr}`);
  const ok = run.code === 0 && !run.timedOut;
  const firstErrors = errors.slice(0, 3);
  if (!ok && firstErrors.length === 0) {
    const text = stripAnsi(`${run.stderr}\n${run.stdout}`).trim();
    firstErrors.push(run.timedOut ? `tsc timed out after ${Math.round(timeoutMs / 1000)} s` : (text.split('\n')[0] ?? `tsc exit ${run.code}`));
  }
  return { ok, run, errorCount: errors.length, firstErrors };
}
