/**
 * Strings that match a `pattern`: a generator for the common subset of regular expressions —
 * literals and escapes, `.`, classes (`[a-z0-9_-]`, `[^…]`, `\d \w \s` and their negations),
 * groups (`(…)`, `(?:…)`, `(?<name>…)`), alternation, the quantifiers `? * + {n} {n,} {n,m}`
 * (lazy or not), and the anchors `^ $`. Unbounded repetitions stop a few past their minimum.
 *
 * Anything else (look-arounds, back-references, `\b`, Unicode property classes) makes
 * `matching()` return undefined, and so does a pattern the generated strings fail to match
 * within a few tries: the caller falls back (see the README's "Fake data" section).
 */
import type { Random } from './random.js';

type Atom = { t: 'set'; chars: string } | { t: 'group'; alts: Item[][] } | { t: 'anchor' };
interface Item {
  atom: Atom;
  min: number;
  max: number;
}

const PRINTABLE = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');
const DIGITS = '0123456789';
const WORD = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_';
const SPACE = ' \t\n';
const CLASSES: Record<string, string> = {
  d: DIGITS,
  w: WORD,
  s: SPACE,
  D: without(PRINTABLE, DIGITS),
  W: without(PRINTABLE, WORD),
  S: without(PRINTABLE, SPACE),
};
const CONTROL: Record<string, string> = { n: '\n', t: '\t', r: '\r', f: '\f', v: '\v', '0': '\0' };

class Unsupported extends Error {}

/** A string matching `pattern` and the length bounds, or undefined (unsupported or not found). */
export function matching(pattern: string, rnd: Random, minLength = 0, maxLength = Infinity): string | undefined {
  let tree: Item[][];
  let re: RegExp;
  try {
    tree = new Parser(pattern).parse();
    re = compile(pattern);
  } catch {
    return undefined;
  }
  for (let attempt = 0; attempt < 32; attempt++) {
    // a few short tries, then unbounded repetitions fill up to the minimum length
    const fill = attempt >= 8 && minLength > 0 ? minLength : 0;
    const slack = attempt < 8 ? 3 : attempt < 16 ? 12 : 40;
    const s = alternatives(tree, rnd, attempt < 24 || !fill ? slack : 0, attempt % 2 ? fill : 0);
    if (s.length >= minLength && s.length <= maxLength && re.test(s)) return s;
  }
  return undefined;
}

/** The pattern as JSON Schema reads it (ECMA-262, Unicode when it compiles so). */
export function compile(pattern: string): RegExp {
  try {
    return new RegExp(pattern, 'u');
  } catch {
    return new RegExp(pattern);
  }
}

/** `fill`: the length the last unbounded repetition of characters stretches the string to. */
function alternatives(alts: Item[][], rnd: Random, slack: number, fill = 0): string {
  return sequence(rnd.pick(alts), rnd, slack, fill);
}

function sequence(items: Item[], rnd: Random, slack: number, fill: number): string {
  let out = '';
  let last = -1;
  if (fill) items.forEach((x, i) => x.atom.t === 'set' && x.max > x.min && (last = i));
  items.forEach(({ atom, min, max }, index) => {
    if (atom.t === 'anchor') return;
    let n = rnd.int(min, Math.min(max, min + slack));
    if (index === last) n = Math.min(max, Math.max(n, fill - out.length - rest(items, index)));
    for (let i = 0; i < n; i++) out += atom.t === 'set' ? atom.chars[rnd.int(0, atom.chars.length - 1)] : alternatives(atom.alts, rnd, slack);
  });
  return out;
}

/** The fewest characters of the items after `index` (groups count one). */
function rest(items: Item[], index: number): number {
  return items.slice(index + 1).reduce((n, x) => n + (x.atom.t === 'anchor' ? 0 : x.min), 0);
}

class Parser {
  private i = 0;
  private readonly src: string;
  constructor(src: string) {
    this.src = src;
  }

  parse(): Item[][] {
    const alts = this.alternation();
    if (this.i < this.src.length) throw new Unsupported(`unexpected ${this.src[this.i]}`);
    return alts;
  }

  private alternation(): Item[][] {
    const alts = [this.sequence()];
    while (this.src[this.i] === '|') {
      this.i++;
      alts.push(this.sequence());
    }
    return alts;
  }

