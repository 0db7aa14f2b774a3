/**
 * Type tests of `generated/openai-admin`, checked by `typecheck.test.ts` with tsc (never run).
 * `mustCompile` is code a user writes against the contract; every `@ts-expect-error` line in
 * `mustNotCompile` is a mistake the types must catch, with the TypeScript error code expected
 * there (the test also strips the directives and checks each line fails with that code).
 */
import {
  ApiError,
  addGroupUser,
  createClient,
  deleteUser,
  inviteUser,
  listGroupUsers,
  listInvites,
  listUsers,
  modifyUser,
  removeGroupUser,
  retrieveInvite,
  retrieveUser,
  type AddGroupUserError,
  type GroupUser,
  type Invite,
  type InviteRequest,
  type User,
  type UserDeleteResponse,
  type UserListResponse,
} from '../../generated/openai-admin/src/index.js';

const client = createClient({ auth: { AdminApiKeyAuth: 'sk-admin' } });

export async function mustCompile(): Promise<void> {
  createClient();
  createClient({
    baseUrl: 'http://127.0.0.1:8080',
    auth: { AdminApiKeyAuth: async () => 'sk-admin' },
    fetch: globalThis.fetch,
    headers: { 'OpenAI-Organization': 'org_1' },
  });
  createClient({ auth: { AdminApiKeyAuth: () => 'sk-admin' } });

  const u: User = await retrieveUser(client, { user_id: 'x' });
  const role: string | null | undefined = u.role;
  const page: UserListResponse = await listUsers(client, { limit: 10, after: 'user_1', emails: ['a@x', 'b@x'] });
  const first: User | undefined = page.data[0];
  await listUsers(client);
  for await (const user of listUsers(client, { limit: 100 })) {
    const item: User = user;
    void item;
  }
  for await (const member of listGroupUsers(client, { group_id: 'g' })) {
    const item: GroupUser = member;
    void item;
  }
  const request: InviteRequest = { email: 'new@example.com', role: 'reader', projects: [{ id: 'proj_1', role: 'member' }] };
  const invite: Invite = await inviteUser(client, { body: request });
  const status: 'accepted' | 'expired' | 'pending' = invite.status;
  await listInvites(client, { limit: 1 });
  await retrieveInvite(client, { invite_id: 'invite-abc' });
  const deleted: UserDeleteResponse = await deleteUser(client, { user_id: 'x' });
  const flag: boolean = deleted.deleted;
  await modifyUser(client, { user_id: 'x', body: { role: 'owner' } });
  await removeGroupUser(client, { group_id: 'g', user_id: 'u' }, { maxRetries: 0, timeout: 1000 });
  const { data, response } = await retrieveUser(client, { user_id: 'x' }).withResponse();
  const code: number = response.status;
  const same: User = data;
  try {
    await addGroupUser(client, { group_id: 'g', body: { user_id: 'u' } }, { signal: AbortSignal.timeout(1000) });
  } catch (e) {
    if (e instanceof ApiError) {
      const s: number = e.status;
      const h: Headers = e.headers;
      const message: string = (e as ApiError<AddGroupUserError>).body.error.message;
      void [s, h, message];
    }
  }
  void [role, first, status, flag, code, same];
}

export async function mustNotCompile(): Promise<void> {
  // @ts-expect-error TS2322 'admin' is not an invite role ('reader' | 'owner')
  await inviteUser(client, { body: { email: 'a@x', role: 'admin' } });
  // @ts-expect-error TS2741 user_id is required
  await retrieveUser(client, {});
  // @ts-expect-error TS2554 params are required when a path parameter is
  await retrieveUser(client);
  // @ts-expect-error TS2322 user_id is a string
  await retrieveUser(client, { user_id: 42 });
  // @ts-expect-error TS2559 the body is a UserRoleUpdateRequest object, not a string
  await modifyUser(client, { user_id: 'x', body: 'owner' });
  // @ts-expect-error TS2741 the invite body is required
  await inviteUser(client, {});
  // @ts-expect-error TS2741 email is required in InviteRequest
  await inviteUser(client, { body: { role: 'reader' } });
  // @ts-expect-error TS2353 ApiKey is not a security scheme of this API
  createClient({ auth: { ApiKey: 'sk' } });
  // @ts-expect-error TS2322 a token provider returns a string
  createClient({ auth: { AdminApiKeyAuth: () => 42 } });
  // @ts-expect-error TS2353 listUsers has no `cursor` parameter
  await listUsers(client, { cursor: 'x' });
  // @ts-expect-error TS2322 limit is a number
  await listUsers(client, { limit: '10' });
  // @ts-expect-error TS2322 emails is a string array
  await listUsers(client, { emails: 'a@x' });
  // @ts-expect-error TS2322 order is 'asc' | 'desc'
  await listGroupUsers(client, { group_id: 'g', order: 'up' });
  // @ts-expect-error TS2741 group_id (a path parameter) is required
  await addGroupUser(client, { body: { user_id: 'u' } });

  const u = await retrieveUser(client, { user_id: 'x' });
  // @ts-expect-error TS2339 User has no `username`
  void u.username;
  // @ts-expect-error TS2741 deleteUser resolves to a UserDeleteResponse, not a User
  const wrong: User = await deleteUser(client, { user_id: 'x' });
  for await (const user of listUsers(client)) {
    // @ts-expect-error TS2339 list items are Users, not pages
    void user.has_more;
  }
  void wrong;
}
