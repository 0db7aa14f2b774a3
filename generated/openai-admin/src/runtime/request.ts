import type { Client } from './client.js';
import { OagenError } from './errors.js';
import { send, type Decode, type Sent } from './send.js';
import type { OperationSpec } from './types.js';
import type { ValidateOptions } from './validate.js';

/** Per-call options, the last argument of every operation function. */
export interface RequestOptions {
  /** Aborts the call at any stage, including while waiting between retries. */
  signal?: AbortSignal | undefined;
  /** Milliseconds allowed per attempt (overrides the client's). */
  timeout?: number | undefined;
  maxRetries?: number | undefined;
  /** Extra headers; they override every other header. */
  headers?: Record<string, string> | undefined;
  /** Extra query parameters the spec lacks, in the default style (`a=1&a=2`, an object's members as `k=v`). */
  query?: Record<string, unknown> | undefined;
  /** Extra fields the spec lacks, merged into an object body (JSON, form or multipart). */
  body?: Record<string, unknown> | undefined;
  /**
   * Passed through to `fetch` as its second argument, e.g. an undici `dispatcher` (a proxy),
   * `cache`, `keepalive`; its `signal` is replaced by the call's (timeout and `signal`).
   */
  fetchOptions?: (RequestInit & Record<string, unknown>) | undefined;
  /** Base URL of this call (instead of the operation's server or the client's base URL). */
  baseUrl?: string | undefined;
  /** Which of the operation's request media types to send (default: by the value, see `OperationSpec.body`). */
  contentType?: string | undefined;
  /**
   * `true` retries a non-idempotent call (POST, PATCH) on every retryable failure, not only on
   * those the server did not process; `false` never retries this call.
   */
  retry?: boolean | undefined;
  /** Sent in the client's `idempotencyHeader` (default `Idempotency-Key`); makes the call retryable. */
  idempotencyKey?: string | undefined;
  fetch?: typeof fetch | undefined;
  /** What to validate in this call (overrides the client's `validate`, per field). */
  validate?: ValidateOptions | undefined;
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

/** A JSON media type: `application/json`, `…+json` (`application/problem+json`), `text/json`. */
const isJson = (type: string) => /^[^;]*[/+]json\s*(;|$)/i.test(type);

/**
 * @internal Decodes a 2xx body by the operation's response kind and the response's
 * `Content-Type`, then releases the attempt. `blob` gets a Blob and `text` a string whatever
 * came back (a JSON string is unwrapped); `json` parses a JSON type, or any body without a
 * `Content-Type`, and rejects any other type with an error naming it; `void` ignores the body.
 */
export async function decode(sent: Sent, kind: OperationSpec['response']): Promise<unknown> {
  try {
    const { response, where } = sent;
    if (kind == 'blob') return await response.blob();
    const type = response.headers.get('content-type') ?? '';
    const text = await response.text();
    if (kind == 'void' || !text) return kind == 'text' ? text : undefined;
    let data: unknown = text;
    if (type ? isJson(type) : kind != 'text') {
      try {
        data = JSON.parse(text);
      } catch (e) {
        // a declared string keeps the text as it came
        if (kind != 'text') throw new OagenError(`${where}: the response is not valid JSON`, { cause: e });
      }
    } else if (kind != 'text') throw new OagenError(`${where}: expected a JSON response, got ${type}`);
    return kind == 'text' && typeof data != 'string' ? text : data;
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
