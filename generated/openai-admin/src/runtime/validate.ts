/**
 * Opt-in validation of requests and responses against a map of Standard Schema validators
 * (https://standardschema.dev): the package's `<pkg>/zod` exports one (`validators`), and any
 * library implementing the standard (Valibot, ArkType) can fill the same shape. Nothing here
 * imports a validation library. Only copied into packages generated with the `zod` plugin.
 */
import type { Client } from './client.js';
import { OagenError } from './errors.js';
import type { OperationSpec } from './types.js';

/**
 * What the runtime needs of a Standard Schema validator: `~standard.validate`, giving a
 * `StandardResult` or a promise of one (typed loosely: comparing every schema's own result
 * type with it would make the compiler infer each schema's output type, deep for big APIs).
 */
export interface StandardValidator {
  readonly '~standard': {
    readonly validate: (value: unknown) => unknown;
  };
}

/** A Standard Schema result: the (possibly transformed) value, or the issues. */
export type StandardResult = { readonly value: unknown; readonly issues?: undefined } | { readonly issues: readonly ValidationIssue[] };

/** A Standard Schema issue: a message and where in the value it is. */
export interface ValidationIssue {
  readonly message: string;
  readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }> | undefined;
}

/** The validators of one operation: its parameters (by key), its body, its responses by status (`200`, `4XX`, `default`). */
export interface OperationValidators {
  readonly params?: StandardValidator | undefined;
  readonly body?: StandardValidator | undefined;
  readonly responses?: Readonly<Record<string, StandardValidator | undefined>> | undefined;
}

/** Validators by operation, keyed `METHOD /path` as in the spec (`GET /organization/users`). */
export type Validators = { readonly [operation: string]: OperationValidators | undefined };

/** `"throw"`: a `ValidationError`; `"warn"`: `onValidationError` is called and the call goes on; `false`: no validation. */
export type ValidationMode = 'throw' | 'warn' | false;

/** What to validate: the request (parameters and body, before sending) and the 2xx response body. */
export interface ValidateOptions {
  request?: ValidationMode | undefined;
  response?: ValidationMode | undefined;
}

/** A value did not match its validator: `operation` (`GET /users`), `target`, the JSON `path`, what was `expected`, what was `received`. */
export class ValidationError extends OagenError {
  override name = 'ValidationError';
  declare readonly operation: string;
  declare readonly target: 'params' | 'body' | 'response';
  /** JSON path of the first issue in the validated value: `$`, `$.data[0].email` */
  declare readonly path: string;
  /** the validator's message for the first issue */
  declare readonly expected: string;
  /** the value found at `path` */
  declare readonly received: unknown;
  /** every issue the validator reported */
  declare readonly issues: readonly ValidationIssue[];

  constructor(operation: string, target: ValidationError['target'], value: unknown, issues: readonly ValidationIssue[]) {
    let path = '$';
    let received = value;
    for (const k of issues[0]?.path ?? []) {
      const key = typeof k == 'object' ? k.key : k;
      path += typeof key == 'number' ? `[${key}]` : /^[A-Za-z_$][\w$]*$/.test(String(key)) ? `.${String(key)}` : `[${JSON.stringify(String(key))}]`;
      received = (received as any)?.[key];
    }
    const expected = issues[0]?.message ?? 'invalid';
    let shown: string | undefined;
    try {
      shown = JSON.stringify(received);
    } catch {}
    super(`${operation}: ${target} ${path}: ${expected} (received ${shown && shown.length > 80 ? shown.slice(0, 80) + '…' : (shown ?? typeof received)})`);
    Object.assign(this, { operation, target, path, expected, received, issues });
  }
}

/**
 * @internal Validates `value` with the operation's validator for `target` when the call's or the
 * client's mode asks; returns the validator's output (a response's value as the caller gets it),
 * or `value` itself when nothing validated it or a warning was reported.
 */
export async function validate(client: Client, op: OperationSpec, mode: ValidationMode | undefined, target: ValidationError['target'], value: unknown, status?: number): Promise<unknown> {
  const where = `${op.method} ${op.path}`;
  const v = mode ? client.validators?.[where] : undefined;
  const r = v?.responses;
  const schema = target == 'response' ? r && (r[status!] ?? r[`${String(status)[0]}XX`] ?? r.default) : v?.[target];
  if (!schema) return value;
  const result = (await schema['~standard'].validate(value)) as StandardResult;
  if (!result.issues) return result.value;
  const error = new ValidationError(where, target, value, result.issues);
  if (mode == 'throw') throw error;
  client.onValidationError?.(error);
  return value;
}

/** @internal Validates a call's parameters and body (`params[body key]`) before it is sent. */
export async function validateRequest(client: Client, op: OperationSpec, params: any, mode: ValidationMode | undefined): Promise<void> {
  if (!mode) return;
  const body = params?.[(Array.isArray(op.body) ? op.body[0] : op.body)?.key ?? 'body'];
  await validate(client, op, mode, 'params', params ?? {});
  if (body !== undefined) await validate(client, op, mode, 'body', body);
}
