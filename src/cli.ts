/**
 * `oagen` command line: argv → command; prints diagnostics; sets the exit code
 * (see src/diagnostics.ts for the codes). No generation logic lives here.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CONFIG_FILE, loadConfig, type ClientConfig } from './config.js';
import { Diagnostics, type Diagnostic, EXIT_DIAGNOSTICS, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, formatDiagnostic, OagenError, displayPath } from './diagnostics.js';
import type { IRCache } from './generate.js';
import { freshStamp, writeStamp } from './write/stamp.js';

const HELP = `oagen: OpenAPI → TypeScript clients

Usage:
  oagen generate [--config oagen.config.json] [--only NAME]   generate every configured client
  oagen generate --spec FILE --out DIR [--name PKG]             generate one client, no config file
                 [--overlay FILE]...                            (overlays: see below)
  oagen validate --spec FILE [--overlay FILE]...                full validation of a spec
  oagen diff OLD NEW [--format text|markdown|json] [--fail-on breaking|warning|major] [--no-types] [--strict] [--open-enums]
                                                                what changed between two spec versions
                                                                (OLD/NEW: files, folders, or path@GIT_REV)
                [--overlay FILE]...                             overlays applied to both OLD and NEW
  oagen init --ci github [--config FILE] [--branch main] [--force]
                                                                a GitHub Actions workflow: regenerate and comment
                                                                on spec pull requests, publish on merge
  oagen release --dry-run [--config FILE] [--only NAME] [DIR...]
                                                                what would be published: version, CHANGELOG
                                                                entry, npm pack contents
  oagen --help | --version

Options:
  --overlay     an OpenAPI Overlay 1.0 file applied to the spec before parsing (repeatable,
                applied in order; with a config file, each client's "overlays": [...] instead)
  --strict      warnings fail the run (exit 1; diff: exit 2)
  --validate    validate the spec fully (slower) before generating
  --dry-run     render everything, write nothing
  --force       generate even when nothing changed since the last run
  --reset-names name everything afresh, ignoring the names pinned in oagen.lock.json
  --verify      type-check the rendered package (strict) before writing it
  --accept-conflicts  with "keepEdits": write hand edits that conflict with the new output
                with conflict markers instead of failing
  --quiet       print errors only
  --debug       print stack traces of internal errors

Exit codes: 0 ok, 1 spec errors (diagnostics printed), 2 usage or config error, 3 internal error.
`;

export async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        config: { type: 'string' },
        spec: { type: 'string' },
        overlay: { type: 'string', multiple: true },
        out: { type: 'string' },
        name: { type: 'string' },
        only: { type: 'string', multiple: true },
        strict: { type: 'boolean' },
        validate: { type: 'boolean' },
        'reset-names': { type: 'boolean' },
        verify: { type: 'boolean' },
        'dry-run': { type: 'boolean' },
        'accept-conflicts': { type: 'boolean' },
        ci: { type: 'string' },
        branch: { type: 'string' },
        force: { type: 'boolean' },
        quiet: { type: 'boolean' },
        debug: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
        format: { type: 'string' },
        'fail-on': { type: 'string' },
        'no-types': { type: 'boolean' },
        'open-enums': { type: 'boolean' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
      },
    });
  } catch (e) {
    process.stderr.write(`oagen: ${(e as Error).message}\n\n${HELP}`);
    return EXIT_USAGE;
  }
  const { values, positionals } = args;
  if (values.help) {
    process.stdout.write(HELP);
    return EXIT_OK;
  }
  if (values.version) {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    process.stdout.write(`${pkg.version}\n`);
    return EXIT_OK;
  }
  const [command, ...rest] = positionals;
  try {
    switch (command) {
      case 'generate':
        return await generate(values);
      case 'validate':
        return await validate(values.spec ?? rest[0], values.overlay);
      case 'init':
        return await init(values);
      case 'release':
        return await release(values, rest);
      case 'diff': {
        const { runDiff } = await import('./diff/cli.js');
        return await runDiff(rest, values);
      }
      case undefined:
        process.stdout.write(HELP);
        return EXIT_USAGE;
      default:
        process.stderr.write(`oagen: unknown command '${command}'\n\n${HELP}`);
        return EXIT_USAGE;
    }
  } catch (e) {
    if (e instanceof OagenError) {
      for (const d of e.diagnostics) process.stderr.write(formatDiagnostic(d) + '\n');
      return e.exitCode;
    }
    process.stderr.write(`oagen: internal error: ${(e as Error)?.message ?? String(e)}\n`);
    if (values.debug) process.stderr.write(`${(e as Error)?.stack ?? ''}\n`);
    else process.stderr.write('This is a bug in oagen. Run again with --debug for details.\n');
    return EXIT_INTERNAL;
  }
}

interface GenerateFlags {
  config?: string;
  spec?: string;
  overlay?: string[];
  out?: string;
  name?: string;
  only?: string[];
  strict?: boolean;
  validate?: boolean;
  'reset-names'?: boolean;
  verify?: boolean;
  'dry-run'?: boolean;
  'accept-conflicts'?: boolean;
  force?: boolean;
  quiet?: boolean;
}

async function generate(flags: GenerateFlags): Promise<number> {
  let clients: ClientConfig[];
  if (flags.spec) {
    if (!flags.out) throw usage('--spec needs --out DIR');
    const name = flags.name ?? packageNameFrom(flags.spec);
    clients = [{ name, spec: resolve(flags.spec), ...(flags.overlay?.length ? { overlays: flags.overlay.map((f) => resolve(f)) } : {}), output: resolve(flags.out) }];
  } else {
    if (flags.overlay?.length) throw usage('--overlay goes with --spec; with a config file, list a client\'s overlays in its "overlays" field');
    const file = flags.config ?? CONFIG_FILE;
    if (!existsSync(file)) throw usage(`no ${file} here; pass --config FILE, or --spec FILE --out DIR`);
    clients = loadConfig(file).clients;
    if (flags.only?.length) clients = clients.filter((c) => flags.only!.includes(c.name));
  }
  let failed = 0;
  const cache: IRCache = new Map();
  // before any spec is read (clients of one spec share its load)
  const runStartedAt = Date.now();
  for (const base of clients) {
    const client = {
      ...base,
      ...(flags.strict ? { strict: true } : {}),
      ...(flags.validate ? { validate: true } : {}),
      ...(flags['reset-names'] ? { resetNames: true } : {}),
      ...(flags.verify ? { verify: true } : {}),
    };
    const started = performance.now();
    const dryRun = flags['dry-run'] === true;
    // nothing changed since the last run (src/write/stamp.ts): its warnings again, and done
    const stamp = dryRun || flags.force || client.verify || client.resetNames ? undefined : freshStamp(client);
    if (stamp) {
      printDiagnostics(stamp.diagnostics, flags.quiet);
      if (!flags.quiet) printSummary(client, stamp.version, stamp, 'up to date', started);
      continue;
    }
    try {
      // the pipeline is loaded only when something is generated: an up-to-date run stays quick
      const { generateClient } = await import('./generate.js');
      const result = await generateClient(client, { dryRun, cache, acceptConflicts: flags['accept-conflicts'] === true });
      printDiagnostics(result.diagnostics.list, flags.quiet);
      if (!flags.quiet && result.merge) printMerge(client, result.merge);
      if (result.write) {
        writeStamp(client, {
          specFiles: result.specFiles.map((f) => resolve(f)),
          paths: result.files.keys(),
          startedAt: runStartedAt,
          version: result.release.version,
          operations: result.operations,
          schemas: result.schemas,
          diagnostics: result.diagnostics.list,
        });
      }
      if (!flags.quiet) {
        const w = result.write;
        const what = w ? `${w.written.length} written, ${w.unchanged.length} unchanged${w.removed.length ? `, ${w.removed.length} removed` : ''}` : 'dry run';
        const r = result.release;
        const version = r.previousVersion && r.previousVersion !== r.version ? `${r.previousVersion} → ${r.version} (${r.verdict?.semver ?? 'new'})` : r.version;
        printSummary(client, version, result, what, started);
      }
    } catch (e) {
      if (!(e instanceof OagenError)) throw e;
      for (const d of e.diagnostics) process.stderr.write(formatDiagnostic(d) + '\n');
      process.stderr.write(`${client.name}: not generated; ${displayPath(client.output)} left as it was\n`);
      if (e.exitCode !== EXIT_DIAGNOSTICS) return e.exitCode;
      failed++;
    }
  }
  return failed > 0 ? EXIT_DIAGNOSTICS : EXIT_OK;
}

/** `oagen init --ci github` (the CI part of `init`: src/init/ci-github.ts). */
async function init(flags: { ci?: string; config?: string; branch?: string; force?: boolean; quiet?: boolean }): Promise<number> {
  if (flags.ci !== 'github') throw usage(flags.ci === undefined ? 'init needs --ci github' : `--ci ${flags.ci}: only "github" is supported`);
  const file = flags.config ?? CONFIG_FILE;
  if (!existsSync(file)) throw usage(`no ${file} here; pass --config FILE`);
  const { writeGithubWorkflow } = await import('./init/ci-github.js');
  const written = writeGithubWorkflow(loadConfig(file), { root: process.cwd(), ...(flags.branch ? { branch: flags.branch } : {}), ...(flags.force ? { force: true } : {}) });
  if (!flags.quiet) process.stdout.write(`wrote ${displayPath(written)}: commit it, and add the repository secret NPM_TOKEN\n`);
  return EXIT_OK;
}

