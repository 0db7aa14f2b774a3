/**
 * src/emit/compile.ts: built-in templates compiled to plain functions render exactly what
 * Handlebars renders (same options: strict, noEscape), construct by construct; templates
 * outside the subset are left to Handlebars; a user's partial runs inside a compiled template
 * with the data Handlebars would give it.
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { compileTemplate } from '../../src/emit/compile.js';
import { fastRuntime, type FastTemplate, type PartialFn } from '../../src/emit/fast.js';
import { COMPILE_OPTIONS, templateFiles, TEMPLATES_DIR, templateSet, type Precompiled } from '../../src/emit/templates.js';
import { ROOT } from '../generate/helpers.js';
import { tempDir } from '../tmp.js';

/** Renders `source` (with `partials`) both ways: Handlebars, and the compiled function. */
function both(source: string, context: unknown, partials: Record<string, string> = {}): { hbs: () => string; fast: () => string } {
  const hbs = Handlebars.create();
  hbs.registerHelper('json', (v: unknown) => JSON.stringify(v ?? null));
  for (const [name, p] of Object.entries(partials)) hbs.registerPartial(name, hbs.compile(p, COMPILE_OPTIONS));
  const fastPartials = new Map<string, PartialFn>();
  const rt = fastRuntime((name) => fastPartials.get(name));
  for (const [name, p] of Object.entries(partials)) {
    const f = compiled(p);
    fastPartials.set(name, (c, root) => f(c, rt, root));
  }
  const f = compiled(source);
  return { hbs: () => hbs.compile(source, COMPILE_OPTIONS)(context), fast: () => f(context, rt, context) };
}

function compiled(source: string): FastTemplate {
  const code = compileTemplate(Handlebars.parse(source));
  if (!code) throw new Error(`outside the subset: ${source}`);
  return (0, eval)(`(${code})`) as FastTemplate;
}

/** What a render gives: its text, or its error's first line. */
function outcome(render: () => string): { text: string } | { error: string } {
  try {
    return { text: render() };
  } catch (e) {
    return { error: (e as Error).message.split('\n')[0] };
  }
}

const same = (source: string, context: unknown, partials?: Record<string, string>) => {
  const { hbs, fast } = both(source, context, partials);
  expect(outcome(fast)).toEqual(outcome(hbs));
};

