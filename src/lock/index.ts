/**
 * The name lock, `oagen.lock.json` inside each generated package: every public export
 * with its identity (schema pointer or `METHOD /path`), a structural hash of its IR node
 * and the package version that introduced it. The naming stage reads it back so that a
 * name once given to an identity stays with it. Its presence also marks the folder as
 * oagen's own (src/write/). Sorted keys, no timestamps: deterministic.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiIR } from '../ir/types.js';
import { structuralKey } from '../ir/walk.js';
import type { Names, PinnedNames } from '../naming/names.js';

export const LOCK_FILE = 'oagen.lock.json';

export interface LockEntry {
  name: string;
  /** the name the identity wanted (before collision rules); a change means the spec renamed it */
  want: string;
  /** structural hash of the normalized IR node (schemas only) */
  hash?: string;
  /** package version that introduced the export */
  since: string;
}

export interface Lock {
  oagen: 1;
  package: string;
  version: string;
  schemas: Record<string, LockEntry>;
  operations: Record<string, LockEntry>;
}

export function readLock(outDir: string): Lock | undefined {
  try {
    const lock = JSON.parse(readFileSync(join(outDir, LOCK_FILE), 'utf8')) as Lock;
    if (lock && lock.oagen === 1 && typeof lock.schemas === 'object' && typeof lock.operations === 'object') return lock;
  } catch {
    // no lock (first generation) or an unreadable one: names start fresh
  }
  return undefined;
}

export function pinnedFromLock(lock: Lock | undefined): PinnedNames {
  if (!lock) return {};
  return {
    schema: new Map(Object.entries(lock.schemas).map(([id, e]) => [id, { name: e.name, want: e.want ?? e.name }])),
    operation: new Map(Object.entries(lock.operations).map(([key, e]) => [key, { name: e.name, want: e.want ?? e.name }])),
  };
}

export function schemaHash(schema: Parameters<typeof structuralKey>[0]): string {
  return createHash('sha256').update(structuralKey(schema)).digest('hex').slice(0, 16);
}

export function buildLock(ir: ApiIR, names: Names, pkg: { name: string; version: string }, previous: Lock | undefined): Lock {
  const schemas: Record<string, LockEntry> = {};
  for (const n of [...ir.schemas].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const name = names.schema.get(n.id)!;
    const prev = previous?.schemas[n.id];
    schemas[n.id] = { name, want: names.wanted.schema.get(n.id)!, hash: schemaHash(n.schema), since: prev && prev.name === name ? prev.since : pkg.version };
  }
  const operations: Record<string, LockEntry> = {};
  for (const op of [...ir.operations].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))) {
    const name = names.operation.get(op.key)!.fn;
    const prev = previous?.operations[op.key];
    operations[op.key] = { name, want: names.wanted.operation.get(op.key)!, since: prev && prev.name === name ? prev.since : pkg.version };
  }
  return { oagen: 1, package: pkg.name, version: pkg.version, schemas, operations };
}

export function serializeLock(lock: Lock): string {
  return JSON.stringify(lock, null, 2) + '\n';
}
