/**
 * End to end: the compiled `generated/openai-admin` package, loaded by Node as ESM, calls a
 * recording HTTP server for each seed operation (seeds 000–003). Each case checks the request
 * as it arrived (method, raw path, raw query, body, content-type, bearer token) and the value
 * the call resolves to.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type * as Pkg from '../../generated/openai-admin/src/index.js';
import { expectNoOpenSockets } from './open-handles.js';
import { loadCompiledPackage, type CompiledPackage } from './compiled-package.js';
import { expectRequest, type WantRequest } from './expect-request.js';
import { startRecordingServer, type RecordingServer, type Reply } from '../server.js';

type Admin = typeof Pkg;

let pkg: CompiledPackage<Admin>;
let server: RecordingServer;
let client: Pkg.Client;

beforeAll(async () => {
  [pkg, server] = await Promise.all([loadCompiledPackage<Admin>('openai-admin'), startRecordingServer()]);
  client = pkg.module.createClient({ baseUrl: server.url, auth: { AdminApiKeyAuth: 'sk-admin-test' } });
}, 60_000);
afterAll(async () => {
  await server?.close();
  await pkg?.dispose();
  await expectNoOpenSockets();
});
beforeEach(() => server.reset());

const user = (id: string): Pkg.User => ({
  object: 'organization.user',
  id,
  name: 'Ann Lee',
  email: 'ann@example.com',
  role: 'owner',
  added_at: 1711471533,
});
const invite: Pkg.Invite = {
  object: 'organization.invite',
  id: 'invite-abc',
  email: 'new@example.com',
  role: 'reader',
  status: 'pending',
  created_at: 1711471533,
  projects: [],
};

interface Case {
  name: string;
  call: (m: Admin, c: Pkg.Client) => Promise<unknown>;
  reply: Reply;
  request: WantRequest;
  /** the value the call resolves to; default: the reply's body */
  result?: unknown;
}

const cases: Case[] = [
  {
    name: 'listUsers: limit, after, and emails as emails[] (brackets, as OpenAI expects: oagen.config.json) with @ encoded',
    call: (m, c) => m.listUsers(c, { limit: 2, after: 'user_abc', emails: ['a@x', 'b@x'] }),
    reply: { body: { object: 'list', data: [user('user_1')], first_id: 'user_1', last_id: 'user_1', has_more: false } },
    request: { method: 'GET', path: '/organization/users', query: ['limit=2', 'after=user_abc', 'emails%5B%5D=a%40x', 'emails%5B%5D=b%40x'] },
  },
  {
    name: 'listUsers without params sends no query string',
    call: (m, c) => m.listUsers(c),
    reply: { body: { object: 'list', data: [], has_more: false } },
    request: { method: 'GET', path: '/organization/users' },
  },
  {
    name: 'retrieveUser: a / and ? in the id stay inside one path segment',
    call: (m, c) => m.retrieveUser(c, { user_id: 'a/b?c' }),
    reply: { body: user('a/b?c') },
    request: { method: 'GET', path: '/organization/users/a%2Fb%3Fc' },
  },
  {
    name: 'modifyUser: JSON body with content-type',
    call: (m, c) => m.modifyUser(c, { user_id: 'user_abc', body: { role: 'reader' } }),
    reply: { body: { ...user('user_abc'), role: 'reader' } },
    request: { method: 'POST', path: '/organization/users/user_abc', json: { role: 'reader' } },
  },
  {
    name: 'deleteUser',
    call: (m, c) => m.deleteUser(c, { user_id: 'user_abc' }),
    reply: { body: { object: 'organization.user.deleted', id: 'user_abc', deleted: true } },
    request: { method: 'DELETE', path: '/organization/users/user_abc' },
  },
  {
    name: 'inviteUser: JSON body with nested projects',
    call: (m, c) =>
      m.inviteUser(c, { body: { email: 'new@example.com', role: 'reader', projects: [{ id: 'proj_1', role: 'member' }] } }),
    reply: { body: invite },
    request: {
      method: 'POST',
      path: '/organization/invites',
      json: { email: 'new@example.com', role: 'reader', projects: [{ id: 'proj_1', role: 'member' }] },
    },
  },
  {
    name: 'listInvites',
    call: (m, c) => m.listInvites(c, { limit: 5, after: 'invite-0' }),
    reply: { body: { object: 'list', data: [invite], first_id: 'invite-abc', last_id: 'invite-abc', has_more: false } },
    request: { method: 'GET', path: '/organization/invites', query: ['limit=5', 'after=invite-0'] },
  },
  {
    name: 'retrieveInvite',
    call: (m, c) => m.retrieveInvite(c, { invite_id: 'invite-abc' }),
    reply: { body: invite },
    request: { method: 'GET', path: '/organization/invites/invite-abc' },
  },
  {
    name: 'deleteInvite',
    call: (m, c) => m.deleteInvite(c, { invite_id: 'invite-abc' }),
    reply: { body: { object: 'organization.invite.deleted', id: 'invite-abc', deleted: true } },
    request: { method: 'DELETE', path: '/organization/invites/invite-abc' },
  },
  {
    name: 'addGroupUser: a space in the group id is %20',
    call: (m, c) => m.addGroupUser(c, { group_id: 'group 1', body: { user_id: 'user_abc' } }),
    reply: { body: { object: 'group.user', user_id: 'user_abc', group_id: 'group 1' } },
    request: { method: 'POST', path: '/organization/groups/group%201/users', json: { user_id: 'user_abc' } },
  },
  {
    name: 'listGroupUsers: path and query parameters together',
    call: (m, c) => m.listGroupUsers(c, { group_id: 'group_1', limit: 10, order: 'asc' }),
    reply: { body: { object: 'list', data: [{ id: 'user_abc', name: 'Ann', email: null }], has_more: false, next: null } },
    request: { method: 'GET', path: '/organization/groups/group_1/users', query: ['limit=10', 'order=asc'] },
  },
  {
    name: 'removeGroupUser: two path parameters',
    call: (m, c) => m.removeGroupUser(c, { group_id: 'group_1', user_id: 'user_abc' }),
    reply: { body: { object: 'group.user.deleted', deleted: true } },
    request: { method: 'DELETE', path: '/organization/groups/group_1/users/user_abc' },
  },
];

