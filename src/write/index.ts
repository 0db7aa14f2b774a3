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
import { existsSync, promises as fs } from 'node:fs';
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
  const previous = await readTree(out);
  if (previous && previous.size > 0 && !previous.has(MARKER)) {
    throw usage(`refusing to write into '${outDir}': it exists, is not empty and was not created by oagen (no ${MARKER})`);
  }

  const result: WriteResult = { written: [], unchanged: [], removed: [] };
  const paths = [...files.keys()].sort();
  // Fast path: nothing changed at all → touch nothing.
  if (previous && paths.length === previous.size) {
    let same = true;
    for (const p of paths) {
      if (!previous.has(p) || (await readIfExists(join(out, p))) !== files.get(p)) {
        same = false;
        break;
      }
    }
    if (same) return { ...result, unchanged: paths };
  }

  const parent = dirname(out);
  await fs.mkdir(parent, { recursive: true });
  const stage = join(parent, `.${out.slice(parent.length + 1)}.oagen-tmp-${process.pid}`);
  await fs.rm(stage, { recursive: true, force: true });
  try {
    for (const p of paths) {
      const target = join(stage, p);
      await fs.mkdir(dirname(target), { recursive: true });
      const content = files.get(p)!;
      const old = previous?.has(p) ? join(out, p) : undefined;
      if (old && (await readIfExists(old)) === content) {
        await fs.link(old, target).catch(() => fs.copyFile(old, target));
        result.unchanged.push(p);
      } else {
        await fs.writeFile(target, content);
        result.written.push(p);
      }
    }
    if (previous) for (const p of previous.keys()) if (!files.has(p)) result.removed.push(p);

    if (previous) {
      // Keep what the user built or installed inside the package.
      for (const keep of KEPT) {
        if (existsSync(join(out, keep))) await fs.rename(join(out, keep), join(stage, keep));
      }
      const trash = `${stage}-old`;
      await fs.rename(out, trash);
      try {
        await fs.rename(stage, out);
      } catch (e) {
        await fs.rename(trash, out); // put the previous package back
        throw e;
      }
      await fs.rm(trash, { recursive: true, force: true });
    } else {
      await fs.rm(out, { recursive: true, force: true }); // an empty folder
      await fs.rename(stage, out);
    }
  } catch (e) {
    await fs.rm(stage, { recursive: true, force: true });
    throw e;
  }
  return result;
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

/** Every file below `dir` (relative paths), or undefined when `dir` does not exist. */
async function readTree(dir: string): Promise<Map<string, true> | undefined> {
  if (!existsSync(dir)) return undefined;
  const stat = await fs.stat(dir);
  if (!stat.isDirectory()) throw usage(`output path '${dir}' exists and is not a folder`);
  const out = new Map<string, true>();
  const walk = async (d: string, prefix: string) => {
    for (const e of await fs.readdir(d, { withFileTypes: true })) {
      const rel = prefix ? `${prefix}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (!prefix && KEPT.includes(e.name)) continue;
        await walk(join(d, e.name), rel);
      } else out.set(rel, true);
    }
  };
  await walk(dir, '');
  return out;
}

async function readIfExists(p: string): Promise<string | undefined> {
  try {
    return await fs.readFile(p, 'utf8');
  } catch {
    return undefined;
  }
}
