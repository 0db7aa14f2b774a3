/**
 * The fast paths of src/escape/'s Markdown and literal escaping return exactly what their
 * general paths return: on a table of edge cases and on random strings
 * built from the pieces that make the escaping layer act (fixed seed, bounded runs).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { camelName, compareNames } from '../../../src/plugins/docs/client.js';
import { Slugger } from '../../../src/plugins/docs/markdown.js';
import {
  generalMarkdownCode,
  generalMarkdownTableCell,
  generalMarkdownText,
  generalStringLiteral,
  literalExpression as literalCode,
  literalValue as literalType,
  markdownCode,
  markdownTableCell,
  markdownText,
  stringLiteral as quoted,
} from '../../../src/escape/index.js';
import { camelCase } from '../../../src/naming/casing.js';

/** the general paths the fast ones must agree with (the fast paths live inside src/escape/'s functions) */
const escape = {
  markdownCode: generalMarkdownCode,
  markdownTableCell: generalMarkdownTableCell,
  markdownText: generalMarkdownText,
  stringLiteral: generalStringLiteral,
  literalValue: (v: unknown): string => (typeof v === 'string' ? generalStringLiteral(v) : literalType(v)),
  literalExpression: (v: unknown): string => (typeof v === 'string' ? generalStringLiteral(v) : literalCode(v)),
};

/** the general markdownText, then an unclosed fence closed (by the docs' former rule): none is left open */
function referenceText(text: string): string {
  const out = escape.markdownText(text);
  let fence: string | undefined;
  for (const line of out.split('\n')) {
    const f = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
    if (!f) continue;
    if (!fence) {
      if (!(f[1][0] === '`' && f[2].includes('`'))) fence = f[1];
    } else if (f[1][0] === fence[0] && f[1].length >= fence.length && f[2].trim() === '') {
      fence = undefined;
    }
  }
  return fence ? `${out}\n${fence}` : out;
}

const CASES = [
  '', ' ', '   ', ' a ', ' a', 'a ', 'string', 'User[] | null', 'Array<User>', 'Array<Link>', 'Record<string, never>',
  '"a=b"', '<img src=x>', 'a\nb', 'a\r\nb', ' a \n\n b ', '\n\nx\n\n', 'a | b', 'a\\', 'x`y', '``', 'javascript:alert(1)',
  'JavaScript :x', 'a & b', '\u2028', 'a\u0085b', '\u00ad', '\ud800', '😀', 'é', '\t tab \t', '```\ncode', '~~~', 'a\u00a0',
  '\u00a0a\u00a0', '\ufeffa', 'x\u200by', '# heading\n\ntext', '- item\n- item', '[link](https://example.com)',
];

const PIECES = [
  'a', 'Z', ' ', '  ', '\t', '\n', '\r', '\r\n', '\u2028', '\u2029', '\u0085', '\u00a0', '\u00ad', '\u200b', '\ufeff', '\0', '\x1b',
  '\ud800', '\udc00', '😀', 'é', '`', '``', '```', '~~~', '~', '\\', '<', '>', '&', '|', '=', '!', '?', '/', '#', '-', '*',
  '[', ']', '(', ')', ':', 'script', 'javascript', 'vbscript', 'img', 'link', 'Array', '{}', '"', "'", '*/', '</', '<!', '$',
];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 16 }).map((p) => p.join(''));
const PARAMS = { seed: 20261124, numRuns: Number(process.env.FUZZ_RUNS ?? 2000) };

describe('docs fast escaping agrees with the escaping layer', () => {
  it.each(CASES)('on %j', (s) => {
    expect(markdownCode(s)).toBe(escape.markdownCode(s));
    expect(markdownTableCell(s)).toBe(escape.markdownTableCell(s));
    expect(markdownText(s)).toBe(referenceText(s));
    expect(quoted(s)).toBe(escape.stringLiteral(s));
  });

  it.each<[unknown]>([[1], [-0], [1.5], [Number.NaN], [true], [null], [['a', 1]], [{ a: 'b' }], ['x']])('literals of %j', (v) => {
    expect(literalType(v)).toBe(escape.literalValue(v));
    expect(literalCode(v)).toBe(escape.literalExpression(v));
  });

  it('on random strings of hostile pieces', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(markdownCode(s)).toBe(escape.markdownCode(s));
        expect(markdownTableCell(s)).toBe(escape.markdownTableCell(s));
        expect(markdownText(s)).toBe(referenceText(s));
        expect(quoted(s)).toBe(escape.stringLiteral(s));
        // twice: the remembered result is the same
        expect(markdownTableCell(s)).toBe(escape.markdownTableCell(s));
        expect(quoted(s)).toBe(escape.stringLiteral(s));
      }),
      PARAMS,
    );
  });
});

describe('variable names from type names', () => {
  const NAME_PIECES = ['A', 'B', 'Z', 'a', 'b', 'z', '0', '2', '_', '-', 'é', 'É', 'ß', ' ', 'AB', 'Ab', 'x'];
  const name = fc.array(fc.constantFrom(...NAME_PIECES), { minLength: 1, maxLength: 10 }).map((p) => p.join(''));
  it.each(['UserList', 'APIKey', 'A1B', 'B2C', 'A2b', 'Oauth2Token', 'OpenAIFile', 'X', 'HTTPError', 'Ab_C'])('camelName(%s) is camelCase', (n) => {
    expect(camelName(n)).toBe(camelCase(n));
  });
  it('camelName agrees with camelCase on random names', () => {
    fc.assert(
      fc.property(name, (n) => {
        expect(camelName(n)).toBe(camelCase(n));
      }),
      PARAMS,
    );
  });
});

/** The order compareNames promises: the lower-cased names, then the names themselves. */
function referenceCompare(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0;
}

describe('name order and heading anchors', () => {
  const NAME_PIECES = ['a', 'A', 'b', 'B', 'z', 'Z', '_', '-', '0', '9', '@', '[', '`', '{', 'é', 'É', 'Σ', 'ΑΣ', 'İ', 'ß', '\u0130', '\u212a', ' '];
  const name = fc.array(fc.constantFrom(...NAME_PIECES), { maxLength: 8 }).map((p) => p.join(''));
  it.each<[string, string]>([
    ['user', 'User'],
    ['users', 'User'],
    ['a_b', 'aB'],
    ['ΑΣ', 'ΑΣΑ'],
    ['İa', 'i'],
    ['', 'a'],
    ['Zeta', 'alpha'],
  ])('compareNames(%j, %j)', (a, b) => {
    expect(Math.sign(compareNames(a, b))).toBe(referenceCompare(a, b));
    expect(Math.sign(compareNames(b, a))).toBe(referenceCompare(b, a));
  });
  it('compareNames agrees with comparing lower-cased names, on random names', () => {
    fc.assert(
      fc.property(name, name, (a, b) => {
        expect(Math.sign(compareNames(a, b))).toBe(referenceCompare(a, b));
      }),
      PARAMS,
    );
  });
  it('a heading of letters, digits, `_` and `-` slugs to its lower case, like any other heading', () => {
    fc.assert(
      fc.property(name, (h) => {
        const slug = new Slugger().slug(h);
        expect(slug).toBe(h.toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-'));
      }),
      PARAMS,
    );
  });
});
