/**
 * `oagen init --ci github`: the workflow parses (js-yaml) into the structure GitHub Actions
 * needs (triggers, jobs with runs-on and steps, each step `uses` or `run`, permissions for
 * comments, pushes and npm provenance, expressions only where Actions evaluates them), and its
 * steps' commands run locally, in order, in a git project made like a publisher's: a pull
 * request changing the spec (regenerate, build and test the package, the diff and release
 * preview comment, the commit pushed to the branch), then the merge (the output check, and
 * `npm publish --provenance` in the package folder). What needs GitHub or the registry is
 * stubbed on the PATH and recorded: `gh`, and `npm ci` / `install` / `view` / `publish`
 * (every other npm command is the real npm); `uses:` steps are GitHub's own.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { githubWorkflow } from '../../src/init/ci-github.js';
import { repoRoot } from '../e2e/compiled-package.js';
import { tempDir } from '../tmp.js';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
  'working-directory'?: string;
}
interface Job {
  if?: string;
  'runs-on': string;
  permissions?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  name: string;
  on: { pull_request: { paths: string[] }; push: { branches: string[]; paths: string[] }; workflow_dispatch: unknown };
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
}

const SPEC = (extra = '') => `openapi: 3.1.0
info: { title: Shop, version: 1.0.0 }
servers: [{ url: https://shop.example.com }]
paths:
  /items:
    get:
      operationId: listItems
      responses:
        '200': { description: ok, content: { application/json: { schema: { type: array, items: { type: string } } } } }
${extra}`;
const NEW_OP = `  /items/{id}:
    delete:
      operationId: deleteItem
      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
      responses: { '204': { description: done } }
`;
const OVERLAY = `overlay: 1.0.0
info: { title: fixes, version: 1.0.0 }
actions:
  - target: $.paths['/items'].get
    update: { summary: Lists the items. }
`;

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e' } });

/** A publisher's project: a config, a spec with an overlay, oagen and tsc in node_modules/.bin, a git repo with an origin. */
function project(): { dir: string; bin: string; log: string } {
  const root = tempDir('ci-');
  const dir = join(root, 'project');
  mkdirSync(join(dir, 'api'), { recursive: true });
  writeFileSync(join(dir, 'api/shop.yaml'), SPEC());
  writeFileSync(join(dir, 'api/fixes.overlay.yaml'), OVERLAY);
  writeFileSync(join(dir, 'oagen.config.json'), JSON.stringify({ clients: [{ name: '@acme/shop', spec: 'api/shop.yaml', overlays: ['api/fixes.overlay.yaml'], output: 'packages/shop', plugins: ['client', 'docs'] }] }, null, 2));
  writeFileSync(join(dir, '.gitignore'), 'node_modules/\n');
  mkdirSync(join(dir, 'node_modules/.bin'), { recursive: true });
  symlinkSync(join(repoRoot, 'bin/oagen.js'), join(dir, 'node_modules/.bin/oagen'));
  symlinkSync(join(repoRoot, 'node_modules/.bin/tsc'), join(dir, 'node_modules/.bin/tsc'));
  // stubs of what needs GitHub or the registry, recording their calls
  const bin = join(root, 'bin');
  const log = join(root, 'calls.log');
  mkdirSync(bin);
  const realNpm = execFileSync('bash', ['-lc', 'command -v npm'], { encoding: 'utf8' }).trim();
  writeFileSync(
    join(bin, 'npm'),
    `#!/bin/sh\ncase "$1" in\n  ci|install) echo "npm $* (in $(basename "$PWD"))" >> ${JSON.stringify(log)}; exit 0;;\n  view) echo "npm $*" >> ${JSON.stringify(log)}; exit 1;;\n  publish) echo "npm $* (in $PWD) token=$NODE_AUTH_TOKEN" >> ${JSON.stringify(log)}; exit 0;;\nesac\nexec ${JSON.stringify(realNpm)} "$@"\n`,
  );
  writeFileSync(join(bin, 'gh'), `#!/bin/sh\necho "gh $*" >> ${JSON.stringify(log)}\nfor a in "$@"; do last="$a"; done\ncp "$last" ${JSON.stringify(join(root, 'comment.md'))}\n`);
  chmodSync(join(bin, 'npm'), 0o755);
  chmodSync(join(bin, 'gh'), 0o755);
  const remote = join(root, 'origin.git');
  git(root, 'init', '-q', '--bare', '-b', 'main', remote);
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'remote', 'add', 'origin', remote);
  execFileSync(process.execPath, [join(repoRoot, 'bin/oagen.js'), 'generate'], { cwd: dir });
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'the first generation');
  git(dir, 'push', '-q', 'origin', 'main');
  return { dir, bin, log };
}

