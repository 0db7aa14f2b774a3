import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listCorpus, outputFolderName, sample, seededRandom } from './enumerate.js';
import { tempDir } from '../../test/tmp.js';

describe('listCorpus', () => {
  const dir = tempDir('corpus-list-');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lists provider and provider/service specs, sorted, JSON only', () => {
    mkdirSync(join(dir, 'github.com'));
    writeFileSync(join(dir, 'github.com.json'), '{}');
    writeFileSync(join(dir, 'github.com', 'api.github.com.json'), '{"a":1}');
    writeFileSync(join(dir, 'xkcd.com.json'), '{}');
    writeFileSync(join(dir, '_index.js'), 'module.exports = 1');
    expect(listCorpus(dir).map((s) => [s.id, s.bytes])).toEqual([
      ['github.com', 2],
      ['github.com/api.github.com', 7],
      ['xkcd.com', 2],
    ]);
  });
});

describe('sample', () => {
  const items = Array.from({ length: 100 }, (_, i) => i);

  it('is deterministic for a seed', () => {
    expect(sample(items, 10, 1)).toEqual(sample(items, 10, 1));
  });
  it('differs between seeds', () => {
    expect(sample(items, 10, 1)).not.toEqual(sample(items, 10, 2));
  });
  it('returns n distinct items in input order', () => {
    const got = sample(items, 40, 7);
    expect(got).toHaveLength(40);
    expect(new Set(got).size).toBe(40);
    expect(got).toEqual([...got].sort((a, b) => a - b));
  });
  it('returns everything when n ≥ length', () => {
    expect(sample([3, 1, 2], 5, 1)).toEqual([3, 1, 2]);
  });
  it('draws numbers in [0, 1)', () => {
    const random = seededRandom(42);
    for (let i = 0; i < 1000; i++) {
      const x = random();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });
});

describe('outputFolderName', () => {
  const cases: Array<[string, string]> = [
    ['xkcd.com', 'xkcd.com'],
    ['github.com/api.github.com', 'github.com__api.github.com'],
  ];
  it.each(cases)('%s → %s', (id, want) => {
    expect(outputFolderName(id)).toBe(want);
  });
});
