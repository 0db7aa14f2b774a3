/**
 * Servers per operation, with GitHub's spec: the release-asset upload declares its own server
 * (`https://uploads.github.com`), the repository read uses the spec's (`https://api.github.com`).
 * With both mapped to local servers through the client config, each call reaches its own.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompiledPackage } from '../e2e/compiled-package.js';
import { generateAndLoad, specsDir } from './generate.js';
import { mediaType, startRecordingServer, type RecordingServer } from '../server.js';

type Operation = (client: unknown, params?: unknown, options?: unknown) => Promise<any>;
type Module = { createClient(config: Record<string, unknown>): unknown } & Record<string, Operation>;

let pkg: CompiledPackage<Module>;
let uploads: RecordingServer;
let api: RecordingServer;
let client: unknown;

beforeAll(async () => {
  [pkg, uploads, api] = await Promise.all([
    generateAndLoad<Module>({
      name: 'github-wire',
      spec: join(specsDir, 'github.com', 'api.github.com.json'),
      include: { operations: ['repos/upload-release-asset', 'repos/get'] },
    }),
    startRecordingServer(),
    startRecordingServer(),
  ]);
  client = pkg.module.createClient({ baseUrl: api.url, servers: { 'https://uploads.github.com': uploads.url }, maxRetries: 0 });
}, 60_000);
afterAll(async () => {
  await Promise.all([uploads?.close(), api?.close()]);
  await pkg?.dispose();
});

const asset = { id: 1, name: 'app.zip', label: 'App', state: 'uploaded' };
const zip = () => new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0xff, 0x00]);

describe('GitHub: an operation with its own server goes there, mapped through the config', () => {
  it('the release-asset upload reaches the uploads server, the bytes as sent', async () => {
    uploads.reset();
    api.reset();
    uploads.script({ status: 201, body: asset });
    const got = await pkg.module.reposUploadReleaseAsset!(client, { owner: 'octo', repo: 'hello', release_id: 7, name: 'app.zip', label: 'App', body: zip() });
    expect(got).toEqual(asset);
    expect(api.requests).toHaveLength(0);
    expect(uploads.requests).toHaveLength(1);
    const req = uploads.requests[0]!;
    expect({ method: req.method, path: req.path, query: req.query }).toEqual({ method: 'POST', path: '/repos/octo/hello/releases/7/assets', query: 'name=app.zip&label=App' });
    expect(mediaType(req.headers['content-type'])).toBe('application/octet-stream');
    expect([...req.bytes]).toEqual([...zip()]);
  });

  it('the repository read reaches the API server (the client’s base URL)', async () => {
    uploads.reset();
    api.reset();
    api.script({ body: { id: 1, name: 'hello', full_name: 'octo/hello' } });
    const got = await pkg.module.reposGet!(client, { owner: 'octo', repo: 'hello' });
    expect(got).toEqual({ id: 1, name: 'hello', full_name: 'octo/hello' });
    expect(uploads.requests).toHaveLength(0);
    expect(api.requests.map((r) => [r.method, r.path, r.query])).toEqual([['GET', '/repos/octo/hello', '']]);
  });

  it('a call’s own baseUrl wins over the operation’s server', async () => {
    uploads.reset();
    api.reset();
    api.script({ status: 201, body: asset });
    await pkg.module.reposUploadReleaseAsset!(client, { owner: 'octo', repo: 'hello', release_id: 7, name: 'app.zip', body: zip() }, { baseUrl: api.url });
    expect(uploads.requests).toHaveLength(0);
    expect(api.requests.map((r) => [r.method, r.path])).toEqual([['POST', '/repos/octo/hello/releases/7/assets']]);
  });

  it('without a mapping, the upload goes to https://uploads.github.com and the read to the base URL', async () => {
    const urls: string[] = [];
    const fetch = async (input: Request | string | URL) => {
      urls.push(input instanceof Request ? input.url : String(input));
      return new Response(JSON.stringify(asset), { status: 201, headers: { 'content-type': 'application/json' } });
    };
    const plain = pkg.module.createClient({ fetch, maxRetries: 0 });
    await pkg.module.reposUploadReleaseAsset!(plain, { owner: 'octo', repo: 'hello', release_id: 7, name: 'app.zip', body: zip() });
    await pkg.module.reposGet!(plain, { owner: 'octo', repo: 'hello' });
    expect(urls).toEqual(['https://uploads.github.com/repos/octo/hello/releases/7/assets?name=app.zip', 'https://api.github.com/repos/octo/hello']);
  });
});
