/**
 * Property tests of the escaping layer: random strings built from hostile pieces (comment
 * ends, backticks, `${`, quotes, backslashes, line terminators, NUL, lone surrogates,
 * `</script>`, bidi controls, emoji) and random code units. Fixed seed, bounded runs;
 * `FUZZ_RUNS` raises the count (`npm run fuzz`).
 */
import fc from 'fast-check';
import { ts } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import {
  identifier,
  jsDoc,
  markdownCode,
  markdownTableCell,
  markdownText,
  objectLiteralKey,
  propertyKey,
  stringLiteral,
  templateLiteralText,
} from '../../src/escape/index.js';
import { RESERVED_WORDS } from '../../src/naming/reserved.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const PARAMS = { seed: Number(process.env.FUZZ_SEED ?? 20261123), numRuns: RUNS };

const PIECES = [
  '*/', '/*', '/**', '//', '`', '${', '}', '"', "'", '\\', '\\u', '\r\n', '\r', '\n', '\u2028', '\u2029', '\u0085',
  '\0', '\x1b', '</script>', '<!--', '-->', '<img src=x onerror=alert(1)>', '&amp;', '__proto__', 'constructor',
  'class', 'delete', '1', '0', ' ', '\t', '\u202e', '\u2066', '\ufeff', '\u200d', '\ud800', '\udc00', '🙂', 'é', 'e\u0301',
  '用', '#', '>', '-', '|', '```', '~~~', '    ', 'a', 'Z', '_', '$', '@param', '<script>', '</script>', '<svg/onload=alert(1)>',
  '<T>', 'Array<User>', '[x](javascript:alert(1))', '](', '[', ')', '![', 'JavaScript:', '&#106;', '<a href="x">', '*', '**', '~~',
];

const piece = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...PIECES) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 3 }) },
);
const hostile = fc.array(piece, { maxLength: 24 }).map((parts) => parts.join(''));

const isWellFormed = (s: string): boolean => !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);

/** Tokens of `text` as TypeScript's scanner sees them (trivia included). */
function scan(text: string): Array<{ kind: ts.SyntaxKind; text: string }> {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.Standard, text);
  const out: Array<{ kind: ts.SyntaxKind; text: string }> = [];
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    out.push({ kind, text: scanner.getTokenText() });
  }
  return out;
}

function parseErrors(source: string): number {
  const sf = ts.createSourceFile('x.ts', source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  return (sf as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics.length;
}

describe('escaping properties', () => {
  it('stringLiteral(s) evaluates to s and is valid UTF-8 text', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        const lit = stringLiteral(s);
        expect(new Function(`"use strict"; return ${lit};`)()).toBe(s);
        expect(isWellFormed(lit)).toBe(true);
        expect(lit).not.toMatch(/<\/|\*\/|[\r\n\u2028\u2029]/);
      }),
      PARAMS,
    );
  });

  it('templateLiteralText(s) inside backticks evaluates to s', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        const text = templateLiteralText(s);
        expect(new Function(`"use strict"; return \`${text}\`;`)()).toBe(s);
        expect(isWellFormed(text)).toBe(true);
      }),
      PARAMS,
    );
  });

  it('jsDoc(s) followed by code is one comment, then the code', () => {
    fc.assert(
      fc.property(hostile, fc.constantFrom('', '  ', '\t'), (s, indent) => {
        const doc = jsDoc(s, indent);
        expect(isWellFormed(doc)).toBe(true);
        const code = `${doc}\nlet after = 42;\n`;
        // the JS engine: the code after the comment runs, nothing inside it does
        expect(new Function(`"use strict";\n${code}return after;`)()).toBe(42);
        // TypeScript's scanner: exactly one comment token, then `let after = 42;`
        const tokens = scan(code).filter((t) => t.kind !== ts.SyntaxKind.WhitespaceTrivia && t.kind !== ts.SyntaxKind.NewLineTrivia);
        if (doc === '') {
          expect(tokens[0].text).toBe('let');
        } else {
          expect(tokens[0].kind).toBe(ts.SyntaxKind.MultiLineCommentTrivia);
          expect(tokens[0].text).toBe(doc.trimStart());
          expect(tokens.slice(1).map((t) => t.text)).toEqual(['let', 'after', '=', '42', ';']);
        }
      }),
      PARAMS,
    );
  });

  it('identifier(s) is a valid, non-reserved identifier', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        const id = identifier(s);
        expect(id).toMatch(/^[\p{ID_Start}$_][\p{ID_Continue}$]*$/u);
        expect(RESERVED_WORDS.has(id)).toBe(false);
        expect(() => new Function(`"use strict"; let ${id} = 1; function f_${id}() {} return ${id};`)).not.toThrow();
        expect(parseErrors(`export interface ${id} {}\nexport type T_${id} = ${id};\nexport const v_${id} = 1;`)).toBe(0);
      }),
      PARAMS,
    );
  });

  it('propertyKey(s) names exactly s in a type, objectLiteralKey(s) in a value', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        expect(parseErrors(`interface X { ${propertyKey(s)}: string; }`)).toBe(0);
        const o = new Function(`"use strict"; return { ${objectLiteralKey(s)}: 1 };`)() as object;
        expect(Object.keys(o)).toEqual([s]);
        expect(Object.getPrototypeOf(o)).toBe(Object.prototype);
      }),
      PARAMS,
    );
  });
});

