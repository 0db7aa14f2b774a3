/**
 * End to end: `createClient` options of both compiled generated packages against a recording
 * server: auth as a string, a function or an async function (asked again for every request),
 * default and per-call headers, a custom fetch, a base URL override, the spec's default base
 * URL, missing credentials, and `.withResponse()`.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type * as Admin from '../../generated/openai-admin/src/index.js';
import type * as Arthur from '../../generated/arthur/src/index.js';
import { expectNoOpenSockets } from './open-handles.js';
import { loadCompiledPackage, type CompiledPackage } from './compiled-package.js';
import { startRecordingServer, type RecordingServer } from '../server.js';

/** The structural part of either package's `ApiPromise` (its class has private fields). */
type Called = Promise<unknown> & { withResponse(): Promise<{ data: unknown; response: Response }> };

/** What these tests need of a generated package, whichever it is. */
interface Target {
  name: string;
  /** the spec's first server */
  defaultBaseUrl: string;
  /** path of the operation `call` sends, relative to the base URL */
  path: string;
  /** the user-visible auth scheme name */
  scheme: string;
  /** `createClient(config)` with `auth` under `scheme` */
  create(config: Omit<Admin.ClientConfig, 'auth'>, credential?: Admin.Credential): Admin.Client;
  /** one GET operation that needs auth and answers JSON */
  call(client: Admin.Client, options?: Admin.RequestOptions): Called;
  ApiError(): typeof Admin.ApiError;
  MissingCredentialsError(): typeof Admin.MissingCredentialsError;
}

let admin: CompiledPackage<typeof Admin>;
let arthur: CompiledPackage<typeof Arthur>;
let server: RecordingServer;

const targets: Target[] = [
  {
    name: 'openai-admin',
    defaultBaseUrl: 'https://api.openai.com/v1',
    path: '/organization/users/user_1',
    scheme: 'AdminApiKeyAuth',
    create: (config, credential) =>
      admin.module.createClient({ ...config, ...(credential !== undefined && { auth: { AdminApiKeyAuth: credential } }) }),
    call: (client, options) => admin.module.retrieveUser(client, { user_id: 'user_1' }, options),
    ApiError: () => admin.module.ApiError,
    MissingCredentialsError: () => admin.module.MissingCredentialsError,
  },
  {
    name: 'arthur',
    defaultBaseUrl: 'http://localhost',
    path: '/api/v1/users/me',
    scheme: 'OAuth2AuthorizationCode',
    create: (config, credential) =>
      arthur.module.createClient({ ...config, ...(credential !== undefined && { auth: { OAuth2AuthorizationCode: credential } }) }),
    call: (client, options) => arthur.module.getUsersMe(client, {}, options),
    ApiError: () => arthur.module.ApiError,
    MissingCredentialsError: () => arthur.module.MissingCredentialsError,
  },
];

beforeAll(async () => {
  [admin, arthur, server] = await Promise.all([
    loadCompiledPackage<typeof Admin>('openai-admin'),
    loadCompiledPackage<typeof Arthur>('arthur'),
    startRecordingServer(),
  ]);
}, 60_000);
afterAll(async () => {
  await server?.close();
  await Promise.all([admin?.dispose(), arthur?.dispose()]);
  await expectNoOpenSockets();
});
beforeEach(() => server.reset());

const credentials: [string, () => Admin.Credential][] = [
  ['a string', () => 'tok-1'],
  ['a function', () => () => 'tok-1'],
  ['an async function', () => async () => 'tok-1'],
];

describe.each(targets)('$name: createClient', (t) => {
  it.each(credentials)('sends the bearer token given as %s', async (_, credential) => {
    await t.call(t.create({ baseUrl: server.url }, credential()));
    expect(server.last().path).toBe(t.path);
    expect(server.last().headers.authorization).toBe('Bearer tok-1');
  });

  it('asks an async token provider again for every request', async () => {
    let n = 0;
    const client = t.create({ baseUrl: server.url }, async () => `tok-${++n}`);
    await t.call(client);
    await t.call(client);
    expect(server.requests.map((r) => r.headers.authorization)).toEqual(['Bearer tok-1', 'Bearer tok-2']);
  });

  it('sends default headers with every request; per-call headers win', async () => {
    const client = t.create({ baseUrl: server.url, headers: { 'x-team': 'blue', 'x-trace': 'default' } }, 'tok');
    await t.call(client);
    await t.call(client, { headers: { 'x-trace': 'call-2' } });
    expect(server.requests.map((r) => [r.headers['x-team'], r.headers['x-trace']])).toEqual([
      ['blue', 'default'],
      ['blue', 'call-2'],
    ]);
  });

  it('sends through a custom fetch', async () => {
    const seen: string[] = [];
    const customFetch: typeof fetch = (input, init) => {
      const req = new Request(input, init);
      seen.push(`${req.method} ${req.url}`);
      return fetch(req);
    };
    await t.call(t.create({ baseUrl: server.url, fetch: customFetch }, 'tok'));
    expect(seen).toEqual([`GET ${server.url}${t.path}`]);
    expect(server.requests).toHaveLength(1);
  });

  it('takes a base URL with a path prefix (and a trailing slash)', async () => {
    await t.call(t.create({ baseUrl: `${server.url}/gateway/` }, 'tok'));
    expect(server.last().path).toBe(`/gateway${t.path}`);
  });

  it("defaults the base URL to the spec's first server", async () => {
    const seen: string[] = [];
    const offline: typeof fetch = async (input, init) => {
      seen.push(new Request(input, init).url);
      return new Response('{}', { headers: { 'content-type': 'application/json' } });
    };
    await t.call(t.create({ fetch: offline }, 'tok'));
    expect(seen).toEqual([t.defaultBaseUrl + t.path]);
  });

  it('rejects with MissingCredentialsError, sending nothing, when auth is not configured', async () => {
    const error = await t.call(t.create({ baseUrl: server.url })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(t.MissingCredentialsError());
    expect(String((error as Error).message)).toContain(t.scheme);
    expect(server.requests).toHaveLength(0);
  });

  it('never puts the token in an ApiError message', async () => {
    server.script({ status: 401, body: { error: { message: 'bad key' } } });
    const error = await t.call(t.create({ baseUrl: server.url, maxRetries: 0 }, 'secret-token-value')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(t.ApiError());
    expect((error as Admin.ApiError).status).toBe(401);
    expect(String((error as Error).message) + String((error as Error).stack)).not.toContain('secret-token-value');
  });

  it('.withResponse() gives the typed data with the status and headers', async () => {
    server.script({ body: { id: 'x' }, headers: { 'x-request-id': 'req_9', 'x-ratelimit-remaining': '41' } });
    const { data, response } = await t.call(t.create({ baseUrl: server.url }, 'tok')).withResponse();
    expect(data).toEqual({ id: 'x' });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-ratelimit-remaining')).toBe('41');
  });
});
