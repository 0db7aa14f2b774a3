import { afterEach, describe, expect, it, vi } from 'vitest';
import { isIdempotent, isRetryableStatus, MAX_RETRY_AFTER, parseRetryAfter, retryDelay, sleep } from '../../templates/runtime/retry.js';

const now = Date.UTC(2025, 0, 1, 12, 0, 0);
const h = (init: Record<string, string>) => new Headers(init);

describe('parseRetryAfter', () => {
  const cases: { name: string; headers: Record<string, string>; want: number | undefined }[] = [
    { name: 'absent', headers: {}, want: undefined },
    { name: 'retry-after-ms', headers: { 'retry-after-ms': '250' }, want: 250 },
    { name: 'retry-after-ms fractional', headers: { 'retry-after-ms': '12.5' }, want: 12.5 },
    { name: 'retry-after-ms wins over Retry-After', headers: { 'retry-after-ms': '10', 'retry-after': '5' }, want: 10 },
    { name: 'invalid retry-after-ms falls back to Retry-After', headers: { 'retry-after-ms': 'soon', 'retry-after': '2' }, want: 2000 },
    { name: 'negative retry-after-ms is ignored', headers: { 'retry-after-ms': '-5' }, want: undefined },
    { name: 'seconds', headers: { 'retry-after': '3' }, want: 3000 },
    { name: 'zero seconds', headers: { 'retry-after': '0' }, want: 0 },
    { name: 'seconds with spaces', headers: { 'retry-after': ' 1 ' }, want: 1000 },
    { name: 'fractional seconds', headers: { 'retry-after': '1.5' }, want: 1500 },
    { name: 'HTTP date', headers: { 'retry-after': new Date(now + 7000).toUTCString() }, want: 7000 },
    { name: 'HTTP date in the past → 0', headers: { 'retry-after': new Date(now - 7000).toUTCString() }, want: 0 },
    { name: 'garbage', headers: { 'retry-after': 'later please' }, want: undefined },
    { name: 'negative seconds are not a date', headers: { 'retry-after': '-1' }, want: undefined },
  ];
  for (const c of cases) it(c.name, () => expect(parseRetryAfter(h(c.headers), now)).toBe(c.want));
});

describe('retryDelay', () => {
  afterEach(() => vi.restoreAllMocks());

  it('is initial × 2^retry, within ±25 % jitter, capped at max', () => {
    for (const [retry, base] of [
      [0, 500],
      [1, 1000],
      [2, 2000],
      [3, 4000],
      [4, 8000],
      [5, 8000],
      [20, 8000],
    ] as const) {
      for (let i = 0; i < 50; i++) {
        const d = retryDelay(retry, 500, 8000);
        expect(d).toBeGreaterThanOrEqual(base * 0.75);
        expect(d).toBeLessThanOrEqual(base * 1.25);
      }
    }
  });

  it('jitter spans both sides', () => {
    vi.spyOn(Math, 'random').mockReturnValueOnce(0).mockReturnValueOnce(0.999999);
    expect(retryDelay(1, 100, 10_000)).toBe(150);
    expect(retryDelay(1, 100, 10_000)).toBeCloseTo(250, 3);
  });

  it('uses the server wait when given and at most a minute', () => {
    expect(retryDelay(3, 500, 8000, h({ 'retry-after': '20' }))).toBe(20_000);
    expect(retryDelay(0, 500, 8000, h({ 'retry-after-ms': '5' }))).toBe(5);
    expect(retryDelay(0, 500, 8000, h({ 'retry-after': String(MAX_RETRY_AFTER / 1000) }))).toBe(MAX_RETRY_AFTER);
    const d = retryDelay(0, 500, 8000, h({ 'retry-after': '3600' }));
    expect(d).toBeGreaterThanOrEqual(375);
    expect(d).toBeLessThanOrEqual(625);
  });
});

describe('retryable statuses and methods', () => {
  const statuses: [number, boolean][] = [
    [400, false], [401, false], [403, false], [404, false], [408, true], [409, true], [422, false],
    [429, true], [500, true], [502, true], [503, true], [504, true], [599, true],
  ];
  for (const [s, want] of statuses) it(`status ${s} → ${want}`, () => expect(isRetryableStatus(s)).toBe(want));
  const methods: [string, boolean][] = [
    ['GET', true], ['HEAD', true], ['PUT', true], ['DELETE', true], ['OPTIONS', true], ['TRACE', true], ['POST', false], ['PATCH', false],
  ];
  for (const [m, want] of methods) it(`${m} idempotent → ${want}`, () => expect(isIdempotent(m)).toBe(want));
});

describe('sleep', () => {
  it('resolves after the delay', async () => {
    const t = Date.now();
    await sleep(30);
    expect(Date.now() - t).toBeGreaterThanOrEqual(25);
  });

  it('rejects at once with the reason when the signal aborts, clearing its timer', async () => {
    const c = new AbortController();
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const before = timers();
    const t = Date.now();
    const p = sleep(10_000, c.signal);
    const during = timers();
    expect(during).toBe(before + 1);
    const abort = setTimeout(() => c.abort(new Error('stop')), 10);
    await expect(p).rejects.toThrow('stop');
    expect(Date.now() - t).toBeLessThan(1000);
    clearTimeout(abort);
    // another test's timer may have fired meanwhile: at most `during - 1` (the sleep's own is gone)
    expect(timers()).toBeLessThanOrEqual(during - 1);
  });

  it('rejects immediately when already aborted', async () => {
    const c = new AbortController();
    c.abort();
    await expect(sleep(10_000, c.signal)).rejects.toMatchObject({ name: 'AbortError' });
  });
});
