/**
 * The docs are laid out by templates a user can override (issue 14 points 3 and 4): a
 * `templates` folder with `docs/partials/docs-operation.hbs` changes the section of every
 * operation in every API doc, one with `docs/partials/docs-model-properties.hbs` every model
 * page with a properties table, and nothing else; a broken docs template is an E_TEMPLATE
 * error naming its file and line.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type ClientConfig } from '../../../src/config.js';
import { OagenError } from '../../../src/diagnostics.js';
import { renderClient } from '../../../src/generate.js';
import { tempDir } from '../../tmp.js';
import { brokenLinks, ROOT } from './helpers.js';

const PARTIALS = join(ROOT, 'templates/docs/partials');
const admin = loadConfig(join(ROOT, 'oagen.config.json')).clients.find((c) => c.name === 'openai-admin')!;

/** The openai-admin client with a user's template folder holding `files` (relative path → text). */
function withTemplates(files: Record<string, string>): ClientConfig {
  const dir = tempDir('oagen-docs-templates-');
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(join(dir, 'tpl', rel, '..'), { recursive: true });
    writeFileSync(join(dir, 'tpl', rel), text);
  }
  return { ...admin, output: join(dir, 'out'), templates: join(dir, 'tpl') };
}

const docsOf = (files: Map<string, string>, re: RegExp) => [...files].filter(([path]) => re.test(path));

describe('docs templates', () => {
  let builtin: Map<string, string>;
  let operations: number;
  beforeAll(async () => {
    const r = await renderClient({ ...admin, output: join(tempDir('oagen-docs-templates-'), 'out') });
    builtin = r.files;
    operations = r.ir.operations.length;
  }, 120_000);

  it('an overridden docs-operation partial adds a line under every operation heading of every API doc, and changes nothing else', async () => {
    const source = readFileSync(join(PARTIALS, 'docs-operation.hbs'), 'utf8');
    const heading = '## {{{fn}}}{{{anchor}}}\n';
    expect(source).toContain(heading);
    const config = withTemplates({ 'docs/partials/docs-operation.hbs': source.replace(heading, `${heading}\n_Reviewed by the API team: \`{{{fn}}}\` ({{{facts.op.method}}})._\n`) });
    const { files } = await renderClient(config);

    const apiDocs = docsOf(files, /^docs\/[^/]+Api\.md$/);
    expect(apiDocs.length).toBeGreaterThan(5);
    let added = 0;
    for (const [path, text] of apiDocs) {
      // every `## fn` heading is followed by the line, naming its own function and method
      const headings = [...text.matchAll(/^## (\w+)\n\n(.*)$/gm)];
      expect(headings.length, path).toBeGreaterThan(0);
      for (const [, fn, next] of headings) expect(next, `${path} ${fn}`).toMatch(new RegExp(`^_Reviewed by the API team: \`${fn}\` \\((GET|POST|PUT|PATCH|DELETE)\\)\\._$`));
      added += headings.length;
      // without the added lines, the page is the built-in one
      expect(text.replace(/\n_Reviewed by the API team: [^\n]*\n\n/g, '\n'), path).toBe(builtin.get(path));
    }
    expect(added).toBe(operations);
    // the other files are the built-in ones (but oagen's record of what it generated), and every link still resolves
    const others = [...files].filter(([path]) => !apiDocs.some(([p]) => p === path) && !path.startsWith('.oagen/') && files.get(path) !== builtin.get(path)).map(([path]) => path);
    expect(others).toEqual([]);
    expect(brokenLinks(files)).toEqual([]);
  }, 120_000);

  it('an overridden model section partial changes every model page that has the section', async () => {
    const source = readFileSync(join(PARTIALS, 'docs-model-properties.hbs'), 'utf8');
    const config = withTemplates({ 'docs/partials/docs-model-properties.hbs': source.replace('## Properties\n', '## Properties\n\n{{{properties.rows.length}}} properties of `{{{name}}}`.\n') });
    const { files } = await renderClient(config);
    const pages = docsOf(files, /^docs\/models\/[^/]+\.md$/);
    let changed = 0;
    for (const [path, text] of pages) {
      const name = path.slice('docs/models/'.length, -'.md'.length);
      const table = /\n## Properties\n\n(\d+) properties of `(\w+)`\.\n\n\| Name \| Type \|[^\n]*\n\| --- [^\n]*\n((?:\|[^\n]*\n)*)/.exec(text);
      if (!builtin.get(path)!.includes('\n## Properties\n')) {
        expect(table, path).toBeNull();
        expect(text, path).toBe(builtin.get(path));
        continue;
      }
      changed++;
      expect(table, path).not.toBeNull();
      expect(table![2]).toBe(name);
      // the count the template printed is the number of rows it laid out (nested rows and the index signature's included)
      expect(Number(table![1])).toBe(table![3].trimEnd().split('\n').length);
      expect(text.replace(/\n\d+ properties of `\w+`\.\n\n/, '\n'), path).toBe(builtin.get(path));
    }
    expect(changed).toBeGreaterThan(50);
  }, 120_000);

  it('a broken docs template is an E_TEMPLATE error naming the docs template file and line', async () => {
    const lines = readFileSync(join(PARTIALS, 'docs-operation.hbs'), 'utf8').split('\n');
    // a field the view does not have, on the Errors section's first line
    const at = lines.findIndex((l) => l.startsWith('- A non-2xx response'));
    expect(at).toBeGreaterThan(10);
    lines[at] = `${lines[at]} {{{errors.typo}}}`;
    const missing = await renderClient(withTemplates({ 'docs/partials/docs-operation.hbs': lines.join('\n') })).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(OagenError);
    const m = (missing as OagenError).diagnostics[0];
    expect([m.code, m.line, m.message]).toEqual(['E_TEMPLATE', at + 1, 'template error: "typo" not defined']);
    expect(m.file).toMatch(/tpl\/docs\/partials\/docs-operation\.hbs$/);
    expect((missing as OagenError).message).toMatch(new RegExp(`tpl/docs/partials/docs-operation\\.hbs:${at + 1} error E_TEMPLATE: `));

    // a parse error (`{{{` closed by `}}`) in a model page's partial, on line 4
    const parse = await renderClient(withTemplates({ 'docs/partials/docs-model-values.hbs': '\n## Values\n{{#each values.rows}}\n| {{{this}} |\n{{/each}}\n' })).catch((e: unknown) => e);
    expect(parse).toBeInstanceOf(OagenError);
    const p = (parse as OagenError).diagnostics[0];
    expect(p.code).toBe('E_TEMPLATE');
    expect(p.file).toMatch(/tpl\/docs\/partials\/docs-model-values\.hbs$/);
    expect(p.line).toBe(4);
    expect(p.message).toMatch(/^template error: Parse error on line 4/);
  }, 120_000);

  it("the README's docs example is the built-in docs-operation partial with the one line added", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const shown = /my-templates\/docs\/partials\/docs-operation\.hbs`[\s\S]*?```hbs\n([\s\S]*?)…\n```/.exec(readme)?.[1];
    expect(shown).toBeDefined();
    const added = '\n_Reviewed by the API team: `{{{fn}}}` ({{{facts.op.method}}})._\n';
    expect(shown).toContain(added);
    // the built-in partial, after its comment line, starts with the rest of what the README shows
    const builtin = readFileSync(join(PARTIALS, 'docs-operation.hbs'), 'utf8').replace(/^\{\{!--.*--\}\}\n/, '');
    expect(builtin.startsWith(shown!.replace(added, ''))).toBe(true);
  });
});
