/**
 * Layout of the mock plugins' generated code at 100 columns: literals on one line when they
 * fit, else one element per line; signatures the same.
 */
import { objectLiteralKey } from '../../escape/index.js';
import { schemaLiteral } from './schema.js';

const WIDTH = 100;

/** `v` (JSON-like) as a TypeScript expression starting at column `indent.length` after `lead`. */
export function literalBlock(v: unknown, indent: string, lead = 0): string {
  const flat = schemaLiteral(v);
  if (indent.length + lead + flat.length <= WIDTH || v === null || typeof v !== 'object') return flat;
  const inner = `${indent}  `;
  if (Array.isArray(v)) return `[\n${v.map((x) => `${inner}${literalBlock(x, inner, 1)},\n`).join('')}${indent}]`;
  const entries = Object.entries(v as Record<string, unknown>).map(([k, x]) => {
    const key = `${objectLiteralKey(k)}: `;
    return `${inner}${key}${literalBlock(x, inner, key.length + 1)},\n`;
  });
  return `{\n${entries.join('')}${indent}}`;
}

/** `export function name(a, b): R {` on one line, or its parameters one per line. */
export function signature(name: string, params: string[], returns: string): string {
  const flat = `export function ${name}(${params.join(', ')}): ${returns} {`;
  if (flat.length <= WIDTH) return `${flat}\n`;
  return `export function ${name}(\n${params.map((p) => `  ${p},\n`).join('')}): ${returns} {\n`;
}

/** `  return call;` or, when long, the call's arguments one per line. */
export function returnCall(prefix: string, args: string[], suffix: string): string {
  const flat = `  return ${prefix}(${args.join(', ')})${suffix};`;
  if (flat.length <= WIDTH) return `${flat}\n`;
  return `  return ${prefix}(\n${args.map((a) => `    ${a},\n`).join('')}  )${suffix};\n`;
}
