/** Runs one call of each client against the same scripted replies and keeps what each sent. */
import type { RecordedRequest, RecordingServer, Reply } from '../server.js';

export interface Outcome<T> {
  requests: RecordedRequest[];
  value?: T;
  error?: unknown;
}

async function once<T>(server: RecordingServer, replies: Reply[], call: () => Promise<T>): Promise<Outcome<T>> {
  server.reset();
  server.script(...replies);
  try {
    const value = await call();
    return { requests: [...server.requests], value };
  } catch (error) {
    return { requests: [...server.requests], error };
  }
}

/** Our call first, then the reference client's, each against a fresh copy of `replies`. */
export async function both<T, U = T>(
  server: RecordingServer,
  replies: Reply[],
  ours: () => Promise<T>,
  theirs: () => Promise<U>,
): Promise<{ ours: Outcome<T>; theirs: Outcome<U> }> {
  const a = await once(server, structuredClone(replies), ours);
  const b = await once(server, structuredClone(replies), theirs);
  return { ours: a, theirs: b };
}

/** The value of a call that must have succeeded (its error, if any, is rethrown for the report). */
export function valueOf<T>(o: Outcome<T>, who: string): T {
  if (o.error !== undefined) throw new Error(`${who} failed: ${String((o.error as Error)?.stack ?? o.error)}`);
  return o.value as T;
}

/** Collects a stream's items; an error ends the collection and is returned beside them. */
export async function drain<T>(stream: AsyncIterable<T>): Promise<{ items: T[]; error?: unknown }> {
  const items: T[] = [];
  try {
    for await (const item of stream) items.push(item);
    return { items };
  } catch (error) {
    return { items, error };
  }
}
