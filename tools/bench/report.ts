/** Turn benchmark results into the printed tables, .bench/report.md and the target checks. */
import { fmtBytes, fmtRatio, fmtSeconds, ratio } from './lib/stats.js';
import { toMarkdown, toText, type Table } from './lib/table.js';
import type { BenchReport, SpecResult, ToolResult } from './results.js';

const MB = 1024 * 1024;
const mbOf = (kb: number | undefined) => (kb === undefined ? '—' : `${Math.round(kb / 1024)}`);
const ok = (t: ToolResult) => t.fails === undefined && t.medians.wallMs !== undefined;

export function fastestPeer(spec: SpecResult, pick: (t: ToolResult) => number | undefined): ToolResult | undefined {
  let best: ToolResult | undefined;
  for (const t of spec.tools) {
    if (!t.peer || !ok(t)) continue;
    const v = pick(t);
    if (v !== undefined && (best === undefined || v < pick(best)!)) best = t;
  }
  return best;
}

function oagenOf(spec: SpecResult): ToolResult | undefined {
  return spec.tools.find((t) => !t.peer && !t.baseline);
}

/** `--baseline`: this oagen against the other build, measured in the same rounds. */
export function baselineTable(report: BenchReport): Table {
  const rows: string[][] = [];
  for (const spec of report.specs) {
    const now = oagenOf(spec);
    const before = spec.tools.find((t) => t.baseline);
    if (!now || !before) continue;
    const pair = (pick: (t: ToolResult) => number | undefined, fmt: (v: number | undefined) => string) => [fmt(pick(now)), fmt(pick(before)), ok(now) && ok(before) ? fmtRatio(ratio(pick(now), pick(before))) : '—'];
    rows.push([
      spec.spec,
      ...pair((t) => t.medians.wallMs, fmtSeconds),
      ...pair((t) => t.medians.cpuMs, fmtSeconds),
      ...pair((t) => t.medians.maxRssKb, mbOf),
      [now, before].map((t) => t.runs.filter((r) => r.ok).map((r) => fmtSeconds(r.wallMs)).join(' ')).join(' / '),
    ]);
  }
  return {
    head: ['spec', 'wall s', 'baseline wall s', 'wall ÷ baseline', 'cpu s', 'baseline cpu s', 'cpu ÷ baseline', 'peak MB', 'baseline peak MB', 'peak ÷ baseline', 'runs (wall s): this / baseline'],
    rows,
    right: [1, 2, 3, 4, 5, 6, 7, 8, 9],
  };
}

function baselineLabel(report: BenchReport): string {
  const b = report.baseline!;
  return `oagen against the baseline build ${b.bin}${b.commit ? ` (${b.commit})` : ''}`;
}

export function generationTable(report: BenchReport): Table {
  const rows: string[][] = [];
  for (const spec of report.specs) {
    for (const t of spec.tools) {
      const m = t.medians;
      const tc = t.typecheck;
      const tsc = tc ? `${fmtSeconds(tc.wallMs)}${tc.ok ? '' : ` (${tc.errorCount || 'fails'}${tc.errorCount ? ' errors' : ''})`}` : '—';
      const bundle = t.kind === 'types' ? 'n/a (types)' : t.bundle?.ok ? fmtBytes(t.bundle.gzipBytes) : t.bundle ? 'fails' : '—';
      const okRuns = t.runs.filter((r) => r.ok).length;
      rows.push([
        spec.spec,
        t.tool,
        ok(t) ? fmtSeconds(m.wallMs) : 'fails',
        fmtSeconds(m.cpuMs),
        mbOf(m.maxRssKb),
        m.bytes === undefined ? '—' : `${fmtBytes(m.bytes)} / ${m.files}`,
        tsc,
        bundle,
        t.fails ? `fails: ${t.fails}` : `${okRuns}/${t.runs.length} ok`,
      ]);
    }
  }
  return {
    head: ['spec', 'tool', 'wall s', 'cpu s', 'peak MB', 'output (size / files)', 'tsc s', '1-op bundle gz', 'status'],
    rows,
    right: [2, 3, 4, 5, 6, 7],
  };
}

