/**
 * Full validation on request (`oagen validate`, `--validate`): swagger-parser's `validate()`
 * (the official JSON schema of the version, then its own spec rules) on a copy of the
 * document, its findings turned into diagnostics with pointers and positions.
 * This is slow on big specs (14 s on Microsoft Graph), hence never on the default path.
 */
import type { Diagnostic, Diagnostics, SourceLocation } from '../diagnostics.js';
import { refErrors } from './bundle.js';
import { escapeSegment } from './pointer.js';

/** Most findings reported for one spec; the rest are counted in one last diagnostic. */
const MAX_FINDINGS = 100;

interface AjvError {
  instancePath?: string;
  message?: string;
  params?: Record<string, unknown>;
  keyword?: string;
}

/**
 * Validate `doc` (as read, before any conversion: pointers are the source's). Findings are
 * added to `diagnostics` as errors; returns how many.
 */
export async function validateDocument(
  doc: Record<string, unknown>,
  file: string,
  diagnostics: Diagnostics,
  locate: (pointer: string) => SourceLocation | undefined,
): Promise<number> {
  const { default: SwaggerParser } = await import('@apidevtools/swagger-parser'); // slow to import: only when asked
  const copy = structuredClone(doc); // validate() dereferences in place
  const found: Diagnostic[] = [];
  try {
    await new SwaggerParser().validate(file, copy as never, { resolve: { http: false } } as never);
  } catch (e) {
    const details = (e as { details?: unknown }).details;
    if (Array.isArray(details)) found.push(...schemaErrors(details as AjvError[]));
    else {
      const refs = refErrors(e);
      if (refs.length > 0) found.push(...refs);
      else found.push(specRuleError(e instanceof Error ? e.message : String(e)));
    }
  }
  const kept = found.slice(0, MAX_FINDINGS);
  for (const d of kept) {
    if (d.pointer !== undefined && d.line === undefined) {
      const at = locate(d.pointer);
      if (at) {
        d.file ??= at.file;
        if (at.line !== undefined) d.line = at.line;
        if (at.column !== undefined) d.column = at.column;
      }
    }
    d.file ??= file;
    diagnostics.add(d);
  }
  if (found.length > kept.length) {
    diagnostics.add({
      code: 'E_SPEC_INVALID',
      severity: 'error',
      message: `${found.length - kept.length} more validation errors not shown`,
      file,
    });
  }
  return found.length;
}

/**
 * Ajv's findings against the OpenAPI JSON schema. They are noisy (each failed `oneOf` branch
 * reports): identical ones are merged, and a finding is dropped when a finding deeper in
 * the same place explains it.
 */
export function schemaErrors(errors: readonly AjvError[]): Diagnostic[] {
  const seen = new Set<string>();
  const unique: Array<{ pointer: string; message: string }> = [];
  for (const e of errors) {
    const pointer = '#' + (e.instancePath ?? '');
    let message = e.message ?? 'is invalid';
    const extra = e.params?.additionalProperty ?? e.params?.missingProperty ?? e.params?.allowedValues;
    if (extra !== undefined) message += `: ${JSON.stringify(extra)}`;
    const key = pointer + '\u0000' + message;
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push({ pointer, message });
  }
  const pointers = unique.map((u) => u.pointer);
  return unique
    .filter((u) => !pointers.some((p) => p !== u.pointer && p.startsWith(u.pointer + '/')))
    .map((u) => ({ code: 'E_SPEC_INVALID', severity: 'error' as const, message: `${u.message} (OpenAPI schema)`, pointer: u.pointer }));
}

const METHOD = '(get|put|post|delete|options|head|patch|trace)';

/** swagger-parser's own rule violations come as sentences; find the operation they name. */
function specRuleError(message: string): Diagnostic {
  const text = message.replace(/^Validation failed\.\s*/, '');
  const d: Diagnostic = { code: 'E_SPEC_INVALID', severity: 'error', message: text };
  if (/Duplicate operation id/i.test(text)) d.code = 'E_DUPLICATE_OPERATION_ID';
  const m = new RegExp(`^/paths(/.*?)/${METHOD}\\b`).exec(text);
  if (m) d.pointer = `#/paths/${escapeSegment(m[1])}/${m[2]}`;
  return d;
}
