/** The passes as normalize (src/normalize/index.ts) runs them: each one skips the node kinds outside PASS_KINDS. */
import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/diagnostics.js';
import type { Schema } from '../../src/ir/types.js';
import { discriminatedUnions, enumLiterals, flattenUnions, mergeAllOf, nullable, openEnum, PASS_KINDS } from '../../src/normalize/index.js';
import { p, str, int, nul, ref, union, obj } from './helpers.js';

describe('every pass leaves nodes of other kinds than PASS_KINDS as they are (normalize skips them)', () => {
  const others: Schema[] = [
    str,
    int,
    nul,
    ref('User'),
    { kind: 'boolean', nullable: true, pointer: p },
    { kind: 'unknown', nullable: true, pointer: p },
    { kind: 'never', pointer: p },
    { kind: 'binary', pointer: p },
    { kind: 'literal', value: 'a', pointer: p },
    { kind: 'array', items: union('anyOf', str, nul), pointer: p },
    obj({ a: union('oneOf', str, nul), b: { kind: 'intersection', members: [obj({ x: str }), obj({ y: int })], pointer: p } }),
  ];
  const named = new Map<string, Schema>([['#/components/schemas/User', obj({ id: str })]]);
  const passes = { nullable, flattenUnions, openEnum, enumLiterals, allOf: mergeAllOf(named, new Diagnostics()), discriminatedUnions: discriminatedUnions(named) };
  for (const [name, pass] of Object.entries(passes)) {
    it.each(others)(`${name}: $kind`, (s) => {
      expect(PASS_KINDS.has(s.kind)).toBe(false);
      expect(pass(s)).toBe(s);
    });
  }
});
