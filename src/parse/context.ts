import type { Diagnostics } from '../diagnostics.js';
import { childPointer, unescapeSegment } from '../load/pointer.js';
import type { NamedSchema, Schema, SchemaId } from '../ir/types.js';

/** The run's diagnostics, counted: a parse that reported nothing can be reused (see `reused`). */
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
  /** schemas of shared parameters, bodies, responses and headers, by node (see parse/operation.ts) */
  reused: Map<object, { pointer: string; schema: Schema }>;
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

/** pointer + the given segments, each escaped (RFC 6901). */
export function child(pointer: string, ...segments: (string | number)[]): string {
  let p = pointer;
  for (const s of segments) p = childPointer(p, s);
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
