/**
 * Servers per operation (issue 13, point 12), against real HTTP servers: an operation that
 * declares its own server is sent there; the client can map that server to another base URL;
 * a call can set its own; next-page URLs stay on the operation's server.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { byNextUrl, createClientCore, paginate, request, type ClientConfig } from '../../templates/runtime/index.js';
import type { OperationSpec } from '../../templates/runtime/types.js';
import { reply, startServer, type FaultServer, type Step } from './fault-server.js';
import { fakeFetch, json } from './helpers.js';

let api: FaultServer;
let uploads: FaultServer;
beforeAll(async () => {
  [api, uploads] = await Promise.all([startServer(), startServer()]);
});
afterAll(() => Promise.all([api.close(), uploads.close()]));
afterEach(async () => {
  expect(await api.settle()).toBe(0);
  expect(await uploads.settle()).toBe(0);
});

const UPLOADS = 'https://uploads.github.com';
const client = (config: ClientConfig = {}) =>
  createClientCore({ baseUrl: api.url, maxRetries: 0, timeout: 3000, ...config }, { baseUrl: 'https://api.github.com', securitySchemes: {} });
// GitHub: POST /repos/{owner}/{repo}/releases/{release_id}/assets is declared on uploads.github.com
const uploadAsset: OperationSpec = {
  method: 'POST',
  path: '/repos/{owner}/{repo}/releases/{release_id}/assets',
  params: ['path:owner', 'path:repo', 'path:release_id', 'query:name'],
  body: { kind: 'binary', mediaType: 'application/octet-stream' },
  server: UPLOADS,
};
const getRepo: OperationSpec = { method: 'GET', path: '/repos/{owner}/{repo}', params: ['path:owner', 'path:repo'] };
const asset = { owner: 'o', repo: 'r', release_id: 1, name: 'a.zip', body: new Blob(['zip']) };

describe('base URL of a call', () => {
  it("an operation's server mapped by the client; other operations on the client's base URL", async () => {
    api.script(reply(200, { repo: true }));
    uploads.script(reply(201, { asset: true }));
    const c = client({ servers: { [UPLOADS]: uploads.url + '/' } });
    expect(await request(c, uploadAsset, asset)).toEqual({ asset: true });
    expect(await request(c, getRepo, { owner: 'o', repo: 'r' })).toEqual({ repo: true });
    expect(uploads.attempts.map((a) => `${a.method} ${a.url}`)).toEqual(['POST /repos/o/r/releases/1/assets?name=a.zip']);
    expect(uploads.attempts[0]!.body.toString()).toBe('zip');
    expect(api.attempts.map((a) => `${a.method} ${a.url}`)).toEqual(['GET /repos/o/r']);
  });

  it("unmapped, the operation's own server (not the client's base URL)", async () => {
    uploads.script(reply(201, { asset: 1 }));
    api.script(reply(200, {}));
    expect(await request(client(), { ...uploadAsset, server: uploads.url }, asset)).toEqual({ asset: 1 });
    expect(uploads.attempts).toHaveLength(1);
    expect(api.attempts).toHaveLength(0);
  });

  it('options.baseUrl wins over both', async () => {
    api.script(reply(200, { here: 1 }));
    uploads.script(reply(200, {}));
    const c = client({ servers: { [UPLOADS]: uploads.url } });
    expect(await request(c, uploadAsset, asset, { baseUrl: api.url })).toEqual({ here: 1 });
    expect(api.attempts).toHaveLength(1);
    expect(uploads.attempts).toHaveLength(0);
  });

  it('a server with a base path keeps it', async () => {
    uploads.script(reply(200, { ok: 1 }));
    const c = client({ servers: { 'https://example.test/v2': uploads.url + '/v2' } });
    await request(c, { ...getRepo, server: 'https://example.test/v2' }, { owner: 'o', repo: 'r' });
    expect(uploads.attempts[0]!.url).toBe('/v2/repos/o/r');
  });
});

describe('next-page URLs', () => {
  it("a next link of an operation on its own server stays there", async () => {
    const page =
      (items: number[], next?: string): Step =>
      (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json', ...(next ? { link: `<${next}>; rel="next"` } : {}) });
        res.end(JSON.stringify(items));
      };
    uploads.script(page([1, 2], '/v2/items?page=2'), page([3]));
    api.script(reply(200, []));
    const c = client({ servers: { 'https://example.test/v2': uploads.url + '/v2' } });
    const list = { method: 'GET', path: '/items', server: 'https://example.test/v2' } as const;
    const got: number[] = [];
    for await (const n of paginate<number[], number>(c, list, { kind: 'url', nextUrl: 'link', items: '', next: byNextUrl }, {})) got.push(n);
    expect(got).toEqual([1, 2, 3]);
    expect(uploads.attempts.map((a) => a.url)).toEqual(['/v2/items', '/v2/items?page=2']);
    expect(api.attempts).toHaveLength(0);
  });

  it("a relative next link without response.url resolves against the operation's base URL", async () => {
    const f = fakeFetch((_req, n) => (n == 1 ? json([1], { headers: { link: '</v2/items?page=2>; rel="next"' } }) : json([])));
    const c = createClientCore({ fetch: f, servers: { 'https://example.test/v2': 'https://mirror.test/v2' } }, { baseUrl: 'https://api.test', securitySchemes: {} });
    const list = { method: 'GET', path: '/items', server: 'https://example.test/v2' } as const;
    for await (const _ of paginate(c, list, { kind: 'url', nextUrl: 'link', items: '', next: byNextUrl }, {}));
    expect(f.calls.map((x) => x.url)).toEqual(['https://mirror.test/v2/items', 'https://mirror.test/v2/items?page=2']);
  });
});
