/**
 * YAML aliases share nodes: `*a` is the very object `&a` names. That allows a node to
 * contain itself (a cycle no JSON document can have) and exponential expansion ("billion
 * laughs": a few lines that stand for billions of nodes). Both would hang or crash every
 * later stage, which walks the document as a tree, so they are refused here.
 * Only run when the text has both an anchor and an alias.
 */
import { escapeSegment } from './pointer.js';

/** Most nodes the document may stand for once aliases are expanded. */
export const MAX_EXPANDED_NODES = 20_000_000;

const ANCHOR = /(?:^|[\s[{,])&[^\s,[\]{}]+/m;
const ALIAS = /(?:^|[\s[{,])\*[A-Za-z0-9_][^\s,[\]{}]*/m;

export function mayHaveAliases(text: string): boolean {
  return ANCHOR.test(text) && ALIAS.test(text);
}

export interface AliasProblem {
  code: 'E_YAML_ALIAS_CYCLE' | 'E_YAML_ALIAS_EXPANSION';
  message: string;
  pointer: string;
}

interface Frame {
  node: object;
  keys: string[];
  next: number;
  /** nodes this one stands for, itself included */
  size: number;
}

export function checkAliases(root: unknown, limit = MAX_EXPANDED_NODES): AliasProblem | undefined {
  if (typeof root !== 'object' || root === null) return undefined;
  const sizes = new Map<object, number>();
  const active = new Set<object>([root]);
  const stack: Frame[] = [{ node: root, keys: Object.keys(root), next: 0, size: 1 }];
  const pointer = (last?: string): string =>
    '#' + stack.slice(1).map((f, i) => '/' + escapeSegment(stack[i].keys[stack[i].next - 1])).join('') + (last !== undefined ? '/' + escapeSegment(last) : '');

  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (top.next < top.keys.length) {
      const key = top.keys[top.next++];
      const child = (top.node as Record<string, unknown>)[key];
      if (typeof child !== 'object' || child === null) {
        top.size += 1;
        continue;
      }
      if (active.has(child)) {
        return { code: 'E_YAML_ALIAS_CYCLE', message: 'a YAML alias makes this node contain itself', pointer: pointer(key) };
      }
      const known = sizes.get(child);
      if (known !== undefined) {
        top.size += known;
      } else {
        active.add(child);
        stack.push({ node: child, keys: Object.keys(child), next: 0, size: 1 });
      }
      if (top.size > limit) break;
      continue;
    }
    stack.pop();
    active.delete(top.node);
    sizes.set(top.node, top.size);
    const parent = stack[stack.length - 1];
    if (!parent) return top.size > limit ? expansion('#', limit) : undefined;
    parent.size += top.size;
    if (parent.size > limit) break;
  }
  return expansion(pointer(), limit);
}

function expansion(at: string, limit: number): AliasProblem {
  return {
    code: 'E_YAML_ALIAS_EXPANSION',
    message: `YAML aliases make the document stand for more than ${limit} nodes (nested aliases multiply); refused`,
    pointer: at,
  };
}
