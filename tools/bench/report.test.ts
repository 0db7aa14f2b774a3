import { describe, expect, it } from 'vitest';
import { fastestPeer, renderMarkdown, targetChecks } from './report.js';
import type { BenchReport, SpecResult, ToolResult } from './results.js';

const tool = (name: string, wallMs: number | undefined, extra: Partial<ToolResult> = {}): ToolResult => ({
  tool: name,
  peer: name !== 'oagen',
  kind: name === 'openapi-typescript' ? 'types' : 'client',
  runs: [],
  medians: { wallMs, maxRssKb: 200 * 1024 },
  ...extra,
});

const tc = (wallMs: number, ok = true) => ({ ok, completed: true, wallMs, errorCount: ok ? 0 : 3, firstErrors: [], tsconfig: 'bench' as const });

const graph: SpecResult = {
  spec: 'graph',
  title: 'Microsoft Graph',
  file: 'graph.json',
  bytes: 20 * 1024 * 1024,
  parseFloor: { wallMs: 1000 },
  tools: [
    tool('oagen', 2500, { medians: { wallMs: 2500, maxRssKb: 900 * 1024 }, bundle: { ok: true, gzipBytes: 1500 } }),
    tool('hey-api', 20_000),
    tool('orval', 12_000),
    tool('oazapfts', undefined, { fails: 'exit 1: Error: boom' }),
  ],
};

const github: SpecResult = {
  spec: 'github',
  title: 'GitHub',
  file: 'github.json',
  bytes: 5 * 1024 * 1024,
  parseFloor: { wallMs: 100 },
  tools: [
    tool('oagen', 900, { typecheck: tc(800), bundle: { ok: true, gzipBytes: 3000 }, rerun: { upToDateMs: 120, forcedMs: 950, forcedWritten: 0 } }),
    tool('orval', 2000, { typecheck: tc(600, false) }),
    tool('oazapfts', 1800, { typecheck: tc(700) }),
  ],
};

const report: BenchReport = {
  startedAt: 's',
  finishedAt: 'f',
  machine: { node: 'v20', cpus: 2, cpuModel: 'cpu', memGiB: 8, platform: 'linux-x64' },
  runs: 3,
  timeoutS: 300,
  measurement: '',
  specs: [graph, github],
};

describe('fastestPeer', () => {
  it('skips oagen and failed peers', () => {
    expect(fastestPeer(graph, (t) => t.medians.wallMs)?.tool).toBe('orval');
  });
  it('counts a type-check that finished with errors', () => {
    expect(fastestPeer(github, (t) => (t.typecheck?.completed ? t.typecheck.wallMs : undefined))?.tool).toBe('orval');
  });
});

describe('targetChecks', () => {
  const checks = targetChecks(report);
  const get = (spec: string, prefix: string) => checks.find((c) => c.spec === spec && c.target.startsWith(prefix));
  const cases: Array<[string, string, boolean | undefined]> = [
    ['graph', '≤ 0.25× fastest peer', true], // 2.5 / 12
    ['graph', '≤ 3× parse floor', true], // 2.5 / 1
    ['graph', '≤ 10 s', true],
    ['graph', '≤ 1 GiB', true],
    ['graph', 'one-operation bundle', true],
    ['github', '≤ 0.25× fastest peer', false], // 0.9 / 1.8
    ['github', '≤ 3× parse floor', false], // 9×
    ['github', 'tsc no slower', false], // 800 vs orval 600
    ['github', 'one-operation bundle', false], // 3000 B
  ];
  it.each(cases)('%s %s → %s', (spec, target, want) => {
    expect(get(spec, target)?.pass).toBe(want);
  });
  it('has no graph-only targets for github', () => {
    expect(get('github', '≤ 10 s')).toBeUndefined();
  });
});

describe('renderMarkdown', () => {
  it('shows the re-runs of oagen on the unchanged spec', () => {
    const md = renderMarkdown(report);
    expect(md).toContain('| github | 0.90 | 0.12 | 0.95 | 0 |');
    expect(md).not.toMatch(/\| graph \| 2\.50 \|/);
  });
  it('shows failures with their first error line', () => {
    const md = renderMarkdown(report);
    expect(md).toContain('graph / oazapfts: exit 1: Error: boom');
    expect(md).toContain('| graph | oazapfts | fails |');
  });
});

