/**
 * Type tests of `generated/arthur`, checked by `typecheck.test.ts` with tsc (never run).
 * `mustCompile` is code a user writes against the contract; every `@ts-expect-error` line in
 * `mustNotCompile` is a mistake the types must catch, with the TypeScript error code expected
 * there (the test also strips the directives and checks each line fails with that code).
 */
import {
  ApiError,
  UserSort,
  acceptMyInvites,
  createClient,
  deleteUser,
  getOrganizationUsers,
  getUsersMe,
  patchServiceAccountUser,
  patchUser,
  postOrganizationServiceAccount,
  postOrganizationUser,
  postOrganizationUserInvite,
  postUserCreds,
  type GetOrganizationUsersError,
  type HTTPValidationError,
  type ResourceListUser,
  type SensitiveUser,
  type SortOrder,
  type User,
  type UserServiceAccountCredentials,
  type UserType,
} from '../../generated/arthur/src/index.js';

const client = createClient({ auth: { OAuth2AuthorizationCode: 'token' } });

export async function mustCompile(): Promise<void> {
  createClient();
  createClient({ baseUrl: 'https://arthur.example', auth: { OAuth2AuthorizationCode: async () => 'token' } });

  const me: User = await getUsersMe(client);
  const kind: UserType = me.user_type;
  const lastName: string | null = me.last_name;
  const list: ResourceListUser = await getOrganizationUsers(client, {
    sort: 'email',
    order: 'desc',
    user_types: ['user', 'service_account'],
    search: 'ann',
    user_ids: ['u1', null],
    page: 1,
    page_size: 100,
  });
  const pages: number = list.pagination.total_pages;
  await getOrganizationUsers(client);
  for await (const user of getOrganizationUsers(client, { page_size: 50 })) {
    const item: User = user;
    void item;
  }
  const sorts: readonly UserSort[] = UserSort;
  const order: SortOrder = 'asc';
  const created: User = await postOrganizationUser(client, {
    body: { email: 'a@x', first_name: 'Ann', password: 'pw', last_name: null },
  });
  const sa: UserServiceAccountCredentials = await postOrganizationServiceAccount(client, { body: { name: 'bot' } });
  const secret: string = sa.credentials.client_secret;
  await postOrganizationUserInvite(client, { body: { email: 'a@x' } });
  const nothing: void = await acceptMyInvites(client);
  const gone: void = await deleteUser(client, { user_id: 'u1' });
  await patchUser(client, { user_id: 'u1', body: { picture: null } });
  await patchServiceAccountUser(client, { user_id: 'u1', body: { name: 'renamed' } });
  const creds: SensitiveUser = await postUserCreds(client, { user_id: 'u1' });
  const password: string | null = creds.credentials.password;
  try {
    await getOrganizationUsers(client, { page_size: 5000 });
  } catch (e) {
    if (e instanceof ApiError && e.status === 422) {
      const body: HTTPValidationError = (e as ApiError<GetOrganizationUsersError>).body;
      const where: (string | number)[] | undefined = body.detail?.[0]?.loc;
      void where;
    }
  }
  void [kind, lastName, pages, sorts, order, created, secret, nothing, gone, password];
}

export async function mustNotCompile(): Promise<void> {
  // @ts-expect-error TS2322 'nope' is not a UserSort
  await getOrganizationUsers(client, { sort: 'nope' });
  // @ts-expect-error TS2322 'up' is not a SortOrder
  await getOrganizationUsers(client, { order: 'up' });
  // @ts-expect-error TS2322 'admin' is not a UserType
  await getOrganizationUsers(client, { user_types: ['admin'] });
  // @ts-expect-error TS2322 page is a number
  await getOrganizationUsers(client, { page: '2' });
  // @ts-expect-error TS2741 user_id is required
  await deleteUser(client, {});
  // @ts-expect-error TS2554 params are required when a path parameter is
  await postUserCreds(client);
  // @ts-expect-error TS2322 first_name is a string
  await patchUser(client, { user_id: 'u1', body: { first_name: 42 } });
  // @ts-expect-error TS2739 first_name and password are required in PostEndUser
  await postOrganizationUser(client, { body: { email: 'a@x' } });
  // @ts-expect-error TS2741 the body is required
  await postOrganizationServiceAccount(client, {});
  // @ts-expect-error TS2353 Bearer is not a security scheme of this API
  createClient({ auth: { Bearer: 'token' } });
  // @ts-expect-error TS2322 'group' is not a BoundResourceKind
  await postOrganizationUserInvite(client, { body: { email: 'a@x', role_binding: { bound_resource_kind: 'group', resource_id: 'g', role_id: 'r' } } });

  const me = await getUsersMe(client);
  // @ts-expect-error TS2339 User has no `username`
  void me.username;
  // @ts-expect-error TS2322 a 204 operation resolves to void, not a User
  const wrong: User = await acceptMyInvites(client);
  // @ts-expect-error TS2339 the page's items are under `records`
  void (await getOrganizationUsers(client)).data;
  try {
    await getOrganizationUsers(client);
  } catch (e) {
    // @ts-expect-error TS2339 the FastAPI validation body has `detail`, not `message`
    void (e as ApiError<GetOrganizationUsersError>).body.message;
  }
  void wrong;
}
