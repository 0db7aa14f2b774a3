/**
 * The one code fence rule (openingFence / closesFence, CommonMark 0.31 §4.5) and the
 * Markdown writers that use it: no spec text leaves a code block open in the docs, in
 * CHANGELOG.md or in `oagen diff --format markdown`. "Open" is judged by a real renderer
 * (`marked`): a sentinel paragraph after the text must still be a paragraph.
 */
import fc from 'fast-check';
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { entryBody, mergeChangelog, type EntryInput } from '../../src/changelog/entry.js';
import { markdownReport } from '../../src/diff/report/markdown.js';
import type { DiffResult } from '../../src/diff/types.js';
import { closesFence, markdownInline, markdownText, openingFence, type Fence } from '../../src/escape/index.js';

const SENTINEL = 'SENTINEL-PARAGRAPH';

/** `markdown` followed by a paragraph: does that paragraph survive as a top-level paragraph? */
function leavesNothingOpen(markdown: string): boolean {
  const tokens = marked.lexer(`${markdown}\n\n${SENTINEL}\n`);
  const last = tokens.filter((t) => t.type !== 'space').at(-1);
  return last?.type === 'paragraph' && last.raw.trim() === SENTINEL;
}

const BACKTICKS: Fence = { char: '`', length: 3 };
const TILDES: Fence = { char: '~', length: 3 };

describe('openingFence (CommonMark 0.31 §4.5)', () => {
  it.each<[string, string, Fence | undefined]>([
    ['three backticks', '```', BACKTICKS],
    ['an info string', '```ts title', BACKTICKS],
    ['tildes', '~~~', TILDES],
    ['a longer fence', '`````', { char: '`', length: 5 }],
    ['three spaces of indentation', '   ```', BACKTICKS],
    ['four spaces: indented code', '    ```', undefined],
    ['a tab: 4 columns, indented code', '\t```', undefined],
    ['a space then a tab: still 4 columns', ' \t```', undefined],
    ['three spaces then a tab', '   \t```', undefined],
    ['two backticks', '``', undefined],
    ['a backtick in a backtick fence info string', '```a`b', undefined],
    ['a backtick in a tilde fence info string', '~~~a`b', TILDES],
    ['mixed characters', '`~`', undefined],
    ['text first', 'a ```', undefined],
  ])('%s: %j', (_, line, want) => expect(openingFence(line)).toEqual(want));
});

describe('closesFence (CommonMark 0.31 §4.5)', () => {
  it.each<[string, string, Fence, boolean]>([
    ['the same fence', '```', BACKTICKS, true],
    ['a longer one', '`````', BACKTICKS, true],
    ['a shorter one', '``', BACKTICKS, false],
    ['the other character', '~~~', BACKTICKS, false],
    ['three spaces of indentation', '   ```', BACKTICKS, true],
    ['four spaces: code', '    ```', BACKTICKS, false],
    ['a tab-indented fence: code', '\t```', BACKTICKS, false],
    ['a tab after spaces: code', '  \t```', BACKTICKS, false],
    ['trailing spaces and tabs', '``` \t ', BACKTICKS, true],
    ['an info string: not a closing fence', '``` ts', BACKTICKS, false],
    ['shorter than a long opening fence', '```', { char: '`', length: 4 }, false],
    ['tildes', '~~~~', TILDES, true],
  ])('%s: %j', (_, line, fence, want) => expect(closesFence(line, fence)).toBe(want));
});

describe('markdownText closes what the text leaves open, by the one rule', () => {
  it.each<[string, string, string]>([
    ['a tab-indented closing fence is code: the block is closed after it', '```\ncode\n\t```', '```\ncode\n\t```\n```'],
    ['a closing fence indented four spaces is code', '```\ncode\n    ```\nafter', '```\ncode\n    ```\nafter\n```'],
    ['three spaces close', '```\ncode\n   ```\nafter', '```\ncode\n   ```\nafter'],
    ['trailing spaces and tabs after a closing fence are dropped', '```\ncode\n``` \t\nafter', '```\ncode\n```\nafter'],
    ['a shorter fence does not close a longer one', '````\ncode\n```', '````\ncode\n```\n````'],
    ['tildes close tildes only', '~~~\ncode\n```', '~~~\ncode\n```\n~~~'],
    ['a tab-indented opening fence is not a fence', 'text\n\t```\n<b>', 'text\n\t```\n&lt;b&gt;'],
    ['an unclosed fence is closed', 'text\n\n```js\ncode', 'text\n\n```js\ncode\n```'],
    ['HTML inside code stays literal (inert if active)', '```\n<img src=x>\n```', '```\n&lt;img src=x>\n```'],
  ])('%s', (_, given, want) => {
    expect(markdownText(given)).toBe(want);
    expect(leavesNothingOpen(markdownText(given))).toBe(true);
  });

  // random text of fence pieces, without list markers (a fence inside a list item is not tracked: see markdownText)
  const PIECES = ['```', '~~~', '````', '`', '~', ' ', '   ', '    ', '\t', '\n', '\n\n', 'a', 'code', 'js', '<b>', '#', '\r\n', '\u2028'];
  const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 24 }).map((p) => p.join(''));
  it('on random text of fence pieces, nothing is left open', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(leavesNothingOpen(markdownText(s))).toBe(true);
        expect(leavesNothingOpen(`- ${markdownInline(s)}`)).toBe(true);
        expect(leavesNothingOpen(`text ${markdownInline(s)}`)).toBe(true);
      }),
      { seed: 20261204, numRuns: Number(process.env.FUZZ_RUNS ?? 500) },
    );
  });
});

