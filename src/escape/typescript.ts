/**
 * TypeScript escaping: every string from a spec that reaches generated source goes through
 * one of these functions (or literal.ts, built on them), and nothing else.
 *
 * - identifier:           any string → a valid, non-reserved TypeScript identifier
 * - propertyKey:          a member name in an interface / object type (bare or quoted)
 * - objectLiteralKey:     a key in an object literal expression ('__proto__' computed)
 * - stringLiteral:        a double-quoted JS string literal
 * - templateLiteralText:  text inside a template literal
 * - jsDoc / jsDocLines:   a JSDoc comment that nothing can close early
 *
 * Generated source must also be valid UTF-8 text that reads the same as it runs, so lone
 * surrogates, line separators and invisible bidirectional controls are escaped in literals
 * and removed from comments. Each function's fast path (plain ASCII, most names and
 * descriptions) is inside it; test/escape/fast-paths.test.ts checks both paths agree.
 */
import { isReserved } from '../naming/reserved.js';
import { memo } from '../util/memo.js';
import { cleanText } from './text.js';

// ---------------------------------------------------------------------------------------
// identifiers and keys

const ID_START = /[\p{ID_Start}$_]/u;
const ID_CONTINUE = /[\p{ID_Continue}$]/u;
const ASCII_IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
/** a whole IdentifierName, without the invisible joiners (valid but unreadable) */
const IDENTIFIER_NAME = /^(?![^]*[\u200c\u200d])[\p{ID_Start}$_][\p{ID_Continue}$]*$/u;

/**
 * Characters this Node's Unicode tables accept in identifiers but TypeScript's do not
 * (TypeScript 5 and 7 know Unicode 15.1; these came later), and every character outside
 * the BMP (where the gap is thousands of characters). Never used in an identifier.
 */
const NOT_IN_TYPESCRIPT = /[\u088f\u0897\u0c5c\u0cdc\u1acf-\u1add\u1ae0-\u1aeb\u1c89\u1c8a\ua7cb-\ua7cf\ua7d2\ua7d4\ua7da-\ua7dc\ua7f1\u{10000}-\u{10ffff}]/u;

/** `c` (one code point) may be in a generated identifier */
function isIdPart(c: string): boolean {
  return ID_CONTINUE.test(c) && c !== '\u200c' && c !== '\u200d' && !NOT_IN_TYPESCRIPT.test(c);
}

/** `s` may be written as an identifier or bare property name (for JS and for TypeScript) */
function isSafeIdentifierName(s: string): boolean {
  return ASCII_IDENTIFIER.test(s) || (IDENTIFIER_NAME.test(s) && !NOT_IN_TYPESCRIPT.test(s));
}

/**
 * Any string → a valid, non-reserved TypeScript identifier. Characters that cannot be in an
 * identifier (or that TypeScript does not know as letters: see NOT_IN_TYPESCRIPT) are dropped, a run of them between kept parts becomes one '_' (the text is
 * NFC-normalized first); a leading
 * digit (or mark) gets a '_' prefix; a reserved word a '_' suffix; when nothing usable is
 * left, `fallback` (itself made an identifier) or '_'.
 */
export function identifier(raw: string, fallback?: string): string {
  if (ASCII_IDENTIFIER.test(raw)) return isReserved(raw) ? raw + '_' : raw;
  const text = String(raw).normalize('NFC');
  if (isSafeIdentifierName(text)) return isReserved(text) ? text + '_' : text;
  const parts: string[] = [];
  let part = '';
  for (const c of text) {
    if (isIdPart(c)) part += c;
    else if (part) {
      parts.push(part);
      part = '';
    }
  }
  if (part) parts.push(part);
  let id = parts.join('_');
  if (id === '') return fallback !== undefined && fallback !== '' ? identifier(fallback) : '_';
  if (!ID_START.test(Array.from(id)[0])) id = '_' + id;
  return isReserved(id) ? id + '_' : id;
}

/** True when `name` can be written bare as a property name (JS and TypeScript agree). */
export function isIdentifierName(name: string): boolean {
  return isSafeIdentifierName(name);
}

const RISKY_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * A property name in an interface or object type: bare when it is an IdentifierName
 * (reserved words are fine there) and not one of '__proto__', 'constructor', 'prototype';
 * otherwise a quoted string literal. The wire name is kept exactly.
 */
export function propertyKey(name: string): string {
  return isIdentifierName(name) && !RISKY_KEYS.has(name) ? name : stringLiteral(name);
}

/**
 * A key in an object literal *expression*. `{ "__proto__": x }` would set the prototype,
 * so that one key is computed (`["__proto__"]`), which defines an own property.
 */
export function objectLiteralKey(name: string): string {
  if (name === '__proto__') return `[${stringLiteral(name)}]`;
  return propertyKey(name);
}

// ---------------------------------------------------------------------------------------
// string and template literals

function hex4(code: number): string {
  return '\\u' + code.toString(16).toUpperCase().padStart(4, '0');
}

/**
 * Characters written as escapes inside literals: C0 and C1 controls, DEL, line and
 * paragraph separators, bidirectional and other invisible format controls, the BOM.
 */
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/;

const SHORT_ESCAPES: Record<string, string> = {
  '\b': '\\b',
  '\t': '\\t',
  '\n': '\\n',
  '\v': '\\v',
  '\f': '\\f',
  '\r': '\\r',
  '\\': '\\\\',
};

