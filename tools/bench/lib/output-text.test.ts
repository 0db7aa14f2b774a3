import { describe, expect, it } from 'vitest';
import { firstErrorLine, hasStackTrace, tscErrorLines } from './output-text.js';

const NODE_CRASH = [
  'file:///x/bin/oagen.js:14',
  "    if (x) throw new Error('boom');",
  '           ^',
  '',
  'Error: boom',
  '    at parse (file:///x/src/parse.js:10:5)',
  '    at async main (file:///x/bin/oagen.js:3:1)',
  '',
  'Node.js v20.20.2',
].join('\n');

describe('hasStackTrace', () => {
  const cases: Array<[string, string, boolean]> = [
    ['node uncaught error', NODE_CRASH, true],
    ['frame without function name', 'TypeError: x\n    at /abs/path/file.js:1:2', true],
    ['node internal frame', 'Error\n    at node:internal/modules/run_main:1:1', true],
    ['plain diagnostic', 'error E012 #/paths/~1users/get: response has no schema', false],
    ['prose containing "at"', 'warning: look at the spec\n  at least one server is required', false],
  ];
  it.each(cases)('%s', (_, text, want) => {
    expect(hasStackTrace(text)).toBe(want);
  });
});

describe('firstErrorLine', () => {
  const cases: Array<[string, string, string]> = [
    ['node crash: the Error line, not the source excerpt', NODE_CRASH, 'Error: boom'],
    ['typed error', 'loading\nTypeError: cannot read x\n    at f (/a.js:1:1)', 'TypeError: cannot read x'],
    ['lower-case error prefix', 'info: start\nerror: spec has no paths', 'error: spec has no paths'],
    ['mention in the middle', 'step 1\nthe build failed here\nbye', 'the build failed here'],
    ['nothing error-like: last line', 'one\ntwo\n\n', 'two'],
    ['ansi colours removed', '\u001b[31mError: red\u001b[39m', 'Error: red'],
    ['empty', '', ''],
  ];
  it.each(cases)('%s', (_, text, want) => {
    expect(firstErrorLine(text)).toBe(want);
  });

  it('trims long lines', () => {
    expect(firstErrorLine(`Error: ${'x'.repeat(500)}`, 20)).toHaveLength(20);
  });
});

describe('tscErrorLines', () => {
  it('keeps only diagnostics', () => {
    const out = [
      'src/a.ts(1,7): error TS2322: Type "x" is not assignable to type "number".',
      '  more context',
      'error TS5083: Cannot read file tsconfig.json.',
      'Found 2 errors.',
    ].join('\n');
    expect(tscErrorLines(out)).toEqual([
      'src/a.ts(1,7): error TS2322: Type "x" is not assignable to type "number".',
      'error TS5083: Cannot read file tsconfig.json.',
    ]);
  });
});
