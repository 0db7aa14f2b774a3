/**
 * The ASCII fast paths of src/naming/casing.ts return exactly what the general (Unicode)
 * paths return: on a table of edge cases and on random ASCII strings built from the pieces
 * that make word splitting and recasing act (fixed seed, bounded runs).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { capitalize, unicodeCapitalize, unicodeWords, words } from '../../src/naming/casing.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);
const PARAMS = { seed: Number(process.env.FUZZ_SEED ?? 20261123), numRuns: RUNS };

const PIECES = ['a', 'b', 'Z', 'Q', 'ab', 'AB', 'Ab', 'aB', '0', '9', '42', '_', '-', '.', '/', ' ', '{', '}', '$', '\t', '\n', '\x00', '\x7f', '~', 'ID', 'Id', 'v2', 'OAuth2', 'URLs'];
const ascii = fc
  .array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...PIECES) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c)) }), { maxLength: 16 })
  .map((parts) => parts.join(''));

const CASES = ['', 'a', 'A', '_', 'fooBar', 'FOOBar', 'FOO', 'v2Users', 'V2USERS', 'a1B', 'A1b', 'ABc', 'aBC', 'get /users/{id}', 'x__y', 'A_B_c', '9lives', 'Z9z', 'zZ9'];

describe('ASCII fast paths = general paths', () => {
  it.each(CASES)('words(%j)', (s) => expect(words(s)).toEqual(unicodeWords(s)));

  it('words on random ASCII strings', () => {
    fc.assert(
      fc.property(ascii, (s) => {
        expect(words(s)).toEqual(unicodeWords(s));
      }),
      PARAMS,
    );
  });

  it('capitalize on random ASCII words, both acronym modes', () => {
    fc.assert(
      fc.property(ascii, fc.boolean(), (s, keep) => {
        for (const w of [s, ...unicodeWords(s)]) expect(capitalize(w, keep)).toBe(unicodeCapitalize(w, keep));
      }),
      PARAMS,
    );
  });

  it('non-ASCII text still takes the general path', () => {
    for (const s of ['café_au_lait', 'cafe\u0301', 'ßtraße', 'ǅemal', '用户列表']) {
      expect(words(s)).toEqual(unicodeWords(s));
      expect(capitalize(s, false)).toBe(unicodeCapitalize(s, false));
    }
  });
});
