/**
 * npm run bench [-- --runs N --only openai,github --peers hey-api,orval --timeout S --no-oagen --no-zod --zod-only --baseline BIN]
 *
 * Runs oagen and the peer generators on the four big specs, several times each in fresh output
 * folders under .bench/, and reports medians and ratios (see tools/bench/README.md).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { bundleOneOperation } from './bundle.js';
import { parseFlags, usage, UsageError, type FlagSpec } from './lib/args.js';
import { ensureOagenBuilt } from './lib/build.js';
import { dirSize } from './lib/dir-size.js';
import { firstErrorLine, hasStackTrace } from './lib/output-text.js';
import { PEERS_MODULES, ROOT } from './lib/paths.js';
import { hasGnuTime, runNodeMeasured } from './lib/proc.js';
import { fmtBytes, fmtSeconds, median } from './lib/stats.js';
import { typecheck } from './lib/typecheck.js';
import { parseFloorOnce } from './parse-floor.js';
import { ensurePeersInstalled } from './peers-install.js';
import { renderMarkdown, renderText } from './report.js';
import type { BenchReport, GenRun, ParseFloor, RerunSummary, SpecResult, ToolResult } from './results.js';
import { BENCH_SPECS, type BenchSpec } from './specs.js';
import { ALL_TOOLS, oagenAt, type Tool } from './tools.js';
import { benchZod } from './zod.js';

const FLAGS: Record<string, FlagSpec> = {
  runs: { kind: 'number', help: 'runs per tool and spec (default 3)' },
  only: { kind: 'list', help: `specs to run (default all: ${BENCH_SPECS.map((s) => s.id).join(',')})` },
  peers: { kind: 'list', help: 'peers to run (default all: hey-api,orval,oazapfts,openapi-typescript; "none" for none)' },
  'no-oagen': { kind: 'boolean', help: 'skip oagen (peers and parse floor only)' },
  'no-zod': { kind: 'boolean', help: 'skip the zod section (generation with plugins client,docs,zod; validation cost)' },
  'zod-only': { kind: 'boolean', help: 'run only the zod section' },
  timeout: { kind: 'number', help: 'cap per generation or tsc run, seconds (default 300)' },
  baseline: { kind: 'string', help: "another oagen build's bin/oagen.js, run in the same rounds as this one (before/after of a change)" },
  'no-build': { kind: 'boolean', help: 'do not run `npm run build` when dist/ is older than src/' },
  'report-only': { kind: 'boolean', help: 're-render .bench/report.md and the tables from .bench/report.json' },
  help: { kind: 'boolean', help: 'show this help' },
};

const BENCH_DIR = join(ROOT, '.bench');
/**
 * Outputs of earlier runs are moved here and deleted only after the last measurement. On
 * ext4, creating files within ~30 s of deleting many costs heavy kernel time (the inode
 * allocator reads the inode of every recently deleted one before it reuses it): a deletion
 * right before a run would slow down whichever tool writes many files, measuring the
 * harness rather than the tool.
 */
const TRASH_DIR = join(BENCH_DIR, '.trash');
let trashed = 0;

function discard(path: string): void {
  if (!existsSync(path)) return;
  mkdirSync(TRASH_DIR, { recursive: true });
  renameSync(path, join(TRASH_DIR, String(trashed++)));
}

