/**
 * The models as the package declares them, readOnly / writeOnly applied
 * (src/normalize/read-write.ts): a split schema twice, its response side under its own id and
 * name, its request side under its virtual id (`writableId`) and `Names.writable` name; a schema
 * used on one side only as that side sees it; every other one as it is.
 */
import type { ApiIR, NamedSchema, SchemaId } from '../ir/types.js';
import type { Names } from '../naming/names.js';
import { writableId, type ReadWriteFacts } from '../normalize/read-write.js';

export interface DeclaredModels {
  /** the named schemas, in the IR's order, each request-side type after its response side */
  readonly models: readonly NamedSchema[];
  /** generated type name of each, virtual ids included */
  readonly names: ReadonlyMap<SchemaId, string>;
  /** a split schema's two types, each to the other: the other side and its type's name */
  readonly counterparts: ReadonlyMap<SchemaId, Counterpart>;
}

/** The type of a split schema on the other side (`ModelView.counterpart`). */
export interface Counterpart {
  /** the side the other type serves */
  readonly side: 'request' | 'response';
  readonly name: string;
}

export function declaredModels(ir: ApiIR, names: Names, rw: ReadWriteFacts): DeclaredModels {
  if (rw.split.length === 0 && rw.side.size === 0) return { models: ir.schemas, names: names.schema, counterparts: new Map() };
  const writable = names.writable ?? new Map<SchemaId, string>();
  const typeNames = new Map(names.schema);
  const models: NamedSchema[] = [];
  const counterparts = new Map<SchemaId, Counterpart>();
  for (const n of ir.schemas) {
    const request = writable.get(n.id);
    if (request !== undefined) {
      models.push({ ...n, schema: rw.view(n.schema, 'response') });
      const id = writableId(n.id);
      models.push({ id, nameHint: n.nameHint, schema: rw.view(n.schema, 'request') });
      typeNames.set(id, request);
      counterparts.set(n.id, { side: 'request', name: request });
      counterparts.set(id, { side: 'response', name: names.schema.get(n.id)! });
      continue;
    }
    const side = rw.side.get(n.id);
    models.push(side ? { ...n, schema: rw.view(n.schema, side) } : n);
  }
  return { models, names: typeNames, counterparts };
}