// A real Markdown renderer checks that no HTML from the text survives. `marked` comes with
// @arethetypeswrong/cli; without it this part is skipped (and says so).
const marked = await import('marked').then((m) => m.marked).catch(() => undefined);
const MARKDOWN_TAGS = new Set([
  'p', 'code', 'pre', 'em', 'strong', 'del', 'a', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li',
  'blockquote', 'hr', 'br', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'input', 'img',
]);
/** attributes Markdown itself writes */
const MARKDOWN_ATTRIBUTES = new Set(['href', 'src', 'alt', 'title', 'class', 'align', 'start', 'type', 'checked', 'disabled']);

/** what in rendered HTML could act: foreign tags with attributes or active names, script URLs */
function dangerous(html: string): string[] {
  const found: string[] = [];
  for (const m of html.matchAll(/<\/?([a-zA-Z][\w-]*)([^>]*)>?/g)) {
    const name = m[1].toLowerCase();
    if (MARKDOWN_TAGS.has(name)) {
      // Markdown's own elements: only the attributes Markdown writes
      const attributes = [...m[2].matchAll(/([^\s"'=<>/]+)\s*=\s*("[^"]*"|'[^']*'|[^\s>]*)/g)].map((a) => a[1].toLowerCase());
      if (attributes.some((a) => !MARKDOWN_ATTRIBUTES.has(a))) found.push(m[0]);
      continue;
    }
    if (/[=\s/]/.test(m[2]) || ACTIVE.has(name)) found.push(m[0]);
  }
  for (const m of html.matchAll(/(href|src)\s*=\s*["']?\s*(javascript|vbscript):/gi)) found.push(m[0]);
  for (const m of html.matchAll(/<!--|<!\[|<\?/g)) found.push(m[0]);
  return found;
}

const ACTIVE = new Set(['script', 'style', 'iframe', 'object', 'embed', 'svg', 'math', 'img', 'textarea', 'title', 'base', 'meta', 'link', 'form']);

describe.skipIf(!marked)('markdown escaping, rendered', () => {
  const render = (md: string): string => marked!.parse(md, { async: false, gfm: true }) as string;

  it('markdownText(s) renders without HTML from s', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        expect(dangerous(render(markdownText(s)))).toEqual([]);
      }),
      PARAMS,
    );
  });

  it('markdownCode(s) renders as code without HTML from s', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        expect(dangerous(render(`see ${markdownCode(s)} here`))).toEqual([]);
      }),
      PARAMS,
    );
  });

  it('markdownTableCell(s) stays in its cell and renders without HTML from s', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        const cell = markdownTableCell(s);
        expect(cell).not.toMatch(/\n/);
        const html = render(`| a | b |\n|---|---|\n| ${cell} | end |\n`);
        expect(dangerous(html)).toEqual([]);
        // the second cell is still 'end': the text did not split or swallow the row
        expect(html).toMatch(/<td>end<\/td>/);
      }),
      PARAMS,
    );
  });
});
