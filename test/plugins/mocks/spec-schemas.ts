/**
 * The spec's own schemas, checked by Ajv (an independent JSON Schema validator): the bundled
 * document's `components.schemas`, with OpenAPI 3.0's dialect (`nullable`, boolean
 * `exclusiveMinimum`) rewritten as JSON Schema 2020-12 says it. Nothing of oagen's IR is used.
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

export interface SpecValidator {
  /** the validator of the schema at a JSON pointer (`#/components/schemas/User`) */
  at(pointer: string): ValidateFunction;
}

/** `sections`: the document's top-level fields to load besides `components` (`paths`). */
export function specValidator(document: Record<string, unknown>, sections: string[] = []): SpecValidator {
  // OpenAPI 3.0's `nullable` and boolean exclusive bounds rewritten; OpenAI's 3.1 document uses
  // `nullable` too (as oagen reads it), so every document goes through the rewrite.
  const doc: Record<string, unknown> = { $id: 'spec:/', components: toJsonSchema(document.components) };
  for (const s of sections) doc[s] = toJsonSchema(document[s]);
  const ajv = new Ajv2020({ logger: false, inlineRefs: false, strict: false, allErrors: false, validateFormats: true, unicodeRegExp: true, allowUnionTypes: true });
  (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  ajv.addSchema(doc);
  return {
    at(pointer) {
      const v = ajv.getSchema(`spec:/${pointer}`);
      if (!v) throw new Error(`no schema at ${pointer}`);
      return v;
    },
  };
}

function isNullableOnly(m: unknown): boolean {
  if (typeof m !== 'object' || m === null) return false;
  const keys = Object.keys(m).filter((k) => k !== 'description' && k !== 'title');
  return keys.length === 1 && (m as Record<string, unknown>).nullable === true;
}

/**
 * A fake value as the wire carries it: a file (`Blob`, what the model type asks for a
 * `format: binary` string) is its content, a string.
 */
export function onTheWire(v: unknown): unknown {
  if (v instanceof Blob) return 'binary content';
  if (Array.isArray(v)) return v.map(onTheWire);
  if (typeof v === 'object' && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, onTheWire(x)]));
  return v;
}

/** OpenAPI 3.0 Schema Objects → JSON Schema 2020-12. */
function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (typeof node !== 'object' || node === null) return node;
  // OpenAI's idiom `allOf: [{ $ref }, { nullable: true }]`: the member says the whole may be null
  const raw = node as Record<string, unknown>;
  const idiom = Array.isArray(raw.allOf) && raw.allOf.some(isNullableOnly);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    out[k] = k === 'example' || k === 'enum' || k === 'default' ? v : toJsonSchema(k === 'allOf' && idiom ? (v as unknown[]).filter((m) => !isNullableOnly(m)) : v);
  }
  for (const [bound, flag] of [['minimum', 'exclusiveMinimum'], ['maximum', 'exclusiveMaximum']] as const) {
    if (out[flag] === true) {
      out[flag] = out[bound];
      delete out[bound];
    } else if (out[flag] === false) delete out[flag];
  }
  const nullable = out.nullable === true || idiom;
  delete out.nullable;
  if (nullable) {
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
    if (out.type === undefined) return { anyOf: [out, { type: 'null' }] };
  }
  return out;
}

/**
 * The components whose schema (or one it refers to) has an object with a `required` name it does
 * not declare in `properties` (GitHub's `content-tree` requires `content` and `encoding`): oagen's
 * IR keeps only declared properties, so a fake value cannot know them.
 */
export function undeclaredRequired(document: Record<string, unknown>): Set<string> {
  const schemas = ((document.components as Record<string, unknown>)?.schemas ?? {}) as Record<string, unknown>;
  const memo = new Map<string, boolean>();
  const visit = (node: unknown, seen: Set<unknown>): boolean => {
    if (typeof node !== 'object' || node === null || seen.has(node)) return false;
    seen.add(node);
    if (Array.isArray(node)) return node.some((x) => visit(x, seen));
    const o = node as Record<string, unknown>;
    if (typeof o.$ref === 'string') return component(o.$ref);
    if (Array.isArray(o.required) && !o.allOf && !o.anyOf && !o.oneOf) {
      const props = (o.properties ?? {}) as Record<string, unknown>;
      if (o.required.some((r) => typeof r === 'string' && !(r in props))) return true;
    }
    return Object.entries(o).some(([k, v]) => k !== 'example' && k !== 'examples' && k !== 'enum' && visit(v, seen));
  };
  const component = (ref: string): boolean => {
    const m = /^#\/components\/schemas\/(.+)$/.exec(ref);
    if (!m) return false;
    if (!memo.has(ref)) {
      memo.set(ref, false); // a cycle adds nothing
      memo.set(ref, visit(schemas[m[1].replace(/~1/g, '/').replace(/~0/g, '~')], new Set()));
    }
    return memo.get(ref)!;
  };
  return new Set(Object.keys(schemas).map((k) => `#/components/schemas/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`).filter(component));
}
