/**
 * Handlebars setup: an isolated instance, `noEscape` (the output is TypeScript, JSON and
 * Markdown, escaped by src/escape/, never HTML) and `strict` (a missing field is
 * an error, not an empty string).
 *
 * Templates are files under templates/ named by their relative path (`src/api.ts.hbs`);
 * every `.hbs` file in a `partials/` folder is also a partial named by its file name
 * (`templates/src/partials/operation.hbs` → `{{> operation}}`).
 *
 * A template set may take a user's folder (config `templates`, `--templates DIR`): a file
 * there overrides the built-in template or partial of the same relative path, and partials
 * it adds are registered too; everything else falls back to the built-ins. A template that
 * fails (Handlebars parse or runtime error) is an `E_TEMPLATE` error naming its file and line.
 *
 * The build precompiles every built-in template into dist/templates.cjs (src/emit/precompile.ts),
 * so a run without user templates loads only Handlebars' small runtime and compiles nothing. A
 * template whose file no longer matches what was precompiled (edited since the last build) is
 * compiled from the file instead, with the full Handlebars, loaded only then: templates/ is
 * always the truth.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type HandlebarsModule from 'handlebars';
import { displayPath, EXIT_USAGE, OagenError } from '../diagnostics.js';
import { fastRuntime, type FastRuntime, type FastTemplate, type PartialFn } from './fast.js';
import { flat } from '../util/flat.js';

type Handlebars = typeof HandlebarsModule;
type Template = HandlebarsModule.TemplateDelegate;

export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

/** The options every template is compiled with, at build time or at run time. */
export const COMPILE_OPTIONS = { noEscape: true, strict: true } as const;

/**
 * The built-ins' options at build time: also `knownHelpersOnly` (they use only Handlebars' own
 * helpers and `json`), so that a `{{{field}}}` compiles to a plain lookup and `{{#if}}` / `{{#each}}`
 * to direct calls, not a helper look-up first. A user's templates keep the options above.
 */
export const PRECOMPILE_OPTIONS = { ...COMPILE_OPTIONS, knownHelpers: { json: true }, knownHelpersOnly: true } as const;