export function ratioTable(report: BenchReport): Table {
  const rows = report.specs.map((spec) => {
    const o = oagenOf(spec);
    const fast = fastestPeer(spec, (t) => t.medians.wallMs);
    const fastCpu = fastestPeer(spec, (t) => t.medians.cpuMs);
    const lowMem = fastestPeer(spec, (t) => t.medians.maxRssKb);
    const fastTsc = fastestPeer(spec, (t) => (t.typecheck?.completed ? t.typecheck.wallMs : undefined));
    const oWall = o && ok(o) ? o.medians.wallMs : undefined;
    return [
      spec.spec,
      fmtBytes(spec.bytes),
      `${fmtSeconds(spec.parseFloor.wallMs)} (${fmtSeconds(spec.parseFloor.readParseMs)})`,
      o && ok(o) ? fmtSeconds(oWall) : 'fails',
      fast ? `${fast.tool} ${fmtSeconds(fast.medians.wallMs)}` : '—',
      fmtRatio(ratio(oWall, fast?.medians.wallMs)),
      `${fmtRatio(ratio(o && ok(o) ? o.medians.cpuMs : undefined, fastCpu?.medians.cpuMs))}${fastCpu ? ` (${fastCpu.tool})` : ''}`,
      fmtRatio(ratio(oWall, spec.parseFloor.wallMs)),
      `${mbOf(o?.medians.maxRssKb)} / ${lowMem ? `${mbOf(lowMem.medians.maxRssKb)} (${lowMem.tool})` : '—'}`,
      fmtRatio(ratio(o?.typecheck?.ok ? o.typecheck.wallMs : undefined, fastTsc?.typecheck?.wallMs)),
      o?.bundle?.ok ? fmtBytes(o.bundle.gzipBytes) : '—',
    ];
  });
  return {
    head: [
      'spec', 'size', 'parse floor s (in-proc)', 'oagen s', 'fastest peer', 'oagen ÷ fastest',
      'cpu ÷ fastest peer cpu', 'oagen ÷ floor', 'peak MB oagen / lowest peer', 'tsc ÷ fastest peer tsc', 'oagen bundle gz',
    ],
    rows,
    right: [1, 2, 3, 5, 6, 7, 9, 10],
  };
}

export function scalingTable(report: BenchReport): Table {
  const tools = [...new Set(report.specs.flatMap((s) => s.tools.map((t) => t.tool)))];
  const rows = tools.map((tool) => [
    tool,
    ...report.specs.map((spec) => {
      const t = spec.tools.find((x) => x.tool === tool);
      if (!t || !ok(t)) return t ? 'fails' : '—';
      return ((t.medians.wallMs! / 1000) / (spec.bytes / MB)).toFixed(2);
    }),
  ]);
  rows.push(['parse floor', ...report.specs.map((s) => (s.parseFloor.wallMs === undefined ? '—' : (s.parseFloor.wallMs / 1000 / (s.bytes / MB)).toFixed(3)))]);
  return {
    head: ['s per MB of spec', ...report.specs.map((s) => `${s.spec} (${fmtBytes(s.bytes)})`)],
    rows,
    right: report.specs.map((_, i) => i + 1),
  };
}

/** oagen's regeneration of an unchanged spec, against its first run. */
export function rerunTable(report: BenchReport): Table {
  const rows = report.specs.flatMap((spec) => {
    const o = oagenOf(spec);
    if (!o?.rerun) return [];
    const r = o.rerun;
    if (r.error) return [[spec.spec, fmtSeconds(o.medians.wallMs), 'fails', r.error, '—']];
    return [[spec.spec, fmtSeconds(o.medians.wallMs), fmtSeconds(r.upToDateMs), fmtSeconds(r.forcedMs), String(r.forcedWritten)]];
  });
  return { head: ['spec', 'first run s', 're-run s (up to date)', 're-run --force s', 'files --force wrote'], rows, right: [1, 2, 3, 4] };
}

