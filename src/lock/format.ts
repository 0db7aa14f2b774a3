/**
 * The name lock's file format, `oagen.lock.json` inside each generated package: every public
 * export with its identity (schema pointer or `METHOD /path`), a structural hash of its IR
 * node and the package version that introduced it, plus the deprecated aliases the package
 * keeps for renamed exports. Reading (an unreadable or hand-broken lock never reaches
 * generated code), building from this generation's names, writing. Sorted keys, no
 * timestamps: deterministic. Its presence also marks the folder as oagen's own (src/write/).
 *
 * How the lock's names are used is the pin policy: src/lock/pins.ts (names pinned, swapped
 * names kept, src/lock/swaps.ts), src/lock/renames.ts (renames found against it) and
 * src/lock/aliases.ts (the aliases kept for them).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiIR, OperationKey, SchemaId } from '../ir/types.js';
import { structuralKey } from '../ir/walk.js';
import { pascalCase } from '../naming/casing.js';
import { identifier } from '../escape/index.js';
import type { Names, OperationNames } from '../naming/names.js';

export const LOCK_FILE = 'oagen.lock.json';

export interface LockEntry {
  name: string;
  /** the name the identity wanted (before collision rules); a change means the spec renamed it */
  want: string;
  /** structural hash of the normalized IR node (schemas only) */
  hash?: string;
  /** package version that introduced the export */
  since: string;
  /** operations: the params / error / stream export names, recorded only when they are not the usual `<Fn>Params`, `<Fn>Error`, `<fn>Stream` */
  params?: string;
  error?: string;
  stream?: string;
  /** schemas split by readOnly / writeOnly: the request-side type's name (`UserWritable`) */
  writable?: string;
}

/** Which export of an identity an alias stands for. */
/** `writable`: a schema's request-side type (`ThingWritable`, src/normalize/read-write.ts) */
export type AliasRole = 'schema' | 'function' | 'params' | 'error' | 'stream' | 'writable';

/** A deprecated alias kept for a renamed export. */
export interface LockAlias {
  /** the old name, still exported */
  name: string;
  role: AliasRole;
  /** the identity it follows (schema pointer or `METHOD /path`): it always aliases that identity's current export */
  of: string;
  /** the current name it aliases (for readers of the lock; recomputed from `of` on every run) */
  target: string;
  /** package version that introduced the alias (the rename) */
  since: string;
}

export interface Lock {
  oagen: 1;
  package: string;
  version: string;
  schemas: Record<SchemaId, LockEntry>;
  operations: Record<OperationKey, LockEntry>;
  /** sorted by name, then role; absent when there are none */
  aliases?: LockAlias[];
  /** the formatter the package's code was formatted with (src/format/); absent when none */
  format?: 'prettier' | 'biome';
}

export function readLock(outDir: string): Lock | undefined {
  try {
    const lock = JSON.parse(readFileSync(join(outDir, LOCK_FILE), 'utf8')) as Lock;
    if (lock && lock.oagen === 1 && typeof lock.schemas === 'object' && lock.schemas && typeof lock.operations === 'object' && lock.operations) {
      // the lock is an input too: names that are not plain identifiers never reach generated code
      for (const entries of [lock.schemas, lock.operations]) {
        for (const [id, e] of Object.entries(entries)) if (!isLockEntry(e)) delete entries[id];
      }
      if (Array.isArray(lock.aliases)) lock.aliases = lock.aliases.filter(isLockAlias);
      else delete lock.aliases;
      if (typeof lock.version !== 'string') lock.version = '0.1.0';
      if (lock.format !== 'prettier' && lock.format !== 'biome') delete lock.format;
      return lock;
    }
  } catch {
    // no lock (first generation) or an unreadable one: names start fresh
  }
  return undefined;
}

const ROLES = new Set<string>(['schema', 'function', 'params', 'error', 'stream', 'writable']);

function isName(v: unknown): v is string {
  return typeof v === 'string' && v !== '' && identifier(v) === v;
}

