/**
 * Links to headings across the generated docs.
 *
 * A heading's anchor is what GitHub (and npm) compute from its text, numbered by the
 * headings before it in the same document, spec text included (a description may hold
 * headings). Two ways to get there:
 *
 * - Markers: a heading carries a target marker with a stable id (`op:GET /users`,
 *   `readme:errors`) and a link carries a link marker naming the page and the id; the
 *   AnchorIndex then reads each page's headings in order, computes their slugs, strips the
 *   markers and writes the links. The markers are delimited by NUL, which the escaping layer
 *   removes from every spec string, so spec text can never forge one.
 * - PageAnchors: a page built in order (the API docs) gives its headings and the spec prose
 *   between them as it is built; the slugs are known at once, links to them are written
 *   directly and the page is never read again. Spec prose is still read for its headings,
 *   by the same rules.
 */
import { Slugger } from './markdown.js';

const NUL = '\u0000';
const SEP = '\u0001';

/** Appended to a heading's text: `## listUsers${anchorTarget('op:GET /users')}`. */
export function anchorTarget(id: string): string {
  return `${NUL}T${id}${NUL}`;
}

/**
 * A link destination to the heading `id` of `page` (package-relative path, e.g.
 * `docs/UsersApi.md`), written as `href` (relative to the linking page) + `#slug`.
 */
export function anchorLink(page: string, id: string, href: string): string {
  return `${NUL}L${page}${SEP}${id}${SEP}${href}${NUL}`;
}

const TARGET = /\u0000T([^\u0000]*)\u0000/g;

/**
 * The slugs of the marked headings read so far, and the links written with them. Read every
 * page with targets before writing links to them.
 */
export class AnchorIndex {
  /** page → heading id → slug */
  readonly #pages = new Map<string, Map<string, string>>();
  /** links that named an unknown heading (written as the page itself), `path → page#id` */
  readonly missing: string[] = [];

  /** Records the slug of the heading `id` of `page` (see PageAnchors). */
  define(page: string, id: string, slug: string): void {
    this.#page(page).set(id, slug);
  }

  /** Takes the slugs of all of `page`'s headings, by id (see PageAnchors). */
  definePage(page: string, slugs: Map<string, string>): void {
    const known = this.#pages.get(page);
    if (known) for (const [id, slug] of slugs) known.set(id, slug);
    else this.#pages.set(page, slugs);
  }

