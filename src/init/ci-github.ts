/**
 * `oagen init --ci github`: a GitHub Actions workflow (`.github/workflows/oagen.yml`) for the
 * clients of the config file. On a pull request that changes a spec, an overlay or the config:
 * regenerate, build and test each generated package, commit the output to the branch, and post
 * `oagen diff --format markdown` and `oagen release --dry-run` as the pull request's comment.
 * On a push to the default branch that changes a package's version (its package.json): check
 * the committed output is what oagen generates, and publish each package whose version is not
 * on npm yet, with provenance (`npm publish --provenance`, `id-token: write`), at the version
 * and with the CHANGELOG `oagen generate` wrote.
 *
 * The layout is the template's (templates/init/github-workflow.yml.hbs); this file computes its
 * values: paths relative to the project root, quoted for YAML and for the shell.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { EXIT_USAGE, OagenError } from '../diagnostics.js';
import { render } from '../emit/templates.js';
import type { Config } from '../config.js';

export const WORKFLOW_FILE = '.github/workflows/oagen.yml';

export interface WorkflowOptions {
  /** the project root (paths in the workflow are relative to it) */
  root: string;
  /** the branch publishes happen from (default `main`) */
  branch?: string;
  /** Node.js major version (default 20) */
  nodeVersion?: string;
}

/** A YAML double-quoted scalar (JSON strings are valid YAML). */
const yaml = (s: string) => JSON.stringify(s);
/** A POSIX shell single-quoted word. */
const sh = (s: string) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
/** A project-relative path with `/`, no leading `./`. */
const rel = (root: string, p: string) => relative(root, p).split('\\').join('/') || '.';

export function githubWorkflow(config: Config, options: WorkflowOptions): string {
  const root = resolve(options.root);
  const configRel = rel(root, resolve(config.file));
  const configFlag = configRel === 'oagen.config.json' ? '' : ` --config ${sh(configRel)}`;
  const prPaths = new Set<string>([configRel]);
  for (const c of config.clients) {
    // a spec's folder: the files its $refs name are usually beside it
    const folder = rel(root, dirname(c.spec));
    prPaths.add(folder === '.' ? rel(root, c.spec) : `${folder}/**`);
    for (const o of c.overlays ?? []) prPaths.add(rel(root, o));
  }
  const clients = config.clients.map((c) => {
    const output = rel(root, c.output);
    const spec = rel(root, c.spec);
    const overlays = (c.overlays ?? []).map((o) => ` --overlay ${sh(rel(root, o))}`).join('');
    return {
      name: c.name,
      label: c.name,
      nameShell: sh(c.name),
      outputYaml: yaml(output),
      outputShell: sh(output),
      // what the build and the installs leave in the package is not committed
      excludeShell: ['dist', 'node_modules', 'package-lock.json'].map((x) => sh(`:!${output}/${x}`)).join(' '),
      diffArgs: `${sh(`${spec}@origin/`)}"$GITHUB_BASE_REF" ${sh(spec)}${overlays}`,
    };
  });
  // a path inside a listed folder needs no entry of its own
  const folders = [...prPaths].filter((p) => p.endsWith('/**')).map((p) => p.slice(0, -2));
  for (const p of [...prPaths]) if (!p.endsWith('/**') && folders.some((f) => p.startsWith(f))) prPaths.delete(p);
  return render('init/github-workflow.yml.hbs', {
    branch: options.branch ?? 'main',
    branchValue: yaml(options.branch ?? 'main'),
    nodeVersion: yaml(options.nodeVersion ?? '20'),
    configFlag,
    prPaths: [...prPaths].sort().map(yaml),
    publishPaths: clients.map((c) => yaml(`${JSON.parse(c.outputYaml)}/package.json`)),
    clients,
  });
}

/** Writes the workflow into the project; refuses to replace one unless `force`. */
export function writeGithubWorkflow(config: Config, options: WorkflowOptions & { force?: boolean }): string {
  const file = join(resolve(options.root), WORKFLOW_FILE);
  if (existsSync(file) && !options.force) {
    throw new OagenError({ code: 'E_USAGE', severity: 'error', message: `${WORKFLOW_FILE} exists; pass --force to replace it` }, EXIT_USAGE);
  }
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, githubWorkflow(config, options));
  return file;
}
