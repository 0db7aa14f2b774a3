/**
 * Compiles a generated package (`generated/<name>`) with its own tsconfig into a temp dir and
 * imports the emitted JavaScript with Node's own ESM loader, not the test runner's: a relative
 * import without `.js`, or output that is not ESM, fails here as it would for a user.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const tscBin = join(repoRoot, 'node_modules', '.bin', 'tsc');

const run = promisify(execFile);

/** Runs a command; on failure throws with its stdout and stderr (tsc prints errors on stdout). */
export async function exec(file: string, args: string[], cwd: string, env?: NodeJS.ProcessEnv): Promise<string> {
  try {
    const { stdout } = await run(file, args, { cwd, env: env ?? process.env, maxBuffer: 64 << 20 });
    return stdout;
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${file} ${args.join(' ')} failed in ${cwd}:\n${err.stdout ?? ''}${err.stderr ?? ''}${err.message}`);
  }
}

/**
 * Imports a file with Node's own loader. Vitest runs test files through its module runner,
 * which resolves more leniently than Node (e.g. without `.js`), but leaves files under a
 * `node_modules` folder to Node: so the compiled package is put in one, as if installed.
 */
const nativeImport = (file: string): Promise<unknown> => import(/* @vite-ignore */ pathToFileURL(file).href);

export interface CompiledPackage<M> {
  /** the compiled `dist/index.js`, loaded by Node */
  module: M;
  /** the package folder, `<tmp>/node_modules/<name>`, holding `package.json` and `dist/` */
  dir: string;
  dispose(): Promise<void>;
}

/** `tsc -p generated/<name>/tsconfig.build.json --outDir <pkg>/dist`, then `import('<pkg>/dist/index.js')`. */
export async function loadCompiledPackage<M>(name: string): Promise<CompiledPackage<M>> {
  const source = join(repoRoot, 'generated', name);
  const tmp = await mkdtemp(join(tmpdir(), `oagen-e2e-${name}-`));
  const dir = join(tmp, 'node_modules', name);
  try {
    await mkdir(dir, { recursive: true });
    // the package's own package.json beside dist/ makes Node read dist/*.js as ESM ("type": "module")
    await copyFile(join(source, 'package.json'), join(dir, 'package.json'));
    await exec(tscBin, ['-p', join(source, 'tsconfig.build.json'), '--outDir', join(dir, 'dist'), '--declaration', 'false', '--sourceMap', 'false'], repoRoot);
    const module = (await nativeImport(join(dir, 'dist', 'index.js'))) as M;
    return { module, dir, dispose: () => rm(tmp, { recursive: true, force: true }) };
  } catch (e) {
    await rm(tmp, { recursive: true, force: true });
    throw e;
  }
}
