/** State of one Swagger 2.0 → OpenAPI 3.0 conversion. */
export interface ConvertContext {
  /** the 2.0 document */
  source: Record<string, unknown>;
  /** every object built → pointer of what it was built from in the 2.0 document */
  origins: WeakMap<object, string>;
  /** pointer of a converted schema in the 2.0 document → its pointer in the 3.0 one */
  moved: Map<string, string>;
  /** each 2.0 schema node → its 3.0 node (shared nodes stay shared) */
  schemas: Map<object, Record<string, unknown>>;
  /** rewrite a `$ref`; `holder` is the object that carries it (for a later fix-up) */
  rewriteRef(ref: string, holder: Record<string, unknown>): string;
  consumes: string[];
  produces: string[];
}
