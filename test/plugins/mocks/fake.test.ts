/**
 * The generator of templates/mocks/ (copied into every package with the `mocks` plugin), case by
 * case: patterns, discriminated unions, recursion, numbers, examples, overrides, determinism.
 */
import { describe, expect, it } from 'vitest';
import { fake, withOverrides, type FakeSchema, type FakeSchemas } from '../../../templates/mocks/fake.js';
import { matching } from '../../../templates/mocks/pattern.js';
import { random } from '../../../templates/mocks/random.js';

const SEEDS = Array.from({ length: 25 }, (_, i) => i + 1);

describe('pattern', () => {
  const cases: { pattern: string; min?: number; max?: number }[] = [
    { pattern: '^[0-9a-fA-F]+$', min: 40, max: 40 },
    { pattern: '^[a-z][a-z0-9_-]{2,15}$' },
    { pattern: '^(ftp|https?)://[a-z]+\\.example\\.(com|org)(/[a-z0-9]*)*$' },
    { pattern: '^\\d{3}-\\d{2}-\\d{4}$' },
    { pattern: '^[^\\s@]+@[^\\s@]+\\.[a-z]{2,}$' },
    { pattern: '^(?:[A-Z]{2}|\\d{2})?[\\w.]+$', min: 5, max: 12 },
    { pattern: '^sk-(?<kind>proj|admin)-[A-Za-z0-9]{8}$' },
    { pattern: 'v\\d+\\.\\d+' },
    { pattern: '^\\u00e9[\\x41-\\x43]*$' },
  ];
  it.each(cases)('$pattern: generated strings match, within the length bounds', ({ pattern, min, max }) => {
    const re = new RegExp(pattern, 'u');
    for (const seed of SEEDS) {
      const s = matching(pattern, random(seed), min, max);
      expect(s, `seed ${seed}`).toBeDefined();
      expect(re.test(s!), `${s} (seed ${seed})`).toBe(true);
      if (min !== undefined) expect(s!.length).toBeGreaterThanOrEqual(min);
      if (max !== undefined) expect(s!.length).toBeLessThanOrEqual(max);
    }
  });
  it.each(['^(?!admin)[a-z]+$', '^(a)\\1$', '\\bword\\b', '\\p{L}+'])('%s is past the subset: no string (the caller falls back)', (pattern) => {
    expect(matching(pattern, random(1))).toBeUndefined();
  });
  it('falls back to a plain string of the allowed length when the pattern is past the subset', () => {
    const v = fake({ k: 'string', p: '^(?!x).{3,5}$', min: 3, max: 5 }, {}, { seed: 3 }) as string;
    expect(v.length).toBeGreaterThanOrEqual(3);
    expect(v.length).toBeLessThanOrEqual(5);
  });
});

const PET_SCHEMAS: FakeSchemas = {
  Cat: { k: 'object', props: [['kind', 1, { k: 'enum', v: ['cat', 'kitty'] }], ['lives', 1, { k: 'number', int: 1, min: 1, max: 9 }]] },
  Dog: { k: 'object', props: [['kind', 1, { k: 'lit', v: 'dog' }], ['good', 1, { k: 'boolean' }]] },
  Pet: { k: 'oneOf', of: [{ k: 'ref', r: 'Cat' }, { k: 'ref', r: 'Dog' }], tag: 'kind', map: [['kitty', 'Cat'], ['dog', 'Dog']] },
  Node: { k: 'object', props: [['name', 1, { k: 'string' }], ['children', 1, { k: 'array', i: { k: 'ref', r: 'Node' } }], ['parent', 0, { k: 'ref', r: 'Node', n: 1 }]] },
};