  private sequence(): Item[] {
    const items: Item[] = [];
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      const atom = this.atom();
      const [min, max] = this.quantifier();
      if (atom.t === 'set' && atom.chars.length === 0 && min > 0) throw new Unsupported('empty class');
      items.push({ atom, min, max });
    }
    return items;
  }

  private atom(): Atom {
    const c = this.src[this.i++];
    if (c === undefined) throw new Unsupported('unexpected end');
    if (c === '^' || c === '$') return { t: 'anchor' };
    if (c === '.') return { t: 'set', chars: PRINTABLE };
    if (c === '[') return { t: 'set', chars: this.charClass() };
    if (c === '(') {
      if (this.src[this.i] === '?') {
        if (this.src.startsWith('?:', this.i)) this.i += 2;
        else if (this.src[this.i + 1] === '<' && /[A-Za-z_]/.test(this.src[this.i + 2] ?? '')) this.i = this.src.indexOf('>', this.i) + 1;
        else throw new Unsupported('look-around');
      }
      const alts = this.alternation();
      if (this.src[this.i++] !== ')') throw new Unsupported('unclosed group');
      return { t: 'group', alts };
    }
    if (c === '\\') return { t: 'set', chars: this.escape(false) };
    if (c === '*' || c === '+' || c === '?' || c === ')') throw new Unsupported('misplaced ' + c);
    if (c === '{' && /^\{\d/.test(this.src.slice(this.i - 1))) throw new Unsupported('misplaced {');
    return { t: 'set', chars: c };
  }

  /** After a `\`: the characters it stands for. */
  private escape(inClass: boolean): string {
    const c = this.src[this.i++];
    if (c === undefined) throw new Unsupported('trailing \\');
    if (CLASSES[c]) return CLASSES[c];
    if (CONTROL[c] !== undefined && !(c === '0' && /\d/.test(this.src[this.i] ?? ''))) return CONTROL[c];
    if (c === 'x' && /^[0-9a-fA-F]{2}/.test(this.src.slice(this.i))) {
      this.i += 2;
      return String.fromCharCode(parseInt(this.src.slice(this.i - 2, this.i), 16));
    }
    if (c === 'u' && /^[0-9a-fA-F]{4}/.test(this.src.slice(this.i))) {
      this.i += 4;
      return String.fromCharCode(parseInt(this.src.slice(this.i - 4, this.i), 16));
    }
    if (c === 'b' && inClass) return '\b';
    if (/[A-Za-z0-9]/.test(c)) throw new Unsupported('\\' + c);
    return c;
  }

  private charClass(): string {
    const negate = this.src[this.i] === '^';
    if (negate) this.i++;
    let chars = '';
    let first = true;
    while (this.i < this.src.length && (this.src[this.i] !== ']' || (first && false))) {
      first = false;
      let lo = this.src[this.i++] ?? '';
      let set = lo;
      if (lo === '\\') {
        set = this.escape(true);
        lo = set.length === 1 ? set : '';
      } else if (lo === '[' && this.src[this.i] === ':') throw new Unsupported('POSIX class');
      const next = this.src[this.i + 1];
      if (lo && this.src[this.i] === '-' && next !== undefined && next !== ']') {
        this.i += 2;
        let hi = next;
        if (hi === '\\') {
          const e = this.escape(true);
          if (e.length !== 1) throw new Unsupported('class range');
          hi = e;
        }
        const a = lo.charCodeAt(0);
        const b = hi.charCodeAt(0);
        if (b < a) throw new Unsupported('bad range');
        // a range that reaches past ASCII: keep its first thousand characters
        for (let x = a; x <= Math.min(b, a + 1000); x++) set += String.fromCharCode(x);
        set = set.slice(1);
      }
      chars += set;
    }
    if (this.src[this.i++] !== ']') throw new Unsupported('unclosed class');
    const unique = [...new Set(chars)].join('');
    return negate ? without(PRINTABLE, unique) : unique;
  }

  private quantifier(): [number, number] {
    const c = this.src[this.i];
    let q: [number, number] | undefined;
    if (c === '?') q = [0, 1];
    else if (c === '*') q = [0, Infinity];
    else if (c === '+') q = [1, Infinity];
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.i));
      if (m) {
        this.i += m[0].length - 1;
        const min = Number(m[1]);
        q = [min, m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3])];
      }
    }
    if (!q) return [1, 1];
    this.i++;
    if (this.src[this.i] === '?' || this.src[this.i] === '+') this.i++; // lazy (possessive is not ECMA, but harmless)
    return q;
  }
}

function without(all: string, drop: string): string {
  return [...all].filter((c) => !drop.includes(c)).join('');
}