  /** The slugs of `page`'s headings, by id (to fill in). */
  #page(page: string): Map<string, string> {
    let slugs = this.#pages.get(page);
    if (!slugs) this.#pages.set(page, (slugs = new Map()));
    return slugs;
  }

  /**
   * The link destination to the heading `id` of `page`, as `write` writes a link marker to it
   * (`href#slug`, or `href` listed in `missing`), without the marker; `from`: the linking file.
   */
  link(from: string, page: string, id: string, href: string): string {
    const slug = this.#pages.get(page)?.get(id);
    if (slug !== undefined) return `${href}#${slug}`;
    this.missing.push(`${from} → ${page}#${id}`);
    return href;
  }

  /** Records the slugs of the marked headings of `content` (`page`: its package path). */
  read(page: string, content: string): void {
    if (content.includes(`${NUL}T`)) collectTargets(content, this.#page(page));
  }

  /**
   * `content` (of the file `path`) without target markers, its link markers written as
   * `href#slug`. A link to a heading not read yet is written as `href` (and listed in
   * `missing`); with `partial`, it is kept as a marker for a later write, and so are targets.
   */
  write(path: string, content: string, partial = false): string {
    return content.includes(NUL) ? replaceMarkers(path, content, this.#pages, partial ? undefined : this.missing) : content;
  }
}

/**
 * Replaces every marker in the Markdown files of `files` (in place). Returns the links that
 * named an unknown heading (they fall back to the page itself). The index keeps the slugs,
 * for links written later (`index.write`).
 *
 * Linear in the size of the docs: only pages with a target marker have their headings read,
 * and each marked page is rewritten once, markers found with `indexOf`.
 */
export function resolveAnchors(files: Map<string, string>, index = new AnchorIndex()): string[] {
  const marked: string[] = [];
  for (const [path, content] of files) {
    if (!path.endsWith('.md') || !content.includes(NUL)) continue;
    marked.push(path);
    index.read(path, content);
  }
  for (const path of marked) files.set(path, index.write(path, files.get(path)!));
  return index.missing;
}

/** The content without its target markers and with its link markers written as `href#slug`. */
function replaceMarkers(path: string, content: string, pages: Map<string, Map<string, string>>, missing: string[] | undefined): string {
  let out = '';
  let from = 0;
  for (let at = content.indexOf(NUL); at !== -1; at = content.indexOf(NUL, from)) {
    const end = content.indexOf(NUL, at + 1);
    if (end === -1) break;
    const kind = content.charCodeAt(at + 1);
    if (kind === 84 /* T */) {
      // a partial write keeps targets: their page is read later
      out += content.slice(from, missing ? at : end + 1);
      from = end + 1;
      continue;
    }
    // `L page SEP id SEP href`
    const sep1 = content.indexOf(SEP, at + 2);
    const sep2 = sep1 === -1 || sep1 > end ? -1 : content.indexOf(SEP, sep1 + 1);
    const sep3 = sep2 === -1 || sep2 > end ? -1 : content.indexOf(SEP, sep2 + 1);
    if (kind !== 76 /* L */ || sep2 === -1 || sep2 > end || (sep3 !== -1 && sep3 < end)) {
      // not a marker oagen wrote: left as it is
      out += content.slice(from, end);
      from = end;
      continue;
    }
    const slug = pages.get(content.slice(at + 2, sep1))?.get(content.slice(sep1 + 1, sep2));
    if (slug === undefined && !missing) {
      out += content.slice(from, end + 1);
      from = end + 1;
      continue;
    }
    const href = content.slice(sep2 + 1, end);
    if (slug === undefined) missing!.push(`${path} → ${content.slice(at + 2, sep1)}#${content.slice(sep1 + 1, sep2)}`);
    out += content.slice(from, at) + (slug === undefined ? href : `${href}#${slug}`);
    from = end + 1;
  }
  return from === 0 ? content : out + content.slice(from);
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const HEADING = /^ {0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;

/** Reads the headings of one page in order and records the slugs of the marked ones, by id. */
function collectTargets(content: string, slugs: Map<string, string>): void {
  new HeadingScanner(new Slugger(), (id, slug) => slugs.set(id, slug)).scan(content);
}

/**
 * Reads headings (ATX and setext, outside code fences) in order, giving each to the
 * slugger; the ids of target markers in a heading get its slug. A line starting with a
 * letter (prose) or `|` (a table row) is classified by its first character; other lines by
 * the regular expressions above. Text is read in blocks: each `scan` starts a paragraph, so
 * a block must follow a blank line; an open fence carries over to the next block.
 */
class HeadingScanner {
  /** the open code fence, if any */
  fence: string | undefined;
  readonly #slugger: Slugger;
  readonly #target: (id: string, slug: string) => void;

  constructor(slugger: Slugger, target: (id: string, slug: string) => void) {
    this.#slugger = slugger;
    this.#target = target;
  }

  scan(content: string): void {
    // one line of prose (most descriptions): no heading, and no fence to open or close
    if (isLetter(content.charCodeAt(0)) && !content.includes('\n')) return;
    const slugger = this.#slugger;
    let fence = this.fence;
    // the paragraph so far: content.slice(paraStart, paraEnd), one or more lines (-1: none)
    let paraStart = -1;
    let paraEnd = -1;
    for (let at = 0; at <= content.length; ) {
      let end = content.indexOf('\n', at);
      if (end === -1) end = content.length;
      const lineStart = at;
      at = end + 1;
      const c = content.charCodeAt(lineStart);
      if (fence && !mayBeFence(content, lineStart, end)) continue;
      if (isLetter(c)) {
        // prose: no fence, setext underline or heading; a paragraph line
        if (fence) continue;
        if (paraStart === -1) paraStart = lineStart;
        paraEnd = end;
        continue;
      }
      if (c === 124 /* | */) {
        if (!fence) paraStart = -1;
        continue;
      }
      const line = content.slice(lineStart, end);
      let f = line.length >= 3 && (c === 96 || c === 126 || c === 32) ? FENCE.exec(line) : null;
      // as in CommonMark (and markdownText): an opening backtick fence has no backtick after it
      if (f && !fence && f[1][0] === '`' && line.indexOf('`', f[0].length) !== -1) f = null;
      if (f) {
        if (!fence) fence = f[1];
        else if (f[1][0] === fence[0] && f[1].length >= fence.length && line.trim() === f[1]) fence = undefined;
        paraStart = -1;
        continue;
      }
      if (fence) continue;
      // a setext heading (paragraph text over `---` or `===`) counts too; oagen writes only ATX ones
      if (paraStart !== -1 && SETEXT.test(line)) {
        slugger.slug(headingText(content.slice(paraStart, paraEnd).split('\n').join(' ')));
        paraStart = -1;
        continue;
      }
      // an ATX heading starts with 0–3 spaces and a `#` (a `#` later in the line, as in links, is not one)
      const h = c === 35 /* # */ ? atxText(line) : c === 32 && /^ {1,3}#/.test(line) ? headingOf(line) : undefined;
      if (h !== undefined) {
        if (!h.includes(NUL)) {
          slugger.slug(headingText(h));
        } else {
          const ids: string[] = [];
          const text = h.replace(TARGET, (_, id: string) => (ids.push(id), ''));
          const slug = slugger.slug(headingText(text));
          for (const id of ids) this.#target(id, slug);
        }
        paraStart = -1;
        continue;
      }
      if (isParagraphLine(line)) {
        if (paraStart === -1) paraStart = lineStart;
        paraEnd = end;
      } else {
        paraStart = -1;
      }
    }
    this.fence = fence;
  }
}

/**
 * The anchors of one page built in order (see the top of this file): `heading` and `prose`
 * in the order the page shows them, then `link` to any heading given so far. When spec prose
 * leaves a code fence open (the reader would then take oagen's text after it for code), the
 * page is not `exact`: build it again with markers (`markers: true`) and let the
 * AnchorIndex read it.
 */
export class PageAnchors {
  readonly #page: string;
  readonly #markers: boolean;
  readonly #slugger = new Slugger();
  readonly #scanner: HeadingScanner;
  readonly #slugs = new Map<string, string>();
  /** links asked for before their heading was given: written as markers (see `pending`) */
  #pending = false;

  constructor(page: string, markers = false) {
    this.#page = page;
    this.#markers = markers;
    this.#scanner = new HeadingScanner(this.#slugger, () => undefined);
  }

  /** False when prose left a code fence open: the slugs given may be wrong. */
  get exact(): boolean {
    return this.#scanner.fence === undefined;
  }

  /** True when some link is a marker: write the page through the AnchorIndex. */
  get pending(): boolean {
    return this.#pending || this.#markers;
  }

  /** A heading oagen writes (`text` as on the heading line), with the id links name it by (if any); returns what to append to the heading line. */
  heading(text: string, id?: string): string {
    if (this.#markers) return id === undefined ? '' : anchorTarget(id);
    const slug = this.#slugger.slug(headingText(text));
    if (id !== undefined) this.#slugs.set(id, slug);
    return '';
  }

  /**
   * `heading` with an id, also returning the link destination to it from this page (a link
   * written at once, no lookup); `publish`: other pages link to it too (see `publish`).
   */
  anchor(text: string, id: string, publish: boolean): { suffix: string; link: string } {
    if (this.#markers) return { suffix: anchorTarget(id), link: anchorLink(this.#page, id, '') };
    const slug = this.#slugger.slug(headingText(text));
    if (publish) this.#slugs.set(id, slug);
    return { suffix: '', link: `#${slug}` };
  }

  /** Spec prose shown as a block between headings (after a blank line, before one). */
  prose(markdown: string): void {
    if (!this.#markers && markdown !== '') this.#scanner.scan(markdown);
  }

  /** A link destination to a heading of this page: `#slug`. */
  link(id: string): string {
    const slug = this.#markers ? undefined : this.#slugs.get(id);
    if (slug !== undefined) return `#${slug}`;
    this.#pending = true;
    return anchorLink(this.#page, id, '');
  }

  /** Gives the AnchorIndex the slugs, for links from other pages. */
  publish(index: AnchorIndex): void {
    if (!this.#markers) index.definePage(this.#page, this.#slugs);
  }
}

/**
 * The text of an ATX heading line that starts with `#` (HEADING's first group, '' for an
 * empty heading), or undefined when the line is not a heading. Lines oagen writes
 * (`## listUsers`, no closing `#`s, no trailing blanks) are read without the regex.
 */
function atxText(line: string): string | undefined {
  let n = 1;
  while (n < line.length && line.charCodeAt(n) === 35) n++;
  const next = line.charCodeAt(n);
  if (n <= 6 && next === 32 && line.indexOf('#', n) === -1 && !/[\r\u2028\u2029]/.test(line)) {
    const last = line.charCodeAt(line.length - 1);
    let from = n + 1;
    while (from < line.length && (line.charCodeAt(from) === 32 || line.charCodeAt(from) === 9)) from++;
    if (last !== 32 && last !== 9 && from < line.length) return line.slice(from);
  }
  return headingOf(line);
}

/** HEADING's text of `line` ('' for an empty heading), or undefined when it is not a heading. */
function headingOf(line: string): string | undefined {
  const h = HEADING.exec(line);
  return h ? (h[1] ?? '') : undefined;
}

/** An ASCII letter: a line starting with one is prose. */
function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** The line at `start` has a backtick or a tilde after at most three spaces, and three characters. */
function mayBeFence(content: string, start: number, end: number): boolean {
  if (end - start < 3) return false;
  for (let i = start; i < start + 4 && i < end; i++) {
    const c = content.charCodeAt(i);
    if (c === 96 || c === 126) return true;
    if (c !== 32) return false;
  }
  return false;
}

/** A line that can be (the last line of) a paragraph: not blank, not another block's marker. */
function isParagraphLine(line: string | undefined): boolean {
  return !!line && line.trim() !== '' && !/^ {0,3}(#|>|[-*+] |\d+[.)] |\||`{3,}|~{3,}|(=+|-+)[ \t]*$)/.test(line) && !/^ {4}/.test(line);
}

/** The text GitHub slugs: links' and images' text, without their destinations. */
function headingText(markdown: string): string {
  if (!markdown.includes('[')) return markdown.trim();
  return markdown.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1').trim();
}
