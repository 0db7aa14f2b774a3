/**
 * OAuth 2.0 client credentials (`templates/runtime/oauth.ts`) against a real token endpoint and
 * API on 127.0.0.1: the first call fetches a token, concurrent calls share one fetch, an expired
 * token is renewed, a 401 renews once and retries once, a refresh token is used, and failures
 * name the token URL without ever showing the secret.
 */
import { inspect } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ApiError, AuthenticationError, ConnectionError, createClientCore, request, TimeoutError } from '../../templates/runtime/index.js';
import { applyAuth } from '../../templates/runtime/auth.js';
import { EXPIRY_MARGIN_MS, withOAuth } from '../../templates/runtime/oauth.js';
import type { ClientCredentials, OperationSpec } from '../../templates/runtime/types.js';
import { startRecordingServer, type RecordedRequest, type RecordingServer, type Reply } from '../server.js';
import { delay, reply, stall, startServer } from './fault-server.js';
import { failure } from './helpers.js';

const SECRET = 's3cr3t+/= value';
const op: OperationSpec = { method: 'GET', path: '/me', security: [['OAuth']] };

let server: RecordingServer;
beforeAll(async () => {
  server = await startRecordingServer();
});
afterAll(() => server?.close());

/** token endpoint state: each token fetch issues `tok-<n>` */
let issued = 0;
let tokenReply: (req: RecordedRequest) => Reply;
let apiReply: (req: RecordedRequest) => Reply;
beforeEach(() => {
  server.reset();
  issued = 0;
  tokenReply = () => ({ body: { access_token: `tok-${++issued}`, token_type: 'Bearer', expires_in: 3600 } });
  apiReply = (req) => ({ body: { auth: req.headers.authorization } });
  server.answer((req) => (req.path == '/oauth/token' ? tokenReply(req) : apiReply(req)));
});

const tokenRequests = () => server.requests.filter((r) => r.path == '/oauth/token');
const apiRequests = () => server.requests.filter((r) => r.path != '/oauth/token');

function client(credentials: Partial<ClientCredentials> = {}, tokenUrl = '/oauth/token', now?: () => number) {
  const auth = { OAuth: { clientId: 'app 1', clientSecret: SECRET, ...credentials } as ClientCredentials };
  return withOAuth(
    createClientCore({ auth, maxRetries: 0 }, { baseUrl: server.url + '/v1', securitySchemes: { OAuth: { type: 'bearer', tokenUrl, scopes: ['read', 'write'] } }, applyAuth }),
    now,
  );
}

