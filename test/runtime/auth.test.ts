import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createClientCore, MissingCredentialsError, request, type ClientConfig } from '../../templates/runtime/index.js';
import type { OperationSpec, SecurityAlternatives } from '../../templates/runtime/types.js';
import { failure, fakeFetch, json, testClient } from './helpers.js';

const op = (security?: SecurityAlternatives): OperationSpec => ({ method: 'GET', path: '/me', ...(security && { security }) });

async function sent(security: SecurityAlternatives | undefined, auth: ClientConfig['auth']) {
  const f = fakeFetch();
  await request(testClient(f, { auth }), op(security), undefined);
  const { url, headers } = f.calls[0]!;
  return { url: new URL(url), headers };
}

describe('auth: schemes', () => {
  const cases: { name: string; security: SecurityAlternatives; auth: ClientConfig['auth']; header?: [string, string]; query?: string }[] = [
    { name: 'bearer', security: [['Bearer']], auth: { Bearer: 'sk-1' }, header: ['authorization', 'Bearer sk-1'] },
    { name: 'bearer from a sync function', security: [['Bearer']], auth: { Bearer: () => 'tok' }, header: ['authorization', 'Bearer tok'] },
    { name: 'bearer from an async function', security: [['Bearer']], auth: { Bearer: async () => 'atok' }, header: ['authorization', 'Bearer atok'] },
    { name: 'basic', security: [['Basic']], auth: { Basic: { username: 'ann', password: 'p:w' } }, header: ['authorization', 'Basic ' + btoa('ann:p:w')] },
    // RFC 7617: UTF-8 bytes, base64-encoded
    { name: 'basic, non-ASCII', security: [['Basic']], auth: { Basic: { username: 'zoë', password: '€' } }, header: ['authorization', 'Basic em/Dqzrigqw='] },
    { name: 'basic from an async function', security: [['Basic']], auth: { Basic: async () => ({ username: 'u', password: 'p' }) }, header: ['authorization', 'Basic dTpw'] },
    { name: 'basic, pre-encoded string', security: [['Basic']], auth: { Basic: 'dTpw' }, header: ['authorization', 'Basic dTpw'] },
    { name: 'other http scheme', security: [['Digest']], auth: { Digest: 'username="a"' }, header: ['authorization', 'Digest username="a"'] },
    { name: 'apiKey in header', security: [['HeaderKey']], auth: { HeaderKey: 'k1' }, header: ['x-api-key', 'k1'] },
    { name: 'apiKey in query', security: [['QueryKey']], auth: { QueryKey: 'k 2&x' }, query: 'api_key=k%202%26x' },
    { name: 'apiKey in cookie', security: [['CookieKey']], auth: { CookieKey: 's;3' }, header: ['cookie', 'session=s%3B3'] },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const { url, headers } = await sent(c.security, c.auth);
      if (c.header) expect(headers[c.header[0]]).toBe(c.header[1]);
      expect(url.search).toBe(c.query ? '?' + c.query : '');
    });
  }

  it('AND: every scheme of the chosen alternative is applied', async () => {
    const { url, headers } = await sent([['Bearer', 'QueryKey', 'CookieKey']], { Bearer: 't', QueryKey: 'q', CookieKey: 'c' });
    expect(headers.authorization).toBe('Bearer t');
    expect(url.searchParams.get('api_key')).toBe('q');
    expect(headers.cookie).toBe('session=c');
  });

  it('the API key query parameter follows the operation parameters; cookies merge', async () => {
    const f = fakeFetch();
    const withParams: OperationSpec = {
      method: 'GET',
      path: '/me',
      params: [
        { name: 'q', in: 'query' },
        { name: 'pref', in: 'cookie' },
      ],
      security: [['QueryKey', 'CookieKey']],
    };
    await request(testClient(f, { auth: { QueryKey: 'k', CookieKey: 's' } }), withParams, { q: 'x', pref: 'p' });
    expect(f.calls[0]!.url).toBe('https://api.test/v1/me?q=x&api_key=k');
    expect(f.calls[0]!.headers.cookie).toBe('pref=p; session=s');
  });
});

