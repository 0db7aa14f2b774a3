import { describe, expect, it } from 'vitest';
import { classify, classifyGeneration, diagnosticSummary, locatesDefect, type GenerationOutcome, type GenerationVerdict } from './classify.js';

const base: GenerationOutcome = { code: 0, signal: null, timedOut: false, timeoutMs: 60_000, stdout: '', stderr: '', outputComplete: true };
const STACK = 'TypeError: x is undefined\n    at walk (file:///w/dist/parse/schema.js:12:3)';

describe('classifyGeneration', () => {
  const cases: Array<[string, Partial<GenerationOutcome>, GenerationVerdict]> = [
    ['exit 0 with output', {}, { status: 'generated' }],
    ['exit 0 with warnings', { stderr: 'warning W003 #/paths/~1a: unused' }, { status: 'generated' }],
    ['exit 0, output missing', { outputComplete: false }, { status: 'crash', reason: 'exit 0 but package.json, tsconfig.json or src/index.ts missing' }],
    [
      'exit 1 with a diagnostic',
      { code: 1, stderr: 'error E001 #/paths/~1users/get/responses: no responses' },
      { status: 'spec-error', reason: 'error E001 #/paths/~1users/get/responses: no responses' },
    ],
    ['exit 1, silent', { code: 1 }, { status: 'crash', reason: 'exit 1 without a diagnostic' }],
    ['exit 1 with a stack trace', { code: 1, stderr: STACK }, { status: 'crash', reason: 'exit 1 with a stack trace: TypeError: x is undefined' }],
    ['exit 0 with a stack trace', { stdout: STACK }, { status: 'crash', reason: 'exit 0 with a stack trace: TypeError: x is undefined' }],
    ['exit 2', { code: 2, stderr: 'unknown flag --spec' }, { status: 'crash', reason: 'exit 2 (usage error): unknown flag --spec' }],
    ['exit 3', { code: 3, stderr: 'internal error: invariant broken' }, { status: 'crash', reason: 'exit 3 (internal error): internal error: invariant broken' }],
    ['other exit code', { code: 134, stderr: 'FATAL ERROR: Reached heap limit' }, { status: 'crash', reason: 'exit 134: FATAL ERROR: Reached heap limit' }],
    ['signal', { code: null, signal: 'SIGSEGV' }, { status: 'crash', reason: 'killed by SIGSEGV' }],
    ['timeout', { code: null, signal: 'SIGKILL', timedOut: true }, { status: 'crash', reason: 'timeout after 60 s' }],
  ];
  it.each(cases)('%s', (_, given, want) => {
    expect(classifyGeneration({ ...base, ...given })).toEqual(want);
  });
});

describe('classify', () => {
  const cases: Array<[string, GenerationVerdict, Parameters<typeof classify>[1], ReturnType<typeof classify>]> = [
    ['compiles', { status: 'generated' }, { ok: true, errorCount: 0, firstErrors: [] }, { status: 'compiles' }],
    [
      'type errors keep the first errors',
      { status: 'generated' },
      { ok: false, errorCount: 7, firstErrors: ['src/a.ts(1,1): error TS2304: Cannot find name "X".'] },
      { status: 'type-errors', reason: 'src/a.ts(1,1): error TS2304: Cannot find name "X".', errorCount: 7, firstErrors: ['src/a.ts(1,1): error TS2304: Cannot find name "X".'] },
    ],
    ['generation verdict passes through', { status: 'spec-error', reason: 'error: bad' }, undefined, { status: 'spec-error', reason: 'error: bad' }],
    ['generated but never checked', { status: 'generated' }, undefined, { status: 'crash', reason: 'generated but not type-checked' }],
  ];
  it.each(cases)('%s', (_, gen, tsc, want) => {
    expect(classify(gen, tsc)).toEqual(want);
  });
});

describe('diagnosticSummary', () => {
  it('prefers error lines and joins the first three', () => {
    const text = 'reading spec\nerror A\nwarning B\nerror C\nerror D\nerror E';
    expect(diagnosticSummary(text)).toBe('error A · error C · error D');
  });
  it('falls back to any lines', () => {
    expect(diagnosticSummary('the spec has no paths\n')).toBe('the spec has no paths');
  });
  it('is empty for empty output', () => {
    expect(diagnosticSummary('  \n')).toBe('');
  });
});

describe('locatesDefect', () => {
  const cases: Array<[string, boolean]> = [
    ['error E001 #/components/schemas/Pet: unresolved $ref', true],
    ['spec.yaml:12:4: duplicate key', true],
    ['error: bad spec', false],
  ];
  it.each(cases)('%s', (reason, want) => {
    expect(locatesDefect(reason)).toBe(want);
  });
});
