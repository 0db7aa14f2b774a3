/**
 * JSDoc prose wrapping (src/view/printer.ts): the fast path for single-spaced lines cuts the
 * same lines as the general one (`wrapLine`), which splits the line into words.
 */
import { describe, expect, it } from 'vitest';
import { docView, wrapLine } from '../../src/view/printer.js';

const LEAD = /^\s*(?:[-*+] |\d+\. )?/;
const WIDTH = 97; // docView at indent '': 100 columns less ` * `

function general(line: string): string[] {
  const out: string[] = [];
  wrapLine(line, LEAD.exec(line)![0], WIDTH, out);
  return out;
}

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function line(next: () => number): string {
  const leads = ['', '- ', '* ', '12. ', '  ', '    - '];
  let text = leads[Math.floor(next() * leads.length)]!;
  const words = 15 + Math.floor(next() * 40);
  for (let i = 0; i < words; i++) {
    const long = next() < 0.02;
    const length = long ? 90 + Math.floor(next() * 30) : 1 + Math.floor(next() * 12);
    if (i > 0) text += next() < 0.05 ? '  ' : ' '; // now and then a run of spaces (the general path)
    text += 'abcdefghijklmnopqrstuvwxyz'.slice(0, Math.min(26, length)).padEnd(length, 'x');
  }
  return next() < 0.05 ? `${text} ` : text;
}

describe('wrapping long JSDoc lines', () => {
  const next = random(14);
  const lines = Array.from({ length: 3000 }, () => line(next));
  it.each([
    ['words up to the width exactly', `${'a'.repeat(47)} ${'b'.repeat(49)} c`],
    ['a word longer than the width', `${'x'.repeat(120)} after`],
    ['a list item', `- ${'word '.repeat(40).trim()}`],
    ['a numbered item', `10. ${'word '.repeat(40).trim()}`],
  ])('%s', (_, text) => {
    expect(docView([text], '').lines).toEqual(general(text));
  });
  it('cuts 3,000 random lines as the general path does', () => {
    const long = lines.filter((l) => l.length > WIDTH);
    expect(long.length).toBeGreaterThan(2500);
    for (const l of long) expect(docView([l], '').lines, l).toEqual(general(l));
  });
  it('keeps every line within the width unless one word is longer', () => {
    for (const l of lines) {
      for (const out of docView([l], '').lines) {
        if (out.length > WIDTH) expect(out.replace(LEAD, '').split(/ +/).length, out).toBe(1); // a list marker, then one word
      }
    }
  });
});
