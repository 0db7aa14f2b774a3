/**
 * `oagen diff OLD NEW [--format text|markdown|json] [--fail-on breaking|warning|major]
 *  [--no-types] [--strict] [--validate] [--open-enums] [--color|--no-color] [--quiet]`:
 *  argv → report on stdout → exit code.
 *
 * Exit codes (each means one thing, so CI can tell them apart): 0 compared (whatever changed,
 * unless --fail-on says otherwise), 1 the --fail-on threshold was reached, 2 a flag or a spec
 * it cannot use (bad arguments, unreadable file or revision, a spec with errors; with
 * --strict, with warnings), 3 internal error (a bug in oagen).
 */
import { resolve } from 'node:path';
import { EXIT_DIAGNOSTICS, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, formatDiagnostic, OagenError } from '../diagnostics.js';
import { diffSpecs } from './index.js';
import { jsonReport } from './report/json.js';
import { markdownReport } from './report/markdown.js';
import { textReport } from './report/text.js';
import type { DiffResult } from './types.js';

export interface DiffFlags {
  format?: string;
  'fail-on'?: string;
  color?: boolean;
  'no-color'?: boolean;
  quiet?: boolean;
  /** skip rendering and type-checking the generated packages */
  'no-types'?: boolean;
  types?: boolean;
  /** OpenAPI Overlay files applied to both specs (repeatable) */
  overlay?: string[];
  /** spec warnings are fatal (exit 2), as with `oagen generate --strict` */
  strict?: boolean;
  /** full validation of both specs */
  validate?: boolean;
  /** the client is generated with `"enums": { "responses": "open" }` */
  'open-enums'?: boolean;
  debug?: boolean;
}

const FORMATS = ['text', 'markdown', 'md', 'json'];
const FAIL_ON = ['breaking', 'warning', 'major'];

export const DIFF_USAGE = `Usage: oagen diff OLD NEW [--format text|markdown|json] [--fail-on breaking|warning|major] [--no-types] [--strict] [--open-enums]
  OLD, NEW   spec files, folders of multi-file specs, or path@REV (a git revision: specs/api.yaml@HEAD~1)
  --format   text (default), markdown (for a changelog or pull request), json (stable, see src/diff/README.md)
  --fail-on  exit 1 on a contract-breaking change (breaking), on a breaking change or warning (warning),
             or when the generated package needs a major release (major)
  --no-types skip rendering and type-checking the generated packages (faster; the bump is then estimated)
  --overlay  an OpenAPI Overlay file applied to both OLD and NEW before they are compared (repeatable;
             read from the working tree, also for path@REV)
  --strict   spec warnings are fatal (as with generate --strict); --validate: full validation of both specs
  --open-enums the client is generated with "enums": { "responses": "open" }: response enum values added are safe
Exit codes: 0 compared, 1 --fail-on threshold reached, 2 unusable flag or spec (unreadable, with errors), 3 internal error
`;

export async function runDiff(positionals: string[], flags: DiffFlags, out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): Promise<number> {
  if (positionals.length !== 2) {
    err.write(`oagen diff: expected two specs, got ${positionals.length}\n\n${DIFF_USAGE}`);
    return EXIT_USAGE;
  }
  const format = flags.format ?? 'text';
  if (!FORMATS.includes(format)) {
    err.write(`oagen diff: unknown --format '${format}' (text, markdown, json)\n`);
    return EXIT_USAGE;
  }
  const failOn = flags['fail-on'];
  if (failOn !== undefined && !FAIL_ON.includes(failOn)) {
    err.write(`oagen diff: unknown --fail-on '${failOn}' (breaking, warning, major)\n`);
    return EXIT_USAGE;
  }
  const types = !(flags['no-types'] === true || flags.types === false || process.env.OAGEN_DIFF_NO_TYPES === '1');
  let result: DiffResult;
  try {
    result = await diffSpecs(positionals[0], positionals[1], {
      types,
      ...(flags.overlay?.length ? { overlays: flags.overlay.map((f) => resolve(f)) } : {}),
      ...(flags.strict ? { strict: true } : {}),
      ...(flags.validate ? { validate: true } : {}),
      ...(flags['open-enums'] ? { openEnums: true } : {}),
      // the spec's warnings, as `oagen generate` prints them
      onDiagnostics: (side, _label, list) => {
        for (const d of list) err.write(`${side}: ${formatDiagnostic(d)}\n`);
      },
    });
  } catch (e) {
    if (e instanceof OagenError) {
      for (const d of e.diagnostics) err.write(formatDiagnostic(d) + '\n');
      if (e.diagnostics.length === 0) err.write(`oagen diff: ${e.message}\n`);
      // a spec or revision it could not use: never 1, which is --fail-on's verdict
      return e.exitCode === EXIT_DIAGNOSTICS ? EXIT_USAGE : e.exitCode;
    }
    err.write(`oagen diff: internal error: ${(e as Error)?.message ?? String(e)}\n`);
    if (flags.debug) err.write(`${(e as Error)?.stack ?? ''}\n`);
    else err.write('This is a bug in oagen. Run again with --debug for details.\n');
    return EXIT_INTERNAL;
  }

  if (format === 'json') out.write(jsonReport(result));
  else if (format === 'markdown' || format === 'md') out.write(markdownReport(result));
  else out.write(textReport(result, { color: useColor(flags, out), quiet: flags.quiet === true }));
  if (!flags.quiet && format === 'text') {
    const t = result.timings;
    err.write(`loaded in ${t.load} ms, compared in ${t.diff} ms${t.types !== undefined ? `, generated packages checked in ${t.types} ms` : ''}\n`);
  }
  return failed(result, failOn) ? EXIT_DIAGNOSTICS : EXIT_OK;
}

export function failed(r: DiffResult, failOn: string | undefined): boolean {
  if (failOn === 'breaking') return r.contract.breaking > 0;
  if (failOn === 'warning') return r.contract.breaking + r.contract.warning > 0;
  if (failOn === 'major') return r.semver === 'major';
  return false;
}

function useColor(flags: DiffFlags, out: NodeJS.WritableStream): boolean {
  if (flags['no-color']) return false;
  if (flags.color) return true;
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  return (out as NodeJS.WriteStream).isTTY === true;
}
