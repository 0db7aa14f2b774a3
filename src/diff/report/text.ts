/**
 * The human report for a terminal: a summary, then the changes by severity and by
 * operation, then the client verdict. Coloured when asked (`--color`) or when writing to a
 * TTY (unless `--no-color` or NO_COLOR). Spec text is shown with control characters escaped,
 * so a hostile spec cannot drive the terminal.
 */
import type { Change, DiffResult, Severity } from '../types.js';
import { groupChanges, operationList, SEVERITIES, SHARED } from './group.js';

export interface TextOptions {
  color: boolean;
  /** only the summary and the breaking changes */
  quiet?: boolean;
}

const CODES = { red: 31, yellow: 33, cyan: 36, green: 32, dim: 2, bold: 1 } as const;
type Style = keyof typeof CODES;

const TITLES: Record<Severity, string> = { breaking: 'Breaking', warning: 'Warnings', info: 'Info' };
const STYLE: Record<Severity, Style> = { breaking: 'red', warning: 'yellow', info: 'cyan' };
const MARK: Record<Severity, string> = { breaking: '✗', warning: '!', info: '·' };

export function textReport(r: DiffResult, options: TextOptions): string {
  const paint = (style: Style, s: string) => (options.color ? `\u001b[${CODES[style]}m${s}\u001b[0m` : s);
  const lines: string[] = [];
  lines.push(paint('bold', `oagen diff: ${safe(r.old.source)} (${safe(r.old.version)}) → ${safe(r.new.source)} (${safe(r.new.version)})`));
  const counts = `${r.contract.breaking} breaking, ${r.contract.warning} warning${r.contract.warning === 1 ? '' : 's'}, ${r.contract.info} info`;
  lines.push(`Contract: ${r.contract.breaking > 0 ? paint('red', counts) : counts}`);
  const bump = `Recommended version bump of the generated package: ${r.semver}${r.client ? '' : ' (estimated from the contract: run without --no-types for the TypeScript check)'}`;
  lines.push(r.semver === 'major' ? paint('red', bump) : bump);
  if (r.clientError) lines.push(paint('yellow', safe(r.clientError)));
  for (const severity of SEVERITIES) {
    if (options.quiet && severity !== 'breaking') continue;
    const groups = groupChanges(r.changes, severity);
    if (groups.length === 0) continue;
    const n = groups.reduce((k, g) => k + g.changes.length, 0);
    lines.push('', paint(STYLE[severity], paint('bold', `${TITLES[severity]} (${n})`)));
    for (const g of groups) {
      lines.push(`  ${paint('bold', safe(g.title))}`);
      for (const c of g.changes) lines.push(...changeLines(c, g.title === SHARED, paint, severity));
    }
  }
  if (r.client && !options.quiet) {
    lines.push('', paint('bold', `Generated TypeScript package: ${r.client.semver}`));
    for (const reason of r.client.reasons) lines.push(`  ${safe(reason)}`);
    for (const e of r.client.exports.filter((x) => x.change === 'removed' || x.change === 'incompatible').slice(0, 50)) {
      lines.push(`  ${paint('red', MARK.breaking)} ${safe(e.name)} ${e.change}${e.detail ? `: ${safe(e.detail)}` : ''}`);
    }
  }
  return lines.join('\n') + '\n';
}

function changeLines(c: Change, shared: boolean, paint: (s: Style, t: string) => string, severity: Severity): string[] {
  const out = [`    ${paint(STYLE[severity], MARK[severity])} ${safe(c.message)} ${paint('dim', `[${c.rule}]`)}`];
  const facts = [`at ${safe(c.pointer)}`];
  if (c.symbols.length) facts.push(`TypeScript: ${safe(c.symbols.join(', '))}${c.typescript === 'breaking' ? ' (breaks compilation)' : ''}`);
  if (shared) facts.push(`used by ${safe(operationList(c.operations))}`);
  out.push(`      ${paint('dim', facts.join(' · '))}`);
  return out;
}

// C0/C1 controls, bidi overrides and isolates, line separators
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

export function safe(s: string): string {
  return s.replace(UNSAFE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
