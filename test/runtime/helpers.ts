import { basicAuth, createClientCore, type ClientConfig } from '../../templates/runtime/index.js';
import { applyAuth } from '../../templates/runtime/auth.js';
import type { SecuritySchemeSpec } from '../../templates/runtime/types.js';

export interface Recorded {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
  request: Request;
}

/** A fetch that records each request (body read as text) and answers with `respond`. */
export function fakeFetch(respond: (req: Request, n: number) => Response | Promise<Response> = () => json({})) {
  const calls: Recorded[] = [];
  const fn = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request && !init ? input : new Request(input, init);
    const copy = request.clone();
    calls.push({
      method: request.method,
      url: request.url,
      headers: Object.fromEntries(request.headers),
      body: request.body ? await copy.text() : '',
      request,
    });
    return respond(request, calls.length);
  };
  return Object.assign(fn as typeof fetch, { calls });
}

export const json = (body: unknown, init: ResponseInit = {}) =>
  new Response(JSON.stringify(body), { ...init, headers: { 'content-type': 'application/json', ...(init.headers as object) } });

export const schemes: Record<string, SecuritySchemeSpec> = {
  Bearer: { type: 'bearer' },
  Basic: { type: 'basic', encode: basicAuth },
  HeaderKey: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
  QueryKey: { type: 'apiKey', in: 'query', name: 'api_key' },
  CookieKey: { type: 'apiKey', in: 'cookie', name: 'session' },
  Digest: { type: 'http', scheme: 'Digest' },
};

/** A client on https://api.test/v1 with fast backoff and the fake fetch. */
export function testClient(fetch: typeof globalThis.fetch, config: ClientConfig = {}) {
  return createClientCore(
    { fetch, backoff: { initialDelay: 1, maxDelay: 5 }, ...config },
    { baseUrl: 'https://api.test/v1/', securitySchemes: schemes, applyAuth },
  );
}

/** The rejection reason of `p` (undefined if it resolves), typed loosely for assertions. */
export const failure = (p: PromiseLike<unknown>): Promise<any> => Promise.resolve(p).then(() => undefined, (e: unknown) => e);