/** `oagen release --dry-run`: per package, what would be published (src/release/dry-run.ts). */
async function release(flags: { 'dry-run'?: boolean; config?: string; only?: string[] }, dirs: string[]): Promise<number> {
  if (!flags['dry-run']) throw usage('release only has --dry-run: the package is published with `npm publish --provenance` (oagen init --ci github does it on merge)');
  let targets = dirs.map((d) => resolve(d));
  if (targets.length === 0) {
    const file = flags.config ?? CONFIG_FILE;
    if (!existsSync(file)) throw usage(`no ${file} here; pass --config FILE or the package folders`);
    let clients = loadConfig(file).clients;
    if (flags.only?.length) clients = clients.filter((c) => flags.only!.includes(c.name));
    targets = clients.map((c) => c.output);
  }
  const { previewRelease, formatPreview } = await import('./release/dry-run.js');
  for (const dir of targets) process.stdout.write(formatPreview(await previewRelease(dir), displayPath(dir)) + '\n');
  return EXIT_OK;
}

async function validate(spec: string | undefined, overlays: string[] | undefined): Promise<number> {
  if (!spec) throw usage('validate needs --spec FILE');
  const diagnostics = new Diagnostics();
  const { loadIR } = await import('./generate.js');
  await loadIR(resolve(spec), { diagnostics, validate: true, ...(overlays?.length ? { overlays: overlays.map((f) => resolve(f)) } : {}) });
  printDiagnostics(diagnostics.list, false);
  if (diagnostics.hasErrors()) return EXIT_DIAGNOSTICS;
  process.stdout.write(`${spec}: valid\n`);
  return EXIT_OK;
}

