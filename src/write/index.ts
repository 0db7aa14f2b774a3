/**
 * Writing a generated package: nothing lost, nothing rewritten needlessly.
 *
 * - The whole package is rendered in memory before this runs; a failure before here
 *   leaves the disk untouched.
 * - The new tree is staged in a sibling folder (`.<name>.oagen-tmp-<pid>`), then swapped in
 *   with two renames; the previous package is removed only after the swap succeeded.
 * - Unchanged files are hard-linked from the previous package into the staging folder, so
 *   their mtimes are preserved and a re-run on an unchanged spec writes nothing at all.
 * - oagen only replaces a folder it created itself (it holds `oagen.lock.json`), an empty
 *   folder, or a missing one; it refuses the project root, `/` and the home folder.
 */
import * as fs from 'node:fs';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { OagenError } from '../diagnostics.js';

export const MARKER = 'oagen.lock.json';

/** Folders inside a package that belong to its user (build output, installs): carried over as they are. */
const KEPT = ['node_modules', 'dist'];

export interface WriteResult {
  written: string[];
  unchanged: string[];
  removed: string[];
}

export async function writePackage(outDir: string, files: Map<string, string>, options: { cwd?: string } = {}): Promise<WriteResult> {
  const out = resolve(outDir);
  checkTarget(out, options.cwd ?? process.cwd());
  // Synchronous file system calls: for thousands of small files they are several times
  // faster than awaiting each promise, and a CLI has nothing else to do meanwhile.
  const previous = readTree(out);
  if (previous && previous.size > 0 && !previous.has(MARKER)) {
    throw usage(`refusing to write into '${outDir}': it exists, is not empty and was not created by oagen (no ${MARKER})`);
  }

  const result: WriteResult = { written: [], unchanged: [], removed: [] };
  const paths = [...files.keys()].sort();
  const same = (p: string) => previous?.has(p) === true && readIfExists(join(out, p)) === files.get(p);
  // Fast path: nothing changed at all → touch nothing.
  if (previous && paths.length === previous.size && paths.every(same)) return { ...result, unchanged: paths };

  const parent = dirname(out);
  fs.mkdirSync(parent, { recursive: true });
  const stage = join(parent, `.${out.slice(parent.length + 1)}.oagen-tmp-${process.pid}`);
  fs.rmSync(stage, { recursive: true, force: true });
  try {
    const made = new Set<string>();
    for (const p of paths) {
      const target = join(stage, p);
      const dir = dirname(target);
      if (!made.has(dir)) {
        fs.mkdirSync(dir, { recursive: true });
        made.add(dir);
      }
      if (same(p)) {
        // A hard link keeps the file's mtime (and costs no copy).
        try {
          fs.linkSync(join(out, p), target);
        } catch {
          fs.copyFileSync(join(out, p), target);
        }
        result.unchanged.push(p);
      } else {
        fs.writeFileSync(target, files.get(p)!);
        result.written.push(p);
      }
    }
    if (previous) for (const p of previous.keys()) if (!files.has(p)) result.removed.push(p);
    if (previous) swap(out, stage);
    else {
      fs.rmSync(out, { recursive: true, force: true }); // an empty folder
      fs.renameSync(stage, out);
    }
  } catch (e) {
    fs.rmSync(stage, { recursive: true, force: true });
    throw e;
  }
  return result;
}

/**
 * Replace `out` by `stage`, carrying over the folders that belong to the package's user.
 * If anything fails, the previous package is put back as it was.
 */
function swap(out: string, stage: string): void {
  const trash = `${stage}-old`;
  fs.renameSync(out, trash);
  const moved: string[] = [];
  try {
    for (const keep of KEPT) {
      if (existsSync(join(trash, keep))) {
        fs.renameSync(join(trash, keep), join(stage, keep));
        moved.push(keep);
      }
    }
    fs.renameSync(stage, out);
  } catch (e) {
    for (const keep of moved) fs.renameSync(join(stage, keep), join(trash, keep));
    fs.renameSync(trash, out);
    throw e;
  }
  fs.rmSync(trash, { recursive: true, force: true });
}

function checkTarget(out: string, cwd: string): void {
  const forbidden = new Map([
    [resolve('/'), 'the file system root'],
    [resolve(homedir()), 'the home folder'],
    [resolve(cwd), 'the current folder'],
  ]);
  const why = forbidden.get(out);
  if (why) throw usage(`refusing to use ${why} ('${out}') as an output folder`);
  const rel = relative(out, resolve(cwd));
  if (!rel.startsWith('..') && !isAbsolute(rel)) {
    throw usage(`refusing to use '${out}' as an output folder: it contains the current folder`);
  }
}

function usage(message: string): OagenError {
  return new OagenError([{ code: 'E_OUTPUT_FOLDER', severity: 'error', message }], 2);
}

/**
 * Every file of the package in `dir` (relative paths; the user's `node_modules` and `dist`
 * left out), or undefined when `dir` does not exist.
 */
export function readTree(dir: string): Map<string, true> | undefined {
  if (!existsSync(dir)) return undefined;
  if (!fs.statSync(dir).isDirectory()) throw usage(`output path '${dir}' exists and is not a folder`);
  const out = new Map<string, true>();
  const walk = (d: string, prefix: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const rel = prefix ? `${prefix}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (!prefix && KEPT.includes(e.name)) continue;
        walk(join(d, e.name), rel);
      } else out.set(rel, true);
    }
  };
  walk(dir, '');
  return out;
}

function readIfExists(p: string): string | undefined {
  try {
    return fs.readFileSync(p, 'utf8');
  } catch {
    return undefined;
  }
}