describe('the zod section', () => {
  const withZod: BenchReport = {
    ...report,
    zod: {
      plugins: ['client', 'docs', 'zod'],
      generation: [
        { spec: 'github', runs: [{ run: 1, ok: true, wallMs: 1200 }], wallMs: 1200, cpuMs: 1100, plainWallMs: 900, zodBytes: 2 * 1024 * 1024 },
        { spec: 'graph', runs: [{ run: 1, ok: false, wallMs: 300, error: 'exit 1: boom' }], fails: 'exit 1: boom' },
      ],
      validation: [
        { spec: 'github', operation: 'GET /repos/{owner}/{repo}/issues', body: '100 issues', bytes: 600 * 1024, parseMs: 1, validateMs: 4, samples: 50 },
        { spec: 'stripe', operation: 'GET /v1/customers', body: '100 customers', bytes: 300 * 1024, error: 'the body does not pass its schema: $.data.0.id: Invalid input' },
      ],
    },
  };
  it('shows generation with the plugin against plain oagen, and validation against the raw decoding', () => {
    const md = renderMarkdown(withZod);
    expect(md).toContain('## The zod plugin');
    expect(md).toContain('plugins: ["client","docs","zod"]');
    expect(md).toMatch(/\| github \| +1\.20 \| +1\.10 \| +0\.90 \| +1\.33× \| +2\.0 MB \| 1\/1 ok \|/);
    expect(md).toMatch(/\| graph \| +fails \|/);
    expect(md).toMatch(/\| github \| GET \/repos\/\{owner\}\/\{repo\}\/issues \| 100 issues \| +600\.0 KB \| +1\.00 \| +4\.00 \| +\+3\.00 \(4\.00×\) \|/);
    expect(md).toContain('- stripe / validation of GET /v1/customers: the body does not pass its schema');
    expect(md).toContain('- graph / oagen + zod: exit 1: boom');
    // the main tables stay
    expect(md).toContain('## Targets (issue 6)');
  });
  it('--zod-only: the zod section without the empty tables of the main bench', () => {
    const md = renderMarkdown({ ...withZod, specs: [] });
    expect(md).toContain('## The zod plugin');
    expect(md).not.toContain('## Generation');
    expect(md).not.toContain('## Targets');
  });
  it('--no-zod: no zod section', () => {
    expect(renderMarkdown(report)).not.toContain('zod');
  });
});

describe('--baseline: this oagen against another build', () => {
  const run = (wallMs: number) => ({ run: 1, ok: true, wallMs });
  const withBaseline: BenchReport = {
    ...report,
    baseline: { bin: '/w/before/bin/oagen.js', commit: 'e369504' },
    specs: [
      {
        ...github,
        tools: [
          tool('oagen', 900, { medians: { wallMs: 900, cpuMs: 1200, maxRssKb: 150 * 1024 }, runs: [run(900), run(950)] }),
          tool('oagen (baseline)', 1000, { peer: false, baseline: true, medians: { wallMs: 1000, cpuMs: 1100, maxRssKb: 200 * 1024 }, runs: [run(1000)] }),
          tool('oazapfts', 1800),
        ],
      },
    ],
  };
  it('tables both builds side by side with their ratios, and keeps the baseline out of the peer ratios', () => {
    const md = renderMarkdown(withBaseline);
    expect(md).toContain('## oagen against the baseline build /w/before/bin/oagen.js (e369504)');
    expect(md).toMatch(/\| github \| +0\.90 \| +1\.00 \| +0\.90× \| +1\.20 \| +1\.10 \| +1\.09× \| +150 \| +200 \| +0\.75× \| 0\.90 0\.95 \/ 1\.00 \|/);
    // oagen ÷ fastest peer is oagen's own time (0.9 / 1.8), not the baseline's
    expect(md).toMatch(/\| github \|[^\n]*\| 0\.50× \|/);
  });
  it('has no baseline section without --baseline', () => {
    expect(renderMarkdown(report)).not.toContain('baseline');
  });
});
