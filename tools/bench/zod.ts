/**
 * The bench's zod section (issue 15, "Speed"): `oagen generate` of the bench specs with the
 * plugins client, docs and zod (through a config file, as `npm run corpus -- --plugins` does),
 * and the cost of validating one large response against the raw call's decoding: a page of 100
 * GitHub issues (the spec's own `issue-items` example, repeated) and a Stripe list of 100
 * customers (the `mocks` plugin's fake customers), `JSON.parse` against `JSON.parse` + the
 * operation's response schema from `<pkg>/zod`, medians.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { firstErrorLine, hasStackTrace } from './lib/output-text.js';
import { OAGEN_BIN, ROOT } from './lib/paths.js';
import { runNodeMeasured } from './lib/proc.js';
import { fmtBytes, fmtSeconds, median } from './lib/stats.js';
import type { GenRun, ZodGeneration, ZodSection, ZodValidation } from './results.js';
import type { BenchSpec } from './specs.js';

export const ZOD_PLUGINS = ['client', 'docs', 'zod'];
/** timed samples of each measurement (after as many warm-up calls) */
const SAMPLES = 50;

interface ZodOptions {
  benchDir: string;
  runs: number;
  timeoutMs: number;
  /** moves an earlier output out of the way (run.ts: into the trash, deleted at the end) */
  discard(path: string): void;
  /** plain oagen's median wall time per spec id, from this bench run */
  plainWallMs: ReadonlyMap<string, number | undefined>;
}

export async function benchZod(specs: BenchSpec[], o: ZodOptions): Promise<ZodSection> {
  console.log(`\n== zod: oagen generate with plugins ${ZOD_PLUGINS.join(', ')}; validation of a large response`);
  const generation: ZodGeneration[] = [];
  const newest = new Map<string, string>();
  for (const spec of specs) {
    const g = await generateWithZod(spec, ZOD_PLUGINS, 'oagen-zod', o);
    generation.push(g.result);
    if (g.out) newest.set(spec.id, g.out);
  }
  const validation: ZodValidation[] = [];
  for (const spec of specs) {
    if (spec.id === 'github') validation.push(await validateGithubIssues(spec, newest.get(spec.id)));
    if (spec.id === 'stripe') {
      // the fake customers come from the `mocks` plugin: one more (untimed) generation
      const g = await generateWithZod(spec, ['client', 'zod', 'mocks'], 'oagen-zod-mocks', { ...o, runs: 1 });
      validation.push(await validateStripeList(g.out, g.result.fails));
    }
  }
  for (const v of validation) {
    const what = v.error ? `fails: ${v.error}` : `JSON.parse ${v.parseMs!.toFixed(2)} ms, + validation ${v.validateMs!.toFixed(2)} ms (${fmtBytes(v.bytes)})`;
    console.log(`   ${v.spec.padEnd(8)} ${v.operation}, ${v.body}: ${what}`);
  }
  return { plugins: ZOD_PLUGINS, generation, validation };
}

/** `oagen generate --config` with `plugins`, `runs` times, each in a fresh folder. */
async function generateWithZod(spec: BenchSpec, plugins: string[], folder: string, o: ZodOptions): Promise<{ result: ZodGeneration; out?: string }> {
  const base = join(o.benchDir, spec.id, folder);
  const runs: GenRun[] = [];
  let out: string | undefined;
  let fails: string | undefined;
  for (let r = 1; r <= o.runs && !fails; r++) {
    o.discard(base);
    const dir = join(base, `run-${r}`);
    mkdirSync(dir, { recursive: true });
    const config = join(base, `run-${r}.oagen.config.json`);
    writeFileSync(config, JSON.stringify({ clients: [{ name: `bench-${spec.id}`, spec: spec.file, output: dir, plugins }] }));
    const run = await runNodeMeasured(OAGEN_BIN, ['generate', '--config', config], { cwd: ROOT, timeoutMs: o.timeoutMs });
    const text = `${run.stderr}\n${run.stdout}`;
    const base_: GenRun = { run: r, ok: false, wallMs: run.wallMs, cpuMs: run.cpuMs, maxRssKb: run.maxRssKb };
    let error: string | undefined;
    if (run.timedOut) error = `timeout after ${o.timeoutMs / 1000} s`;
    else if (run.signal) error = `killed by ${run.signal}: ${firstErrorLine(text)}`;
    else if (run.code !== 0) error = `exit ${run.code}: ${firstErrorLine(text)}`;
    else if (!existsSync(join(dir, 'src', 'zod.ts'))) error = `exit 0 but no src/zod.ts: ${firstErrorLine(text)}`;
    else if (hasStackTrace(text)) error = `exit 0 with a stack trace: ${firstErrorLine(text)}`;
    runs.push(error ? { ...base_, error } : { ...base_, ok: true });
    if (error) fails = error;
    else out = dir;
    if (folder === 'oagen-zod') console.log(`   ${spec.id.padEnd(8)} oagen+zod run ${r}: ${error ? `fails: ${error}` : `${fmtSeconds(run.wallMs)} s, cpu ${fmtSeconds(run.cpuMs)} s`}`);
  }
  const good = runs.filter((r) => r.ok);
  const result: ZodGeneration = {
    spec: spec.id,
    runs,
    wallMs: median(good.map((r) => r.wallMs)),
    cpuMs: median(good.flatMap((r) => (r.cpuMs === undefined ? [] : [r.cpuMs]))),
    plainWallMs: o.plainWallMs.get(spec.id),
    ...(out ? { zodBytes: statSync(join(out, 'src', 'zod.ts')).size } : {}),
    ...(fails ? { fails } : {}),
  };
  return { result, ...(out ? { out } : {}) };
}

