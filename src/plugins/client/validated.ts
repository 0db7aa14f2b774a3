/**
 * Results typed by the validators (runtime feature `validatedTypes`, which the `zod` plugin asks
 * for with `dates: "Date"`): `createClient` keeps the type of its `validate` and `validators`
 * options, and each operation whose result is a JSON body takes the client's type and the call's
 * options as generics `C` and `O`, resolving to `Validated<C, O, "METHOD /path", statuses, Declared>`
 * (a paginated one to `PagePromise<Validated<…>, ValidatedItem<…, itemsPath, DeclaredItem>>`)
 * (templates/runtime/validated.ts): the validator's output type (`Date`s) when the client throws
 * on invalid responses, else the declared type. Packages without the feature are unchanged.
 */
import { stringLiteral } from '../../escape/index.js';
import type { OperationView } from '../../view/operations.js';
import { isJson } from '../../view/responses.js';

export const VALIDATED_TYPES = 'validatedTypes';

/** What the operation's signature says differently when its result is typed by the validators. */
export interface ValidatedSignature {
  /** after the function's name */
  generic: string;
  /** the type of its `client` parameter */
  clientType: string;
  /** the type of its `options` parameter */
  optionsType: string;
  /** its return type */
  returns: string;
}

const PLAIN: ValidatedSignature = { generic: '', clientType: 'Client', optionsType: 'RequestOptions', returns: '' };

/**
 * The signature of `v`'s function: typed by the validators when `typed` and its result is a JSON
 * body the validators check. `returns` is the declared return type, used as it is otherwise.
 */
export function validatedSignature(v: OperationView, typed: boolean, returns: string): ValidatedSignature {
  if (!typed || !usesValidated(v)) return { ...PLAIN, returns };
  const statuses = v.responses.ok.filter((r) => r.contents.some((c) => isJson(c.mediaType))).map((r) => stringLiteral(r.status));
  const args = `C, O, ${stringLiteral(v.op.key)}, ${statuses.join(' | ')}`;
  const page = `Validated<${args}, ${v.successType}>`;
  return {
    generic: '<C extends Client = Client, const O extends RequestOptions = {}>',
    clientType: 'C',
    optionsType: 'O',
    // every page goes through the response validator, as the first one (templates/runtime/pagination.ts)
    returns: v.pagination
      ? `PagePromise<${page}, ValidatedItem<${args}, ${stringLiteral(v.pagination.info.items)}, ${v.pagination.itemType}>>`
      : `ApiPromise<${page}>`,
  };
}

/**
 * Whether the operation's result is typed by the validators (in a package with the feature): a
 * JSON body (paginated or not). Streams are not: the runtime does not validate events
 * (templates/runtime/send.ts), so their declared types are what they hold.
 */
export function usesValidated(v: OperationView): boolean {
  return v.success.kind === 'json' && v.responses.ok.some((r) => r.contents.some((c) => isJson(c.mediaType)));
}