describe('OAuth client credentials', () => {
  it('the first call fetches a token (form body, client_secret_basic) and sends it; the next reuses it', async () => {
    const c = client({ scopes: ['read', 'write'] });
    expect(await request(c, op, undefined)).toEqual({ auth: 'Bearer tok-1' });
    expect(await request(c, op, undefined)).toEqual({ auth: 'Bearer tok-1' });
    const [t] = tokenRequests();
    expect(tokenRequests()).toHaveLength(1);
    expect(t!.method).toBe('POST');
    expect(t!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(t!.body))).toEqual({ grant_type: 'client_credentials', scope: 'read write' });
    // RFC 6749 §2.3.1: form-encoded id and secret, then base64
    expect(Buffer.from(t!.headers.authorization!.replace(/^Basic /, ''), 'base64').toString()).toBe('app+1:s3cr3t%2B%2F%3D+value');
  });

  it('client_secret_post sends the id and secret as form fields, without an authorization header', async () => {
    await request(client({ authMethod: 'client_secret_post' }), op, undefined);
    const [t] = tokenRequests();
    expect(t!.headers.authorization).toBeUndefined();
    expect(Object.fromEntries(new URLSearchParams(t!.body))).toEqual({ grant_type: 'client_credentials', client_id: 'app 1', client_secret: SECRET });
  });

  it('a relative tokenUrl resolves against the base URL; an absolute one is used as is', async () => {
    await request(client({}, 'token'), op, undefined).catch(() => {});
    expect(server.requests[0]!.path).toBe('/v1/token');
    server.reset();
    server.answer((req) => (req.path == '/oauth/token' ? tokenReply(req) : apiReply(req)));
    await request(client({}, server.url + '/oauth/token'), op, undefined);
    expect(tokenRequests()).toHaveLength(1);
  });

  it('concurrent calls share one token fetch', async () => {
    const c = client();
    const results = await Promise.all(Array.from({ length: 5 }, () => request(c, op, undefined)));
    expect(results).toEqual(Array(5).fill({ auth: 'Bearer tok-1' }));
    expect(tokenRequests()).toHaveLength(1);
    expect(apiRequests()).toHaveLength(5);
  });

  it(`an expiring token is renewed ${EXPIRY_MARGIN_MS / 1000} s before expires_in (injected clock)`, async () => {
    let t = 1_000_000;
    const c = client({}, undefined, () => t);
    await request(c, op, undefined);
    t += 3600_000 - EXPIRY_MARGIN_MS - 1;
    expect(await request(c, op, undefined)).toEqual({ auth: 'Bearer tok-1' });
    t += 2;
    expect(await request(c, op, undefined)).toEqual({ auth: 'Bearer tok-2' });
    expect(tokenRequests()).toHaveLength(2);
  });

  it('a short expires_in (1 s) is renewed after half of it, on the real clock', async () => {
    tokenReply = () => ({ body: { access_token: `tok-${++issued}`, expires_in: 1 } });
    const c = client();
    await request(c, op, undefined);
    expect(await request(c, op, undefined)).toEqual({ auth: 'Bearer tok-1' });
    await new Promise((r) => setTimeout(r, 550));
    expect(await request(c, op, undefined)).toEqual({ auth: 'Bearer tok-2' });
  });

  it('a 401 renews the token once and retries the call once', async () => {
    apiReply = (req) => (req.headers.authorization == 'Bearer tok-1' ? { status: 401, body: { error: { message: 'expired' } } } : { body: { auth: req.headers.authorization } });
    const c = client();
    expect(await request(c, { ...op, method: 'POST', body: { kind: 'json', mediaType: 'application/json' } }, { body: { a: 1 } })).toEqual({ auth: 'Bearer tok-2' });
    expect(tokenRequests()).toHaveLength(2);
    // the retried request carries its body again
    expect(apiRequests().map((r) => [r.headers.authorization, r.body])).toEqual([
      ['Bearer tok-1', '{"a":1}'],
      ['Bearer tok-2', '{"a":1}'],
    ]);
  });

  it('a second 401 is not retried again: the call fails with AuthenticationError', async () => {
    apiReply = () => ({ status: 401, body: { error: { message: 'no' } } });
    const e = await failure(request(client(), op, undefined));
    expect(e).toBeInstanceOf(AuthenticationError);
    expect(apiRequests()).toHaveLength(2);
    expect(tokenRequests()).toHaveLength(2);
  });

  it('a refresh token the server returns is used for the next token, with the client authentication', async () => {
    tokenReply = (req) => ({ body: { access_token: `tok-${++issued}`, expires_in: 3600, refresh_token: `r-${issued}` } });
    apiReply = (req) => (req.headers.authorization == 'Bearer tok-1' ? { status: 401 } : { body: { auth: req.headers.authorization } });
    await request(client(), op, undefined);
    const [first, second] = tokenRequests();
    expect(new URLSearchParams(first!.body).get('grant_type')).toBe('client_credentials');
    expect(Object.fromEntries(new URLSearchParams(second!.body))).toEqual({ grant_type: 'refresh_token', refresh_token: 'r-1' });
    expect(second!.headers.authorization).toMatch(/^Basic /);
  });

  it('a refused refresh token falls back to the client credentials', async () => {
    tokenReply = (req) =>
      new URLSearchParams(req.body).get('grant_type') == 'refresh_token'
        ? { status: 400, body: { error: 'invalid_grant' } }
        : { body: { access_token: `tok-${++issued}`, expires_in: 3600, refresh_token: 'r' } };
    apiReply = (req) => (req.headers.authorization == 'Bearer tok-1' ? { status: 401 } : { body: { auth: req.headers.authorization } });
    expect(await request(client(), op, undefined)).toEqual({ auth: 'Bearer tok-2' });
    expect(tokenRequests().map((r) => new URLSearchParams(r.body).get('grant_type'))).toEqual(['client_credentials', 'refresh_token', 'client_credentials']);
  });

  it('a refused refresh token is not tried again', async () => {
    let refreshes = 0;
    tokenReply = (req) =>
      new URLSearchParams(req.body).get('grant_type') == 'refresh_token'
        ? (refreshes++, { status: 400, body: { error: 'invalid_grant' } })
        : { body: { access_token: `tok-${++issued}`, expires_in: 3600, ...(issued == 1 ? { refresh_token: 'r' } : {}) } };
    apiReply = (req) => (req.headers.authorization != 'Bearer tok-3' ? { status: 401 } : { body: { auth: req.headers.authorization } });
    const c = client();
    await failure(request(c, op, undefined)); // tok-1 refused, refresh refused, tok-2 refused
    expect(await request(c, op, undefined)).toEqual({ auth: 'Bearer tok-3' });
    expect(refreshes).toBe(1);
  });

  it('a failing token endpoint is an ApiError naming the token URL, and the call is not sent', async () => {
    tokenReply = () => ({ status: 401, body: { error: 'invalid_client', error_description: `bad secret ${SECRET}` } });
    const e = await failure(request(client(), op, undefined));
    expect(e).toBeInstanceOf(ApiError);
    expect(e.status).toBe(401);
    expect(e.message).toContain(`${server.url}/oauth/token`);
    expect(apiRequests()).toHaveLength(0);
  });

  it('a token response without access_token is an ApiError', async () => {
    tokenReply = () => ({ body: { token_type: 'Bearer' } });
    const e = await failure(request(client(), op, undefined));
    expect(e).toBeInstanceOf(ApiError);
    expect(e.message).toBe(`no access_token from the OAuth token endpoint ${server.url}/oauth/token: {"token_type":"Bearer"}`);
  });

  it('an unreachable token endpoint is a ConnectionError naming the token URL', async () => {
    const e = await failure(request(client({}, 'http://127.0.0.1:1/token?x=1'), op, undefined));
    expect(e).toBeInstanceOf(ConnectionError);
    expect(e.message).toBe('OAuth token request to http://127.0.0.1:1/token failed: connection error');
  });

  it('a token endpoint that does not answer in the client’s timeout is a TimeoutError naming it; the next call fetches again', async () => {
    const slow = await startServer();
    try {
      const make = () =>
        withOAuth(
          createClientCore(
            { auth: { OAuth: { clientId: 'app', clientSecret: SECRET } }, maxRetries: 0, timeout: 300 },
            { baseUrl: slow.url, securitySchemes: { OAuth: { type: 'bearer', tokenUrl: '/oauth/token' } }, applyAuth },
          ),
        );
      const c = make();
      // no answer at all, then headers but a body that never ends, then an answer in time
      slow.route('/oauth/token', delay(5_000, reply(200, { access_token: 'late' })), stall(200), reply(200, { access_token: 'tok-ok', expires_in: 60 }));
      slow.route('/me', reply(200, { ok: true }));
      const started = performance.now();
      const e = await failure(request(c, op, undefined));
      expect(performance.now() - started).toBeLessThan(3_000);
      expect(e).toBeInstanceOf(TimeoutError);
      expect(e.message).toBe(`OAuth token request to ${slow.url}/oauth/token timed out after 300 ms`);
      const cut = await failure(request(c, op, undefined));
      expect(cut).toBeInstanceOf(TimeoutError);
      for (const x of [e, cut]) expect(`${String(x)} ${JSON.stringify(x)} ${inspect(x, { depth: 10 })}`).not.toContain('s3cr3t');
      expect(await request(c, op, undefined)).toEqual({ ok: true });
      expect(slow.attempts.map((a) => a.url)).toEqual(['/oauth/token', '/oauth/token', '/oauth/token', '/me']);
      expect(slow.attempts[3]!.headers.authorization).toBe('Bearer tok-ok');
      // timeout 0: none (the slow answer is waited for)
      const patient = withOAuth(
        createClientCore({ auth: { OAuth: { clientId: 'app', clientSecret: SECRET } }, maxRetries: 0, timeout: 0 }, { baseUrl: slow.url, securitySchemes: { OAuth: { type: 'bearer', tokenUrl: '/oauth/token' } }, applyAuth }),
      );
      slow.route('/oauth/token', delay(400, reply(200, { access_token: 'late-but-fine' })));
      expect(await request(patient, op, undefined)).toEqual({ ok: true });
      expect(slow.attempts.at(-1)!.headers.authorization).toBe('Bearer late-but-fine');
    } finally {
      await slow.close();
    }
  });

  it('the secret never appears in any error text, even when the server echoes it', async () => {
    const errors: unknown[] = [];
    tokenReply = (req) => ({ status: 400, body: { error: 'invalid_client', error_description: `got ${req.body} and ${req.headers.authorization}`, secret: SECRET } });
    errors.push(await failure(request(client({ authMethod: 'client_secret_post' }), op, undefined)));
    errors.push(await failure(request(client(), op, undefined)));
    tokenReply = () => ({ status: 500, body: `oops ${SECRET}` });
    errors.push(await failure(request(client(), op, undefined)));
    errors.push(await failure(request(client({}, 'http://127.0.0.1:1/token'), op, undefined)));
    for (const e of errors) {
      for (const text of [String(e), (e as Error).message, JSON.stringify(e), inspect(e, { depth: 10 }), JSON.stringify((e as ApiError).body ?? '')]) {
        expect(text).not.toContain(SECRET);
        expect(text).not.toContain(encodeURIComponent(SECRET));
        expect(text).not.toContain('s3cr3t');
        expect(text).not.toContain(Buffer.from('app+1:s3cr3t%2B%2F%3D+value').toString('base64'));
      }
    }
  });

  it('a string or a function credential is left alone (authorizationCode, implicit: a token provider)', async () => {
    const c = withOAuth(
      createClientCore({ auth: { OAuth: async () => 'mine' } }, { baseUrl: server.url, securitySchemes: { OAuth: { type: 'bearer', tokenUrl: '/oauth/token' } }, applyAuth }),
    );
    expect(await request(c, op, undefined)).toEqual({ auth: 'Bearer mine' });
    expect(tokenRequests()).toHaveLength(0);
  });
});
