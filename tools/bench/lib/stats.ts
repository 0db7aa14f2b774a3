/** Small numeric helpers for reports. */

export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function ratio(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined || b === undefined || b === 0) return undefined;
  return a / b;
}

export function fmtSeconds(ms: number | undefined): string {
  if (ms === undefined) return '—';
  const s = ms / 1000;
  return s < 10 ? s.toFixed(2) : s < 100 ? s.toFixed(1) : s.toFixed(0);
}

export function fmtRatio(r: number | undefined): string {
  if (r === undefined) return '—';
  return r < 10 ? `${r.toFixed(2)}×` : `${r.toFixed(0)}×`;
}

export function fmtBytes(bytes: number | undefined): string {
  if (bytes === undefined) return '—';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function fmtPercent(part: number, whole: number): string {
  if (whole === 0) return '—';
  return `${((100 * part) / whole).toFixed(1)} %`;
}
