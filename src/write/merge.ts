/**
 * Hand edits that survive regeneration (config `"keepEdits": true`): a three-way merge, file
 * by file, of
 * - the base: what oagen generated last time, kept in the package as `.oagen/base.json`
 *   (beside `oagen.lock.json`; not published: the package's `files` leave it out),
 * - the user's files as they are on disk, and
 * - what oagen generates now,
 * with `node-diff3` (line by line; a change both sides made alike is no conflict; lines both
 * sides only added at the same place, as a helper and a new operation appended to one file,
 * are both kept: the generated ones first).
 *
 * Per file: unchanged on disk since the base → the new output; unchanged by oagen → the
 * user's file; changed by both → merged, or a conflict. A file the user added (on disk, in
 * neither the base nor the new output) is kept; a file oagen no longer generates goes, unless
 * the user edited it (a conflict). Without a base (the first run with `keepEdits`), the new
 * output wins, as without `keepEdits`. oagen's own files (`oagen.lock.json`, the base) are
 * never merged.
 *
 * A conflict fails the run before anything is written: each is an error `E_MERGE_CONFLICT`
 * naming the file and the line in the user's file. With `acceptConflicts` (`--accept-conflicts`)
 * the files are written with conflict markers instead (`<<<<<<< edited`, `||||||| generated
 * before`, `=======`, `>>>>>>> generated now`), each a warning, and the run succeeds. JSON files
 * (package.json, tsconfig) merge key by key (`mergeJson`); a value both changed keeps the user's
 * with `acceptConflicts`.
 *
 * `.oagenignore` (src/write/ignore.ts) lists files never touched, `keepEdits` or not: an
 * ignored file keeps what is on disk (or stays absent).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { type Diagnostic, displayPath, OagenError } from '../diagnostics.js';
import { readPackageFiles } from '../changelog/files.js';
import { LOCK_FILE } from '../lock/format.js';
import { readIgnore, IGNORE_FILE } from './ignore.js';

const require = createRequire(import.meta.url);

export const BASE_FILE = '.oagen/base.json';

export interface MergeReport {
  /** files both sides changed, merged cleanly */
  merged: string[];
  /** files the user edited that oagen left as they were: kept */
  edited: string[];
  /** files the user added: kept */
  added: string[];
  /** files `.oagenignore` protects */
  ignored: string[];
  /** written with conflict markers (`acceptConflicts`) */
  conflicted: string[];
  /** warnings (conflicts written with markers) */
  diagnostics: Diagnostic[];
}

/** The base file's content: the generated files, path → content, sorted. */
export function serializeBase(files: ReadonlyMap<string, string>): string {
  const entries = [...files].filter(([p]) => p !== BASE_FILE).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const lines = entries.map(([p, c]) => `    ${JSON.stringify(p)}: ${JSON.stringify(c)}`);
  return `{\n  "oagen": 1,\n  "files": {\n${lines.join(',\n')}\n  }\n}\n`;
}

/** The base a package folder keeps, or undefined (none, or unreadable). */
export function readBase(dir: string): Map<string, string> | undefined {
  try {
    const raw = JSON.parse(readFileSync(join(dir, BASE_FILE), 'utf8')) as { oagen?: unknown; files?: Record<string, unknown> };
    if (raw.oagen !== 1 || typeof raw.files !== 'object' || raw.files === null) return undefined;
    const out = new Map<string, string>();
    for (const [p, c] of Object.entries(raw.files)) if (typeof c === 'string') out.set(p, c);
    return out;
  } catch {
    return undefined;
  }
}

/** Files only oagen writes. */
const OWN = new Set([LOCK_FILE, BASE_FILE]);

/**
 * The files to write into `dir`: the generated `files` (with the base, when `keepEdits`)
 * merged with the hand edits on disk. Throws `E_MERGE_CONFLICT` errors on conflicts unless
 * `acceptConflicts`.
 */