/** What the build wrote for one template: its source text and the precompiled template. */
export interface Precompiled {
  source: string;
  spec: object;
  /** the template as a plain function, when it stays within src/emit/compile.ts's subset */
  fast?: FastTemplate;
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

// the single-file builds load in a third of the time of the package's main entry
const handlebarsRuntime = () => require('handlebars/dist/handlebars.runtime.min.js') as Handlebars;
const handlebarsFull = () => require('handlebars/dist/handlebars.min.js') as Handlebars;

/** The `.hbs` files under a folder, as relative paths with `/`, sorted. */
export function templateFiles(dir: string, under = ''): string[] {
  const out: string[] = [];
  for (const e of readdirSync(join(dir, under), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const rel = under ? `${under}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...templateFiles(dir, rel));
    else if (e.name.endsWith('.hbs')) out.push(rel);
  }
  return out;
}

/** A partial's name: its file name without `.hbs`, for files in a `partials/` folder. */
function partialName(rel: string): string | undefined {
  const m = /(?:^|\/)partials\/([^/]+)\.hbs$/.exec(rel);
  return m?.[1];
}

/** Renders templates by relative path (`src/api.ts.hbs`), with the user's overrides when it has any. */
export interface TemplateSet {
  /** the user's template folder (absolute), when this set has one */
  readonly dir: string | undefined;
  render(template: string, view: object): string;
}

class Templates implements TemplateSet {
  private handlebars: Handlebars | undefined;
  /** templates run on Handlebars (a user's, or a built-in outside the compiled subset), by relative path */
  private readonly compiled = new Map<string, Template>();
  /** built-ins compiled to plain functions (src/emit/compile.ts), by relative path */
  private readonly fast = new Map<string, FastTemplate>();
  /** every partial, by name, as compiled templates call them */
  private readonly partials = new Map<string, PartialFn>();
  private readonly rt: FastRuntime = fastRuntime((name) => this.partials.get(name));
  /** the user's files by relative path */
  private readonly user: ReadonlyMap<string, string>;
  /** every template's source (the user's where it has one), by relative path */
  private readonly sources = new Map<string, { source: string; shown: string; built?: Precompiled }>();

  constructor(readonly dir: string | undefined) {
    this.user = dir ? userFiles(dir) : new Map();
    for (const rel of builtinFiles()) this.sources.set(rel, { source: readFileSync(TEMPLATES_DIR + rel, 'utf8'), shown: `templates/${rel}`, built: precompiled[rel] });
    for (const [rel, file] of this.user) {
      const shown = displayPath(file);
      try {
        this.sources.set(rel, { source: readFileSync(file, 'utf8'), shown });
      } catch (e) {
        throw templateError(e, shown);
      }
    }
    for (const [rel, { source, shown, built }] of this.sources) {
      if (built?.fast && built.source === source) this.fast.set(rel, guardedFast(built.fast, shown));
    }
    for (const rel of this.sources.keys()) {
      const name = partialName(rel);
      if (!name) continue;
      const fast = this.fast.get(rel);
      if (fast) {
        this.partials.set(name, (context, root) => fast(context, this.rt, root));
      } else {
        const t = this.template(rel); // a user's partial is parsed now: a syntax error names its file at once
        this.partials.set(name, (context, root, index, items) => t(context, { data: loopData(root, index, items) }));
      }
    }
  }

  render(template: string, view: object): string {
    const fast = this.fast.get(template);
    // flat: a rendered page is kept until the write (src/util/flat.ts)
    return flat(fast ? fast(view, this.rt, view) : this.template(template)(view));
  }

  /** Handlebars, loaded only for templates that are not compiled built-ins. */
  private hbs(): Handlebars {
    if (this.handlebars) return this.handlebars;
    // Only a source that differs from what the build precompiled (a user's, or a built-in edited
    // since the build) needs the compiler; otherwise the runtime alone serves.
    const compile = [...this.sources.values()].some((x) => x.built?.source !== x.source);
    const hbs = withHelpers((compile ? handlebarsFull() : handlebarsRuntime()).create());
    // a compiled partial called from a Handlebars template: the same function, @root passed on
    // (the others are registered as they are compiled, below)
    for (const [rel, fast] of this.fast) {
      const name = partialName(rel);
      if (name) hbs.registerPartial(name, (context: unknown, options?: { data?: { root?: unknown } }) => fast(context, this.rt, options?.data?.root ?? context));
    }
    return (this.handlebars = hbs);
  }

  private template(rel: string): Template {
    let t = this.compiled.get(rel);
    if (!t) {
      t = this.load(rel);
      this.compiled.set(rel, t);
      const name = partialName(rel);
      if (name && this.handlebars) this.handlebars.registerPartial(name, t);
    }
    return t;
  }

  private load(rel: string): Template {
    const entry = this.sources.get(rel);
    if (!entry) throw templateError(new Error('no such template'), `templates/${rel}`);
    const { source, shown, built } = entry;
    const hbs = this.hbs();
    if (built?.source === source) return guarded(hbs.template(built.spec as Parameters<Handlebars['template']>[0]), shown);
    try {
      hbs.parse(source); // compile() is lazy: parse now, so a syntax error names its file at once
    } catch (e) {
      throw templateError(e, shown);
    }
    return guarded(hbs.compile(source, COMPILE_OPTIONS), shown);
  }
}

/** Handlebars' data for a partial called in an `#each` of a compiled template. */
function loopData(root: unknown, index: number | undefined, items: readonly unknown[] | undefined): object {
  return index === undefined ? { root } : { root, index, key: index, first: index === 0, last: index === items!.length - 1 };
}

/** A compiled template, its errors turned into `E_TEMPLATE` naming the file and line (as `guarded`). */
function guardedFast(t: FastTemplate, shown: string): FastTemplate {
  return (context, rt, root) => {
    try {
      return t(context, rt, root);
    } catch (e) {
      throw templateError(e, shown);
    }
  };
}

/** The precompiled template when it was built from this very source, else the source compiled now (no partials). */
export function templateFor(source: string, built: Precompiled | undefined): Template {
  return built?.source === source
    ? withHelpers(handlebarsRuntime().create()).template(built.spec as Parameters<Handlebars['template']>[0])
    : withHelpers(handlebarsFull().create()).compile(source, COMPILE_OPTIONS);
}

/** The template, its errors turned into `E_TEMPLATE` naming the file and line (the innermost template's). */
function guarded(t: Template, shown: string): Template {
  return (context, options) => {
    try {
      return t(context, options);
    } catch (e) {
      throw templateError(e, shown);
    }
  };
}

export function templateError(e: unknown, file: string): OagenError {
  if (e instanceof OagenError) return e;
  const err = e as Error & { lineNumber?: number; column?: number };
  const message = String(err?.message ?? e);
  const line = err?.lineNumber ?? Number(/\bline (\d+)/.exec(message)?.[1] ?? /- (\d+):\d+$/.exec(message)?.[1] ?? NaN);
  const first = message.split('\n')[0].replace(/ - \d+:\d+$/, '').replace(/ in \[object Object\]$/, '');
  // a parse error's own lines: the source excerpt and what was expected
  const rest = message.split('\n').slice(1).join(' ').trim();
  return new OagenError(
    {
      code: 'E_TEMPLATE',
      severity: 'error',
      // the file and line are the diagnostic's own (printed `file:line error E_TEMPLATE: …`)
      message: `template error: ${first}${rest ? ` (${rest})` : ''}`,
      file,
      ...(Number.isFinite(line) ? { line } : {}),
    },
    EXIT_USAGE,
  );
}

let builtins: string[] | undefined;
function builtinFiles(): string[] {
  return (builtins ??= templateFiles(TEMPLATES_DIR));
}

/** The user's `.hbs` files by relative path; E_CONFIG when the folder is not there. */
function userFiles(dir: string): Map<string, string> {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new OagenError({ code: 'E_CONFIG', severity: 'error', message: `templates: ${displayPath(dir)} is not a folder` }, EXIT_USAGE);
  }
  return new Map(templateFiles(dir).map((rel) => [rel, join(dir, rel)]));
}

let builtinSet: Templates | undefined;

/**
 * The template set for a user's folder (or the built-ins alone). A user's set is made afresh
 * for each call (its files are read again: they may have changed between runs of a watch);
 * the built-in set is made once.
 */
export function templateSet(userDir?: string): TemplateSet {
  if (!userDir) return (builtinSet ??= new Templates(undefined));
  return new Templates(resolve(userDir));
}

/** Renders a built-in template (no user overrides): for outputs that take no template set. */
export function render(template: string, view: object): string {
  return templateSet().render(template, view);
}

/** The user's template files (relative path → absolute path), for the up-to-date stamp. */
export function userTemplateFiles(dir: string): [string, string][] {
  return [...userFiles(resolve(dir))].sort(([a], [b]) => (a < b ? -1 : 1));
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
