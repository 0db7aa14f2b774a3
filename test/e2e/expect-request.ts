/** What an end-to-end case expects the server to have received, and the check itself. */
import { expect } from 'vitest';
import type { RecordedRequest } from '../server.js';

export interface WantRequest {
  method: string;
  /** the raw path, percent-encoding included */
  path: string;
  /**
   * The raw query pieces (`name=value`, encoded as sent), in any order across parameters;
   * a repeated parameter's pieces must also appear in this order next to each other.
   * Omitted: no query string at all.
   */
  query?: string[];
  /** the JSON body, sent as `application/json`; omitted: no body and no content-type */
  json?: unknown;
}

/** Checks method, path, query and body (and its content-type). */
export function expectRequest(got: RecordedRequest, want: WantRequest): void {
  expect({ method: got.method, path: got.path }).toEqual({ method: want.method, path: want.path });
  const pieces = got.query ? got.query.split('&') : [];
  expect([...pieces].sort()).toEqual([...(want.query ?? [])].sort());
  for (const [i, piece] of (want.query ?? []).entries()) {
    const next = want.query![i + 1];
    // a repeated parameter (form + explode) keeps its items' order
    if (next && next.split('=')[0] === piece.split('=')[0]) expect(got.query).toContain(`${piece}&${next}`);
  }
  if (want.json === undefined) {
    expect(got.body).toBe('');
    expect(got.headers['content-type']).toBeUndefined();
  } else {
    expect(got.headers['content-type']).toMatch(/^application\/json\b/);
    expect(JSON.parse(got.body)).toEqual(want.json);
  }
}
