import { describe, expect, it } from 'vitest';
import { buildReport, linearFit, renderMarkdown, scaling, type SpecRecord } from './report.js';

const MB = 1024 * 1024;
const rec = (id: string, bytes: number, status: SpecRecord['status'], genMs: number, reason?: string): SpecRecord => ({
  id,
  file: `api/${id}.json`,
  bytes,
  status,
  genMs,
  ...(reason ? { reason } : {}),
});

describe('linearFit', () => {
  it('recovers an exact line', () => {
    const fit = linearFit([[1, 250], [2, 450], [4, 850], [8, 1650]])!;
    expect(fit.interceptMs).toBeCloseTo(50);
    expect(fit.msPerMB).toBeCloseTo(200);
    expect(fit.r2).toBeCloseTo(1);
  });
  const none: Array<[string, Array<[number, number]>]> = [
    ['too few points', [[1, 1], [2, 2]]],
    ['no spread in size', [[1, 1], [1, 2], [1, 3]]],
  ];
  it.each(none)('is undefined with %s', (_, points) => {
    expect(linearFit(points)).toBeUndefined();
  });
});

describe('buildReport', () => {
  const specs = [
    rec('a.com', 50 * 1024, 'compiles', 100),
    rec('b.com', 500 * 1024, 'compiles', 200),
    rec('c.com', 2 * MB, 'type-errors', 500, 'src/index.ts(1,1): error TS2304: x'),
    rec('d.com', 10 * 1024, 'spec-error', 80, 'error: bad spec'),
    rec('e.com', 10 * 1024, 'spec-error', 80, 'error E1 #/paths/~1x: no responses'),
    rec('f.com', 10 * 1024, 'crash', 90, 'exit 3 (internal error): boom'),
  ];
  const meta = { startedAt: 's', finishedAt: 'f', durationS: 1, selection: 'test', jobs: 2, node: 'v20' };
  const report = buildReport(specs, meta);

  it('counts and percentages', () => {
    expect(report.counts).toEqual({ compiles: 2, 'spec-error': 2, crash: 1, 'type-errors': 1 });
    expect(report.percent.compiles).toBeCloseTo(33.33, 1);
    expect(report.total).toBe(6);
  });
  it('flags spec errors that name no location', () => {
    expect(report.specErrorsWithoutLocation).toBe(1);
  });
  it('scales over generated specs only', () => {
    expect(scaling(specs).map((b) => b.specs)).toEqual([1, 1, 1, 0]);
    expect(report.fit?.points).toBe(3);
  });
  it('lists every failure with its reason in the Markdown', () => {
    const md = renderMarkdown(report);
    for (const s of specs.filter((x) => x.status !== 'compiles')) expect(md).toContain(`${s.id}`);
    expect(md).toContain('f.com: exit 3 (internal error): boom');
    expect(md).toContain('d.com: error: bad spec [diagnostic names no location]');
    expect(md).not.toContain('e.com: error E1 #/paths/~1x: no responses [');
  });
});
