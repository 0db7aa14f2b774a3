/** Running npm, node and the packaging tools in temp dirs, isolated from the repo. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../e2e/compiled-package.js';

export { repoRoot };
export const binDir = join(repoRoot, 'node_modules', '.bin');

/**
 * The environment for child processes: `npm test` exports `npm_config_local_prefix` (the
 * repo) and other `npm_*` settings that a nested npm would obey, installing into the repo.
 * They are dropped; the repo's `node_modules/.bin` goes first on PATH (for `tsc`).
 */
export function isolatedEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k)) env[k] = v;
  env.PATH = `${binDir}:${process.env.PATH ?? ''}`;
  env.npm_config_update_notifier = 'false';
  env.NO_COLOR = '1';
  return env;
}

export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
  /** the command line and everything it printed, for failure messages */
  log: string;
}

/** Runs a command in `cwd` with the isolated environment; never throws on a non-zero exit. */
export function run(file: string, args: string[], cwd: string): Promise<Ran> {
  return new Promise((resolve) =>
    execFile(file, args, { cwd, env: isolatedEnv(), maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      const log = `$ ${file} ${args.join(' ')}  (in ${cwd}, exit ${code})\n${stdout}${stderr}${error && typeof error.code !== 'number' ? error.message : ''}`;
      resolve({ code, stdout, stderr, log });
    }),
  );
}

/** Like `run`, but a non-zero exit throws with the log. */
export async function mustRun(file: string, args: string[], cwd: string): Promise<Ran> {
  const ran = await run(file, args, cwd);
  if (ran.code !== 0) throw new Error(ran.log);
  return ran;
}

/** A tool installed in the repo (`tsc`, `publint`, `attw`). */
export const bin = (name: string) => join(binDir, name);
