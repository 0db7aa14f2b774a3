/**
 * Renames found at regeneration, by comparing the previous name lock with the new IR and
 * its names. The wire never sees these; users' code does.
 *
 * - An operation is renamed when the same `METHOD /path` gets another function name (its
 *   operationId changed). Its params, error and stream exports are renamed with it.
 * - A schema is renamed when the same pointer gets another name (an inline body named
 *   after an operation whose operationId changed), or when a pointer of the old lock is
 *   gone (or its structure changed) and a pointer of the new IR that is new (or whose
 *   structure changed) has the same structural hash (src/ir/walk.ts `structuralKey`: the
 *   type without its documentation). References to schemas renamed this way count as
 *   equal, so a renamed schema that refers to another renamed schema is found too (repeated
 *   until nothing more matches). Among several candidates with the same hash, a pointer
 *   that is gone pairs with one that is new before one whose structure changed, then the
 *   closest names pair first, then pointers in order.
 * - Two schemas that swap their structures (or their names) are two renames whose old
 *   names are still in use: the naming stage then gives each its old name back
 *   (src/lock/swaps.ts), and the same renames found again carry no name change.
 *
 * A renamed schema's request-side type (`<Name>Writable`, when it is split by readOnly/writeOnly on
 * both sides) is renamed with it.
 *
 * A schema renamed *and* changed is not a rename here: its old export is removed and a new
 * one added (a major change).
 */
import type { ApiIR, NamedSchema, Schema, SchemaId } from '../ir/types.js';
import { mapSchema } from '../ir/walk.js';
import type { Names } from '../naming/names.js';
import { lockedOperationNames, schemaHash, type AliasRole, type Lock } from './format.js';

export interface RenamedName {
  role: AliasRole;
  old: string;
  new: string;
}

export interface Rename {
  kind: 'schema' | 'operation';
  /** identity before and after (the same for operations and for schemas renamed in place) */
  from: string;
  to: string;
  /** how it was found: same identity, or same structure at another pointer */
  match: 'identity' | 'structure';
  /** old and new exported names, by role (only the ones that changed) */
  names: RenamedName[];
}

export function detectRenames(previous: Lock | undefined, ir: ApiIR, names: Names): Rename[] {
  if (!previous) return [];
  return [...operationRenames(previous, ir, names), ...schemaRenames(previous, ir, names)];
}

function operationRenames(previous: Lock, ir: ApiIR, names: Names): Rename[] {
  const out: Rename[] = [];
  for (const op of ir.operations) {
    const entry = previous.operations[op.key];
    const now = names.operation.get(op.key)!;
    if (!entry || entry.name === now.fn) continue;
    const was = lockedOperationNames(entry);
    const pairs: RenamedName[] = [
      { role: 'function', old: was.fn, new: now.fn },
      { role: 'params', old: was.params, new: now.params },
      { role: 'error', old: was.error, new: now.error },
      ...(now.stream ? [{ role: 'stream' as const, old: was.stream, new: now.stream }] : []),
    ];
    out.push({ kind: 'operation', from: op.key, to: op.key, match: 'identity', names: pairs.filter((p) => p.old !== p.new) });
  }
  return out;
}

interface Candidate {
  id: SchemaId;
  name: string;
  hash: string;
  /** gone (old side) / new (new side), rather than present on both sides with another structure */
  fresh: boolean;
}

