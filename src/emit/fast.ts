/**
 * The run-time half of src/emit/compile.ts: what a compiled built-in template calls. Each
 * function keeps Handlebars' meaning (4.7, `strict`, `noEscape`), so a built-in renders the
 * same through either path.
 */

/** A compiled template: its context, this runtime and the `@root` of the render. */
export type FastTemplate = (context: unknown, rt: FastRuntime, root: unknown) => string;

/**
 * A partial as a compiled template calls it: context, `@root`, and the index and items of the
 * `#each` it is called in (a Handlebars partial sees them as `@index`, `@first`, `@last`).
 */
export type PartialFn = (context: unknown, root: unknown, index?: number, items?: readonly unknown[]) => string;

export interface FastRuntime {
  lookup(o: unknown, key: string): unknown;
  strict(o: unknown, key: string, line: number, column: number): unknown;
  truthy(v: unknown): boolean;
  empty(v: unknown): boolean;
  items(v: unknown): readonly unknown[];
  json(v: unknown): string;
  partial(name: string, context: unknown, root: unknown, indent: string, index?: number, items?: readonly unknown[]): string;
}

const hasOwn = Object.prototype.hasOwnProperty;

/** An own property's value; a prototype's is hidden, as Handlebars' default prototype access rules hide it. */
function lookup(o: unknown, key: string): unknown {
  const v = (o as Record<string, unknown>)[key];
  return v == null || hasOwn.call(o, key) ? v : undefined;
}

/** Handlebars' strict check of a printed path's last segment, with its error text and location. */
function strict(o: unknown, key: string, line: number, column: number): unknown {
  if (typeof o === 'object' && o !== null && hasOwn.call(o, key)) return (o as Record<string, unknown>)[key]; // the usual case, in two lookups
  if (!o || !(key in (o as object))) {
    throw Object.assign(new Error(`"${key}" not defined in ${String(o)} - ${line}:${column}`), { lineNumber: line, column });
  }
  return lookup(o, key);
}

/** `#if`: false for falsy values (0 too) and empty arrays. */
function truthy(v: unknown): boolean {
  return !!v && !(Array.isArray(v) && v.length === 0);
}

/** `#with`'s emptiness: falsy but not 0, or an empty array. */
function empty(v: unknown): boolean {
  return (!v && v !== 0) || (Array.isArray(v) && v.length === 0);
}

/** What `#each` iterates: an array, any other iterable's values, or an object's values. */
function items(v: unknown): readonly unknown[] {
  if (Array.isArray(v)) return v;
  if (!v || typeof v !== 'object') return [];
  if (Symbol.iterator in v) return [...(v as Iterable<unknown>)];
  return Object.values(v);
}

function json(v: unknown): string {
  return JSON.stringify(v ?? null);
}

/** Handlebars' indentation of a standalone partial: every line but a trailing empty one. */
function indented(text: string, indent: string): string {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i] && i + 1 === lines.length) break;
    lines[i] = indent + lines[i];
  }
  return lines.join('\n');
}

/** The runtime of one template set: `partials` finds a partial by name. */
export function fastRuntime(partials: (name: string) => PartialFn | undefined): FastRuntime {
  return {
    lookup,
    strict,
    truthy,
    empty,
    items,
    json,
    partial(name, context, root, indent, index, list) {
      const p = partials(name);
      if (!p) throw new Error(`The partial ${name} could not be found`);
      const text = p(context, root, index, list);
      return indent ? indented(text, indent) : text;
    },
  };
}
