/**
 * Small Markdown building blocks for the generated docs: tables, code links, heading
 * anchors. Spec text reaches Markdown only through src/escape/ (markdownText,
 * markdownTableCell, markdownCode, …); what this file adds is oagen's own layout.
 */
import { markdownCode } from '../../escape/index.js';
import { memo } from '../../util/memo.js';

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

/** a heading of ASCII letters, digits, `_` and `-` (a function name): its anchor is its lower case */
const PLAIN_HEADING = /^[A-Za-z0-9_-]*$/;

/** A heading's anchor before numbering (remembered: `Example`, `Parameters` come back on every operation). */
function baseSlug(heading: string): string {
  return PLAIN_HEADING.test(heading) ? heading.toLowerCase() : slugOf(heading);
}

const slugOf = memo((heading: string) =>
  heading
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-'),
);

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

