/**
 * `oagen` command line: argv → command; prints diagnostics; sets the exit code
 * (see src/diagnostics.ts for the codes). No generation logic lives here.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Diagnostics, displayPath, EXIT_DIAGNOSTICS, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, formatDiagnostic, OagenError } from './diagnostics.js';
import { resolveClients, usage, type ClientFlags } from './run/clients.js';
import { generateOnce, printDiagnostics, type RunFlags } from './run/once.js';

const HELP = `oagen: OpenAPI → TypeScript clients

Usage:
  oagen init [--spec FILE|URL]                                  start a project: oagen.config.ts, the generate script
  oagen generate [--config FILE] [--only NAME] [--watch]        generate every configured client (config: the first of
                                                                oagen.config.ts/.mts/.mjs/.js/.json here)
  oagen generate --spec FILE --out DIR [--name PKG]             generate one client, no config file
                 [--overlay FILE]...                            (FILE: a path, an http(s) URL, or - for standard input;
                                                                overlays: see below)
                 [--templates DIR]                              template overrides (either form)
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
  --templates   a folder of template overrides (same relative paths as oagen's templates/; see
                README, "Templates"); for every client, instead of its "templates" field
  --reset-names name everything afresh, ignoring the names pinned in oagen.lock.json
  --verify      type-check the rendered package (strict) before writing it
  --watch       generate, then again on every change of a spec (its files and $refs, a URL polled),
                the config, an overlay, a user template or plugin; Ctrl-C stops
  --timings     print each client's stage times
  --accept-conflicts  with "keepEdits": write hand edits that conflict with the new output
                with conflict markers instead of failing
  --quiet       print errors only (no progress line)
  --debug       print stack traces of internal errors

Exit codes: 0 ok, 1 spec errors (diagnostics printed), 2 usage or config error, 3 internal error.
`;

export async function main(argv: string[]): Promise<number> {
  // `init` reads its own options (src/init/: each step of it adds some)
  if (argv[0] === 'init' && !argv.includes('--ci')) {
    try {
      const { runInit } = await import('./init/index.js');
      return await runInit(argv.slice(1));
    } catch (e) {
      process.stderr.write(`oagen: internal error: ${(e as Error)?.message ?? String(e)}\n${argv.includes('--debug') ? `${(e as Error)?.stack ?? ''}\n` : ''}`);
      return EXIT_INTERNAL;
    }
  }
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        config: { type: 'string' },
        spec: { type: 'string' },
        overlay: { type: 'string', multiple: true },
        templates: { type: 'string' },
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
        watch: { type: 'boolean' },
        timings: { type: 'boolean' },
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

type GenerateFlags = ClientFlags & RunFlags & { watch?: boolean; 'accept-conflicts'?: boolean };

async function generate(flags: GenerateFlags): Promise<number> {
  if (flags.watch) {
    const { watch } = await import('./watch/index.js');
    return watch(flags);
  }
  const { clients } = await resolveClients(flags);
  return (await generateOnce(clients, flags)).code;
}

/** `oagen init --ci github` (the CI part of `init`: src/init/ci-github.ts). */
async function init(flags: { ci?: string; config?: string; branch?: string; force?: boolean; quiet?: boolean }): Promise<number> {
  if (flags.ci !== 'github') throw usage(flags.ci === undefined ? 'init needs --ci github' : `--ci ${flags.ci}: only "github" is supported`);
  const { clients, configFile } = await resolveClients({ ...(flags.config ? { config: flags.config } : {}) });
  const { writeGithubWorkflow } = await import('./init/ci-github.js');
  const written = writeGithubWorkflow({ file: configFile!, clients }, { root: process.cwd(), ...(flags.branch ? { branch: flags.branch } : {}), ...(flags.force ? { force: true } : {}) });
  if (!flags.quiet) process.stdout.write(`wrote ${displayPath(written)}: commit it, and add the repository secret NPM_TOKEN\n`);
  return EXIT_OK;
}

/** `oagen release --dry-run`: per package, what would be published (src/release/dry-run.ts). */
async function release(flags: { 'dry-run'?: boolean; config?: string; only?: string[] }, dirs: string[]): Promise<number> {
  if (!flags['dry-run']) throw usage('release only has --dry-run: the package is published with `npm publish --provenance` (oagen init --ci github does it on merge)');
  let targets = dirs.map((d) => resolve(d));
  if (targets.length === 0) {
    const { clients } = await resolveClients({ ...(flags.config ? { config: flags.config } : {}), ...(flags.only ? { only: flags.only } : {}) });
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
  await loadIR(/^https?:\/\//i.test(spec) ? spec : resolve(spec), { diagnostics, validate: true, ...(overlays?.length ? { overlays: overlays.map((f) => resolve(f)) } : {}) });
  printDiagnostics(diagnostics.list, false);
  if (diagnostics.hasErrors()) return EXIT_DIAGNOSTICS;
  process.stdout.write(`${spec}: valid\n`);
  return EXIT_OK;
}
