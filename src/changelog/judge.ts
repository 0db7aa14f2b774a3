/**
 * How much a regenerated package changed for the code that uses it, and so which version
 * bump it needs: the previous package (its files in the output folder) against the new one.
 *
 * Export by export (src/changelog/declarations.ts reads them):
 * - gone → **removed**; new → **added**;
 * - same code (comments aside) but other JSDoc → **deprecated** (more `@deprecated` tags)
 *   or **docs**; a function whose body alone changed is behaviour (a patch);
 * - other code → **compatible** when it is the old code with this generation's renames
 *   applied (an old name that is now a deprecated alias is compared with its replacement),
 *   else judged by the TypeScript type checker the way `oagen diff` judges it (src/diff/
 *   surface/check.ts: types users write must still accept old values, types they read must
 *   still fit old code, functions must accept old calls); without a type checker (ts-morph
 *   is a development dependency) such a change counts as **incompatible**, to be safe.
 *
 * The bump: **major** when an export is removed or incompatible, or when a renamed export's
 * old name now belongs to another export (old code compiles and means something else); **minor** when exports are
 * added, changed compatibly or newly deprecated (a rename with its alias kept is one added
 * export and one compatible one); **patch** when only documentation or behaviour changed;
 * **none** when the packages are the same.
 */
import type { ApiIR } from '../ir/types.js';
import type { PlannedAlias } from '../lock/aliases.js';
import { LOCK_FILE } from '../lock/format.js';
import type { Rename } from '../lock/renames.js';
import type { Names } from '../naming/names.js';
import type { ExportChange, Semver } from '../diff/types.js';
import { computeUsage } from '../diff/usage.js';
import { declarationKey, readTextDeclarations, type TextDeclaration } from './declarations.js';

export type { ExportChange, Semver };

export interface Verdict {
  semver: Semver;
  reasons: string[];
  /** sorted by name, then kind */
  exports: ExportChange[];
  /** files that differ (the lock and the CHANGELOG aside) */
  files: string[];
  /** whether the TypeScript type checker judged the changed exports */
  typeChecked: boolean;
}

/** Files that say what changed rather than being the change. */
export const BOOKKEEPING = new Set([LOCK_FILE, 'CHANGELOG.md']);

const ALIASES = 'src/aliases.ts';

type Mode = 'write' | 'read' | 'both' | 'error' | 'function';
interface Candidate {
  name: string;
  kind: 'type' | 'value';
  mode: Mode;
}
export type Checker = (oldFiles: Map<string, string>, newFiles: Map<string, string>, candidates: Candidate[]) => { ok: boolean; detail?: string }[];

export interface JudgeInput {
  oldFiles: Map<string, string>;
  newFiles: Map<string, string>;
  ir: ApiIR;
  names: Names;
  renames: Rename[];
  aliases: readonly PlannedAlias[];
  /** old names of renamed exports that another export now has: code using them compiles and means something else (major) */
  lost?: readonly string[];
}

/** Judge with the type checker of `oagen diff` when it is needed and can be loaded (and `typeCheck` is not false). */
export async function judge(input: JudgeInput, options: { typeCheck?: boolean } = {}): Promise<Verdict> {
  const a = analyse(input);
  return a.finish(a.undecided.length > 0 && options.typeCheck !== false ? await loadChecker() : undefined);
}

/** Judge with a given type checker (or none: changed exports then count as incompatible). */
export function judgeSync(input: JudgeInput, checker: Checker | undefined): Verdict {
  return analyse(input).finish(checker);
}

/** Everything decided without the type checker, and what is left for it. */
function analyse(input: JudgeInput): { undecided: Candidate[]; finish: (check: Checker | undefined) => Verdict } {
  const { oldFiles, newFiles } = input;
  const files = [...new Set([...oldFiles.keys(), ...newFiles.keys()])].filter((p) => !BOOKKEEPING.has(p) && oldFiles.get(p) !== newFiles.get(p)).sort();
  if (files.length === 0) return { undecided: [], finish: () => ({ semver: 'none', reasons: ['the generated package is the same'], exports: [], files, typeChecked: false }) };

  const before = readTextDeclarations(oldFiles);
  const after = readTextDeclarations(newFiles);
  const renamed = new Map<string, string>();
  for (const r of input.renames) for (const n of r.names) renamed.set(n.old, n.new);
  // alias export → its alias (an enum's alias is a type and a value)
  const aliasOf = new Map<string, { alias: PlannedAlias; kind: 'type' | 'value' }>();
  for (const a of input.aliases) {
    aliasOf.set(declarationKey(a.kind, a.name), { alias: a, kind: a.kind });
    if (a.values) aliasOf.set(declarationKey('value', a.name), { alias: a, kind: 'value' });
  }

  const exports: ExportChange[] = [];
  const undecided: Candidate[] = [];
  for (const [key, d] of before) if (!after.has(key)) exports.push({ name: d.name, kind: d.kind, change: 'removed' });
  for (const [key, d] of after) if (!before.has(key)) exports.push({ name: d.name, kind: d.kind, change: 'added' });
  for (const [key, was] of before) {
    const now = after.get(key);
    if (!now) continue;
    // the same code (an alias follows its identity: a change of its target is judged at the target)
    if (was.code === now.code || (was.file === ALIASES && now.file === ALIASES)) {
      if (was.comments !== now.comments) exports.push({ name: now.name, kind: now.kind, change: now.deprecated > was.deprecated ? 'deprecated' : 'docs' });
      continue;
    }
    // compare with what the old code becomes under this generation's renames
    const aliased = aliasOf.get(key);
    const alias = aliased?.alias;
    const target = aliased ? after.get(declarationKey(aliased.kind, aliased.alias.target)) : now;
    if (target && substitute(was, renamed) === target.code.replace(/^export (type|interface|const|function|async function|class|enum) \S+/, '')) {
      exports.push({ name: now.name, kind: now.kind, change: 'compatible' });
      continue;
    }
    undecided.push({ name: now.name, kind: now.kind, mode: modeOf(now, was, alias, input) });
  }

  const finish = (check: Checker | undefined): Verdict => {
    let typeChecked = false;
    let verdicts: { ok: boolean; detail?: string }[] | undefined;
    if (check && undecided.length > 0) {
      try {
        verdicts = check(oldFiles, newFiles, undecided);
        typeChecked = true;
      } catch {
        verdicts = undefined; // judged conservatively below
      }
    }
    undecided.forEach((c, i) => {
      const v = verdicts?.[i];
      if (v) exports.push({ name: c.name, kind: c.kind, change: v.ok ? 'compatible' : 'incompatible', ...(v.detail ? { detail: v.detail } : {}) });
      else exports.push({ name: c.name, kind: c.kind, change: 'incompatible', detail: 'its code changed and no TypeScript type checker was available to judge it (install ts-morph)' });
    });
    exports.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
    return { ...bump(exports, files, input.lost ?? []), exports, files, typeChecked };
  };
  return { undecided, finish };
}

