/**
 * Operations: matched by identity (`METHOD /path`); then a path whose parameters were only
 * renamed (`/users/{id}` → `/users/{user_id}`: the same URLs), then the same operationId at
 * a new path or method. What is left was added or removed.
 */
import type { Operation } from '../../ir/types.js';
import type { DiffContext } from '../context.js';
import { fnSymbol, operationSymbols } from '../symbols.js';
import { definePlainRules } from './registry.js';

export const OPERATION_RULES = definePlainRules({
  'operation-added': { severity: 'info', doc: 'a new operation' },
  'operation-removed': { severity: 'breaking', doc: 'an operation was removed without being deprecated first' },
  'operation-removed-after-deprecation': { severity: 'warning', doc: 'an operation that was deprecated was removed' },
  'operation-deprecated': { severity: 'info', doc: 'an operation was marked deprecated' },
  'operation-undeprecated': { severity: 'info', doc: 'an operation is no longer deprecated' },
  'operation-id-changed': { severity: 'info', doc: 'the operationId changed (the wire does not see it; the generated function name does)' },
  'operation-path-changed': { severity: 'breaking', doc: 'the operation (same operationId) moved to another path' },
  'operation-method-changed': { severity: 'breaking', doc: 'the operation (same operationId) moved to another HTTP method' },
  'operation-tag-changed': { severity: 'info', doc: 'the first tag (the API group of the generated client) changed' },
});

export interface OperationPairs {
  pairs: [Operation, Operation][];
  removed: Operation[];
  added: Operation[];
}

/** `/users/{id}/posts` → `/users/{}/posts`. */
export function pathTemplate(path: string): string {
  return path.replace(/\{[^}]*\}/g, '{}');
}

export function pairOperations(ctx: DiffContext): OperationPairs {
  const pairs: [Operation, Operation][] = [];
  const newOnly = new Map(ctx.new.ops);
  const oldOnly: Operation[] = [];
  for (const op of ctx.old.ir.operations) {
    const n = newOnly.get(op.key);
    if (n) {
      pairs.push([op, n]);
      newOnly.delete(op.key);
    } else oldOnly.push(op);
  }
  const pick = (test: (o: Operation, n: Operation) => boolean, rest: Operation[]): Operation[] => {
    const left: Operation[] = [];
    for (const o of rest) {
      const hits = [...newOnly.values()].filter((n) => test(o, n));
      if (hits.length === 1) {
        pairs.push([o, hits[0]]);
        newOnly.delete(hits[0].key);
      } else left.push(o);
    }
    return left;
  };
  let rest = pick((o, n) => o.method === n.method && pathTemplate(o.path) === pathTemplate(n.path), oldOnly);
  rest = pick((o, n) => o.operationId !== undefined && o.operationId === n.operationId, rest);
  for (const [o, n] of pairs) ctx.opPairs.set(o.key, n.key);
  return { pairs, removed: rest, added: [...newOnly.values()] };
}

export function reportAddedRemoved(ctx: DiffContext, p: OperationPairs): void {
  for (const op of p.removed) {
    ctx.plain(op.deprecated ? 'operation-removed-after-deprecation' : 'operation-removed', {
      pointer: op.pointer,
      operations: [op.key],
      message: `${op.key} removed${op.deprecated ? ' (it was deprecated)' : ''}`,
      symbols: operationSymbols(ctx.old, op),
    }, true);
  }
  for (const op of p.added) {
    ctx.plain('operation-added', { pointer: op.pointer, operations: [op.key], message: `${op.key} added`, symbols: operationSymbols(ctx.new, op) }, true);
  }
}

/** The operation's own facts: identity moves, operationId, deprecation, group. */
export function compareOperationFacts(ctx: DiffContext, o: Operation, n: Operation): void {
  const at = { pointer: n.pointer, operations: [n.key], symbols: [fnSymbol(ctx.new, n)] };
  if (o.key !== n.key) {
    if (o.method !== n.method) ctx.plain('operation-method-changed', { ...at, message: `${o.key} moved to ${n.key}`, old: o.method, new: n.method });
    if (pathTemplate(o.path) !== pathTemplate(n.path)) ctx.plain('operation-path-changed', { ...at, message: `${o.key} moved to ${n.key}`, old: o.path, new: n.path });
  }
  if ((o.operationId ?? '') !== (n.operationId ?? '')) {
    const from = fnSymbol(ctx.old, o);
    const to = fnSymbol(ctx.new, n);
    ctx.plain('operation-id-changed', {
      ...at,
      message: `${n.key}: operationId ${o.operationId ?? '(none)'} → ${n.operationId ?? '(none)'}${from !== to ? `; the generated function ${from} is now ${to}` : ''}`,
      ...(o.operationId !== undefined ? { old: o.operationId } : {}),
      ...(n.operationId !== undefined ? { new: n.operationId } : {}),
      symbols: [...new Set([from, to])],
    });
  }
  if (!o.deprecated && n.deprecated) ctx.plain('operation-deprecated', { ...at, message: `${n.key} is deprecated` });
  if (o.deprecated && !n.deprecated) ctx.plain('operation-undeprecated', { ...at, message: `${n.key} is no longer deprecated` });
  if ((o.tags[0] ?? '') !== (n.tags[0] ?? '')) {
    ctx.plain('operation-tag-changed', { ...at, message: `${n.key}: tag '${o.tags[0] ?? ''}' → '${n.tags[0] ?? ''}'`, old: o.tags[0] ?? '', new: n.tags[0] ?? '' });
  }
}
