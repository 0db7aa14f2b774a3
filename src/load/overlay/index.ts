/**
 * OpenAPI Overlays (Overlay Specification 1.0.0): documents of actions that change a spec
 * you do not own (add, update, remove nodes selected by JSONPath). oagen applies a client's
 * overlays in order, after the spec is read and its external `$ref`s bundled, before it is
 * parsed (src/load/index.ts).
 *
 * read.ts checks an overlay, apply.ts applies its actions, locate.ts gives source positions
 * of the result (nodes an overlay added point at the overlay file).
 */
import { OagenError, type Diagnostics } from '../../diagnostics.js';
import { applyOverlay, newTrace, type OverlayTrace } from './apply.js';
import { readSourceFile } from '../read.js';
import { readOverlay } from './read.js';

export { overlaidLocator } from './locate.js';
export type { OverlayTrace } from './apply.js';

/**
 * Read each overlay file and apply it to `document` (changed in place), in order. Throws an
 * OagenError: exit 2 when a file cannot be read, 1 when an overlay is invalid or an action
 * fails (after every error of that overlay is reported).
 */
export async function applyOverlays(
  document: Record<string, unknown>,
  files: readonly string[],
  diagnostics: Diagnostics,
  specShown: string,
  /** whether an object may sit at several places (YAML aliases, bundling): see apply.ts */
  shared = true,
): Promise<OverlayTrace> {
  const trace = newTrace(document, shared);
  for (const [i, file] of files.entries()) {
    const text = await readSourceFile(file, 'the overlay', diagnostics);
    const overlay = readOverlay(text, file, diagnostics);
    const errors = applyOverlay(document, overlay, trace, diagnostics, specShown, i > 0);
    if (errors.length > 0) throw new OagenError(errors);
  }
  return trace;
}