function printDiagnostics(diagnostics: readonly Diagnostic[], quiet: boolean | undefined): void {
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

/** `name: hand edits kept: merged a, b; kept (edited) c; kept (added) d; ignored e` */
function printMerge(client: ClientConfig, m: NonNullable<Awaited<ReturnType<typeof import('./generate.js').generateClient>>['merge']>): void {
  const parts = [
    ...(m.merged.length ? [`merged ${m.merged.join(', ')}`] : []),
    ...(m.edited.length ? [`kept (edited) ${m.edited.join(', ')}`] : []),
    ...(m.added.length ? [`kept (added) ${m.added.join(', ')}`] : []),
    ...(m.conflicted.length ? [`written with conflict markers ${m.conflicted.join(', ')}`] : []),
    ...(m.ignored.length ? [`not touched (.oagenignore) ${m.ignored.join(', ')}`] : []),
  ];
  if (parts.length > 0) process.stdout.write(`${client.name}: hand edits: ${parts.join('; ')}\n`);
}

function packageNameFrom(spec: string): string {
  const base = basename(spec, extname(spec)).toLowerCase().replace(/[^a-z0-9._~-]+/g, '-').replace(/^[-._~]+/, '');
  return base || 'api-client';
}

function usage(message: string): OagenError {
  return new OagenError({ code: 'E_USAGE', severity: 'error', message }, EXIT_USAGE);
}
