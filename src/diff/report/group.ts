/**
 * Grouping for the human reports: by severity, then by operation. A change that affects one
 * operation sits under it; a change in a schema several operations share is listed once,
 * under "Shared schemas", with the operations that use it; document-level changes (servers,
 * security schemes, unused schemas) come last.
 */
import type { Change, Severity } from '../types.js';

export interface Group {
  title: string;
  changes: Change[];
}

export const SEVERITIES: Severity[] = ['breaking', 'warning', 'info'];

export const SHARED = 'Shared schemas';
export const DOCUMENT = 'Document';

export function groupChanges(changes: Change[], severity: Severity): Group[] {
  const groups = new Map<string, Change[]>();
  for (const c of changes) {
    if (c.severity !== severity) continue;
    const title = c.operations.length === 1 ? c.operations[0] : c.operations.length > 1 ? SHARED : DOCUMENT;
    groups.set(title, [...(groups.get(title) ?? []), c]);
  }
  const rank = (t: string) => (t === SHARED ? 1 : t === DOCUMENT ? 2 : 0);
  return [...groups]
    .sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0))
    .map(([title, list]) => ({ title, changes: list }));
}

/** `GET /a, POST /b and 3 more` */
export function operationList(ops: string[], max = 3): string {
  if (ops.length <= max) return ops.join(', ');
  return `${ops.slice(0, max).join(', ')} and ${ops.length - max} more`;
}
