/**
 * `oagen init [--spec FILE|URL] [--name PKG] [--out DIR]`: start a project. Reads the spec's
 * title, runs the steps (./steps.ts: oagen.config.ts, the package.json script, …), prints
 * what was done and the commands to run next.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, extname, isAbsolute, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isUrl } from '../config/fetch.js';
import { EXIT_OK, EXIT_USAGE, formatDiagnostic, OagenError } from '../diagnostics.js';
import { packageName, specTitle } from './spec-info.js';
import { INIT_STEPS } from './steps.js';
import type { InitContext } from './types.js';

/** Spec files init looks for when `--spec` is not given. */
const USUAL_SPECS = ['openapi.yaml', 'openapi.yml', 'openapi.json', 'swagger.yaml', 'swagger.json', 'specs/openapi.yaml', 'specs/openapi.json'];

function help(): string {
  return [
    'Usage: oagen init [--spec FILE|URL] [--name PKG] [--out DIR]',
    '',
    '  --spec FILE|URL  the OpenAPI document (default: openapi.yaml/json or swagger.yaml/json here)',
    '  --name PKG       the client package name (default: from the spec\'s info.title)',
    '  --out DIR        the output folder (default: generated/<name>)',
    ...INIT_STEPS.flatMap((s) => (s.help ? [s.help] : [])),
    '',
  ].join('\n');
}

export async function runInit(argv: string[], cwd = process.cwd()): Promise<number> {
  let values: InitContext['values'];
  try {
    const options = Object.assign({ spec: { type: 'string' }, name: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' }, debug: { type: 'boolean' } } as const, ...INIT_STEPS.map((s) => s.options ?? {}));
    values = parseArgs({ args: argv, options, allowPositionals: false }).values as InitContext['values'];
  } catch (e) {
    process.stderr.write(`oagen init: ${(e as Error).message}\n\n${help()}`);
    return EXIT_USAGE;
  }
  if (values.help) {
    process.stdout.write(help());
    return EXIT_OK;
  }
  try {
    let spec = typeof values.spec === 'string' ? values.spec : USUAL_SPECS.find((f) => existsSync(join(cwd, f)));
    if (!spec) throw new OagenError({ code: 'E_USAGE', severity: 'error', message: `no spec given and none found here (${USUAL_SPECS.join(', ')}): oagen init --spec FILE|URL` }, EXIT_USAGE);
    const specPath = isUrl(spec) ? spec : resolve(cwd, spec);
    const title = await specTitle(specPath);
    if (!isUrl(spec)) {
      const rel = relative(cwd, specPath);
      spec = rel.startsWith('..') || isAbsolute(rel) ? specPath : rel.split('\\').join('/');
    }
    const fallback = isUrl(spec) ? basename(new URL(spec).pathname, extname(new URL(spec).pathname)) : basename(spec, extname(spec));
    const name = typeof values.name === 'string' ? values.name : packageName(title, fallback);
    const output = typeof values.out === 'string' ? values.out : `generated/${name.replace(/^@[^/]+\//, '')}`;
    const done: string[] = [];
    const next: string[] = [];
    const ctx: InitContext = { cwd, values, spec, title, name, output, done: (l) => done.push(l), next: (c) => next.push(c) };
    for (const step of INIT_STEPS) await step.run(ctx);
    if (!installed(cwd)) next.unshift('npm install --save-dev oagen');
    process.stdout.write(done.map((l) => `✓ ${l}\n`).join('') + `\nNext:\n${next.map((c) => `  ${c}\n`).join('')}` + `  npm run generate -- --watch   (regenerates on every change of the spec)\n`);
    return EXIT_OK;
  } catch (e) {
    if (!(e instanceof OagenError)) throw e;
    for (const d of e.diagnostics) process.stderr.write(formatDiagnostic(d) + '\n');
    return e.exitCode;
  }
}

/** Whether the project can run `oagen` (and import its types): oagen resolvable from it. */
function installed(cwd: string): boolean {
  try {
    createRequire(join(cwd, 'package.json')).resolve('oagen/package.json');
    return true;
  } catch {
    return false;
  }
}
