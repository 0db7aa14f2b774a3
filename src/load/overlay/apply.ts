/**
 * Apply an overlay's actions to a document, in order, each to the document as the previous
 * action left it (OpenAPI Overlay Specification 1.0.0, "Action Object"):
 *
 * - `target` is an RFC 9535 JSONPath (evaluated with `jsonpath-rfc9535`); it selects zero or
 *   more nodes. Nothing selected: a W_OVERLAY_NO_MATCH warning naming the overlay file and
 *   the action, and the document is unchanged.
 * - `remove: true` removes each selected node from the object or list holding it (any node
 *   but the document's root).
 * - `update` on a selected object is merged into it, recursively: a property only in the
 *   update is added, an object merges into an object, a list is appended to a list, a
 *   primitive (string, number, boolean, null) replaces a primitive; any other pairing (an
 *   object onto a string, a list onto an object, …) is incompatible, an error
 *   (E_OVERLAY_INCOMPATIBLE): remove the node in an earlier action to replace it.
 * - `update` on a selected list is appended to it (a list update: its items are appended,
 *   the rule used inside a merge as well, and Overlay 1.1's wording).
 * - `update` on a selected primitive is an error (E_OVERLAY_TARGET): the specification asks
 *   for the object holding it to be targeted, with the property in the update.
 *
 * The document is changed in place. An overlay changes places, not objects: where one
 * object sits at several places (a YAML alias `*a` is the very object `&a` names), the place
 * being changed gets its own copy first, and the other places keep the original. What each
 * action added is recorded in `OverlayTrace`, so that source positions of those nodes point
 * at the overlay file (./locate.ts).
 */
import { createRequire } from 'node:module';
import type { Diagnostic, Diagnostics } from '../../diagnostics.js';
import { formatPointer, hasOwn, setOwn } from '../pointer.js';
import { isObject, kind, overlayDiagnostic, type Overlay, type OverlayAction } from './read.js';

// JSONPath is loaded with the first overlay action: a run without overlays never needs it
const require = createRequire(import.meta.url);
let jsonpath: typeof import('jsonpath-rfc9535') | undefined;
const exec: typeof import('jsonpath-rfc9535').exec = (...args) => (jsonpath ??= require('jsonpath-rfc9535') as typeof import('jsonpath-rfc9535')).exec(...args);

/** Where an overlay put a node: the overlay and the segments of the value in it. */
export interface OverlayOrigin {
  overlay: Overlay;
  segments: readonly string[];
}

/** What overlays added, for source positions (see ./locate.ts). */
export interface OverlayTrace {
  /** object → property → the overlay value that set it */
  keys: WeakMap<object, Map<string, OverlayOrigin>>;
  /**
   * list → per current item: its index in the list before any overlay (a number) or the
   * overlay value that appended it; kept only for lists an overlay appended to or removed from
   */
  items: WeakMap<unknown[], Array<number | OverlayOrigin>>;
  /** object or list → how many places hold it (more than one: YAML aliases); empty when no object can have two places */
  holders: Map<object, number>;
}

/** `shared`: whether an object may sit at several places (the text has YAML aliases, or the spec was bundled). */
export function newTrace(document: object, shared = true): OverlayTrace {
  return { keys: new WeakMap(), items: new WeakMap(), holders: shared ? countHolders(document) : new Map() };
}

type Path = ReadonlyArray<string | number>;

/**
 * Apply `overlay` to `document`. Returns the errors (already added to `diagnostics`, with the
 * warnings); the caller stops on any.
 */
export function applyOverlay(
  document: Record<string, unknown>,
  overlay: Overlay,
  trace: OverlayTrace,
  diagnostics: Diagnostics,
  specShown: string,
  /** whether earlier overlays were applied before this one */
  afterOthers = false,
): Diagnostic[] {
  const errors: Diagnostic[] = [];
  for (const action of overlay.actions) {
    const report = (severity: 'error' | 'warning', code: string, message: string, segments: Path = ['actions', action.index]): void => {
      const d = overlayDiagnostic(severity, code, message, overlay.shown, overlay.locate, segments);
      diagnostics.add(d);
      if (severity === 'error') errors.push(d);
    };
    let matches: Array<{ value: unknown; path: Path }>;
    try {
      matches = select(document, action.target);
    } catch (e) {
      report('error', 'E_OVERLAY_TARGET', `target ${action.target} cannot be evaluated: ${e instanceof Error ? e.message : String(e)}`, ['actions', action.index, 'target']);
      continue;
    }
    if (matches.length === 0) {
      report('warning', 'W_OVERLAY_NO_MATCH', `target ${action.target} matches nothing in ${specShown}${action.index > 0 || afterOthers ? ' (after the previous actions)' : ''}; the action changed nothing`);
      continue;
    }
    if (action.remove) removeAll(document, matches, trace, report);
    else if (action.hasUpdate) updateAll(document, matches, action, overlay, trace, report);
  }
  return errors;
}

