// Type test (test/plugins/tanstack-query/types.test.ts): the same option objects with @tanstack/vue-query.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type InfiniteData } from '@tanstack/vue-query';
import { computed, defineComponent, h } from 'vue';
import { createClient, type User, type UserListResponse } from 'openai-admin';
import { listUsersInfiniteOptions, listUsersKey, listUsersOptions, modifyUserMutation, retrieveUserOptions, usersKey, type InfinitePage } from 'openai-admin/query';

type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function assertType<T extends true>(): void {}

const client = createClient({ baseUrl: '/api' });

export default defineComponent({
  setup() {
    const list = useQuery(listUsersOptions(client, { limit: 20 }));
    assertType<Equals<typeof list.data.value, UserListResponse | undefined>>();
    const one = useQuery(retrieveUserOptions(client, { user_id: 'u1' }));
    assertType<Equals<typeof one.data.value, User | undefined>>();
    const all = useInfiniteQuery(listUsersInfiniteOptions(client, { limit: 20 }));
    assertType<Equals<typeof all.data.value, InfiniteData<InfinitePage<UserListResponse, User>, unknown> | undefined>>();
    const users = computed(() => all.data.value?.pages.flatMap((page) => page.items) ?? []);
    const queryClient = useQueryClient();
    const cached = queryClient.getQueryData(listUsersKey({ limit: 20 }));
    assertType<Equals<typeof cached, UserListResponse | undefined>>();
    const modify = useMutation({ ...modifyUserMutation(client), onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey() }) });
    // @ts-expect-error modifyUser needs user_id
    const bad = () => modify.mutate({ body: { role: 'owner' } });
    return () =>
      h('ul', { onDblclick: bad }, [
        ...users.value.map((u) => h('li', { key: u.id }, u.email ?? u.id)),
        h('button', { onClick: () => modify.mutate({ user_id: 'u1', body: { role: 'owner' } }) }, 'Make owner'),
      ]);
  },
});
