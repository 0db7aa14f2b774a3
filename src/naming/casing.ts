/**
 * Casing of spec names. A name is split into words on everything that is not a letter or
 * a digit (spaces, '-', '_', '.', '/', emoji, …) and on case changes: 'fooBar' → foo|Bar,
 * 'FOOBar' → FOO|Bar, 'v2Users' → v2|Users. Digits stay with the word they follow
 * ('oauth2', 'Conversation-2' → Conversation|2). Non-ASCII letters are kept (they are valid
 * in identifiers); characters that cannot be in an identifier are dropped.
 *
 * The results are not guaranteed identifiers (a name may start with a digit, or be a
 * reserved word): pass them through `identifier()` (escape.ts) for that.
 */

const LETTER_OR_DIGIT = /[\p{ID_Continue}]/u;
const UPPER = /[\p{Lu}\p{Lt}]/u;
const LOWER = /\p{Ll}/u;
const DIGIT = /\p{Nd}/u;
const MARK = /[\p{Mn}\p{Mc}]/u;

type Kind = 'upper' | 'lower' | 'digit' | 'other' | 'mark' | 'sep';

function kind(c: string): Kind {
  // '_' and the invisible joiners are ID_Continue, but separate words here
  if (c === '_' || c === '\u200c' || c === '\u200d' || !LETTER_OR_DIGIT.test(c)) return 'sep';
  if (UPPER.test(c)) return 'upper';
  if (LOWER.test(c)) return 'lower';
  if (DIGIT.test(c)) return 'digit';
  if (MARK.test(c)) return 'mark';
  return 'other'; // letters without case (CJK, …), connector punctuation other than '_'
}

/** The words of a name, in order, with their original casing. */
export function words(s: string): string[] {
  return ASCII.test(s) ? asciiWords(s) : unicodeWords(s);
}

const ASCII = /^[\x00-\x7f]*$/;

const enum Ascii {
  Sep,
  Upper,
  Lower,
  Digit,
}

function asciiKind(code: number): Ascii {
  if (code >= 97 && code <= 122) return Ascii.Lower;
  if (code >= 65 && code <= 90) return Ascii.Upper;
  if (code >= 48 && code <= 57) return Ascii.Digit;
  return Ascii.Sep;
}

/**
 * `unicodeWords` for ASCII text (nearly every spec name), by character codes and slices
 * instead of a regular expression per character: naming Graph's 16,000 names spent most
 * of its time there. test/naming/casing-fast.test.ts checks that both agree.
 */
function asciiWords(s: string): string[] {
  const out: string[] = [];
  let start = -1; // where the current word starts, -1 between words
  let prev = Ascii.Sep;
  for (let i = 0; i < s.length; i++) {
    const k = asciiKind(s.charCodeAt(i));
    if (k === Ascii.Sep) {
      if (start >= 0) out.push(s.slice(start, i));
      start = -1;
    } else if (start < 0) {
      start = i;
    } else if (k === Ascii.Upper) {
      // fooBar, v2Users, FOOBar: the rules of unicodeWords
      const next = i + 1 < s.length ? asciiKind(s.charCodeAt(i + 1)) : Ascii.Sep;
      if (prev === Ascii.Lower || prev === Ascii.Digit || (prev === Ascii.Upper && next === Ascii.Lower)) {
        out.push(s.slice(start, i));
        start = i;
      }
    }
    prev = k;
  }
  if (start >= 0) out.push(s.slice(start));
  return out;
}

/** The words of any name (the general path of `words`). */
export function unicodeWords(s: string): string[] {
  const out: string[] = [];
  const chars = Array.from(s.normalize('NFC'));
  const kinds = chars.map(kind);
  let word = '';
  for (let i = 0; i < chars.length; i++) {
    const k = kinds[i];
    if (k === 'sep') {
      if (word) out.push(word);
      word = '';
      continue;
    }
    if (word && k === 'upper') {
      const prev = kinds[i - 1];
      const next = kinds[i + 1];
      // fooBar, v2Users: a capital after a lowercase letter or a digit starts a word;
      // FOOBar: the last capital of a run starts a word when a lowercase letter follows
      if (prev === 'lower' || prev === 'digit' || (prev === 'upper' && next === 'lower')) {
        out.push(word);
        word = '';
      }
    }
    if (!word && k === 'mark') continue; // a combining mark cannot start a word
    word += chars[i];
  }
  if (word) out.push(word);
  return out;
}

function isAllUpper(w: string): boolean {
  return !LOWER.test(w) && UPPER.test(w);
}

/** `w` with its first letter a capital, the rest lower case (acronyms kept when `keepAcronym`). */
export function capitalize(w: string, keepAcronym: boolean): string {
  if (!ASCII.test(w)) return unicodeCapitalize(w, keepAcronym);
  if (keepAcronym && !/[a-z]/.test(w) && /[A-Z]/.test(w)) return w;
  if (/^[^a-z][^A-Z]*$/.test(w)) return w; // already capitalized: no new string
  return w.charAt(0).toUpperCase() + w.slice(1).toLowerCase();
}

/** `capitalize` for any word (its general path). */
export function unicodeCapitalize(w: string, keepAcronym: boolean): string {
  if (keepAcronym && isAllUpper(w)) return w;
  const [first = '', ...rest] = Array.from(w);
  // 'ß' upper-cases to 'SS': only the first character of that stays a capital
  const [head = '', ...tail] = Array.from(first.toUpperCase());
  return head + (tail.join('') + rest.join('')).toLowerCase();
}

/**
 * 'list-users' → 'ListUsers', 'Conversation-2' → 'Conversation2', 'user_id' → 'UserId'.
 * Acronyms in a mixed-case name are kept ('OpenAIFile' → 'OpenAIFile'); an all-caps name is
 * recased ('LIST_USERS' → 'ListUsers').
 */
export function pascalCase(s: string): string {
  const ws = words(s);
  const mixed = ws.some((w) => LOWER.test(w));
  let out = '';
  for (const w of ws) out += capitalize(w, mixed);
  return out;
}

/** 'list-users' → 'listUsers', 'get_organization_users' → 'getOrganizationUsers', 'ListUsers' → 'listUsers' */
export function camelCase(s: string): string {
  const ws = words(s);
  if (ws.length === 0) return '';
  const mixed = ws.some((w) => LOWER.test(w));
  let out = ws[0].toLowerCase();
  for (let i = 1; i < ws.length; i++) out += capitalize(ws[i], mixed);
  return out;
}

/** File names: 'Group users' → 'group-users', 'GroupUsers' → 'group-users' */
export function kebabCase(s: string): string {
  return words(s)
    .map((w) => w.toLowerCase())
    .join('-');
}
