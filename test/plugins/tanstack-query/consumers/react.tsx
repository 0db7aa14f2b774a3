// Type test (test/plugins/tanstack-query/types.test.ts): openai-admin/query with @tanstack/react-query.
import { QueryClient, useInfiniteQuery, useMutation, useQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { createClient, type User, type UserListResponse } from 'openai-admin';
import {
  listUsersInfiniteKey,
  listUsersInfiniteOptions,
  listUsersKey,
  listUsersOptions,
  modifyUserMutation,
  retrieveUserKey,
  retrieveUserOptions,
  rootKey,
  usersKey,
  type InfinitePage,
} from 'openai-admin/query';

type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function assertType<T extends true>(): void {}

const client = createClient({ baseUrl: '/api' });
const queryClient = new QueryClient();

// keys: typed with DataTag, so the cache is typed
const cached = queryClient.getQueryData(listUsersKey({ limit: 2 }));
assertType<Equals<typeof cached, UserListResponse | undefined>>();
const one = queryClient.getQueryData(retrieveUserKey({ user_id: 'u1' }));
assertType<Equals<typeof one, User | undefined>>();
const pages = queryClient.getQueryData(listUsersInfiniteKey());
assertType<Equals<typeof pages, InfiniteData<InfinitePage<UserListResponse, User>, string | undefined> | undefined>>();
queryClient.setQueryData(listUsersKey(), (old) => old && { ...old, data: old.data.slice(1) });
// @ts-expect-error the cache of listUsers holds a UserListResponse
queryClient.setQueryData(listUsersKey(), { id: 'x' } satisfies Partial<User>);

// hierarchical: [package, group, operation, params]
const head: readonly ['openai-admin', 'users', 'listUsers', ...unknown[]] = listUsersKey({ limit: 2 });
const group: readonly ['openai-admin', 'users'] = usersKey();
const root: readonly ['openai-admin'] = rootKey();
void [head, group, root];

// @ts-expect-error limit is a number
listUsersKey({ limit: 'two' });
// @ts-expect-error retrieveUser needs user_id
retrieveUserOptions(client, {});
// @ts-expect-error listUsersKey takes params, not a client
listUsersKey(client);

export function Users() {
  const list = useQuery(listUsersOptions(client, { limit: 20 }));
  assertType<Equals<typeof list.data, UserListResponse | undefined>>();
  const selected = useQuery({ ...listUsersOptions(client), select: (page) => page.data.map((u) => u.email) });
  assertType<Equals<typeof selected.data, (string | null | undefined)[] | undefined>>();
  const all = useInfiniteQuery(listUsersInfiniteOptions(client, { limit: 20 }));
  // (the page param's type is not part of the hook's data type: TanStack's own `infiniteQueryOptions` gives the same)
  assertType<Equals<typeof all.data, InfiniteData<InfinitePage<UserListResponse, User>, unknown> | undefined>>();
  const users: User[] = all.data?.pages.flatMap((page) => page.items) ?? [];
  const qc = useQueryClient();
  const modify = useMutation({ ...modifyUserMutation(client), onSuccess: () => qc.invalidateQueries({ queryKey: usersKey() }) });
  assertType<Equals<typeof modify.data, User | undefined>>();
  const go = () => modify.mutate({ user_id: 'u1', body: { role: 'owner' } });
  // @ts-expect-error modifyUser needs user_id
  const bad = () => modify.mutate({ body: { role: 'owner' } });
  return (
    <ul onClick={go} onDoubleClick={bad}>
      {users.map((u) => (
        <li key={u.id}>{u.email}</li>
      ))}
    </ul>
  );
}
