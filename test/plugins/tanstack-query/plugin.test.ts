/**
 * The `tanstack-query` plugin on a small spec (fixtures/catalog.yaml: a page-numbered list, a
 * paginated POST search, a create, a delete, a HEAD, an event stream): which operations become
 * queries, infinite queries and mutations, the `queries` option, and the package it writes,
 * compiled and run with `@tanstack/query-core` against a real HTTP server: keys stable and
 * hierarchical (a group's key invalidates that group's queries, an operation's its own), a POST
 * search as a query and as an infinite query, a HEAD query, a mutation. With the plugin off
 * nothing of it is written; with it on, nothing else changes but the README and package.json.
 */
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { hashKey, InfiniteQueryObserver, MutationObserver, QueryClient, type InfiniteQueryObserverResult } from '@tanstack/query-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientConfig, PluginEntry } from '../../../src/config.js';
import { renderClient } from '../../../src/generate.js';
import { loadCompiledPackage, type CompiledPackage } from '../../e2e/compiled-package.js';
import { startRecordingServer, type RecordingServer } from '../../server.js';
import { tsBlocks, typeCheckBlocks } from '../docs/helpers.js';
import { tempDir } from '../../tmp.js';
import { runTsc } from '../../tsc.js';
import { configuredClient, ROOT, writeClient } from './package.js';

const SPEC = join(import.meta.dirname, 'fixtures/catalog.yaml');
const entry = (name: string, options?: unknown): PluginEntry => ({ name, file: 'test', at: `plugins[${name}]`, ...(options ? { options } : {}) });
const catalog = (plugins: PluginEntry[]): ClientConfig => ({ name: 'catalog', spec: SPEC, output: join(tempDir('oagen-query-out-'), 'catalog'), plugins });
const exportsOf = (files: Map<string, string>) => [...(files.get('src/query/items.ts') ?? '').matchAll(/^export function (\w+)/gm)].map((m) => m[1]).sort();

describe('which operations get what', () => {
  it('GET and HEAD are queries, paginated ones infinite queries too, the others mutations; event streams nothing', async () => {
    const { files } = await renderClient(catalog([entry('client'), entry('tanstack-query')]));
    expect(exportsOf(files)).toEqual([
      'createItemMutation',
      'deleteItemMutation',
      'itemExistsKey',
      'itemExistsOptions',
      'itemsKey',
      'listItemsInfiniteKey',
      'listItemsInfiniteOptions',
      'listItemsKey',
      'listItemsOptions',
      'searchItemsInfiniteKey',
      'searchItemsInfiniteOptions',
      'searchItemsMutation',
    ]);
    expect([...files.keys()].filter((f) => f.startsWith('src/query/')).sort()).toEqual(['src/query/index.ts', 'src/query/items.ts', 'src/query/runtime.ts']);
  });

  it('the queries option makes a POST search a query (by function name or METHOD /path)', async () => {
    for (const name of ['searchItems', 'POST /items/search']) {
      const { files } = await renderClient(catalog([entry('client'), entry('tanstack-query', { queries: [name] })]));
      const names = exportsOf(files);
      expect(names).toContain('searchItemsOptions');
      expect(names).toContain('searchItemsKey');
      expect(names).not.toContain('searchItemsMutation');
    }
  });

  it('a queries entry naming no operation, or a wrong option, is an error', async () => {
    await expect(renderClient(catalog([entry('client'), entry('tanstack-query', { queries: ['searchThings'] })]))).rejects.toThrow(/queries: "searchThings" names no operation of catalog/);
    await expect(renderClient(catalog([entry('client'), entry('tanstack-query', { queries: 'searchItems' })]))).rejects.toThrow(/queries must be a list/);
    await expect(renderClient(catalog([entry('client'), entry('tanstack-query', { query: [] })]))).rejects.toThrow(/"query" is not an option/);
  });
});

