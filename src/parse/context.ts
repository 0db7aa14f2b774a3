import type { Diagnostics } from '../diagnostics.js';
import { childPointer, unescapeSegment } from '../load/pointer.js';
import type { NamedSchema, Parameter, Schema, SchemaId } from '../ir/types.js';
import type { ResponseBody } from './operation.js';

/** The run's diagnostics, counted: a parse that reported nothing can be reused (see `reuse`). */
export class CountingReporter {
  count = 0;
  constructor(private readonly target: Diagnostics) {}

  error(code: string, message: string, pointer?: string): void {
    this.count++;
    this.target.error(code, message, pointer);
  }

  warn(code: string, message: string, pointer?: string): void {
    this.count++;
    this.target.warn(code, message, pointer);
  }
}

/** State shared by the parsers of one document: the document, diagnostics, and the named-schema table. */
export interface ParseContext {
  /** resolve an internal `$ref` to its node (undefined when missing) */
  resolve(ref: string): unknown;
  diagnostics: CountingReporter;
  version: '2.0' | '3.0' | '3.1';
  /** every schema that gets a name, by id; filled as refs are met */
  named: Map<SchemaId, NamedSchema>;
  /** ids whose parse is in progress (a `$ref` cycle through non-component pointers) */
  pending: Set<SchemaId>;
  /** what was built from shared nodes (`$ref`d parameters, responses …), by kind (see `reuse`) */
  reused: { schemas: ReuseCache<Schema>; responses: ReuseCache<ResponseBody>; parameters: ReuseCache<Parameter | undefined> };
}

/** Values built from nodes met at a pointer, by node (see `reuse`). */
export type ReuseCache<T> = Map<object, { pointer: string; value: T }>;

/**
 * `build()`, or what it returned the first time `node` was met at `pointer`. A shared node
 * (`#/components/responses/Error`, a path item's parameter) is met again by every operation
 * that uses it: Microsoft Graph repeats 47,000 schema nodes, 26,000 responses and 21,000
 * parameters that way.
 * A build that reported nothing is a pure function of node and pointer, so it is kept and
 * the repeats share its result; one that reported is redone, so each use reports as before.
 */
export function reuse<T>(cache: ReuseCache<T>, node: object, pointer: string, ctx: ParseContext, build: () => T): T {
  const hit = cache.get(node);
  if (hit !== undefined && hit.pointer === pointer) return hit.value;
  const before = ctx.diagnostics.count;
  const value = build();
  if (hit === undefined && ctx.diagnostics.count === before) cache.set(node, { pointer, value });
  return value;
}

/**
 * The spec's name for a referenced schema: `#/components/schemas/User` → `User`; a schema
 * inside another (`#/components/schemas/Pet/properties/owner`) → `Pet owner`; a body or
 * parameter of an operation (`#/paths/~1apps/post/requestBody/…/schema`) → `post /apps body`.
 */
export function nameHint(pointer: string): string {
  const segs = pointer.replace(/^#\/?/, '').split('/').map(unescapeSegment);
  if (segs[0] === 'components' && segs.length >= 3) {
    return [segs[2], ...segs.slice(3).filter((s) => !STRUCTURAL.has(s) && !/^\d+$/.test(s))].join(' ') || segs[2];
  }
  if (segs[0] === 'paths' && segs.length >= 3) {
    const [, path, method, where, code] = segs;
    const kind = where === 'requestBody' ? 'body' : where === 'responses' ? `${code ?? ''} response` : where === 'parameters' ? 'parameter' : (where ?? '');
    const inner = segs.indexOf('schema') >= 0 ? segs.slice(segs.indexOf('schema') + 1).filter((s) => !STRUCTURAL.has(s) && !/^\d+$/.test(s)) : [];
    return [method, path, kind, ...inner].join(' ');
  }
  return segs.filter((s) => !STRUCTURAL.has(s)).pop() ?? lastSegment(pointer);
}

/** Keywords of the document structure, not names. */
const STRUCTURAL = new Set(['properties', 'items', 'additionalProperties', 'allOf', 'anyOf', 'oneOf', 'schema', 'content', 'definitions', '$defs', 'not', 'prefixItems', 'patternProperties']);

/** The last segment of a pointer, unescaped. */
export function lastSegment(pointer: string): string {
  const i = pointer.lastIndexOf('/');
  return unescapeSegment(pointer.slice(i + 1));
}

/**
 * pointer + the given segments, each escaped (RFC 6901). Up to three, as named parameters:
 * this runs for every node the parser builds, and a rest list would be allocated each time.
 */
export function child(pointer: string, a: string | number, b?: string | number, c?: string | number): string {
  let p = childPointer(pointer, a);
  if (b !== undefined) p = childPointer(p, b);
  if (c !== undefined) p = childPointer(p, c);
  return p;
}

/**
 * The keys of `o`, sorted (by `compare`, else by code units). Most objects of a spec have
 * one key, or keys already in order; those are not handed to Array.prototype.sort, which
 * allocates on every call.
 */
export function sortedKeys(o: object, compare?: (a: string, b: string) => number): string[] {
  const keys = Object.keys(o);
  for (let i = 1; i < keys.length; i++) {
    if (compare ? compare(keys[i - 1], keys[i]) > 0 : keys[i - 1] > keys[i]) return keys.sort(compare);
  }
  return keys;
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