describe('compileTemplate renders what Handlebars renders', () => {
  const cases: [string, string, unknown, Record<string, string>?][] = [
    ['text and values', 'a {{x}} b {{{y}}} <{{z}}>', { x: '<&>', y: 2, z: null }],
    ['nested paths and this', '{{a.b.c}} {{#each list}}[{{this}}|{{this.n}}]{{/each}}', { a: { b: { c: 'deep' } }, list: [{ n: 1 }, { n: 2 }] }],
    ['values that print oddly', '{{a}}|{{b}}|{{c}}|{{d}}|{{e}}', { a: false, b: 0, c: [1, 2], d: { x: 1 }, e: undefined }],
    ['if / else if / else', '{{#if a}}A{{else if b}}B{{else}}C{{/if}}', { a: 0, b: [] }],
    ['if on empty and non-empty arrays, 0, ""', '{{#if a}}1{{/if}}{{#if b}}2{{/if}}{{#if c}}3{{/if}}{{#if d}}4{{/if}}{{#if e}}5{{/if}}', { a: [], b: [0], c: 0, d: '', e: 'x' }],
    ['unless with else', '{{#unless a}}not{{else}}yes{{/unless}}{{#unless b}}not{{/unless}}', { a: 1, b: 0 }],
    ['each with @index, @first, @last and else', '{{#each xs}}{{@index}}{{#if @first}}F{{/if}}{{#if @last}}L{{/if}}={{this}};{{else}}none{{/each}}|{{#each ys}}x{{else}}none{{/each}}', { xs: ['a', 'b', 'c'], ys: [] }],
    ['each over an object and a Map', '{{#each o}}{{this}},{{/each}}|{{#each m}}{{this.[1]}}{{/each}}', { o: { a: 1, b: 2 }, m: new Map() }],
    ['nested each with ../', '{{#each groups}}{{name}}:{{#each items}}{{../name}}.{{this}} {{/each}}\n{{/each}}', { groups: [{ name: 'g', items: [1, 2] }, { name: 'h', items: [] }] }],
    ['with and its else', '{{#with a}}{{b}}{{else}}empty{{/with}}{{#with z}}{{q}}{{else}}none{{/with}}{{#with zero}}{{this}}{{/with}}', { a: { b: 'in' }, z: null, zero: 0 }],
    ['@root inside loops', '{{#each xs}}{{@root.sep}}{{this}}{{/each}}', { xs: [1, 2], sep: '-' }],
    ['json helper', '{{{json a}}} {{{json b}}} {{{json c}}}', { a: 'q"', b: { x: [1] }, c: undefined }],
    ['whitespace control and standalone lines', 'a\n{{#if x}}\n  in\n{{/if}}\nb {{~x~}} c\n{{#each xs}}\n- {{this}}\n{{/each}}\n', { x: 'X', xs: [1, 2] }],
    ['comments', 'a{{! one }}b{{!-- two }} --}}c', {}],
    ['partials with and without a context', '{{> p}}|{{> p other}}|{{#each xs}}{{> q}}{{/each}}', { v: 1, other: { v: 2 }, xs: [{ w: 'a' }] }, { p: '<{{v}}>', q: '[{{w}}]' }],
    ['standalone partials keep their indentation', 'x\n  {{> p}}\n    {{> p}}\ny\n', { lines: ['a', '', 'b'] }, { p: '{{#each lines}}\n{{this}}\n{{/each}}' }],
    ['a partial calling a partial', '{{#each items}}{{> outer}}{{/each}}', { items: [{ doc: { t: 'd1' } }, { doc: { t: 'd2' } }] }, { outer: '({{> inner doc}})', inner: '{{t}}' }],
  ];
  for (const [name, source, context, partials] of cases) it(name, () => same(source, context, partials));

  it('a missing printed field is the same error, at the same line', () => {
    const { hbs, fast } = both('ok\n{{#each xs}}\n  {{a.b}}\n{{/each}}', { xs: [{ a: {} }] });
    const message = (f: () => string) => {
      try {
        f();
      } catch (e) {
        return { message: (e as Error).message.split('\n')[0], line: (e as { lineNumber?: number }).lineNumber };
      }
      return undefined;
    };
    const expected = message(hbs);
    expect(expected?.message).toMatch(/"b" not defined in \[object Object\] - 3:4/);
    expect(message(fast)).toEqual(expected);
  });

  it('a missing field in a condition is no error (Handlebars checks printed values only)', () => {
    same('{{#if nope}}x{{/if}}{{#each none}}y{{/each}}{{#with none}}z{{/with}}', {});
    expect(outcome(both('{{#if nope}}x{{/if}}', {}).fast)).toEqual({ text: '' });
  });

  it('a partial given a missing context fails the way Handlebars fails', () => same('{{> p nothing}}', {}, { p: '{{#if q}}q{{/if}}' }));

  it('leaves constructs outside the subset to Handlebars', () => {
    for (const source of ['{{#each xs as |x|}}{{x}}{{/each}}', '{{lookup a b}}', '{{#custom a}}x{{/custom}}', '{{> (name)}}', '{{> p a=1}}', '{{#> layout}}x{{/layout}}', '{{../x}}', '{{@key}}', '{{^a}}x{{/a}}', '{{a "lit"}}']) {
      expect(compileTemplate(Handlebars.parse(source)), source).toBeUndefined();
    }
  });
});

describe('the built-in templates', () => {
  it('every one compiles to a plain function (dist/templates.cjs)', () => {
    const { templates } = createRequire(import.meta.url)(join(ROOT, 'dist/templates.cjs')) as { templates: Record<string, Precompiled> };
    const files = templateFiles(TEMPLATES_DIR);
    expect(files.length).toBeGreaterThan(20);
    for (const rel of files) {
      expect(templates[rel]?.source, rel).toBe(readFileSync(join(TEMPLATES_DIR, rel), 'utf8'));
      expect(typeof templates[rel]?.fast, rel).toBe('function');
    }
  });

  it("a user's partial runs inside a compiled template with @index, @first, @last and @root", () => {
    const dir = tempDir('oagen-compile-');
    mkdirSync(join(dir, 'src/partials'), { recursive: true });
    writeFileSync(join(dir, 'src/partials/member.hbs'), '  // {{@index}}{{#if @first}} first{{/if}}{{#if @last}} last{{/if}} {{@root.name}}\n  {{{key}}}: {{{type}}};\n');
    const model = { name: 'Pet', doc: {}, members: [{ key: 'id', type: 'string', doc: {} }, { key: 'tag', type: 'number', doc: {} }], values: undefined };
    const out = templateSet(dir).render('src/partials/model.hbs', model);
    expect(out).toBe('export interface Pet {\n  // 0 first Pet\n  id: string;\n  // 1 last Pet\n  tag: number;\n}\n');
    // the built-in set renders the same model with its own member partial
    expect(templateSet().render('src/partials/model.hbs', model)).toBe('export interface Pet {\n  id: string;\n  tag: number;\n}\n');
  });

  it('a missing field in a built-in template is E_TEMPLATE naming the file and the line', () => {
    expect(() => templateSet().render('src/partials/error.hbs', { fn: 'f', error: {} })).toThrow(
      expect.objectContaining({ diagnostics: [expect.objectContaining({ code: 'E_TEMPLATE', file: 'templates/src/partials/error.hbs', line: 5, message: 'template error: "name" not defined' })] }),
    );
  });
});
