/** Data recorded by the benchmark (also the shape of .bench/report.json). */
import type { BundleResult } from './bundle.js';

export interface GenRun {
  run: number;
  ok: boolean;
  wallMs: number;
  cpuMs?: number;
  maxRssKb?: number;
  bytes?: number;
  files?: number;
  timedOut?: boolean;
  error?: string;
}

export interface TypecheckSummary {
  ok: boolean;
  /** tsc ran to the end (clean or with diagnostics); false on a timeout or a crash. */
  completed: boolean;
  wallMs: number;
  cpuMs?: number;
  errorCount: number;
  firstErrors: string[];
  tsconfig: 'package' | 'bench';
}

export interface Medians {
  wallMs?: number;
  cpuMs?: number;
  maxRssKb?: number;
  bytes?: number;
  files?: number;
}

export interface ToolResult {
  tool: string;
  version?: string;
  peer: boolean;
  /** another oagen build (`--baseline`): timed in the same rounds, not checked */
  baseline?: boolean;
  kind: 'client' | 'types';
  runs: GenRun[];
  medians: Medians;
  /** Set when the tool failed (first failing run's first error line) or was unavailable. */
  fails?: string;
  typecheck?: TypecheckSummary;
  bundle?: BundleResult;
  /** oagen only: runs again into the last output folder, the spec unchanged */
  rerun?: RerunSummary;
}

/** Regeneration of an unchanged spec into the folder of the last run (medians). */
export interface RerunSummary {
  /** a plain re-run: the stamp says nothing changed */
  upToDateMs?: number;
  /** `--force`: renders everything and compares it with the files on disk */
  forcedMs?: number;
  /** files the forced re-runs wrote (0: every file and its mtime kept) */
  forcedWritten?: number;
  error?: string;
}

export interface ParseFloor {
  /** Median wall time of a fresh process that reads + parses the spec. */
  wallMs?: number;
  /** Median read + parse time measured inside that process. */
  readParseMs?: number;
  maxRssKb?: number;
  error?: string;
}

export interface SpecResult {
  spec: string;
  title: string;
  file: string;
  bytes: number;
  parseFloor: ParseFloor;
  tools: ToolResult[];
}

export interface BenchReport {
  startedAt: string;
  finishedAt: string;
  machine: { node: string; cpus: number; cpuModel: string; memGiB: number; platform: string; loadAvg?: { start: number; end: number } };
  runs: number;
  timeoutS: number;
  measurement: string;
  oagenCommit?: string;
  /** `--baseline`: the other oagen build measured in the same rounds */
  baseline?: { bin: string; commit?: string };
  specs: SpecResult[];
  /** the zod section (tools/bench/zod.ts); absent when skipped with --no-zod */
  zod?: ZodSection;
}

/** Generation with the zod plugin on, and the cost of validating a large response. */
export interface ZodSection {
  /** the plugins of the timed runs (`client`, `docs`, `zod`) */
  plugins: string[];
  generation: ZodGeneration[];
  validation: ZodValidation[];
}

export interface ZodGeneration {
  spec: string;
  runs: GenRun[];
  /** median wall time and CPU of the good runs */
  wallMs?: number;
  cpuMs?: number;
  /** median wall time of plain oagen (default plugins) on the spec in this run, when it ran */
  plainWallMs?: number;
  /** size of the generated src/zod.ts */
  zodBytes?: number;
  fails?: string;
}

export interface ZodValidation {
  spec: string;
  /** `GET /repos/{owner}/{repo}/issues` */
  operation: string;
  /** what the body holds: `100 issues (the spec's example, repeated)` */
  body: string;
  bytes?: number;
  /** median `JSON.parse(text)` (the raw call's decoding) */
  parseMs?: number;
  /** median `schema.parse(JSON.parse(text))` */
  validateMs?: number;
  samples?: number;
  error?: string;
}
