/** Precompiled templates (src/emit/precompile.ts) are used only while they match templates/. */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import Handlebars from 'handlebars';
import { COMPILE_OPTIONS, TEMPLATES_DIR, templateFor, type Precompiled } from '../../src/emit/templates.js';
import { ROOT } from '../generate/helpers.js';

const precompile = (source: string): Precompiled => ({ source, spec: eval(`(${Handlebars.precompile(source, COMPILE_OPTIONS)})`) as object });

describe('templateFor', () => {
  it('uses the precompiled template when its source is the file', () => {
    const built = precompile('built: {{{a}}}');
    expect(templateFor('built: {{{a}}}', built)({ a: '<x>' })).toBe('built: <x>');
  });

  it('compiles the file when it changed since the build', () => {
    const built = precompile('old {{{a}}}');
    expect(templateFor('new {{{a}}}', built)({ a: 1 })).toBe('new 1');
  });

  it('compiles the file when nothing was precompiled', () => {
    expect(templateFor('{{{a}}}', undefined)({ a: 'x' })).toBe('x');
  });

  it('keeps noEscape and strict either way', () => {
    for (const t of [templateFor('{{a}}', precompile('{{a}}')), templateFor('{{a}}', undefined)]) {
      expect(t({ a: '<&>' })).toBe('<&>');
      expect(() => t({})).toThrow(/"a" not defined/);
    }
  });
});

describe('dist/templates.cjs (written by npm run build)', () => {
  const list = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? list(join(dir, e.name)) : e.name.endsWith('.hbs') ? [join(dir, e.name)] : []));

  it('holds every template of templates/, built from its current text', () => {
    const { templates } = createRequire(import.meta.url)(join(ROOT, 'dist/templates.cjs')) as { templates: Record<string, Precompiled> };
    const files = list(TEMPLATES_DIR).map((f) => relative(TEMPLATES_DIR, f).split('\\').join('/'));
    expect(Object.keys(templates).sort()).toEqual(files.sort());
    for (const f of files) expect(templates[f]!.source, f).toBe(readFileSync(join(TEMPLATES_DIR, f), 'utf8'));
  });
});
