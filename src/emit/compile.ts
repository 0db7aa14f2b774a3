/**
 * Build step: a built-in Handlebars template → one plain JavaScript function that appends
 * strings, for the subset of Handlebars the built-ins use. Rendering a package calls templates
 * and partials tens of thousands of times; Handlebars' runtime sets up helpers, depth arrays
 * and option objects on each call, this code does none of that. Where a template leaves the
 * subset, `compileTemplate` returns undefined and that template keeps running on Handlebars'
 * runtime (precompiled as before), so the subset is an optimisation, never a dialect.
 *
 * The subset, with Handlebars' own semantics (`strict: true`, `noEscape: true`, as
 * src/emit/templates.ts compiles every template):
 * - text, comments, `{{x}}` / `{{{x}}}` (the same: nothing is HTML-escaped), paths `a.b`,
 *   `this`, `../a` (within the template), `@root.a`, `@index` / `@first` / `@last` of the
 *   nearest `#each`; a missing last segment of a printed path is an error naming the line;
 * - `{{{json x}}}` (the one helper);
 * - `#if`, `#unless`, `#each` (arrays, iterables, objects' values), `#with`, with `{{else}}`
 *   and `{{else if …}}` chains;
 * - partials `{{> name}}` and `{{> name context}}`, standalone ones indented as Handlebars does.
 * Whitespace control (`~`, standalone lines) is Handlebars' parser's: this code only reads
 * the AST it leaves.
 *
 * The function's shape is `(context, rt, root) => string`; `rt` is the small runtime in
 * src/emit/fast.ts (lookups, the strict check, partial calls).
 */
import type {} from 'handlebars'; // the hbs.AST types

type Program = hbs.AST.Program;
type Statement = hbs.AST.Statement;
type Expression = hbs.AST.Expression;
type PathExpression = hbs.AST.PathExpression;

/** A template construct outside the subset: the template runs on Handlebars' runtime instead. */
class Unsupported extends Error {}

/** One context level: the variable holding it and, inside `#each`, its index and items. */
interface Scope {
  readonly ctx: string;
  readonly index?: string;
  readonly items?: string;
}

