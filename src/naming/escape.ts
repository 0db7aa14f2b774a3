/**
 * The escaping layer: every string that comes from a spec reaches generated code or docs
 * through one of these functions, and nothing else.
 *
 * - identifier:           any string → a valid, non-reserved TypeScript identifier
 * - propertyKey:          a member name in an interface / object type (bare or quoted)
 * - objectLiteralKey:     a key in an object literal expression ('__proto__' computed)
 * - stringLiteral:        a double-quoted JS string literal
 * - templateLiteralText:  text inside a template literal
 * - jsDoc / jsDocLines:   a JSDoc comment that nothing can close early
 * - markdownText / markdownTableCell / markdownCode: docs
 * - literalValue / literalExpression: enum members, const and default values
 *
 * Generated source must also be valid UTF-8 text that reads the same as it runs, so lone
 * surrogates, line separators and invisible bidirectional controls are escaped in literals
 * and removed from comments and docs.
 */
import { isReserved } from './reserved.js';

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

const PLAIN_LITERAL = /^[\x20-\x7e]*$/;

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
 * A double-quoted JS string literal that evaluates to exactly `value`, for any content:
 * quotes, backslashes, line breaks, U+2028/2029, NUL, lone surrogates, invisible controls,
 * `</script>` and `*​/` are escaped; other characters (letters of any script, emoji) are kept.
 */
