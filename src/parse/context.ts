import type { Diagnostics } from '../diagnostics.js';
import type { NamedSchema, SchemaId } from '../ir/types.js';

/** State shared by the parsers of one document: the document, diagnostics, and the named-schema table. */
export interface ParseContext {
  /** resolve an internal `$ref` to its node (undefined when missing) */
  resolve(ref: string): unknown;
  diagnostics: Diagnostics;
  version: '2.0' | '3.0' | '3.1';
  /** every schema that gets a name, by id; filled as refs are met */
  named: Map<SchemaId, NamedSchema>;
  /** ids whose parse is in progress (a `$ref` cycle through non-component pointers) */
  pending: Set<SchemaId>;
}

/** `#/components/schemas/User` → `User`; any other pointer → its last segment. */
export function lastSegment(pointer: string): string {
  const i = pointer.lastIndexOf('/');
  return unescapePointer(pointer.slice(i + 1));
}

export function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

export function child(pointer: string, ...segments: (string | number)[]): string {
  let p = pointer;
  for (const s of segments) p += '/' + escapePointer(String(s));
  return p;
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
