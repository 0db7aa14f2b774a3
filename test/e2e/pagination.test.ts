/**
 * End to end: `for await` over the paginated list operations of both compiled packages walks
 * every page served by a recording server: OpenAI's cursor lists (`after` = the previous page's
 * `last_id` or `next`, until `has_more` is false) and Arthur's page-numbered list (`page` up to
 * `pagination.total_pages`). Awaiting gives the first page alone; breaking early stops fetching.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type * as Admin from '../../generated/openai-admin/src/index.js';
import type * as Arthur from '../../generated/arthur/src/index.js';
import { expectNoOpenSockets } from './open-handles.js';
import { loadCompiledPackage, type CompiledPackage } from './compiled-package.js';
import { startRecordingServer, type RecordingServer, type Responder } from '../server.js';

let admin: CompiledPackage<typeof Admin>;
let arthur: CompiledPackage<typeof Arthur>;
let server: RecordingServer;
let adminClient: Admin.Client;
let arthurClient: Arthur.Client;

beforeAll(async () => {
  [admin, arthur, server] = await Promise.all([
    loadCompiledPackage<typeof Admin>('openai-admin'),
    loadCompiledPackage<typeof Arthur>('arthur'),
    startRecordingServer(),
  ]);
  adminClient = admin.module.createClient({ baseUrl: server.url, auth: { AdminApiKeyAuth: 'sk-admin' } });
  arthurClient = arthur.module.createClient({ baseUrl: server.url, auth: { OAuth2AuthorizationCode: 'tok' } });
}, 60_000);
afterAll(async () => {
  await server?.close();
  await Promise.all([admin?.dispose(), arthur?.dispose()]);
  await expectNoOpenSockets();
});
beforeEach(() => server.reset());

const ids = ['id_1', 'id_2', 'id_3', 'id_4', 'id_5'];
const query = (q: string) => new URLSearchParams(q);

/** An OpenAI-style cursor list over `ids`: `limit` items after `after`; the cursor in `cursorField`. */
function cursorList(cursorField: 'last_id' | 'next', item: (id: string) => object): Responder {
  return (req) => {
    const q = query(req.query);
    const limit = Number(q.get('limit') ?? 20);
    const after = q.get('after');
    const start = after ? ids.indexOf(after) + 1 : 0;
    const page = ids.slice(start, start + limit);
    const hasMore = start + limit < ids.length;
    const cursor = cursorField === 'last_id' ? { first_id: page[0], last_id: page.at(-1) } : { next: hasMore ? page.at(-1) : null };
    return { body: { object: 'list', data: page.map(item), has_more: hasMore, ...cursor } };
  };
}

const adminUser = (id: string): Admin.User => ({ object: 'organization.user', id, added_at: 1 });
const adminInvite = (id: string): Admin.Invite => ({
  object: 'organization.invite',
  id,
  email: `${id}@example.com`,
  role: 'reader',
  status: 'pending',
  created_at: 1,
  projects: [],
});
const groupUser = (id: string): Admin.GroupUser => ({ id, name: id, email: null });

interface CursorCase {
  name: string;
  path: string;
  cursorField: 'last_id' | 'next';
  item: (id: string) => object;
  /** the list call with `limit: 2` (and any other params) */
  list(): AsyncIterable<{ id: string }> & { pages(): AsyncIterable<{ data: { id: string }[] }> } & Promise<{ data: unknown[] }>;
  /** query pieces besides limit and after, on every page */
  other: string[];
}

const cursorCases: CursorCase[] = [
  {
    name: 'listUsers (last_id)',
    path: '/organization/users',
    cursorField: 'last_id',
    item: adminUser,
    list: () => admin.module.listUsers(adminClient, { limit: 2, emails: ['a@x'] }),
    other: ['emails%5B%5D=a%40x'],
  },
  {
    name: 'listInvites (last_id)',
    path: '/organization/invites',
    cursorField: 'last_id',
    item: adminInvite,
    list: () => admin.module.listInvites(adminClient, { limit: 2 }),
    other: [],
  },
  {
    name: 'listGroupUsers (next)',
    path: '/organization/groups/group_1/users',
    cursorField: 'next',
    item: groupUser,
    list: () => admin.module.listGroupUsers(adminClient, { group_id: 'group_1', limit: 2, order: 'asc' }),
    other: ['order=asc'],
  },
];

const sortedQuery = (q: string) => q.split('&').filter(Boolean).sort();

