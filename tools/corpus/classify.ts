/**
 * Classify one corpus spec from what oagen and tsc did:
 *   compiles     oagen exit 0 and the package type-checks (TypeScript 7, strict)
 *   spec-error   oagen exit 1 with a diagnostic (the spec's defect, reported clearly)
 *   crash        exit 3 or any other code, a signal, a timeout, exit 1 without a diagnostic,
 *                missing output, or a stack trace anywhere in the output
 *   type-errors  generated, but tsc reports errors
 */
import { firstErrorLine, hasStackTrace, stripAnsi } from '../bench/lib/output-text.js';

export type CorpusStatus = 'compiles' | 'spec-error' | 'crash' | 'type-errors';

export const STATUSES: readonly CorpusStatus[] = ['compiles', 'spec-error', 'crash', 'type-errors'];

export interface GenerationOutcome {
  code: number | null;
  signal: string | null;
  timedOut: boolean;
  timeoutMs: number;
  stdout: string;
  stderr: string;
  /** package.json, tsconfig.json and src/index.ts were written. */
  outputComplete: boolean;
}

export type GenerationVerdict = { status: 'generated' } | { status: 'spec-error' | 'crash'; reason: string };

const EXIT_MEANING: Record<number, string> = { 2: 'usage error', 3: 'internal error' };

export function classifyGeneration(g: GenerationOutcome): GenerationVerdict {
  const text = `${g.stderr}\n${g.stdout}`;
  if (g.timedOut) return { status: 'crash', reason: `timeout after ${Math.round(g.timeoutMs / 1000)} s` };
  if (g.signal) return { status: 'crash', reason: `killed by ${g.signal}${line(text)}` };
  if (hasStackTrace(text)) return { status: 'crash', reason: `exit ${g.code} with a stack trace${line(text)}` };
  if (g.code === 0) {
    return g.outputComplete ? { status: 'generated' } : { status: 'crash', reason: `exit 0 but package.json, tsconfig.json or src/index.ts missing${line(text)}` };
  }
  if (g.code === 1) {
    const diagnostic = diagnosticSummary(text);
    return diagnostic ? { status: 'spec-error', reason: diagnostic } : { status: 'crash', reason: 'exit 1 without a diagnostic' };
  }
  const meaning = g.code !== null && EXIT_MEANING[g.code] ? ` (${EXIT_MEANING[g.code]})` : '';
  return { status: 'crash', reason: `exit ${g.code}${meaning}${line(text)}` };
}

function line(text: string): string {
  const first = firstErrorLine(text);
  return first ? `: ${first}` : '';
}

/** The diagnostic lines of a failed generation, first three, joined; '' when there are none. */
export function diagnosticSummary(text: string, max = 3): string {
  const lines = stripAnsi(text)
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  const errors = lines.filter((l) => /\berror\b/i.test(l));
  const chosen = (errors.length > 0 ? errors : lines).slice(0, max);
  const joined = chosen.join(' · ');
  return joined.length > 400 ? `${joined.slice(0, 399)}…` : joined;
}

/** Does a spec-error diagnostic point at a place in the spec (JSON pointer, path, line)? */
export function locatesDefect(reason: string): boolean {
  return /#\/|\/paths\/|\bpaths\b|\bcomponents\b|\bline \d+|:\d+:\d+|\$ref|\boperation\b|\bschema\b/i.test(reason);
}

export interface TypecheckOutcome {
  ok: boolean;
  errorCount: number;
  firstErrors: string[];
}

export interface CorpusVerdict {
  status: CorpusStatus;
  reason?: string;
  errorCount?: number;
  firstErrors?: string[];
}

export function classify(gen: GenerationVerdict, tsc: TypecheckOutcome | undefined): CorpusVerdict {
  if (gen.status !== 'generated') return { status: gen.status, reason: gen.reason };
  if (!tsc) return { status: 'crash', reason: 'generated but not type-checked' };
  if (tsc.ok) return { status: 'compiles' };
  return {
    status: 'type-errors',
    reason: tsc.firstErrors[0] ?? 'tsc failed without a diagnostic',
    errorCount: tsc.errorCount,
    firstErrors: tsc.firstErrors,
  };
}
