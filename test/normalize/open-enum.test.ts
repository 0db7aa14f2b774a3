/** The open-enum pass (src/normalize/open-enum.ts): `anyOf [string, enum]`. */
import { describe, expect, it } from 'vitest';
import { openEnum } from '../../src/normalize/open-enum.js';
import { p, str, int, union, strip } from './helpers.js';

describe('open enums', () => {
  it('anyOf [string, enum] → open enum', () => {
    const s = union('anyOf', str, { kind: 'enum', values: ['a', 'b'], pointer: p });
    expect(strip(openEnum(s))).toEqual({ kind: 'enum', values: ['a', 'b'], open: true });
  });
  it('anyOf [string, const] → open enum', () => {
    const s = union('anyOf', str, { kind: 'literal', value: 'x', pointer: p });
    expect(strip(openEnum(s))).toEqual({ kind: 'enum', values: ['x'], open: true });
  });
  it('anyOf [int, enum] stays a union', () => {
    const s = union('anyOf', int, { kind: 'enum', values: ['a'], pointer: p });
    expect(openEnum(s)).toBe(s);
  });
});
