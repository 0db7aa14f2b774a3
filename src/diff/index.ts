/**
 * `oagen diff` as a library: two specs (files, folders, `path@REV`) or two IRs → the
 * changes, their client impact and a semver recommendation (src/diff/types.ts).
 */
import { Diagnostics, EXIT_USAGE, OagenError, type Diagnostic } from '../diagnostics.js';
import { loadIR } from '../generate.js';
import type { ApiIR } from '../ir/types.js';
import type { LoadedSpec } from '../load/index.js';
import { assignNames, type Names, type PinnedNames } from '../naming/names.js';
import { openResponseEnums } from '../normalize/open-response-enums.js';
import { aliasImpact, markMitigations } from './aliases.js';
import { diffIR } from './engine.js';
import type { Side } from './context.js';
import { resolveInput } from './inputs.js';
import { rawSide, type RawSide } from './raw.js';
import { compareSurface } from './surface/index.js';
import type { Change, ClientImpact, DiffResult, ExportChange, Semver, SideInfo } from './types.js';

export interface DiffOptions {
  /** render both generated packages and type-check their surface (default true) */
  types?: boolean;
  /** names pinned for the new package (a name lock) */
  pinned?: PinnedNames;
  /** resolve relative paths from here (default: process.cwd()) */
  cwd?: string;
  /** OpenAPI Overlay files applied to both specs before they are compared (absolute paths) */
  overlays?: readonly string[];
  /** spec warnings are fatal too, as with `oagen generate --strict` */
  strict?: boolean;
  /** full validation of both specs (swagger-parser), as with `oagen generate --validate` */
  validate?: boolean;
  /**
   * the client is generated with `"enums": { "responses": "open" }`: enum values added to
   * responses are safe (info), and both packages are rendered that way for the type check
   */
  openEnums?: boolean;
  /** called with each side's spec diagnostics (the ones `oagen generate` reports) once it is loaded */
  onDiagnostics?: (side: 'old' | 'new', label: string, diagnostics: readonly Diagnostic[]) => void;
}

export async function diffSpecs(oldSource: string, newSource: string, options: DiffOptions = {}): Promise<DiffResult> {
  const started = performance.now();
  const a = resolveInput(oldSource, options.cwd);
  let b;
  try {
    b = resolveInput(newSource, options.cwd);
  } catch (e) {
    a.cleanup();
    throw e;
  }
  let old: LoadedSide;
  let neu: LoadedSide;
  try {
    old = await loadSide('old', a.file, oldSource, options);
    neu = await loadSide('new', b.file, newSource, options);
  } finally {
    a.cleanup();
    b.cleanup();
  }
  const load = performance.now() - started;
  const result = diffApis(old.ir, neu.ir, { ...options, labels: [oldSource, newSource], raw: { old: old.raw, new: neu.raw }, names: { old: old.names, new: neu.names } });
  result.timings.load = Math.round(load);
  return result;
}

interface LoadedSide {
  ir: ApiIR;
  raw: RawSide;
  names: Names;
}

/**
 * One side through `oagen generate`'s loader, parser and normalization, with the same spec
 * diagnostics. A spec that cannot be used (unreadable, or with errors; with `strict`, with
 * warnings) ends the diff with exit code 2, never 1: 1 is `--fail-on`'s verdict.
 */
async function loadSide(side: 'old' | 'new', file: string, label: string, options: DiffOptions): Promise<LoadedSide> {
  const diagnostics = new Diagnostics();
  let loaded: LoadedSpec | undefined;
  let ir: ApiIR;
  try {
    ir = await loadIR(file, {
      diagnostics,
      ...(options.validate ? { validate: true } : {}),
      ...(options.overlays?.length ? { overlays: options.overlays } : {}),
      loaded: (l) => (loaded = l),
    });
  } catch (e) {
    if (e instanceof OagenError) throw new OagenError(e.diagnostics.length > 0 ? e.diagnostics : diagnostics.list, EXIT_USAGE, `${label}: ${e.message}`);
    throw e;
  }
  // named as `oagen generate` names them, with its warnings (a name taken: W_NAME_CLASH)
  const names = assignNames(ir, diagnostics, side === 'new' ? options.pinned : undefined);
  if (diagnostics.hasErrors(options.strict)) throw new OagenError(diagnostics.list.slice(), EXIT_USAGE, `${label}: the spec has ${options.strict && !diagnostics.hasErrors() ? 'warnings (--strict)' : 'errors'}`);
  options.onDiagnostics?.(side, label, diagnostics.list);
  return { ir, raw: rawSide(loaded!, ir), names };
}

