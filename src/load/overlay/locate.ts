/**
 * Source positions after overlays. A pointer of the overlaid document is walked through it:
 *
 * - a node an overlay added or set (a property an `update` inserted or replaced, an item it
 *   appended, and everything below them) is located in that overlay file, at the value in
 *   the `update` that put it there;
 * - any other node is located in the spec, where it was before the overlays: list indices
 *   shifted by a `remove` are mapped back to the item's index in the spec.
 */
import type { SourceLocation } from '../../diagnostics.js';
import type { SegmentLocator } from '../locate/index.js';
import { hasOwn } from '../pointer.js';
import type { OverlayOrigin, OverlayTrace } from './apply.js';

/**
 * `base` locates a node of the spec from its segments in the overlaid document (`live`) and
 * in the document before the overlays (`before`); a locator that finds nodes by identity
 * uses the first, one that reads the spec's text the second.
 */
export function overlaidLocator(
  root: unknown,
  trace: OverlayTrace,
  base: (live: readonly string[], before: readonly string[]) => SourceLocation | undefined,
): SegmentLocator {
  return (segments) => {
    let node: unknown = root;
    let hit: { origin: OverlayOrigin; rest: readonly string[] } | undefined;
    const before: string[] = [];
    for (let i = 0; i < segments.length; i++) {
      const s = segments[i];
      if (Array.isArray(node)) {
        if (!/^(0|[1-9]\d*)$/.test(s)) {
          before.push(...segments.slice(i));
          break;
        }
        const item = trace.items.get(node)?.[Number(s)];
        if (typeof item === 'object') hit = { origin: item, rest: segments.slice(i + 1) };
        before.push(typeof item === 'number' ? String(item) : s);
        node = node[Number(s)];
      } else if (typeof node === 'object' && node !== null) {
        const origin = trace.keys.get(node)?.get(s);
        if (origin) hit = { origin, rest: segments.slice(i + 1) };
        before.push(s);
        node = hasOwn(node, s) ? (node as Record<string, unknown>)[s] : undefined;
      } else {
        before.push(...segments.slice(i));
        break;
      }
    }
    if (hit) return hit.origin.overlay.locate([...hit.origin.segments, ...hit.rest]);
    return base(segments, before);
  };
}
