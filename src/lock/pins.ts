/**
 * The pin policy: how the names of the previous lock (src/lock/format.ts) are given to this
 * generation. The naming stage (src/naming/names.ts) gives every identity the lock records
 * its recorded name, so a name once given stays with its identity; an identity the spec
 * renamed gets its new name (src/lock/renames.ts finds the rename, src/lock/aliases.ts keeps
 * the old name as a deprecated alias); schemas whose names the spec only swapped keep theirs
 * (src/lock/swaps.ts, through the naming stage's `revise` hook).
 */
import type { PinnedNames } from '../naming/names.js';
import type { Lock } from './format.js';
import { swapPins } from './swaps.js';

export function pinnedFromLock(lock: Lock | undefined): PinnedNames {
  if (!lock) return {};
  const pins: PinnedNames = {
    schema: new Map(Object.entries(lock.schemas).map(([id, e]) => [id, { name: e.name, want: e.want ?? e.name }])),
    operation: new Map(Object.entries(lock.operations).map(([key, e]) => [key, { name: e.name, want: e.want ?? e.name }])),
  };
  const writable = Object.entries(lock.schemas).filter(([, e]) => e.writable !== undefined);
  if (writable.length > 0) pins.writable = new Map(writable.map(([id, e]) => [id, e.writable!]));
  // schemas whose names the spec swapped keep theirs (src/lock/swaps.ts)
  return { ...pins, revise: (ir, names) => swapPins(lock, ir, names, pins) };
}
