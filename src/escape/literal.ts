/**
 * Literal escaping: a JSON-ish value from a spec (enum member, const, default, example) as
 * TypeScript source, a literal type or a literal expression. Strings, keys and nested
 * values go through src/escape/typescript.ts (whose fast paths serve the common cases).
 */
import { objectLiteralKey, propertyKey, stringLiteral } from './typescript.js';

/**
 * A JSON-ish value (enum member, const, default) as a TypeScript literal *type*: strings
 * via stringLiteral, finite numbers, booleans, null; arrays as tuples and objects as
 * object types, recursively. What has no literal type (NaN, ±Infinity, functions, cycles)
 * widens to its type (`number`, `unknown`).
 */
export function literalValue(value: unknown): string {
  return literal(value, 'type');
}

/** The same value as a TypeScript *expression* (for `as const` lists, defaults in code). */
export function literalExpression(value: unknown): string {
  return literal(value, 'expression');
}

const MAX_LITERAL_DEPTH = 32;

/** `seen`: the arrays and objects being written (cycle guard), created at the first one */
function literal(value: unknown, mode: 'type' | 'expression', seen?: Set<object>): string {
  switch (typeof value) {
    case 'string':
      return stringLiteral(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return `${value}n`;
    case 'number':
      if (Number.isFinite(value)) return Object.is(value, -0) ? '0' : String(value);
      if (mode === 'type') return 'number';
      return Number.isNaN(value) ? 'Number.NaN' : value > 0 ? 'Number.POSITIVE_INFINITY' : 'Number.NEGATIVE_INFINITY';
    case 'undefined':
      return 'undefined';
    case 'object': {
      if (value === null) return 'null';
      if (value instanceof Date) return stringLiteral(Number.isNaN(value.getTime()) ? String(value) : value.toISOString());
      seen ??= new Set();
      if (seen.has(value) || seen.size >= MAX_LITERAL_DEPTH) return mode === 'type' ? 'unknown' : 'undefined';
      seen.add(value);
      try {
        if (Array.isArray(value)) return `[${value.map((v) => literal(v, mode, seen)).join(', ')}]`;
        const keys = Object.keys(value);
        if (keys.length === 0) return mode === 'type' ? 'Record<string, never>' : '{}';
        const key = mode === 'type' ? propertyKey : objectLiteralKey;
        const sep = mode === 'type' ? '; ' : ', ';
        return `{ ${keys.map((k) => `${key(k)}: ${literal((value as Record<string, unknown>)[k], mode, seen)}`).join(sep)} }`;
      } finally {
        seen.delete(value);
      }
    }
    default:
      return mode === 'type' ? 'unknown' : 'undefined';
  }
}
