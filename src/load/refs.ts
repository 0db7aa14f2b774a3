/**
 * Does a document use external `$ref`s (to other files or URLs)? A quick look at the text
 * first: only when some `$ref` value there does not start with '#' is the parsed document
 * walked to be sure (the text hit may sit inside a description).
 */

// `$ref: x`, `"$ref": "x"`, `'$ref': 'x'`, `{$ref: x}`; captures the value's first character
const REF_IN_TEXT = /["']?\$ref["']?[ \t]*:[ \t\r\n]*(["']?)(.)/g;

/** Cheap test on the text: may any `$ref` value not start with '#'? */
export function mayHaveExternalRefs(text: string): boolean {
  if (!text.includes('$ref')) return false;
  REF_IN_TEXT.lastIndex = 0;
  for (let m = REF_IN_TEXT.exec(text); m; m = REF_IN_TEXT.exec(text)) {
    if (m[2] !== '#') return true;
  }
  return false;
}

const LITERAL_KEYS = new Set(['example', 'default', 'enum', 'const']);

/** Every `$ref` string in the document that does not start with '#' (walks shared nodes once). */
export function externalRefs(doc: unknown, limit = 20): string[] {
  const found: string[] = [];
  const seen = new Set<object>();
  const stack: unknown[] = [doc];
  while (stack.length > 0 && found.length < limit) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null || seen.has(node)) continue;
    seen.add(node);
    if (Array.isArray(node)) {
      for (const v of node) if (typeof v === 'object' && v !== null) stack.push(v);
      continue;
    }
    const rec = node as Record<string, unknown>;
    const ref = rec.$ref;
    if (typeof ref === 'string' && !ref.startsWith('#') && Object.prototype.hasOwnProperty.call(rec, '$ref')) found.push(ref);
    for (const k in rec) {
      if (LITERAL_KEYS.has(k) || k.startsWith('x-')) continue; // data, not references
      const v = rec[k];
      if (typeof v === 'object' && v !== null) stack.push(v);
    }
  }
  return found;
}
