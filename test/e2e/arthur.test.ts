/**
 * End to end: the compiled `generated/arthur` package, loaded by Node as ESM, calls a
 * recording HTTP server for each of the ten operations of Arthur's users API (seed 004):
 * the request as it arrived, the resolved value (`undefined` for 204), and `ApiError`s.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type * as Pkg from '../../generated/arthur/src/index.js';
import { expectNoOpenSockets } from './open-handles.js';
import { loadCompiledPackage, type CompiledPackage } from './compiled-package.js';
import { expectRequest, type WantRequest } from './expect-request.js';
import { startRecordingServer, type RecordingServer, type Reply } from '../server.js';

type Arthur = typeof Pkg;

let pkg: CompiledPackage<Arthur>;
let server: RecordingServer;
let client: Pkg.Client;

beforeAll(async () => {
  [pkg, server] = await Promise.all([loadCompiledPackage<Arthur>('arthur'), startRecordingServer()]);
  client = pkg.module.createClient({ baseUrl: server.url, auth: { OAuth2AuthorizationCode: 'arthur-token' } });
}, 60_000);
afterAll(async () => {
  await server?.close();
  await pkg?.dispose();
  await expectNoOpenSockets();
});
beforeEach(() => server.reset());

const user: Pkg.User = {
  id: 'user_1',
  organization_id: 'org_1',
  organization_name: 'Acme',
  first_name: 'Ann',
  last_name: 'Lee',
  email: 'ann@example.com',
  user_type: 'user',
  created_at: '2024-01-01T00:00:00Z',
  updated_at: '2024-01-02T00:00:00Z',
};
const credentials: Pkg.UserServiceAccountCredentials = {
  ...user,
  user_type: 'service_account',
  email: null,
  client_id: 'client_1',
  credentials: { client_id: 'client_1', client_secret: 'secret' },
};
const sensitive: Pkg.SensitiveUser = {
  ...user,
  credentials: { password: 'new-password', client_id: null, client_secret: null },
};

interface Case {
  name: string;
  call: (m: Arthur, c: Pkg.Client) => Promise<unknown>;
  reply: Reply;
  request: WantRequest;
  /** the value the call resolves to; default: the reply's body */
  result?: unknown;
}

const cases: Case[] = [
  {
    name: 'get_organization_users: enums, user_types as form + explode, search encoded, page numbers',
    call: (m, c) =>
      m.getOrganizationUsers(c, {
        sort: 'email',
        order: 'desc',
        user_types: ['user', 'service_account'],
        search: 'ann lee&co',
        page: 2,
        page_size: 5,
      }),
    reply: { body: { records: [user], pagination: { page: 2, page_size: 5, total_pages: 2, total_records: 6 } } },
    request: {
      method: 'GET',
      path: '/api/v1/organization/users',
      query: ['sort=email', 'order=desc', 'user_types=user', 'user_types=service_account', 'search=ann%20lee%26co', 'page=2', 'page_size=5'],
    },
  },
  {
    name: 'get_organization_users: user_ids array',
    call: (m, c) => m.getOrganizationUsers(c, { user_ids: ['u1', 'u2'] }),
    reply: { body: { records: [], pagination: { total_pages: 0, total_records: 0 } } },
    request: { method: 'GET', path: '/api/v1/organization/users', query: ['user_ids=u1', 'user_ids=u2'] },
  },
  {
    name: 'post_organization_user',
    call: (m, c) =>
      m.postOrganizationUser(c, { body: { email: 'ann@example.com', first_name: 'Ann', password: 'pw', last_name: null } }),
    reply: { body: user },
    request: {
      method: 'POST',
      path: '/api/v1/organization/users',
      json: { email: 'ann@example.com', first_name: 'Ann', password: 'pw', last_name: null },
    },
  },
  {
    name: 'post_organization_service_account',
    call: (m, c) => m.postOrganizationServiceAccount(c, { body: { name: 'ci-bot' } }),
    reply: { body: credentials },
    request: { method: 'POST', path: '/api/v1/organization/service_accounts', json: { name: 'ci-bot' } },
  },
  {
    name: 'post_organization_user_invite: 201 with a free-form object',
    call: (m, c) =>
      m.postOrganizationUserInvite(c, {
        body: {
          email: 'new@example.com',
          group_ids: ['g1'],
          role_binding: { bound_resource_kind: 'workspace', resource_id: 'w1', role_id: 'r1' },
        },
      }),
    reply: { status: 201, body: { invited: true } },
    request: {
      method: 'POST',
      path: '/api/v1/organization/users/invite-user',
      json: {
        email: 'new@example.com',
        group_ids: ['g1'],
        role_binding: { bound_resource_kind: 'workspace', resource_id: 'w1', role_id: 'r1' },
      },
    },
  },
  {
    name: 'get_users_me: no params at all',
    call: (m, c) => m.getUsersMe(c),
    reply: { body: user },
    request: { method: 'GET', path: '/api/v1/users/me' },
  },
  {
    name: 'accept_my_invites: 204 resolves to undefined',
    call: (m, c) => m.acceptMyInvites(c),
    reply: { status: 204 },
    request: { method: 'POST', path: '/api/v1/users/me/accept-invite' },
    result: undefined,
  },
  {
    name: 'delete_user: 204 resolves to undefined; a / in the id is %2F',
    call: (m, c) => m.deleteUser(c, { user_id: 'u/1' }),
    reply: { status: 204 },
    request: { method: 'DELETE', path: '/api/v1/users/u%2F1' },
    result: undefined,
  },
  {
    name: 'patch_user: JSON body keeps explicit nulls',
    call: (m, c) => m.patchUser(c, { user_id: 'user_1', body: { first_name: 'Anna', picture: null } }),
    reply: { body: { ...user, first_name: 'Anna' } },
    request: { method: 'PATCH', path: '/api/v1/users/user_1', json: { first_name: 'Anna', picture: null } },
  },
  {
    name: 'post_user_creds: POST without a body',
    call: (m, c) => m.postUserCreds(c, { user_id: 'user_1' }),
    reply: { body: sensitive },
    request: { method: 'POST', path: '/api/v1/users/user_1/credentials' },
  },
  {
    name: 'patch_service_account_user',
    call: (m, c) => m.patchServiceAccountUser(c, { user_id: 'sa_1', body: { name: 'renamed' } }),
    reply: { body: { ...credentials, first_name: 'renamed' } },
    request: { method: 'PATCH', path: '/api/v1/users/sa_1/service_account', json: { name: 'renamed' } },
  },
];