/** escape one UTF-16 code unit at `i` (or a well-formed pair) for a literal; undefined = keep as is */
function literalEscape(s: string, i: number, quote: string): { text: string; width: number } | undefined {
  const c = s[i];
  const code = s.charCodeAt(i);
  if (c === quote) return { text: '\\' + c, width: 1 };
  const short = SHORT_ESCAPES[c];
  if (short) return { text: short, width: 1 };
  if (code >= 0xd800 && code <= 0xdbff) {
    const next = s.charCodeAt(i + 1);
    if (next >= 0xdc00 && next <= 0xdfff) return undefined; // a well-formed pair: kept (emoji etc.)
    return { text: hex4(code), width: 1 };
  }
  if (code >= 0xdc00 && code <= 0xdfff) return { text: hex4(code), width: 1 }; // lone low surrogate
  if (INVISIBLE.test(c)) {
    // \0 followed by a digit would read as a legacy octal escape: use \x00 always
    return { text: code <= 0xff ? '\\x' + code.toString(16).toUpperCase().padStart(2, '0') : hex4(code), width: 1 };
  }
  // `</script>`, `<!--`: a literal may end up inside an HTML <script>; `*/`: inside a comment
  if (c === '<' && (s[i + 1] === '/' || s[i + 1] === '!')) return { text: '\\x3C', width: 1 };
  if (c === '/' && s[i - 1] === '*') return { text: '\\/', width: 1 };
  return undefined;
}

function escapeFor(value: string, quote: string, extra?: (s: string, i: number) => string | undefined): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < value.length; ) {
    const special = extra?.(value, i);
    const e = special !== undefined ? { text: special, width: special === '\\${' ? 2 : 1 } : literalEscape(value, i, quote);
    if (e) {
      out += value.slice(from, i) + e.text;
      i += e.width;
      from = i;
    } else {
      const code = value.charCodeAt(i);
      i += code >= 0xd800 && code <= 0xdbff ? 2 : 1;
    }
  }
  return out + value.slice(from);
}

/**
 * A single-quoted JS string literal that evaluates to exactly `value`, for any content:
 * quotes, backslashes, line breaks, U+2028/2029, NUL, lone surrogates, invisible controls,
 * `</script>` and `*​/` are escaped; other characters (letters of any script, emoji) are kept.
 */
export function stringLiteral(value: string): string {
  const s = typeof value === 'string' ? value : String(value);
  // printable ASCII but `'`, `*`, `<` and `\` (most enum members and examples): the text in quotes
  if (PLAIN_STRING.test(s)) return `'${s}'`;
  return rememberedLiteral(s);
}

const PLAIN_STRING = /^[\x20-\x26\x28\x29\x2b-\x3b\x3d-\x5b\x5d-\x7e]*$/;
const PLAIN_LITERAL = /^[\x20-\x7e]*$/;

/** `stringLiteral` for any text (its general path). */
export function generalStringLiteral(s: string): string {
  if (PLAIN_LITERAL.test(s) && !/['\\]|<[/!]|\*\//.test(s)) return `'${s}'`;
  return `'${escapeFor(s, "'")}'`;
}

// the same example strings and enum members recur on hundreds of docs pages
const rememberedLiteral = memo(generalStringLiteral, 50_000);

/**
 * Text for inside a template literal (between the backticks) that evaluates to exactly
 * `value`: backticks, `${`, backslashes, CR (which a template would turn into LF) and the
 * characters stringLiteral escapes are escaped.
 */
export function templateLiteralText(value: string): string {
  return escapeFor(String(value), '`', (s, i) => (s[i] === '$' && s[i + 1] === '{' ? '\\${' : undefined));
}

// ---------------------------------------------------------------------------------------
// comments

/**
 * The body lines of a JSDoc comment for `text` (without the ' * ' prefix): line breaks
 * normalized, `*​/` written as `*\/` so the comment cannot end early, trailing spaces and
 * leading / trailing blank lines removed. Lines starting with '@' stay tags.
 */
export function jsDocLines(text: string): string[] {
  return isPlainDoc(text) ? plainDocLines(text) : generalDocLines(text);
}

/**
 * Text that `generalDocLines` only splits into lines: printable ASCII and LF, no `*​/`, no
 * space before a line break or at the end. Most descriptions are; the check is far cheaper
 * than the general path's five regular expressions (test/escape/fast-paths.test.ts checks
 * that both paths agree).
 */
function isPlainDoc(text: string): boolean {
  return typeof text === 'string' && PLAIN_DOC.test(text) && !text.includes('*/') && !text.includes(' \n') && !text.endsWith(' ');
}

const PLAIN_DOC = /^[\x20-\x7e\n]*$/;

function plainDocLines(text: string): string[] {
  if (!text.includes('\n')) return text === '' ? [] : [text];
  const lines = text.split('\n');
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start] === '') start++;
  while (end > start && lines[end - 1] === '') end--;
  return start === 0 && end === lines.length ? lines : lines.slice(start, end);
}

/** `jsDocLines` for any text (its general path). */
export function generalDocLines(text: string): string[] {
  const lines = cleanText(text)
    .split('\n')
    .map((l) => l.replace(/\*\//g, '*\\/').replace(/\s+$/, ''));
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start] === '') start++;
  while (end > start && lines[end - 1] === '') end--;
  return lines.slice(start, end);
}

/**
 * A whole JSDoc block for `text` (or '' when there is nothing to say), each line prefixed
 * with `indent`:
 *   /**
 *    * text
 *    *\/
 */
export function jsDoc(text: string, indent = ''): string {
  const lines = jsDocLines(text);
  if (lines.length === 0) return '';
  const body = lines.map((l) => (l === '' ? `${indent} *` : `${indent} * ${l}`)).join('\n');
  return `${indent}/**\n${body}\n${indent} */`;
}