describe('names', () => {
  const spec = (ops: string[]) => {
    const file = join(tempDir('oagen-query-spec-'), 'names.yaml');
    const paths = ops.map((id, i) => `  /r${i}:\n    get:\n      operationId: ${id}\n      tags: [items]\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: { type: object }\n`);
    writeFileSync(file, `openapi: 3.1.0\ninfo: { title: Names, version: 1.0.0 }\npaths:\n${paths.join('')}`);
    return file;
  };
  const render = (ops: string[]) => renderClient({ name: 'names', spec: spec(ops), output: join(tempDir('oagen-query-out-'), 'names'), plugins: [entry('client'), entry('tanstack-query')] });

  it("a group key gives way to an operation's key (itemsGroupKey)", async () => {
    const { files } = await render(['items', 'listItems']);
    expect(exportsOf(files)).toEqual(['itemsGroupKey', 'itemsKey', 'itemsOptions', 'listItemsKey', 'listItemsOptions']);
  });

  it("a name already taken gets a `_`; helpers and operations named like the file's locals are imported under an alias", async () => {
    const { files } = await render(['list', 'listOptions', 'client', 'query', 'queryOptions_']);
    expect(exportsOf(files)).toEqual(
      // (operationId `queryOptions_` is the function queryOptions: the options of `query` give way)
      ['clientKey', 'clientOptions', 'itemsKey', 'listKey', 'listOptionsKey', 'listOptions_', 'listOptionsOptions', 'queryKey', 'queryOptionsKey', 'queryOptionsOptions', 'queryOptions_'].sort(),
    );
    const dir = join(tempDir('oagen-query-out-'), 'names');
    mkdirSync(dir, { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
    for (const [path, content] of files) {
      mkdirSync(dirname(join(dir, 'pkg', path)), { recursive: true });
      writeFileSync(join(dir, 'pkg', path), content);
    }
    const r = await runTsc(join(dir, 'check'), { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['ES2022', 'DOM'], types: [], strict: true, noEmit: true, skipLibCheck: true }, { files: [join(dir, 'pkg/src/query/index.ts')] });
    expect(r.diagnostics.map((d) => `${d.file}:${d.line} ${d.message}`)).toEqual([]);
  }, 120_000);
});

describe('determinism', () => {
  /** Reverse the key order of every object (arrays keep their order: it is meaningful). */
  const reverseKeys = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(reverseKeys) : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).reverse().map((k) => [k, reverseKeys((v as Record<string, unknown>)[k])])) : v;
  const queryFiles = (files: Map<string, string>) => [...files].filter(([p]) => p.startsWith('src/query/') || p === 'README.md').map(([p, c]) => [p, c.replace(/^\/\/ Generated by oagen from .*\n/, '')]).sort();

  it('the same files twice, and whatever the order of the keys in the spec', async () => {
    const plugins = [entry('client'), entry('docs'), entry('tanstack-query', { queries: ['searchItems'] })];
    const a = await renderClient(catalog(plugins));
    const b = await renderClient(catalog(plugins));
    expect(queryFiles(b.files)).toEqual(queryFiles(a.files));
    const reordered = join(tempDir('oagen-query-spec-'), 'catalog.json');
    writeFileSync(reordered, JSON.stringify(reverseKeys(load(readFileSync(SPEC, 'utf8')))));
    const c = await renderClient({ ...catalog(plugins), spec: reordered });
    expect(queryFiles(c.files)).toEqual(queryFiles(a.files));
  });
});

