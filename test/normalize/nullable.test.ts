/** The nullable pass (src/normalize/nullable.ts): a `null` member of a union becomes `nullable`. */
import { describe, expect, it } from 'vitest';
import type { Schema } from '../../src/ir/types.js';
import { nullable } from '../../src/normalize/nullable.js';
import { str, int, nul, ref, union, strip } from './helpers.js';

describe('nullable', () => {
  const cases: { name: string; given: Schema; want: unknown }[] = [
    { name: 'anyOf [ref, null] → nullable ref', given: union('anyOf', ref('User'), nul), want: { kind: 'ref', target: '#/components/schemas/User', nullable: true } },
    { name: 'oneOf [string, null] → nullable string', given: union('oneOf', str, nul), want: { kind: 'string', nullable: true } },
    {
      name: 'anyOf [string, int, null] → nullable union',
      given: union('anyOf', str, int, nul),
      want: { kind: 'union', keyword: 'anyOf', members: [{ kind: 'string' }, { kind: 'number', integer: true }], nullable: true },
    },
    { name: 'no null member → unchanged', given: union('anyOf', str, int), want: strip(union('anyOf', str, int)) },
    { name: 'only null → null', given: union('anyOf', nul), want: { kind: 'null', keyword: 'anyOf', members: [{ kind: 'null' }] } },
  ];
  for (const c of cases) it(c.name, () => expect(strip(nullable(c.given))).toEqual(c.want));
  it('keeps the union description over the member', () => {
    const s = { ...union('anyOf', { ...ref('User'), description: 'inner' }, nul), description: 'outer' } as Schema;
    expect(nullable(s).description).toBe('outer');
  });
  it('is idempotent', () => {
    const once = nullable(union('anyOf', str, int, nul));
    expect(nullable(once)).toEqual(once);
  });
});
