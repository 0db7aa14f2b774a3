/** Starts `prism mock <spec> --errors` on a free loopback port and stops it again. */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from '../server.js';
import { repoRoot } from './compiled-package.js';

export interface PrismServer {
  readonly url: string;
  /** milliseconds from spawn until Prism answered HTTP */
  readonly startupMs: number;
  /** the last lines Prism printed, for failure messages */
  log(): string;
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Spawns Prism's CLI with this Node (`--errors`: an invalid request gets a 422 problem body
 * instead of a mocked answer) and waits until it answers HTTP, or fails with its output.
 */
export async function startPrism(spec: string, timeoutMs: number): Promise<PrismServer> {
  const port = await freePort(); // Prism takes a port number, not 0
  const cli = join(repoRoot, 'node_modules', '@stoplight', 'prism-cli', 'dist', 'index.js');
  const started = performance.now();
  const child = spawn(process.execPath, [cli, 'mock', spec, '--errors', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-20_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  let exited = false;
  child.once('exit', () => (exited = true));

  const url = `http://127.0.0.1:${port}`;
  try {
    for (;;) {
      if (exited) throw new Error(`Prism exited before answering (code ${child.exitCode}):\n${tail}`);
      if (performance.now() - started > timeoutMs) throw new Error(`Prism did not answer within ${timeoutMs} ms:\n${tail}`);
      try {
        // any HTTP answer (a 404 "no path matched" here) means the spec is loaded and Prism listens
        const res = await fetch(`${url}/`, { signal: AbortSignal.timeout(2_000) });
        await res.arrayBuffer();
        break;
      } catch {
        await sleep(250);
      }
    }
  } catch (e) {
    await stopChild(child);
    throw e;
  }
  return { url, startupMs: Math.round(performance.now() - started), log: () => tail, stop: () => stopChild(child) };
}
