/**
 * Multi-file specs: `@apidevtools/swagger-parser`'s `bundle()` pulls every external `$ref`
 * into one document (referenced names are kept where the root names them; cycles survive
 * as internal refs). Files are read through oagen's own reader (same YAML rules, syntax
 * errors with positions), and where each node came from is recorded for source positions.
 * A local spec's URLs are not fetched: only local files are read. A spec read from a URL
 * (`remote`) has its `$ref`s resolved against that URL and fetched (./remote/).
 */
import { fileURLToPath } from 'node:url';
import { displayPath, OagenError, type Diagnostic, type Diagnostics } from '../diagnostics.js';
import type { TextFormat } from './locate/index.js';
import { childPointer, formatPointer } from './pointer.js';
import { readText } from './read.js';
import type { SpecVersion } from './version.js';
import { fetchText, optionsFor, type FetchOptions } from './remote/fetch.js';

export interface SourceFile {
  text: string;
  format: TextFormat;
}

export interface Bundled {
  document: Record<string, unknown>;
  /** every file read, by absolute path (the root included) */
  files: Map<string, SourceFile>;
  /** node → file and pointer it was read from */
  origins: WeakMap<object, { file: string; pointer: string }>;
}

/**
 * Bundle `root` (already read from `rootFile`, an absolute path). `root` is changed in
 * place: its external refs are replaced.
 */
export async function bundleSpec(
  root: Record<string, unknown>,
  version: SpecVersion,
  rootFile: string,
  rootSource: SourceFile,
  diagnostics: Diagnostics,
  remote?: FetchOptions,
): Promise<Bundled> {
  const files = new Map<string, SourceFile>([[rootFile, rootSource]]);
  const origins = new WeakMap<object, { file: string; pointer: string }>();
  recordOrigins(root, rootFile, origins);
  const syntax: Diagnostic[] = [];

  const reader = {
    order: 1,
    allowEmpty: false,
    canParse: true,
    parse(file: { url: string; data: unknown }): unknown {
      const path = file.url.startsWith('file:') ? fileURLToPath(file.url) : file.url;
      const text = Buffer.isBuffer(file.data) ? file.data.toString('utf8') : String(file.data);
      try {
        const { value, format } = readText(text, path, diagnostics);
        files.set(path, { text, format });
        recordOrigins(value, path, origins);
        return value;
      } catch (e) {
        if (e instanceof OagenError) syntax.push(...e.diagnostics);
        throw e;
      }
    },
  };

  // loaded only here: importing swagger-parser costs ~150 ms, which single-file specs skip
  const { default: SwaggerParser } = await import('@apidevtools/swagger-parser');
  const parser = new SwaggerParser();
  const { view, added } = acceptableView(root, version);
  if (view !== root) origins.set(view, { file: rootFile, pointer: '#' });
  try {
    const options = {
      parse: { json: false, yaml: false, text: false, binary: false, oagen: reader },
      resolve: {
        http: false,
        external: true,
        ...(remote
          ? {
              oagenHttp: {
                order: 1,
                canRead: /^https?:\/\//i,
                read: async (f: { url: string }) => {
                  try {
                    return (await fetchText(f.url, optionsFor(f.url, rootFile, remote))).text;
                  } catch (e) {
                    if (e instanceof OagenError) syntax.push(...e.diagnostics);
                    throw e;
                  }
                },
              },
            }
          : {}),
      },
      continueOnError: true,
    };
    const bundled = (await parser.bundle(rootFile, view as never, options as never)) as unknown as Record<string, unknown>;
    // put back what swagger-parser was shown instead of the real document
    for (const key of ['openapi', 'swagger'] as const) {
      if (root[key] === undefined) delete bundled[key];
      else bundled[key] = root[key];
    }
    for (const key of added) delete bundled[key];
    return { document: bundled, files, origins };
  } catch (e) {
    let found = syntax.length > 0 ? syntax : refErrors(e);
    if (found.length === 0) {
      // anything else swagger-parser objects to is a defect of the spec, not a crash
      const message = e instanceof Error ? e.message : String(e);
      found = [{ code: 'E_REF_INVALID', severity: 'error', message: `cannot bundle the external $refs: ${message}`, file: displayPath(rootFile) }];
    }
    for (const d of found) diagnostics.add(d);
    throw new OagenError(diagnostics.errors.slice());
  }
}

