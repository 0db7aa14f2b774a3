import type { Client } from './client.js';
import { OagenError } from './errors.js';
import { send, type Decode, type Sent } from './send.js';
import type { OperationSpec } from './types.js';

/** Per-call options, the last argument of every operation function. */
export interface RequestOptions {
  /** Aborts the call at any stage, including while waiting between retries. */
  signal?: AbortSignal | undefined;
  /** Milliseconds allowed per attempt (overrides the client's). */
  timeout?: number | undefined;
  maxRetries?: number | undefined;
  /** Extra headers; they override every other header. */
  headers?: Record<string, string> | undefined;
  /** `true` retries a non-idempotent call (POST, PATCH); `false` never retries this call. */
  retry?: boolean | undefined;
  /** Sent in the client's `idempotencyHeader` (default `Idempotency-Key`); makes the call retryable. */
  idempotencyKey?: string | undefined;
  fetch?: typeof fetch | undefined;
}

/**
 * The result of an operation call: a promise of the decoded 2xx body (`undefined` when empty)
 * that also gives access to the HTTP response. The request starts at once, and the body is
 * decoded as soon as it arrives (so an un-awaited call leaves nothing open), unless
 * `asResponse()` was called first. `then`, `catch` and `finally` return plain promises.
 */
export class ApiPromise<T> extends Promise<T> {
  static override get [Symbol.species]() {
    return Promise;
  }
  readonly #sent: Promise<Sent>;
  readonly #result: Promise<{ data: T; response: Response }>;
  #raw = false;
  override readonly [Symbol.toStringTag] = 'ApiPromise';

  /**
   * @internal `run` sends the call with a decoder that reads the body with `parse`, unless
   * `asResponse()` was called before the response arrived.
   */
  constructor(run: (decode: Decode) => Promise<Sent>, parse: (sent: Sent) => Promise<T>) {
    let resolve!: (data: Promise<T>) => void;
    super((r) => (resolve = r));
    this.#sent = run((s) => (this.#raw ? undefined : parse(s)));
    this.#result = this.#sent.then((s) => {
      if (this.#raw) throw new OagenError(`${s.where}: the body was taken by asResponse()`);
      return { data: s.data as T, response: s.response };
    });
    resolve(this.#result.then((r) => r.data));
    // A failure reaches whoever awaits; until then it is not an unhandled rejection.
    this.catch(() => {});
  }

  /** The decoded body with the response: status, and headers such as rate limits and request ids. */
  withResponse(): Promise<{ data: T; response: Response }> {
    return this.#result;
  }

  /**
   * The raw 2xx response with its body unread; call it right away (before the response
   * arrives). The timeout stops at the headers; the caller's signal still applies to the body.
   */
  asResponse(): Promise<Response> {
    this.#raw = true;
    return this.#sent.then((s) => {
      if (s.response.bodyUsed) throw new OagenError(`${s.where}: call asResponse() before the response arrives`);
      s.release(true);
      return s.response;
    });
  }
}

/** @internal Decodes a 2xx body by the operation's response kind, then releases the attempt. */
export async function decode(sent: Sent, kind: OperationSpec['response']): Promise<unknown> {
  try {
    if (kind == 'blob') return await sent.response.blob();
    const text = await sent.response.text();
    if (kind == 'text') return text;
    if (kind != 'void' && text) {
      try {
        return JSON.parse(text);
      } catch (e) {
        throw new OagenError(`${sent.where}: the response is not valid JSON`, { cause: e });
      }
    }
    return undefined;
  } finally {
    sent.release();
  }
}

/** Sends an operation and resolves with its decoded 2xx body. */
export function request<T>(
  client: Client,
  op: OperationSpec,
  params: object | undefined,
  options?: RequestOptions,
): ApiPromise<T> {
  return new ApiPromise(
    (read) => send(client, op, params, options, read),
    (sent) => decode(sent, op.response) as Promise<T>,
  );
}
