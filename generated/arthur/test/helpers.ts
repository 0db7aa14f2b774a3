/**
 * What the generated tests check: the requests the client sent (recorded from MSW's events)
 * and the bodies the handlers answered.
 */
import { expect } from 'vitest';
import type { SetupServerApi } from 'msw/node';

export interface Sent {
  method: string;
  url: URL;
  headers: Headers;
  body: string;
}

/** Records every request the server sees and every body it answers, in order. */
export function record(server: SetupServerApi) {
  let requests: Promise<Sent>[] = [];
  let responses: Promise<string>[] = [];
  server.events.on('request:start', ({ request }) => {
    const copy = request.clone();
    requests.push(copy.text().then((body) => ({ method: copy.method, url: new URL(copy.url), headers: copy.headers, body })));
  });
  server.events.on('response:mocked', ({ response }) => {
    responses.push(response.clone().text());
  });
  return {
    reset() {
      requests = [];
      responses = [];
    },
    async requests() {
      return Promise.all(requests);
    },
    async request(): Promise<Sent> {
      expect(requests.length).toBeGreaterThan(0);
      return requests[0];
    },
    /** the first body answered, as JSON */
    async json(): Promise<unknown> {
      expect(responses.length).toBeGreaterThan(0);
      return JSON.parse(await responses[0]);
    },
    async text(): Promise<string> {
      expect(responses.length).toBeGreaterThan(0);
      return responses[0];
    },
  };
}

/** The URL's path ends with `template`, its `{name}` segments holding `values[name]`. */
export function expectPath(url: URL, template: string, values: Record<string, unknown>): void {
  const want = template.split('/').filter(Boolean);
  const got = url.pathname.split('/').filter(Boolean).slice(-want.length);
  expect(got.length).toBe(want.length);
  want.forEach((seg, i) => {
    const m = /^\{(.+)\}$/.exec(seg);
    if (!m) return expect(got[i]).toBe(seg);
    const v = values[m[1]];
    if (v === null || typeof v !== 'object') expect(decodeURIComponent(got[i])).toBe(String(v));
    else expect(got[i].length).toBeGreaterThan(0);
  });
}

/** Each given query parameter is in the URL: scalars by value, arrays and objects by name. */
export function expectQuery(url: URL, params: [string, unknown][]): void {
  for (const [name, v] of params) {
    if (v === undefined || v === null) continue;
    if (typeof v !== 'object') {
      expect(url.searchParams.getAll(name), `query ${name}`).toContain(String(v));
    } else if (Array.isArray(v) ? v.length > 0 : Object.keys(v).length > 0) {
      const keys = [...url.searchParams.keys()];
      const own = Array.isArray(v) ? [] : Object.keys(v);
      expect(keys.some((k) => k === name || k.startsWith(`${name}[`) || own.includes(k)), `query ${name} in ${url.search}`).toBe(true);
    }
  }
}

/** Each given header parameter with a scalar value was sent as such. */
export function expectHeaders(headers: Headers, params: [string, unknown][]): void {
  for (const [name, v] of params) {
    if (v === undefined || v === null || typeof v === 'object') continue;
    expect(headers.get(name), `header ${name}`).toBe(String(v));
  }
}

/** The body the client sent has the shape of `body`, as its media type writes it. */
export function expectBody(sent: Sent, kind: string, body: unknown): void {
  if (body === undefined) return;
  const type = sent.headers.get('content-type') ?? '';
  if (kind === 'json') {
    expect(type).toMatch(/json/);
    expect(JSON.parse(sent.body)).toEqual(JSON.parse(JSON.stringify(body)));
  } else if (kind === 'multipart') {
    expect(type).toMatch(/^multipart\/form-data/);
    for (const [k, v] of Object.entries(body as object)) if (v !== undefined && v !== null) expect(sent.body).toContain(`name="${k}`);
  } else if (kind === 'form') {
    expect(type).toMatch(/^application\/x-www-form-urlencoded/);
    const keys = [...new URLSearchParams(sent.body).keys()];
    for (const [k, v] of Object.entries(body as object)) if (v !== undefined && v !== null) expect(keys.some((x) => x === k || x.startsWith(`${k}[`))).toBe(true);
  } else {
    expect(sent.body.length).toBeGreaterThan(0);
  }
}
