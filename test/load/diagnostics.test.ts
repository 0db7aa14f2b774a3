import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Diagnostics, displayPath, formatDiagnostic, OagenError, type Diagnostic } from '../../src/diagnostics.js';

describe('formatDiagnostic', () => {
  const cases: Array<{ given: Diagnostic; want: string }> = [
    {
      given: { code: 'E_REF_MISSING', severity: 'error', message: "$ref '#/components/schemas/Nope' does not exist", file: 'specs/x.yaml', pointer: '#/paths/~1users/get/responses/200', line: 12, column: 5 },
      want: "specs/x.yaml:12:5 error E_REF_MISSING #/paths/~1users/get/responses/200: $ref '#/components/schemas/Nope' does not exist",
    },
    { given: { code: 'W_NAME_CLASH', severity: 'warning', message: 'renamed', file: 'a.json', line: 3 }, want: 'a.json:3 warning W_NAME_CLASH: renamed' },
    { given: { code: 'I_X', severity: 'info', message: 'note', file: 'a.json' }, want: 'a.json info I_X: note' },
    { given: { code: 'E_X', severity: 'error', message: 'no place' }, want: 'error E_X: no place' },
    { given: { code: 'E_X', severity: 'error', message: 'm', pointer: '#/a' }, want: 'error E_X #/a: m' },
    // a hostile spec cannot rewrite the terminal through a message
    { given: { code: 'E_X', severity: 'error', message: 'a\u001b[2Jb\nc\u202ed\u0000' }, want: 'error E_X: a\\u001b[2Jb\\nc\\u202ed\\u0000' },
    { given: { code: 'E_X', severity: 'error', message: 'm', pointer: '#/paths/~1a\r\n' }, want: 'error E_X #/paths/~1a\\r\\n: m' },
  ];
  it.each(cases)('$want', ({ given, want }) => expect(formatDiagnostic(given)).toBe(want));
});

describe('Diagnostics', () => {
  it('collects in order, with severities', () => {
    const d = new Diagnostics();
    d.info('I_A', 'a');
    d.warn('W_B', 'b', '#/x');
    d.error('E_C', 'c');
    expect(d.list.map((x) => [x.severity, x.code])).toEqual([
      ['info', 'I_A'],
      ['warning', 'W_B'],
      ['error', 'E_C'],
    ]);
    expect(d.errors).toHaveLength(1);
    expect(d.warnings).toHaveLength(1);
  });

  it('hasErrors: strict counts warnings', () => {
    const d = new Diagnostics();
    expect(d.hasErrors()).toBe(false);
    d.info('I', 'i');
    expect(d.hasErrors(true)).toBe(false);
    d.warn('W', 'w');
    expect(d.hasErrors()).toBe(false);
    expect(d.hasErrors(true)).toBe(true);
    d.error('E', 'e');
    expect(d.hasErrors()).toBe(true);
  });

  it('locates lazily, once, when the list is read', () => {
    const asked: string[] = [];
    const d = new Diagnostics((pointer) => {
      asked.push(pointer);
      return pointer === '#/missing' ? undefined : { file: 'specs/a.yaml', line: pointer.length, column: 2 };
    });
    d.warn('W', 'w', '#/abc');
    d.error('E', 'e', '#/missing');
    d.error('E', 'no pointer');
    expect(asked).toEqual([]);
    const list = d.list;
    expect(list[0]).toMatchObject({ file: 'specs/a.yaml', line: 5, column: 2 });
    expect(list[1].line).toBeUndefined();
    expect(list[2].file).toBeUndefined();
    void d.list;
    expect(asked).toEqual(['#/abc', '#/missing']);
  });

  it('a diagnostic is located with the locator current when it was added', () => {
    const d = new Diagnostics();
    d.warn('W_EARLY', 'before any locator', '#/a');
    d.setLocator(() => ({ file: 'first.yaml', line: 1 }));
    d.warn('W_FIRST', 'x', '#/a');
    d.setLocator(() => ({ file: 'second.yaml', line: 2 }));
    d.warn('W_SECOND', 'y', '#/a');
    expect(d.list.map((x) => [x.code, x.file, x.line])).toEqual([
      ['W_EARLY', 'first.yaml', 1],
      ['W_FIRST', 'first.yaml', 1],
      ['W_SECOND', 'second.yaml', 2],
    ]);
  });

  it('a locator that throws never hides the diagnostic', () => {
    const d = new Diagnostics(() => {
      throw new Error('boom');
    });
    d.error('E', 'e', '#/x');
    expect(d.list).toEqual([{ code: 'E', severity: 'error', message: 'e', pointer: '#/x' }]);
  });

  it('throwIfErrors throws an OagenError with every diagnostic', () => {
    const d = new Diagnostics();
    d.warn('W', 'w');
    d.throwIfErrors();
    expect(() => d.throwIfErrors(true)).toThrow(OagenError);
    d.error('E', 'e');
    try {
      d.throwIfErrors();
    } catch (e) {
      expect(e).toBeInstanceOf(OagenError);
      expect((e as OagenError).exitCode).toBe(1);
      expect((e as OagenError).diagnostics.map((x) => x.code)).toEqual(['W', 'E']);
      expect((e as OagenError).message).toBe('error E: e');
    }
  });
});

describe('displayPath', () => {
  const cwd = '/work/project';
  const cases: Array<{ given: string; want: string }> = [
    { given: 'specs/a.yaml', want: 'specs/a.yaml' },
    { given: '/work/project/specs/a.yaml', want: 'specs/a.yaml' },
    { given: '/elsewhere/a.yaml', want: '/elsewhere/a.yaml' },
    { given: '/work/project-other/a.yaml', want: '/work/project-other/a.yaml' },
    { given: join(cwd, '..', 'x.yaml'), want: '/work/x.yaml' },
  ];
  it.each(cases)('$given', ({ given, want }) => expect(displayPath(given, cwd)).toBe(want));
});
