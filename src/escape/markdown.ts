/**
 * Markdown escaping: every string from a spec that reaches the generated docs, the
 * CHANGELOG or a diff report goes through one of these functions, and nothing else.
 *
 * - markdownText:       prose as top-level blocks (formatting kept, HTML made inert, fences closed)
 * - markdownInline:     prose inside a line (a list item, after other text): no block can start
 * - markdownTableCell:  prose as one GFM table cell
 * - markdownCode:       an inline code span showing text literally
 * - markdownCodeBlock:  a fenced code block showing code literally
 * - markdownCell:       oagen-built inline Markdown (code spans, links) as a table cell
 * - openingFence / closesFence: the one code fence rule (CommonMark 0.31 §4.5), for every
 *   writer and reader of Markdown in oagen
 *
 * They are called hundreds of thousands of times on a large spec, mostly on text that needs
 * no escaping (`string`, `User[] | null`, a one-line description): each tests that first
 * with one precompiled regex and returns the text as its general path would
 * (test/escape/fast-paths.test.ts checks they agree); other text takes the general path,
 * its result remembered (the same descriptions and types recur across pages).
 */
import { memo } from '../util/memo.js';
import { cleanText } from './text.js';

const MEMO_LIMIT = 50_000;

// ---------------------------------------------------------------------------------------
// code fences: CommonMark 0.31 §4.5

/** An open code fence: its character and length (a closing fence needs as many, or more). */
export interface Fence {
  char: '`' | '~';
  length: number;
}

/**
 * The code fence `line` opens, if any (CommonMark 0.31 §4.5): at most 3 columns of
 * indentation, then at least three backticks or tildes; after backticks, an info string
 * without backticks. A tab in the indentation reaches column 4 (tab stops every 4
 * columns), so a tab-indented fence is indented code or paragraph text, never a fence.
 */
export function openingFence(line: string): Fence | undefined {
  let i = 0;
  while (i < 3 && line.charCodeAt(i) === 32) i++;
  const c = line[i];
  if (c !== '`' && c !== '~') return undefined;
  let end = i + 1;
  while (line[end] === c) end++;
  if (end - i < 3) return undefined;
  if (c === '`' && line.indexOf('`', end) !== -1) return undefined;
  return { char: c, length: end - i };
}

/**
 * Whether `line` closes `fence` (CommonMark 0.31 §4.5): at most 3 columns of indentation
 * (so no tab), the fence's character at least as many times, then only spaces or tabs.
 */
