/**
 * Handlebars setup: an isolated instance, `noEscape` (the output is TypeScript, JSON and
 * Markdown, escaped by src/escape/, never HTML) and `strict` (a missing field is
 * an error, not an empty string).
 *
 * The build precompiles every template into dist/templates.cjs (src/emit/precompile.ts), so a
 * run loads only Handlebars' small runtime and compiles nothing. A template whose file no
 * longer matches what was precompiled (edited since the last build) is compiled from the
 * file instead, with the full Handlebars, loaded only then: templates/ is always the truth.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type HandlebarsModule from 'handlebars';

type Handlebars = typeof HandlebarsModule;

export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

/** The options every template is compiled with, at build time or at run time. */
export const COMPILE_OPTIONS = { noEscape: true, strict: true } as const;

/** What the build wrote for one template: its source text and the precompiled template. */
export interface Precompiled {
  source: string;
  spec: object;
}

const require = createRequire(import.meta.url);
const precompiled = loadPrecompiled();

function loadPrecompiled(): Record<string, Precompiled> {
  try {
    return (require('../templates.cjs') as { templates: Record<string, Precompiled> }).templates;
  } catch {
    return {}; // not built yet (tests run the sources): every template is compiled from its file
  }
}

function withHelpers(hbs: Handlebars): Handlebars {
  hbs.registerHelper('json', (value: unknown) => JSON.stringify(value ?? null));
  return hbs;
}

let runtime: Handlebars | undefined;
let full: Handlebars | undefined;
// the single-file builds load in a third of the time of the package's main entry
const handlebarsRuntime = () => (runtime ??= withHelpers((require('handlebars/dist/handlebars.runtime.min.js') as Handlebars).create()));
const handlebarsFull = () => (full ??= withHelpers((require('handlebars/dist/handlebars.min.js') as Handlebars).create()));

const compiled = new Map<string, HandlebarsModule.TemplateDelegate>();

export function render(template: string, view: object): string {
  let t = compiled.get(template);
  if (!t) {
    t = templateFor(readFileSync(TEMPLATES_DIR + template, 'utf8'), precompiled[template]);
    compiled.set(template, t);
  }
  return t(view);
}

/** The precompiled template when it was built from this very source, else the source compiled now. */
export function templateFor(source: string, built: Precompiled | undefined): HandlebarsModule.TemplateDelegate {
  return built?.source === source
    ? handlebarsRuntime().template(built.spec as Parameters<Handlebars['template']>[0])
    : handlebarsFull().compile(source, COMPILE_OPTIONS);
}

const runtimeFiles = new Map<string, { name: string; content: string }[]>();

/**
 * The runtime, copied verbatim into every package as `src/runtime/`, with the optional features
 * a plugin asked for (`Plugin.runtime`): lines between `//#if <feature>` and `//#endif` are kept
 * only when the feature is on, the marker lines never; a file left empty is not copied. So a
 * package that asks for no feature gets the runtime as it is without those blocks.
 */
export function runtimeSources(features: ReadonlySet<string> = new Set()): { name: string; content: string }[] {
  const key = [...features].sort().join(',');
  let files = runtimeFiles.get(key);
  if (!files) {
    const dir = TEMPLATES_DIR + 'runtime/';
    files = readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .sort()
      .map((name) => ({ name, content: withFeatures(readFileSync(dir + name, 'utf8'), features) }))
      .filter((f) => f.content !== '');
    runtimeFiles.set(key, files);
  }
  return files;
}

/** `//#if <feature>` … `//#endif` blocks (whole lines, not nested) kept for the features on, dropped otherwise. */
export function withFeatures(source: string, features: ReadonlySet<string>): string {
  if (!source.includes('//#if ')) return source;
  return source.replace(/^[ \t]*\/\/#if (\w+)\n([\s\S]*?)^[ \t]*\/\/#endif\n/gm, (_, feature: string, body: string) => (features.has(feature) ? body : ''));
}
