/**
 * The one type-check helper of the tests: runs the project's TypeScript compiler (TypeScript 7)
 * on a generated package, a consumer program or a tsconfig written to a temp dir (`tsc`,
 * `mustTsc`), and parses its diagnostics (`runTsc`).
 */
import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../', import.meta.url));
export const tscBin = join(repoRoot, 'node_modules', '.bin', 'tsc');

/** `tsc <args>` in `cwd`: its exit code and everything it printed (tsc prints errors on stdout). */
export function tsc(args: string[], cwd: string): Promise<{ code: number; output: string }> {
  return new Promise((done) =>
    execFile(tscBin, args, { cwd, maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      // exit code 1 or 2 just means "diagnostics were printed"; anything else (a signal, a spawn error: -1) is a crash
      const raw = (error as { code?: unknown } | null)?.code;
      const code = !error ? 0 : typeof raw === 'number' ? raw : -1;
      done({ code, output: stdout + stderr + (error && code !== 1 && code !== 2 ? `\n${error.message}` : '') });
    }),
  );
}

/** `tsc <args>` in `cwd`, which must succeed: on failure, throws with what it printed. */
export async function mustTsc(args: string[], cwd: string): Promise<string> {
  const { code, output } = await tsc(args, cwd);
  if (code !== 0) throw new Error(`tsc ${args.join(' ')} failed in ${cwd} (exit ${code}):\n${output}`);
  return output;
}

export interface Diagnostic {
  /** absolute path */
  file: string;
  /** 1-based */
  line: number;
  /** `TS2322` */
  code: string;
  message: string;
}

export interface TscResult {
  diagnostics: Diagnostic[];
  /** everything tsc printed, for failure messages */
  output: string;
}

/** Options every check starts from: strict, DOM types for fetch, no ambient @types. */
export const baseOptions = {
  target: 'ES2022',
  lib: ['ES2022', 'DOM', 'DOM.Iterable'],
  types: [],
  strict: true,
  noEmit: true,
  skipLibCheck: false,
};

/** `baseOptions` for a generated package checked as Node.js resolves it (NodeNext), its dependencies' types not re-checked. */
export const nodeNextOptions = { ...baseOptions, module: 'NodeNext', moduleResolution: 'NodeNext', skipLibCheck: true };

/**
 * Writes `<dir>/tsconfig.json` (and a `package.json` with `"type": "module"`, so that files
 * in `dir` are ES modules under NodeNext) and runs `tsc -p` on it.
 */
export async function runTsc(dir: string, compilerOptions: object, files: { include?: string[]; files?: string[] }): Promise<TscResult> {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'package.json'), '{ "type": "module" }\n');
  await writeFile(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, ...files }, null, 2));
  const { output } = await tsc(['-p', join(dir, 'tsconfig.json'), '--pretty', 'false'], dir);

  const diagnostics: Diagnostic[] = [];
  for (const m of output.matchAll(/^(.+?)\((\d+),\d+\): error (TS\d+): (.*)$/gm)) {
    diagnostics.push({ file: resolve(dir, m[1]!), line: Number(m[2]), code: m[3]!, message: m[4]! });
  }
  for (const m of output.matchAll(/^error (TS\d+): (.*)$/gm)) {
    diagnostics.push({ file: join(dir, 'tsconfig.json'), line: 0, code: m[1]!, message: m[2]! });
  }
  // an output tsc gave that is not a list of diagnostics (a crash, a bad tsconfig) must not pass
  if (!diagnostics.length && output.trim()) diagnostics.push({ file: dir, line: 0, code: 'tsc', message: output.trim() });
  return { diagnostics, output };
}
