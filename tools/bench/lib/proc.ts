/**
 * Run a child process with a time cap and measure it: wall time, CPU time (user + sys)
 * and peak RSS of the process tree. Uses GNU `/usr/bin/time -f` when it works; otherwise
 * runs Node scripts in-process under `time-wrapper.mjs`, which reports `process.resourceUsage()`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface RunOptions {
  cwd: string;
  timeoutMs: number;
  env?: NodeJS.ProcessEnv;
  /** Measure Node scripts with the in-process wrapper even when GNU time works (for tests). */
  forceWrapper?: boolean;
}

export interface RunResult {
  code: number | null;
  signal: string | null;
  timedOut: boolean;
  wallMs: number;
  /** user + sys of the child and its waited-for descendants; undefined when not measurable. */
  cpuMs: number | undefined;
  /** Peak resident set size in KiB; undefined when not measurable. */
  maxRssKb: number | undefined;
  stdout: string;
  stderr: string;
}

const GNU_TIME = '/usr/bin/time';
const WRAPPER = fileURLToPath(new URL('./time-wrapper.mjs', import.meta.url));
const OUTPUT_CAP = 256 * 1024;

let gnuTimeWorks: boolean | undefined;

export function hasGnuTime(): boolean {
  if (gnuTimeWorks === undefined) {
    const probe = spawnSync(GNU_TIME, ['-f', '%e %U %S %M', '-o', '/dev/null', 'true'], { stdio: 'ignore' });
    gnuTimeWorks = probe.status === 0;
  }
  return gnuTimeWorks;
}

/** Process groups still running, killed if the harness itself is interrupted. */
const live = new Set<number>();
let handlersInstalled = false;

function installInterruptHandler(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  const stop = (signal: NodeJS.Signals) => {
    for (const pid of live) killGroup(pid);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** An environment for children: the harness's own, minus tsx's loader hooks. */
export function childEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra, FORCE_COLOR: '0', NO_COLOR: '1' };
  if (env.NODE_OPTIONS?.includes('tsx')) delete env.NODE_OPTIONS;
  return env;
}

class Capped {
  private text = '';
  private dropped = 0;
  add(chunk: Buffer): void {
    if (this.text.length < OUTPUT_CAP) this.text += chunk.toString('utf8');
    else this.dropped += chunk.length;
  }
  toString(): string {
    return this.dropped > 0 ? `${this.text}\n[… ${this.dropped} more bytes of output dropped]` : this.text;
  }
}

/** Run `node script ...args` measured. */
export function runNodeMeasured(script: string, args: readonly string[], options: RunOptions): Promise<RunResult> {
  return runMeasured(process.execPath, [script, ...args], options, script);
}

/**
 * Run any command measured. `nodeScript` names the script when `command` is node running it,
 * which allows the in-process fallback when GNU time is missing.
 */
export function runMeasured(
  command: string,
  args: readonly string[],
  options: RunOptions,
  nodeScript?: string,
): Promise<RunResult> {
  installInterruptHandler();
  const dir = mkdtempSync(join(tmpdir(), 'oagen-run-'));
  const statsFile = join(dir, 'stats');
  let argv: string[];
  let mode: 'gnu' | 'wrapper' | 'none';
  if (hasGnuTime() && !options.forceWrapper) {
    mode = 'gnu';
    argv = [GNU_TIME, '-f', '%e %U %S %M', '-o', statsFile, command, ...args];
  } else if (nodeScript !== undefined && command === process.execPath) {
    mode = 'wrapper';
    argv = [process.execPath, WRAPPER, statsFile, ...args];
  } else {
    mode = 'none';
    argv = [command, ...args];
  }

  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(argv[0]!, argv.slice(1), {
      cwd: options.cwd,
      env: options.env ?? childEnv(),
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stdout = new Capped();
    const stderr = new Capped();
    child.stdout.on('data', (c: Buffer) => stdout.add(c));
    child.stderr.on('data', (c: Buffer) => stderr.add(c));
    if (child.pid !== undefined) live.add(child.pid);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid !== undefined) killGroup(child.pid);
    }, options.timeoutMs);

    const finish = (code: number | null, signal: string | null, spawnError?: Error) => {
      clearTimeout(timer);
      if (child.pid !== undefined) live.delete(child.pid);
      const wallMs = performance.now() - started;
      const stats = readStats(statsFile, mode);
      rmSync(dir, { recursive: true, force: true });
      // GNU time reports the child's exit status as its own; a signal shows as 128+n in its stats.
      const childSignal = signal ?? stats.signal ?? null;
      resolve({
        code: childSignal !== null ? null : code,
        signal: childSignal,
        timedOut,
        wallMs,
        cpuMs: stats.cpuMs,
        maxRssKb: stats.maxRssKb,
        stdout: stdout.toString(),
        stderr: spawnError ? `${stderr.toString()}\n${spawnError.message}` : stderr.toString(),
      });
    };
    child.on('error', (err) => finish(127, null, err));
    child.on('close', (code, signal) => finish(code, signal));
  });
}

interface Stats {
  cpuMs?: number;
  maxRssKb?: number;
  signal?: string;
}

function readStats(file: string, mode: 'gnu' | 'wrapper' | 'none'): Stats {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return {};
  }
  if (mode === 'gnu') {
    // "Command terminated by signal 9" (optional) then "%e %U %S %M".
    const lines = text.trim().split('\n');
    const sig = /terminated by signal (\d+)/.exec(text);
    const fields = lines.at(-1)!.trim().split(/\s+/).map(Number);
    if (fields.length !== 4 || fields.some((n) => !Number.isFinite(n))) return {};
    return {
      cpuMs: (fields[1]! + fields[2]!) * 1000,
      maxRssKb: fields[3]!,
      ...(sig ? { signal: signalName(Number(sig[1])) } : {}),
    };
  }
  if (mode === 'wrapper') {
    const usage = JSON.parse(text) as { userCPUTime: number; systemCPUTime: number; maxRSS: number };
    return { cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, maxRssKb: usage.maxRSS };
  }
  return {};
}

function signalName(n: number): string {
  const names: Record<number, string> = { 6: 'SIGABRT', 9: 'SIGKILL', 11: 'SIGSEGV', 15: 'SIGTERM' };
  return names[n] ?? `signal ${n}`;
}
