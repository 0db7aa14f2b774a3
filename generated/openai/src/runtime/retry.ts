/** Retry policy: which failures are retried, and how long to wait before the next attempt. */

/** A `Retry-After` longer than this is ignored in favour of the computed backoff. */
export const MAX_RETRY_AFTER = 60_000;

/** 408 Request Timeout, 409 Conflict (lock contention), 429 Too Many Requests, and every 5xx. */
export const isRetryableStatus = (status: number): boolean =>
  status == 408 || status == 409 || status == 429 || status > 499;

/**
 * A connection refused before a byte was sent, so safe to retry whatever the method: an error
 * whose `cause` chain (or an `AggregateError`'s `errors`, from trying several addresses) holds
 * Node's `ECONNREFUSED`, Bun's `ConnectionRefused` or Deno's "Connection refused".
 */
export const isRefused = (e: any, depth = 9): boolean =>
  !!e &&
  depth > 0 &&
  (/ECONNREFUSED|ConnectionRefused|connection refused/i.test(e.code + e.message) ||
    isRefused(e.cause, depth - 1) ||
    !!e.errors?.some?.((x: unknown) => isRefused(x, depth - 1)));

/** Methods that RFC 9110 §9.2.2 defines as idempotent (of `HttpMethod`: all but POST and PATCH). */
export const isIdempotent = (method: string): boolean => method != 'POST' && method != 'PATCH';

/**
 * The server's requested wait in milliseconds, from `retry-after-ms` (milliseconds) or
 * `Retry-After` (delay-seconds or an HTTP-date, RFC 9110 §10.2.3); undefined when absent or unusable.
 */
export function parseRetryAfter(headers: Headers, now = Date.now()): number | undefined {
  const ms = parseFloat(headers.get('retry-after-ms') ?? '');
  if (ms >= 0) return ms;
  const value = headers.get('retry-after')?.trim() ?? '';
  // delay-seconds are digits; an HTTP-date has letters (a bare "-1" would parse as a date)
  const wait = /^\d+(\.\d+)?$/.test(value) ? +value * 1000 : /[a-z]/i.test(value) ? Date.parse(value) - now : NaN;
  return wait == wait ? Math.max(0, wait) : undefined; // NaN: unusable; a date in the past means "now"
}

/**
 * Delay before retry number `retry` (0 for the first retry): the server's `Retry-After` when
 * given and at most a minute, else `initial × 2^retry` capped at `max`, with ±25 % jitter.
 */
export function retryDelay(retry: number, initial: number, max: number, headers?: Headers): number {
  const asked = headers && parseRetryAfter(headers);
  return (asked ?? Infinity) <= MAX_RETRY_AFTER ? asked! : Math.min(initial * 2 ** retry, max) * (0.75 + Math.random() / 2);
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts (clearing the timer). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    signal?.throwIfAborted(); // rejects with the reason
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
