/**
 * User templates (issue 14 point 4): a folder of overrides (config `templates`, `--templates`)
 * replaces built-in templates and partials by relative path. The README's example
 * (test/templates/fixtures/traced/: a line added to every operation's JSDoc, every function
 * wrapped) changes every operation of the OpenAI admin client, which still compiles strictly
 * and calls a real server; a broken template is an error naming its file and line; the
 * templates' bytes are part of the up-to-date stamp.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadConfig, type ClientConfig } from '../../src/config.js';
import { OagenError } from '../../src/diagnostics.js';
import { generateClient } from '../../src/generate.js';
import { inputsHash } from '../../src/write/stamp.js';
import { startRecordingServer } from '../server.js';
import { tempDir } from '../tmp.js';

const ROOT = join(import.meta.dirname, '../..');
const TRACED = join(import.meta.dirname, 'fixtures/traced');
const TSC = join(ROOT, 'node_modules/.bin/tsc');
const run = promisify(execFile);

function adminClient(dir: string, templates: string | undefined, plugins: string[] = ['client', 'docs']): ClientConfig {
  const file = join(dir, 'oagen.config.json');
  writeFileSync(
    file,
    JSON.stringify({
      clients: [
        {
          name: 'openai-admin',
          spec: join(ROOT, 'specs/openai.yaml'),
          overlays: [join(ROOT, 'specs/openai.overlay.yaml')],
          include: { paths: ['/organization/'] },
          output: 'out',
          plugins,
          ...(templates ? { templates } : {}),
        },
      ],
    }),
  );
  return loadConfig(file).clients[0];
}

afterEach(() => vi.restoreAllMocks());

describe('user templates', () => {
  it("the README's example changes every operation of the OpenAI admin client, which compiles strictly and runs", async () => {
    const dir = tempDir('oagen-templates-');
    cpSync(TRACED, join(dir, 'my-templates'), { recursive: true });
    const result = await generateClient(adminClient(dir, './my-templates'));
    const out = join(dir, 'out');
    const api = readdirSync(join(out, 'src/api')).map((f) => readFileSync(join(out, 'src/api', f), 'utf8'));
    const code = api.join('\n');
    // every operation function is declared through the override, none the built-in way
    expect(result.operations).toBeGreaterThan(100);
    expect(code.match(/^export const \w+ = traced\('\w+', function \($/gm)?.length).toBe(result.operations);
    expect(code).not.toMatch(/^export function /m);
    expect(code.match(/^ \* Traced: each call of `\w+` is logged\.$/gm)?.length).toBe(result.operations);
    // the override's prelude once per file, the built-in partials (params, error) still used
    for (const file of api) expect(file.match(/^function traced</gm)?.length).toBe(1);
    expect(code).toContain('export interface ListUsersParams {');

    // strict type-check, then the build, and a call against a real server
    await run(TSC, ['-p', 'tsconfig.json', '--pretty', 'false'], { cwd: out });
    await run(TSC, ['-p', 'tsconfig.build.json', '--pretty', 'false'], { cwd: out });
    const server = await startRecordingServer(() => ({ body: { object: 'organization.user', id: 'user_1', name: 'Ada', email: 'ada@example.com', role: 'owner', added_at: 1 } }));
    try {
      const debug = vi.spyOn(console, 'debug').mockImplementation(() => {});
      const pkg = (await import(pathToFileURL(join(out, 'dist/index.js')).href)) as Record<string, any>;
      const client = pkg.createClient({ baseUrl: server.url, auth: { AdminApiKeyAuth: 'k' } });
      const user = await pkg.retrieveUser(client, { user_id: 'user_1' });
      expect(user.id).toBe('user_1');
      expect(debug).toHaveBeenCalledWith('calling retrieveUser');
    } finally {
      await server.close();
    }
  }, 240_000);

  it('--templates on the CLI overrides the config and applies to every client', async () => {
    const dir = tempDir('oagen-templates-');
    cpSync(TRACED, join(dir, 'tpl'), { recursive: true });
    adminClient(dir, undefined, ['client']);
    const { main } = await import('../../src/cli.js');
    vi.spyOn(console, 'log').mockImplementation(() => {});
    expect(await main(['generate', '--config', join(dir, 'oagen.config.json'), '--templates', join(dir, 'tpl'), '--quiet'])).toBe(0);
    expect(readFileSync(join(dir, 'out/src/api/users.ts'), 'utf8')).toContain("export const listUsers = traced('listUsers', function (");
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await main(['generate', '--config', join(dir, 'oagen.config.json'), '--templates', join(dir, 'nowhere'), '--quiet'])).toBe(2);
  }, 120_000);

  it('a broken template is an error naming the file and the line: a parse error, and a missing field', async () => {
    const dir = tempDir('oagen-templates-');
    const tpl = join(dir, 'tpl/src/partials');
    mkdirSync(tpl, { recursive: true });
    // line 2: `{{{` closed by `}}`
    writeFileSync(join(tpl, 'error.hbs'), '/** errors */\nexport type {{{error.name}} = {{{error.type}}};\n');
    const parse = await generateClient(adminClient(dir, './tpl', ['client'])).catch((e: unknown) => e);
    expect(parse).toBeInstanceOf(OagenError);
    const d = (parse as OagenError).diagnostics[0];
    expect(d.code).toBe('E_TEMPLATE');
    expect(d.file).toBe(join(tpl, 'error.hbs').replace(process.cwd() + '/', ''));
    expect(d.line).toBe(2);
    expect(d.message).toMatch(/^template error: Parse error on line 2/);
    expect((parse as OagenError).message).toMatch(/tpl\/src\/partials\/error\.hbs:2 error E_TEMPLATE: /);

    writeFileSync(join(tpl, 'error.hbs'), '/** errors */\nexport type {{{error.name}}} =\n  {{{error.typo}}};\n');
    const missing = await generateClient(adminClient(dir, './tpl', ['client'])).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(OagenError);
    const m = (missing as OagenError).diagnostics[0];
    expect([m.code, m.line]).toEqual(['E_TEMPLATE', 3]);
    expect(m.message).toBe('template error: "typo" not defined');
    expect((missing as OagenError).message).toMatch(/tpl\/src\/partials\/error\.hbs:3 error E_TEMPLATE: template error: "typo" not defined$/);
    expect((missing as OagenError).exitCode).toBe(2);
  }, 120_000);

  it('the config field is checked, and the templates are part of the up-to-date stamp', () => {
    const dir = tempDir('oagen-templates-');
    expect(() => adminClient(dir, './missing')).toThrow(/clients\[0\]\.templates: no templates folder at /);
    try {
      adminClient(dir, './missing');
    } catch (e) {
      expect((e as OagenError).diagnostics[0]).toMatchObject({ code: 'E_CONFIG', file: join(dir, 'oagen.config.json') });
    }
    cpSync(TRACED, join(dir, 'tpl'), { recursive: true });
    const client = adminClient(dir, './tpl');
    const before = inputsHash(client, [], 'gen');
    writeFileSync(join(dir, 'tpl/src/partials/api-prelude.hbs'), '\n// changed\n');
    expect(inputsHash(client, [], 'gen')).not.toBe(before);
    writeFileSync(join(dir, 'tpl/src/partials/new.hbs'), '');
    expect(inputsHash(client, [], 'gen')).not.toBe(before);
  });
});

describe('the README', () => {
  it('shows the example fixture verbatim, and the view-model interfaces it documents exist', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const f of ['src/partials/api-prelude.hbs', 'src/partials/operation.hbs']) expect(readme).toContain('```hbs\n' + readFileSync(join(TRACED, f), 'utf8') + '```');
    const sources = ['src/plugins/client/operations.ts', 'src/plugins/client/models.ts', 'src/view/printer.ts', 'src/plugins/docs/render.ts', 'src/plugins/docs/operation.ts', 'src/plugins/docs/model.ts']
      .map((f) => readFileSync(join(ROOT, f), 'utf8'))
      .join('\n');
    const documented = [...readme.matchAll(/^interface (\w+) \{(.*?)\}?$/gm)].map((m) => m[1]).filter((n) => n.endsWith('View'));
    expect(documented).toEqual(['DocView', 'OperationTemplateView', 'MemberTemplateView', 'ModelTemplateView', 'ApiPageView', 'DocsOperationView', 'DocsModelView']);
    for (const name of documented) expect(sources).toContain(`export interface ${name} {`);
  });
});
