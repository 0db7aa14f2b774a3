/**
 * The fast paths of jsDocLines and markdownCode (plain ASCII text) return exactly what
 * their general paths return: on a table of edge cases and on random strings mixing plain
 * text with the pieces the general paths act on (fixed seed, bounded runs).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generalDocLines, generalMarkdownCode, jsDocLines, markdownCode } from '../../src/escape/index.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);
const PARAMS = { seed: Number(process.env.FUZZ_SEED ?? 20261123), numRuns: RUNS };

const PIECES = ['a', 'Word', ' ', '  ', '\n', '\n\n', ' \n', '\n ', '*', '/', '*/', '/*', '@param x', '`', '``', '|', '<', '<T>', '<script>', '<!--', '&', '\t', '\r', '\r\n', '\u2028', '\u0085', '\x00', '\x7f', 'é', '\ud800', '🙂'];
const prose = fc
  .array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...PIECES) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c)) }), { maxLength: 20 })
  .map((parts) => parts.join(''));

const CASES = ['', ' ', '\n', '\n\n', 'a', 'a ', ' a', 'a\n', '\na', '\n\na\n\n', 'a\n\nb', 'a \nb', 'a*/b', 'a*\\/b', 'a\n \nb', 'tab\there', 'x\r\ny', '@deprecated', '  indented\n  code'];

describe('jsDocLines fast path = general path', () => {
  it.each(CASES)('%j', (s) => expect(jsDocLines(s)).toEqual(generalDocLines(s)));

  it('on random prose', () => {
    fc.assert(
      fc.property(prose, (s) => {
        expect(jsDocLines(s)).toEqual(generalDocLines(s));
      }),
      PARAMS,
    );
  });
});

describe('markdownCode fast path = general path', () => {
  it.each([...CASES, '  ', ' x ', ' x', 'x ', 'Array<User>', 'a`b', 'Record<string, never>'])('%j', (s) => expect(markdownCode(s)).toBe(generalMarkdownCode(s)));

  it('on random text', () => {
    fc.assert(
      fc.property(prose, (s) => {
        expect(markdownCode(s)).toBe(generalMarkdownCode(s));
      }),
      PARAMS,
    );
  });
});
