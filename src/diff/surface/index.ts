/**
 * Client impact: render both generated packages in memory and let the judge of the exported
 * surface (src/judge/, the same one that sets `oagen generate`'s version and CHANGELOG)
 * compare their exports and recommend the version bump of the generated package:
 *
 * - major: an export was removed (a renamed schema or function included) or changed so that
 *   code written against the old package may stop compiling;
 * - minor: exports were added, changed compatibly, or newly deprecated;
 * - patch: only documentation or runtime behaviour changed (JSDoc, docs, operation specs);
 * - none: the packages are the same.
 *
 * Each export change carries the identity behind it (schema pointer or `METHOD /path`).
 */
import { judgeSurface } from '../../judge/surface.js';
import type { Side } from '../context.js';
import type { ClientImpact } from '../types.js';
import { renderPackage } from './render.js';

export function compareSurface(old: Side, neu: Side): ClientImpact {
  const started = performance.now();
  const oldFiles = renderPackage(old.ir, old.names);
  const newFiles = renderPackage(neu.ir, neu.names);
  const verdict = judgeSurface({ oldFiles, newFiles, ir: neu.ir, names: neu.names, usage: neu.usage, old: { ir: old.ir, names: old.names, usage: old.usage } });
  const identities = identityIndex(old, neu);
  const exports = verdict.exports.map((e) => {
    const identity = identities.get(e.name);
    return identity ? { ...e, identity } : e;
  });
  return { semver: verdict.semver, reasons: verdict.reasons, exports, ms: Math.round(performance.now() - started) };
}

/** Export name → identity (schema pointer or `METHOD /path`), new side first. */
function identityIndex(old: Side, neu: Side): Map<string, string> {
  const out = new Map<string, string>();
  for (const side of [old, neu]) {
    for (const [id, name] of side.names.schema) out.set(name, id);
    // the request-side type of a schema split by readOnly/writeOnly (`ThingWritable`) is that schema's
    for (const [id, name] of side.names.writable ?? []) out.set(name, id);
    for (const [key, n] of side.names.operation) for (const name of [n.fn, n.params, n.error, n.stream]) if (name) out.set(name, key);
  }
  return out;
}