async function main(): Promise<number> {
  let flags;
  try {
    flags = parseFlags(process.argv.slice(2), FLAGS);
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`${err.message}\n${usage('npm run bench --', FLAGS)}`);
      return 2;
    }
    throw err;
  }
  if (flags.help) {
    console.log(usage('npm run bench --', FLAGS));
    return 0;
  }
  if (flags['report-only']) {
    const report = JSON.parse(readFileSync(join(BENCH_DIR, 'report.json'), 'utf8')) as BenchReport;
    writeFileSync(join(BENCH_DIR, 'report.md'), renderMarkdown(report));
    console.log(`${renderText(report)}\n\nwrote .bench/report.md`);
    return 0;
  }
  const runs = Math.max(1, Math.floor((flags.runs as number | undefined) ?? 3));
  const timeoutMs = ((flags.timeout as number | undefined) ?? 300) * 1000;
  const specs = pick(BENCH_SPECS, flags.only as string[] | undefined, (s) => s.id, 'spec');
  const peerNames = flags.peers as string[] | undefined;
  const peers = peerNames?.includes('none') ? [] : pick(ALL_TOOLS.filter((t) => t.peer), peerNames, (t) => t.name, 'peer');
  const zodOnly = Boolean(flags['zod-only']);
  if (zodOnly && flags['no-zod']) throw new UsageError('--zod-only and --no-zod exclude each other');
  const baseline = flags.baseline === undefined || flags['no-oagen'] ? [] : [oagenAt(resolve(flags.baseline as string), true)];
  const tools = zodOnly ? [] : [...(flags['no-oagen'] ? [] : ALL_TOOLS.filter((t) => !t.peer)), ...baseline, ...peers];
  const withZod = !flags['no-zod'] && !flags['no-oagen'];

  ensurePeersInstalled(peers.map((p) => p.pkg));
  if ((tools.some((t) => !t.peer) || withZod) && !flags['no-build']) {
    const warning = ensureOagenBuilt();
    if (warning) console.warn(`warning: ${warning}`);
  }
  mkdirSync(BENCH_DIR, { recursive: true });
  rmSync(TRASH_DIR, { recursive: true, force: true }); // left by an interrupted run
  const measurement = hasGnuTime()
    ? 'CPU (user + sys) and peak RSS of each child process tree from GNU `/usr/bin/time`.'
    : 'CPU and peak RSS from `process.resourceUsage()` of the tool run in-process (GNU time not available).';
  console.log(`bench: ${specs.map((s) => s.id).join(', ')} × ${[...tools.map((t) => t.name), ...(withZod ? ['zod section'] : [])].join(', ')}; ${runs} run(s); cap ${timeoutMs / 1000} s`);

  const startedAt = new Date().toISOString();
  const loadAtStart = loadavg()[0]!;
  const results: SpecResult[] = [];
  if (tools.length) for (const spec of specs) results.push(await benchSpec(spec, tools, runs, timeoutMs));
  const plainWallMs = new Map(results.map((r) => [r.spec, r.tools.find((t) => !t.peer && !t.baseline && !t.fails)?.medians.wallMs]));
  const zod = withZod ? await benchZod(specs, { benchDir: BENCH_DIR, runs, timeoutMs, discard, plainWallMs }) : undefined;
  rmSync(TRASH_DIR, { recursive: true, force: true });

  const report: BenchReport = {
    startedAt,
    finishedAt: new Date().toISOString(),
    machine: {
      node: process.version,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model.trim() ?? '?',
      memGiB: Math.round(totalmem() / 1024 ** 3),
      platform: `${process.platform}-${process.arch}`,
      loadAvg: { start: loadAtStart, end: loadavg()[0]! },
    },
    runs,
    timeoutS: timeoutMs / 1000,
    measurement,
    oagenCommit: gitCommit(ROOT),
    ...(baseline.length ? { baseline: { bin: flags.baseline as string, ...(gitCommit(dirname(resolve(flags.baseline as string))) ? { commit: gitCommit(dirname(resolve(flags.baseline as string))) } : {}) } } : {}),
    specs: results,
    ...(zod ? { zod } : {}),
  };
  writeFileSync(join(BENCH_DIR, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(BENCH_DIR, 'report.md'), renderMarkdown(report));
  console.log(`\n${renderText(report)}\n\nwrote .bench/report.md and .bench/report.json`);
  return 0;
}

function pick<T>(all: T[], names: string[] | undefined, nameOf: (t: T) => string, what: string): T[] {
  if (!names) return all;
  const unknown = names.filter((n) => !all.some((t) => nameOf(t) === n));
  if (unknown.length) throw new UsageError(`unknown ${what}: ${unknown.join(', ')} (known: ${all.map(nameOf).join(', ')})`);
  return all.filter((t) => names.includes(nameOf(t)));
}

