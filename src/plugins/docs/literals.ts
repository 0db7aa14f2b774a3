/**
 * String literals for the docs' type expressions and examples, remembered: the same enum
 * members and example strings (`"https://example.com"`, `"active"`) come back on hundreds
 * of pages. Same results as stringLiteral / literalValue / literalExpression of
 * src/naming/escape.ts (test/docs/escape-fast.test.ts checks).
 */
import { literalExpression, literalValue, stringLiteral } from '../../naming/escape.js';

/** printable ASCII but `"`, `*`, `<` and `\`: the literal is the text in double quotes */
const PLAIN = /^[\x20\x21\x23-\x29\x2b-\x3b\x3d-\x5b\x5d-\x7e]*$/;

const MEMO_LIMIT = 50_000;
const seen = new Map<string, string>();

/** stringLiteral(text) */
export function quoted(text: string): string {
  if (PLAIN.test(text)) return `"${text}"`;
  let out = seen.get(text);
  if (out === undefined) {
    if (seen.size >= MEMO_LIMIT) seen.clear();
    out = stringLiteral(text);
    seen.set(text, out);
  }
  return out;
}

/** literalValue(value): a literal type */
export function literalType(value: unknown): string {
  return typeof value === 'string' ? quoted(value) : literalValue(value);
}

/** literalExpression(value): a literal expression */
export function literalCode(value: unknown): string {
  return typeof value === 'string' ? quoted(value) : literalExpression(value);
}
