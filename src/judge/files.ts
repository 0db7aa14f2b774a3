/** Which files of a regenerated package differ from the previous one's: the judge's first question. */
import { LOCK_FILE } from '../lock/format.js';
import type { Verdict } from './types.js';

/** Files that say what changed rather than being the change. */
export const BOOKKEEPING: ReadonlySet<string> = new Set([LOCK_FILE, 'CHANGELOG.md']);

/** The paths whose content differs (or that exist on one side only), bookkeeping aside, sorted. */
export function changedFiles(oldFiles: ReadonlyMap<string, string>, newFiles: ReadonlyMap<string, string>): string[] {
  return [...new Set([...oldFiles.keys(), ...newFiles.keys()])].filter((p) => !BOOKKEEPING.has(p) && oldFiles.get(p) !== newFiles.get(p)).sort();
}

/** The verdict on two packages without a difference. */
export function unchanged(): Verdict {
  return { semver: 'none', reasons: ['the generated package is the same'], exports: [], files: [], typeChecked: false };
}