async function benchSpec(spec: BenchSpec, tools: Tool[], runs: number, timeoutMs: number): Promise<SpecResult> {
  const bytes = statSync(spec.file).size;
  console.log(`\n== ${spec.title}: ${spec.file.replace(`${ROOT}/`, '')} (${fmtBytes(bytes)})`);
  const parseFloor = await measureParseFloor(spec, Math.max(runs, 5), timeoutMs);
  console.log(`   parse floor: ${fmtSeconds(parseFloor.wallMs)} s process, ${fmtSeconds(parseFloor.readParseMs)} s read+parse${parseFloor.error ? ` (fails: ${parseFloor.error})` : ''}`);

  const results = new Map<Tool, ToolResult>();
  for (const tool of tools) {
    const unavailable = tool.available();
    results.set(tool, {
      tool: tool.name,
      version: tool.version(),
      peer: tool.peer,
      ...(tool.baseline ? { baseline: true } : {}),
      kind: tool.kind,
      runs: [],
      medians: {},
      ...(unavailable ? { fails: unavailable } : {}),
    });
    discard(join(BENCH_DIR, spec.id, tool.name));
  }

  // Rounds (every tool once per round) so that drift on the machine spreads over all tools;
  // every other round in reverse order, so that no tool always runs right after another (in a
  // fixed order, of two builds of oagen the one that ran second measured 2-3 % faster).
  for (let r = 1; r <= runs; r++) {
    for (const tool of r % 2 === 1 ? tools : [...tools].reverse()) {
      const result = results.get(tool)!;
      if (result.fails) continue;
      const run = await generateOnce(spec, tool, r, timeoutMs);
      result.runs.push(run);
      const what = run.ok ? `${fmtSeconds(run.wallMs)} s, cpu ${fmtSeconds(run.cpuMs)} s, ${Math.round((run.maxRssKb ?? 0) / 1024)} MB, ${fmtBytes(run.bytes)} in ${run.files} files` : `fails: ${run.error}`;
      console.log(`   ${tool.name.padEnd(18)} run ${r}: ${what}`);
      if (!run.ok) result.fails = run.error;
    }
  }

  for (const tool of tools) {
    const result = results.get(tool)!;
    const good = result.runs.filter((r) => r.ok);
    result.medians = {
      wallMs: median(good.map((r) => r.wallMs)),
      cpuMs: median(good.flatMap((r) => (r.cpuMs === undefined ? [] : [r.cpuMs]))),
      maxRssKb: median(good.flatMap((r) => (r.maxRssKb === undefined ? [] : [r.maxRssKb]))),
      bytes: median(good.map((r) => r.bytes!)),
      files: median(good.map((r) => r.files!)),
    };
    if (result.fails || good.length === 0 || tool.baseline) continue; // a baseline is timed only
    const out = runDir(spec, tool, good.at(-1)!.run);
    if (!tool.peer) result.rerun = await rerunUnchanged(spec, tool, out, runs, timeoutMs);
    await checkOutput(spec, tool, out, result, timeoutMs);
  }
  return { spec: spec.id, title: spec.title, file: spec.file.replace(`${ROOT}/`, ''), bytes, parseFloor, tools: [...results.values()] };
}

async function measureParseFloor(spec: BenchSpec, runs: number, timeoutMs: number): Promise<ParseFloor> {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const s = await parseFloorOnce(spec.file, timeoutMs);
    if (!s.ok) return { error: s.error };
    samples.push(s);
  }
  return {
    wallMs: median(samples.map((s) => s.wallMs)),
    readParseMs: median(samples.map((s) => s.readParseMs!)),
    maxRssKb: median(samples.flatMap((s) => (s.maxRssKb === undefined ? [] : [s.maxRssKb]))),
  };
}

function runDir(spec: BenchSpec, tool: Tool, run: number): string {
  return join(BENCH_DIR, spec.id, tool.name, `run-${run}`);
}

async function generateOnce(spec: BenchSpec, tool: Tool, r: number, timeoutMs: number): Promise<GenRun> {
  const out = runDir(spec, tool, r);
  // Keep only the newest output of each tool in place (the others wait in the trash).
  discard(join(BENCH_DIR, spec.id, tool.name));
  mkdirSync(out, { recursive: true });
  const cmd = tool.command(spec, out);
  const run = await runNodeMeasured(cmd.script, cmd.args, { cwd: cmd.cwd, timeoutMs });
  const base: GenRun = { run: r, ok: false, wallMs: run.wallMs, cpuMs: run.cpuMs, maxRssKb: run.maxRssKb };
  const text = `${run.stderr}\n${run.stdout}`;
  if (run.timedOut) return { ...base, timedOut: true, error: `timeout after ${timeoutMs / 1000} s` };
  if (run.signal) return { ...base, error: `killed by ${run.signal}: ${firstErrorLine(text)}` };
  if (run.code !== 0) return { ...base, error: `exit ${run.code}: ${firstErrorLine(text)}` };
  const src = tool.srcDir(out);
  if (!existsSync(src) || readdirSync(src).length === 0) return { ...base, error: `exit 0 but no output in ${src.replace(`${out}/`, '')}: ${firstErrorLine(text)}` };
  if (!tool.peer && hasStackTrace(text)) return { ...base, error: `exit 0 with a stack trace: ${firstErrorLine(text)}` };
  const size = dirSize(out);
  return { ...base, ok: true, bytes: size.bytes, files: size.files };
}

