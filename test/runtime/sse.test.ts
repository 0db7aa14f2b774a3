import { describe, expect, it } from 'vitest';
import { ConnectionError, EventStream, OagenError, readEvents, stream, type ServerSentEvent } from '../../templates/runtime/index.js';
import type { OperationSpec } from '../../templates/runtime/types.js';
import { fakeFetch, testClient } from './helpers.js';

/** A byte stream delivering `chunks` one by one (strings are UTF-8 encoded). */
function bytes(chunks: (string | Uint8Array)[], end: 'close' | Error = 'close'): ReadableStream<Uint8Array> {
  let i = 0;
  return new ReadableStream({
    pull(c) {
      if (i < chunks.length) {
        const chunk = chunks[i++]!;
        c.enqueue(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk);
      } else if (end === 'close') c.close();
      else c.error(end);
    },
  });
}

async function collect(chunks: (string | Uint8Array)[]): Promise<Partial<ServerSentEvent>[]> {
  const out: ServerSentEvent[] = [];
  for await (const e of readEvents(bytes(chunks))) out.push(e);
  return out;
}

const ev = (data: string, extra: Partial<ServerSentEvent> = {}): ServerSentEvent => ({ event: 'message', data, id: '', ...extra });

describe('readEvents (HTML Living Standard, interpreting an event stream)', () => {
  const cases: { name: string; chunks: string[]; want: ServerSentEvent[] }[] = [
    { name: 'one event', chunks: ['data: hello\n\n'], want: [ev('hello')] },
    { name: 'multi-line data joins with \\n', chunks: ['data: a\ndata: b\ndata:  c\n\n'], want: [ev('a\nb\n c')] },
    { name: 'comments are ignored', chunks: [': keep-alive\n', 'data: x\n: inside\n\n', ':\n\n'], want: [ev('x')] },
    { name: 'no space after the colon', chunks: ['data:x\n\n'], want: [ev('x')] },
    { name: 'a field without colon has an empty value', chunks: ['data\n\n'], want: [ev('')] },
    { name: 'event names and ids; id persists', chunks: ['event: delta\nid: 7\ndata: 1\n\ndata: 2\n\n'], want: [ev('1', { event: 'delta', id: '7' }), ev('2', { id: '7' })] },
    { name: 'retry field', chunks: ['retry: 1500\ndata: r\n\n'], want: [ev('r', { retry: 1500 })] },
    { name: 'invalid retry is ignored', chunks: ['retry: soon\ndata: r\n\n'], want: [ev('r')] },
    { name: 'events without data are not dispatched', chunks: ['event: ping\n\n', 'id: 3\n\n', 'data: y\n\n'], want: [ev('y', { id: '3' })] },
    { name: 'CRLF line endings', chunks: ['data: a\r\ndata: b\r\n\r\n'], want: [ev('a\nb')] },
    { name: 'CR line endings', chunks: ['data: a\rdata: b\r\r'], want: [ev('a\nb')] },
    { name: 'CRLF split across chunks', chunks: ['data: a\r', '\ndata: b\r', '\n\r', '\n'], want: [ev('a\nb')] },
    { name: 'a line split across chunks', chunks: ['da', 'ta: hel', 'lo\n', '\n'], want: [ev('hello')] },
    { name: 'leading BOM is dropped', chunks: ['\uFEFFdata: bom\n\n'], want: [ev('bom')] },
    { name: 'unknown fields are ignored', chunks: ['foo: bar\ndata: z\n\n'], want: [ev('z')] },
    { name: 'several events in one chunk', chunks: ['data: 1\n\ndata: 2\n\ndata: 3\n\n'], want: [ev('1'), ev('2'), ev('3')] },
  ];
  for (const c of cases) it(c.name, async () => expect(await collect(c.chunks)).toEqual(c.want));

  it('a multi-byte character split across chunks', async () => {
    const euro = new TextEncoder().encode('data: €\n\n');
    expect(await collect([euro.slice(0, 7), euro.slice(7)])).toEqual([ev('€')]);
  });

  const truncated: { name: string; chunks: string[] }[] = [
    { name: 'ends inside a line', chunks: ['data: 1\n\n', 'data: {"par'] },
    { name: 'ends after a field, before the blank line', chunks: ['data: 1\n\n', 'data: 2\n'] },
  ];
  for (const t of truncated) {
    it(`a stream that ${t.name} is an error, after the complete events`, async () => {
      const got: string[] = [];
      const err = await (async () => {
        for await (const e of readEvents(bytes(t.chunks))) got.push(e.data);
      })().catch((e) => e);
      expect(got).toEqual(['1']);
      expect(err).toBeInstanceOf(ConnectionError);
    });
  }

  it('a stream that errors is an error', async () => {
    const err = await (async () => {
      for await (const _ of readEvents(bytes(['data: 1\n\n'], new TypeError('terminated'))));
    })().catch((e) => e);
    expect(err).toBeInstanceOf(TypeError);
  });

  it('stopping early cancels the body', async () => {
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      pull(c) {
        c.enqueue(new TextEncoder().encode('data: again\n\n'));
      },
      cancel() {
        cancelled = true;
      },
    });
    for await (const _ of readEvents(body)) break;
    expect(cancelled).toBe(true);
  });
});

