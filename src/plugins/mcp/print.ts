/**
 * A JSON value as a TypeScript expression, wrapped at 100 columns: what fits on the line
 * stays there, the rest is one member per line. Strings and keys go through the one escaping
 * gate (src/escape/).
 */
import { objectLiteralKey, stringLiteral } from '../../escape/index.js';
import type { JsonValue } from './json-schema.js';

const WIDTH = 100;

export function printValue(value: JsonValue, indent = '', used = 0): string {
  const flat = printFlat(value);
  if (indent.length + used + flat.length <= WIDTH || !isContainer(value)) return flat;
  const inner = `${indent}  `;
  if (Array.isArray(value)) return `[\n${value.map((v) => `${inner}${printValue(v, inner, 1)},\n`).join('')}${indent}]`;
  const lines = Object.entries(value).map(([k, v]) => {
    const key = `${objectLiteralKey(k)}: `;
    return `${inner}${key}${printValue(v, inner, key.length + 1)},\n`;
  });
  return `{\n${lines.join('')}${indent}}`;
}

function isContainer(v: JsonValue): v is JsonValue[] | { [k: string]: JsonValue } {
  return typeof v === 'object' && v !== null && (Array.isArray(v) ? v.length > 0 : Object.keys(v).length > 0);
}

function printFlat(value: JsonValue): string {
  if (typeof value === 'string') return stringLiteral(value);
  if (typeof value === 'number') return Object.is(value, -0) ? '0' : String(value);
  if (typeof value !== 'object' || value === null) return String(value);
  if (Array.isArray(value)) return `[${value.map(printFlat).join(', ')}]`;
  const entries = Object.entries(value);
  return entries.length === 0 ? '{}' : `{ ${entries.map(([k, v]) => `${objectLiteralKey(k)}: ${printFlat(v)}`).join(', ')} }`;
}
