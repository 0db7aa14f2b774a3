/**
 * Schemas that swap names keep theirs. When the spec's renames only permute names that
 * the previous package already exported (`A` ↔ `B`, or `A` → `B` → `C` → `A`), every name
 * stays with the structure it named: the type once called `A` is still `A`, whatever the
 * spec calls it now. Code written against the old package then compiles unchanged and
 * means the same; no alias is needed, since every old name is still live.
 *
 * Done through the naming stage's `revise` hook (src/naming/names.ts): names are assigned
 * with the lock's pins, renames found (src/lock/renames.ts), and each cycle of schema
 * renames pins its new identities to their old names. The lock records the result (name
 * and the wanted spec name differ), so later regenerations keep it without a second look.
 * A plain rename, or a chain that ends in a new name, is not a cycle: it keeps its new
 * name and a deprecated alias (src/lock/aliases.ts).
 */
import type { ApiIR, SchemaId } from '../ir/types.js';
import type { Names, PinnedNames } from '../naming/names.js';
import type { Lock } from './format.js';
import { detectRenames, type Rename } from './renames.js';

/** A schema whose generated name was kept though the spec renamed it. */
export interface KeptName {
  /** the schema now (pointer) */
  id: SchemaId;
  /** its TypeScript name, the same as before */
  name: string;
  /** the name the spec gave it before, and now */
  specBefore: string;
  specNow: string;
}

interface Edge {
  old: string;
  new: string;
  to: SchemaId;
}

/** Pins that keep swapped names, or undefined when the renames contain no cycle. */
export function swapPins(previous: Lock, ir: ApiIR, names: Names, pins: PinnedNames): PinnedNames | undefined {
  const cycles = renameCycles(detectRenames(previous, ir, names));
  if (cycles.length === 0) return undefined;
  const members = new Set<SchemaId>();
  const held = new Set<string>();
  for (const e of cycles.flat()) {
    members.add(e.to);
    held.add(e.old.toLowerCase());
  }
  const schema = new Map(pins.schema);
  // no other identity may hold on to a name of the cycle
  for (const [id, pin] of schema) if (!members.has(id) && held.has(pin.name.toLowerCase())) schema.delete(id);
  for (const e of cycles.flat()) schema.set(e.to, { name: e.old, want: names.wanted.schema.get(e.to)! });
  return { ...(pins.operation ? { operation: pins.operation } : {}), ...(pins.writable ? { writable: pins.writable } : {}), schema };
}

/** Cycles among the schema renames: each new name is the old name of the next rename. */
export function renameCycles(renames: Rename[]): Edge[][] {
  const edges: Edge[] = [];
  for (const r of renames) {
    if (r.kind !== 'schema') continue;
    for (const n of r.names) if (n.role === 'schema') edges.push({ old: n.old, new: n.new, to: r.to });
  }
  // only names that are unambiguous on both sides
  const count = (key: (e: Edge) => string) => {
    const m = new Map<string, number>();
    for (const e of edges) m.set(key(e), (m.get(key(e)) ?? 0) + 1);
    return m;
  };
  const olds = count((e) => e.old);
  const news = count((e) => e.new);
  const byOld = new Map<string, Edge>();
  for (const e of edges) if (olds.get(e.old) === 1 && news.get(e.new) === 1) byOld.set(e.old, e);

  const out: Edge[][] = [];
  const seen = new Set<string>();
  for (const start of [...byOld.keys()].sort()) {
    if (seen.has(start)) continue;
    const path: Edge[] = [];
    let cur = byOld.get(start);
    while (cur && !seen.has(cur.old)) {
      seen.add(cur.old);
      path.push(cur);
      cur = byOld.get(cur.new);
    }
    const at = cur ? path.indexOf(cur) : -1;
    if (at >= 0) out.push(path.slice(at));
  }
  return out;
}

/**
 * The schemas of this generation whose name was kept though the spec renamed them (found
 * from the previous lock: the same name as before, for the same pointer or for the pointer
 * its structure moved to, while the spec's name changed), sorted by name.
 */
export function keptNames(previous: Lock | undefined, ir: ApiIR, names: Names, renames: Rename[]): KeptName[] {
  if (!previous) return [];
  const out: KeptName[] = [];
  const movedTo = new Set<SchemaId>();
  for (const r of renames) {
    if (r.kind !== 'schema' || r.match !== 'structure') continue;
    movedTo.add(r.to);
    const before = previous.schemas[r.from];
    const name = names.schema.get(r.to);
    const want = names.wanted.schema.get(r.to);
    if (before && name === before.name && want !== undefined && (before.want ?? before.name) !== want && name !== want) out.push({ id: r.to, name, specBefore: before.want ?? before.name, specNow: want });
  }
  for (const n of ir.schemas) {
    if (movedTo.has(n.id)) continue;
    const before = previous.schemas[n.id];
    const name = names.schema.get(n.id);
    const want = names.wanted.schema.get(n.id);
    if (before && name === before.name && want !== undefined && (before.want ?? before.name) !== want && name !== want) out.push({ id: n.id, name, specBefore: before.want ?? before.name, specNow: want });
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
