/**
 * The Markdown report, for a changelog or a pull-request comment: a summary line, one
 * table per severity (info folded in a <details> block), and the client verdict. Every spec
 * string goes through the Markdown escaping of src/escape/.
 */
import { markdownCode, markdownInline, markdownTableCell, markdownText } from '../../escape/index.js';
import type { DiffResult, Severity } from '../types.js';
import { groupChanges, operationList, SEVERITIES } from './group.js';

const TITLES: Record<Severity, string> = { breaking: 'Breaking changes', warning: 'Warnings', info: 'Other changes' };

export function markdownReport(r: DiffResult): string {
  const out: string[] = [];
  out.push(`## API changes: ${markdownCode(r.old.source)} → ${markdownCode(r.new.source)}`, '');
  out.push(
    `**Recommended version bump: ${r.semver}**${r.client ? '' : ' (estimated)'} · contract: ${r.contract.breaking} breaking, ${r.contract.warning} warning${r.contract.warning === 1 ? '' : 's'}, ${r.contract.info} info · API version ${markdownCode(r.old.version)} → ${markdownCode(r.new.version)}`,
  );
  // every line of the quote marked as such: a code fence in it opens and closes inside the quote
  if (r.clientError) out.push('', ...markdownText(r.clientError).split('\n').map((l) => (l === '' ? '>' : `> ${l}`)));
  for (const severity of SEVERITIES) {
    const groups = groupChanges(r.changes, severity);
    if (groups.length === 0) continue;
    const n = groups.reduce((k, g) => k + g.changes.length, 0);
    const table = ['| Operation | Change | Where | TypeScript | Rule |', '|---|---|---|---|---|'];
    for (const g of groups) {
      for (const c of g.changes) {
        const ops = c.operations.length > 1 ? operationList(c.operations) : c.operations[0] ?? '';
        const ts = c.symbols.map((s) => markdownCode(s)).join(', ') + (c.typescript === 'breaking' ? ' (breaks compilation)' : '');
        table.push(`| ${markdownTableCell(ops)} | ${markdownTableCell(c.message)} | ${markdownTableCell(markdownCode(c.pointer))} | ${markdownTableCell(ts)} | ${markdownTableCell(markdownCode(c.rule))} |`);
      }
    }
    out.push('');
    if (severity === 'info') out.push(`<details><summary>${TITLES[severity]} (${n})</summary>`, '', ...table, '', '</details>');
    else out.push(`### ${TITLES[severity]} (${n})`, '', ...table);
  }
  if (r.client) {
    out.push('', `### Generated TypeScript package: ${r.client.semver}`, '');
    for (const reason of r.client.reasons) out.push(`- ${markdownInline(reason)}`);
    const bad = r.client.exports.filter((e) => e.change === 'removed' || e.change === 'incompatible');
    if (bad.length > 0) {
      out.push('', '| Export | Change | Why |', '|---|---|---|');
      for (const e of bad) out.push(`| ${markdownTableCell(markdownCode(e.name))} | ${e.change} | ${markdownTableCell(e.detail ?? '')} |`);
    }
  }
  return out.join('\n') + '\n';
}
