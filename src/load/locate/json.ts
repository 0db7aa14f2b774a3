/**
 * Finds where a JSON pointer's target sits in JSON text, without parsing the whole text
 * into values. An object's members are scanned once, in full, the first time a lookup
 * enters it; an array's items up to the index asked for, resuming later. Many lookups
 * therefore cost about one pass over the text.
 */
import type { TextFinder } from './types.js';

interface ObjectScan {
  kind: 'object';
  /** every member, read once in full (a repeated key: the last one, as JSON.parse keeps) */
  members: Map<string, { key: number; value: number }>;
}

interface ArrayScan {
  kind: 'array';
  items: number[];
  next: number;
  done: boolean;
}

export function jsonFinder(text: string): TextFinder {
  const scans = new Map<number, ObjectScan | ArrayScan>();

  const ws = (i: number): number => {
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 10 || c === 13 || c === 9 || c === 0xfeff) i++;
      else return i;
    }
  };

  /** `i` at an opening quote → offset after the closing quote */
  const skipString = (i: number): number => {
    let j = i + 1;
    for (;;) {
      const q = text.indexOf('"', j);
      if (q === -1) return text.length;
      let back = 0;
      for (let k = q - 1; text.charCodeAt(k) === 92; k--) back++;
      if (back % 2 === 0) return q + 1;
      j = q + 1;
    }
  };

  /** `i` at a value's first character → offset after the value */
  const skipValue = (i: number): number => {
    const c = text.charCodeAt(i);
    if (c === 34) return skipString(i);
    if (c === 123 || c === 91) {
      let depth = 0;
      let j = i;
      while (j < text.length) {
        const d = text.charCodeAt(j);
        if (d === 34) {
          j = skipString(j);
          continue;
        }
        if (d === 123 || d === 91) depth++;
        else if (d === 125 || d === 93) {
          depth--;
          if (depth === 0) return j + 1;
        }
        j++;
      }
      return text.length;
    }
    let j = i;
    while (j < text.length) {
      const d = text.charCodeAt(j);
      if (d === 44 || d === 125 || d === 93 || d === 32 || d === 10 || d === 13 || d === 9) break;
      j++;
    }
    return j;
  };

  const keyText = (start: number, end: number): string => {
    const raw = text.slice(start, end);
    if (!raw.includes('\\')) return raw.slice(1, -1);
    try {
      return JSON.parse(raw) as string;
    } catch {
      return raw.slice(1, -1);
    }
  };

  const member = (open: number, key: string): { key: number; value: number } | undefined => {
    let scan = scans.get(open) as ObjectScan | undefined;
    if (!scan) {
      scan = { kind: 'object', members: new Map() };
      scans.set(open, scan);
      let p = ws(open + 1);
      while (text.charCodeAt(p) === 34) {
        const keyEnd = skipString(p);
        const name = keyText(p, keyEnd);
        const value = ws(ws(keyEnd) + 1); // after the ':'
        scan.members.set(name, { key: p, value });
        p = ws(skipValue(value));
        if (text.charCodeAt(p) !== 44) break; // '}' (or malformed)
        p = ws(p + 1);
      }
    }
    return scan.members.get(key);
  };

  const item = (open: number, index: number): number | undefined => {
    let scan = scans.get(open) as ArrayScan | undefined;
    if (!scan) {
      scan = { kind: 'array', items: [], next: open + 1, done: false };
      scans.set(open, scan);
    }
    while (scan.items.length <= index && !scan.done) {
      let p = ws(scan.next);
      if (scan.items.length > 0) {
        if (text.charCodeAt(p) !== 44) {
          scan.done = true;
          break;
        }
        p = ws(p + 1);
      }
      const c = text.charCodeAt(p);
      if (c === 93 || p >= text.length) {
        scan.done = true;
        break;
      }
      scan.items.push(p);
      scan.next = skipValue(p);
    }
    return scan.items[index];
  };

  return (segments) => {
    let pos = ws(0);
    let best = pos;
    for (const seg of segments) {
      const c = text.charCodeAt(pos);
      if (c === 123) {
        const m = member(pos, seg);
        if (!m) return { offset: best, exact: false };
        best = m.key;
        pos = m.value;
      } else if (c === 91) {
        if (!/^(0|[1-9]\d*)$/.test(seg)) return { offset: best, exact: false };
        const at = item(pos, Number(seg));
        if (at === undefined) return { offset: best, exact: false };
        best = at;
        pos = at;
      } else {
        return { offset: best, exact: false };
      }
    }
    return { offset: best, exact: true };
  };
}
