/**
 * Source positions, computed only when asked for. A locator turns a JSON pointer of the
 * document oagen works on into file, line and column, through up to three layers:
 * Swagger 2.0 conversion (new node → pointer in the source document), bundling
 * (node → file and pointer it came from), and the text of each file.
 */
import type { SourceLocation } from '../../diagnostics.js';
import { hasOwn, parsePointer } from '../pointer.js';
import { jsonFinder } from './json.js';
import { lineIndex, type LineIndex } from './lines.js';
import type { TextFinder } from './types.js';
import { yamlFinder } from './yaml.js';

export type TextFormat = 'json' | 'yaml';

/** Segments → position in one text (file). Finder and line index are built on first use. */
export type SegmentLocator = (segments: readonly string[]) => SourceLocation | undefined;

export function textLocator(text: string, file: string, format: TextFormat): SegmentLocator {
  let finder: TextFinder | undefined;
  let lines: LineIndex | undefined;
  return (segments) => {
    finder ??= format === 'json' ? jsonFinder(text) : yamlFinder(text);
    lines ??= lineIndex(text);
    const { offset } = finder(segments);
    const { line, column } = lines.position(offset);
    return { file, line, column };
  };
}

/**
 * The deepest node on the pointer's way through `root` that has a recorded origin, and
 * the segments left below it.
 */
export function throughOrigins<T>(
  root: unknown,
  segments: readonly string[],
  origins: WeakMap<object, T>,
): { origin: T; rest: readonly string[] } | undefined {
  let node: unknown = root;
  let found: { origin: T; rest: readonly string[] } | undefined;
  for (let i = 0; ; i++) {
    if (typeof node === 'object' && node !== null) {
      const o = origins.get(node);
      if (o !== undefined) found = { origin: o, rest: segments.slice(i) };
    } else {
      break;
    }
    if (i === segments.length) break;
    const s = segments[i];
    if (Array.isArray(node)) node = /^\d+$/.test(s) ? node[Number(s)] : undefined;
    else node = hasOwn(node, s) ? (node as Record<string, unknown>)[s] : undefined;
  }
  return found;
}

/** A locator over pointers (the public `locate` shape) from a segment locator. */
export function pointerLocator(locate: SegmentLocator): (pointer: string) => SourceLocation | undefined {
  return (pointer) => {
    if (typeof pointer !== 'string') return undefined;
    const hash = pointer.indexOf('#');
    // accept 'file#/pointer' too: only the fragment matters here
    return locate(parsePointer(hash > 0 ? pointer.slice(hash) : pointer));
  };
}
