/**
 * `text/event-stream` responses as async iterables of parsed events. Parsing follows the
 * HTML Living Standard, "Server-sent events" §9.2.6 (interpreting an event stream).
 */
import type { Client } from './client.js';
import { apiError, ConnectionError, OagenError } from './errors.js';
import { ApiPromise, type RequestOptions } from './request.js';
import { send, type Sent } from './send.js';
import type { OperationSpec } from './types.js';

/** One dispatched event. `id` is the last event id seen so far, as the standard defines it. */
export interface ServerSentEvent {
  event: string;
  data: string;
  id: string;
  retry?: number;
}

/**
 * Reads the events of an event stream. Lines end with CRLF, LF or CR; `:` lines are comments;
 * an empty line dispatches the event if it has data. A stream that ends in the middle of an
 * event (the standard drops it silently) throws a `ConnectionError`: the response was cut off.
 */
export async function* readEvents(
  body: ReadableStream<Uint8Array>,
  signal?: AbortSignal,
): AsyncGenerator<ServerSentEvent, void, undefined> {
  const reader = body.getReader();
  // Stop at once on abort, even if the fetch implementation does not abort the body itself.
  const onAbort = () => reader.cancel().catch(() => {});
  signal?.addEventListener('abort', onAbort);
  const decoder = new TextDecoder(); // UTF-8; drops a leading BOM
  let buffer = '';
  let data = '';
  let event = '';
  let id = '';
  let retry: number | undefined;
  let pending = false; // a field was read since the last dispatch
  let done = false;
  try {
    while (!done) {
      const chunk = await reader.read();
      signal?.throwIfAborted();
      done = chunk.done;
      let text = buffer + decoder.decode(chunk.value, { stream: !done }); // the last call flushes
      // A CR at the end of a chunk may be the first half of a CRLF: wait for the next chunk.
      const hold = !done && text.endsWith('\r');
      if (hold) text = text.slice(0, -1);
      const lines = text.split(/\r\n|\r|\n/);
      buffer = lines.pop()! + (hold ? '\r' : '');
      for (const line of lines) {
        if (!line) {
          if (data) {
            const e: ServerSentEvent = { event: event || 'message', data: data.slice(0, -1), id };
            if (retry !== undefined) e.retry = retry;
            yield e;
          }
          data = event = '';
          pending = false;
          continue;
        }
        if (line[0] === ':') continue;
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? '' : line.slice(colon + (line[colon + 1] === ' ' ? 2 : 1));
        pending = true;
        if (field === 'data') data += value + '\n';
        else if (field === 'event') event = value;
        else if (field === 'id' && !value.includes('\0')) id = value;
        else if (field === 'retry' && /^\d+$/.test(value)) retry = Number(value);
      }
    }
    if (pending || buffer) throw new ConnectionError('The event stream ended in the middle of an event');
  } finally {
    signal?.removeEventListener('abort', onAbort);
    if (!done) await reader.cancel().catch(() => {});
  }
}

/**
 * The events of a streaming operation, each the JSON-parsed `data` of one event; iteration ends
 * at a `[DONE]` event or at the end of the stream. `abort()` stops the stream and ends iteration.
 * An error event (`event: error`, or, unless the operation's `eventErrors` is `'event'`, data
 * with a truthy top-level `error` member, as OpenAI's SDK tests it) is never yielded: it
 * rejects the iteration with an `ApiError` carrying the response's status and headers (so its
 * `requestId`) and the event's data as `body` (parsed when it is JSON), and closes the connection.
 */
export class EventStream<Event> implements AsyncIterable<Event> {
  /** Aborting it cancels the underlying request. */
  readonly controller: AbortController;
  readonly response: Response;
  readonly #sent: Sent;
  readonly #eventErrors: OperationSpec['eventErrors'];
  #used = false;
  #aborted = false;

  /** @internal */
  constructor(sent: Sent, eventErrors?: OperationSpec['eventErrors']) {
    this.#sent = sent;
    this.#eventErrors = eventErrors;
    this.controller = sent.controller;
    this.response = sent.response;
  }

  abort(): void {
    this.#aborted = true;
    this.controller.abort();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Event, void, undefined> {
    if (this.#used) throw new OagenError('An event stream can be iterated only once');
    this.#used = true;
    try {
      if (!this.response.body) return;
      const { response, where } = this.#sent;
      for await (const { event, data } of readEvents(this.response.body, this.controller.signal)) {
        if (data === '[DONE]') return;
        let value: any = data;
        let error: unknown;
        try {
          value = JSON.parse(data);
        } catch (e) {
          error = e;
        }
        if (event == 'error' || (this.#eventErrors != 'event' && value?.error)) {
          throw apiError(response.status, response.headers, value, where, 'error event in');
        }
        if (error) throw new OagenError(`${where}: an event's data is not valid JSON`, { cause: error });
        yield value;
      }
    } catch (e) {
      if (this.#aborted) return;
      throw this.#sent.fail(e);
    } finally {
      this.#sent.release();
    }
  }
}

/**
 * Sends a streaming operation. The timeout covers the wait for the response headers; the
 * caller's signal (and `abort()`) can stop the stream at any time.
 */
export function stream<Event>(
  client: Client,
  op: OperationSpec,
  params: object | undefined,
  options?: RequestOptions,
): ApiPromise<EventStream<Event>> {
  return new ApiPromise(
    (read) => send(client, op, params, { ...options, headers: { accept: 'text/event-stream', ...options?.headers } }, read),
    async (sent) => {
      sent.release(true); // stop the timer, keep the caller's signal for the stream
      return new EventStream<Event>(sent, op.eventErrors);
    },
  );
}
