/**
 * One `generate` run over the resolved clients: each client either up to date (its stamp,
 * src/write/stamp.ts, after asking the server whether a URL spec changed) or generated and
 * swapped in; diagnostics and a summary line printed. Returns the exit code and every input
 * the run read, for `--watch` (src/watch/).
 */
import { resolve } from 'node:path';
import type { ClientConfig } from '../config.js';
import { isUrl } from '../config/fetch.js';
import { type Diagnostic, displayPath, EXIT_DIAGNOSTICS, EXIT_OK, formatDiagnostic, OagenError } from '../diagnostics.js';
import type { IRCache } from '../generate.js';
import type { MergeReport } from '../write/merge.js';
import { fetchText, newFetchSession, optionsFor } from '../load/remote/fetch.js';
import { freshStamp, stampedSpecFiles, writeStamp } from '../write/stamp.js';
import { Progress } from './progress.js';

export interface RunFlags {
  strict?: boolean;
  validate?: boolean;
  'reset-names'?: boolean;
  verify?: boolean;
  'dry-run'?: boolean;
  force?: boolean;
  quiet?: boolean;
  timings?: boolean;
  /** with `keepEdits`: write conflicting hand edits with conflict markers instead of failing */
  'accept-conflicts'?: boolean;
}

export interface RunResult {
  code: number;
  /** the spec files (absolute) and URLs, overlays, plugin modules and template folders the clients read */
  inputs: Set<string>;
  /** per client: whether it was generated, up to date, or failed */
  outcomes: Map<string, 'generated' | 'up to date' | 'failed'>;
}

export async function generateOnce(clients: readonly ClientConfig[], flags: RunFlags, progress = new Progress(flags)): Promise<RunResult> {
  newFetchSession();
  const inputs = new Set<string>();
  const outcomes = new Map<string, 'generated' | 'up to date' | 'failed'>();
  let failed = 0;
  const cache: IRCache = new Map();
  // before any spec is read (clients of one spec share its load)
  const runStartedAt = Date.now();
  let index = 0;
  for (const base of clients) {
    progress.client(++index, clients.length, base.name);
    const client: ClientConfig = {
      ...base,
      ...(flags.strict ? { strict: true } : {}),
      ...(flags.validate ? { validate: true } : {}),
      ...(flags['reset-names'] ? { resetNames: true } : {}),
      ...(flags.verify ? { verify: true } : {}),
    };
    for (const input of clientInputs(client)) inputs.add(input);
    const started = performance.now();
    const dryRun = flags['dry-run'] === true;
    try {
      // nothing changed since the last run (src/write/stamp.ts): its warnings again, and done
      const skipStamp = dryRun || flags.force || client.verify || client.resetNames || client.specText !== undefined;
      if (!skipStamp) {
        // a URL the last run read: asked whether it changed (a 304 keeps the cached bytes)
        for (const url of stampedSpecFiles(client).filter(isUrl)) await fetchText(url, optionsFor(url, client.spec, client.fetch));
      }
      const stamp = skipStamp ? undefined : freshStamp(client);
      if (stamp) {
        for (const f of stamp.specFiles) inputs.add(f);
        progress.done();
        printDiagnostics(stamp.diagnostics, flags.quiet);
        if (!flags.quiet) printSummary(client, stamp.version, stamp, 'up to date', started);
        outcomes.set(client.name, 'up to date');
        continue;
      }
      // the pipeline is loaded only when something is generated: an up-to-date run stays quick
      const { generateClient } = await import('../generate.js');
      const result = await generateClient(client, { dryRun, cache, onStage: progress.onStage, acceptConflicts: flags['accept-conflicts'] === true });
      const specFiles = result.specFiles.map((f) => (isUrl(f) ? f : resolve(f)));
      for (const f of specFiles) inputs.add(f);
      progress.done();
      printDiagnostics(result.diagnostics.list, flags.quiet);
      if (!flags.quiet && result.merge) printMerge(client, result.merge);
      if (result.write) {
        writeStamp(client, {
          specFiles,
          paths: result.files.keys(),
          startedAt: runStartedAt,
          version: result.release.version,
          operations: result.operations,
          schemas: result.schemas,
          diagnostics: result.diagnostics.list,
        });
      }
      outcomes.set(client.name, 'generated');
      if (!flags.quiet) {
        const w = result.write;
        const what = w ? `${w.written.length} written, ${w.unchanged.length} unchanged${w.removed.length ? `, ${w.removed.length} removed` : ''}` : 'dry run';
        const r = result.release;
        const version = r.previousVersion && r.previousVersion !== r.version ? `${r.previousVersion} → ${r.version} (${r.verdict?.semver ?? 'new'})` : r.version;
        printSummary(client, version, result, what, started);
      }
    } catch (e) {
      progress.done();
      if (!(e instanceof OagenError)) throw e;
      for (const d of e.diagnostics) process.stderr.write(formatDiagnostic(d) + '\n');
      process.stderr.write(`${client.name}: not generated; ${displayPath(client.output)} left as it was\n`);
      outcomes.set(client.name, 'failed');
      if (e.exitCode !== EXIT_DIAGNOSTICS) return { code: e.exitCode, inputs, outcomes };
      failed++;
    }
  }
  return { code: failed > 0 ? EXIT_DIAGNOSTICS : EXIT_OK, inputs, outcomes };
}

/** What a client reads besides its spec's files: overlays, plugin modules, a template folder. */
function clientInputs(client: ClientConfig): string[] {
  const out: string[] = [];
  if (client.specText === undefined) out.push(client.spec);
  out.push(...(client.overlays ?? []));
  for (const p of client.plugins ?? []) if (p.module) out.push(p.module);
  // user templates (a field of the templates work): a folder, watched whole
  const templates = (client as { templates?: unknown }).templates;
  if (typeof templates === 'string') out.push(templates);
  return out;
}

export function printDiagnostics(diagnostics: readonly Diagnostic[], quiet: boolean | undefined): void {
  for (const d of diagnostics) {
    if (quiet && d.severity !== 'error') continue;
    process.stderr.write(formatDiagnostic(d) + '\n');
  }
}

/** `name version: N operations, M models → output (what) in T ms` */
function printSummary(client: ClientConfig, version: string, counts: { operations: number; schemas: number }, what: string, started: number): void {
  const ms = Math.round(performance.now() - started);
  process.stdout.write(`${client.name} ${version}: ${counts.operations} operations, ${counts.schemas} models → ${displayPath(client.output)} (${what}) in ${ms} ms\n`);
}

/** `name: hand edits: merged a, b; kept (edited) c; kept (added) d; ignored e` (src/write/merge.ts) */
function printMerge(client: ClientConfig, m: MergeReport): void {
  const parts = [
    ...(m.merged.length ? [`merged ${m.merged.join(', ')}`] : []),
    ...(m.edited.length ? [`kept (edited) ${m.edited.join(', ')}`] : []),
    ...(m.added.length ? [`kept (added) ${m.added.join(', ')}`] : []),
    ...(m.conflicted.length ? [`written with conflict markers ${m.conflicted.join(', ')}`] : []),
    ...(m.ignored.length ? [`not touched (.oagenignore) ${m.ignored.join(', ')}`] : []),
  ];
  if (parts.length > 0) process.stdout.write(`${client.name}: hand edits: ${parts.join('; ')}\n`);
}