describe('openai-admin cursor pagination', () => {
  it.each(cursorCases)('$name: for await walks 3 pages, after = the previous cursor', async (c) => {
    server.answer(cursorList(c.cursorField, c.item));
    const seen: string[] = [];
    for await (const item of c.list()) seen.push(item.id);
    expect(seen).toEqual(ids);
    expect(server.requests.map((r) => r.path)).toEqual([c.path, c.path, c.path]);
    expect(server.requests.map((r) => sortedQuery(r.query))).toEqual([
      ['limit=2', ...c.other].sort(),
      ['limit=2', 'after=id_2', ...c.other].sort(),
      ['limit=2', 'after=id_4', ...c.other].sort(),
    ]);
    expect(server.requests.every((r) => r.headers.authorization === 'Bearer sk-admin')).toBe(true);
  });

  it.each(cursorCases)('$name: .pages() yields each page', async (c) => {
    server.answer(cursorList(c.cursorField, c.item));
    const pages: string[][] = [];
    for await (const page of c.list().pages()) pages.push(page.data.map((x) => x.id));
    expect(pages).toEqual([['id_1', 'id_2'], ['id_3', 'id_4'], ['id_5']]);
  });

  it.each(cursorCases)('$name: await gives the first page only', async (c) => {
    server.answer(cursorList(c.cursorField, c.item));
    const first = await c.list();
    expect(first.data).toHaveLength(2);
    expect(server.requests).toHaveLength(1);
  });

  it('types the items: User from listUsers', async () => {
    server.answer(cursorList('last_id', adminUser));
    const users: Admin.User[] = [];
    for await (const user of admin.module.listUsers(adminClient)) users.push(user);
    expect(users.map((u) => u.object)).toEqual(ids.map(() => 'organization.user'));
    expect(server.requests).toHaveLength(1); // default limit 20 fits all five
  });

  it('stops fetching when the loop breaks', async () => {
    server.answer(cursorList('last_id', adminUser));
    for await (const user of admin.module.listUsers(adminClient, { limit: 2 })) {
      expect(user.id).toBe('id_1');
      break;
    }
    expect(server.requests).toHaveLength(1);
  });

  it('an error on a later page rejects the loop with ApiError', async () => {
    const pages = cursorList('last_id', adminUser);
    server.answer((req, i) => (i === 1 ? { status: 404, body: { error: { message: 'gone' } } } : pages(req, i)));
    const seen: string[] = [];
    const error = await (async () => {
      for await (const user of admin.module.listUsers(adminClient, { limit: 2 })) seen.push(user.id);
    })().catch((e: unknown) => e);
    expect(seen).toEqual(['id_1', 'id_2']);
    expect(error).toBeInstanceOf(admin.module.ApiError);
    expect((error as Admin.ApiError).status).toBe(404);
  });
});

/** Arthur's page-numbered list over `ids`, `page_size` per page, 1-based `page`. */
const pageList =
  (total = ids.length): Responder =>
  (req) => {
    const q = query(req.query);
    const page = Number(q.get('page') ?? 1);
    const size = Number(q.get('page_size') ?? 20);
    const all = ids.slice(0, total);
    const records = all.slice((page - 1) * size, page * size).map(
      (id): Arthur.User => ({
        id,
        organization_id: 'org',
        organization_name: 'Org',
        first_name: id,
        last_name: null,
        user_type: 'user',
        created_at: '2024-01-01T00:00:00Z',
        updated_at: '2024-01-01T00:00:00Z',
      }),
    );
    const pagination: Arthur.Pagination = {
      page,
      page_size: size,
      total_pages: Math.ceil(all.length / size),
      total_records: all.length,
    };
    return { body: { records, pagination } };
  };

describe('arthur page-number pagination', () => {
  it('for await walks pages 1..total_pages, keeping the other params', async () => {
    server.answer(pageList());
    const seen: string[] = [];
    for await (const user of arthur.module.getOrganizationUsers(arthurClient, {
      page_size: 2,
      sort: 'first_name',
      user_types: ['user', 'service_account'],
    })) {
      const u: Arthur.User = user;
      seen.push(u.id);
    }
    expect(seen).toEqual(ids);
    const pageOf = server.requests.map((r) => query(r.query).get('page'));
    expect(pageOf.slice(1)).toEqual(['2', '3']);
    expect([null, '1']).toContain(pageOf[0]);
    for (const r of server.requests) {
      expect(r.path).toBe('/api/v1/organization/users');
      expect(r.query).toContain('page_size=2');
      expect(r.query).toContain('sort=first_name');
      expect(r.query).toContain('user_types=user&user_types=service_account');
    }
  });

  it('stops at total_pages when the last page is full (no request for an empty page)', async () => {
    server.answer(pageList(4));
    const seen: string[] = [];
    for await (const user of arthur.module.getOrganizationUsers(arthurClient, { page_size: 2 })) seen.push(user.id);
    expect(seen).toEqual(['id_1', 'id_2', 'id_3', 'id_4']);
    expect(server.requests).toHaveLength(2);
  });

  it('starts from the page the caller gives', async () => {
    server.answer(pageList());
    const seen: string[] = [];
    for await (const user of arthur.module.getOrganizationUsers(arthurClient, { page: 2, page_size: 2 })) seen.push(user.id);
    expect(seen).toEqual(['id_3', 'id_4', 'id_5']);
    expect(server.requests.map((r) => query(r.query).get('page'))).toEqual(['2', '3']);
  });

  it('.pages() yields ResourceListUser pages', async () => {
    server.answer(pageList());
    const pages: Arthur.ResourceListUser[] = [];
    for await (const page of arthur.module.getOrganizationUsers(arthurClient, { page_size: 2 }).pages()) pages.push(page);
    expect(pages.map((p) => p.records.length)).toEqual([2, 2, 1]);
    expect(pages.map((p) => p.pagination.page)).toEqual([1, 2, 3]);
  });
});
