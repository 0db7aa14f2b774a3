/**
 * End to end: lists whose pages are linked by the `Link` response header (GitHub's style) are
 * detected as paginated, compile, and `for await` walks every page a real server links, for a
 * bare array body and for an items array inside an object; a link to another origin is refused.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { generateClient } from '../../src/generate.js';
import { tempDir } from '../generate/helpers.js';
import { loadCompiledPackage, repoRoot, type CompiledPackage } from './compiled-package.js';
import { expectNoOpenSockets } from './open-handles.js';
import { startRecordingServer, type RecordingServer } from '../server.js';

interface User { id: number; login: string }
interface LinkPages {
  createClient(config: { baseUrl: string }): unknown;
  listUsers(client: unknown, params?: { per_page?: number; page?: number }): PromiseLike<User[]> & AsyncIterable<User> & { pages(): AsyncIterable<User[]> };
  listRuns(client: unknown, params?: { per_page?: number }): PromiseLike<{ workflow_runs: { id: number }[] }> & AsyncIterable<{ id: number }>;
}

let pkg: CompiledPackage<LinkPages>;
let server: RecordingServer;
let client: unknown;

beforeAll(async () => {
  const output = join(tempDir(), 'link-pages');
  await generateClient({ name: 'link-pages', spec: join(repoRoot, 'test/e2e/fixtures/link-pages.yaml'), output });
  [pkg, server] = await Promise.all([loadCompiledPackage<LinkPages>('link-pages', output), startRecordingServer()]);
  client = pkg.module.createClient({ baseUrl: server.url });
}, 60_000);
afterAll(async () => {
  await server?.close();
  await pkg?.dispose();
  await expectNoOpenSockets();
});
beforeEach(() => server.reset());

const users = Array.from({ length: 5 }, (_, i) => ({ id: i + 1, login: `u${i + 1}` }));

/** GitHub-style pages of 2: `Link: <…?page=N+1&per_page=2>; rel="next", <…>; rel="last"` until the last. */
function linkedPages(host: () => string, item: (u: User) => unknown, wrap: (items: unknown[]) => unknown) {
  return (req: { query: string; path: string }) => {
    const q = new URLSearchParams(req.query);
    const page = Number(q.get('page') ?? 1);
    const size = Number(q.get('per_page') ?? 2);
    const slice = users.slice((page - 1) * size, page * size);
    const last = Math.ceil(users.length / size);
    const links = [`<${host()}${req.path}?page=1&per_page=${size}>; rel="first"`];
    if (page < last) links.unshift(`<${host()}${req.path}?page=${page + 1}&per_page=${size}>; rel="next"`);
    links.push(`<${host()}${req.path}?page=${last}&per_page=${size}>; rel="last"`);
    return { body: wrap(slice.map(item)), headers: { link: links.join(', ') } };
  };
}

describe('Link-header pagination', () => {
  it('walks every item of a bare-array list, following rel="next" until there is none', async () => {
    server.answer(linkedPages(() => server.url, (u) => u, (items) => items));
    const seen: string[] = [];
    for await (const user of pkg.module.listUsers(client, { per_page: 2 })) seen.push(user.login);
    expect(seen).toEqual(['u1', 'u2', 'u3', 'u4', 'u5']);
    expect(server.requests.map((r) => r.query)).toEqual(['per_page=2', 'page=2&per_page=2', 'page=3&per_page=2']);
  });

  it('awaiting gives the first page alone; .pages() gives the pages', async () => {
    server.answer(linkedPages(() => server.url, (u) => u, (items) => items));
    expect(await pkg.module.listUsers(client, { per_page: 2 })).toEqual(users.slice(0, 2));
    expect(server.requests).toHaveLength(1);
    const sizes: number[] = [];
    for await (const page of pkg.module.listUsers(client, { per_page: 2 }).pages()) sizes.push(page.length);
    expect(sizes).toEqual([2, 2, 1]);
  });

  it('takes the items of an object body from its items array', async () => {
    server.answer(linkedPages(() => server.url, (u) => ({ id: u.id }), (items) => ({ total_count: users.length, workflow_runs: items })));
    const ids: number[] = [];
    for await (const run of pkg.module.listRuns(client, { per_page: 2 })) ids.push(run.id);
    expect(ids).toEqual([1, 2, 3, 4, 5]);
  });

  it('refuses a next link to another origin (credentials would follow it)', async () => {
    server.answer(linkedPages(() => 'http://elsewhere.example', (u) => u, (items) => items));
    const walk = async () => {
      for await (const _ of pkg.module.listUsers(client, { per_page: 2 })) void _;
    };
    await expect(walk()).rejects.toThrow(/another origin/);
    expect(server.requests).toHaveLength(1);
  });
});
