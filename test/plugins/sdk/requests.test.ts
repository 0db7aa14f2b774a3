/**
 * The resource-style client sends what the functions send: the seed operations (users,
 * group users, invites: ../shared/seeds) called through `new OpenAIAdmin(...)` and through
 * the functions against one recording server, compared request by request (method, raw path,
 * raw query, body, content-type, auth, accept, user agent), with the same results and the
 * same error classes. Pagination, per-call options and `withOptions` too.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectNoOpenSockets } from '../../e2e/open-handles.js';
import { startRecordingServer, type RecordedRequest, type RecordingServer, type Reply } from '../../server.js';
import { join } from 'node:path';
import { repoRoot } from '../../e2e/compiled-package.js';
import { tempDir } from '../../tmp.js';
import { configuredAdmin, loadWithSdk } from './helpers.js';

// the packages are loaded at run time from a temp folder: typed loosely here, strictly in types.test.ts
type Fn = (client: unknown, params?: unknown, options?: unknown) => Promise<unknown> & AsyncIterable<unknown>;
type Pkg = Record<string, Fn> & { createClient(config: object): unknown; ApiError: new (...a: never[]) => Error; NotFoundError: new (...a: never[]) => Error };
type Sdk = any; // eslint-disable-line @typescript-eslint/no-explicit-any

let pkg: Awaited<ReturnType<typeof loadWithSdk<Pkg, { OpenAIAdmin: new (config?: object) => Sdk }>>>;
let server: RecordingServer;
let client: unknown;
let openai: Sdk;

beforeAll(async () => {
  [pkg, server] = await Promise.all([loadWithSdk<Pkg, { OpenAIAdmin: new (config?: object) => Sdk }>(configuredAdmin()), startRecordingServer()]);
  const config = { baseUrl: server.url, auth: { AdminApiKeyAuth: 'sk-admin-test' }, maxRetries: 0 };
  client = pkg.module.createClient(config);
  openai = new pkg.sdk.OpenAIAdmin(config);
}, 120_000);
afterAll(async () => {
  await server?.close();
  await pkg?.dispose();
  await expectNoOpenSockets();
});
beforeEach(() => server.reset());

/** What must be equal between two requests. */
function wire(r: RecordedRequest) {
  return {
    method: r.method,
    path: r.path,
    query: r.query,
    body: r.body === '' ? undefined : JSON.parse(r.body),
    contentType: r.headers['content-type'],
    authorization: r.headers['authorization'],
    accept: r.headers['accept'],
    userAgent: r.headers['user-agent'],
  };
}

const user = { object: 'organization.user', id: 'user_abc', name: 'Ann', email: 'ann@example.com', role: 'owner', added_at: 1 };
const invite = { object: 'organization.invite', id: 'invite-abc', email: 'new@example.com', role: 'reader', status: 'pending', created_at: 1, projects: [] };
const list = (data: unknown[]) => ({ object: 'list', data, first_id: 'a', last_id: 'b', has_more: false });

interface Case {
  name: string;
  fn: (m: Pkg) => Promise<unknown>;
  sdk: (o: Sdk) => Promise<unknown>;
  reply: Reply;
}

