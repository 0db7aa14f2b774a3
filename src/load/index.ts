/**
 * Load a spec: read (YAML or JSON), detect the version, bundle external `$ref`s when there
 * are any, apply the client's OpenAPI Overlays (./overlay/), convert Swagger 2.0 to the
 * OpenAPI 3.0 shape, validate on request.
 *
 * The hot path (one file, no external refs) is: read the file, one `JSON.parse` or js-yaml
 * `load`, a regex over the text, and nothing else. Source positions, swagger-parser and the
 * Swagger 2.0 conversion only cost when they are needed.
 */
import { resolve as resolvePath } from 'node:path';
import type { OpenAPIV3, OpenAPIV3_1 } from 'openapi-types';
import {
  Diagnostics,
  displayPath,
  OagenError,
  type Diagnostic,
  type SourceLocation,
} from '../diagnostics.js';
import { mayHaveAliases } from './aliases.js';
import { bundleSpec } from './bundle.js';
import { applyOverlays, overlaidLocator } from './overlay/index.js';
import { pointerLocator, textLocator, throughOrigins, type SegmentLocator } from './locate/index.js';
import { parsePointer, resolvePointer } from './pointer.js';
import { readSourceFile, readText } from './read.js';
import { isUrl } from '../config/fetch.js';
import { fetchText, type FetchOptions } from './remote/fetch.js';
import { externalRefs, mayHaveExternalRefs } from './refs.js';
import { convertSwagger2 } from './swagger2/convert.js';
import { validateDocument } from './validate.js';
import { detectVersion, type SpecVersion } from './version.js';

export interface LoadedSpec {
  /** path of the root file, as given */
  file: string;
  /** version of the source */
  version: SpecVersion;
  /** the document; Swagger 2.0 is converted to the OpenAPI 3.0 shape */
  document: OpenAPIV3.Document | OpenAPIV3_1.Document;
  /** resolve an internal `$ref` ('#/components/schemas/X') to its node; undefined when missing */
  resolve(ref: string): unknown | undefined;
  /** source position of a JSON pointer of `document`, in the file it came from (computed on demand) */
  locate(pointer: string): SourceLocation | undefined;
  /** every file read (more than one when the spec has external refs), overlays last */
  files: string[];
}

export interface LoadOptions {
  /** run swagger-parser's full validation (slow on big specs) */
  validate?: boolean;
  /**
   * collector for warnings and errors; its locator is set to the loaded spec's `locate`.
   * Errors end the load with an OagenError that carries them.
   */
  diagnostics?: Diagnostics;
  /**
   * OpenAPI Overlay (1.0) files applied in order to the bundled spec before it is converted
   * or parsed (src/load/overlay/)
   */
  overlays?: readonly string[];
  /** headers and timeout of a spec read from an http(s) URL (src/load/remote/) */
  fetch?: FetchOptions;
}

export type { SpecVersion } from './version.js';

/**
 * Read and load a spec file or http(s) URL. A file that cannot be read, or a URL that cannot
 * be fetched, is a usage error (exit code 2).
 */
export async function loadSpec(file: string, options: LoadOptions = {}): Promise<LoadedSpec> {
  const diagnostics = options.diagnostics ?? new Diagnostics();
  const text = isUrl(file) ? await fetchSpecText(file, options.fetch, diagnostics) : await readSourceFile(file, 'the spec', diagnostics);
  return loadSpecFromText(text, file, { ...options, diagnostics });
}

/** Load a spec from text; `file` names it (for messages and for resolving relative `$ref`s). */
export async function loadSpecFromText(text: string, file: string, options: LoadOptions = {}): Promise<LoadedSpec> {
  const diagnostics = options.diagnostics ?? new Diagnostics();
  const shown = displayPath(file);
  const before = diagnostics.list.length;
  try {
    const spec = await load(text, file, shown, diagnostics, options.validate === true, options.overlays ?? [], options.fetch);
    const added = diagnostics.list.slice(before);
    if (added.some((d) => d.severity === 'error')) throw new OagenError(added.filter((d) => d.severity === 'error'));
    return spec;
  } catch (e) {
    if (e instanceof OagenError) {
      for (const d of e.diagnostics) if (!diagnostics.list.some((k) => sameDiagnostic(k, d))) diagnostics.add(d);
    }
    throw e;
  }
}