export interface TargetCheck {
  target: string;
  spec: string;
  pass: boolean | undefined;
  detail: string;
}

/** The issue's targets, evaluated on this report (undefined = not measurable here). */
export function targetChecks(report: BenchReport): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const spec of report.specs) {
    const o = oagenOf(spec);
    const oWall = o && ok(o) ? o.medians.wallMs : undefined;
    const fast = fastestPeer(spec, (t) => t.medians.wallMs);
    const r1 = ratio(oWall, fast?.medians.wallMs);
    checks.push({ target: '≤ 0.25× fastest peer', spec: spec.spec, pass: r1 === undefined ? undefined : r1 <= 0.25, detail: fmtRatio(r1) });
    const r2 = ratio(oWall, spec.parseFloor.wallMs);
    checks.push({ target: '≤ 3× parse floor', spec: spec.spec, pass: r2 === undefined ? undefined : r2 <= 3, detail: fmtRatio(r2) });
    if (spec.spec === 'graph') {
      checks.push({ target: '≤ 10 s', spec: spec.spec, pass: oWall === undefined ? undefined : oWall <= 10_000, detail: `${fmtSeconds(oWall)} s` });
      const rss = o?.medians.maxRssKb;
      checks.push({ target: '≤ 1 GiB peak memory', spec: spec.spec, pass: rss === undefined ? undefined : rss <= 1024 * 1024, detail: `${mbOf(rss)} MB` });
    }
    if (spec.spec === 'openai' || spec.spec === 'github') {
      const fastTsc = fastestPeer(spec, (t) => (t.typecheck?.completed ? t.typecheck.wallMs : undefined));
      const oTsc = o?.typecheck?.ok ? o.typecheck.wallMs : undefined;
      const r3 = ratio(oTsc, fastTsc?.typecheck?.wallMs);
      checks.push({
        target: 'tsc no slower than fastest peer output',
        spec: spec.spec,
        pass: r3 === undefined ? undefined : r3 <= 1,
        detail: `${fmtSeconds(oTsc)} s vs ${fastTsc ? `${fastTsc.tool} ${fmtSeconds(fastTsc.typecheck!.wallMs)} s` : '—'}`,
      });
    }
    const gz = o?.bundle?.ok ? o.bundle.gzipBytes : undefined;
    checks.push({ target: 'one-operation bundle ≤ 2 KB gzip', spec: spec.spec, pass: gz === undefined ? undefined : gz <= 2048, detail: fmtBytes(gz) });
  }
  return checks;
}

function targetTable(report: BenchReport): Table {
  return {
    head: ['target', 'spec', 'result', 'measured'],
    rows: targetChecks(report).map((c) => [c.target, c.spec, c.pass === undefined ? 'n/a' : c.pass ? 'met' : 'NOT met', c.detail]),
  };
}

function bundleTable(report: BenchReport): Table {
  const rows: string[][] = [];
  for (const spec of report.specs) {
    for (const t of spec.tools) {
      const b = t.bundle;
      if (!b?.ok) continue;
      rows.push([
        spec.spec,
        t.tool,
        b.imported ?? '',
        `${fmtBytes(b.minBytes)} / ${fmtBytes(b.gzipBytes)}`,
        (b.largestInputs ?? []).map((i) => `${i.file} ${fmtBytes(i.bytes)}`).join(', '),
      ]);
    }
  }
  return { head: ['spec', 'tool', 'entry imports', 'min / gzip', 'largest inputs (minified bytes)'], rows };
}

const fmtMs = (ms: number | undefined) => (ms === undefined ? '—' : ms.toFixed(2));

