/** The union-flattening pass (src/normalize/unions.ts). */
import { describe, expect, it } from 'vitest';
import type { Schema } from '../../src/ir/types.js';
import { flattenUnions } from '../../src/normalize/unions.js';
import { str, int, union, strip } from './helpers.js';

describe('union flattening', () => {
  it('flattens nested unions of the same keyword and dedupes', () => {
    const s = union('anyOf', str, union('anyOf', int, str));
    expect(strip(flattenUnions(s))).toEqual({ kind: 'union', keyword: 'anyOf', members: [{ kind: 'string' }, { kind: 'number', integer: true }] });
  });
  it('a union of one member is that member', () => {
    expect(strip(flattenUnions(union('oneOf', str, { ...str, description: 'same type' } as Schema)))).toEqual({ kind: 'string' });
  });
});