describe('fake', () => {
  it('a discriminated union: the tag names the member generated', () => {
    const kinds = new Set<string>();
    for (const seed of SEEDS) {
      const pet = fake({ k: 'ref', r: 'Pet' }, PET_SCHEMAS, { seed }) as Record<string, unknown>;
      kinds.add(pet.kind as string);
      if (pet.kind === 'kitty') expect(typeof pet.lives).toBe('number');
      else expect(pet).toEqual({ kind: 'dog', good: expect.any(Boolean) });
    }
    expect(kinds).toEqual(new Set(['kitty', 'dog']));
  });

  it('recursion ends at the depth bound', () => {
    const depth = (n: Record<string, unknown>): number => 1 + Math.max(0, ...(n.children as Record<string, unknown>[]).map(depth));
    for (const seed of SEEDS) {
      const node = fake({ k: 'ref', r: 'Node' }, PET_SCHEMAS, { seed, depth: 4 }) as Record<string, unknown>;
      expect(depth(node)).toBeLessThanOrEqual(4);
    }
  });

  it('numbers: ranges (inclusive and exclusive), integers, multipleOf', () => {
    for (const seed of SEEDS) {
      const a = fake({ k: 'number', xmin: 0, max: 1, m: 0.25 }, {}, { seed }) as number;
      expect([0.25, 0.5, 0.75, 1]).toContain(a);
      const b = fake({ k: 'number', int: 1, min: -3, xmax: 3, m: 3 }, {}, { seed }) as number;
      expect([-3, 0]).toContain(b);
      const c = fake({ k: 'number', xmin: 10, xmax: 10.5 }, {}, { seed }) as number;
      expect(c > 10 && c < 10.5).toBe(true);
    }
  });

  it('strings: formats and length bounds', () => {
    for (const seed of SEEDS) {
      expect(fake({ k: 'string', f: 'date-time' }, {}, { seed })).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      expect(fake({ k: 'string', f: 'uuid' }, {}, { seed })).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(fake({ k: 'string', f: 'email' }, {}, { seed })).toMatch(/^[^@\s]+@example\.com$/);
      expect((fake({ k: 'string', min: 30, max: 32 }, {}, { seed }) as string).length).toBeGreaterThanOrEqual(30);
      expect((fake({ k: 'string', max: 3 }, {}, { seed }) as string).length).toBeLessThanOrEqual(3);
    }
  });

  it('arrays: bounds and unique items', () => {
    for (const seed of SEEDS) {
      const xs = fake({ k: 'array', i: { k: 'enum', v: ['a', 'b', 'c'] }, min: 2, max: 3, u: 1 }, {}, { seed }) as string[];
      expect(xs.length).toBeGreaterThanOrEqual(2);
      expect(new Set(xs).size).toBe(xs.length);
    }
  });

  it('a valid example is used; an invalid one is not', () => {
    expect(fake({ k: 'string', f: 'email', ex: 'ada@example.org' }, {}, { seed: 5 })).toBe('ada@example.org');
    expect(fake({ k: 'number', int: 1, max: 5, ex: 10 }, {}, { seed: 5 })).toBeLessThanOrEqual(5);
    expect(fake({ k: 'object', props: [['a', 1, { k: 'string' }]], ex: { a: 'x', extra: 1 } }, {}, { seed: 5 })).not.toHaveProperty('extra');
  });

  it('one seed, one value; other seeds, other values', () => {
    const values = SEEDS.map((seed) => JSON.stringify(fake({ k: 'ref', r: 'Node' }, PET_SCHEMAS, { seed })));
    expect(SEEDS.map((seed) => JSON.stringify(fake({ k: 'ref', r: 'Node' }, PET_SCHEMAS, { seed })))).toEqual(values);
    expect(new Set(values).size).toBeGreaterThan(SEEDS.length / 2);
  });

  it('overrides replace what they set', () => {
    expect(withOverrides({ a: 1, b: 2 }, { b: 3 })).toEqual({ a: 1, b: 3 });
    expect(withOverrides('x', 'y')).toBe('y');
    expect(withOverrides({ a: 1 }, undefined)).toEqual({ a: 1 });
    // `{}` sets nothing, even on a value that is not an object (an enum model's string, an array)
    expect(withOverrides('USD', {})).toBe('USD');
    expect(withOverrides([1, 2], {})).toEqual([1, 2]);
  });

  it('a nullable oneOf is never a bare null (it could match several members)', () => {
    const s: FakeSchema = { k: 'oneOf', n: 1, of: [{ k: 'string', n: 1 }, { k: 'number', n: 1 }] };
    for (const seed of SEEDS) expect(fake(s, {}, { seed, depth: 0 })).not.toBeNull();
  });
});