interface Parser {
  parse(v: unknown): unknown;
  safeParse(v: unknown): { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } };
}
type Validators = Record<string, { responses?: Record<string, Parser> }>;

async function importTs<M>(file: string): Promise<M> {
  // `npm run bench` runs under tsx, which loads the generated TypeScript (zod resolves from the repository)
  return (await import(pathToFileURL(file).href)) as M;
}

async function validateGithubIssues(spec: BenchSpec, out: string | undefined): Promise<ZodValidation> {
  const operation = 'GET /repos/{owner}/{repo}/issues';
  const body = "100 issues (the spec's example, repeated)";
  if (!out) return { spec: spec.id, operation, body, error: 'no package: the generation failed' };
  const doc = JSON.parse(readFileSync(spec.file, 'utf8')) as { components: { examples: Record<string, { value: unknown[] }> } };
  const issue = doc.components.examples['issue-items']?.value[0] as object | undefined;
  if (!issue) return { spec: spec.id, operation, body, error: 'the spec has no example "issue-items"' };
  const page = Array.from({ length: 100 }, (_, i) => ({ ...issue, id: i + 1, number: i + 1 }));
  const { validators } = await importTs<{ validators: Validators }>(join(out, 'src', 'zod.ts'));
  return measure(spec.id, operation, body, validators, page);
}

async function validateStripeList(out: string | undefined, fails: string | undefined): Promise<ZodValidation> {
  const operation = 'GET /v1/customers';
  const body = '100 customers (fakeCustomer, seeds 1–100)';
  if (!out) return { spec: 'stripe', operation, body, error: `no package: ${fails ?? 'the generation failed'}` };
  const { validators } = await importTs<{ validators: Validators }>(join(out, 'src', 'zod.ts'));
  const mocks = await importTs<Record<string, unknown>>(join(out, 'src', 'mocks', 'index.ts'));
  const fakeCustomer = mocks.fakeCustomer as ((o?: unknown, opts?: { seed: number }) => unknown) | undefined;
  if (!fakeCustomer) return { spec: 'stripe', operation, body, error: 'the mocks module has no fakeCustomer' };
  const data = Array.from({ length: 100 }, (_, i) => fakeCustomer(undefined, { seed: i + 1 }));
  const page = { object: 'list', url: '/v1/customers', has_more: false, data };
  return measure('stripe', operation, body, validators, page);
}

/** Medians of `JSON.parse(text)` and `schema.parse(JSON.parse(text))` for the 200 response of `operation`. */
function measure(spec: string, operation: string, body: string, validators: Validators, page: unknown): ZodValidation {
  const text = JSON.stringify(page);
  const base = { spec, operation, body, bytes: Buffer.byteLength(text) };
  const schema = validators[operation]?.responses?.['200'];
  if (!schema) return { ...base, error: `validators has no 200 response for ${operation}` };
  const checked = schema.safeParse(JSON.parse(text));
  if (!checked.success) {
    const i = checked.error?.issues[0];
    return { ...base, error: `the body does not pass its schema: $${(i?.path ?? []).map((p) => `.${String(p)}`).join('')}: ${i?.message ?? '?'}` };
  }
  const parseMs = timeMedian(() => JSON.parse(text));
  const validateMs = timeMedian(() => schema.parse(JSON.parse(text)));
  return { ...base, parseMs, validateMs, samples: SAMPLES };
}

function timeMedian(f: () => unknown): number {
  for (let i = 0; i < 5; i++) f();
  const xs: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const t = performance.now();
    f();
    xs.push(performance.now() - t);
  }
  return median(xs)!;
}