describe('generated/arthur against a recording server', () => {
  it.each(cases)('$name', async (c) => {
    server.script(c.reply);
    const value = await c.call(pkg.module, client);
    expect(server.requests).toHaveLength(1);
    const got = server.last();
    expectRequest(got, c.request);
    expect(got.headers.authorization).toBe('Bearer arthur-token');
    expect(value).toEqual('result' in c ? c.result : c.reply.body);
  });

  it('types the results: User, ResourceListUser', async () => {
    server.script({ body: user }, { body: { records: [user], pagination: { total_pages: 1, total_records: 1 } } });
    const me: Pkg.User = await pkg.module.getUsersMe(client);
    const list: Pkg.ResourceListUser = await pkg.module.getOrganizationUsers(client, { page_size: 1 });
    expect(me.user_type).toBe('user');
    expect(list.records[0]?.id).toBe('user_1');
    expect(list.pagination.total_pages).toBe(1);
  });

  it('422: ApiError with the FastAPI validation body, typed as the operation error', async () => {
    const body: Pkg.HTTPValidationError = {
      detail: [{ loc: ['query', 'page_size'], msg: 'ensure this value is less than or equal to 1000', type: 'value_error' }],
    };
    server.script({ status: 422, body });
    const error = await pkg.module.getOrganizationUsers(client, { page_size: 5000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(pkg.module.ApiError);
    expect(error).toBeInstanceOf(pkg.module.UnprocessableEntityError);
    const e = error as Pkg.ApiError<Pkg.GetOrganizationUsersError>;
    expect(e.status).toBe(422);
    expect(e.headers.get('content-type')).toMatch(/application\/json/);
    expect(e.body.detail?.[0]?.loc).toEqual(['query', 'page_size']);
    expect(e.body).toEqual(body);
    expect(server.requests).toHaveLength(1);
  });

  it('404 without a body: ApiError with the status', async () => {
    server.script({ status: 404 });
    const error = await pkg.module.deleteUser(client, { user_id: 'missing' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(pkg.module.ApiError);
    expect(error).toBeInstanceOf(pkg.module.NotFoundError);
    expect((error as Pkg.ApiError).status).toBe(404);
    expect((error as Pkg.ApiError).body).toBeUndefined();
  });

  it('409 from post_organization_user is an ApiError and a POST is not retried', async () => {
    server.script({ status: 409, body: 'user exists' });
    const error = await pkg.module
      .postOrganizationUser(client, { body: { email: 'a@x', first_name: 'A', password: 'p' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(pkg.module.ApiError);
    expect((error as Pkg.ApiError).status).toBe(409);
    expect(error).toBeInstanceOf(pkg.module.ConflictError);
    expect((error as Pkg.ApiError).body).toBe('user exists');
    expect(server.requests).toHaveLength(1);
  });
});
