/**
 * Does a document use external `$ref`s (to other files or URLs)? A quick look at the text
 * first: only when some `$ref` key there has a value that is not a quoted '#…' is the
 * parsed document walked to be sure (the text hit may sit inside a description).
 */

const QUOTE_DOUBLE = 34;
const QUOTE_SINGLE = 39;
const COLON = 58;
const HASH = 35;

/** Characters that may stand before an unquoted YAML key: line start, blank, flow punctuation. */
function mayPrecedeKey(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 123 /* { */ || c === 44 /* , */ || c === 91 /* [ */ || c === 0xfeff;
}

function skipBlanks(text: string, i: number): number {
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) i++;
    else return i;
  }
}

/**
 * Cheap test on the text: may any `$ref` value not start with '#'? A hit is a `$ref` key
 * (`"$ref"`, `'$ref'` or a bare `$ref` after a blank or flow punctuation) followed by ':'
 * and a value that is not a quoted '#…'. Path keys such as `"/users/{id}/$ref"` (Microsoft
 * Graph has thousands) are not keys named `$ref` and are passed over.
 */
export function mayHaveExternalRefs(text: string): boolean {
  for (let at = text.indexOf('$ref'); at !== -1; at = text.indexOf('$ref', at + 4)) {
    const before = at === 0 ? 10 : text.charCodeAt(at - 1);
    let end = at + 4;
    if (before === QUOTE_DOUBLE || before === QUOTE_SINGLE) {
      if (text.charCodeAt(end) !== before) continue; // `$ref` is part of a longer quoted string
      end++;
    } else if (!mayPrecedeKey(before)) continue;
    const colon = skipBlanks(text, end);
    if (text.charCodeAt(colon) !== COLON) continue; // not a key
    const value = skipBlanks(text, colon + 1);
    const q = text.charCodeAt(value);
    if ((q === QUOTE_DOUBLE || q === QUOTE_SINGLE) && text.charCodeAt(value + 1) === HASH) continue; // internal
    return true;
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