const cases: Case[] = [
  { name: 'users.list()', fn: (m) => m.listUsers(client), sdk: (o) => o.users.list(), reply: { body: list([user]) } },
  {
    name: 'users.list({ limit, after, emails })',
    fn: (m) => m.listUsers(client, { limit: 2, after: 'user_x', emails: ['a@x', 'b@x'] }),
    sdk: (o) => o.users.list({ limit: 2, after: 'user_x', emails: ['a@x', 'b@x'] }),
    reply: { body: list([user]) },
  },
  { name: 'users.retrieve(id) with / in the id', fn: (m) => m.retrieveUser(client, { user_id: 'a/b?c' }), sdk: (o) => o.users.retrieve('a/b?c'), reply: { body: user } },
  {
    name: 'users.update(id, { role }) (modifyUser, body flattened)',
    fn: (m) => m.modifyUser(client, { user_id: 'user_abc', body: { role: 'reader' } }),
    sdk: (o) => o.users.update('user_abc', { role: 'reader' }),
    reply: { body: { ...user, role: 'reader' } },
  },
  { name: 'users.delete(id)', fn: (m) => m.deleteUser(client, { user_id: 'user_abc' }), sdk: (o) => o.users.delete('user_abc'), reply: { body: { object: 'organization.user.deleted', id: 'user_abc', deleted: true } } },
  {
    name: 'groups.users.add(groupId, { user_id })',
    fn: (m) => m.addGroupUser(client, { group_id: 'group_1', body: { user_id: 'user_abc' } }),
    sdk: (o) => o.groups.users.add('group_1', { user_id: 'user_abc' }),
    reply: { body: { object: 'group.user', user_id: 'user_abc', group_id: 'group_1' } },
  },
  {
    name: 'groups.users.list(groupId, { limit, order })',
    fn: (m) => m.listGroupUsers(client, { group_id: 'group_1', limit: 5, order: 'asc' }),
    sdk: (o) => o.groups.users.list('group_1', { limit: 5, order: 'asc' }),
    reply: { body: list([]) },
  },
  {
    name: 'groups.users.remove(groupId, userId)',
    fn: (m) => m.removeGroupUser(client, { group_id: 'group_1', user_id: 'user_abc' }),
    sdk: (o) => o.groups.users.remove('group_1', 'user_abc'),
    reply: { body: { object: 'group.user.deleted', deleted: true } },
  },
  {
    name: 'invites.create({ email, role }) (inviteUser)',
    fn: (m) => m.inviteUser(client, { body: { email: 'new@example.com', role: 'reader' } }),
    sdk: (o) => o.invites.create({ email: 'new@example.com', role: 'reader' }),
    reply: { body: invite },
  },
  { name: 'invites.list({ limit })', fn: (m) => m.listInvites(client, { limit: 3 }), sdk: (o) => o.invites.list({ limit: 3 }), reply: { body: list([invite]) } },
  { name: 'invites.retrieve(id)', fn: (m) => m.retrieveInvite(client, { invite_id: 'invite-abc' }), sdk: (o) => o.invites.retrieve('invite-abc'), reply: { body: invite } },
  { name: 'invites.delete(id)', fn: (m) => m.deleteInvite(client, { invite_id: 'invite-abc' }), sdk: (o) => o.invites.delete('invite-abc'), reply: { body: { object: 'organization.invite.deleted', id: 'invite-abc', deleted: true } } },
  {
    name: 'projects.users.update(projectId, userId, { role }) (two positional path parameters in path order)',
    fn: (m) => m.modifyProjectUser(client, { project_id: 'proj_1', user_id: 'user_abc', body: { role: 'member' } }),
    sdk: (o) => o.projects.users.update('proj_1', 'user_abc', { role: 'member' }),
    reply: { body: user },
  },
  {
    name: 'certificates.retrieve(id, { include }) (a query parameter beside a positional one)',
    fn: (m) => m.getCertificate(client, { certificate_id: 'cert_1', include: ['content'] }),
    sdk: (o) => o.certificates.retrieve('cert_1', { include: ['content'] }),
    reply: { body: { object: 'certificate', id: 'cert_1' } },
  },
];

describe('new OpenAIAdmin(...) sends the requests the functions send', () => {
  it.each(cases)('$name', async ({ fn, sdk, reply }) => {
    server.script(reply);
    const a = await fn(pkg.module);
    const viaFn = wire(server.last());
    server.reset();
    server.script(reply);
    const b = await sdk(openai);
    const viaSdk = wire(server.last());
    expect(server.requests).toHaveLength(1);
    expect(viaSdk).toEqual(viaFn);
    expect(viaSdk.authorization).toBe('Bearer sk-admin-test');
    expect(b).toEqual(a);
    expect(b).toEqual(reply.body);
  });

  it('paginates the same way: for await over every page', async () => {
    const pages = (): Reply[] => [
      { body: { object: 'list', data: [{ ...user, id: 'u1' }], first_id: 'u1', last_id: 'u1', has_more: true } },
      { body: { object: 'list', data: [{ ...user, id: 'u2' }], first_id: 'u2', last_id: 'u2', has_more: false } },
    ];
    server.script(...pages());
    const viaFn: string[] = [];
    for await (const u of pkg.module.listUsers(client, { limit: 1 })) viaFn.push((u as { id: string }).id);
    const fnRequests = server.requests.map(wire);
    server.reset();
    server.script(...pages());
    const viaSdk: string[] = [];
    for await (const u of openai.users.list({ limit: 1 })) viaSdk.push(u.id);
    expect(viaSdk).toEqual(['u1', 'u2']);
    expect(viaSdk).toEqual(viaFn);
    expect(server.requests.map(wire)).toEqual(fnRequests);
    expect(server.requests[1].query).toContain('after=u1');
  });

  it('throws the same error classes', async () => {
    server.script({ status: 404, body: { error: { message: 'no such user' } } });
    const e = await openai.users.retrieve('nobody').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(pkg.module.NotFoundError);
    expect(e).toBeInstanceOf(pkg.module.ApiError);
  });

  it('passes per-call options last (headers, query)', async () => {
    server.script({ body: user });
    await openai.users.retrieve('user_abc', { headers: { 'x-trace': 't1' }, query: { extra: '1' } });
    expect(server.last().headers['x-trace']).toBe('t1');
    expect(server.last().query).toBe('extra=1');
    server.script({ body: invite });
    await openai.invites.create({ email: 'a@b.c', role: 'owner' }, { headers: { 'x-trace': 't2' } });
    expect(server.last().headers['x-trace']).toBe('t2');
    expect(JSON.parse(server.last().body)).toEqual({ email: 'a@b.c', role: 'owner' });
  });

  it('withOptions derives a client; the original is unchanged', async () => {
    const traced = openai.withOptions({ headers: { 'x-team': 'blue' } });
    expect(traced).toBeInstanceOf(pkg.sdk.OpenAIAdmin);
    server.script({ body: list([]) }, { body: list([]) });
    await traced.users.list();
    expect(server.requests[0].headers['x-team']).toBe('blue');
    expect(server.requests[0].headers['authorization']).toBe('Bearer sk-admin-test');
    await openai.users.list();
    expect(server.requests[1].headers['x-team']).toBeUndefined();
    // auth merged key by key: a new credential replaces the old one
    const other = traced.withOptions({ auth: { AdminApiKeyAuth: 'sk-other' } });
    server.script({ body: list([]) });
    await other.users.list();
    expect(server.last().headers['authorization']).toBe('Bearer sk-other');
    expect(server.last().headers['x-team']).toBe('blue');
  });

  it('exposes its Client for the functions', async () => {
    server.script({ body: list([]) });
    await pkg.module.listUsers(openai.client);
    expect(server.last().path).toBe('/organization/users');
  });
});

