/**
 * Read an Overlay document (OpenAPI Overlay Specification 1.0.0, YAML or JSON) and check it
 * against the specification's Overlay, Info and Action objects before anything is applied.
 *
 * Errors (E_OVERLAY_INVALID, E_OVERLAY_VERSION, E_OVERLAY_TARGET for a JSONPath that does not
 * parse) name the overlay file, the pointer in it (`#/actions/3`) and its line. Two things
 * the specification allows but that are probably mistakes are warnings: an action with
 * neither `update` nor `remove: true` (it does nothing, W_OVERLAY_NO_OP) and one with both
 * (the update is ignored, W_OVERLAY_UPDATE_IGNORED).
 */
import { createRequire } from 'node:module';
import { displayPath, OagenError, type Diagnostic, type Diagnostics } from '../../diagnostics.js';
import { textLocator, type SegmentLocator } from '../locate/index.js';
import { formatPointer, hasOwn } from '../pointer.js';
import { readText } from '../read.js';

// the JSONPath parser is loaded by the first overlay read: a run without overlays never needs it
const require = createRequire(import.meta.url);
const parseJsonPath = (path: string): unknown => (require('jsonpath-rfc9535/parser') as { default: (p: string) => unknown }).default(path);

export interface OverlayAction {
  /** index in `actions` */
  index: number;
  /** RFC 9535 JSONPath */
  target: string;
  description?: string;
  /** the `update` value; applied when `remove` is not true */
  update?: unknown;
  hasUpdate: boolean;
  remove: boolean;
}

export interface Overlay {
  /** the path as given */
  file: string;
  /** the path as shown in messages */
  shown: string;
  title: string;
  extends?: string;
  actions: OverlayAction[];
  /** segments of the overlay document → position in its text */
  locate: SegmentLocator;
}

const ROOT_FIELDS = new Set(['overlay', 'info', 'extends', 'actions']);
const INFO_FIELDS = new Set(['title', 'version']);
const ACTION_FIELDS = new Set(['target', 'description', 'update', 'remove']);

/**
 * Parse and check an overlay's text. Throws an OagenError carrying every error found (the
 * syntax error alone when the text does not parse); warnings go to `diagnostics`.
 */
