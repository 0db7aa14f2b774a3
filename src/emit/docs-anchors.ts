/**
 * Links to headings across the generated docs, resolved after every page rendered.
 *
 * A heading's anchor is what GitHub (and npm) compute from its text, numbered by the
 * headings before it in the same document, spec text included (a description may hold
 * headings). Rather than predicting that, a heading carries a target marker with a stable
 * id (`op:GET /users`, `readme:errors`) and a link carries a link marker naming the page and
 * the id; `resolveAnchors` then reads each page's headings in order, computes their slugs,
 * strips the markers and writes the links. The markers are delimited by NUL, which the
 * escaping layer removes from every spec string, so spec text can never forge one.
 */
import { Slugger } from './docs-markdown.js';

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
const LINK = /\u0000L([^\u0000\u0001]*)\u0001([^\u0000\u0001]*)\u0001([^\u0000\u0001]*)\u0000/g;

/**
 * Replaces every marker in the Markdown files of `files` (in place). Returns the links that
 * named an unknown heading (they fall back to the page itself).
 */
export function resolveAnchors(files: Map<string, string>): string[] {
  const slugs = new Map<string, string>();
  for (const [path, content] of files) {
    if (!path.endsWith('.md') || !content.includes(NUL)) continue;
    files.set(path, collectTargets(path, content, slugs));
  }
  const missing: string[] = [];
  for (const [path, content] of files) {
    if (!path.endsWith('.md') || !content.includes(NUL)) continue;
    files.set(
      path,
      content.replace(LINK, (_, page: string, id: string, href: string) => {
        const slug = slugs.get(`${page}${SEP}${id}`);
        if (slug === undefined) {
          missing.push(`${path} → ${page}#${id}`);
          return href;
        }
        return `${href}#${slug}`;
      }),
    );
  }
  return missing;
}

/** Reads the headings of one page in order, records the slugs of the marked ones, strips the marks. */
function collectTargets(page: string, content: string, slugs: Map<string, string>): string {
  const slugger = new Slugger();
  let fence: string | undefined;
  let paragraph: string[] = [];
  for (let at = 0; at <= content.length; ) {
    let end = content.indexOf('\n', at);
    if (end === -1) end = content.length;
    const line = content.slice(at, end);
    at = end + 1;
    const f = line.length >= 3 && (line.charCodeAt(0) === 96 || line.charCodeAt(0) === 126 || line.charCodeAt(0) === 32) ? /^ {0,3}(`{3,}|~{3,})/.exec(line) : null;
    if (f) {
      if (!fence) fence = f[1];
      else if (f[1][0] === fence[0] && f[1].length >= fence.length && line.trim() === f[1]) fence = undefined;
      paragraph = [];
      continue;
    }
    if (fence) continue;
    // a setext heading (paragraph text over `---` or `===`) counts too; oagen writes only ATX ones
    if (paragraph.length > 0 && /^ {0,3}(=+|-+)[ \t]*$/.test(line)) {
      slugger.slug(headingText(paragraph.join(' ')));
      paragraph = [];
      continue;
    }
    const h = line.includes('#') ? /^ {0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/.exec(line) : null;
    if (h) {
      const ids: string[] = [];
      const text = (h[1] ?? '').replace(TARGET, (_, id: string) => (ids.push(id), ''));
      const slug = slugger.slug(headingText(text));
      for (const id of ids) slugs.set(`${page}${SEP}${id}`, slug);
      paragraph = [];
      continue;
    }
    if (isParagraphLine(line)) paragraph.push(line);
    else paragraph = [];
  }
  return content.replace(TARGET, '');
}

/** A line that can be (the last line of) a paragraph: not blank, not another block's marker. */
function isParagraphLine(line: string | undefined): boolean {
  return !!line && line.trim() !== '' && !/^ {0,3}(#|>|[-*+] |\d+[.)] |\||`{3,}|~{3,}|(=+|-+)[ \t]*$)/.test(line) && !/^ {4}/.test(line);
}

/** The text GitHub slugs: links' and images' text, without their destinations. */
function headingText(markdown: string): string {
  return markdown.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1').trim();
}
