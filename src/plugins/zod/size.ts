/**
 * Which model schemas get an explicit type annotation because their inferred type is too large.
 *
 * A Zod schema's inferred type spells out the types of every schema it refers to: the type of
 * `z.object({ a: ASchema })` contains `ASchema`'s whole type, which contains its references'
 * types, and so on. When the declarations are emitted (`declaration: true`, what the package's
 * `npm run build` does), TypeScript writes each `const`'s type out, and one longer than it will
 * serialize (about a million characters) fails with TS7056 ("The inferred type of this node
 * exceeds the maximum length the compiler will serialize"): AWS QuickSight's `VisualSchema` does.
 *
 * The rule, on the IR: a schema's size is the number of nodes its inferred type holds: one per
 * IR node, one per object property (its key) and per `optional`/`nullable` wrapper, one per enum
 * value; a property schema of an object with both declared and additional properties counts
 * twice (the catch-all repeats it: schema.ts, `indexValue`); a reference to another model
 * schema counts that schema's size, or 1 when that schema is annotated (its type is then the
 * short `z.ZodType<T.Model>`) or not a model. Schemas are measured in declaration order
 * (references first), so an annotation also shrinks every schema that refers to the annotated
 * one. A schema larger than `ANNOTATE_ABOVE` is annotated; recursive schemas are annotated
 * anyway (order.ts) and count 1.
 *
 * The cost of an annotation: the schema's type is then `z.ZodType<T.Model>` (`z.ZodMiniType` with
 * `mini`), without the methods of its kind (an object's `.shape`, `.extend`, `.pick`, `.omit`; a
 * union's `.options`); it still parses and infers the same. So annotating is kept rare.
 *
 * The threshold, measured (TypeScript 7, zod 4; README, "The zod plugin"): TS7056 comes at about
 * 0.9–1 million characters of type text (whitespace aside). A model made of ~3 000 references to
 * one small model (~15 characters per node) passes at 60 000 nodes and fails at 65 000; in AWS
 * QuickSight (~18 characters per node) the smallest failing schema has size 74 333
 * (`VisualSchema`), the largest passing one 12 349. An annotation has a cost of its own: the
 * compiler checks the inferred type against the model type, and for a large one that exceeds its
 * instantiation limit (TS2589): in Google's contentwarehouse, annotated at 20 000, schemas of
 * size 22 966 and 48 051 failed so, where at 10 000 the package builds. Hence 10 000: twice under
 * the smallest size seen to fail that check, five to six times under TS7056's.
 */
import type { Schema, SchemaId } from '../../ir/types.js';
import { children } from '../../ir/walk.js';
import type { ApiView } from '../../view/index.js';
import { isDateFormat } from './formats.js';
import { schemaOrder } from './order.js';

/** A model schema whose inferred type is larger than this many nodes is annotated (see above). */
export const ANNOTATE_ABOVE = 10000;

export interface SizeResult {
  /** the ids annotated because of their size (recursive ones not included) */
  readonly annotated: ReadonlySet<SchemaId>;
  /** id → its size as measured (before annotation: what its inferred type would be) */
  readonly sizes: ReadonlyMap<SchemaId, number>;
}

/**
 * Measures the schemas in `order` (each after the ones it refers to) and picks those to annotate.
 * `cycles` are the recursive ones (annotated anyway, they count 1 where referred to).
 */
export function annotateBySize(
  schemas: ReadonlyMap<SchemaId, Schema>,
  order: readonly SchemaId[],
  cycles: ReadonlyMap<SchemaId, unknown> | ReadonlySet<SchemaId>,
  threshold = ANNOTATE_ABOVE,
): SizeResult {
  const sizes = new Map<SchemaId, number>();
  const annotated = new Set<SchemaId>();
  /** what a reference to id counts */
  const refSize = (id: SchemaId) => (annotated.has(id) || cycles.has(id) ? 1 : (sizes.get(id) ?? 1));
  for (const id of order) {
    const s = schemas.get(id);
    if (!s) continue;
    const size = schemaSize(s, refSize);
    sizes.set(id, size);
    if (!cycles.has(id) && size > threshold) annotated.add(id);
  }
  return { annotated, sizes };
}

/** The size of one schema's inferred type, a reference counting `refSize(target)`. */
export function schemaSize(s: Schema, refSize: (id: SchemaId) => number): number {
  // iterative: nesting in big specs is deep; `weight` multiplies a node (a catch-all repeats its properties)
  let total = 0;
  const stack: { s: Schema; weight: number }[] = [{ s, weight: 1 }];
  while (stack.length > 0) {
    const { s: n, weight } = stack.pop()!;
    let own = n.kind === 'ref' ? refSize(n.target) : 1;
    if (n.nullable) own += 1;
    if (n.kind === 'enum') own += n.values.length;
    if (n.kind === 'object') {
      own += n.properties.reduce((sum, p) => sum + (p.required ? 1 : 2), 0);
      const repeat = n.additional && n.properties.length > 0 ? 2 : 1;
      for (const p of n.properties) stack.push({ s: p.schema, weight: weight * repeat });
      if (n.additional) stack.push({ s: n.additional, weight });
    } else for (const c of children(n)) stack.push({ s: c, weight });
    total += own * weight;
  }
  return total;
}

/**
 * `dates: "Date"`: the ids whose schema's output is not the model type — a `date-time` or `date`
 * string in it, a recursive schema (`unknown` output: render.ts), or a reference to one of those
 * (any depth). An annotated one of these cannot claim the model type as its output (render.ts).
 */
export function datedSchemas(schemas: ReadonlyMap<SchemaId, Schema>, recursive: Iterable<SchemaId> = []): Set<SchemaId> {
  const referrers = new Map<SchemaId, SchemaId[]>();
  const dated = new Set<SchemaId>(recursive);
  for (const [id, s] of schemas) {
    const stack = [s];
    while (stack.length > 0) {
      const n = stack.pop()!;
      if (n.kind === 'ref') {
        const list = referrers.get(n.target);
        if (list) list.push(id);
        else referrers.set(n.target, [id]);
      } else if (n.kind === 'string' && isDateFormat(n.format)) dated.add(id);
      else stack.push(...children(n));
    }
  }
  const queue = [...dated];
  while (queue.length > 0) {
    for (const r of referrers.get(queue.pop()!) ?? []) {
      if (dated.has(r)) continue;
      dated.add(r);
      queue.push(r);
    }
  }
  return dated;
}

/** The type names of the package's models annotated for their size, sorted (the README lists them). */
export function sizeAnnotatedModels(view: ApiView): string[] {
  const schemas = view.types.schemas;
  const name = (id: SchemaId) => view.types.names.get(id) ?? id;
  const { order, cycles } = schemaOrder(schemas, name);
  return [...annotateBySize(schemas, order, cycles).annotated].map(name).sort();
}
