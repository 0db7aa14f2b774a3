/**
 * What the judge says about a regenerated package (src/judge/): export by export, what the
 * change does to code that uses it, and the version bump that follows. The CHANGELOG, the
 * version bump of `oagen generate` and the client impact of `oagen diff` all read these.
 */
import type { ApiIR } from '../ir/types.js';
import type { Usage } from '../ir/usage.js';
import type { PlannedAlias } from '../lock/aliases.js';
import type { Rename } from '../lock/renames.js';
import type { Names } from '../naming/names.js';

export type Semver = 'major' | 'minor' | 'patch' | 'none';

export interface ExportChange {
  /** exported name */
  name: string;
  kind: 'type' | 'value';
  /** `removed`, `added`, `incompatible` (existing users' code may stop compiling), `compatible` (changed, still assignable), `deprecated` (newly `@deprecated`), `docs` (comments only) */
  change: 'removed' | 'added' | 'incompatible' | 'compatible' | 'deprecated' | 'docs';
  /** for `incompatible`: which check failed (`old → new` for types users write, `new → old` for types they read) */
  detail?: string;
  /** the identity behind the export (schema pointer or `METHOD /path`), when known */
  identity?: string;
  /** for `incompatible`, when keys or literals that are gone are the whole reason: their paths */
  paths?: string[];
  /** for `removed`: the package subpath that still exports it (`openai-admin/internal`), when one does */
  movedTo?: string;
}

/** Entry points besides the root (`<package>/zod`, `bin <command>`) that appeared or went away, sorted. */
export interface EntryPointChanges {
  added: string[];
  removed: string[];
}

export interface Verdict {
  semver: Semver;
  reasons: string[];
  /** sorted by name, then kind */
  exports: ExportChange[];
  /** subpath exports and `bin` commands added or removed (none when absent) */
  entryPoints?: EntryPointChanges;
  /** files that differ (the lock and the CHANGELOG aside) */
  files: string[];
  /** whether the TypeScript type checker judged changed exports (false when none needed it) */
  typeChecked: boolean;
}

/** One side's IR and names: how users use each export (what they write, read, call). */
export interface JudgeSide {
  ir: ApiIR;
  names: Names;
  /** its schema usage, when the caller has it already (else computed from `ir` when needed) */
  usage?: Usage;
}

export interface JudgeInput {
  oldFiles: ReadonlyMap<string, string>;
  newFiles: ReadonlyMap<string, string>;
  /** the new package's IR and names */
  ir: ApiIR;
  names: Names;
  usage?: Usage;
  /** the old package's, when known (`oagen diff`): consulted after the new side's for how an export is used */
  old?: JudgeSide;
  /** this generation's renames and the deprecated aliases kept for them (`oagen generate`) */
  renames?: readonly Rename[];
  aliases?: readonly PlannedAlias[];
  /** old names of renamed exports that another export now has: code using them compiles and means something else (major) */
  lost?: readonly string[];
}