describe('the package.json and the other files', () => {
  it('the plugin adds <pkg>/query and @tanstack/query-core (peer), and changes no other file but the README', async () => {
    const arthur = configuredClient('arthur');
    const off = await renderClient({ ...arthur, output: join(tempDir('oagen-query-out-'), 'arthur'), plugins: [entry('client'), entry('docs')] });
    const on = await renderClient({ ...arthur, output: join(tempDir('oagen-query-out-'), 'arthur'), plugins: [entry('client'), entry('docs'), entry('tanstack-query')] });
    expect([...off.files.keys()].some((f) => f.startsWith('src/query/'))).toBe(false);
    expect(off.files.get('package.json')).not.toContain('@tanstack');
    const changed = [...on.files.keys()].filter((f) => on.files.get(f) !== off.files.get(f)).sort();
    expect(changed.filter((f) => !f.startsWith('src/query/'))).toEqual(['README.md', 'package.json']);
    const pkgOff = JSON.parse(off.files.get('package.json')!);
    const pkgOn = JSON.parse(on.files.get('package.json')!);
    expect(pkgOn.exports['./query']).toEqual({ types: './dist/query/index.d.ts', import: './dist/query/index.js' });
    expect(pkgOn.peerDependencies).toEqual({ '@tanstack/query-core': expect.stringMatching(/^\^5\./) });
    expect(pkgOn.devDependencies['@tanstack/query-core']).toBe(pkgOn.peerDependencies['@tanstack/query-core']);
    expect(pkgOn.dependencies).toEqual(pkgOff.dependencies);
    expect(on.files.get('README.md')).toContain('## TanStack Query');
    expect(off.files.get('README.md')).not.toContain('TanStack');
    // the section's examples (React, Vue, a QueryClient) type-check against Arthur's package too
    const examples = tsBlocks(on.files).filter((b) => b.file === 'README.md' && b.code.includes('arthur/query'));
    expect(examples.map((b) => b.lang)).toEqual(['tsx', 'ts', 'ts']);
    expect(await typeCheckBlocks('arthur', on.files, examples)).toEqual([]);
  }, 120_000);
});

interface Q {
  itemsKey(): readonly unknown[];
  rootKey(): readonly unknown[];
  listItemsKey(params?: object): readonly unknown[];
  listItemsOptions(client: unknown, params?: object): { queryKey: readonly unknown[] };
  listItemsInfiniteOptions(client: unknown, params?: object): { queryKey: readonly unknown[] };
  searchItemsKey(params?: object): readonly unknown[];
  searchItemsOptions(client: unknown, params: object): { queryKey: readonly unknown[] };
  searchItemsInfiniteOptions(client: unknown, params: object): { queryKey: readonly unknown[] };
  itemExistsOptions(client: unknown, params: object): { queryKey: readonly unknown[] };
  createItemMutation(client: unknown): { mutationKey: readonly unknown[] };
}

