/**
 * `oagen init` in a new project, then `npm run generate`, as a newcomer does it: the config is
 * a commented oagen.config.ts typed by `defineConfig`, package.json gets the script, and the
 * generated client compiles.
 */
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT, tempDir } from '../generate/helpers.js';
import { oagenAsync, projectWithOagen, sourceText } from '../cli/run.js';
import { startRecordingServer } from '../server.js';
import { runTsc } from '../tsc.js';

const run = promisify(execFile);

describe('oagen init', () => {
  it('init --spec specs/arthur.yaml, then npm run generate, produces a client that compiles', async () => {
    const dir = projectWithOagen();
    mkdirSync(join(dir, 'specs'));
    copyFileSync(join(ROOT, 'specs/arthur.yaml'), join(dir, 'specs/arthur.yaml'));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'my-app', version: '1.0.0', scripts: { test: 'echo ok' } }, null, 4) + '\n');

    const init = await oagenAsync(['init', '--spec', 'specs/arthur.yaml'], dir);
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).toContain('✓ wrote oagen.config.ts (arthur-users-api from specs/arthur.yaml → generated/arthur-users-api)');
    expect(init.stdout).toContain('✓ added "generate": "oagen generate" to package.json');
    expect(init.stdout).toMatch(/Next:\n {2}npm run generate\n/); // oagen is installed: no install step

    const config = readFileSync(join(dir, 'oagen.config.ts'), 'utf8');
    expect(config).toMatch(/^import \{ defineConfig \} from 'oagen';/);
    expect(config).toContain("name: 'arthur-users-api',");
    expect(config).toContain("spec: 'specs/arthur.yaml',");
    expect(config).toMatch(/\/\/ {3}"docs" {12}README\.md and docs\//);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    expect(pkg.scripts).toEqual({ test: 'echo ok', generate: 'oagen generate' });
    expect(readFileSync(join(dir, 'package.json'), 'utf8')).toMatch(/^\{\n {4}"name"/); // its indentation kept

    // the config as written type-checks against the installed oagen
    // (runTsc writes its own package.json: the copy is checked in a folder of the project)
    mkdirSync(join(dir, 'typecheck'));
    copyFileSync(join(dir, 'oagen.config.ts'), join(dir, 'typecheck/oagen.config.ts'));
    const types = await runTsc(join(dir, 'typecheck'), { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: true, types: ['node'], typeRoots: [join(ROOT, 'node_modules/@types')] }, { files: ['oagen.config.ts'] });
    expect(types.diagnostics, types.output).toEqual([]);

    const { stdout } = await run('npm', ['run', 'generate', '--silent'], { cwd: dir, env: { ...process.env, CI: '1' } }).catch((e: { stdout: string; stderr: string }) => {
      throw new Error(`npm run generate failed:\n${e.stdout}\n${e.stderr}`);
    });
    expect(stdout).toMatch(/^arthur-users-api 0\.1\.0: 10 operations, 20 models → generated\/arthur-users-api \(\d+ written, 0 unchanged\)/m);
    const out = join(dir, 'generated/arthur-users-api');
    expect(JSON.parse(readFileSync(join(out, 'package.json'), 'utf8')).name).toBe('arthur-users-api');
    expect(sourceText(out)).toMatch(/export function deleteUser\(/);
    const compiled = await runTsc(out, { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, lib: ['ES2022', 'DOM', 'DOM.Iterable'], types: [] }, { include: ['src'] });
    expect(compiled.diagnostics, compiled.output).toEqual([]);

    // a second init refuses to replace the config
    const again = await oagenAsync(['init', '--spec', 'specs/arthur.yaml'], dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/oagen\.config\.ts exists already; pass --force/);
  });

  it('without a package.json one is made; without oagen installed the install comes first; a spec that is not there is exit 2', async () => {
    const dir = tempDir('oagen-init-');
    const bare = join(dir, 'bare-project');
    mkdirSync(bare);
    copyFileSync(join(ROOT, 'specs/arthur.yaml'), join(bare, 'openapi.yaml'));
    const r = await oagenAsync(['init', '--name', '@acme/users', '--out', 'src/api'], bare);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('✓ wrote oagen.config.ts (@acme/users from openapi.yaml → src/api)');
    expect(JSON.parse(readFileSync(join(bare, 'package.json'), 'utf8'))).toEqual({ name: 'bare-project', private: true, type: 'module', scripts: { generate: 'oagen generate' } });
    expect(existsSync(join(bare, 'oagen.config.ts'))).toBe(true);
    expect(r.stdout).toMatch(/Next:\n {2}npm install --save-dev oagen\n {2}npm run generate\n/);

    const missing = await oagenAsync(['init', '--spec', 'nope.yaml'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/E_FILE_READ: cannot read the spec: no such file/);
  });

  it('init --spec URL: the config reads the spec from the server, and generate fetches it', async () => {
    const spec = JSON.stringify({ openapi: '3.0.3', info: { title: 'Local Backend API', version: '0.3.0' }, paths: { '/health': { get: { operationId: 'getHealth', responses: { '204': { description: 'ok' } } } } } });
    const server = await startRecordingServer(() => ({ body: spec, headers: { 'content-type': 'application/json' } }));
    try {
      const url = `${server.url}/openapi.json`;
      const dir = projectWithOagen();
      const r = await oagenAsync(['init', '--spec', url], dir);
      expect(r.code, r.stderr).toBe(0);
      expect(readFileSync(join(dir, 'oagen.config.ts'), 'utf8')).toContain(`name: 'local-backend-api',\n      // the OpenAPI document (YAML or JSON; 3.0, 3.1 or Swagger 2.0): a file, or an http(s) URL\n      spec: '${url}',`);
      const g = await oagenAsync(['generate'], dir);
      expect(g.code, g.stderr).toBe(0);
      expect(g.stdout).toMatch(/^local-backend-api 0\.3\.0: 1 operations, 0 models → generated\/local-backend-api/);
      expect(sourceText(join(dir, 'generated/local-backend-api'))).toMatch(/export function getHealth\(/);
    } finally {
      await server.close();
    }
  });
});