/** The places `target` selects, each once, with their values; in the order the query gives them. */
function select(document: unknown, target: string): Array<{ value: unknown; path: Path }> {
  const out: Array<{ value: unknown; path: Path }> = [];
  const paths = new Set<string>();
  exec(document as never, target, (value, path) => {
    const copy = [...(path as ReadonlyArray<string | number>)];
    // RFC 9535 may select one place twice (`$[0,0]`): it is changed once
    const key = JSON.stringify(copy);
    if (paths.has(key)) return;
    paths.add(key);
    out.push({ value, path: copy });
  });
  return out;
}

type Report = (severity: 'error' | 'warning', code: string, message: string, segments?: Path) => void;

function removeAll(document: Record<string, unknown>, matches: Array<{ path: Path }>, trace: OverlayTrace, report: Report): void {
  // every parent is found before anything is removed: list indices stay valid, and a node
  // inside another removed node is removed from its (detached) parent harmlessly
  const fromLists = new Map<unknown[], number[]>();
  const fromObjects: Array<[Record<string, unknown>, string]> = [];
  for (const { path } of matches) {
    if (path.length === 0) {
      report('error', 'E_OVERLAY_TARGET', `remove: the target selects the document's root, which cannot be removed`);
      continue;
    }
    const parent = ownAt(document, path.slice(0, -1), trace);
    const last = path[path.length - 1];
    if (Array.isArray(parent) && typeof last === 'number') {
      const list = fromLists.get(parent) ?? [];
      list.push(last);
      fromLists.set(parent, list);
    } else if (isObject(parent)) {
      fromObjects.push([parent, String(last)]);
    }
  }
  for (const [list, indices] of fromLists) {
    const items = itemsOf(list, trace);
    for (const i of [...new Set(indices)].sort((a, b) => b - a)) {
      list.splice(i, 1);
      items.splice(i, 1);
    }
  }
  for (const [object, key] of fromObjects) {
    delete object[key];
    trace.keys.get(object)?.delete(key);
  }
}

function updateAll(document: Record<string, unknown>, matches: Array<{ value: unknown; path: Path }>, action: OverlayAction, overlay: Overlay, trace: OverlayTrace, report: Report): void {
  const at = ['actions', String(action.index), 'update'];
  for (const match of matches) {
    const { path } = match;
    const where = formatPointer(path);
    const value = typeof match.value === 'object' && match.value !== null ? ownAt(document, path, trace) : match.value;
    if (Array.isArray(value)) {
      append(value, action.update, { overlay, segments: at }, trace);
    } else if (isObject(value)) {
      if (!isObject(action.update)) {
        report('error', 'E_OVERLAY_UPDATE', `the target selects an object (${where}): 'update' must be an object of properties to merge into it, not ${kind(action.update)}`, at);
        continue;
      }
      merge(value, action.update, where, { overlay, segments: at }, trace, report);
    } else {
      report(
        'error',
        'E_OVERLAY_TARGET',
        `update: the target selects ${kind(value)} (${where}), not an object or a list; to change a value, target the object holding it and set the property in 'update'`,
        ['actions', action.index, 'target'],
      );
    }
  }
}

