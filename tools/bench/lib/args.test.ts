import { describe, expect, it } from 'vitest';
import { parseFlags, type FlagSpec } from './args.js';

const SPECS: Record<string, FlagSpec> = {
  runs: { kind: 'number', help: '' },
  only: { kind: 'list', help: '' },
  name: { kind: 'string', help: '' },
  keep: { kind: 'boolean', help: '' },
};

describe('parseFlags', () => {
  const ok: Array<[string, string[], Record<string, unknown>]> = [
    ['nothing', [], {}],
    ['number, space form', ['--runs', '5'], { runs: 5 }],
    ['number, = form', ['--runs=2'], { runs: 2 }],
    ['list', ['--only', 'openai, github,'], { only: ['openai', 'github'] }],
    ['boolean', ['--keep'], { keep: true }],
    ['string', ['--name', 'x'], { name: 'x' }],
    ['several', ['--keep', '--runs', '1', '--only=stripe'], { keep: true, runs: 1, only: ['stripe'] }],
  ];
  it.each(ok)('%s', (_, argv, want) => {
    expect(parseFlags(argv, SPECS)).toEqual(want);
  });

  const bad: Array<[string, string[], RegExp]> = [
    ['unknown flag', ['--nope'], /unknown flag --nope/],
    ['positional', ['openai'], /unexpected argument/],
    ['missing value', ['--runs'], /needs a value/],
    ['flag as value', ['--runs', '--keep'], /needs a value/],
    ['not a number', ['--runs', 'three'], /non-negative number/],
    ['negative', ['--runs', '-1'], /non-negative number/],
    ['value on a switch', ['--keep=yes'], /takes no value/],
  ];
  it.each(bad)('rejects %s', (_, argv, want) => {
    expect(() => parseFlags(argv, SPECS)).toThrow(want);
  });
});