/** The JavaScript function for a parsed template (`Handlebars.parse`), or undefined outside the subset. */
export function compileTemplate(ast: Program): string | undefined {
  try {
    const body = new Generator().program(ast, [{ ctx: 'c0' }], '  ');
    return `function (c0, rt, root) {\n  let o = '', v;\n${body}  return o;\n}`;
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
}

class Generator {
  private vars = 0;

  program(p: Program | undefined, scopes: readonly Scope[], pad: string): string {
    if (!p) return '';
    if (p.blockParams?.length) throw new Unsupported('block params');
    let out = '';
    for (const s of p.body) out += this.statement(s, scopes, pad);
    return out;
  }

  private statement(s: Statement, scopes: readonly Scope[], pad: string): string {
    switch (s.type) {
      case 'ContentStatement': {
        const value = (s as hbs.AST.ContentStatement).value;
        return value === '' ? '' : `${pad}o += ${JSON.stringify(value)};\n`;
      }
      case 'CommentStatement':
        return '';
      case 'MustacheStatement':
        return this.mustache(s as hbs.AST.MustacheStatement, scopes, pad);
      case 'BlockStatement':
        return this.block(s as hbs.AST.BlockStatement, scopes, pad);
      case 'PartialStatement':
        return this.partial(s as hbs.AST.PartialStatement, scopes, pad);
      default:
        throw new Unsupported(s.type);
    }
  }

  private mustache(m: hbs.AST.MustacheStatement, scopes: readonly Scope[], pad: string): string {
    if (m.hash?.pairs.length || m.path.type !== 'PathExpression') throw new Unsupported('mustache');
    const path = m.path as PathExpression;
    if (m.params.length > 0) {
      if (path.original !== 'json' || m.params.length !== 1) throw new Unsupported(`helper ${path.original}`);
      return `${pad}o += rt.json(${this.value(m.params[0], scopes)});\n`;
    }
    return `${pad}o += (v = ${this.path(path, scopes, true)}) != null ? v : '';\n`;
  }

  private block(b: hbs.AST.BlockStatement, scopes: readonly Scope[], pad: string): string {
    if (b.path.type !== 'PathExpression' || b.params.length !== 1 || b.hash?.pairs.length) throw new Unsupported('block');
    const helper = (b.path as PathExpression).original;
    const value = this.value(b.params[0], scopes);
    const inner = pad + '  ';
    const n = ++this.vars;
    switch (helper) {
      case 'if':
      case 'unless': {
        const test = helper === 'if' ? `rt.truthy(${value})` : `!rt.truthy(${value})`;
        const then = this.program(b.program, scopes, inner);
        const otherwise = this.program(b.inverse, scopes, inner);
        return `${pad}if (${test}) {\n${then}${pad}}${otherwise ? ` else {\n${otherwise}${pad}}` : ''}\n`;
      }
      case 'each': {
        const items = `n${n}`;
        const index = `i${n}`;
        const ctx = `c${n}`;
        const body = this.program(b.program, [...scopes, { ctx, index, items }], inner + '  ');
        const otherwise = this.program(b.inverse, scopes, inner);
        return (
          `${pad}{\n${inner}const ${items} = rt.items(${value});\n` +
          `${inner}for (let ${index} = 0; ${index} < ${items}.length; ${index}++) {\n${inner}  const ${ctx} = ${items}[${index}];\n${body}${inner}}\n` +
          (otherwise ? `${inner}if (${items}.length === 0) {\n${otherwise}${inner}}\n` : '') +
          `${pad}}\n`
        );
      }
      case 'with': {
        const ctx = `c${n}`;
        const body = this.program(b.program, [...scopes, { ctx }], inner + '  ');
        const otherwise = this.program(b.inverse, scopes, inner);
        return `${pad}{\n${inner}const ${ctx} = ${value};\n${inner}if (!rt.empty(${ctx})) {\n${body}${inner}}${otherwise ? ` else {\n${otherwise}${inner}}` : ''}\n${pad}}\n`;
      }
      default:
        throw new Unsupported(`helper ${helper}`);
    }
  }

  private partial(p: hbs.AST.PartialStatement, scopes: readonly Scope[], pad: string): string {
    if (p.name.type !== 'PathExpression' || p.params.length > 1 || p.hash?.pairs.length) throw new Unsupported('partial');
    const name = (p.name as PathExpression).original;
    const ctx = p.params.length === 1 ? this.value(p.params[0], scopes) : scopes[scopes.length - 1].ctx;
    const loop = nearestLoop(scopes);
    const args = [JSON.stringify(name), ctx, 'root', JSON.stringify((p as { indent?: string }).indent ?? '')];
    // the nearest #each's index and items: a Handlebars partial sees them as @index, @first, @last
    if (loop) args.push(loop.index!, loop.items!);
    return `${pad}o += rt.partial(${args.join(', ')});\n`;
  }

  /** A parameter's value: a path looked up without the strict check (as Handlebars does for helper and partial arguments). */
  private value(e: Expression, scopes: readonly Scope[]): string {
    if (e.type !== 'PathExpression') throw new Unsupported(e.type);
    return this.path(e as PathExpression, scopes);
  }

  /** A path as a JavaScript expression; `strict` (a printed value): its last segment must exist. */
  private path(p: PathExpression, scopes: readonly Scope[], strict = false): string {
    let base: string;
    let parts = p.parts;
    if (p.data) {
      const head = parts[0];
      const loop = nearestLoop(scopes);
      if (head === 'root') {
        base = 'root';
        parts = parts.slice(1);
      } else if (loop && parts.length === 1 && head === 'index') return loop.index!;
      else if (loop && parts.length === 1 && head === 'first') return `(${loop.index} === 0)`;
      else if (loop && parts.length === 1 && head === 'last') return `(${loop.index} === ${loop.items}.length - 1)`;
      else throw new Unsupported(`@${head}`);
    } else {
      const scope = scopes[scopes.length - 1 - p.depth];
      if (!scope) throw new Unsupported('../ beyond the template');
      base = scope.ctx;
    }
    let expr = base;
    const lookups = strict ? parts.length - 1 : parts.length;
    for (let i = 0; i < lookups; i++) expr = `rt.lookup(${expr}, ${JSON.stringify(parts[i])})`;
    if (strict && parts.length > 0) {
      const { line, column } = p.loc.start; // Handlebars reports the path's place
      expr = `rt.strict(${expr}, ${JSON.stringify(parts[parts.length - 1])}, ${line}, ${column})`;
    }
    return expr;
  }
}

/** The innermost `#each` scope (its index and items are `@index`, `@first`, `@last`), if any. */
function nearestLoop(scopes: readonly Scope[]): Scope | undefined {
  for (let i = scopes.length - 1; i >= 0; i--) if (scopes[i].index) return scopes[i];
  return undefined;
}
