/** The parse floor of a spec: a fresh Node process that only reads and parses it. */
import { fileURLToPath } from 'node:url';
import { runNodeMeasured } from './lib/proc.js';
import { ROOT } from './lib/paths.js';
import { firstErrorLine } from './lib/output-text.js';

const CHILD = fileURLToPath(new URL('./parse-floor-child.mjs', import.meta.url));

export interface ParseFloorRun {
  ok: boolean;
  /** Whole process: Node start-up, parser import, read, parse, exit. */
  wallMs: number;
  cpuMs?: number;
  maxRssKb?: number;
  /** Inside the process: read + parse only. */
  readParseMs?: number;
  error?: string;
}

export async function parseFloorOnce(file: string, timeoutMs: number): Promise<ParseFloorRun> {
  const run = await runNodeMeasured(CHILD, [file], { cwd: ROOT, timeoutMs });
  if (run.code !== 0) return { ok: false, wallMs: run.wallMs, error: firstErrorLine(`${run.stderr}\n${run.stdout}`) };
  const inner = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as { readMs: number; parseMs: number };
  return { ok: true, wallMs: run.wallMs, cpuMs: run.cpuMs, maxRssKb: run.maxRssKb, readParseMs: inner.readMs + inner.parseMs };
}
