/**
 * Type tests of inputs the contract rules out but a loose type would let through, checked by
 * `typecheck.test.ts` with tsc (never run): params given to an operation that takes none
 * (its params type must not be the empty `{}` type, which accepts any non-null value), and a
 * basic-auth credential given to a bearer scheme (`auth` values are `string | () => string |
 * Promise<string>` for `http` bearer and `oauth2` schemes).
 */
import { acceptMyInvites, createClient, getUsersMe } from '../../generated/arthur/src/index.js';
import { createClient as createAdminClient } from '../../generated/openai-admin/src/index.js';

const client = createClient({ auth: { OAuth2AuthorizationCode: 'token' } });

export async function mustCompile(): Promise<void> {
  await getUsersMe(client);
  await getUsersMe(client, {});
  await getUsersMe(client, undefined, { timeout: 1000 });
  await acceptMyInvites(client, {}, { maxRetries: 0 });
}

export async function mustNotCompile(): Promise<void> {
  // @ts-expect-error get_users_me takes no `foo` parameter
  await getUsersMe(client, { foo: 1 });
  // @ts-expect-error params are an object, not a number
  await getUsersMe(client, 42);
  // @ts-expect-error params are an object, not a string
  await acceptMyInvites(client, 'x');
  // @ts-expect-error OAuth2AuthorizationCode takes a bearer token, not a username and password
  createClient({ auth: { OAuth2AuthorizationCode: { username: 'a', password: 'b' } } });
  // @ts-expect-error AdminApiKeyAuth takes a bearer token, not a username and password
  createAdminClient({ auth: { AdminApiKeyAuth: { username: 'a', password: 'b' } } });
}