export function stringLiteral(value: string): string {
  const s = String(value);
  if (PLAIN_LITERAL.test(s) && !/["\\]|<[/!]|\*\//.test(s)) return `"${s}"`;
  return `"${escapeFor(s, '"')}"`;
}

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

/** removed from comments and docs: controls except tab and newline, invisible format characters */
const COMMENT_STRIP = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Normalize prose: CRLF / CR / U+2028 / U+2029 → LF, invisible controls removed, lone surrogates → U+FFFD. */
function cleanText(text: string): string {
  return String(text)
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
    .replace(COMMENT_STRIP, '')
    .replace(LONE_SURROGATE, '\ufffd');
}

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
 * than the general path's five regular expressions (test/naming/escape-fast.test.ts checks
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

// ---------------------------------------------------------------------------------------
// Markdown

function escapeHtml(s: string): string {
  return s.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/** elements that act (or swallow the page) without any attribute */
const ACTIVE_ELEMENTS = new Set([
  'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'noscript', 'noembed', 'noframes',
  'template', 'textarea', 'title', 'xmp', 'plaintext', 'listing', 'svg', 'math', 'base', 'meta', 'link', 'form',
  'input', 'button', 'select', 'img', 'image', 'video', 'audio', 'source', 'html', 'head', 'body', 'portal', 'dialog',
]);

/**
 * Code (a code span or a fenced block) is shown literally by a renderer that sees it as
 * code, but renderers disagree at the edges, so code must be harmless as HTML too. Markup
 * that could act is written with `&lt;`: a tag with an attribute value ('='), an active
 * element, a comment, declaration or processing instruction. Type-like text stays as is:
 * `Array<User>`, `Record<string, User | null>`, `a < b`.
 */
function inertCode(code: string): string {
  return code.replace(/<([!?/]?)([A-Za-z][A-Za-z0-9-]*)?([^<>]*)/g, (m: string, lead: string, name: string | undefined, rest: string) => {
    if (lead === '!' || lead === '?') return '&lt;' + m.slice(1);
    if (name === undefined) return m; // '<' before a space, digit, …: not markup
    if (rest.includes('=') || ACTIVE_ELEMENTS.has(name.toLowerCase())) return '&lt;' + m.slice(1);
    return m;
  });
}

/**
 * Inline Markdown with HTML made inert: `<`, `>` and `&` become entities outside code
 * spans (where Markdown shows text literally); code spans are kept as written. A
 * backslash-escaped backtick does not open a code span, as in CommonMark. In a table cell
 * (`cell`), every `|` is escaped, code spans included, and line breaks become `<br>`
 * outside code spans and spaces inside them.
 */
function inline(text: string, cell: boolean): string {
  const plain = (s: string): string => {
    let t = neutralizeSchemes(escapeHtml(s));
    if (cell) t = escapePipes(t).replace(/\n/g, '<br>');
    return t;
  };
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; ) {
    const c = text[i];
    if (c === '\\' && i + 1 < text.length) {
      const next = text[i + 1];
      if (next === '<' || next === '>' || next === '&') {
        // '\<' shows '<': the entity alone says the same
        out += plain(text.slice(from, i)) + escapeHtml(next);
        i += 2;
        from = i;
      } else {
        i += 2; // an escaped character (a backtick among them) is plain text
      }
      continue;
    }
    if (c === '`') {
      let run = 1;
      while (text[i + run] === '`') run++;
      const close = findClosingRun(text, i + run, run);
      if (close === -1) {
        i += run; // no closing run: the backticks are literal text
        continue;
      }
      out += plain(text.slice(from, i));
      let code = inertCode(text.slice(i, close + run));
      if (cell) code = escapePipes(code.replace(/\n/g, ' '));
      out += code;
      i = close + run;
      from = i;
      continue;
    }
    i++;
  }
  return out + plain(text.slice(from));
}

/**
 * `[x](javascript:…)` is a live link in renderers that do not filter URLs: the colon of a
 * script scheme directly followed by text is written as '%3A', which makes it a harmless
 * relative URL. (Entities cannot be used to sneak one in: '&' is already escaped.)
 */
function neutralizeSchemes(s: string): string {
  return s.replace(/\b(javascript|vbscript)(\s*):(?=\S)/gi, '$1$2%3A');
}

/** `|` → `\|` unless already escaped (preceded by an odd number of backslashes) */
function escapePipes(s: string): string {
  return s.replace(/(\\*)\|/g, (_, slashes: string) => (slashes.length % 2 === 1 ? `${slashes}|` : `${slashes}\\|`));
}

/** index of the next run of exactly `run` backticks at or after `from`, or -1 */
function findClosingRun(text: string, from: number, run: number): number {
  for (let i = text.indexOf('`', from); i !== -1; ) {
    let len = 1;
    while (text[i + len] === '`') len++;
    if (len === run) return i;
    i = text.indexOf('`', i + len);
  }
  return -1;
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;

/**
 * Prose for a Markdown document, as top-level blocks. Markdown formatting (emphasis, links,
 * lists, headings, code) is kept; raw HTML is made inert: `<`, `>`, `&` become entities
 * except inside code spans and fenced code blocks, where Markdown already shows them
 * literally (and where only markup that could act is escaped: see inertCode). Line breaks
 * are normalized to LF, invisible controls removed. An unclosed fence is closed.
 *
 * Fences are recognized strictly (0–3 spaces, then ``` or ~~~) and closed leniently, so
 * text is never left unescaped where a renderer would not see code.
 */
export function markdownText(text: string): string {
  const lines = cleanText(text).split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE_OPEN.exec(lines[i]);
    if (open && !(open[1][0] === '`' && open[2].includes('`'))) {
      const mark = open[1];
      out.push(inertCode(lines[i]));
      let closed = false;
      for (i++; i < lines.length; i++) {
        out.push(inertCode(lines[i]));
        const t = lines[i].trim();
        if (t.length >= mark.length && t[0] === mark[0] && /^(`+|~+)$/.test(t)) {
          closed = true;
          break;
        }
      }
      if (!closed) out.push(mark); // what follows the text must not become code
      continue;
    }
    // code spans are taken within one line only: a span a renderer would end at a block
    // boundary (a heading, a list item) must not shelter raw HTML here
    out.push(inline(lines[i], false));
  }
  return out.join('\n');
}

/**
 * One Markdown table cell: HTML made inert (outside code spans), `|` escaped (inside code
 * spans too, as GFM tables need), line breaks → `<br>`, trimmed. Empty text gives ''.
 */
export function markdownTableCell(text: string): string {
  const lines = cleanText(text)
    .split('\n')
    .map((l) => l.trim());
  // blank lines collapse into one break; no fences in a cell: everything is inline
  const joined = lines.join('\n').replace(/\n{2,}/g, '\n').trim();
  const cell = inline(joined, true);
  // a trailing lone backslash would escape the table's next '|'
  return /(^|[^\\])(\\\\)*\\$/.test(cell) ? cell + '\\' : cell;
}

/**
 * An inline code span showing `text` literally, whatever backticks it contains: the fence
 * is one backtick longer than the longest run inside, padded with spaces when needed.
 * Line breaks become spaces; markup that could act is escaped (inertCode). Empty text
 * gives ''. Inside a table, pass the result through markdownTableCell.
 */
export function markdownCode(text: string): string {
  // Printable ASCII without '`' and '<' (most names and types): nothing to clean, count or
  // make inert. test/naming/escape-fast.test.ts checks that both paths agree.
  if (typeof text === 'string' && PLAIN_CODE.test(text)) {
    if (text === '') return '';
    return text.startsWith(' ') && text.endsWith(' ') && text.trim() !== '' ? `\` ${text} \`` : `\`${text}\``;
  }
  return generalMarkdownCode(text);
}

const PLAIN_CODE = /^[\x20-\x3b\x3d-\x5f\x61-\x7e]*$/;

/** `markdownCode` for any text (its general path). */
export function generalMarkdownCode(text: string): string {
  let s = cleanText(text).replace(/\n/g, ' ');
  if (s === '') return '';
  let longest = 0;
  for (const m of s.match(/`+/g) ?? []) longest = Math.max(longest, m.length);
  const fence = '`'.repeat(longest + 1);
  s = inertCode(s);
  const pad = s.startsWith('`') || s.endsWith('`') || (s.startsWith(' ') && s.endsWith(' ') && s.trim() !== '');
  return pad ? `${fence} ${s} ${fence}` : `${fence}${s}${fence}`;
}

// ---------------------------------------------------------------------------------------
// literal values

/**
 * A JSON-ish value (enum member, const, default) as a TypeScript literal *type*: strings
 * via stringLiteral, finite numbers, booleans, null; arrays as tuples and objects as
 * object types, recursively. What has no literal type (NaN, ±Infinity, functions, cycles)
 * widens to its type (`number`, `unknown`).
 */
export function literalValue(value: unknown): string {
  return literal(value, 'type');
}

/** The same value as a TypeScript *expression* (for `as const` lists, defaults in code). */
export function literalExpression(value: unknown): string {
  return literal(value, 'expression');
}

const MAX_LITERAL_DEPTH = 32;

/** `seen`: the arrays and objects being written (cycle guard), created at the first one */
function literal(value: unknown, mode: 'type' | 'expression', seen?: Set<object>): string {
  switch (typeof value) {
    case 'string':
      return stringLiteral(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return `${value}n`;
    case 'number':
      if (Number.isFinite(value)) return Object.is(value, -0) ? '0' : String(value);
      if (mode === 'type') return 'number';
      return Number.isNaN(value) ? 'Number.NaN' : value > 0 ? 'Number.POSITIVE_INFINITY' : 'Number.NEGATIVE_INFINITY';
    case 'undefined':
      return 'undefined';
    case 'object': {
      if (value === null) return 'null';
      if (value instanceof Date) return stringLiteral(Number.isNaN(value.getTime()) ? String(value) : value.toISOString());
      seen ??= new Set();
      if (seen.has(value) || seen.size >= MAX_LITERAL_DEPTH) return mode === 'type' ? 'unknown' : 'undefined';
      seen.add(value);
      try {
        if (Array.isArray(value)) return `[${value.map((v) => literal(v, mode, seen)).join(', ')}]`;
        const keys = Object.keys(value);
        if (keys.length === 0) return mode === 'type' ? 'Record<string, never>' : '{}';
        const key = mode === 'type' ? propertyKey : objectLiteralKey;
        const sep = mode === 'type' ? '; ' : ', ';
        return `{ ${keys.map((k) => `${key(k)}: ${literal((value as Record<string, unknown>)[k], mode, seen)}`).join(sep)} }`;
      } finally {
        seen.delete(value);
      }
    }
    default:
      return mode === 'type' ? 'unknown' : 'undefined';
  }
}