export function diffApis(old: ApiIR, neu: ApiIR, options: DiffOptions & { labels?: [string, string]; raw?: { old?: RawSide; new?: RawSide }; names?: { old: Names; new: Names } } = {}): DiffResult {
  const t0 = performance.now();
  const engine = diffIR(old, neu, {
    ...(options.pinned ? { pinned: options.pinned } : {}),
    ...(options.names ? { oldNames: options.names.old, newNames: options.names.new } : {}),
    ...(options.raw ? { raw: options.raw } : {}),
    ...(options.openEnums ? { openEnums: true } : {}),
  });
  // the packages as `oagen generate` renders them with this option
  const rendered = (side: Side): Side => (options.openEnums ? { ...side, ir: openResponseEnums(side.ir) } : side);
  const sides = { old: rendered(engine.ctx.old), new: rendered(engine.ctx.new) };
  const diffMs = performance.now() - t0;
  let client: ClientImpact | undefined;
  let clientError: string | undefined;
  let withAliases: Semver | undefined;
  if (options.types !== false) {
    try {
      client = compareSurface(sides.old, sides.new);
      annotate(engine.changes, client.exports);
    } catch (e) {
      // the contract diff stands on its own; say why the client verdict is missing
      clientError = `the generated packages could not be rendered or checked: ${(e as Error)?.message ?? String(e)}`;
    }
  }
  if (client) {
    // the same packages with the renamed exports' old names kept, as `oagen generate` keeps them
    try {
      const kept = aliasImpact(sides.old, sides.new);
      if (kept.aliases.length > 0) {
        markMitigations(engine.changes, kept);
        withAliases = kept.semver;
      }
    } catch {
      // the plain verdict stands
    }
  }
  const contract = { breaking: 0, warning: 0, info: 0 };
  for (const c of engine.changes) contract[c.severity]++;
  const [la, lb] = options.labels ?? ['old', 'new'];
  return {
    semver: client?.semver ?? estimate(engine.changes),
    ...(withAliases ? { semverWithAliases: withAliases } : {}),
    contract,
    changes: engine.changes,
    ...(client ? { client } : {}),
    ...(clientError ? { clientError } : {}),
    old: sideInfo(la, old),
    new: sideInfo(lb, neu),
    timings: { load: 0, diff: Math.round(diffMs), ...(client ? { types: client.ms } : {}) },
  };
}

function sideInfo(source: string, ir: ApiIR): SideInfo {
  return { source, title: ir.info.title, version: ir.info.version, operations: ir.operations.length, schemas: ir.schemas.length };
}

/** The export a symbol belongs to: `User.email` → `User`, `ListUsersParams["x-y"]` → `ListUsersParams`. */
export function rootExport(symbol: string): string {
  const m = /^[A-Za-z_$][\w$]*/.exec(symbol);
  return m ? m[0] : symbol;
}

/**
 * Each change gets the type checker's verdict on the exports behind its symbols: breaking
 * when one of them is gone or incompatible; when the checker could name what broke (keys
 * or literals gone), only the changes at those paths are breaking.
 */
function annotate(changes: Change[], exports: ExportChange[]): void {
  const byName = new Map<string, ExportChange[]>();
  for (const e of exports) byName.set(e.name, [...(byName.get(e.name) ?? []), e]);
  for (const c of changes) {
    let breaking = false;
    let changed = false;
    for (const s of c.symbols) {
      for (const e of byName.get(rootExport(s)) ?? []) {
        if (e.change === 'removed') breaking = true;
        else if (e.change === 'incompatible') {
          if (!e.paths || e.paths.some((p) => related(p, s))) breaking = true;
          else changed = true;
        } else if (e.change !== 'docs') changed = true;
      }
    }
    c.typescript = breaking ? 'breaking' : changed ? 'compatible' : 'none';
  }
}

/** `Thing.b` and `Thing.b.c`, `Thing.e` and `Thing.e: "off"`, `Thing.l` and `Thing.l[]…` */
function related(path: string, symbol: string): boolean {
  const within = (a: string, b: string) => a === b || (a.startsWith(b) && /^[.[: ]/.test(a.slice(b.length)));
  return within(path, symbol) || within(symbol, path);
}

/** Rules that remove or rename exports of the generated package, whatever the wire says. */
const EXPORT_BREAKING = new Set(['operation-removed-after-deprecation', 'schema-removed', 'schema-renamed', 'operation-id-changed', 'param-renamed', 'param-removed', 'request-body-removed']);

/**
 * Without the type check: breaking changes and removed or renamed exports or keys → major;
 * additions, deprecations, warnings → minor; anything else → patch; only webhook changes (no
 * generated code) → none.
 */
export function estimate(all: Change[]): Semver {
  // webhooks are not part of the generated package
  const changes = all.filter((c) => !c.pointer.startsWith('#/webhooks/'));
  if (changes.length === 0) return 'none';
  if (changes.some((c) => c.severity === 'breaking' || EXPORT_BREAKING.has(c.rule) || /property-removed$/.test(c.rule))) return 'major';
  if (changes.some((c) => c.severity === 'warning' || /(^operation-added$|^schema-added$|-added$|deprecated$)/.test(c.rule))) return 'minor';
  return 'patch';
}

export type { Change, DiffResult, Semver } from './types.js';
