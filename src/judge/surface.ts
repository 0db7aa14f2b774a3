/**
 * How much a regenerated package changed for the code that uses it: the previous package's
 * files against the new one's, export by export (declarations.ts reads them with the
 * TypeScript parser):
 *
 * - gone → **removed**; new → **added**;
 * - the same code (comments aside), and nothing it refers to changed → **deprecated** when its
 *   comments carry more `@deprecated` tags, **docs** when they differ otherwise; a function
 *   whose body alone changed is behaviour (a patch, no export listed);
 * - the old code with this generation's renames applied (an old name that is now a
 *   deprecated alias is compared with its replacement), nothing it refers to changed →
 *   **compatible**;
 * - other code, or code referring (transitively) to an export that changed → judged by the
 *   TypeScript type checker (check.ts) by how users use the export (`modeOf`): **compatible**
 *   or **incompatible**. A value list `export const Sort = [...] as const` beside its type
 *   `Sort` follows the type's verdict. An alias of `src/aliases.ts` follows its identity: a
 *   change of its target is judged at the target.
 *
 * The bump (`bump`): **major** when an export or an entry point (entry-points.ts) is removed or incompatible, or when a renamed
 * export's old name now belongs to another export (old code compiles and means something
 * else); **minor** when exports are added, changed compatibly or newly deprecated (a rename
 * with its alias kept is one added export and one compatible one); **patch** when only
 * documentation or behaviour changed; **none** when the packages are the same.
 *
 * Only exports whose code (or the code of an export they refer to) changed reach the checker,
 * so the cost follows the size of the change, not of the API.
 */
import { computeUsage, type Usage } from '../ir/usage.js';
import type { ApiIR } from '../ir/types.js';
import type { PlannedAlias } from '../lock/aliases.js';
import { checkCandidates, type Candidate, type Mode } from './check.js';
import { ALIASES_FILE, declKey, readDeclarations, type Declaration, type Declarations } from './declarations.js';
import { changedFiles, unchanged } from './files.js';
import { exportedNames, subpathSources } from './reexports.js';
import { entryPointChanges } from './entry-points.js';
import type { EntryPointChanges, ExportChange, JudgeInput, JudgeSide, Semver, Verdict } from './types.js';

export function judgeSurface(input: JudgeInput): Verdict {
  const { oldFiles, newFiles } = input;
  const files = changedFiles(oldFiles, newFiles);
  if (files.length === 0) return unchanged();

  const parsed = new Map<string, Declarations>();
  const before = readDeclarations(oldFiles, parsed);
  const after = readDeclarations(newFiles, parsed);
  const renamedTo = new Map<string, string>();
  const renamedFrom = new Map<string, string>();
  for (const r of input.renames ?? []) {
    for (const n of r.names) {
      renamedTo.set(n.old, n.new);
      renamedFrom.set(n.new, n.old);
    }
  }
  // alias export → its alias and the kind of its target (an enum's alias is a type and a value)
  const aliasOf = new Map<string, { alias: PlannedAlias; kind: Declaration['kind'] }>();
  for (const a of input.aliases ?? []) {
    aliasOf.set(declKey(a.kind, a.name), { alias: a, kind: a.kind });
    if (a.values) aliasOf.set(declKey('value', a.name), { alias: a, kind: 'value' });
  }

  /** The old declaration a new one continues: the same export, or the one it was renamed from. */
  const counterpart = (key: string, now: Declaration): Declaration | undefined => {
    const old = renamedFrom.get(now.name);
    return before.get(key) ?? (old === undefined ? undefined : before.get(declKey(now.kind, old)));
  };
  /** `same`: the code is the same; `renamed`: it is the old code under this generation's renames; `changed`: neither. */
  const ownChange = (key: string, was: Declaration, now: Declaration): 'same' | 'renamed' | 'changed' => {
    if (was.code === now.code || (was.file === ALIASES_FILE && now.file === ALIASES_FILE)) return 'same';
    const aliased = aliasOf.get(key);
    const target = aliased ? after.get(declKey(aliased.kind, aliased.alias.target)) : now;
    return target && substitute(was.code, renamedTo) === withoutHead(target.code) ? 'renamed' : 'changed';
  };
  const changed = deepChanged(after, (key, now) => {
    const was = counterpart(key, now);
    return !was || ownChange(key, was, now) === 'changed';
  });

  const exports: ExportChange[] = [];
  const movedTo = subpathExports(newFiles);
  for (const [key, d] of before) {
    if (after.has(key)) continue;
    const to = movedTo(d.name);
    exports.push({ name: d.name, kind: d.kind, change: 'removed', ...(to ? { movedTo: to } : {}) });
  }
  for (const [key, d] of after) if (!before.has(key)) exports.push({ name: d.name, kind: d.kind, change: 'added' });
  const candidates: Candidate[] = [];
  const mirrors: Declaration[] = [];
  const sides = usageSides(input);
  for (const [key, now] of after) {
    const was = before.get(key);
    if (!was) continue;
    if (!changed(key)) {
      const own = ownChange(key, was, now);
      if (own === 'renamed') exports.push({ name: now.name, kind: now.kind, change: 'compatible' });
      else if (was.comments !== now.comments) exports.push({ name: now.name, kind: now.kind, change: now.deprecated > was.deprecated ? 'deprecated' : 'docs' });
      continue;
    }
    if (now.form === 'const' && after.has(declKey('type', now.name))) {
      mirrors.push(now);
      continue;
    }
    candidates.push({ name: now.name, kind: now.kind, mode: modeOf(now, was, aliasOf.get(key)?.alias, sides) });
  }

  const verdicts = checkCandidates(oldFiles, newFiles, candidates);
  const byType = new Map<string, ExportChange>();
  candidates.forEach((c, i) => {
    const v = verdicts[i];
    const e: ExportChange = { name: c.name, kind: c.kind, change: v.ok ? 'compatible' : 'incompatible', ...(v.detail ? { detail: v.detail } : {}), ...(v.paths ? { paths: v.paths } : {}) };
    if (c.kind === 'type') byType.set(c.name, e);
    exports.push(e);
  });
  for (const d of mirrors) {
    const t = byType.get(d.name);
    exports.push({ name: d.name, kind: d.kind, change: t?.change === 'incompatible' ? 'incompatible' : 'compatible', ...(t?.detail ? { detail: t.detail } : {}) });
  }
  exports.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
  const entryPoints = entryPointChanges(oldFiles.get('package.json'), newFiles.get('package.json'));
  return { ...bump(exports, files, input.lost ?? [], entryPoints), exports, entryPoints, files, typeChecked: candidates.length > 0 };
}