describe('markdownInline: prose inside a line', () => {
  it.each<[string, string, string]>([
    ['plain text as it is', 'Lists the users.', 'Lists the users.'],
    ['line breaks become spaces', 'a\nb\r\nc', 'a b c'],
    ['a fence at its start is escaped', '```js\ncode', '\\```js code'],
    ['after spaces too', '  ~~~', '  \\~~~'],
    ['a fence later in the text is not a block', 'see ```x```', 'see ```x```'],
    ['HTML made inert, code spans kept', '<b> `<T>`', '&lt;b&gt; `<T>`'],
  ])('%s', (_, given, want) => expect(markdownInline(given)).toBe(want));
});

/** A description with a code fence a tab-indented line does not close (the bug of issue 14). */
const DESCRIPTION = 'Lists the users.\n\n```json\n{"a": 1}\n\t```\nMore text after.';
/** more spec and error texts with fences */
const TEXTS = [DESCRIPTION, '```\nunclosed', '~~~\ncode\n    ~~~', 'a\n\t```\nb', '```js\nx\n```  \t'];

describe('CHANGELOG.md leaves no block open', () => {
  it.each(TEXTS)('with %j in its spec and judge texts', (text) => {
    const input: EntryInput = {
      version: '2.0.0',
      previousVersion: '1.0.0',
      api: { title: text, version: text },
      verdict: {
        semver: 'major',
        reasons: [text, 'one export removed'],
        exports: [
          { name: 'listUsers', kind: 'value', change: 'incompatible', detail: text },
          { name: 'User', kind: 'type', change: 'removed' },
        ],
        files: [],
        typeChecked: true,
      } as EntryInput['verdict'],
      renames: [],
      plan: { aliases: [], added: [], dropped: [], lost: [], reused: [] },
      pinned: false,
      untilMajor: true,
    };
    const older = '# Changelog\n\nIntro.\n\n## 1.0.0\n\nFirst.\n';
    const changelog = mergeChangelog(older, '2.0.0', entryBody(input));
    expect(leavesNothingOpen(changelog)).toBe(true);
    // the older entry's heading is still a heading
    expect(marked.lexer(changelog).some((t) => t.type === 'heading' && t.text === '1.0.0')).toBe(true);
  });
});

describe('oagen diff --format markdown leaves no block open', () => {
  it.each(TEXTS)('with %j in its spec and judge texts', (text) => {
    const side = { source: text, title: text, version: text, operations: 1, schemas: 1 };
    const report = (r: Partial<DiffResult>): string =>
      markdownReport({
        semver: 'major',
        contract: { breaking: 1, warning: 0, info: 1 },
        changes: [
          { rule: 'operation-removed', severity: 'breaking', pointer: '#/paths/~1users/get', operations: ['GET /users'], message: text, symbols: ['listUsers'] },
          { rule: 'description-changed', severity: 'info', pointer: '#/paths/~1users/get/description', operations: ['GET /users'], message: text, symbols: [] },
        ],
        old: side,
        new: side,
        timings: { load: 0, diff: 0 },
        ...r,
      } as DiffResult);
    for (const md of [
      report({ clientError: text }),
      report({ client: { semver: 'major', reasons: [text, text], exports: [{ name: 'listUsers', kind: 'value', change: 'incompatible', detail: text }], ms: 0 } as DiffResult['client'] }),
    ]) {
      expect(leavesNothingOpen(md)).toBe(true);
    }
  });
});