/** The old declaration's code after its name: renamed identifiers replaced by their new names. */
function substitute(d: TextDeclaration, renamed: Map<string, string>): string {
  const code = d.code.replace(/^export (type|interface|const|function|async function|class|enum) \S+/, '');
  return code
    .split(' ')
    .map((t) => renamed.get(t) ?? t)
    .join(' ');
}

function modeOf(now: TextDeclaration, was: TextDeclaration, alias: PlannedAlias | undefined, input: JudgeInput): Mode {
  if (now.form === 'function' || was.form === 'function' || alias?.role === 'function' || alias?.role === 'stream') return 'function';
  if (now.kind === 'value') return 'read';
  const name = alias?.target ?? now.name;
  for (const n of input.names.operation.values()) {
    if (n.params === name) return 'write';
    if (n.error === name) return 'error';
  }
  if (name === 'AuthScheme' || name === 'AuthCredentials') return 'write';
  for (const [id, schemaName] of input.names.schema) {
    if (schemaName !== name) continue;
    const u = usage(input).get(id);
    const write = !!u && u.write.size > 0;
    const read = !!u && u.read.size > 0;
    return write && read ? 'both' : write ? 'write' : read ? 'read' : 'both';
  }
  return 'both';
}

const usages = new WeakMap<ApiIR, ReturnType<typeof computeUsage>>();
function usage(input: JudgeInput) {
  let u = usages.get(input.ir);
  if (!u) usages.set(input.ir, (u = computeUsage(input.ir)));
  return u;
}

/** The type checker of `oagen diff`, when ts-morph can be loaded. */
async function loadChecker(): Promise<Checker | undefined> {
  try {
    const mod = (await import('../diff/surface/check.js')) as { checkCandidates: Checker };
    return mod.checkCandidates;
  } catch {
    return undefined;
  }
}

function bump(exports: ExportChange[], files: string[], lost: readonly string[]): { semver: Semver; reasons: string[] } {
  const of = (c: ExportChange['change']) => exports.filter((e) => e.change === c);
  const list = (es: ExportChange[]) => {
    const names = [...new Set(es.map((e) => e.name))];
    return names.slice(0, 8).join(', ') + (names.length > 8 ? `, … (${names.length})` : '');
  };
  const count = (es: ExportChange[]) => new Set(es.map((e) => e.name)).size;
  const reasons: string[] = [];
  const removed = of('removed');
  const incompatible = of('incompatible');
  if (removed.length) reasons.push(`${count(removed)} export(s) removed: ${list(removed)}`);
  if (incompatible.length) reasons.push(`${count(incompatible)} export(s) changed incompatibly: ${list(incompatible)}`);
  const taken = [...new Set(lost)].sort();
  if (taken.length) reasons.push(`${taken.length} renamed export(s) left their old name to another export: ${taken.join(', ')}`);
  if (reasons.length) return { semver: 'major', reasons };
  const added = of('added');
  const compatible = of('compatible');
  const deprecated = of('deprecated');
  if (added.length) reasons.push(`${count(added)} export(s) added: ${list(added)}`);
  if (compatible.length) reasons.push(`${count(compatible)} export(s) changed compatibly: ${list(compatible)}`);
  if (deprecated.length) reasons.push(`${count(deprecated)} export(s) newly deprecated: ${list(deprecated)}`);
  if (reasons.length) return { semver: 'minor', reasons };
  return { semver: 'patch', reasons: [`documentation or behaviour changed in ${files.length} file(s): ${files.slice(0, 5).join(', ')}${files.length > 5 ? ', …' : ''}`] };
}
