/**
 * Client impact: render both generated packages in memory, compare their exports, let the
 * TypeScript checker judge the exports whose types changed (check.ts), and recommend the
 * version bump of the generated package:
 *
 * - major: an export was removed (a renamed schema or function included) or changed so that
 *   code written against the old package may stop compiling;
 * - minor: exports were added, changed compatibly, or newly deprecated;
 * - patch: only documentation or runtime behaviour changed (JSDoc, docs, operation specs);
 * - none: the packages are the same.
 *
 * Only exports whose code (or the code of an export they refer to) changed reach the
 * checker, so the cost follows the size of the change, not of the API.
 */
import type { Side } from '../context.js';
import type { ClientImpact, ExportChange, Semver } from '../types.js';
import { checkCandidates, type Candidate, type Mode } from './check.js';
import { declKey, readDeclarations, type Declaration, type Declarations } from './declarations.js';
import { packagesDiffer, renderPackage } from './render.js';

export function compareSurface(old: Side, neu: Side): ClientImpact {
  const started = performance.now();
  const oldFiles = renderPackage(old.ir, old.names);
  const newFiles = renderPackage(neu.ir, neu.names);
  const parsed = new Map<string, Declarations>();
  const before = readDeclarations(oldFiles, parsed);
  const after = readDeclarations(newFiles, parsed);
  const identities = identityIndex(old, neu);
  const exports: ExportChange[] = [];
  const withId = (e: ExportChange): ExportChange => {
    const identity = identities.get(e.name);
    return identity ? { ...e, identity } : e;
  };

  for (const [key, d] of before) if (!after.has(key)) exports.push(withId({ name: d.name, kind: d.kind, change: 'removed' }));
  for (const [key, d] of after) if (!before.has(key)) exports.push(withId({ name: d.name, kind: d.kind, change: 'added' }));

  const changed = deepChanged(before, after);
  const candidates: Candidate[] = [];
  const mirrors: [Declaration, string][] = [];
  for (const [key, d] of after) {
    const was = before.get(key);
    if (!was) continue;
    if (!changed(key)) {
      if (was.text !== d.text) exports.push(withId({ name: d.name, kind: d.kind, change: d.deprecated > was.deprecated ? 'deprecated' : 'docs' }));
      continue;
    }
    // `export const Sort = [...] as const` beside `export type Sort`: judged with the type
    if (d.form === 'const' && after.has(declKey('type', d.name))) {
      mirrors.push([d, declKey('type', d.name)]);
      continue;
    }
    candidates.push({ name: d.name, kind: d.kind, mode: modeOf(d, neu, old) });
  }
  const verdicts = checkCandidates(oldFiles, newFiles, candidates);
  const byKey = new Map<string, ExportChange>();
  candidates.forEach((c, i) => {
    const v = verdicts[i];
    const e = withId({ name: c.name, kind: c.kind, change: v.ok ? 'compatible' : 'incompatible', ...(v.detail ? { detail: v.detail } : {}), ...(v.paths ? { paths: v.paths } : {}) });
    byKey.set(declKey(c.kind, c.name), e);
    exports.push(e);
  });
  for (const [d, typeKey] of mirrors) {
    const t = byKey.get(typeKey);
    exports.push(withId({ name: d.name, kind: d.kind, change: t?.change === 'incompatible' ? 'incompatible' : 'compatible', ...(t?.detail ? { detail: t.detail } : {}) }));
  }
  exports.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));

  const { semver, reasons } = verdict(exports, packagesDiffer(oldFiles, newFiles));
  return { semver, reasons, exports, ms: Math.round(performance.now() - started) };
}

/** Whether a declaration's code, or that of an export it refers to (transitively), changed. */
function deepChanged(before: Declarations, after: Declarations): (key: string) => boolean {
  const memo = new Map<string, boolean>();
  const typeNames = new Set([...after.values()].filter((d) => d.kind === 'type').map((d) => d.name));
  const visit = (key: string): boolean => {
    const known = memo.get(key);
    if (known !== undefined) return known;
    memo.set(key, false); // cycles: assume unchanged while visiting
    const a = before.get(key);
    const b = after.get(key);
    let result = !a || !b || a.code !== b.code;
    if (!result && b) {
      for (const ident of b.idents) {
        if (ident === b.name && b.kind === 'type') continue;
        const ref = typeNames.has(ident) ? declKey('type', ident) : undefined;
        if (ref && visit(ref)) {
          result = true;
          break;
        }
      }
    }
    memo.set(key, result);
    return result;
  };
  return visit;
}

/** How users use an export: what they write, what they read, both, or call. */
function modeOf(d: Declaration, neu: Side, old: Side): Mode {
  if (d.form === 'function') return 'function';
  if (d.kind === 'value') return 'read';
  for (const side of [neu, old]) {
    for (const n of side.names.operation.values()) {
      if (n.params === d.name) return 'write';
      if (n.error === d.name) return 'error';
    }
  }
  if (d.name === 'AuthScheme') return 'write';
  for (const side of [neu, old]) {
    for (const [id, name] of side.names.schema) {
      if (name !== d.name) continue;
      const u = side.usage.get(id);
      const write = !!u && u.write.size > 0;
      const read = !!u && u.read.size > 0;
      return write && read ? 'both' : write ? 'write' : 'read';
    }
  }
  return 'both';
}

/** Export name → identity (schema pointer or `METHOD /path`), new side first. */
function identityIndex(old: Side, neu: Side): Map<string, string> {
  const out = new Map<string, string>();
  for (const side of [old, neu]) {
    for (const [id, name] of side.names.schema) out.set(name, id);
    for (const [key, n] of side.names.operation) for (const name of [n.fn, n.params, n.error, n.stream]) if (name) out.set(name, key);
  }
  return out;
}

function verdict(exports: ExportChange[], differ: string[]): { semver: Semver; reasons: string[] } {
  const count = (c: ExportChange['change']) => exports.filter((e) => e.change === c);
  const list = (es: ExportChange[]) => es.slice(0, 8).map((e) => e.name).join(', ') + (es.length > 8 ? `, … (${es.length})` : '');
  const reasons: string[] = [];
  const removed = count('removed');
  const incompatible = count('incompatible');
  if (removed.length) reasons.push(`${removed.length} export(s) removed: ${list(removed)}`);
  if (incompatible.length) reasons.push(`${incompatible.length} export(s) changed incompatibly: ${list(incompatible)}`);
  if (reasons.length) return { semver: 'major', reasons };
  const added = count('added');
  const compatible = count('compatible');
  const deprecated = count('deprecated');
  if (added.length) reasons.push(`${added.length} export(s) added: ${list(added)}`);
  if (compatible.length) reasons.push(`${compatible.length} export(s) changed compatibly: ${list(compatible)}`);
  if (deprecated.length) reasons.push(`${deprecated.length} export(s) newly deprecated: ${list(deprecated)}`);
  if (reasons.length) return { semver: 'minor', reasons };
  if (differ.length) return { semver: 'patch', reasons: [`documentation or behaviour changed in ${differ.length} file(s): ${differ.slice(0, 5).join(', ')}${differ.length > 5 ? ', …' : ''}`] };
  return { semver: 'none', reasons: ['the generated packages are the same'] };
}