/**
 * Whether an export of the new package changed, or an export it refers to (transitively);
 * `own` says whether its own code changed. An alias of `src/aliases.ts` is judged at its
 * target, so what it refers to does not make it changed.
 */
function deepChanged(after: Declarations, own: (key: string, now: Declaration) => boolean): (key: string) => boolean {
  const memo = new Map<string, boolean>();
  const typeNames = new Set([...after.values()].filter((d) => d.kind === 'type').map((d) => d.name));
  const visit = (key: string): boolean => {
    const known = memo.get(key);
    if (known !== undefined) return known;
    memo.set(key, false); // cycles: assume unchanged while visiting
    const now = after.get(key);
    let result = !now || own(key, now);
    if (!result && now && now.file !== ALIASES_FILE) {
      for (const ident of now.idents) {
        if (ident === now.name && now.kind === 'type') continue;
        if (typeNames.has(ident) && visit(declKey('type', ident))) {
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

/** A declaration's code after its name (`export interface User` and the like dropped). */
function withoutHead(code: string): string {
  return code.replace(/^export (type|interface|const|function|async function) \S+/, '');
}

/** The old declaration's code after its name, renamed identifiers replaced by their new names. */
function substitute(code: string, renamed: ReadonlyMap<string, string>): string {
  if (renamed.size === 0) return withoutHead(code);
  return withoutHead(code)
    .split(' ')
    .map((t) => renamed.get(t) ?? t)
    .join(' ');
}

interface UsageSide {
  names: JudgeSide['names'];
  usage: () => Usage;
}

/** The new side, then the old one when known. */
function usageSides(input: JudgeInput): UsageSide[] {
  const sides: JudgeSide[] = [{ ir: input.ir, names: input.names, ...(input.usage ? { usage: input.usage } : {}) }, ...(input.old ? [input.old] : [])];
  return sides.map((s) => ({ names: s.names, usage: () => s.usage ?? usageOf(s.ir) }));
}

const usages = new WeakMap<ApiIR, Usage>();
function usageOf(ir: ApiIR): Usage {
  let u = usages.get(ir);
  if (!u) usages.set(ir, (u = computeUsage(ir)));
  return u;
}

/**
 * How users use an export: call it (functions and aliases of them), read it (values, types
 * only received), write it (params interfaces, the auth types, types only sent), narrow it
 * (error bodies), or both read and write it (types used both ways, or by no operation).
 */
function modeOf(now: Declaration, was: Declaration, alias: PlannedAlias | undefined, sides: UsageSide[]): Mode {
  if (now.form === 'function' || was.form === 'function' || alias?.role === 'function' || alias?.role === 'stream') return 'function';
  if (now.kind === 'value') return 'read';
  const name = alias?.target ?? now.name;
  for (const side of sides) {
    for (const n of side.names.operation.values()) {
      if (n.params === name) return 'write';
      if (n.error === name) return 'error';
    }
  }
  if (name === 'AuthScheme' || name === 'AuthCredentials') return 'write';
  for (const side of sides) {
    for (const [id, schemaName] of side.names.schema) {
      if (schemaName !== name) continue;
      const u = side.usage().get(id);
      const write = !!u && u.write.size > 0;
      const read = !!u && u.read.size > 0;
      return write && !read ? 'write' : read && !write ? 'read' : 'both';
    }
  }
  return 'both';
}

/**
 * Where an export gone from the package's root is still exported: the first of the package's
 * `exports` subpaths (`<package>/internal`) whose module exports the name, or undefined.
 */
function subpathExports(files: ReadonlyMap<string, string>): (name: string) => string | undefined {
  let byName: Map<string, string> | undefined;
  return (name) => {
    if (!byName) {
      byName = new Map();
      const packageJson = files.get('package.json');
      const pkg = packageJsonName(packageJson);
      for (const [subpath, source] of subpathSources(packageJson)) {
        for (const n of exportedNames(files, source).keys()) if (!byName.has(n)) byName.set(n, `${pkg}/${subpath.slice(2)}`);
      }
    }
    return byName.get(name);
  };
}

function packageJsonName(packageJson: string | undefined): string {
  try {
    const name = packageJson ? (JSON.parse(packageJson) as { name?: unknown }).name : undefined;
    return typeof name === 'string' ? name : '.';
  } catch {
    return '.';
  }
}

/** The version bump the export changes call for, with its reasons (`files`: the files that differ, at least one). */
function bump(exports: ExportChange[], files: string[], lost: readonly string[], entryPoints: EntryPointChanges): { semver: Semver; reasons: string[] } {
  const of = (c: ExportChange['change']) => exports.filter((e) => e.change === c);
  const list = (es: ExportChange[]) => {
    const names = [...new Set(es.map((e) => e.name))];
    return names.slice(0, 8).join(', ') + (names.length > 8 ? `, … (${names.length})` : '');
  };
  const count = (es: ExportChange[]) => new Set(es.map((e) => e.name)).size;
  const reasons: string[] = [];
  const moved = of('removed').filter((e) => e.movedTo);
  const removed = of('removed').filter((e) => !e.movedTo);
  const incompatible = of('incompatible');
  if (removed.length) reasons.push(`${count(removed)} export(s) removed: ${list(removed)}`);
  if (entryPoints.removed.length) reasons.push(`entry point(s) removed: ${entryPoints.removed.join(', ')}`);
  for (const to of [...new Set(moved.map((e) => e.movedTo!))].sort()) {
    const here = moved.filter((e) => e.movedTo === to);
    reasons.push(`${count(here)} export(s) moved from the package's root to ${to}: ${list(here)}`);
  }
  if (incompatible.length) reasons.push(`${count(incompatible)} export(s) changed incompatibly: ${list(incompatible)}`);
  const taken = [...new Set(lost)].sort();
  if (taken.length) reasons.push(`${taken.length} renamed export(s) left their old name to another export: ${taken.join(', ')}`);
  if (reasons.length) return { semver: 'major', reasons };
  const added = of('added');
  const compatible = of('compatible');
  const deprecated = of('deprecated');
  if (entryPoints.added.length) reasons.push(`entry point(s) added: ${entryPoints.added.join(', ')}`);
  if (added.length) reasons.push(`${count(added)} export(s) added: ${list(added)}`);
  if (compatible.length) reasons.push(`${count(compatible)} export(s) changed compatibly: ${list(compatible)}`);
  if (deprecated.length) reasons.push(`${count(deprecated)} export(s) newly deprecated: ${list(deprecated)}`);
  if (reasons.length) return { semver: 'minor', reasons };
  return { semver: 'patch', reasons: [`documentation or behaviour changed in ${files.length} file(s): ${files.slice(0, 5).join(', ')}${files.length > 5 ? ', …' : ''}`] };
}