function workflowOf(dir: string): Workflow {
  return load(githubWorkflow(loadConfig(join(dir, 'oagen.config.json')), { root: dir })) as Workflow;
}

/** Runs the `run` steps of a job as Actions would (`bash -e -o pipefail`, the step's folder and env); `uses` steps are GitHub's. */
function runJob(job: Job, p: { dir: string; bin: string }, env: Record<string, string>): string[] {
  const ran: string[] = [];
  const temp = tempDir('runner-temp-');
  for (const step of job.steps) {
    if (step.uses) continue;
    const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, v.replace(/\$\{\{ secrets\.NPM_TOKEN \}\}/, 'npm-secret').replace(/\$\{\{ github\.token \}\}/, 'gh-token').replace(/\$\{\{ github\.event\.pull_request\.number \}\}/, '7')]));
    for (const v of Object.values(stepEnv)) expect(v, `${step.name}: an expression the local run does not stand in for`).not.toContain('${{');
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run!], {
      cwd: join(p.dir, step['working-directory'] ?? '.'),
      encoding: 'utf8',
      // as on a runner: no npm_* settings of an npm script around the test
      env: { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k))), ...env, ...stepEnv, RUNNER_TEMP: temp, PATH: `${p.bin}:${join(p.dir, 'node_modules/.bin')}:${process.env.PATH}` },
    });
    expect(r.status, `step "${step.name}" failed:\n${r.stdout}\n${r.stderr}`).toBe(0);
    ran.push(step.name!);
  }
  return ran;
}