/**
 * oagen again into `out`, the spec unchanged: plain re-runs (the stamp says nothing changed)
 * and `--force` re-runs (everything rendered and compared with the files on disk).
 */
async function rerunUnchanged(spec: BenchSpec, tool: Tool, out: string, runs: number, timeoutMs: number): Promise<RerunSummary> {
  const cmd = tool.command(spec, out);
  const plain: number[] = [];
  const forced: number[] = [];
  let written = 0;
  for (let r = 0; r < runs; r++) {
    for (const force of [false, true]) {
      const run = await runNodeMeasured(cmd.script, force ? [...cmd.args, '--force'] : cmd.args, { cwd: cmd.cwd, timeoutMs });
      const said = /\(up to date\)/.test(run.stdout) ? 'up to date' : /\((\d+) written/.exec(run.stdout)?.[1];
      if (run.code !== 0 || said === undefined) return { error: `exit ${run.code}: ${firstErrorLine(`${run.stderr}\n${run.stdout}`)}` };
      if (!force && said !== 'up to date') return { error: `a re-run of an unchanged spec was not up to date: ${run.stdout.trim()}` };
      if (force && said === 'up to date') return { error: '--force did not render' };
      if (force) written += Number(said);
      (force ? forced : plain).push(run.wallMs);
    }
  }
  const summary = { upToDateMs: median(plain), forcedMs: median(forced), forcedWritten: written };
  console.log(`   ${tool.name.padEnd(18)} re-run: ${fmtSeconds(summary.upToDateMs)} s up to date, ${fmtSeconds(summary.forcedMs)} s with --force (${written} files written)`);
  return summary;
}

/** Type-check (TypeScript 7, strict) and bundle one operation of a tool's output. */
async function checkOutput(spec: BenchSpec, tool: Tool, out: string, result: ToolResult, timeoutMs: number): Promise<void> {
  let project = out;
  if (!tool.ownTsconfig) {
    // Peers' runtime imports (@oazapfts/runtime) resolve from the peers' install.
    if (!existsSync(join(out, 'node_modules'))) symlinkSync(PEERS_MODULES, join(out, 'node_modules'), 'dir');
    project = join(out, 'tsconfig.bench.json');
    writeFileSync(project, `${JSON.stringify(BENCH_TSCONFIG, null, 2)}\n`);
  }
  const tc = await typecheck(project, timeoutMs);
  result.typecheck = {
    ok: tc.ok,
    completed: tc.ok || (!tc.run.timedOut && tc.errorCount > 0),
    wallMs: tc.run.wallMs,
    cpuMs: tc.run.cpuMs,
    errorCount: tc.errorCount,
    firstErrors: tc.firstErrors,
    tsconfig: tool.ownTsconfig ? 'package' : 'bench',
  };
  console.log(`   ${tool.name.padEnd(18)} tsc: ${fmtSeconds(tc.run.wallMs)} s${tc.ok ? '' : `, ${tc.errorCount} errors: ${tc.firstErrors[0] ?? ''}`}`);
  if (tool.kind === 'client') {
    result.bundle = await bundleOneOperation(out, tool.srcDir(out), spec, !tool.peer);
    const b = result.bundle;
    console.log(`   ${tool.name.padEnd(18)} bundle: ${b.ok ? `${fmtBytes(b.gzipBytes)} gzip (${fmtBytes(b.minBytes)} min) of ${b.imported}` : `fails: ${b.error}`}`);
    if (b.largestInputs?.length) console.log(`   ${''.padEnd(18)} largest: ${b.largestInputs.map((i) => `${i.file} ${fmtBytes(i.bytes)}`).join(', ')}`);
  }
}

/** Minimal strict tsconfig for the peers' outputs. */
const BENCH_TSCONFIG = {
  compilerOptions: {
    strict: true,
    noEmit: true,
    target: 'es2022',
    module: 'esnext',
    moduleResolution: 'bundler',
    lib: ['es2022', 'dom', 'dom.iterable'],
    types: [],
    skipLibCheck: true,
  },
  include: ['src'],
};

function gitCommit(dir: string): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof UsageError) {
      console.error(`${err.message}\n${usage('npm run bench --', FLAGS)}`);
      process.exit(2);
    }
    console.error(err);
    process.exit(1);
  },
);