async function fetchSpecText(url: string, options: FetchOptions | undefined, diagnostics: Diagnostics): Promise<string> {
  try {
    return (await fetchText(url, options)).text;
  } catch (e) {
    if (e instanceof OagenError) for (const d of e.diagnostics) diagnostics.add(d);
    throw e;
  }
}

function sameDiagnostic(a: Diagnostic, b: Diagnostic): boolean {
  return a.code === b.code && a.message === b.message && a.file === b.file && a.pointer === b.pointer && a.line === b.line;
}

async function load(text: string, file: string, shown: string, diagnostics: Diagnostics, validate: boolean, overlays: readonly string[], fetchOptions?: FetchOptions): Promise<LoadedSpec> {
  // a URL's relative `$ref`s are URLs too (fetched the same way); a file's are files
  const rootKey = isUrl(file) ? file : resolvePath(file);
  const { value, format } = readText(text, file, diagnostics);
  const rootLocate = textLocator(text, shown, format);
  diagnostics.setLocator(pointerLocator(rootLocate));

  const check = detectVersion(value, diagnostics);
  if ('error' in check) {
    const d: Diagnostic = { code: check.code, severity: 'error', message: check.error, file: shown };
    const field = value && typeof value === 'object' ? ('openapi' in value ? 'openapi' : 'swagger' in value ? 'swagger' : undefined) : undefined;
    if (field) {
      d.pointer = '#/' + field;
      const at = rootLocate([field]);
      if (at?.line !== undefined) Object.assign(d, { line: at.line, column: at.column });
    }
    throw new OagenError([d]);
  }

  let source = value as Record<string, unknown>;
  let locateSource: SegmentLocator = rootLocate;
  let files = [file];
  let byIdentity = false; // whether locateSource finds nodes by identity (bundled) or by reading the root's text
  if (mayHaveExternalRefs(text) && externalRefs(source, 1).length > 0) {
    const bundled = await bundleSpec(source, check.version, rootKey, { text, format }, diagnostics, isUrl(file) ? (fetchOptions ?? {}) : undefined);
    source = bundled.document;
    files = [...bundled.files.keys()].map((f) => (f === rootKey ? file : displayPath(f)));
    const perFile = new Map<string, SegmentLocator>();
    const root = source;
    byIdentity = true;
    locateSource = (segments) => {
      const hit = throughOrigins(root, segments, bundled.origins);
      if (!hit) return rootLocate(segments);
      const f = bundled.files.get(hit.origin.file);
      if (!f) return { file: displayPath(hit.origin.file) };
      let loc = perFile.get(hit.origin.file);
      if (!loc) {
        const name = hit.origin.file === rootKey ? shown : displayPath(hit.origin.file);
        loc = textLocator(f.text, name, f.format);
        perFile.set(hit.origin.file, loc);
      }
      return loc([...parsePointer(hit.origin.pointer), ...hit.rest]);
    };
  }

  if (overlays.length > 0) {
    // the spec as written (Swagger 2.0 before its conversion), one document after bundling
    const trace = await applyOverlays(source, overlays, diagnostics, shown, byIdentity || mayHaveAliases(text));
    const base = locateSource;
    locateSource = overlaidLocator(source, trace, byIdentity ? (live) => base(live) : (_live, before) => base(before));
    files = [...files, ...overlays];
  }

  let document = source;
  let locateDocument = locateSource;
  if (check.version === '2.0') {
    const converted = convertSwagger2(source);
    document = converted.document as unknown as Record<string, unknown>;
    const converted_ = document;
    locateDocument = (segments) => {
      const hit = throughOrigins(converted_, segments, converted.origins);
      return hit ? locateSource([...parsePointer(hit.origin), ...hit.rest]) : locateSource([]);
    };
  }

  if (validate) await validateDocument(source, file, diagnostics, pointerLocator(locateSource));

  const cache = new Map<string, unknown>();
  const doc = document;
  const spec: LoadedSpec = {
    file,
    version: check.version,
    document: document as unknown as OpenAPIV3.Document | OpenAPIV3_1.Document,
    resolve: (ref: string) => {
      if (typeof ref !== 'string') return undefined;
      if (cache.has(ref)) return cache.get(ref);
      const target = resolvePointer(doc, ref);
      cache.set(ref, target);
      return target;
    },
    locate: pointerLocator(locateDocument),
    files,
  };
  diagnostics.setLocator(spec.locate);
  return spec;
}