/** oagen with the plugins client, docs and zod, against plain oagen (default plugins) in the same run. */
export function zodGenerationTable(report: BenchReport): Table {
  const rows = (report.zod?.generation ?? []).map((g) => {
    const okRuns = g.runs.filter((r) => r.ok).length;
    return [
      g.spec,
      g.fails && g.wallMs === undefined ? 'fails' : fmtSeconds(g.wallMs),
      fmtSeconds(g.cpuMs),
      fmtSeconds(g.plainWallMs),
      fmtRatio(ratio(g.wallMs, g.plainWallMs)),
      fmtBytes(g.zodBytes),
      g.fails ? `fails: ${g.fails}` : `${okRuns}/${g.runs.length} ok`,
    ];
  });
  return {
    head: ['spec', `oagen + ${(report.zod?.plugins ?? []).join(',')} s`, 'cpu s', 'oagen (default plugins) s', '÷ default', 'src/zod.ts', 'status'],
    rows,
    right: [1, 2, 3, 4, 5],
  };
}

/** One large response: the raw call's JSON decoding against decoding + the response schema. */
export function zodValidationTable(report: BenchReport): Table {
  const rows = (report.zod?.validation ?? []).map((v) => {
    if (v.error) return [v.spec, v.operation, v.body, fmtBytes(v.bytes), 'fails', '—', v.error];
    const extra = v.validateMs! - v.parseMs!;
    return [v.spec, v.operation, v.body, fmtBytes(v.bytes), fmtMs(v.parseMs), fmtMs(v.validateMs), `+${fmtMs(extra)} (${fmtRatio(ratio(v.validateMs, v.parseMs))})`];
  });
  return {
    head: ['spec', 'operation', 'body', 'size', 'JSON.parse ms', 'JSON.parse + validate ms', 'validation adds ms (× raw)'],
    rows,
    right: [3, 4, 5, 6],
  };
}

function failures(report: BenchReport): string[] {
  const lines: string[] = [];
  for (const spec of report.specs) {
    for (const t of spec.tools) {
      if (t.fails) lines.push(`${spec.spec} / ${t.tool}: ${t.fails}`);
      if (t.typecheck && !t.typecheck.ok) lines.push(`${spec.spec} / ${t.tool}: tsc: ${t.typecheck.firstErrors[0] ?? 'failed'}`);
      if (t.bundle && !t.bundle.ok) lines.push(`${spec.spec} / ${t.tool}: bundle: ${t.bundle.error}`);
    }
    if (spec.parseFloor.error) lines.push(`${spec.spec} / parse floor: ${spec.parseFloor.error}`);
  }
  for (const g of report.zod?.generation ?? []) if (g.fails) lines.push(`${g.spec} / oagen + zod: ${g.fails}`);
  for (const v of report.zod?.validation ?? []) if (v.error) lines.push(`${v.spec} / validation of ${v.operation}: ${v.error}`);
  return lines;
}

function versions(report: BenchReport): string {
  const seen = new Map<string, string>();
  for (const spec of report.specs) for (const t of spec.tools) seen.set(t.tool, t.version ?? '?');
  return [...seen].map(([tool, v]) => `${tool} ${v}${tool === 'oagen' && report.oagenCommit ? ` (${report.oagenCommit})` : ''}`).join(', ');
}

export function renderText(report: BenchReport): string {
  const fails = failures(report);
  const main = report.specs.length > 0; // none with --zod-only
  return [
    ...(main ? [] : [`zod section only (median of ${report.runs} run(s))`]),
    ...(!main ? [] : [
      `Generation (median of ${report.runs} run(s)); ${versions(report)}`,
      toText(generationTable(report)),
      '',
      'oagen against the peers and the parse floor',
      toText(ratioTable(report)),
      '',
      'Scaling: generation seconds per MB of spec',
      toText(scalingTable(report)),
      '',
      'Re-running oagen on the unchanged spec',
      toText(rerunTable(report)),
      '',
      'Targets (issue 6)',
      toText(targetTable(report)),
      ...(report.baseline ? ['', baselineLabel(report), toText(baselineTable(report))] : []),
    ]),
    ...(report.zod
      ? ['', 'The zod plugin: generation', toText(zodGenerationTable(report)), '', 'The zod plugin: validating one large response', toText(zodValidationTable(report))]
      : []),
    ...(fails.length ? ['', 'Failures', ...fails.map((l) => `  ${l}`)] : []),
  ].join('\n');
}

