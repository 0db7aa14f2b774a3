/**
 * Small Markdown building blocks for the generated docs: tables, code spans, fenced
 * blocks, heading anchors. Spec text reaches Markdown only through the escaping layer
 * (markdownText / markdownTableCell / markdownCode in src/naming/escape.ts); what this file
 * adds is oagen's own text (identifiers, type expressions, links).
 *
 * The escaping functions are called hundreds of thousands of times on a large spec, mostly
 * on text that needs no escaping at all (`string`, `User[] | null`, a one-line
 * description). The versions exported here test that with one precompiled regex and return
 * the text as the escaping layer would (test/docs/units.test.ts checks they agree); other
 * text goes through the escaping layer, its result remembered (the same descriptions and
 * types recur across pages).
 */
import { markdownCode as escapeCode, markdownTableCell as escapeCell, markdownText as escapeText } from '../../naming/escape.js';

/**
 * Characters after which the escaping layer may change prose: controls, invisible format
 * characters, surrogates, Markdown / HTML punctuation it escapes or parses (`\`, backtick,
 * `~` fences, `<>&`, `|`), and `script` (for `javascript:` links).
 */
const PROSE_UNSAFE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb\ud800-\udfff`~\\<>&|]|script/i;
/** printable ASCII but backtick and `<`: a code span of it is the text in single backticks */
const CODE_PLAIN = /^[\x20-\x3b\x3d-\x5f\x61-\x7e]+$/;

const MEMO_LIMIT = 50_000;

function memo(f: (text: string) => string): (text: string) => string {
  const seen = new Map<string, string>();
  return (text) => {
    let out = seen.get(text);
    if (out === undefined) {
      if (seen.size >= MEMO_LIMIT) seen.clear();
      out = f(text);
      seen.set(text, out);
    }
    return out;
  };
}

const slowCode = memo(escapeCode);
const slowCell = memo(escapeCell);
const slowText = memo(escapeText);

/** markdownCode(text) is `text` in single backticks. */
export function isPlainCode(text: string): boolean {
  return CODE_PLAIN.test(text) && !(text.charCodeAt(0) === 32 && text.charCodeAt(text.length - 1) === 32);
}

/** markdownCode of src/naming/escape.ts: an inline code span showing `text` literally. */
export function markdownCode(text: string): string {
  if (typeof text !== 'string') return escapeCode(text);
  if (CODE_PLAIN.test(text) && !(text.charCodeAt(0) === 32 && text.charCodeAt(text.length - 1) === 32)) return '`' + text + '`';
  return text === '' ? '' : slowCode(text);
}

/** markdownTableCell of src/naming/escape.ts: spec text as one table cell. */
export function markdownTableCell(text: string): string {
  if (typeof text !== 'string') return escapeCell(text);
  if (text === '') return '';
  if (PROSE_UNSAFE.test(text)) return slowCell(text);
  if (!text.includes('\n')) return text.trim();
  const joined = text
    .split('\n')
    .map((l) => l.trim())
    .join('\n')
    .replace(/\n{2,}/g, '\n')
    .trim();
  return joined.replace(/\n/g, '<br>');
}

/** markdownText of src/naming/escape.ts, before the fence check below. */
function proseText(text: string): string {
  if (typeof text !== 'string') return escapeText(text);
  return PROSE_UNSAFE.test(text) ? slowText(text) : text;
}

/**
 * Spec prose as a Markdown block (markdownText), with a code fence the text left open
 * closed again, so that it cannot swallow the rest of the page.
 */
export function markdownText(text: string): string {
  const out = proseText(text);
  if (!out.includes('``' + '`') && !out.includes('~~~')) return out;
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

/**
 * A GFM table. Cells must already be table-safe: spec text through markdownTableCell,
 * oagen-built inline Markdown (code spans, links) through `cell`.
 */
export function table(headers: string[], rows: string[][]): string {
  return tableOf(headers, rows.map(tableRow));
}

/** A GFM table of rows already written by tableRow. */
export function tableOf(headers: string[], lines: string[]): string {
  let out = tableRow(headers) + '\n|';
  for (let i = 0; i < headers.length; i++) out += ' --- |';
  for (const l of lines) out += '\n' + l;
  return out;
}

/** One line of a table: `| a | b |`, a blank cell as a space. Cells as for `table`. */
export function tableRow(cells: readonly string[]): string {
  // joined (one flat string: rows are kept and reused)
  const parts = ['|'];
  for (const c of cells) parts.push(c || ' ', '|');
  return parts.join(' ');
}

/**
 * oagen-built inline Markdown as a table cell: `|` escaped (inside code spans too, as GFM
 * tables need: union types have them), line breaks as spaces. Spec prose goes through
 * markdownTableCell instead, which also makes HTML inert.
 */
export function cell(markdown: string): string {
  if (!markdown.includes('\n') && !markdown.includes('|')) return markdown;
  return markdown.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
}

/** A fenced code block whose fence is longer than any backtick run inside. */
export function codeBlock(lang: string, code: string): string {
  let longest = 2;
  if (code.includes('``' + '`')) for (const m of code.match(/`{3,}/g) ?? []) longest = Math.max(longest, m.length);
  const fence = '`'.repeat(longest + 1);
  let end = code.length;
  while (end > 0 && code.charCodeAt(end - 1) === 10) end--;
  return `${fence}${lang}\n${end === code.length ? code : code.slice(0, end)}\n${fence}`;
}

/** `[`Name`](href)`: a code-formatted link (names are identifiers; hrefs are oagen's). */
export function codeLink(name: string, href: string): string {
  return `[${markdownCode(name)}](${href})`;
}

/**
 * Heading anchors as GitHub (and npm) compute them: lower case, punctuation removed,
 * spaces → '-', and a `-1`, `-2`, … suffix for repeats within one document. Feed every
 * heading of a document in order, even those nobody links to.
 */
export class Slugger {
  readonly #seen = new Map<string, number>();

  slug(heading: string): string {
    const original = baseSlug(heading);
    let slug = original;
    while (this.#seen.has(slug)) {
      const n = this.#seen.get(original)! + 1;
      this.#seen.set(original, n);
      slug = `${original}-${n}`;
    }
    this.#seen.set(slug, 0);
    return slug;
  }
}

const baseSlugs = new Map<string, string>();

/** a heading of ASCII letters, digits, `_` and `-` (a function name): its anchor is its lower case */
const PLAIN_HEADING = /^[A-Za-z0-9_-]*$/;

/** A heading's anchor before numbering (remembered: `Example`, `Parameters` come back on every operation). */
function baseSlug(heading: string): string {
  if (PLAIN_HEADING.test(heading)) return heading.toLowerCase();
  let slug = baseSlugs.get(heading);
  if (slug === undefined) {
    if (baseSlugs.size >= 10_000) baseSlugs.clear();
    slug = heading
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
      .replace(/ /g, '-');
    baseSlugs.set(heading, slug);
  }
  return slug;
}

/** "a", "a and b", "a, b and c" */
export function listJoin(items: string[], last = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${last} ${items[items.length - 1]}`;
}

/** First sentence-ish line of a description, for one-line summaries in tables. */
export function firstLine(text: string | undefined): string {
  if (!text) return '';
  const para = text.trim().split(/\n\s*\n/)[0] ?? '';
  return para.replace(/\s*\n\s*/g, ' ').trim();
}