describe('stream / EventStream', () => {
  const op: OperationSpec = { method: 'POST', path: '/chat', response: 'sse', body: { kind: 'json', mediaType: 'application/json' } };
  const sse = (chunks: string[], end: 'close' | Error = 'close') =>
    fakeFetch(() => new Response(bytes(chunks, end), { headers: { 'content-type': 'text/event-stream' } }));

  it('yields the JSON data of each event and stops at [DONE]', async () => {
    const f = sse(['data: {"n":1}\n\n', 'event: x\ndata: {"n":\ndata: 2}\n\n', 'data: [DONE]\n\n', 'data: {"n":3}\n\n']);
    const s = await stream<{ n: number }>(testClient(f), op, { body: { q: 1 } });
    expect(s).toBeInstanceOf(EventStream);
    const got: number[] = [];
    for await (const e of s) got.push(e.n);
    expect(got).toEqual([1, 2]);
    expect(f.calls[0]!.headers.accept).toBe('text/event-stream');
    expect(f.calls[0]!.body).toBe('{"q":1}');
  });

  it('a truncated stream ends with an error, not silently', async () => {
    const f = sse(['data: {"n":1}\n\n', 'data: {"n":'], 'close');
    const got: unknown[] = [];
    const err = await (async () => {
      for await (const e of await stream(testClient(f), op, {})) got.push(e);
    })().catch((e) => e);
    expect(got).toEqual([{ n: 1 }]);
    expect(err).toBeInstanceOf(ConnectionError);
  });

  it('a broken connection mid-stream is a ConnectionError', async () => {
    const f = sse(['data: {"n":1}\n\n'], new TypeError('terminated'));
    const err = await (async () => {
      for await (const _ of await stream(testClient(f), op, {}));
    })().catch((e) => e);
    expect(err).toBeInstanceOf(ConnectionError);
  });

  it('data that is not JSON is an error naming the operation', async () => {
    const err = await (async () => {
      for await (const _ of await stream(testClient(sse(['data: hi\n\n'])), op, {}));
    })().catch((e) => e);
    expect(err).toBeInstanceOf(OagenError);
    expect(err.message).toContain('POST /chat');
  });

  it('abort() ends iteration quietly; the caller signal rejects with its reason', async () => {
    const endless = () =>
      fakeFetch(
        (req) =>
          new Response(
            new ReadableStream<Uint8Array>({
              pull: (c) =>
                new Promise((r) =>
                  setTimeout(() => {
                    if (!req.signal.aborted) c.enqueue(new TextEncoder().encode('data: {"t":1}\n\n'));
                    r();
                  }, 2),
                ),
            }),
          ),
      );
    const s = await stream<{ t: number }>(testClient(endless()), op, {});
    let n = 0;
    for await (const _ of s) if (++n === 3) s.abort();
    expect(n).toBe(3);
    expect(s.controller.signal.aborted).toBe(true);

    const caller = new AbortController();
    const s2 = await stream(testClient(endless()), op, {}, { signal: caller.signal });
    const reason = new Error('user cancelled');
    const err = await (async () => {
      let m = 0;
      for await (const _ of s2) if (++m === 2) caller.abort(reason);
    })().catch((e) => e);
    expect(err).toBe(reason);
  });

  it('can be iterated only once; withResponse gives the response', async () => {
    const { data: s, response } = await stream(testClient(sse(['data: 1\n\n'])), op, {}).withResponse();
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    for await (const _ of s);
    await expect((async () => {
      for await (const _ of s);
    })()).rejects.toThrow(/once/);
  });
});
