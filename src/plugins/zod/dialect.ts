/**
 * The two spellings of one Zod schema: classic Zod (`zod`: methods, `z.string().min(1).optional()`)
 * and Zod Mini (`zod/mini`: functions, `z.optional(z.string().check(z.minLength(1)))`). The
 * schema printer (schema.ts) decides *what* a schema is; this file only spells it.
 */

/** A refinement, as both dialects write it. */
export interface Check {
  /** classic: the method call appended to the schema (`.min(1)`) */
  readonly classic: string;
  /** mini: the check function passed to `.check(…)` (`z.minLength(1)`) */
  readonly mini: string;
}

export interface Dialect {
  readonly mini: boolean;
  /** the module the schemas import `z` from */
  readonly module: 'zod' | 'zod/mini';
  /** the schema type a recursive schema's `const` is annotated with */
  readonly typeName: string;
  optional(e: string): string;
  nullable(e: string): string;
  withDefault(e: string, value: string): string;
  checks(e: string, checks: readonly Check[]): string;
  /** a schema whose object shape gains or overrides properties */
  extend(e: string, shape: string): string;
  catchall(e: string, rest: string): string;
  /** a value of the input type piped into a transform (`dates: "Date"`) */
  transform(e: string, fn: string): string;
}

export const CLASSIC: Dialect = {
  mini: false,
  module: 'zod',
  typeName: 'z.ZodType',
  optional: (e) => `${e}.optional()`,
  nullable: (e) => `${e}.nullable()`,
  withDefault: (e, v) => `${e}.default(${v})`,
  checks: (e, cs) => e + cs.map((c) => c.classic).join(''),
  extend: (e, shape) => `${e}.extend(${shape})`,
  catchall: (e, rest) => `${e}.catchall(${rest})`,
  transform: (e, fn) => `${e}.transform(${fn})`,
};

export const MINI: Dialect = {
  mini: true,
  module: 'zod/mini',
  typeName: 'z.ZodMiniType',
  optional: (e) => `z.optional(${e})`,
  nullable: (e) => `z.nullable(${e})`,
  withDefault: (e, v) => `z._default(${e}, ${v})`,
  checks: (e, cs) => (cs.length === 0 ? e : `${e}.check(${cs.map((c) => c.mini).join(', ')})`),
  extend: (e, shape) => `z.extend(${e}, ${shape})`,
  catchall: (e, rest) => `z.catchall(${e}, ${rest})`,
  transform: (e, fn) => `z.pipe(${e}, z.transform(${fn}))`,
};

/** `.name(args)` in classic, `z.name(args)` in mini: most checks differ only so. */
export function check(classic: string, mini: string, args: string): Check {
  return { classic: `.${classic}(${args})`, mini: `z.${mini}(${args})` };
}
