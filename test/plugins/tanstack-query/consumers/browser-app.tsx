// The React page of test/plugins/tanstack-query/browser.test.ts: openai-admin/query with
// @tanstack/react-query, bundled by esbuild and loaded in headless Chromium. An infinite list of
// the organization's users (two per page, one more page per click on "More"), and a button
// that makes user_3 an owner (modifyUser), then invalidates every users query.
import { QueryClient, QueryClientProvider, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { createClient } from 'openai-admin';
import { listUsersInfiniteOptions, modifyUserMutation, usersKey } from 'openai-admin/query';
import { createRoot } from 'react-dom/client';

const client = createClient({ baseUrl: `${location.origin}/v1`, auth: { AdminApiKeyAuth: 'sk-admin-test' }, maxRetries: 0 });
const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 60_000 } } });

function Users() {
  const users = useInfiniteQuery(listUsersInfiniteOptions(client, { limit: 2 }));
  const cache = useQueryClient();
  const promote = useMutation({
    ...modifyUserMutation(client),
    onSuccess: () => cache.invalidateQueries({ queryKey: usersKey() }),
  });
  if (users.isPending) return <p id="status">loading</p>;
  if (users.isError) return <p id="status">error: {users.error.message}</p>;
  const all = users.data.pages.flatMap((page) => page.items);
  return (
    <main>
      <ul id="users">
        {all.map((u) => (
          <li key={u.id} data-id={u.id} data-role={u.role ?? ''}>
            {u.email} ({u.role})
          </li>
        ))}
      </ul>
      <p id="pages">{users.data.pages.length}</p>
      <p id="status">{users.isFetching ? 'fetching' : users.hasNextPage ? 'more' : 'all'}</p>
      <button id="more" disabled={!users.hasNextPage || users.isFetchingNextPage} onClick={() => users.fetchNextPage()}>
        More
      </button>
      <button id="promote" onClick={() => promote.mutate({ user_id: 'user_3', body: { role: 'owner' } })}>
        Make user_3 an owner
      </button>
      <p id="mutation">{promote.status}</p>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <QueryClientProvider client={queryClient}>
    <Users />
  </QueryClientProvider>,
);
