/**
 * The `oagen` command run as a user runs it, in a child process that does not block this one
 * (tests here serve specs over HTTP from the test process), and a project folder that has
 * oagen installed the way npm installs it (node_modules/oagen, node_modules/.bin/oagen).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, tempDir } from '../generate/helpers.js';

export const BIN = join(ROOT, 'bin/oagen.js');

export interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function oagenAsync(args: string[], cwd: string, options: { input?: string; env?: Record<string, string> } = {}): Promise<Ran> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, CI: '1', ...options.env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

/** A project folder with node_modules (where stamps and the spec cache live) and oagen installed in it, as `npm install oagen` leaves it. */
export function projectWithOagen(extra: string[] = []): string {
  const dir = tempDir('oagen-project-');
  mkdirSync(join(dir, 'node_modules/.bin'), { recursive: true });
  symlinkSync(ROOT, join(dir, 'node_modules/oagen'), 'dir');
  symlinkSync(BIN, join(dir, 'node_modules/.bin/oagen'));
  for (const pkg of extra) symlinkSync(join(ROOT, 'node_modules', pkg), join(dir, 'node_modules', pkg), 'dir');
  return dir;
}

/** Every TypeScript file below `dir/src`, concatenated (to look for what was generated). */
export function sourceText(dir: string): string {
  return readdirSync(join(dir, 'src'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .sort()
    .map((f) => readFileSync(join(dir, 'src', f), 'utf8'))
    .join('\n');
}
