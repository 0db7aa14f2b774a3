import { describe, expect, it } from 'vitest';
import { sortedKeys } from '../../src/parse/context.js';

describe('sortedKeys: the keys in order, sorted only when they are not', () => {
  const byLength = (a: string, b: string) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
  const cases: Array<{ name: string; given: object; compare?: (a: string, b: string) => number; want: string[] }> = [
    { name: 'empty', given: {}, want: [] },
    { name: 'one key', given: { b: 1 }, want: ['b'] },
    { name: 'already in order', given: { a: 1, b: 2, c: 3 }, want: ['a', 'b', 'c'] },
    { name: 'out of order', given: { c: 1, a: 2, b: 3 }, want: ['a', 'b', 'c'] },
    { name: 'code units, not locale: upper case first', given: { b: 1, B: 2, a: 3 }, want: ['B', 'a', 'b'] },
    { name: 'integer-like keys come first in objects, then sort as strings', given: { '200': 1, '1000': 2, default: 3 }, want: ['1000', '200', 'default'] },
    { name: 'with a comparator, in order', given: { x: 1, yy: 2, zzz: 3 }, compare: byLength, want: ['x', 'yy', 'zzz'] },
    { name: 'with a comparator, out of order', given: { zzz: 1, x: 2, yy: 3 }, compare: byLength, want: ['x', 'yy', 'zzz'] },
  ];
  it.each(cases)('$name', ({ given, compare, want }) => {
    expect(sortedKeys(given, compare)).toEqual(want);
    expect(sortedKeys(given, compare)).toEqual(Object.keys(given).sort(compare));
  });
});