describe('the package, compiled, with @tanstack/query-core and a real server', () => {
  let pkg: CompiledPackage<{ createClient(config: object): unknown }>;
  let q: Q;
  let server: RecordingServer;
  let client: unknown;
  beforeAll(async () => {
    const { dir } = await writeClient(catalog([entry('client'), entry('tanstack-query', { queries: ['searchItems'] })]));
    [pkg, server] = await Promise.all([loadCompiledPackage<{ createClient(config: object): unknown }>('catalog', dir), startRecordingServer()]);
    q = (await import(/* @vite-ignore */ pathToFileURL(join(pkg.dir, 'dist/query/index.js')).href)) as Q;
    client = pkg.module.createClient({ baseUrl: server.url, maxRetries: 0 });
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await pkg?.dispose();
  });

  it('keys: [package, group, operation, params], deterministic, the same for the same params in any order', () => {
    expect(q.rootKey()).toEqual(['catalog']);
    expect(q.itemsKey()).toEqual(['catalog', 'items']);
    expect(q.listItemsKey({ page: 2, per_page: 10 })).toEqual(['catalog', 'items', 'listItems', { page: 2, per_page: 10 }]);
    expect(q.listItemsKey()).toEqual(['catalog', 'items', 'listItems', {}]);
    expect(q.listItemsOptions(client).queryKey).toEqual(q.listItemsKey());
    expect(q.listItemsInfiniteOptions(client, { per_page: 2 }).queryKey).toEqual(['catalog', 'items', 'listItems', { per_page: 2 }, 'infinite']);
    expect(hashKey(q.listItemsKey({ page: 2, per_page: 10 }))).toBe(hashKey(q.listItemsKey({ per_page: 10, page: 2 })));
    expect(hashKey(q.listItemsOptions(client, { page: 1 }).queryKey)).toBe(hashKey(q.listItemsKey({ page: 1 })));
    expect(hashKey(q.listItemsKey({ page: 1 }))).not.toBe(hashKey(q.listItemsKey({ page: 2 })));
    expect(q.createItemMutation(client).mutationKey).toEqual(['catalog', 'items', 'createItem']);
  });

  it('an operation key invalidates its own queries (plain and infinite), a group key all of the group', async () => {
    const qc = new QueryClient();
    const keys = [q.listItemsKey({ page: 1 }), q.listItemsInfiniteOptions(client, { per_page: 2 }).queryKey, q.searchItemsKey({ body: { text: 'a' } })];
    for (const k of keys) qc.setQueryData(k, { any: 'data' });
    const invalid = () => keys.map((k) => qc.getQueryState(k)!.isInvalidated);
    await qc.invalidateQueries({ queryKey: q.listItemsKey() });
    expect(invalid()).toEqual([true, true, false]);
    await qc.invalidateQueries({ queryKey: q.itemsKey() });
    expect(invalid()).toEqual([true, true, true]);
    qc.clear();
  });

  it('a POST search as a query: the body is sent, the key holds it', async () => {
    server.reset();
    server.answer(() => ({ body: { results: [{ id: 'i1', name: 'apple' }], next: null } }));
    const qc = new QueryClient();
    const data = await qc.fetchQuery(q.searchItemsOptions(client, { body: { text: 'app' } }) as never);
    expect(data).toEqual({ results: [{ id: 'i1', name: 'apple' }], next: null });
    expect(server.requests.map((r) => `${r.method} ${r.path} ${r.body}`)).toEqual(['POST /items/search {"text":"app"}']);
    expect(qc.getQueryData(q.searchItemsKey({ body: { text: 'app' } }))).toEqual(data);
    qc.clear();
  });

  it('a paginated POST search as an infinite query: every page, the cursor in the query, the same body', async () => {
    server.reset();
    server.answer((req) => {
      const cursor = new URLSearchParams(req.query).get('cursor');
      return { body: { results: [{ id: cursor ?? 'c0', name: 'x' }], next: cursor === null ? 'c1' : cursor === 'c1' ? 'c2' : null } };
    });
    const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const observer = new InfiniteQueryObserver(qc, q.searchItemsInfiniteOptions(client, { body: { text: 'x' } }) as never);
    let result = (await observer.refetch()) as InfiniteQueryObserverResult;
    while (result.hasNextPage) result = await observer.fetchNextPage();
    const pages = (result.data as { pages: { items: { id: string }[] }[] }).pages;
    expect(pages.flatMap((p) => p.items.map((i) => i.id))).toEqual(['c0', 'c1', 'c2']);
    expect(server.requests.map((r) => `${r.method} ${r.path}?${r.query} ${r.body}`)).toEqual([
      'POST /items/search? {"text":"x"}',
      'POST /items/search?cursor=c1 {"text":"x"}',
      'POST /items/search?cursor=c2 {"text":"x"}',
    ]);
    qc.clear();
  });

  it('a HEAD query resolves to null (TanStack needs a value), a mutation sends its params', async () => {
    server.reset();
    server.script({ status: 204 }, { status: 201, body: { id: 'i9', name: 'pear' } });
    const qc = new QueryClient();
    expect(await qc.fetchQuery(q.itemExistsOptions(client, { id: 'i1' }) as never)).toBeNull();
    const created = await new MutationObserver(qc, q.createItemMutation(client) as never).mutate({ body: { name: 'pear' } } as never);
    expect(created).toEqual({ id: 'i9', name: 'pear' });
    expect(server.requests.map((r) => `${r.method} ${r.path} ${r.body}`)).toEqual(['HEAD /items/i1 ', 'POST /items {"name":"pear"}']);
    qc.clear();
  });
});
