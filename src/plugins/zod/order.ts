/**
 * The order the model schemas are declared in, and which are recursive. A Zod schema is a value:
 * one that refers to another needs it declared first, except through a getter (an object
 * property) or `z.lazy`. So the named schemas are sorted by their references (the strongly
 * connected components of the reference graph, dependencies first, by name within one), and
 * the members of a cycle refer to each other lazily.
 */
import type { Schema, SchemaId } from '../../ir/types.js';
import { children } from '../../ir/walk.js';

export interface SchemaOrder {
  /** the ids, each after the ones it refers to (cycles apart) */
  readonly order: readonly SchemaId[];
  /** id → its component: the ids it is mutually recursive with (itself included); absent when not recursive */
  readonly cycles: ReadonlyMap<SchemaId, ReadonlySet<SchemaId>>;
}

/** The references of a schema to named schemas, each once. */
export function references(s: Schema, out = new Set<SchemaId>()): Set<SchemaId> {
  const stack = [s];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.kind === 'ref') out.add(n.target);
    else stack.push(...children(n));
  }
  return out;
}

/** Tarjan's algorithm, iterative (reference chains of big specs are deep). */
export function schemaOrder(schemas: ReadonlyMap<SchemaId, Schema>, name: (id: SchemaId) => string): SchemaOrder {
  const ids = [...schemas.keys()].sort((a, b) => cmp(name(a), name(b)) || cmp(a, b));
  const edges = new Map<SchemaId, SchemaId[]>();
  for (const id of ids) edges.set(id, [...references(schemas.get(id)!)].filter((t) => schemas.has(t)).sort((a, b) => cmp(name(a), name(b)) || cmp(a, b)));
  const index = new Map<SchemaId, number>();
  const low = new Map<SchemaId, number>();
  const onStack = new Set<SchemaId>();
  const stack: SchemaId[] = [];
  const order: SchemaId[] = [];
  const cycles = new Map<SchemaId, ReadonlySet<SchemaId>>();
  let counter = 0;
  for (const root of ids) {
    if (index.has(root)) continue;
    const work: { id: SchemaId; next: number }[] = [{ id: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const out = edges.get(frame.id)!;
      if (frame.next < out.length) {
        const t = out[frame.next++];
        if (!index.has(t)) {
          index.set(t, counter);
          low.set(t, counter++);
          stack.push(t);
          onStack.add(t);
          work.push({ id: t, next: 0 });
        } else if (onStack.has(t)) low.set(frame.id, Math.min(low.get(frame.id)!, index.get(t)!));
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].id;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.id)!));
      }
      if (low.get(frame.id) !== index.get(frame.id)) continue;
      const component: SchemaId[] = [];
      let x: SchemaId;
      do {
        x = stack.pop()!;
        onStack.delete(x);
        component.push(x);
      } while (x !== frame.id);
      component.sort((a, b) => cmp(name(a), name(b)) || cmp(a, b));
      const recursive = component.length > 1 || edges.get(component[0])!.includes(component[0]);
      if (recursive) {
        const set = new Set(component);
        for (const id of component) cycles.set(id, set);
      }
      order.push(...component);
    }
  }
  return { order, cycles };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