function isLockEntry(e: unknown): e is LockEntry {
  if (typeof e !== 'object' || e === null) return false;
  const x = e as Record<string, unknown>;
  return isName(x.name) && (x.want === undefined || typeof x.want === 'string') && typeof x.since === 'string' && [x.params, x.error, x.stream, x.writable].every((n) => n === undefined || isName(n));
}

function isLockAlias(a: unknown): a is LockAlias {
  if (typeof a !== 'object' || a === null) return false;
  const x = a as Record<string, unknown>;
  return isName(x.name) && typeof x.role === 'string' && ROLES.has(x.role) && typeof x.of === 'string' && typeof x.since === 'string';
}

const hashes = new WeakMap<object, string>();

/** A schema's structural hash; remembered per schema object (the IR is never changed in place, and a run hashes each named schema more than once). */
export function schemaHash(schema: Parameters<typeof structuralKey>[0]): string {
  let hash = hashes.get(schema);
  if (hash === undefined) {
    hash = createHash('sha256').update(structuralKey(schema)).digest('hex').slice(0, 16);
    hashes.set(schema, hash);
  }
  return hash;
}

/** The usual names of an operation's params / error / stream exports, given its function name. */
export function defaultOperationNames(fn: string): { params: string; error: string; stream: string } {
  const base = pascalCase(fn);
  return { params: identifier(`${base}Params`), error: identifier(`${base}Error`), stream: `${fn}Stream` };
}

/** The export names an operation had, as recorded in a lock entry. */
export function lockedOperationNames(e: LockEntry): { fn: string; params: string; error: string; stream: string } {
  const d = defaultOperationNames(e.name);
  return { fn: e.name, params: e.params ?? d.params, error: e.error ?? d.error, stream: e.stream ?? d.stream };
}

export function buildLock(ir: ApiIR, names: Names, pkg: { name: string; version: string }, previous: Lock | undefined, aliases: LockAlias[] = []): Lock {
  const schemas: Record<string, LockEntry> = {};
  for (const n of [...ir.schemas].sort((a, b) => compare(a.id, b.id))) {
    const name = names.schema.get(n.id)!;
    const prev = previous?.schemas[n.id];
    schemas[n.id] = { name, want: names.wanted.schema.get(n.id)!, hash: schemaHash(n.schema), since: prev && prev.name === name ? prev.since : pkg.version };
    const writable = names.writable?.get(n.id);
    if (writable !== undefined) schemas[n.id].writable = writable;
  }
  const operations: Record<string, LockEntry> = {};
  for (const op of [...ir.operations].sort((a, b) => compare(a.key, b.key))) {
    const n = names.operation.get(op.key)!;
    const prev = previous?.operations[op.key];
    operations[op.key] = {
      name: n.fn,
      want: names.wanted.operation.get(op.key)!,
      since: prev && prev.name === n.fn ? prev.since : pkg.version,
      ...unusualNames(n),
    };
  }
  const lock: Lock = { oagen: 1, package: pkg.name, version: pkg.version, schemas, operations };
  if (aliases.length > 0) lock.aliases = sortAliases(aliases).map((a) => ({ name: a.name, role: a.role, of: a.of, target: a.target, since: a.since }));
  return lock;
}

function unusualNames(n: OperationNames): Pick<LockEntry, 'params' | 'error' | 'stream'> {
  const d = defaultOperationNames(n.fn);
  return {
    ...(n.params !== d.params ? { params: n.params } : {}),
    ...(n.error !== d.error ? { error: n.error } : {}),
    ...(n.stream !== undefined && n.stream !== d.stream ? { stream: n.stream } : {}),
  };
}

export function sortAliases<T extends Pick<LockAlias, 'name' | 'role'>>(aliases: T[]): T[] {
  return [...aliases].sort((a, b) => compare(a.name, b.name) || compare(a.role, b.role));
}

export function serializeLock(lock: Lock): string {
  return JSON.stringify(lock, null, 2) + '\n';
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
