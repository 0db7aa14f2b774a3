/**
 * Results typed by the validators (runtime feature `validatedTypes`, which the `zod` plugin asks
 * for with `dates: "Date"`): `createClient` keeps the type of its `validate` and `validators`
 * options, and each operation whose result is a JSON body (not paginated) takes the client's type
 * and the call's options as generics `C` and `O`, resolving to
 * `Validated<C, O, "METHOD /path", statuses, Declared>`
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

/** The signature of `v`'s function: typed by the validators when `typed` and its result is a JSON body the validators check. */
export function validatedSignature(v: OperationView, typed: boolean, returns: string): ValidatedSignature {
  if (!typed || !usesValidated(v)) return { ...PLAIN, returns };
  const statuses = v.responses.ok.filter((r) => r.contents.some((c) => isJson(c.mediaType))).map((r) => stringLiteral(r.status));
  return {
    generic: '<C extends Client = Client, const O extends RequestOptions = {}>',
    clientType: 'C',
    optionsType: 'O',
    returns: `ApiPromise<Validated<C, O, ${stringLiteral(v.op.key)}, ${statuses.join(' | ')}, ${v.successType}>>`,
  };
}

/** Whether the operation's result is typed by the validators (in a package with the feature). */
export function usesValidated(v: OperationView): boolean {
  return !v.pagination && v.success.kind === 'json' && v.responses.ok.some((r) => r.contents.some((c) => isJson(c.mediaType)));
}