/** Merge `update` into `target` (the rules at the top of this file); `where` is `target`'s pointer in the document. */
function merge(target: Record<string, unknown>, update: Record<string, unknown>, where: string, origin: OverlayOrigin, trace: OverlayTrace, report: Report): void {
  for (const key of Object.keys(update)) {
    const u = update[key];
    const from: OverlayOrigin = { overlay: origin.overlay, segments: [...origin.segments, key] };
    const here = `${where}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if (!hasOwn(target, key)) {
      setOwn(target, key, clone(u));
      keysOf(target, trace).set(key, from);
      continue;
    }
    const t = target[key];
    if (isObject(t) && isObject(u)) merge(own(target, key, trace) as Record<string, unknown>, u, here, from, trace, report);
    else if (Array.isArray(t) && Array.isArray(u)) append(own(target, key, trace) as unknown[], u, from, trace);
    else if (!isContainer(t) && !isContainer(u)) {
      setOwn(target, key, u);
      keysOf(target, trace).set(key, from);
    } else {
      report(
        'error',
        'E_OVERLAY_INCOMPATIBLE',
        `cannot merge ${kind(u)} into ${kind(t)} at ${here}: an object merges into an object, a list is appended to a list, a primitive replaces a primitive; to replace the value, remove it in an earlier action`,
        from.segments,
      );
    }
  }
}

/** Append `update` to `list`: each item of a list update, or the value itself. */
function append(list: unknown[], update: unknown, origin: OverlayOrigin, trace: OverlayTrace): void {
  const items = itemsOf(list, trace);
  const entries = Array.isArray(update) ? update.map((u, i) => [u, { overlay: origin.overlay, segments: [...origin.segments, String(i)] }] as const) : [[update, origin] as const];
  for (const [value, from] of entries) {
    list.push(clone(value));
    items.push(from);
  }
}

function keysOf(object: object, trace: OverlayTrace): Map<string, OverlayOrigin> {
  let map = trace.keys.get(object);
  if (!map) trace.keys.set(object, (map = new Map()));
  return map;
}

/** The list's item origins, created on first use with the indices the items have now. */
function itemsOf(list: unknown[], trace: OverlayTrace): Array<number | OverlayOrigin> {
  let items = trace.items.get(list);
  if (!items) trace.items.set(list, (items = list.map((_, i) => i)));
  return items;
}

/**
 * The node at `path`, about to be changed: each object or list on the way that other places
 * hold too is replaced, at this place, by a copy of its own (one level deep: what it holds is
 * then held by one more place).
 */
function ownAt(root: unknown, path: Path, trace: OverlayTrace): unknown {
  let node = root;
  for (const s of path) {
    if (Array.isArray(node) && typeof s === 'number' && s < node.length) node = own(node, s, trace);
    else if (isObject(node) && hasOwn(node, String(s))) node = own(node, String(s), trace);
    else return undefined;
  }
  return node;
}

/** `holder[key]`, copied first when other places hold it too (see ownAt). */
function own(holder: Record<string, unknown> | unknown[], key: string | number, trace: OverlayTrace): unknown {
  const node = (holder as Record<string | number, unknown>)[key];
  if (typeof node !== 'object' || node === null) return node;
  const count = trace.holders.get(node) ?? 1;
  if (count <= 1) return node;
  const copy: Record<string, unknown> | unknown[] = Array.isArray(node) ? node.slice() : {};
  if (!Array.isArray(node)) for (const k of Object.keys(node)) setOwn(copy as Record<string, unknown>, k, (node as Record<string, unknown>)[k]);
  for (const child of Object.values(copy)) {
    if (typeof child === 'object' && child !== null) trace.holders.set(child, (trace.holders.get(child) ?? 1) + 1);
  }
  trace.holders.set(node, count - 1);
  trace.holders.set(copy, 1);
  if (Array.isArray(holder)) holder[key as number] = copy;
  else setOwn(holder, String(key), copy);
  return copy;
}

/** How many places hold each object and list below `root` (each visited once). */
function countHolders(root: object): Map<object, number> {
  const holders = new Map<object, number>([[root, 1]]);
  const stack: object[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (const child of Object.values(node)) {
      if (typeof child !== 'object' || child === null) continue;
      const n = holders.get(child);
      if (n === undefined) {
        holders.set(child, 1);
        stack.push(child);
      } else {
        holders.set(child, n + 1);
      }
    }
  }
  return holders;
}

function isContainer(v: unknown): boolean {
  return typeof v === 'object' && v !== null;
}

/** A deep copy of an update value (each selected node gets its own; `__proto__` stays a plain key). */
function clone(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(clone);
  if (isObject(v)) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v)) setOwn(out, k, clone(v[k]));
    return out;
  }
  return v;
}
