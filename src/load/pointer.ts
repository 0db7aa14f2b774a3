/**
 * JSON pointers (RFC 6901) in their URI-fragment form: '#/paths/~1users/get'.
 * Lookups use own properties only, so '#/components/schemas/constructor' never reaches
 * Object.prototype.
 */

/** '#/a/b~1c' → ['a', 'b/c']; '#' and '' → []. Percent-escapes are left as they are. */
export function parsePointer(pointer: string): string[] {
  let p = pointer.startsWith('#') ? pointer.slice(1) : pointer;
  if (p === '') return [];
  if (p.startsWith('/')) p = p.slice(1);
  return p.split('/').map(unescapeSegment);
}

export function unescapeSegment(segment: string): string {
  if (!segment.includes('~')) return segment;
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

export function escapeSegment(segment: string): string {
  if (!segment.includes('~') && !segment.includes('/')) return segment;
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** ['a', 'b/c'] → '#/a/b~1c' */
export function formatPointer(segments: readonly (string | number)[]): string {
  let out = '#';
  for (const s of segments) out += '/' + escapeSegment(String(s));
  return out;
}

/** pointer + one more segment */
export function childPointer(pointer: string, segment: string | number): string {
  return pointer + '/' + escapeSegment(String(segment));
}

export const hasOwn = (o: object, key: string): boolean => Object.prototype.hasOwnProperty.call(o, key);

/** The value at `segments` below `root`, or undefined. */
export function getAt(root: unknown, segments: readonly string[]): unknown {
  let node = root;
  for (const s of segments) {
    if (Array.isArray(node)) {
      if (!/^(0|[1-9]\d*)$/.test(s)) return undefined;
      const i = Number(s);
      if (i >= node.length) return undefined;
      node = node[i];
    } else if (typeof node === 'object' && node !== null) {
      if (!hasOwn(node, s)) return undefined;
      node = (node as Record<string, unknown>)[s];
    } else {
      return undefined;
    }
  }
  return node;
}

/**
 * The value an internal reference points at: exact segments first, then (when the
 * reference carries percent-escapes, as URI fragments may) the percent-decoded ones.
 */
export function resolvePointer(root: unknown, ref: string): unknown {
  if (!ref.startsWith('#')) return undefined;
  const direct = getAt(root, parsePointer(ref));
  if (direct !== undefined || !ref.includes('%')) return direct;
  let decoded: string;
  try {
    decoded = decodeURIComponent(ref.slice(1));
  } catch {
    return undefined;
  }
  return getAt(root, parsePointer('#' + decoded));
}

/** Set an own property, also when the key is '__proto__' (plain assignment would set the prototype). */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  } else {
    target[key] = value;
  }
}