function schemaRenames(previous: Lock, ir: ApiIR, names: Names): Rename[] {
  const out: Rename[] = [];
  const current = new Map<SchemaId, NamedSchema>(ir.schemas.map((n) => [n.id, n]));
  const hashes = new Map<SchemaId, string>(ir.schemas.map((n) => [n.id, schemaHash(n.schema)]));

  // Same pointer, another name.
  for (const n of ir.schemas) {
    const entry = previous.schemas[n.id];
    const name = names.schema.get(n.id)!;
    // only when the spec renamed it: a name kept for a swap (src/lock/swaps.ts) is none
    if (entry && entry.name !== name && (entry.want ?? entry.name) !== names.wanted.schema.get(n.id)) {
      out.push({ kind: 'schema', from: n.id, to: n.id, match: 'identity', names: [{ role: 'schema', old: entry.name, new: name }, ...writableRenamed(entry.writable, names.writable?.get(n.id))] });
    }
  }

  // Same structure, another pointer.
  const olds: Candidate[] = [];
  for (const [id, e] of Object.entries(previous.schemas)) {
    if (!e.hash) continue;
    if (!current.has(id)) olds.push({ id, name: e.name, hash: e.hash, fresh: true });
    else if (hashes.get(id) !== e.hash) olds.push({ id, name: e.name, hash: e.hash, fresh: false });
  }
  const news: Candidate[] = [];
  for (const n of ir.schemas) {
    const e = previous.schemas[n.id];
    if (!e) news.push({ id: n.id, name: names.schema.get(n.id)!, hash: hashes.get(n.id)!, fresh: true });
    else if (e.hash && e.hash !== hashes.get(n.id)) news.push({ id: n.id, name: names.schema.get(n.id)!, hash: hashes.get(n.id)!, fresh: false });
  }
  if (olds.length === 0 || news.length === 0) return out;
  olds.sort((a, b) => compare(a.id, b.id));
  news.sort((a, b) => compare(a.id, b.id));

  const moved = new Map<SchemaId, SchemaId>(); // new id → old id
  const taken = new Set<SchemaId>(); // old ids matched
  const match = (hashOf: (c: Candidate) => string): boolean => {
    const byHash = new Map<string, Candidate[]>();
    for (const c of news) {
      if (moved.has(c.id)) continue;
      const h = hashOf(c);
      byHash.set(h, [...(byHash.get(h) ?? []), c]);
    }
    let found = false;
    for (const o of olds) {
      if (taken.has(o.id)) continue;
      const options = (byHash.get(o.hash) ?? []).filter((c) => !moved.has(c.id) && c.id !== o.id);
      if (options.length === 0) continue;
      options.sort((a, b) => Number(b.fresh === o.fresh) - Number(a.fresh === o.fresh) || closeness(o.name, b.name) - closeness(o.name, a.name) || compare(a.id, b.id));
      moved.set(options[0].id, o.id);
      taken.add(o.id);
      found = true;
    }
    return found;
  };

  match((c) => c.hash);
  // References to renamed schemas count as equal: hash the new schema with them pointing back.
  while (moved.size > 0) {
    const back = (id: SchemaId) => moved.get(id) ?? id;
    const rehashed = new Map<SchemaId, string>();
    for (const c of news) {
      if (moved.has(c.id)) continue;
      const s = current.get(c.id)!.schema;
      const rewritten = retarget(s, back);
      rehashed.set(c.id, rewritten === s ? c.hash : schemaHash(rewritten));
    }
    if (!match((c) => rehashed.get(c.id) ?? c.hash)) break;
  }

  for (const c of news) {
    const from = moved.get(c.id);
    if (from === undefined) continue;
    const old = previous.schemas[from].name;
    const renamed: RenamedName[] = old === c.name ? [] : [{ role: 'schema', old, new: c.name }, ...writableRenamed(previous.schemas[from].writable, names.writable?.get(c.id))];
    out.push({ kind: 'schema', from, to: c.id, match: 'structure', names: renamed });
  }
  return out.sort((a, b) => compare(a.from, b.from) || compare(a.to, b.to));
}

/** A renamed schema's request-side type (`ThingWritable` → `ItemWritable`), renamed with it when it had one and still has. */
function writableRenamed(old: string | undefined, now: string | undefined): RenamedName[] {
  return old !== undefined && now !== undefined && old !== now ? [{ role: 'writable', old, new: now }] : [];
}

/** The schema with its `$ref` and discriminator targets mapped by `f` (the same object when none changes). */
function retarget(s: Schema, f: (id: SchemaId) => SchemaId): Schema {
  return mapSchema(s, (n) => {
    if (n.kind === 'ref') {
      const target = f(n.target);
      return target === n.target ? n : { ...n, target };
    }
    if (n.kind === 'union' && n.discriminator) {
      const mapping = n.discriminator.mapping.map((m) => {
        const target = f(m.target);
        return target === m.target ? m : { ...m, target };
      });
      return mapping.some((m, i) => m !== n.discriminator!.mapping[i]) ? { ...n, discriminator: { ...n.discriminator, mapping } } : n;
    }
    return n;
  });
}

/** How alike two names are: the longest run of letters and digits they share (case-insensitive). */
export function closeness(a: string, b: string): number {
  const x = a.toLowerCase().replace(/[^a-z0-9]/g, '');
  const y = b.toLowerCase().replace(/[^a-z0-9]/g, '');
  let best = 0;
  const row = new Array<number>(y.length + 1).fill(0);
  for (let i = 1; i <= x.length; i++) {
    let prev = 0;
    for (let j = 1; j <= y.length; j++) {
      const keep = row[j];
      row[j] = x[i - 1] === y[j - 1] ? prev + 1 : 0;
      if (row[j] > best) best = row[j];
      prev = keep;
    }
  }
  return best;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