function loadNote(report: BenchReport): string {
  const load = report.machine.loadAvg;
  if (!load) return '';
  const busy = Math.max(load.start, load.end) > report.machine.cpus;
  return ` 1-min load average ${load.start.toFixed(1)} at the start, ${load.end.toFixed(1)} at the end${
    busy ? ': other work shared the machine, so wall times are inflated (CPU times are steadier).' : '.'
  }`;
}

export function renderMarkdown(report: BenchReport): string {
  const m = report.machine;
  const fails = failures(report);
  return [
    '# oagen benchmark',
    '',
    `${report.startedAt} → ${report.finishedAt}; Node ${m.node}, ${m.cpus} × ${m.cpuModel}, ${m.memGiB} GiB, ${m.platform}.${loadNote(report)}`,
    `Median of ${report.runs} run(s) per tool and spec, each capped at ${report.timeoutS} s. ${report.measurement}`,
    '',
    `Versions: ${versions(report)}.`,
    ...(report.specs.length === 0 ? [] : [ // none with --zod-only
      '',
      '## Generation',
      '',
      toMarkdown(generationTable(report)),
      '',
      '`tsc s`: one `tsc --noEmit --strict` of the output with TypeScript 7 (oagen: its package tsconfig; peers: a minimal strict bundler-resolution tsconfig).',
      '`1-op bundle gz`: esbuild `--bundle --minify` of an entry that re-exports one list-style operation (and `createClient` when offered), gzip -9.',
      '',
      '## oagen against the peers and the parse floor',
      '',
      toMarkdown(ratioTable(report)),
      '',
      'Parse floor: a fresh `node` process that reads and parses the spec (`JSON.parse`, or `js-yaml` `load` for YAML); in brackets the read + parse time inside that process.',
      '',
      '## Scaling: generation seconds per MB of spec',
      '',
      toMarkdown(scalingTable(report)),
      '',
      '## Re-running oagen on the unchanged spec',
      '',
      toMarkdown(rerunTable(report)),
      '',
      'Into the folder of its last run: a plain re-run stops once its stamp (src/write/stamp.ts) says nothing changed; `--force` renders everything, compares it with the files there and rewrites none (their mtimes kept).',
      '',
      '## Targets (issue 6)',
      '',
      toMarkdown(targetTable(report)),
      '',
      '## What the one-operation bundles contain',
      '',
      toMarkdown(bundleTable(report)),
      ...(report.baseline
        ? ['', `## ${baselineLabel(report)}`, '', toMarkdown(baselineTable(report)), '', 'The two builds ran in the same rounds (each round runs every tool once, every other round in reverse order), so drift on the machine spreads over both; the baseline is timed only (no type-check, bundle or re-run).']
        : []),
    ]),
    ...(report.zod ? ['', ...zodMarkdown(report)] : []),
    ...(fails.length ? ['', '## Failures', '', ...fails.map((l) => `- ${l}`)] : []),
    '',
  ].join('\n');
}

function zodMarkdown(report: BenchReport): string[] {
  const samples = report.zod?.validation.find((v) => v.samples)?.samples;
  return [
    '## The zod plugin',
    '',
    `\`oagen generate --config\` with \`plugins: ${JSON.stringify(report.zod!.plugins)}\`, each run in a fresh folder (median of ${report.runs} run(s)), next to plain oagen (its default plugins) of the same bench run.`,
    '',
    toMarkdown(zodGenerationTable(report)),
    '',
    `Validating one large response: \`JSON.parse\` of the body (what the raw call does) against \`JSON.parse\` + the operation's 200 response schema from \`<pkg>/zod\` (\`schema.parse\`), in the bench's process, medians of ${samples ?? '—'} calls after 5 warm-up calls.`,
    '',
    toMarkdown(zodValidationTable(report)),
  ];
}
