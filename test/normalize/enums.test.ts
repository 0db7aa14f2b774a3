/** The enum-literal pass (src/normalize/enums.ts): a one-value enum is a literal. */
import { describe, expect, it } from 'vitest';
import type { Schema } from '../../src/ir/types.js';
import { enumLiterals } from '../../src/normalize/enums.js';
import { p, strip } from './helpers.js';

describe('enum literals', () => {
  it('single-value enum → literal', () => {
    expect(strip(enumLiterals({ kind: 'enum', values: ['organization.user'], pointer: p }))).toEqual({ kind: 'literal', value: 'organization.user' });
  });
  it('multi-value enum stays', () => {
    const s: Schema = { kind: 'enum', values: ['a', 'b'], pointer: p };
    expect(enumLiterals(s)).toBe(s);
  });
});
