/**
 * Credentials and base URL from the environment (issue 13, point 11) and the User-Agent
 * (point 10), against a real HTTP server.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createClientCore, request, type ClientConfig, type ClientDefaults } from '../../templates/runtime/index.js';
import { applyAuth } from '../../templates/runtime/auth.js';
import type { OperationSpec } from '../../templates/runtime/types.js';
import { reply, startServer, type FaultServer } from './fault-server.js';

let server: FaultServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
afterEach(async () => {
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
  expect(await server.settle()).toBe(0);
});

// what the generated `createClient` of the openai package passes
const defaults: ClientDefaults = {
  baseUrl: 'https://api.openai.com/v1',
  securitySchemes: { ApiKeyAuth: { type: 'bearer' } },
  applyAuth,
  userAgent: 'openai/2.3.0',
  env: { ApiKeyAuth: 'OAGEN_TEST_API_KEY', baseUrl: 'OAGEN_TEST_BASE_URL' },
};
const createClient = (config?: ClientConfig) => createClientCore(config, defaults);
const me: OperationSpec = { method: 'GET', path: '/me', security: [['ApiKeyAuth']] };
const ping: OperationSpec = { method: 'GET', path: '/ping' };
const headersOf = async (client = createClient({ baseUrl: server.url }), options?: { headers?: Record<string, string> }, op = me) => {
  server.script(reply(200, {}));
  await request(client, op, {}, options);
  return server.attempts[0]!.headers;
};

describe('environment variables', () => {
  it('createClient() with no argument reads the credential and the base URL', async () => {
    vi.stubEnv('OAGEN_TEST_API_KEY', ' sk-env ');
    vi.stubEnv('OAGEN_TEST_BASE_URL', server.url + '/');
    const h = await headersOf(createClient());
    expect(h.authorization).toBe('Bearer sk-env');
    expect(server.attempts[0]!.url).toBe('/me');
  });

  it('what the config sets wins', async () => {
    vi.stubEnv('OAGEN_TEST_API_KEY', 'sk-env');
    vi.stubEnv('OAGEN_TEST_BASE_URL', 'http://127.0.0.1:9/never');
    const h = await headersOf(createClient({ baseUrl: server.url, auth: { ApiKeyAuth: 'sk-config' } }));
    expect(h.authorization).toBe('Bearer sk-config');
  });

  it('unset or empty variables leave the defaults (and a missing credential is still an error)', async () => {
    vi.stubEnv('OAGEN_TEST_API_KEY', '');
    vi.stubEnv('OAGEN_TEST_BASE_URL', '  ');
    const c = createClient();
    expect(c.baseUrl).toBe('https://api.openai.com/v1');
    await expect(request(c, me, {})).rejects.toThrow('GET /me needs credentials: set auth.ApiKeyAuth in the client config');
  });

  it('credentials read from the environment are not enumerable either', () => {
    vi.stubEnv('OAGEN_TEST_API_KEY', 'sk-secret');
    const c = createClient();
    expect(JSON.stringify(c)).not.toContain('sk-secret');
    expect(c.auth.ApiKeyAuth).toBe('sk-secret');
  });

  it('a client without `env` reads nothing', () => {
    vi.stubEnv('OAGEN_TEST_API_KEY', 'sk-env');
    const c = createClientCore(undefined, { ...defaults, env: undefined });
    expect(c.auth.ApiKeyAuth).toBeUndefined();
  });

  it('where `process` does not exist (browsers), nothing throws and nothing is read', () => {
    vi.stubEnv('OAGEN_TEST_API_KEY', 'sk-env');
    const saved = Object.getOwnPropertyDescriptor(globalThis, 'process')!;
    let c;
    try {
      delete (globalThis as { process?: unknown }).process;
      expect('process' in globalThis).toBe(false);
      c = createClient();
    } finally {
      Object.defineProperty(globalThis, 'process', saved);
    }
    expect(c.auth.ApiKeyAuth).toBeUndefined();
    expect(c.baseUrl).toBe('https://api.openai.com/v1');
  });

  it('where reading `process.env` throws (Deno without --allow-env), nothing throws', () => {
    vi.stubGlobal('process', {
      env: new Proxy({}, { get: () => { throw new Error('PermissionDenied: Requires env access'); } }),
    });
    const c = createClient();
    expect(c.auth.ApiKeyAuth).toBeUndefined();
  });
});

describe('User-Agent', () => {
  it('<package>/<version> on Node.js', async () => {
    expect((await headersOf(undefined, undefined, ping))['user-agent']).toBe('openai/2.3.0');
  });

  it('a User-Agent header of the client, then of the call, overrides it', async () => {
    const c = createClient({ baseUrl: server.url, headers: { 'User-Agent': 'my-app/1.0' } });
    expect((await headersOf(c, undefined, ping))['user-agent']).toBe('my-app/1.0');
    expect((await headersOf(c, { headers: { 'user-agent': 'per-call/2' } }, ping))['user-agent']).toBe('per-call/2');
  });

  it("not where navigator.userAgent is a browser's", async () => {
    vi.stubGlobal('navigator', { userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36' });
    const c = createClient({ baseUrl: server.url });
    expect(c.userAgent).toBeUndefined();
    // Node's fetch then sends its own
    expect((await headersOf(c, undefined, ping))['user-agent']).not.toContain('openai/');
  });

  it('but on Deno, Bun, Cloudflare Workers and Node 21+ (which have a navigator of their own)', () => {
    for (const userAgent of ['Deno/2.1.4', 'Bun/1.1.38', 'Cloudflare-Workers', 'Node.js/22']) {
      vi.stubGlobal('navigator', { userAgent });
      expect(createClient().userAgent).toBe('openai/2.3.0');
    }
  });

  it('a package without one sends the platform default', async () => {
    const c = createClientCore({ baseUrl: server.url }, { ...defaults, userAgent: undefined });
    expect((await headersOf(c, {}, ping))['user-agent']).not.toContain('openai/');
  });

  it('compared with the openai package: the same kind of User-Agent, without the X-Stainless-* telemetry', async () => {
    const { default: OpenAI } = await import('openai');
    server.script(reply(200, { data: [] }));
    await new OpenAI({ apiKey: 'sk-test', baseURL: server.url }).models.list();
    const theirs = server.attempts[0]!.headers;
    const ours = await headersOf(undefined, undefined, ping);
    expect(theirs['user-agent']).toMatch(/^OpenAI\/JS \d/);
    expect(Object.keys(theirs).filter((h) => h.startsWith('x-stainless-')).length).toBeGreaterThan(3);
    expect(ours['user-agent']).toBe('openai/2.3.0');
    expect(Object.keys(ours).filter((h) => h.startsWith('x-stainless-'))).toEqual([]);
  });
});