describe('generated/openai-admin against a recording server', () => {
  it.each(cases)('$name', async (c) => {
    server.script(c.reply);
    const value = await c.call(pkg.module, client);
    expect(server.requests).toHaveLength(1);
    const got = server.last();
    expectRequest(got, c.request);
    expect(got.headers.authorization).toBe('Bearer sk-admin-test');
    expect(value).toEqual('result' in c ? c.result : c.reply.body);
  });

  it('types the result: a User from retrieveUser', async () => {
    server.script({ body: user('user_abc') });
    const u: Pkg.User = await pkg.module.retrieveUser(client, { user_id: 'user_abc' });
    expect(u.id).toBe('user_abc');
    expect(u.email).toBe('ann@example.com');
  });

  it('throws ApiError (NotFoundError) with status, headers, request id and the parsed body on 404', async () => {
    const body = { error: { message: 'No such user', type: 'invalid_request_error', param: null, code: null } };
    server.script({ status: 404, body, headers: { 'x-request-id': 'req_123' } });
    const error = await pkg.module.retrieveUser(client, { user_id: 'nobody' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(pkg.module.ApiError);
    expect(error).toBeInstanceOf(pkg.module.NotFoundError);
    const e = error as Pkg.ApiError<Pkg.ErrorResponse>;
    expect(e.status).toBe(404);
    expect(e.headers.get('x-request-id')).toBe('req_123');
    expect(e.requestId).toBe('req_123');
    expect(e.message).toContain('No such user');
    expect(e.body.error.message).toBe('No such user');
  });

  it('types the error body from the declared error response (addGroupUser → ErrorResponse)', async () => {
    const body = { error: { message: 'User already in group', type: 'invalid_request_error', param: 'user_id', code: null } };
    server.script({ status: 400, body });
    const error = await pkg.module.addGroupUser(client, { group_id: 'g', body: { user_id: 'u' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(pkg.module.ApiError);
    const e = error as Pkg.ApiError<Pkg.AddGroupUserError>;
    expect(e.status).toBe(400);
    expect(e.body.error.param).toBe('user_id');
  });

  it('does not retry a 4xx', async () => {
    server.script({ status: 400, body: { error: { message: 'bad' } } });
    await expect(pkg.module.deleteInvite(client, { invite_id: 'x' })).rejects.toBeInstanceOf(pkg.module.ApiError);
    expect(server.requests).toHaveLength(1);
  });
});