describe('fixture shop: flattened bodies beside query and header parameters, and the clash fallback, on the wire', () => {
  type ShopPkg = Record<string, Fn> & { createClient(config: object): unknown };
  let shop: Awaited<ReturnType<typeof loadWithSdk<ShopPkg, { Shop: new (config?: object) => Sdk }>>>;
  let shopClient: unknown;
  let sdk: Sdk;
  beforeAll(async () => {
    shop = await loadWithSdk<ShopPkg, { Shop: new (config?: object) => Sdk }>({
      name: 'shop',
      spec: join(repoRoot, 'test/plugins/sdk/fixtures/shop.yaml'),
      output: join(tempDir('sdk-never-'), 'shop'),
      plugins: [
        { name: 'client', file: 'test', at: 'plugins[0]' },
        { name: 'sdk', options: { className: 'Shop' }, file: 'test', at: 'plugins[1]' },
      ],
    });
    shopClient = shop.module.createClient({ baseUrl: server.url, maxRetries: 0 });
    sdk = new shop.sdk.Shop({ baseUrl: server.url, maxRetries: 0 });
  }, 120_000);
  afterAll(() => shop?.dispose());

  const shopCases: { name: string; fn: (m: ShopPkg) => Promise<unknown>; sdk: (o: Sdk) => Promise<unknown>; reply?: Reply }[] = [
    {
      name: 'items.prices.set(id, { currency, dry_run, "X-Request-Note", amount, note }): query and header keys taken out, the rest is the body',
      fn: (m) => m.setItemPrice(shopClient, { item_id: 'i1', currency: 'EUR', dry_run: true, 'X-Request-Note': 'n', body: { amount: 3, note: 'sale' } }),
      sdk: (o) => o.items.prices.set('i1', { currency: 'EUR', dry_run: true, 'X-Request-Note': 'n', amount: 3, note: 'sale' }),
    },
    {
      name: 'items.prices.set with only required fields',
      fn: (m) => m.setItemPrice(shopClient, { item_id: 'i1', currency: 'EUR', body: { amount: 3 } }),
      sdk: (o) => o.items.prices.set('i1', { currency: 'EUR', amount: 3 }),
    },
    {
      name: 'items.update (clash: body stays under body)',
      fn: (m) => m.patchItem(shopClient, { item_id: 'i1', limit: 1, body: { name: 'pen', limit: 2 } }),
      sdk: (o) => o.items.update('i1', { limit: 1, body: { name: 'pen', limit: 2 } }),
    },
    { name: 'items.tags.update (array body)', fn: (m) => m.replaceItemTags(shopClient, { item_id: 'i1', body: ['a'] }), sdk: (o) => o.items.tags.update('i1', { body: ['a'] }), reply: { status: 204 } },
    { name: 'orders.lines.update without its optional body', fn: (m) => m.updateOrderLine(shopClient, { order_id: 'o/1', line_id: 7 }), sdk: (o) => o.orders.lines.update('o/1', 7) },
    { name: 'items.create flattened', fn: (m) => m.createItem(shopClient, { body: { name: 'pen' } }), sdk: (o) => o.items.create({ name: 'pen' }) },
    { name: 'items.publish (action)', fn: (m) => m.publishItem(shopClient, { item_id: 'i1' }), sdk: (o) => o.items.publish('i1'), reply: { status: 204 } },
  ];

  it.each(shopCases)('$name', async ({ fn, sdk: call, reply }) => {
    server.script(reply ?? { body: { id: 'i1', name: 'pen' } });
    const a = await fn(shop.module);
    const viaFn = { ...wire(server.last()), headers: server.last().headers['x-request-note'] };
    server.reset();
    server.script(reply ?? { body: { id: 'i1', name: 'pen' } });
    const b = await call(sdk);
    const viaSdk = { ...wire(server.last()), headers: server.last().headers['x-request-note'] };
    expect(viaSdk).toEqual(viaFn);
    expect(b).toEqual(a);
  });
});
