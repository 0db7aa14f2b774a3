/**
 * Generated TypeScript symbols for diff locations (`User.email`, `ListUsersParams.limit`,
 * `CreateUserBody`, `listUsers`) and short type descriptions for messages. Names come from
 * the naming stage (src/naming/), so they are the exports users import.
 */
import type { LiteralValue, Operation, Schema } from '../ir/types.js';
import { isIdentifierName } from '../escape/index.js';
import type { Side } from './context.js';

/** `Base.name`, or `Base["odd name"]`. */
export function memberSymbol(base: string, name: string): string {
  return isIdentifierName(name) ? `${base}.${name}` : `${base}[${JSON.stringify(name)}]`;
}

/** The function, params interface and error type of an operation. */
export function operationSymbols(side: Side, op: Operation): string[] {
  const n = side.names.operation.get(op.key);
  if (!n) return [];
  return n.stream ? [n.fn, n.stream, n.params, n.error] : [n.fn, n.params, n.error];
}

export function fnSymbol(side: Side, op: Operation): string {
  return side.names.operation.get(op.key)?.fn ?? op.key;
}

export function paramsSymbol(side: Side, op: Operation): string {
  return side.names.operation.get(op.key)?.params ?? `${op.key} params`;
}

export function errorSymbol(side: Side, op: Operation): string {
  return side.names.operation.get(op.key)?.error ?? `${op.key} error`;
}

/** The generated name of a named schema. */
export function schemaSymbol(side: Side, id: string): string {
  return side.names.schema.get(id) ?? side.schemas.get(id)?.nameHint ?? id;
}

/** A short TypeScript-like description of a schema, for messages (`string`, `User[]`, `"a" | "b"`). */
export function describe(s: Schema, side: Side, depth = 0): string {
  const core = ((): string => {
    switch (s.kind) {
      case 'ref':
        return schemaSymbol(side, s.target);
      case 'number':
        return s.integer ? 'integer' : 'number';
      case 'binary':
        return 'binary';
      case 'literal':
        return literal(s.value);
      case 'enum': {
        const vs = s.values.slice(0, 6).map(literal);
        if (s.values.length > 6) vs.push('…');
        if (s.open) vs.push('string');
        return vs.join(' | ');
      }
      case 'array':
        return depth > 1 ? 'array' : `${wrap(describe(s.items, side, depth + 1))}[]`;
      case 'object':
        return s.properties.length === 0 && s.additional ? `Record<string, ${describe(s.additional, side, depth + 1)}>` : 'object';
      case 'union':
      case 'intersection': {
        if (depth > 1) return s.kind === 'union' ? 'union' : 'intersection';
        const parts = s.members.slice(0, 4).map((m) => describe(m, side, depth + 1));
        if (s.members.length > 4) parts.push('…');
        return parts.join(s.kind === 'union' ? ' | ' : ' & ');
      }
      default:
        return s.kind;
    }
  })();
  return s.nullable && s.kind !== 'null' && s.kind !== 'unknown' ? `${core} | null` : core;
}

function wrap(t: string): string {
  return /[|&\s]/.test(t) ? `(${t})` : t;
}

export function literal(v: LiteralValue): string {
  return JSON.stringify(v);
}