export function mergeHandEdits(
  dir: string,
  files: ReadonlyMap<string, string>,
  options: { keepEdits?: boolean; acceptConflicts?: boolean },
): { files: Map<string, string>; report: MergeReport } {
  const report: MergeReport = { merged: [], edited: [], added: [], ignored: [], conflicted: [], diagnostics: [] };
  const ignored = readIgnore(dir);
  const disk = readPackageFiles(dir) ?? new Map<string, string>();
  const base = options.keepEdits ? readBase(dir) : undefined;
  const out = new Map<string, string>();
  const conflicts: Diagnostic[] = [];
  const where = (p: string) => displayPath(join(dir, p));

  for (const [path, generated] of files) {
    if (ignored(path)) {
      const mine = disk.get(path);
      if (mine !== undefined) out.set(path, mine);
      report.ignored.push(path);
      continue;
    }
    // line endings a checkout converted (git's autocrlf) are no edit
    const onDisk = disk.get(path);
    const mine = onDisk?.includes('\r\n') && !generated.includes('\r\n') ? onDisk.replace(/\r\n/g, '\n') : onDisk;
    const before = base?.get(path);
    // no base for this file (a file the user wrote where oagen now generates one): merged against nothing
    if (!options.keepEdits || base === undefined || OWN.has(path) || mine === undefined || mine === generated || mine === before) {
      out.set(path, generated);
      continue;
    }
    if (generated === before) {
      out.set(path, mine);
      report.edited.push(path);
      continue;
    }
    const json = path.endsWith('.json') ? mergeJson(mine, before ?? '{}', generated) : undefined;
    const merged = json ?? merge3(mine, before ?? '', generated);
    if (merged.conflicts.length === 0) {
      out.set(path, merged.text);
      report.merged.push(path);
      continue;
    }
    for (const line of merged.conflicts) {
      const d: Diagnostic = {
        code: 'E_MERGE_CONFLICT',
        severity: options.acceptConflicts ? 'warning' : 'error',
        file: where(path),
        line,
        message: options.acceptConflicts
          ? json
            ? 'your edit and the new generated file change the same value: your value is kept, check it'
            : 'your edit and the new generated code change the same lines: written with conflict markers, resolve them'
          : 'your edit and the new generated code change the same lines; resolve it (edit the file or the spec), list the file in .oagenignore, or run with --accept-conflicts to write conflict markers',
      };
      (options.acceptConflicts ? report.diagnostics : conflicts).push(d);
    }
    if (options.acceptConflicts) {
      out.set(path, merged.text);
      report.conflicted.push(path);
    }
  }
  // what is on disk but not generated now
  for (const [path, mine] of disk) {
    if (files.has(path) || OWN.has(path)) continue;
    if (path === IGNORE_FILE || ignored(path)) {
      out.set(path, mine);
      if (path !== IGNORE_FILE) report.ignored.push(path);
      continue;
    }
    if (!options.keepEdits || base === undefined) continue; // removed, as without keepEdits
    const before = base.get(path);
    if (before === undefined) {
      out.set(path, mine);
      report.added.push(path);
    } else if (before !== mine) {
      // oagen no longer generates a file the user edited
      const d: Diagnostic = {
        code: 'E_MERGE_CONFLICT',
        severity: options.acceptConflicts ? 'warning' : 'error',
        file: where(path),
        line: 1,
        message: options.acceptConflicts ? 'oagen no longer generates this file, which you edited: kept as you left it' : 'oagen no longer generates this file, which you edited; delete it, list it in .oagenignore, or run with --accept-conflicts to keep it',
      };
      if (options.acceptConflicts) {
        out.set(path, mine);
        report.conflicted.push(path);
        report.diagnostics.push(d);
      } else conflicts.push(d);
    }
  }
  if (conflicts.length > 0) throw new OagenError(conflicts);
  for (const list of [report.merged, report.edited, report.added, report.ignored, report.conflicted]) list.sort();
  if (options.keepEdits) out.set(BASE_FILE, files.get(BASE_FILE) ?? serializeBase(files));
  return { files: out, report };
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
const isObject = (v: Json | undefined): v is { [k: string]: Json } => typeof v === 'object' && v !== null && !Array.isArray(v);
const same = (a: Json | undefined, b: Json | undefined) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Three-way merge of JSON files (package.json, tsconfig.json) key by key, so that a field the
 * user added or changed (`repository`, `keywords`, `description`) next to one oagen changes
 * (`version`) is no conflict, as it would be line by line. Objects merge recursively; other
 * values (arrays included) are taken whole. The result is written as oagen writes JSON (two
 * spaces, the new output's key order, the user's new keys after). Undefined when a side is not
 * a JSON object: then the files merge line by line.
 */
export function mergeJson(mine: string, base: string, theirs: string): { text: string; conflicts: number[] } | undefined {
  let m: Json, b: Json, t: Json;
  try {
    [m, b, t] = [JSON.parse(mine) as Json, JSON.parse(base) as Json, JSON.parse(theirs) as Json];
  } catch {
    return undefined;
  }
  if (!isObject(m) || !isObject(b) || !isObject(t)) return undefined;
  const conflicts: string[] = [];
  const merge = (m: { [k: string]: Json }, b: { [k: string]: Json }, t: { [k: string]: Json }): { [k: string]: Json } => {
    const out: { [k: string]: Json } = {};
    const keys = [...Object.keys(t), ...Object.keys(m).filter((k) => !(k in t))];
    for (const k of keys) {
      const [mv, bv, tv] = [Object.hasOwn(m, k) ? m[k] : undefined, Object.hasOwn(b, k) ? b[k] : undefined, Object.hasOwn(t, k) ? t[k] : undefined];
      let v: Json | undefined;
      if (same(mv, bv)) v = tv;
      else if (same(tv, bv) || same(mv, tv)) v = mv;
      else if (isObject(mv) && isObject(tv)) v = merge(mv, isObject(bv) ? bv : {}, tv);
      else {
        conflicts.push(k);
        v = mv;
      }
      if (v !== undefined) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
    }
    return out;
  };
  const text = `${JSON.stringify(merge(m, b, t), null, 2)}\n`;
  const lines = mine.split('\n');
  return { text, conflicts: conflicts.map((k) => lines.findIndex((l) => l.includes(JSON.stringify(k) + ':')) + 1 || 1) };
}

/** Three-way merge of texts by lines; conflicts as 1-based lines of `mine`. */
export function merge3(mine: string, base: string, theirs: string): { text: string; conflicts: number[] } {
  // node-diff3 is loaded by the first merge: only packages with keepEdits and a base need it
  const regions = (require('node-diff3') as typeof import('node-diff3')).diff3Merge(mine.split('\n'), base.split('\n'), theirs.split('\n'), { excludeFalseConflicts: true });
  const lines: string[] = [];
  const conflicts: number[] = [];
  for (const r of regions) {
    if (r.ok) lines.push(...r.ok);
    else if (r.conflict && r.conflict.o.length === 0 && r.conflict.a.length > 0 && r.conflict.b.length > 0) {
      // both sides only added lines at the same place (a helper and a new operation appended
      // to a file): the generated lines, then the user's
      lines.push(...r.conflict.b, ...r.conflict.a);
    } else if (r.conflict) {
      conflicts.push(r.conflict.aIndex + 1);
      lines.push('<<<<<<< edited', ...r.conflict.a, '||||||| generated before', ...r.conflict.o, '=======', ...r.conflict.b, '>>>>>>> generated now');
    }
  }
  return { text: lines.join('\n'), conflicts };
}
