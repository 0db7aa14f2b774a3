/**
 * Handlebars setup: an isolated instance, `noEscape` (the output is TypeScript, JSON and
 * Markdown, escaped by src/naming/escape.ts, never HTML) and `strict` (a missing field is
 * an error, not an empty string). Each template is compiled once per process.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';

export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

const hbs = Handlebars.create();
hbs.registerHelper('json', (value: unknown) => JSON.stringify(value ?? null));

const compiled = new Map<string, Handlebars.TemplateDelegate>();

export function render(template: string, view: object): string {
  let t = compiled.get(template);
  if (!t) {
    const source = readFileSync(TEMPLATES_DIR + template, 'utf8');
    t = hbs.compile(source, { noEscape: true, strict: true });
    compiled.set(template, t);
  }
  return t(view);
}

let runtimeFiles: { name: string; content: string }[] | undefined;

/** The runtime, copied verbatim into every package as `src/runtime/`. */
export function runtimeSources(): { name: string; content: string }[] {
  if (!runtimeFiles) {
    const dir = TEMPLATES_DIR + 'runtime/';
    runtimeFiles = readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .sort()
      .map((name) => ({ name, content: readFileSync(dir + name, 'utf8') }));
  }
  return runtimeFiles;
}
