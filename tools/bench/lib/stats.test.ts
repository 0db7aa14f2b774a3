import { describe, expect, it } from 'vitest';
import { fmtBytes, fmtRatio, fmtSeconds, median, ratio } from './stats.js';

describe('median', () => {
  const cases: Array<[number[], number | undefined]> = [
    [[], undefined],
    [[3], 3],
    [[5, 1, 3], 3],
    [[4, 1, 3, 2], 2.5],
  ];
  it.each(cases)('%j → %s', (values, want) => {
    expect(median(values)).toBe(want);
  });
});

describe('formatting', () => {
  const cases: Array<[string, string, string]> = [
    ['seconds < 10', fmtSeconds(1234), '1.23'],
    ['seconds < 100', fmtSeconds(45_670), '45.7'],
    ['seconds ≥ 100', fmtSeconds(156_400), '156'],
    ['missing seconds', fmtSeconds(undefined), '—'],
    ['ratio', fmtRatio(ratio(1, 4)), '0.25×'],
    ['ratio by zero', fmtRatio(ratio(1, 0)), '—'],
    ['bytes', fmtBytes(512), '512 B'],
    ['kilobytes', fmtBytes(2048), '2.0 KB'],
    ['megabytes', fmtBytes(5.5 * 1024 * 1024), '5.5 MB'],
  ];
  it.each(cases)('%s', (_, got, want) => {
    expect(got).toBe(want);
  });
});
