/**
 * Heading anchors known as a page is built (PageAnchors) agree with reading the finished
 * page (the AnchorIndex with markers), and every operation's links to its own sections land
 * in that operation, whatever headings the spec prose adds (fixtures/anchors.yaml).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AnchorIndex, PageAnchors } from '../../../src/plugins/docs/anchors.js';
import { renderClient } from '../../../src/generate.js';
import { brokenLinks, headingAnchors, ROOT } from './helpers.js';

/** A page as a template lays it out: headings and prose blocks between blank lines. */
type Block = { heading: string; level: number; id?: string } | { prose: string };

/** The links to every id, written by PageAnchors (direct) and through markers (read back). */
function links(blocks: Block[], ids: string[], markers: boolean): { page: string; links: string[]; exact: boolean } {
  const anchors = new PageAnchors('docs/A.md', markers);
  const lines: string[] = [];
  for (const b of blocks) {
    if ('prose' in b) {
      anchors.prose(b.prose);
      lines.push(b.prose);
    } else {
      lines.push(`${'#'.repeat(b.level)} ${b.heading}${anchors.heading(b.heading, ...(b.id ? [b.id] : []))}`);
    }
  }
  const written = ids.map((id) => anchors.link(id));
  let page = [...lines, ...written].join('\n\n');
  if (anchors.pending) {
    const index = new AnchorIndex();
    anchors.publish(index);
    index.read('docs/A.md', page);
    page = index.write('docs/A.md', page);
  }
  return { page, links: page.split('\n\n').slice(-ids.length), exact: anchors.exact };
}

const PAGES: [string, Block[]][] = [
  [
    'repeated section titles',
    [
      { heading: 'A', level: 1, id: 'top' },
      { heading: 'one', level: 2, id: 'op:1' },
      { heading: 'Example', level: 3, id: 'op:1:Example' },
      { heading: 'two', level: 2, id: 'op:2' },
      { heading: 'Example', level: 3, id: 'op:2:Example' },
    ],
  ],
  [
    'prose headings, setext ones, fenced lines and a fence line that is text',
    [
      { heading: 'A', level: 1, id: 'top' },
      { prose: '# Example\n\nExample\n---\n\n```\n# Example\n```\n\n```js `x`\n# Example' },
      { heading: 'Example', level: 3, id: 'ex' },
      { prose: 'Example\n===\ntext' },
      { heading: 'Example', level: 3, id: 'ex2' },
    ],
  ],
  [
    'headings that slug alike',
    [
      { heading: 'a', level: 2, id: 'a' },
      { prose: '## a-1\n\n## A' },
      { heading: 'a', level: 2, id: 'a2' },
      { heading: 'Größe (x)', level: 2, id: 'g' },
    ],
  ],
];

describe('PageAnchors', () => {
  it.each(PAGES)('agree with the page read back: %s', (_, blocks) => {
    const ids = blocks.flatMap((b) => ('id' in b && b.id ? [b.id] : []));
    const direct = links(blocks, ids, false);
    expect(direct.exact).toBe(true);
    expect(direct.links).toEqual(links(blocks, ids, true).links);
    expect(direct.links.every((l) => l.startsWith('#'))).toBe(true);
  });

  it('are not exact when prose leaves a fence open (the page is then built with markers)', () => {
    const { exact } = links([{ heading: 'A', level: 1, id: 'top' }, { prose: '```\ncode' }], ['top'], false);
    expect(exact).toBe(false);
  });

  it('write a link asked for before its heading as a marker, resolved by the index', () => {
    const anchors = new PageAnchors('docs/A.md');
    const early = anchors.link('later');
    const heading = `## Later${anchors.heading('Later', 'later')}`;
    expect(anchors.pending).toBe(true);
    const index = new AnchorIndex();
    anchors.publish(index);
    expect(index.write('docs/A.md', `${heading}\n\n[x](${early})`)).toBe('## Later\n\n[x](#later)');
  });
});

/** Each operation's `## fn` section of a page (its lines), with the anchors of the headings inside it. */
function operations(markdown: string, fns: string[]): { fn: string; slugs: Set<string>; text: string }[] {
  const lines = markdown.split('\n');
  const heads = headingAnchors(markdown);
  const starts = heads.filter((h) => fns.includes(lines[h.line].replace(/^## /, '')) && lines[h.line].startsWith('## '));
  return starts.map((h, i) => {
    const end = starts[i + 1]?.line ?? lines.length;
    return {
      fn: lines[h.line].slice(3),
      slugs: new Set(heads.filter((x) => x.line >= h.line && x.line < end).map((x) => x.slug)),
      text: lines.slice(h.line, end).join('\n'),
    };
  });
}

describe('docs of a spec whose prose has headings like oagen sections', () => {
  it('link every operation to its own sections, and nothing is broken', async () => {
    const { files } = await renderClient({ name: 'anchors', spec: join(ROOT, 'test/plugins/docs/fixtures/anchors.yaml'), output: join(ROOT, 'test/plugins/docs/tmp/never-written/anchors') });
    expect(brokenLinks(files)).toEqual([]);
    const page = files.get('docs/ThingsApi.md')!;
    const fns = [...page.matchAll(/^\| \[`(\w+)`\]/gm)].map((m) => m[1]);
    const ops = operations(page, fns);
    expect(ops.map((o) => o.fn).sort()).toEqual(['createThing', 'deleteThing', 'listThings']);
    for (const op of ops) {
      const own = [...op.text.matchAll(/\[(Responses|Parameters|Pagination)\]\(#([^)]+)\)/g)];
      expect(own.length, op.fn).toBeGreaterThan(0);
      for (const [, , slug] of own) expect(op.slugs.has(slug), `${op.fn} → #${slug}`).toBe(true);
    }
    // the methods table links each function to its own heading
    for (const m of page.matchAll(/\| \[`(\w+)`\]\(#([^)]+)\)/g)) expect(ops.find((o) => o.fn === m[1])!.slugs.has(m[2])).toBe(true);
  }, 60_000);
});
