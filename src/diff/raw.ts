/**
 * The spec as written, next to its IR: the JSON Schema keywords the IR does not keep
 * (OpenAPI 3.1 / JSON Schema 2020-12 applicators such as `contains`, `if`/`then`/`else`,
 * `dependentRequired`, `not`, and the `x-extensible-enum` extension) are read from the
 * loaded document at a schema node's pointer. Their sub-schemas are parsed with the same
 * schema parser as the rest of the spec, so they are compared like any other schema.
 */
import { Diagnostics } from '../diagnostics.js';
import type { ApiIR, NamedSchema, Schema, SchemaId } from '../ir/types.js';
import type { LoadedSpec } from '../load/index.js';
import { CountingReporter, type ParseContext } from '../parse/context.js';
import { parseSchema } from '../parse/schema.js';

export interface RawSide {
  /** the schema object written at `pointer` (undefined for a boolean schema or a missing node) */
  node(pointer: string): Record<string, unknown> | undefined;
  /** a sub-schema as IR (its `$ref`s name the side's named schemas) */
  parse(node: unknown, pointer: string): Schema;
}

export function rawSide(loaded: LoadedSpec, ir: ApiIR): RawSide {
  const named = new Map<SchemaId, NamedSchema>(ir.schemas.map((n) => [n.id, n]));
  const ctx: ParseContext = {
    resolve: (ref) => loaded.resolve(ref),
    // the spec's problems were reported when it was loaded; a sub-schema parse reports nothing twice
    diagnostics: new CountingReporter(new Diagnostics()),
    version: loaded.version,
    named,
    pending: new Set(),
    reused: { schemas: new Map(), responses: new Map(), parameters: new Map() },
  };
  const parsed = new Map<string, Schema>();
  return {
    node(pointer) {
      const v = loaded.resolve(pointer);
      return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
    },
    parse(node, pointer) {
      let s = parsed.get(pointer);
      if (!s) {
        s = parseSchema(node, pointer, ctx);
        parsed.set(pointer, s);
      }
      return s;
    },
  };
}
