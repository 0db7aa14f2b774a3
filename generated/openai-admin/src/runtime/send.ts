/** The attempt loop: per-attempt timeouts, retries with backoff, and the caller's AbortSignal. */
import { build } from './build.js';
import type { Client } from './client.js';
import { apiError, ConnectionError, TimeoutError } from './errors.js';
import type { RequestOptions } from './request.js';
import { isRefused, isRetryableStatus, retryDelay, sleep } from './retry.js';
import type { OperationSpec } from './types.js';
import { validate, validateRequest } from './validate.js';

/** @internal Options of `send` that operation functions do not expose. */
export interface SendOptions extends RequestOptions {
  /** Absolute URL to request instead of the operation's path and query (next-page URLs). */
  url?: string | undefined;
}

/** @internal A 2xx response; `data` is its decoded body when a decoder read it. */
export interface Sent {
  readonly response: Response;
  data?: unknown;
  /** aborts this attempt: its body, its stream */
  readonly controller: AbortController;
  /** `METHOD /path`, for messages */
  readonly where: string;
  /** Maps an error met while reading the body to the one the caller should see. */
  fail(error: unknown): unknown;
  /** Clears the attempt's timer and, unless `keepSignal`, unlinks the caller's signal (idempotent). */
  release(keepSignal?: boolean): void;
}

/**
 * @internal Reads a 2xx response within its attempt (so a body cut off or timed out is retried
 * like a failed request) and releases it; returns undefined to leave the body to the caller.
 */
export type Decode = (sent: Sent) => Promise<unknown> | undefined;

/**
 * @internal Sends a call and resolves with the first 2xx response, decoded by `decode`.
 * Failed attempts are retried (when the call is retryable) on connection errors, timeouts
 * (including while reading the body) and retryable statuses; the last failure is thrown:
 * `ApiError` for a status, `ConnectionError`, `TimeoutError`, or the caller's abort reason
 * (as `fetch` does).
 */
export async function send(
  client: Client,
  op: OperationSpec,
  params: object | undefined,
  options: SendOptions = {},
  decode?: Decode,
): Promise<Sent> {
  const { signal } = options;
  signal?.throwIfAborted();
  await validateRequest(client, op, params, options.validate?.request ?? client.validate?.request);
  const { url, where, init, retryable } = await build(client, op, params, options);
  const maxRetries = options.maxRetries ?? client.maxRetries ?? 2;
  const timeout = options.timeout ?? client.timeout ?? 600_000;

  for (let retry = 0; ; retry++) {
    signal?.throwIfAborted();
    // Each attempt has its own controller, aborted by the caller's signal or by the timer.
    const controller = new AbortController();
    const onAbort = () => controller.abort(signal!.reason);
    signal?.addEventListener('abort', onAbort);
    let timedOut = false;
    // setTimeout fires at once for delays of 2^31 ms or more: treat those (and 0, Infinity) as no timeout.
    const timer =
      timeout > 0 && timeout < 2 ** 31
        ? setTimeout(() => {
            timedOut = true;
            controller.abort();
          }, timeout)
        : undefined;
    const release = (keepSignal?: boolean) => {
      clearTimeout(timer);
      if (!keepSignal) signal?.removeEventListener('abort', onAbort);
    };
    const fail = (error: unknown, connecting?: boolean) =>
      signal?.aborted
        ? signal.reason
        : timedOut
          ? new TimeoutError(`${where} timed out after ${timeout} ms`)
          : connecting || error instanceof TypeError // fetch and body reads fail with TypeError
            ? new ConnectionError(`${where}: connection error`, { cause: error })
            : error;

    let response: Response | undefined;
    let error: unknown;
    let status = 0; // of an error response
    try {
      let request: Request;
      try {
        request = new Request(url, { ...init, signal: controller.signal });
      } catch (e) {
        // The platform's message may quote the URL, whose query may hold an API key.
        throw new TypeError(`${where}: invalid request: ${String((e as Error)?.message).split(url).join('<url>')}`);
      }
      request = (await client.onRequest?.(request)) || request;
      signal?.throwIfAborted();
      try {
        // fetchOptions go to fetch itself: a Request does not carry what only fetch reads (`dispatcher`)
        const { fetchOptions } = options;
        response = await (options.fetch ?? client.fetch ?? fetch)(request, fetchOptions && { ...fetchOptions, signal: request.signal });
      } catch (e) {
        error = fail(e, true);
      }
      if (response) {
        await client.onResponse?.(response, request);
        if (response.ok) {
          const sent: Sent = { response, controller, where, fail, release };
          const reading = decode?.(sent);
          if (!reading) return sent;
          try {
            sent.data = await reading;
            if (op.response != 'sse') sent.data = await validate(client, op, options.validate?.response ?? client.validate?.response, 'response', sent.data, response.status);
            return sent;
          } catch (e) {
            error = fail(e);
            // only a broken or timed-out body is worth another attempt (not invalid JSON, not an abort)
            if (!(error instanceof ConnectionError)) throw error;
          }
        } else {
          // An error body: JSON when it parses, else the text; undefined when empty or cut off.
          const text = await response.text().catch(() => '');
          let body: unknown = text || undefined;
          try {
            body = JSON.parse(text);
          } catch {}
          status = response.status;
          error = apiError(status, response.headers, body, where);
        }
      }
    } catch (e) {
      // a hook threw, the caller aborted, or the body could not be decoded: stop here
      release();
      controller.abort();
      throw e;
    }
    release();
    if (signal?.aborted) throw signal.reason;
    // `x-should-retry: true|false` (sent by some APIs, e.g. OpenAI's) overrides the status rule.
    // Any call is retried when the server did not process it (429, 503, a refused connection);
    // idempotent and opted-in calls on any retryable failure.
    const hint = status && response!.headers.get('x-should-retry');
    const again =
      hint == 'true' ||
      (hint != 'false' && (status ? (retryable ? isRetryableStatus(status) : status == 429 || status == 503) : retryable || isRefused(error)));
    if (retry >= maxRetries || retryable === false || !again) throw error;
    await sleep(retryDelay(retry, client.backoff?.initialDelay ?? 500, client.backoff?.maxDelay ?? 8_000, status ? response!.headers : undefined), signal);
  }
}
