//#if validatedTypes
/**
 * Results typed by the validators (packages generated with the `zod` plugin's `dates: "Date"`):
 * the generated `createClient` keeps the types of its `validate` and `validators` options, and
 * an operation's result is the output type of its response validator when the client throws on
 * invalid responses (`validate: { response: "throw" }`: every result it resolves to went through
 * the validator), the type the spec declares when it does not validate responses, and either in
 * `"warn"` mode; a call's own `validate` option (written in the call, so its type is known)
 * overrides the client's, as it does at run time.
 */
import type { Client } from './client.js';

/** The client `createClient(config)` returns: a `Client` that remembers its `validate` and `validators` options' types. */
export type ClientOf<C> = Client & { readonly [K in Extract<keyof C, 'validate' | 'validators'>]: C[K] };

/** The response validation mode of a call: its own `validate.response` option, else the client's. */
export type ResponseMode<C, O> = O extends { readonly validate: { readonly response: infer M } }
  ? M
  : C extends { readonly validate: { readonly response: infer M } }
    ? M
    : undefined;

/**
 * The result type of operation `Op` (`"GET /users/{id}"`) answered with one of `Status`, called
 * on client `C` with options `O`: the output of `C`'s validator for it when the call validates
 * responses in `"throw"` mode (its `validate` option, else the client's), `Declared` when it does
 * not validate them, and either in `"warn"` mode (a valid response is the validator's output, an
 * invalid one the value as received) or when the mode is not known.
 */
export type Validated<C, O, Op extends string, Status extends string, Declared> = ByMode<ResponseMode<C, O>, ResponseOutput<C, Op, Status, Declared>, Declared>;

/**
 * The item type of paginated operation `Op`'s pages (`PagePromise`'s second type), by the same
 * rule: the elements of the array at `Path` (the spec's `items` path, dotted; `''` for the page
 * itself) in its validator's output (every page is validated, as the first one), or `Declared`.
 */
export type ValidatedItem<C, O, Op extends string, Status extends string, Path extends string, Declared> = ByMode<
  ResponseMode<C, O>,
  ItemOf<ResponseOutput<C, Op, Status, never>, Path, Declared>,
  Declared
>;

/** `Out` in `"throw"` mode, `Declared` without validation, else either. */
type ByMode<M, Out, Declared> = [M] extends ['throw'] ? Out : [M] extends [false | undefined] ? Declared : Out | Declared;

/** The output type of `C`'s validator of `Op`'s responses with one of `Status`, else `Otherwise`. */
type ResponseOutput<C, Op extends string, Status extends string, Otherwise> = C extends {
  readonly validators: { readonly [K in Op]: { readonly responses: infer R } };
}
  ? OutputOf<R[Extract<Status, keyof R>], Otherwise>
  : Otherwise;

/** The element type of the array at dotted `Path` in `Page` (the runtime's `pageItems`), else `Otherwise`. */
export type ItemOf<Page, Path extends string, Otherwise> = [Page] extends [never]
  ? Otherwise
  : NonNullable<At<Page, Path>> extends readonly (infer I)[]
    ? I
    : Otherwise;

/** The type at dotted `Path` in `T`: a property named with a dot is found by its whole name first. */
type At<T, Path extends string> = Path extends ''
  ? T
  : Path extends keyof NonNullable<T>
    ? NonNullable<T>[Path]
    : Path extends `${infer Head}.${infer Rest}`
      ? Head extends keyof NonNullable<T>
        ? At<NonNullable<T>[Head], Rest>
        : never
      : never;

/** A Standard Schema's output type (`~standard.types.output`), else `Otherwise`. */
export type OutputOf<S, Otherwise> = [S] extends [never]
  ? Otherwise
  : S extends { readonly '~standard': { readonly types?: infer X } }
    ? NonNullable<X> extends { readonly output: infer O }
      ? O
      : Otherwise
    : Otherwise;
//#endif