describe('auth: alternatives', () => {
  const cases: { name: string; security: SecurityAlternatives | undefined; auth: ClientConfig['auth']; want: Record<string, string | undefined> }[] = [
    { name: 'undefined security sends nothing', security: undefined, auth: { Bearer: 't' }, want: { authorization: undefined } },
    { name: '[] sends nothing', security: [], auth: { Bearer: 't' }, want: { authorization: undefined } },
    { name: 'first satisfied alternative wins', security: [['Basic'], ['Bearer'], ['HeaderKey']], auth: { Bearer: 't', HeaderKey: 'k' }, want: { authorization: 'Bearer t', 'x-api-key': undefined } },
    { name: 'an alternative needs all its schemes', security: [['Bearer', 'HeaderKey'], ['HeaderKey']], auth: { HeaderKey: 'k' }, want: { authorization: undefined, 'x-api-key': 'k' } },
    { name: 'optional auth ([[]]) without credentials', security: [[]], auth: {}, want: { authorization: undefined } },
    { name: 'optional auth sends credentials when configured', security: [[], ['Bearer']], auth: { Bearer: 't' }, want: { authorization: 'Bearer t' } },
    { name: 'unknown scheme names cannot be satisfied', security: [['Nope'], ['Bearer']], auth: { Nope: 'x', Bearer: 't' }, want: { authorization: 'Bearer t' } },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const { headers } = await sent(c.security, c.auth);
      for (const [k, v] of Object.entries(c.want)) expect(headers[k]).toBe(v);
    });
  }

  it('missing credentials: a clear error naming the schemes, before anything is sent', async () => {
    const f = fakeFetch();
    const client = testClient(f, { auth: { Basic: { username: 'u', password: 'secret-pw' } } });
    const err = await failure(request(client, op([['Bearer'], ['HeaderKey', 'Basic']]), undefined));
    expect(err).toBeInstanceOf(MissingCredentialsError);
    expect(err.message).toBe('GET /me needs credentials: set auth.Bearer or auth.HeaderKey and auth.Basic in the client config');
    expect(f.calls).toHaveLength(0);
  });

  it('a credential of the wrong type is a TypeError that names the scheme, not the value', async () => {
    const f = fakeFetch();
    const err = await failure(request(testClient(f, { auth: { Bearer: (async () => 42) as never } }), op([['Bearer']]), undefined));
    expect(err).toBeInstanceOf(TypeError);
    expect(err.message).toContain('auth.Bearer');
    expect(err.message).not.toContain('42');
  });
});

describe('auth: through the client', () => {
  it('a client without applyAuth (an API without security schemes) bundles and applies no auth', async () => {
    const f = fakeFetch();
    const client = createClientCore({ fetch: f, auth: { Bearer: 't' } }, { baseUrl: 'https://api.test', securitySchemes: {} });
    await request(client, op([['Bearer']]), undefined);
    expect(f.calls[0]!.headers.authorization).toBeUndefined();
    expect(client.applyAuth).toBeUndefined();
  });
});

describe('auth: credentials never leak', () => {
  const secret = 'sk-SECRET-0123456789';
  const leaks = (err: unknown) => {
    const e = err as Error;
    return [e.message, String(e), JSON.stringify(e), e.stack ?? '', inspect(e, { depth: 5 })].some((s) => s.includes(secret));
  };
  const scenarios: { name: string; security: SecurityAlternatives; auth: ClientConfig['auth']; respond: () => Response; baseUrl?: string }[] = [
    { name: 'API error (query key)', security: [['QueryKey']], auth: { QueryKey: secret }, respond: () => json({ error: { message: 'bad' } }, { status: 401 }) },
    { name: 'API error (bearer)', security: [['Bearer']], auth: { Bearer: secret }, respond: () => new Response('x', { status: 500 }) },
    { name: 'connection error (query key)', security: [['QueryKey']], auth: { QueryKey: secret }, respond: () => { throw new TypeError('fetch failed'); } },
    { name: 'invalid base URL (query key)', security: [['QueryKey']], auth: { QueryKey: secret }, respond: () => json({}), baseUrl: 'http://bad host' },
    { name: 'bearer with a line break', security: [['Bearer']], auth: { Bearer: secret + '\n' }, respond: () => json({}) },
    { name: 'header key with a line break', security: [['HeaderKey']], auth: { HeaderKey: '\r\n' + secret }, respond: () => json({}) },
    { name: 'basic with a line break', security: [['Basic']], auth: { Basic: secret + '\r' }, respond: () => json({}) },
    { name: 'missing other scheme', security: [['Bearer', 'HeaderKey']], auth: { Bearer: secret }, respond: () => json({}) },
  ];
  for (const s of scenarios) {
    it(s.name, async () => {
      const client = testClient(fakeFetch(s.respond), { auth: s.auth, maxRetries: 0, ...(s.baseUrl && { baseUrl: s.baseUrl }) });
      const err = await failure(request(client, op(s.security), undefined));
      expect(err).toBeInstanceOf(Error);
      expect(leaks(err)).toBe(false);
    });
  }

  it('the client object does not show its credentials when logged or serialized', () => {
    const client = testClient(fakeFetch(), { auth: { Bearer: secret } });
    expect(JSON.stringify(client)).not.toContain(secret);
    expect(inspect(client)).not.toContain(secret);
    expect(client.auth.Bearer).toBe(secret);
  });
});