/**
 * swagger-parser checks the version and a few fields before bundling, more strictly than
 * oagen (3.2, unknown patch releases, a numeric `info.version`, no `paths`): it is shown a
 * shallow copy that passes, and the real values are put back afterwards.
 */
function acceptableView(root: Record<string, unknown>, version: SpecVersion): { view: Record<string, unknown>; added: string[] } {
  const view: Record<string, unknown> = { ...root };
  const added: string[] = [];
  delete view.openapi;
  delete view.swagger;
  if (version === '2.0') view.swagger = '2.0';
  else view.openapi = version === '3.0' ? '3.0.3' : '3.1.0';
  if (typeof view.paths !== 'object' || view.paths === null) {
    if (view.paths === undefined) added.push('paths');
    view.paths = {};
  }
  const info = view.info;
  if (typeof info === 'object' && info !== null && typeof (info as { version?: unknown }).version === 'number') {
    view.info = { ...info, version: String((info as { version: number }).version) };
  }
  return { view, added };
}

/** Walk a freshly read value and record where every object in it is (the first place wins). */
export function recordOrigins(value: unknown, file: string, origins: WeakMap<object, { file: string; pointer: string }>): void {
  const stack: Array<[unknown, string]> = [[value, '#']];
  while (stack.length > 0) {
    const [node, pointer] = stack.pop()!;
    if (typeof node !== 'object' || node === null || origins.has(node)) continue;
    origins.set(node, { file, pointer });
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push([node[i], pointer + '/' + i]);
    } else {
      for (const key of Object.keys(node)) stack.push([(node as Record<string, unknown>)[key], childPointer(pointer, key)]);
    }
  }
}

interface RefParserError {
  name?: string;
  code?: string;
  message?: string;
  source?: string;
  path?: unknown;
  ioErrorCode?: string;
}

/** json-schema-ref-parser's errors → diagnostics (empty when `e` is none of them). */
export function refErrors(e: unknown): Diagnostic[] {
  const list: RefParserError[] = [];
  if (e && typeof e === 'object' && Array.isArray((e as { errors?: unknown }).errors)) list.push(...(e as { errors: RefParserError[] }).errors);
  else if (e && typeof e === 'object' && typeof (e as RefParserError).code === 'string') list.push(e as RefParserError);
  return list.map((err) => {
    const d: Diagnostic = { code: 'E_REF_INVALID', severity: 'error', message: err.message ?? String(err) };
    if (typeof err.source === 'string' && err.source !== '') {
      d.file = displayPath(err.source.startsWith('file:') ? fileURLToPath(err.source) : err.source);
    }
    if (Array.isArray(err.path)) d.pointer = formatPointer(err.path.map(String));
    switch (err.code) {
      case 'ERESOLVER': {
        const target = /(?:opening file|reading file "?)\s*([^:"]+)/.exec(err.message ?? '')?.[1]?.trim();
        d.code = 'E_REF_FILE_MISSING';
        d.message =
          err.ioErrorCode === 'ENOENT' && target
            ? `$ref to a file that does not exist: ${displayPath(target)}`
            : `cannot read a $ref'd file: ${err.message ?? ''}`;
        break;
      }
      case 'EUNMATCHEDRESOLVER':
        d.code = 'E_REF_EXTERNAL_UNSUPPORTED';
        d.message = `${err.message ?? 'cannot resolve a $ref'} (a local spec's $refs are read from files only; give the spec as a URL to follow URLs)`;
        break;
      case 'EMISSINGPOINTER':
        d.code = 'E_REF_MISSING';
        break;
      case 'EINVALIDPOINTER':
        d.code = 'E_REF_INVALID';
        break;
      case 'EPARSER':
      case 'EUNMATCHEDPARSER':
        d.code = 'E_YAML_SYNTAX';
        break;
    }
    return d;
  });
}
