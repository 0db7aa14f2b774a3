/**
 * A small seeded pseudo-random generator (mulberry32) and the picks the fake-data generator
 * makes with it. Same seed, same sequence, on every platform: no `Math.random`, no clock.
 */
export interface Random {
  /** a float in [0, 1) */
  next(): number;
  /** an integer in [lo, hi] (both included) */
  int(lo: number, hi: number): number;
  /** true with probability `p` */
  chance(p: number): boolean;
  pick<T>(xs: readonly T[]): T;
}

export function random(seed: number): Random {
  let a = hashSeed(seed);
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => (hi <= lo ? lo : lo + Math.floor(next() * (hi - lo + 1)));
  // callers pick from non-empty lists: the index is always in range
  return { next, int, chance: (p) => next() < p, pick: (xs) => xs[int(0, xs.length - 1)] as (typeof xs)[number] };
}

/** Any number (fractions, negatives, huge ones) → a 32-bit state. */
function hashSeed(seed: number): number {
  const s = Number.isFinite(seed) ? String(seed) : '0';
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