export function closesFence(line: string, fence: Fence): boolean {
  let i = 0;
  while (i < 3 && line.charCodeAt(i) === 32) i++;
  let end = i;
  while (line[end] === fence.char) end++;
  if (end - i < fence.length) return false;
  for (; end < line.length; end++) {
    const k = line.charCodeAt(end);
    if (k !== 32 && k !== 9) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------
// prose

/**
 * Characters after which prose may need escaping: controls, invisible format characters,
 * surrogates, Markdown / HTML punctuation escaped or parsed here (`\`, backtick, `~`
 * fences, `<>&`, `|`), and `script` (for `javascript:` links). Text without them is
 * returned as it is by markdownText, and trimmed (per line) by markdownTableCell.
 */
const PROSE_UNSAFE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb\ud800-\udfff`~\\<>&|]|script/i;

/**
 * Prose for a Markdown document, as top-level blocks. Markdown formatting (emphasis, links,
 * lists, headings, code) is kept; raw HTML is made inert: `<`, `>`, `&` become entities
 * except inside code spans and fenced code blocks, where Markdown already shows them
 * literally (and where only markup that could act is escaped: see inertCode). Line breaks
 * are normalized to LF, invisible controls removed. A fence the text leaves open is closed,
 * so that it cannot swallow what follows; fences are those of openingFence / closesFence.
 * Known gap: fences are tracked at the top level only, not inside list items (block quotes
 * cannot occur: `>` is escaped), where CommonMark ends a fence with its item.
 */
export function markdownText(text: string): string {
  if (typeof text !== 'string') return generalMarkdownText(text);
  return PROSE_UNSAFE.test(text) ? rememberedText(text) : text;
}

/** `markdownText` for any text (its general path). */
export function generalMarkdownText(text: string): string {
  const lines = cleanText(text).split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const fence = openingFence(lines[i]);
    if (fence) {
      out.push(inertCode(lines[i]));
      let closed = false;
      for (i++; i < lines.length; i++) {
        if (closesFence(lines[i], fence)) {
          // without the spaces or tabs after it, which some renderers (marked) do not accept
          out.push(lines[i].replace(/[ \t]+$/, ''));
          closed = true;
          break;
        }
        out.push(inertCode(lines[i]));
      }
      if (!closed) out.push(fence.char.repeat(fence.length)); // what follows the text must not become code
      continue;
    }
    // code spans are taken within one line only: a span a renderer would end at a block
    // boundary (a heading, a list item) must not shelter raw HTML here
    out.push(inline(lines[i], false));
  }
  return out.join('\n');
}

const rememberedText = memo(generalMarkdownText, MEMO_LIMIT);

/**
 * Prose for a place inside a line of Markdown (after other text, or as a list item): as
 * markdownText, but on one line (line breaks become spaces), and a code fence at its start
 * is escaped, so the text can neither start a block nor leave one open.
 */
export function markdownInline(text: string): string {
  if (typeof text === 'string' && !PROSE_UNSAFE.test(text) && !text.includes('\n')) return text;
  const line = cleanText(text).replace(/\n/g, ' ');
  const fence = openingFence(line);
  if (!fence) return inline(line, false);
  const at = line.indexOf(fence.char);
  return line.slice(0, at) + '\\' + inline(line.slice(at), false);
}

/**
 * One Markdown table cell: HTML made inert (outside code spans), `|` escaped (inside code
 * spans too, as GFM tables need), line breaks → `<br>`, trimmed. Empty text gives ''.
 */
export function markdownTableCell(text: string): string {
  if (typeof text !== 'string') return generalMarkdownTableCell(text);
  if (text === '') return '';
  if (PROSE_UNSAFE.test(text)) return rememberedCell(text);
  if (!text.includes('\n')) return text.trim();
  const joined = text
    .split('\n')
    .map((l) => l.trim())
    .join('\n')
    .replace(/\n{2,}/g, '\n')
    .trim();
  return joined.replace(/\n/g, '<br>');
}

/** `markdownTableCell` for any text (its general path). */
export function generalMarkdownTableCell(text: string): string {
  const lines = cleanText(text)
    .split('\n')
    .map((l) => l.trim());
  // blank lines collapse into one break; no fences in a cell: everything is inline
  const joined = lines.join('\n').replace(/\n{2,}/g, '\n').trim();
  const cell = inline(joined, true);
  // a trailing lone backslash would escape the table's next '|'
  return /(^|[^\\])(\\\\)*\\$/.test(cell) ? cell + '\\' : cell;
}

const rememberedCell = memo(generalMarkdownTableCell, MEMO_LIMIT);

// ---------------------------------------------------------------------------------------
// code

/** printable ASCII but backtick and `<`: nothing to clean, count or make inert */
const PLAIN_CODE = /^[\x20-\x3b\x3d-\x5f\x61-\x7e]*$/;

/** markdownCode(text) is `text` in single backticks. */
export function isPlainCode(text: string): boolean {
  return text !== '' && PLAIN_CODE.test(text) && !(text.charCodeAt(0) === 32 && text.charCodeAt(text.length - 1) === 32);
}

/**
 * An inline code span showing `text` literally, whatever backticks it contains: the fence
 * is one backtick longer than the longest run inside, padded with spaces when needed.
 * Line breaks become spaces; markup that could act is escaped (inertCode). Empty text
 * gives ''. Inside a table, pass the result through markdownCell.
 */
export function markdownCode(text: string): string {
  if (typeof text === 'string' && PLAIN_CODE.test(text)) {
    if (text.charCodeAt(0) !== 32 || text.charCodeAt(text.length - 1) !== 32) return text === '' ? '' : '`' + text + '`';
    return text.trim() !== '' ? `\` ${text} \`` : `\`${text}\``;
  }
  return typeof text === 'string' ? rememberedCode(text) : generalMarkdownCode(text);
}

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

const rememberedCode = memo(generalMarkdownCode, MEMO_LIMIT);

/** A fenced code block whose fence is longer than any backtick run inside (oagen's own code, or examples). */
export function markdownCodeBlock(lang: string, code: string): string {
  let longest = 2;
  if (code.includes('``' + '`')) for (const m of code.match(/`{3,}/g) ?? []) longest = Math.max(longest, m.length);
  const fence = '`'.repeat(longest + 1);
  let end = code.length;
  while (end > 0 && code.charCodeAt(end - 1) === 10) end--;
  return `${fence}${lang}\n${end === code.length ? code : code.slice(0, end)}\n${fence}`;
}

/**
 * oagen-built inline Markdown as a table cell: `|` escaped (inside code spans too, as GFM
 * tables need: union types have them), line breaks as spaces. Spec prose goes through
 * markdownTableCell instead, which also makes HTML inert.
 */
export function markdownCell(markdown: string): string {
  if (!markdown.includes('\n') && !markdown.includes('|')) return markdown;
  return markdown.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
}

// ---------------------------------------------------------------------------------------
// shared by the functions above

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
