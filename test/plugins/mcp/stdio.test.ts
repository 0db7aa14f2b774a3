/**
 * The `mcp` plugin end to end (issue 19.3): openai-admin generated with it (read-only, the
 * default), compiled strictly, its `bin` started over stdio through `node_modules/.bin` (its
 * shebang) by the official SDK's client; `tools/list`, and `tools/call` of `listUsers` and
 * `retrieveUser` against a recording HTTP server, with the base URL and the admin key from the
 * environment variables the config's `env` names. Writes are not listed and a call is refused.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectRequest } from '../../e2e/expect-request.js';
import { startRecordingServer, type RecordingServer } from '../../server.js';
import { buildMcpPackage, pathWithNode, type McpPackage } from './package.js';

let pkg: McpPackage;
let server: RecordingServer;
let client: Client;
let stderr = '';

const user = (id: string) => ({ object: 'organization.user', id, name: 'Ann Lee', email: 'ann@example.com', role: 'owner', added_at: 1711471533 });
const text = (result: Awaited<ReturnType<Client['callTool']>>) => {
  const content = result.content as { type: string; text: string }[];
  expect(content).toHaveLength(1);
  expect(content[0]!.type).toBe('text');
  return content[0]!.text;
};

beforeAll(async () => {
  [pkg, server] = await Promise.all([buildMcpPackage(), startRecordingServer()]);
  const transport = new StdioClientTransport({
    command: pkg.binLink,
    env: { PATH: pathWithNode(), OPENAI_ADMIN_KEY: 'sk-admin-from-env', OPENAI_BASE_URL: server.url },
    stderr: 'pipe',
  });
  transport.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  client = new Client({ name: 'oagen-test', version: '1.0.0' });
  await client.connect(transport);
}, 180_000);
afterAll(async () => {
  await client?.close();
  await server?.close();
});
beforeEach(() => server.reset());

describe('the generated package', () => {
  it('declares the bin, the ./mcp export and the SDK as an optional peer dependency only', () => {
    expect(pkg.pkg.bin).toEqual({ 'openai-admin-mcp': './dist/mcp/bin.js' });
    expect(pkg.pkg.exports).toMatchObject({ './mcp': { types: './dist/mcp/index.d.ts', import: './dist/mcp/index.js' } });
    // beside the other plugins' peers (zod, msw, …): every one optional, needed only by its subpath
    expect(pkg.pkg.peerDependencies).toMatchObject({ '@modelcontextprotocol/sdk': '^1.32.0' });
    expect(pkg.pkg.peerDependenciesMeta).toMatchObject({ '@modelcontextprotocol/sdk': { optional: true } });
    const meta = pkg.pkg.peerDependenciesMeta as Record<string, unknown>;
    for (const peer of Object.keys(pkg.pkg.peerDependencies as object)) expect(meta[peer], peer).toEqual({ optional: true });
    expect(pkg.pkg.dependencies).toBeUndefined();
    // the package's root entry does not reach the SDK: only src/mcp/ imports it
    for (const [path, content] of pkg.files) {
      if (path.endsWith('.ts') && !path.startsWith('src/mcp/')) expect(content, path).not.toContain('@modelcontextprotocol');
    }
  });

  it('its README says how to run the server and configure an MCP client', () => {
    const readme = pkg.files.get('README.md')!;
    const section = readme.slice(readme.indexOf('## MCP server'), readme.indexOf('## API reference'));
    expect(section).toContain('npx -y -p @modelcontextprotocol/sdk -p openai-admin openai-admin-mcp');
    expect(section).toContain('| `OPENAI_ADMIN_KEY` |');
    expect(section).toContain('| `OPENAI_BASE_URL` |');
    const json = JSON.parse(/```json\n([\s\S]*?)```/.exec(section)![1]!);
    expect(json.mcpServers['openai-admin']).toEqual({ command: 'npx', args: ['-y', '-p', '@modelcontextprotocol/sdk', '-p', 'openai-admin', 'openai-admin-mcp'], env: { OPENAI_ADMIN_KEY: '…' } });
  });

  it('the bin starts with a shebang, kept by tsc', () => {
    expect(readFileSync(join(pkg.out, 'dist/mcp/bin.js'), 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
  });
});

describe('tools/list', () => {
  it('lists every GET operation (read-only by default), with its spec description and JSON Schema input', async () => {
    const { tools } = await client.listTools();
    const names = tools.map((t) => t.name);
    expect(names).toContain('listUsers');
    expect(names).toContain('retrieveUser');
    for (const write of ['modifyUser', 'deleteUser', 'inviteUser', 'createProject']) expect(names).not.toContain(write);
    const gets = [...readFileSync(join(pkg.out, 'src/api/users.ts'), 'utf8').matchAll(/method: '(\w+)'/g)].filter((m) => m[1] === 'GET').length;
    expect(names.filter((n) => /User$|Users$/.test(n) && !/Role|Group|Project/.test(n))).toHaveLength(gets);
    expect(tools.every((t) => t.annotations?.readOnlyHint === true)).toBe(true);

    const list = tools.find((t) => t.name === 'listUsers')!;
    expect(list.title).toBe('Lists all of the users in the organization.');
    expect(list.description).toContain('Lists all of the users in the organization.');
    expect(list.description).toContain('GET /organization/users');
    expect(list.inputSchema).toMatchObject({
      type: 'object',
      properties: {
        limit: { type: 'integer', default: 20 },
        after: { type: 'string' },
        emails: { type: 'array', items: { type: 'string' }, description: 'Filter by the email address of users.' },
      },
      additionalProperties: false,
    });
    expect(list.inputSchema.required).toBeUndefined();
    const get = tools.find((t) => t.name === 'retrieveUser')!;
    expect(get.inputSchema).toEqual({
      type: 'object',
      properties: { user_id: { type: 'string', description: 'The ID of the user.' } },
      required: ['user_id'],
      additionalProperties: false,
    });
  });
});

describe('tools/call', () => {
  it('listUsers: the query as the client sends it, the admin key from OPENAI_ADMIN_KEY, the page as JSON', async () => {
    const page = { object: 'list', data: [user('user_1')], first_id: 'user_1', last_id: 'user_1', has_more: false };
    server.script({ body: page });
    const result = await client.callTool({ name: 'listUsers', arguments: { limit: 2, after: 'user_abc', emails: ['a@x', 'b@x'] } });
    expect(result.isError).toBeFalsy();
    expect(JSON.parse(text(result))).toEqual(page);
    expect(server.requests).toHaveLength(1);
    expectRequest(server.last(), { method: 'GET', path: '/organization/users', query: ['limit=2', 'after=user_abc', 'emails%5B%5D=a%40x', 'emails%5B%5D=b%40x'] });
    expect(server.last().headers.authorization).toBe('Bearer sk-admin-from-env');
  });

  it('retrieveUser: the path parameter encoded into its segment, the user as JSON', async () => {
    server.script({ body: user('a/b') });
    const result = await client.callTool({ name: 'retrieveUser', arguments: { user_id: 'a/b' } });
    expect(JSON.parse(text(result))).toEqual(user('a/b'));
    expectRequest(server.last(), { method: 'GET', path: '/organization/users/a%2Fb' });
    expect(server.last().headers.authorization).toBe('Bearer sk-admin-from-env');
  });

  it('an API error is a tool error with the status and the error body', async () => {
    const body = { error: { message: 'No such user: user_x', type: 'invalid_request_error' } };
    server.script({ status: 404, body });
    const result = await client.callTool({ name: 'retrieveUser', arguments: { user_id: 'user_x' } });
    expect(result.isError).toBe(true);
    expect(JSON.parse(text(result))).toMatchObject({ error: 'NotFoundError', status: 404, body });
    expect(text(result)).not.toContain('sk-admin-from-env');
  });

  it('arguments that do not match the input schema are a tool error, and nothing is sent', async () => {
    for (const args of [{}, { user_id: 42 }, { user_id: 'u', extra: true }]) {
      const result = await client.callTool({ name: 'retrieveUser', arguments: args });
      expect(result.isError).toBe(true);
      expect(JSON.parse(text(result))).toMatchObject({ error: 'InvalidArguments' });
    }
    expect(server.requests).toHaveLength(0);
  });

  it('a write operation is refused in read-only mode, and nothing is sent', async () => {
    await expect(client.callTool({ name: 'deleteUser', arguments: { user_id: 'user_abc' } })).rejects.toThrow(/Unknown tool: deleteUser \(this server exposes read operations only\)/);
    await expect(client.callTool({ name: 'modifyUser', arguments: { user_id: 'user_abc', body: { role: 'reader' } } })).rejects.toThrow(/Unknown tool/);
    expect(server.requests).toHaveLength(0);
  });

  it('wrote nothing but protocol to stdout (the client would have failed) and no warning to stderr', () => {
    expect(stderr).toBe('');
  });
});
