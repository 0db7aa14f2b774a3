/**
 * Diagnostics: what is wrong with a spec (or a run), with a stable code, a severity,
 * and where it is: file, JSON pointer, line and column.
 *
 * Exit codes of the `oagen` CLI:
 *   0  ok (warnings may have been printed)
 *   1  the spec or the generation has errors (diagnostics were printed); with `--strict`
 *      warnings count as errors
 *   2  usage or configuration error (bad arguments, unreadable config or spec file,
 *      refused output folder)
 *   3  internal error: a bug in oagen. The stack is printed only with `--debug`.
 */
import { isAbsolute, relative } from 'node:path';

export const EXIT_OK = 0;
export const EXIT_DIAGNOSTICS = 1;
export const EXIT_USAGE = 2;
export const EXIT_INTERNAL = 3;

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  /** stable code, e.g. 'E_REF_MISSING', 'W_NAME_CLASH' */
  code: string;
  severity: Severity;
  /** what is wrong, in plain words */
  message: string;
  /** path as the user gave it (relative to cwd when inside it) */
  file?: string;
  /** JSON pointer, e.g. '#/paths/~1users/get/parameters/0' */
  pointer?: string;
  /** 1-based */
  line?: number;
  /** 1-based */
  column?: number;
}

export interface SourceLocation {
  file: string;
  line?: number;
  column?: number;
}

export type Locator = (pointer: string) => SourceLocation | undefined;

/**
 * Collects diagnostics through the pipeline. Positions are filled in lazily: a diagnostic
 * added with a pointer but no line is located (through the locator) the first time `list`
 * is read, so a run without diagnostics never pays for source positions.
 */
export class Diagnostics {
  private readonly items: Diagnostic[] = [];
  /** index of the first item not yet located */
  private located = 0;
  private locate: Locator | undefined;

  constructor(locate?: Locator) {
    this.locate = locate;
  }

  /**
   * Set (or replace) the locator, e.g. once the spec is loaded. Diagnostics added so far
   * are located with the previous locator first (a pointer belongs to the document that
   * was current when it was reported); those added before any locator, with this one.
   */
  setLocator(locate: Locator | undefined): void {
    this.fill();
    this.locate = locate;
  }

  /** The current locator (to hand to another collector for the same document). */
  get locator(): Locator | undefined {
    return this.locate;
  }

  error(code: string, message: string, pointer?: string): void {
    this.add({ code, severity: 'error', message, ...(pointer !== undefined ? { pointer } : {}) });
  }

  warn(code: string, message: string, pointer?: string): void {
    this.add({ code, severity: 'warning', message, ...(pointer !== undefined ? { pointer } : {}) });
  }

  info(code: string, message: string, pointer?: string): void {
    this.add({ code, severity: 'info', message, ...(pointer !== undefined ? { pointer } : {}) });
  }

  /** Add a diagnostic as it is (a position given here is kept). */
  add(d: Diagnostic): void {
    this.items.push({ ...d });
  }

  /** Every diagnostic so far, in the order added, with file/line filled in where known. */
  get list(): readonly Diagnostic[] {
    this.fill();
    return this.items;
  }

  get errors(): readonly Diagnostic[] {
    return this.list.filter((d) => d.severity === 'error');
  }

  get warnings(): readonly Diagnostic[] {
    return this.list.filter((d) => d.severity === 'warning');
  }

  /** Whether any error was reported; with `strict`, warnings count as errors. */
  hasErrors(strict = false): boolean {
    return this.items.some((d) => d.severity === 'error' || (strict && d.severity === 'warning'));
  }

  /** Throw an OagenError carrying every diagnostic when `hasErrors(strict)`. */
  throwIfErrors(strict = false): void {
    if (this.hasErrors(strict)) throw new OagenError(this.list.slice(), EXIT_DIAGNOSTICS);
  }

  private fill(): void {
    const locate = this.locate;
    if (!locate) return; // located by the first locator set
    for (let i = this.located; i < this.items.length; i++) {
      const d = this.items[i];
      if (d.line !== undefined || d.pointer === undefined) continue;
      let where: SourceLocation | undefined;
      try {
        where = locate(d.pointer);
      } catch {
        where = undefined; // a position is a nicety; never let it hide the diagnostic
      }
      if (!where) continue;
      if (d.file === undefined) d.file = displayPath(where.file);
      if (where.line !== undefined && (d.file === displayPath(where.file))) {
        d.line = where.line;
        if (where.column !== undefined) d.column = where.column;
      }
    }
    this.located = this.items.length;
  }
}

/** Thrown to abort a run; the CLI prints the diagnostics and exits with `exitCode`. */
export class OagenError extends Error {
  readonly diagnostics: Diagnostic[];
  readonly exitCode: number;

  constructor(diagnostics: Diagnostic | readonly Diagnostic[], exitCode: number = EXIT_DIAGNOSTICS, message?: string) {
    const list = Array.isArray(diagnostics) ? diagnostics.slice() : [diagnostics as Diagnostic];
    const first = list.find((d) => d.severity === 'error') ?? list[0];
    super(message ?? (first ? formatDiagnostic(first) : 'oagen failed'));
    this.name = 'OagenError';
    this.diagnostics = list;
    this.exitCode = exitCode;
  }
}

/** A path for display: relative to the cwd when inside it, else as given. */
export function displayPath(file: string, cwd: string = process.cwd()): string {
  if (!isAbsolute(file)) return file;
  const rel = relative(cwd, file);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return file;
  return rel;
}

/**
 * One line: `specs/x.yaml:12:5 error E_REF_MISSING #/paths/~1users/get: message`.
 * Control characters, bidirectional overrides and the like (which a hostile spec could
 * smuggle into a message to rewrite the terminal) are shown as escapes.
 */
export function formatDiagnostic(d: Diagnostic): string {
  let where = '';
  if (d.file !== undefined) {
    where = safeText(d.file);
    if (d.line !== undefined) {
      where += `:${d.line}`;
      if (d.column !== undefined) where += `:${d.column}`;
    }
    where += ' ';
  }
  const pointer = d.pointer !== undefined ? ` ${safeText(d.pointer)}` : '';
  return `${where}${d.severity} ${safeText(d.code)}${pointer}: ${safeText(d.message)}`;
}

// C0 and C1 controls, DEL, bidi marks/embeddings/overrides/isolates, line/paragraph separators, BOM
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff]/g;

function safeText(s: string): string {
  return s.replace(UNSAFE, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    return '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0');
  });
}
