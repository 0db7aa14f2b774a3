/**
 * The data of `oagen diff`: one `Change` per changed node (schema node, parameter,
 * response, operation …), found by comparing two normalized IRs by identity.
 * The JSON report (src/diff/report/json.ts) is these, as documented in src/diff/README.md.
 */
import type { ExportChange, Semver } from '../judge/types.js';

/** How bad a change is for existing users of the API (the wire contract). */
export type Severity = 'breaking' | 'warning' | 'info';

/**
 * Which way data flows through the changed node: `write` (the client sends it: parameters,
 * request bodies), `read` (the client receives it: responses, response headers), or `none`
 * (a named schema that no operation uses). A named schema used both ways is analysed twice.
 */
export type Direction = 'write' | 'read' | 'none';

/**
 * The rule prefix of a schema comparison site: where the compared schema is used.
 * `request` / `response` also name the analyses of named schemas reached from parameters
 * and bodies (write) or responses (read).
 */
export type Family = 'request' | 'response' | 'param' | 'response-header' | 'schema';

/** Verdict of the generated TypeScript surface on a change (only with the type check). */
export type TypeImpact = 'breaking' | 'compatible' | 'none';

export interface Change {
  /** stable rule id, e.g. `response-property-removed` (see src/diff/README.md) */
  rule: string;
  severity: Severity;
  /** JSON pointer of the changed node: in the new spec, or in the old one when it is gone */
  pointer: string;
  /** the first affected operation (`METHOD /path`, new spec's key), when there is one */
  operation?: string;
  /** every affected operation (`METHOD /path`), sorted; a named schema lists every user */
  operations: string[];
  /** one line, plain words */
  message: string;
  /** the value before / after, when the change has one (a type, a value list, a constraint) */
  old?: unknown;
  new?: unknown;
  /** direction of the data through the changed node, for schema changes */
  direction?: Direction;
  /** generated TypeScript symbols the change touches: `listUsers`, `ListUsersParams.limit`, `User.email` */
  symbols: string[];
  /** what the TypeScript type check said about the exports behind `symbols` */
  typescript?: TypeImpact;
  /** a rename whose old export name `oagen generate` keeps as a deprecated alias (src/diff/aliases.ts) */
  mitigation?: 'alias';
}

/** the judge's words (src/judge/), shared with `oagen generate`'s CHANGELOG */
export type { ExportChange, Semver };

export interface ClientImpact {
  /** recommended version bump of the generated package */
  semver: Semver;
  /** why that bump, one short line each */
  reasons: string[];
  exports: ExportChange[];
  /** time spent rendering and type-checking, ms */
  ms: number;
}

export interface DiffResult {
  /**
   * Recommended version bump of the generated package: from the TypeScript type check when
   * it ran, else estimated from the contract changes.
   */
  semver: Semver;
  /**
   * The bump when the regenerated package keeps deprecated aliases for renamed exports, as
   * `oagen generate` does (with the type check only; absent when no alias would be kept).
   */
  semverWithAliases?: Semver;
  /** counts of contract changes by severity */
  contract: { breaking: number; warning: number; info: number };
  changes: Change[];
  /** present when the generated packages were compared (not with `--no-types`) */
  client?: ClientImpact;
  /** why the generated packages could not be compared (then `semver` is estimated) */
  clientError?: string;
  old: SideInfo;
  new: SideInfo;
  /** timings, ms */
  timings: { load: number; diff: number; types?: number };
}

export interface SideInfo {
  /** spec as given on the command line (`path`, `path@REV`, folder) */
  source: string;
  title: string;
  version: string;
  operations: number;
  schemas: number;
}