export function readOverlay(text: string, file: string, diagnostics: Diagnostics): Overlay {
  const shown = displayPath(file);
  if (/^\s*$/.test(text.replace(/^\ufeff/, ''))) {
    throw new OagenError({ code: 'E_OVERLAY_INVALID', severity: 'error', message: 'the overlay file is empty', file: shown });
  }
  const { value, format } = readText(text, file, diagnostics);
  const locate = textLocator(text, shown, format);
  const errors: Diagnostic[] = [];
  const report = (severity: 'error' | 'warning', code: string, message: string, segments: readonly (string | number)[]): void => {
    const d = overlayDiagnostic(severity, code, message, shown, locate, segments);
    if (severity === 'error') errors.push(d);
    else diagnostics.add(d);
  };
  const fail = (): never => {
    for (const d of errors) diagnostics.add(d);
    throw new OagenError(errors);
  };

  if (!isObject(value)) {
    report('error', 'E_OVERLAY_INVALID', `not an Overlay document: the top level is ${kind(value)}, not a mapping with overlay, info and actions`, []);
    return fail();
  }
  const root = value;
  if (!hasOwn(root, 'overlay')) {
    report('error', 'E_OVERLAY_INVALID', `missing 'overlay': an Overlay document starts with the Overlay Specification version (overlay: 1.0.0)`, []);
  } else if (typeof root.overlay !== 'string' || !/^1\.0\.\d+$/.test(root.overlay)) {
    const said = typeof root.overlay === 'string' ? `'${root.overlay}'` : `${kind(root.overlay)} (write it as a string: '1.0.0')`;
    report('error', 'E_OVERLAY_VERSION', `overlay: ${said} is not a version oagen applies: OpenAPI Overlay 1.0 (1.0.x)`, ['overlay']);
  }
  if (!hasOwn(root, 'info')) {
    report('error', 'E_OVERLAY_INVALID', `missing 'info' (an object with a title and a version)`, []);
  } else if (!isObject(root.info)) {
    report('error', 'E_OVERLAY_INVALID', `'info' must be an object with a title and a version, not ${kind(root.info)}`, ['info']);
  } else {
    const info = root.info;
    for (const field of INFO_FIELDS) {
      if (!hasOwn(info, field)) report('error', 'E_OVERLAY_INVALID', `'info' has no '${field}' (a string)`, ['info']);
      else if (typeof info[field] !== 'string') report('error', 'E_OVERLAY_INVALID', `info.${field} must be a string, not ${kind(info[field])}`, ['info', field]);
    }
    for (const key of Object.keys(info)) {
      if (!INFO_FIELDS.has(key) && !key.startsWith('x-')) report('error', 'E_OVERLAY_INVALID', `'${key}' is not a field of the Info object (title, version, x-…)`, ['info', key]);
    }
  }
  if (hasOwn(root, 'extends') && typeof root.extends !== 'string') {
    report('error', 'E_OVERLAY_INVALID', `'extends' must be a URI reference (a string), not ${kind(root.extends)}`, ['extends']);
  }
  for (const key of Object.keys(root)) {
    if (!ROOT_FIELDS.has(key) && !key.startsWith('x-')) report('error', 'E_OVERLAY_INVALID', `'${key}' is not a field of an Overlay document (overlay, info, extends, actions, x-…)`, [key]);
  }

  const actions: OverlayAction[] = [];
  if (!hasOwn(root, 'actions')) {
    report('error', 'E_OVERLAY_INVALID', `missing 'actions' (a list of at least one action)`, []);
  } else if (!Array.isArray(root.actions) || root.actions.length === 0) {
    report('error', 'E_OVERLAY_INVALID', `'actions' must be a list of at least one action, not ${Array.isArray(root.actions) ? 'an empty list' : kind(root.actions)}`, ['actions']);
  } else {
    const seen = new Map<string, number>();
    root.actions.forEach((a: unknown, index: number) => {
      const at = ['actions', index];
      if (!isObject(a)) {
        report('error', 'E_OVERLAY_INVALID', `an action must be an object with a target, not ${kind(a)}`, at);
        return;
      }
      const before = errors.length;
      for (const key of Object.keys(a)) {
        if (!ACTION_FIELDS.has(key) && !key.startsWith('x-')) report('error', 'E_OVERLAY_INVALID', `'${key}' is not a field of an Action object (target, description, update, remove, x-…)`, [...at, key]);
      }
      if (!hasOwn(a, 'target')) report('error', 'E_OVERLAY_INVALID', `the action has no 'target' (a JSONPath such as $.paths['/users'].get)`, at);
      else if (typeof a.target !== 'string') report('error', 'E_OVERLAY_INVALID', `'target' must be a JSONPath string, not ${kind(a.target)}`, [...at, 'target']);
      else {
        const problem = jsonPathProblem(a.target);
        if (problem) report('error', 'E_OVERLAY_TARGET', `target ${a.target} is not a valid JSONPath (RFC 9535): ${problem}`, [...at, 'target']);
      }
      if (hasOwn(a, 'description') && typeof a.description !== 'string') report('error', 'E_OVERLAY_INVALID', `'description' must be a string, not ${kind(a.description)}`, [...at, 'description']);
      if (hasOwn(a, 'remove') && typeof a.remove !== 'boolean') report('error', 'E_OVERLAY_INVALID', `'remove' must be true or false, not ${kind(a.remove)}`, [...at, 'remove']);
      const key = canonical(a);
      const twin = seen.get(key);
      if (twin !== undefined) report('error', 'E_OVERLAY_INVALID', `the action is the same as #/actions/${twin} (actions must be unique)`, at);
      else seen.set(key, index);
      if (errors.length > before) return;
      const hasUpdate = hasOwn(a, 'update');
      const remove = a.remove === true;
      if (remove && hasUpdate) report('warning', 'W_OVERLAY_UPDATE_IGNORED', `the action has both 'update' and 'remove: true': the target is removed and the update ignored`, [...at, 'update']);
      if (!remove && !hasUpdate) report('warning', 'W_OVERLAY_NO_OP', `the action has neither 'update' nor 'remove: true': it changes nothing`, at);
      actions.push({
        index,
        target: a.target as string,
        ...(typeof a.description === 'string' ? { description: a.description } : {}),
        ...(hasUpdate ? { update: a.update } : {}),
        hasUpdate,
        remove,
      });
    });
  }
  if (errors.length > 0) fail();
  const info = root.info as Record<string, unknown>;
  return {
    file,
    shown,
    title: info.title as string,
    ...(typeof root.extends === 'string' ? { extends: root.extends } : {}),
    actions,
    locate,
  };
}

/** A diagnostic about `segments` of an overlay, with its line and column. */
export function overlayDiagnostic(
  severity: 'error' | 'warning',
  code: string,
  message: string,
  shown: string,
  locate: SegmentLocator,
  segments: readonly (string | number)[],
): Diagnostic {
  const d: Diagnostic = { code, severity, message, file: shown, pointer: formatPointer(segments) };
  let at;
  try {
    at = locate(segments.map(String));
  } catch {
    at = undefined; // a position is a nicety
  }
  if (at?.line !== undefined) {
    d.line = at.line;
    if (at.column !== undefined) d.column = at.column;
  }
  return d;
}

/** Why a JSONPath does not parse (where, and a hint for the usual mistake), or undefined when it does. */
function jsonPathProblem(target: string): string | undefined {
  try {
    parseJsonPath(target);
    return undefined;
  } catch (e) {
    const { found, location } = e as { found?: string | null; location?: { start?: { offset?: number } } };
    const offset = location?.start?.offset;
    if (offset === undefined) return e instanceof Error ? e.message : String(e);
    const what = found === null || found === undefined ? 'end' : JSON.stringify(found);
    let message = `unexpected ${what} at character ${offset + 1}`;
    if (!target.startsWith('$')) message += `; a JSONPath starts with $ (the document's root)`;
    // `.x-foo`: a name shorthand cannot hold '-' (RFC 9535 2.5.1.1), the bracket form can
    const dashed = found === '-' ? /\.([A-Za-z_][\w-]*)$/.exec(target.slice(0, offset) + (/^[\w-]*/.exec(target.slice(offset))?.[0] ?? '')) : null;
    if (dashed) message += `; a name with '-' is written in brackets: ['${dashed[1]}'] instead of .${dashed[1]}`;
    return message;
  }
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** 'a string', 'an object', 'null', … for messages */
export function kind(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'nothing';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v)}`;
  return `the ${typeof v} ${String(v)}`;
}

/** JSON with sorted keys: two actions are the same when this is. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (isObject(v)) return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`).join(',')}}`;
  return JSON.stringify(v) ?? 'null';
}
