/**
 * OAuth 2.0 client credentials (RFC 6749 §4.4): tokens fetched from the spec's `tokenUrl`, cached,
 * shared and renewed. Only bundled by clients of APIs that declare a `clientCredentials` flow:
 * their generated `createClient` wraps the client with `withOAuth`.
 */
import type { Client } from './client.js';
import { apiError, ConnectionError, TimeoutError, type ApiError } from './errors.js';
import type { ClientCredentials } from './types.js';

/**
 * A cached token is renewed this long before its `expires_in` runs out (30 s, or half its
 * lifetime when that is shorter), so that a request never leaves with a token about to expire.
 */
export const EXPIRY_MARGIN_MS = 30_000;

interface Token {
  value: string;
  /** ms timestamp after which the token is renewed; Infinity without `expires_in` */
  renewAt: number;
  refresh?: string;
}

/** The token of one scheme: the cache, the fetch in flight, and what it has issued. */
interface TokenSource {
  token(): Promise<string>;
  /** forgets `value` if it is the cached token (the server refused it) */
  invalidate(value: string): void;
  /** whether this source issued `value` */
  issued(value: string): boolean;
}

const isCredentials = (v: unknown): v is ClientCredentials =>
  !!v && typeof v == 'object' && typeof (v as ClientCredentials).clientId == 'string' && typeof (v as ClientCredentials).clientSecret == 'string';

/**
 * Turns each `{ clientId, clientSecret, scopes? }` credential of a scheme with a `tokenUrl` into
 * a token provider, and makes the client's fetch retry a request once, with a fresh token, when
 * the server answers 401 to a token this client fetched. (A per-call `fetch` option bypasses
 * that retry.) `now` is the clock (tests). Returns the client.
 */
export function withOAuth(client: Client, now: () => number = Date.now): Client {
  const auth = client.auth as Record<string, unknown>;
  const sources: TokenSource[] = [];
  for (const name in client.securitySchemes) {
    const scheme = client.securitySchemes[name]!;
    const given = auth[name];
    if (scheme.type == 'bearer' && scheme.tokenUrl && isCredentials(given)) {
      const source = tokenSource(client, scheme.tokenUrl, { ...given }, now);
      sources.push(source);
      auth[name] = source.token;
    }
  }
  if (!sources.length) return client;
  const inner = client.fetch;
  const wrapped = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const f = inner ?? fetch;
    const sent = input instanceof Request ? input.headers.get('authorization') : undefined;
    const token = sent?.startsWith('Bearer ') ? sent.slice(7) : '';
    const source = token && sources.find((s) => s.issued(token));
    if (!source) return f(input, init);
    const copy = (input as Request).clone();
    const response = await f(input, init);
    if (response.status != 401) return response;
    // refused: forget the token, get another one (shared with concurrent calls), and try once more
    await response.body?.cancel().catch(() => {});
    source.invalidate(token);
    copy.headers.set('authorization', 'Bearer ' + (await source.token()));
    return f(copy, init);
  };
  return Object.assign(client, { fetch: wrapped });
}

function tokenSource(client: Client, tokenUrl: string, credentials: ClientCredentials, now: () => number): TokenSource {
  let cached: Token | undefined;
  let pending: Promise<string> | undefined;
  const issued = new Set<string>();
  const { clientId, clientSecret, scopes, authMethod } = credentials;
  // relative token URLs resolve against the client's base URL; messages show it without a query
  const url = new URL(tokenUrl, client.baseUrl + '/');
  const shown = url.origin + url.pathname;
  // RFC 6749 §2.3.1: the id and secret are form-urlencoded before they are joined for basic auth
  const basic = btoa(String.fromCharCode(...new TextEncoder().encode(formEncode(clientId) + ':' + formEncode(clientSecret))));
  // what a server may echo of the secret: as given, percent-encoded, form-encoded (client_secret_post), in the basic credential
  const secrets = clientSecret ? [clientSecret, encodeURIComponent(clientSecret), new URLSearchParams({ s: clientSecret }).toString().slice(2), basic] : [];
  const redact = (text: string) => secrets.reduce((t, s) => t.split(s).join('[redacted]'), text);

  async function request(form: Record<string, string>): Promise<Token> {
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
    if (authMethod == 'client_secret_post') Object.assign(form, { client_id: clientId, client_secret: clientSecret });
    else headers.authorization = 'Basic ' + basic;
    const started = now();
    // the client's per-attempt timeout bounds the token request too, its body included (0, Infinity: none)
    const ms = client.timeout ?? 600_000;
    const signal = ms > 0 && ms < 2 ** 31 ? AbortSignal.timeout(ms) : null;
    const fail = (e?: unknown) =>
      signal?.aborted
        ? new TimeoutError(`OAuth token request to ${shown} timed out after ${ms} ms`)
        : new ConnectionError(`OAuth token request to ${shown} failed: connection error`, { cause: e });
    let response: Response;
    try {
      response = await (client.fetch ?? fetch)(url.href, { method: 'POST', headers, body: new URLSearchParams(form).toString(), signal });
    } catch (e) {
      throw fail(e);
    }
    const text = redact(await response.text().catch(() => ''));
    // a body cut short by the timeout
    if (signal?.aborted) throw fail();
    let body: any = text || undefined;
    try {
      body = JSON.parse(text);
    } catch {}
    if (!response.ok) throw apiError(response.status, response.headers, body, `from the OAuth token endpoint ${shown}`);
    if (typeof body?.access_token != 'string') throw apiError(response.status, response.headers, body, `from the OAuth token endpoint ${shown}`, 'no access_token');
    const life = Number(body.expires_in) * 1000;
    return {
      value: body.access_token,
      renewAt: life > 0 ? started + life - Math.min(EXPIRY_MARGIN_MS, life / 2) : Infinity,
      refresh: typeof body.refresh_token == 'string' ? body.refresh_token : cached?.refresh,
    };
  }

  async function fetchToken(): Promise<string> {
    let token: Token | undefined;
    if (cached?.refresh) {
      // a refresh token the server gave: use it; when it is refused, start over with the credentials
      token = await request({ grant_type: 'refresh_token', refresh_token: cached.refresh }).catch((e: ApiError) => {
        if (e?.status != 400 && e?.status != 401) throw e;
        if (cached) delete cached.refresh; // refused: not tried again
        return undefined;
      });
    }
    token ??= await request({ grant_type: 'client_credentials', ...(scopes?.length ? { scope: scopes.join(' ') } : {}) });
    cached = token;
    issued.add(token.value);
    if (issued.size > 8) issued.delete(issued.values().next().value!);
    return token.value;
  }

  return {
    token: () =>
      cached && now() < cached.renewAt
        ? Promise.resolve(cached.value)
        : (pending ??= fetchToken().finally(() => {
            pending = undefined;
          })),
    invalidate(value) {
      if (cached?.value == value) cached.renewAt = 0;
    },
    issued: (value) => issued.has(value),
  };
}

/** application/x-www-form-urlencoded, as RFC 6749 Appendix B asks for the basic auth pair */
const formEncode = (s: string) => encodeURIComponent(s).replace(/%20/g, '+');