describe('oagen init --ci github', () => {
  it('writes a workflow with the structure GitHub Actions needs', () => {
    const p = project();
    const r = spawnSync(process.execPath, [join(repoRoot, 'bin/oagen.js'), 'init', '--ci', 'github'], { cwd: p.dir, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const text = readFileSync(join(p.dir, '.github/workflows/oagen.yml'), 'utf8');
    const wf = load(text) as Workflow;
    expect(wf.name).toBe('oagen');
    expect(wf.on.pull_request.paths).toEqual(['api/**', 'oagen.config.json']);
    expect(wf.on.push).toEqual({ branches: ['main'], paths: ['packages/shop/package.json'] });
    expect(wf.permissions).toEqual({ contents: 'read' });
    expect(Object.keys(wf.jobs)).toEqual(['regenerate', 'publish']);
    for (const [id, job] of Object.entries(wf.jobs)) {
      expect(job['runs-on'], id).toBe('ubuntu-latest');
      expect(job.steps.length, id).toBeGreaterThan(3);
      for (const s of job.steps) {
        expect(Object.keys(s).every((k) => ['name', 'uses', 'run', 'with', 'env', 'working-directory', 'if', 'id'].includes(k)), JSON.stringify(s)).toBe(true);
        expect(!!s.uses !== !!s.run, `exactly one of uses and run: ${JSON.stringify(s)}`).toBe(true);
        if (s.uses) expect(s.uses).toMatch(/^actions\/(checkout|setup-node)@v\d+$/);
        // run scripts read the event through env, never through ${{ }} (no script injection)
        if (s.run) expect(s.run).not.toContain('${{');
      }
    }
    expect(wf.jobs.regenerate.if).toBe("github.event_name == 'pull_request'");
    // a fork's read-only token can neither push nor comment
    for (const name of ['Commit the regenerated output', 'Comment on the pull request']) {
      expect((wf.jobs.regenerate.steps.find((s) => s.name === name) as { if?: string }).if).toBe('github.event.pull_request.head.repo.full_name == github.repository');
    }
    expect(wf.jobs.regenerate.permissions).toEqual({ contents: 'write', 'pull-requests': 'write' });
    expect(wf.jobs.publish.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
    const setup = wf.jobs.publish.steps.find((s) => s.uses?.startsWith('actions/setup-node'))!;
    expect(setup.with).toMatchObject({ 'registry-url': 'https://registry.npmjs.org' });
    expect(wf.jobs.publish.steps.some((s) => s.run?.includes('npm publish --provenance --access public') && s.env?.NODE_AUTH_TOKEN === '${{ secrets.NPM_TOKEN }}')).toBe(true);
    // a second init does not replace it
    const again = spawnSync(process.execPath, [join(repoRoot, 'bin/oagen.js'), 'init', '--ci', 'github'], { cwd: p.dir, encoding: 'utf8' });
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('exists; pass --force');
  });

  it("runs its steps: a spec pull request, then the merge's publish", { timeout: 240_000 }, () => {
    const p = project();
    const wf = workflowOf(p.dir);
    // the pull request: a new operation in the spec
    git(p.dir, 'checkout', '-qb', 'spec-update');
    writeFileSync(join(p.dir, 'api/shop.yaml'), SPEC(NEW_OP));
    git(p.dir, 'commit', '-qam', 'spec: deleteItem');
    git(p.dir, 'push', '-q', '-u', 'origin', 'spec-update');
    git(p.dir, 'fetch', '-q', 'origin');
    const ran = runJob(wf.jobs.regenerate, p, { GITHUB_BASE_REF: 'main', GITHUB_EVENT_NAME: 'pull_request' });
    expect(ran).toEqual(['Install', 'Regenerate', 'Install the dev dependencies of @acme/shop', 'Build and test @acme/shop', 'Describe the changes', 'Commit the regenerated output', 'Comment on the pull request']);
    // the package was built by its own build script
    expect(existsSync(join(p.dir, 'packages/shop/dist/index.js'))).toBe(true);
    // the comment: the diff and the release preview
    const comment = readFileSync(join(p.dir, '../comment.md'), 'utf8');
    expect(comment).toContain('### @acme/shop');
    expect(comment).toContain('deleteItem');
    expect(comment).toContain('@acme/shop@1.1.0 (packages/shop) would be published:');
    expect(comment).toContain('## 1.1.0');
    expect(comment).toContain('dist/index.js');
    const calls = readFileSync(p.log, 'utf8');
    expect(calls).toContain('gh pr comment 7 --body-file');
    // the regenerated output was committed to the branch and pushed, without the build output
    const pushed = git(p.dir, 'log', '-1', '--name-only', '--format=%s', 'origin/spec-update');
    expect(pushed).toContain('oagen generate');
    expect(pushed).toContain('packages/shop/package.json');
    expect(pushed).toContain('packages/shop/CHANGELOG.md');
    expect(pushed).not.toContain('dist/');
    // the merge: publish
    git(p.dir, 'checkout', '-q', 'main');
    git(p.dir, 'merge', '-q', '--ff-only', 'origin/spec-update');
    const published = runJob(wf.jobs.publish, p, { GITHUB_EVENT_NAME: 'push' });
    expect(published).toEqual(['Install', 'Check the committed output is what oagen generates', 'Install the dev dependencies of @acme/shop', 'Publish @acme/shop']);
    expect(readFileSync(p.log, 'utf8')).toMatch(/npm view @acme\/shop@1\.1\.0 version\nnpm publish --provenance --access public \(in .*\/packages\/shop\) token=npm-secret/);
  });
});
