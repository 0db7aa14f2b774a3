/**
 * The JSON report: a stable shape, documented in src/diff/README.md. Keys are written in a
 * fixed order; nothing run-dependent (timings) is included, so the same inputs give the
 * same bytes.
 */
import type { Change, DiffResult } from '../types.js';

export const JSON_REPORT_VERSION = 1;

export function jsonReport(r: DiffResult): string {
  const out = {
    oagenDiff: JSON_REPORT_VERSION,
    semver: r.semver,
    ...(r.semverWithAliases ? { semverWithAliases: r.semverWithAliases } : {}),
    contract: { breaking: r.contract.breaking, warning: r.contract.warning, info: r.contract.info },
    old: r.old,
    new: r.new,
    changes: r.changes.map(change),
    ...(r.client
      ? {
          client: {
            semver: r.client.semver,
            reasons: r.client.reasons,
            exports: r.client.exports.map((e) => ({ name: e.name, kind: e.kind, change: e.change, ...(e.identity ? { identity: e.identity } : {}), ...(e.detail ? { detail: e.detail } : {}) })),
          },
        }
      : {}),
    ...(r.clientError ? { clientError: r.clientError } : {}),
  };
  return JSON.stringify(out, null, 2) + '\n';
}

function change(c: Change): Record<string, unknown> {
  return {
    rule: c.rule,
    severity: c.severity,
    pointer: c.pointer,
    operation: c.operation ?? null,
    operations: c.operations,
    symbols: c.symbols,
    message: c.message,
    ...(c.direction ? { direction: c.direction } : {}),
    ...('old' in c ? { old: c.old } : {}),
    ...('new' in c ? { new: c.new } : {}),
    ...(c.typescript ? { typescript: c.typescript } : {}),
    ...(c.mitigation ? { mitigation: c.mitigation } : {}),
  };
}
