/**
 * What `oagen diff` compares: each side is a spec file, a folder holding a multi-file spec
 * (its root file: `openapi.yaml|yml|json`, `swagger.*`, or the one spec document in it),
 * or `path@REV`, a file or folder as it was at a git revision (`specs/openai.yaml@HEAD~1`,
 * `specs/api@v1.2.0`). A revision is materialized into a temporary folder (the spec file, or
 * the spec's whole folder when it refers to other files) and loaded from there like any
 * spec, so multi-file specs at a revision see their sibling files at that revision too.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { EXIT_USAGE, OagenError } from '../diagnostics.js';

export interface SpecInput {
  /** as given on the command line */
  label: string;
  /** the root spec file to load */
  file: string;
  /** remove temporary files (revisions) */
  cleanup(): void;
}

const ROOT_NAMES = ['openapi.yaml', 'openapi.yml', 'openapi.json', 'swagger.yaml', 'swagger.yml', 'swagger.json'];

export function resolveInput(arg: string, cwd: string = process.cwd()): SpecInput {
  const path = resolve(cwd, arg);
  if (existsSync(path)) return { label: arg, file: statSync(path).isDirectory() ? rootFile(path, arg) : path, cleanup: () => {} };
  const at = arg.lastIndexOf('@');
  if (at > 0 && at < arg.length - 1) return fromRevision(arg, resolve(cwd, arg.slice(0, at)), arg.slice(at + 1));
  throw usage(`cannot read '${arg}': no such file or folder (for a git revision, write path@REV, e.g. specs/api.yaml@HEAD~1)`);
}

/** The root file of a multi-file spec folder. */
export function rootFile(dir: string, label: string = dir): string {
  for (const name of ROOT_NAMES) if (existsSync(join(dir, name))) return join(dir, name);
  const docs = readdirSync(dir)
    .filter((f) => /\.(ya?ml|json)$/i.test(f) && statSync(join(dir, f)).isFile())
    .sort()
    .filter((f) => isSpecDocument(readFileSync(join(dir, f), 'utf8').slice(0, 64 * 1024)));
  if (docs.length === 1) return join(dir, docs[0]);
  if (docs.length === 0) throw usage(`no spec in folder '${label}' (expected openapi.yaml, openapi.json, or one file with an 'openapi:' or 'swagger:' key)`);
  throw usage(`folder '${label}' holds several specs (${docs.join(', ')}); name the root file instead`);
}

/** A YAML document with a top-level `openapi:`/`swagger:` key, or JSON with an `"openapi": "…"` member. */
function isSpecDocument(text: string): boolean {
  return /^["']?(openapi|swagger)["']?[ \t]*:/m.test(text) || /"(openapi|swagger)"\s*:\s*"/.test(text);
}

function fromRevision(label: string, path: string, rev: string): SpecInput {
  const repoDir = existingParent(path);
  const top = git(repoDir, ['rev-parse', '--show-toplevel'], `'${label}': not inside a git repository`).toString('utf8').trim();
  const rel = relative(top, path).split(sep).join('/');
  if (rel.startsWith('..')) throw usage(`'${label}': the path is outside the git repository at ${top}`);
  const type = git(top, ['cat-file', '-t', `${rev}:${rel}`], `'${label}': '${rel}' does not exist at revision '${rev}'`).toString('utf8').trim();
  const tmp = mkdtempSync(join(tmpdir(), 'oagen-diff-'));
  const cleanup = () => rmSync(tmp, { recursive: true, force: true });
  try {
    let file: string;
    if (type === 'tree') {
      extract(top, rev, rel, tmp);
      file = rootFile(join(tmp, rel), label);
    } else {
      const text = git(top, ['show', `${rev}:${rel}`], `'${label}': cannot read '${rel}' at '${rev}'`);
      if (refersToFiles(text.toString('utf8'))) {
        // the spec's folder at that revision, so relative $refs resolve as they did then
        const folder = rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/')) : '.';
        extract(top, rev, folder, tmp);
        file = join(tmp, rel);
      } else {
        file = join(tmp, rel);
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, text);
      }
    }
    return { label, file, cleanup };
  } catch (e) {
    cleanup();
    throw e;
  }
}

/** A `$ref` that is not only a fragment (`#/…`): the spec spans several files. */
function refersToFiles(text: string): boolean {
  return /["']?\$ref["']?\s*:\s*["']?(?!#)[^\s"'#]/.test(text);
}

function extract(top: string, rev: string, path: string, into: string): void {
  const tar = git(top, ['archive', '--format=tar', rev, '--', path], `cannot export '${path}' at '${rev}'`);
  execFileSync('tar', ['-x', '-C', into], { input: tar, maxBuffer: 1 << 30 });
}

function git(cwd: string, args: string[], failure: string): Buffer {
  try {
    return execFileSync('git', args, { cwd, maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch {
    throw usage(failure);
  }
}

function existingParent(path: string): string {
  let dir = dirname(path);
  while (!existsSync(dir) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

function usage(message: string): OagenError {
  return new OagenError({ code: 'E_USAGE', severity: 'error', message }, EXIT_USAGE);
}

