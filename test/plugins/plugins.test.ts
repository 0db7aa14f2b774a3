/**
 * Outputs as plugins (issue 14): a plugin from a local module path adds a file and a
 * package.json export, the generated package builds and a consumer imports `<pkg>/extra`;
 * plugins cannot write to the view; the config's `plugins` entries are checked.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { generateClient, renderClient } from '../../src/generate.js';
import { mergePackageJson } from '../../src/plugins/package-json.js';
import type { Plugin } from '../../src/plugins/types.js';
import { tempDir } from '../tmp.js';
import { mustTsc } from '../tsc.js';

const ROOT = join(import.meta.dirname, '../..');
const FIXTURE = join(import.meta.dirname, 'fixtures/operation-names.mjs');
const run = promisify(execFile);

function writeConfig(dir: string, plugins: unknown, extra: Record<string, unknown> = {}): string {
  const file = join(dir, 'oagen.config.json');
  writeFileSync(file, JSON.stringify({ clients: [{ name: 'arthur', spec: join(ROOT, 'specs/arthur.yaml'), output: 'out', plugins, ...extra }] }));
  return file;
}

describe('a plugin from a local module path', () => {
  it('adds src/extra.ts and the "./extra" export; the package builds and a consumer imports arthur/extra', async () => {
    const dir = tempDir('oagen-plugin-');
    const config = loadConfig(writeConfig(dir, ['client', 'docs', { name: relative(dir, FIXTURE), options: { exportName: 'operationNames' } }]));
    const result = await generateClient(config.clients[0]);
    const out = join(dir, 'out');
    const extra = readFileSync(join(out, 'src/extra.ts'), 'utf8');
    expect(extra).toContain('export const operationNames = [');
    const pkg = JSON.parse(readFileSync(join(out, 'package.json'), 'utf8'));
    expect(Object.keys(pkg.exports)).toEqual(['.', './internal', './package.json', './extra']);
    expect(pkg.exports['./extra']).toEqual({ types: './dist/extra.d.ts', import: './dist/extra.js' });
    expect(result.files.has('README.md')).toBe(true);

    await mustTsc(['-p', 'tsconfig.build.json', '--pretty', 'false'], out);
    const consumer = join(dir, 'consumer');
    mkdirSync(join(consumer, 'node_modules'), { recursive: true });
    symlinkSync(out, join(consumer, 'node_modules/arthur'), 'dir');
    writeFileSync(join(consumer, 'package.json'), JSON.stringify({ type: 'module' }));
    writeFileSync(join(consumer, 'main.ts'), `import { operationNames } from 'arthur/extra';\nconst first: (typeof operationNames)[number] = operationNames[0];\nconsole.log(JSON.stringify([first, operationNames.length]));\n`);
    writeFileSync(
      join(consumer, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, types: [], skipLibCheck: true, outDir: 'dist' }, files: ['main.ts'] }),
    );
    await mustTsc(['-p', 'tsconfig.json', '--pretty', 'false'], consumer);
    const { stdout } = await run(process.execPath, [join(consumer, 'dist/main.js')], { cwd: consumer });
    const [first, count] = JSON.parse(stdout) as [string, number];
    expect(count).toBe(10);
    expect(extra).toContain(JSON.stringify(first));
  }, 180_000);

  it('the default selection (client, docs) renders the same files as listing them', async () => {
    const dir = tempDir('oagen-plugin-');
    const listed = loadConfig(writeConfig(dir, ['client', 'docs'])).clients[0];
    const { plugins: _, ...plain } = listed;
    const a = await renderClient(listed);
    const b = await renderClient(plain);
    expect([...a.files]).toEqual([...b.files]);
    const clientOnly = await renderClient({ ...listed, plugins: listed.plugins!.slice(0, 1) });
    expect([...clientOnly.files.keys()].some((f) => f.startsWith('docs/') || f === 'README.md')).toBe(false);
  });
});

describe('the README', () => {
  it('shows the fixture plugin as its example, byte for byte (so the example is the tested one)', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Plugins\n'));
    const block = /```js\n([\s\S]*?)```/.exec(section)?.[1];
    expect(block).toBe(readFileSync(FIXTURE, 'utf8'));
  });
});

describe('plugins receive a read-only view', () => {
  it('writing to the view throws (frozen) and is a type error', async () => {
    const attempts: string[] = [];
    const mutating: Plugin = {
      name: 'mutating',
      files(view) {
        const tries: [string, () => void][] = [
          // @ts-expect-error the view's lists are ReadonlyArray
          ['push an operation', () => view.operations.push(view.operations[0])],
          // @ts-expect-error the view's fields are readonly
          ['rename the package', () => (view.packageName = 'x')],
          // @ts-expect-error an operation's view is Readonly
          ['rename an operation view', () => (view.operations[0].successType = 'X')],
          // @ts-expect-error the view's lists are ReadonlyArray
          ['drop a model', () => view.models.pop()],
        ];
        for (const [what, f] of tries) {
          try {
            f();
          } catch (e) {
            if (e instanceof TypeError) attempts.push(what);
          }
        }
        return [];
      },
    };
    const dir = tempDir('oagen-plugin-');
    const module = join(dir, 'mutating.mjs');
    // the plugin is a local module like any other: it reports what it could not change
    (globalThis as { __oagenTestPlugin?: Plugin }).__oagenTestPlugin = mutating;
    writeFileSync(module, 'export default globalThis.__oagenTestPlugin;\n');
    const config = loadConfig(writeConfig(dir, ['client', './mutating.mjs']));
    await renderClient(config.clients[0]);
    expect(attempts).toEqual(['push an operation', 'rename the package', 'rename an operation view', 'drop a model']);
  });
});

describe('the config’s plugins field', () => {
  const cases: [string, unknown, RegExp][] = [
    ['an unknown plugin', ['client', 'graphql'], /clients\[0\]\.plugins\[1\]: unknown plugin "graphql"/],
    ['a duplicate', ['client', 'docs', 'client'], /clients\[0\]\.plugins\[2\]: plugin "client" is listed twice/],
    ['docs without client', ['docs'], /clients\[0\]\.plugins\[0\]: plugin "docs" needs "client"/],
    ['a missing module', ['client', './nowhere.mjs'], /clients\[0\]\.plugins\[1\]: no plugin module at/],
    ['not a list', 'client', /clients\[0\]\.plugins must be a list/],
    ['an unknown entry option', [{ name: 'client', opts: {} }], /clients\[0\]\.plugins\[0\]\.opts is not an option/],
  ];
  it.each(cases)('%s is E_CONFIG naming the file and the field', (_, plugins, message) => {
    const file = writeConfig(tempDir('oagen-plugin-'), plugins);
    expect(() => loadConfig(file)).toThrow(message);
    try {
      loadConfig(file);
    } catch (e) {
      expect((e as { diagnostics: { code: string; file?: string }[] }).diagnostics[0]).toMatchObject({ code: 'E_CONFIG', file });
    }
  });

  it('a module that does not export a plugin is E_CONFIG, as is a module plugin whose required plugin is missing', async () => {
    const dir = tempDir('oagen-plugin-');
    writeFileSync(join(dir, 'nothing.mjs'), 'export const x = 1;\n');
    const file = writeConfig(dir, ['client', './nothing.mjs']);
    await expect(renderClient(loadConfig(file).clients[0])).rejects.toThrow(/clients\[0\]\.plugins\[1\]: .*nothing\.mjs does not export a plugin/);
    const file2 = writeConfig(dir, ['client', relative(dir, FIXTURE)]);
    const needs = loadConfig(file2).clients[0];
    await expect(renderClient({ ...needs, plugins: needs.plugins!.slice(1) })).rejects.toThrow(/plugin "operation-names" needs "client"/);
  });
});

describe('files', () => {
  it('two plugins writing one file is an error', async () => {
    const dir = tempDir('oagen-plugin-');
    (globalThis as { __oagenTestPlugin?: Plugin }).__oagenTestPlugin = { name: 'clobber', files: () => [['src/index.ts', '']] };
    writeFileSync(join(dir, 'clobber.mjs'), 'export default globalThis.__oagenTestPlugin;\n');
    const config = loadConfig(writeConfig(dir, ['client', './clobber.mjs']));
    await expect(renderClient(config.clients[0])).rejects.toThrow(/plugin 'clobber' writes src\/index\.ts, which an earlier plugin wrote/);
  });
});

describe('README sections', () => {
  it('a plugin listed after docs adds a section the README renders, with its anchor, before the reference lists', async () => {
    const dir = tempDir('oagen-plugin-');
    (globalThis as { __oagenTestPlugin?: Plugin }).__oagenTestPlugin = {
      name: 'extra-docs',
      readme: (view) => [{ id: 'extra', heading: 'Extra things', body: `Operations: ${view.operations.length}.` }],
      files: () => [],
    };
    writeFileSync(join(dir, 'extra.mjs'), 'export default globalThis.__oagenTestPlugin;\n');
    const config = loadConfig(writeConfig(dir, ['client', 'docs', './extra.mjs']));
    const { files } = await renderClient(config.clients[0]);
    const readme = files.get('README.md')!;
    const at = readme.indexOf('## Extra things');
    expect(at).toBeGreaterThan(0);
    expect(readme.slice(at)).toMatch(/^## Extra things\n\nOperations: 10\.\n/);
    expect(at).toBeLessThan(readme.indexOf('## API reference'));
  });
});

describe('package.json contributions', () => {
  const base = JSON.stringify({ name: 'p', exports: { '.': './dist/index.js' }, scripts: { build: 'tsc' } }, null, 2);
  it('merge deterministically: exports subpaths sorted after the package’s own, other fields sorted', () => {
    const merged = JSON.parse(
      mergePackageJson(base, [
        { plugin: 'b', json: { exports: { './zod': './dist/zod.js' }, scripts: { 'gen:b': 'x' }, peerDependencies: { zod: '^3' } } },
        { plugin: 'a', json: { exports: { './extra': './dist/extra.js' }, scripts: { 'a:gen': 'y' } } },
      ]),
    );
    expect(Object.keys(merged.exports)).toEqual(['.', './extra', './zod']);
    expect(Object.keys(merged.scripts)).toEqual(['a:gen', 'build', 'gen:b']);
    expect(merged.peerDependencies).toEqual({ zod: '^3' });
  });
  it('a conflict between two plugins, or with the package, is an error', () => {
    expect(() => mergePackageJson(base, [{ plugin: 'a', json: { exports: { './x': './a.js' } } }, { plugin: 'b', json: { exports: { './x': './b.js' } } }])).toThrow(/plugins 'a' and 'b' both set package.json exports\["\.\/x"\]/);
    expect(() => mergePackageJson(base, [{ plugin: 'a', json: { scripts: { build: 'other' } } }])).toThrow(/plugin 'a' sets package.json scripts\["build"\]/);
  });  it('bin: commands merged, sorted, and the same command pointing elsewhere is an error', () => {
    const merged = JSON.parse(
      mergePackageJson(base, [
        { plugin: 'b', json: { bin: { 'p-mcp': './dist/mcp/bin.js' } } },
        { plugin: 'a', json: { bin: { 'p-cli': './dist/cli.js' } } },
        { plugin: 'c', json: { bin: { 'p-mcp': './dist/mcp/bin.js' } } },
      ]),
    );
    expect(merged.bin).toEqual({ 'p-cli': './dist/cli.js', 'p-mcp': './dist/mcp/bin.js' });
    expect(Object.keys(merged.bin)).toEqual(['p-cli', 'p-mcp']);
    expect(JSON.parse(mergePackageJson(base, [{ plugin: 'a', json: { scripts: { x: 'y' } } }])).bin).toBeUndefined();
    expect(() => mergePackageJson(base, [{ plugin: 'a', json: { bin: { p: './a.js' } } }, { plugin: 'b', json: { bin: { p: './b.js' } } }])).toThrow(/plugins 'a' and 'b' both set package.json bin\["p"\]/);
    const withBin = JSON.stringify({ name: 'p', bin: { p: './dist/p.js' } });
    expect(() => mergePackageJson(withBin, [{ plugin: 'a', json: { bin: { p: './other.js' } } }])).toThrow(/plugin 'a' sets package.json bin\["p"\]/);
  });
});
