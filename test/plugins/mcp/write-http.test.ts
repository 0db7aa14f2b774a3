/**
 * The `mcp` plugin with `readOnly: false` and `include: ["Users"]`: the writes are tools and
 * reach the server; the same bin over Streamable HTTP (`--http`) with the SDK's HTTP client;
 * `--help`; and without the SDK installed, the bin says how to get it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { exec } from '../../e2e/compiled-package.js';
import { expectRequest } from '../../e2e/expect-request.js';
import { startRecordingServer, type RecordingServer } from '../../server.js';
import { tempDir } from '../../tmp.js';
import { buildMcpPackage, pathWithNode, type McpPackage } from './package.js';

let pkg: McpPackage;
let server: RecordingServer;
let client: Client;
const env = () => ({ PATH: pathWithNode(), OPENAI_ADMIN_KEY: 'sk-admin-write', OPENAI_BASE_URL: server.url });
const user = (id: string, role = 'owner') => ({ object: 'organization.user', id, name: 'Ann Lee', email: 'ann@example.com', role, added_at: 1711471533 });
const text = (result: Awaited<ReturnType<Client['callTool']>>) => (result.content as { type: string; text: string }[])[0]!.text;

beforeAll(async () => {
  [pkg, server] = await Promise.all([buildMcpPackage({ readOnly: false, include: ['Users'] }), startRecordingServer()]);
  client = new Client({ name: 'oagen-test', version: '1.0.0' });
  await client.connect(new StdioClientTransport({ command: pkg.binLink, env: env(), stderr: 'pipe' }));
}, 180_000);
afterAll(async () => {
  await client?.close();
  await server?.close();
});
beforeEach(() => server.reset());

describe('readOnly: false, include: ["Users"]', () => {
  it('lists the Users operations, writes included, with their hints', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toEqual(['listUsers', 'retrieveUser', 'modifyUser', 'deleteUser']);
    const hints = Object.fromEntries(tools.map((t) => [t.name, t.annotations]));
    expect(hints.retrieveUser).toMatchObject({ readOnlyHint: true, idempotentHint: true });
    expect(hints.modifyUser).toMatchObject({ readOnlyHint: false, idempotentHint: false });
    expect(hints.deleteUser).toMatchObject({ readOnlyHint: false, idempotentHint: true });
    const modify = tools.find((t) => t.name === 'modifyUser')!;
    expect(modify.inputSchema.required).toEqual(['user_id', 'body']);
    expect(modify.inputSchema.properties!.body).toMatchObject({ type: 'object', properties: { role: { type: ['string', 'null'], description: '`owner` or `reader`' } } });
  });

  it('modifyUser sends its JSON body; deleteUser its DELETE', async () => {
    server.script({ body: user('user_abc', 'reader') }, { body: { object: 'organization.user.deleted', id: 'user_abc', deleted: true } });
    const modified = await client.callTool({ name: 'modifyUser', arguments: { user_id: 'user_abc', body: { role: 'reader' } } });
    expect(JSON.parse(text(modified))).toEqual(user('user_abc', 'reader'));
    expectRequest(server.requests[0]!, { method: 'POST', path: '/organization/users/user_abc', json: { role: 'reader' } });
    const deleted = await client.callTool({ name: 'deleteUser', arguments: { user_id: 'user_abc' } });
    expect(JSON.parse(text(deleted))).toEqual({ object: 'organization.user.deleted', id: 'user_abc', deleted: true });
    expectRequest(server.requests[1]!, { method: 'DELETE', path: '/organization/users/user_abc' });
    expect(server.requests.map((r) => r.headers.authorization)).toEqual(['Bearer sk-admin-write', 'Bearer sk-admin-write']);
  });

  it('a body that breaks the schema (a number for a role) is refused before any request', async () => {
    const result = await client.callTool({ name: 'modifyUser', arguments: { user_id: 'user_abc', body: { role: 42 } } });
    expect(result.isError).toBe(true);
    expect(text(result)).toMatch(/InvalidArguments.*body\/role must be string,null/);
    expect(server.requests).toHaveLength(0);
  });
});

describe('the bin', () => {
  let http: ChildProcess | undefined;
  afterAll(() => {
    http?.kill();
  });

  it('--http: Streamable HTTP at /mcp, for the SDK’s HTTP client; a foreign Origin is refused', async () => {
    http = spawn(pkg.binLink, ['--http', '--port', '0'], { env: env(), stdio: ['ignore', 'ignore', 'pipe'] });
    const url = await new Promise<string>((resolve, reject) => {
      let err = '';
      http!.stderr!.on('data', (c: Buffer) => {
        err += c.toString();
        const m = /at (http:\/\/127\.0\.0\.1:\d+\/mcp)\n/.exec(err);
        if (m) resolve(m[1]!);
      });
      http!.on('exit', (code) => reject(new Error(`exited ${code}: ${err}`)));
    });
    const httpClient = new Client({ name: 'oagen-test-http', version: '1.0.0' });
    await httpClient.connect(new StreamableHTTPClientTransport(new URL(url)));
    try {
      expect((await httpClient.listTools()).tools).toHaveLength(4);
      server.script({ body: user('user_h') });
      const result = await httpClient.callTool({ name: 'retrieveUser', arguments: { user_id: 'user_h' } });
      expect(JSON.parse(text(result))).toEqual(user('user_h'));
      expectRequest(server.last(), { method: 'GET', path: '/organization/users/user_h' });
    } finally {
      await httpClient.close();
    }
    const init = { jsonrpc: '2.0', id: 1, method: 'tools/list' };
    const foreign = await fetch(url, { method: 'POST', headers: { origin: 'http://evil.example', 'content-type': 'application/json', accept: 'application/json, text/event-stream' }, body: JSON.stringify(init) });
    expect(foreign.status).toBe(403);
    expect((await fetch(url, { method: 'GET' })).status).toBe(405);
    expect((await fetch(url.replace('/mcp', '/other'), { method: 'POST' })).status).toBe(404);
  });

  it('--help prints the usage', async () => {
    const out = await exec(pkg.binLink, ['--help'], pkg.out, { PATH: pathWithNode() });
    expect(out).toMatch(/^Usage: openai-admin-mcp \[--http \[--port 3000\] \[--host 127\.0\.0\.1\]\]/);
  });

  it('without @modelcontextprotocol/sdk installed, it says how to run it and exits 1', async () => {
    const bare = join(tempDir('oagen-mcp-bare-'), 'openai-admin');
    mkdirSync(bare);
    cpSync(join(pkg.out, 'dist'), join(bare, 'dist'), { recursive: true });
    cpSync(join(pkg.out, 'package.json'), join(bare, 'package.json'));
    const run = exec(process.execPath, [join(bare, 'dist/mcp/bin.js')], bare, { PATH: pathWithNode() });
    await expect(run).rejects.toThrow(/openai-admin-mcp needs @modelcontextprotocol\/sdk, an optional peer dependency of openai-admin[\s\S]*npx -p @modelcontextprotocol\/sdk -p openai-admin openai-admin-mcp/);
  });
});
