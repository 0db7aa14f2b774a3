/**
 * What the MCP server does with files and with answers that are not JSON, on a small spec
 * (test/plugins/mcp/fixtures/files.yaml; no `env` map, so the variables are named after the
 * package): base64 file arguments become uploads (a multipart file field, a list of them, a
 * binary body), a binary answer comes back as base64 JSON, an event stream as the list of its
 * events, an empty answer as `null`.
 */
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { startRecordingServer, type RecordingServer } from '../../server.js';
import { installPackage, pathWithNode, type McpPackage } from './package.js';

let pkg: McpPackage;
let server: RecordingServer;
let client: Client;
const text = (result: Awaited<ReturnType<Client['callTool']>>) => (result.content as { type: string; text: string }[])[0]!.text;
const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');

beforeAll(async () => {
  const spec = join(import.meta.dirname, 'fixtures/files.yaml');
  const plugins = [
    { name: 'client', file: spec, at: 'plugins[0]' },
    { name: 'mcp', file: spec, at: 'plugins[1]', options: { readOnly: false } },
  ];
  [pkg, server] = await Promise.all([installPackage({ name: 'files-api', spec, output: '', plugins }), startRecordingServer()]);
  client = new Client({ name: 'oagen-test', version: '1.0.0' });
  const env = { PATH: pathWithNode(), FILES_API_TOKEN: 'tok-files', FILES_API_BASE_URL: `${server.url}/api` };
  await client.connect(new StdioClientTransport({ command: pkg.binLink, env, stderr: 'pipe' }));
}, 180_000);
afterAll(async () => {
  await client?.close();
  await server?.close();
});
beforeEach(() => server.reset());

it('a multipart upload: base64 arguments sent as the file parts (bytes intact), with the other fields', async () => {
  // multi-byte and control characters (the recording server keeps the body as UTF-8 text)
  const bytes = Buffer.from('\u0000\u00ff€ bytes\r\n', 'utf8');
  server.script({ body: { id: 'up_1', size: 7 } });
  const result = await client.callTool({ name: 'createUpload', arguments: { body: { file: b64(bytes), extra: [b64('one'), b64('two')], purpose: 'test' } } });
  expect(JSON.parse(text(result))).toEqual({ id: 'up_1', size: 7 });
  const req = server.last();
  expect([req.method, req.path, req.headers.authorization]).toEqual(['POST', '/api/uploads', 'Bearer tok-files']);
  const form = await new Response(req.body, { headers: { 'content-type': req.headers['content-type']! } }).formData();
  const file = form.get('file') as File;
  expect(file).toBeInstanceOf(Blob);
  expect(Buffer.from(await file.arrayBuffer())).toEqual(bytes);
  expect(await Promise.all(form.getAll('extra').map((f) => (f as Blob).text()))).toEqual(['one', 'two']);
  expect(form.get('purpose')).toBe('test');
});

it('a binary body: the base64 argument sent as the raw bytes; an empty answer is null', async () => {
  server.script({ status: 204 });
  const result = await client.callTool({ name: 'putBlob', arguments: { name: 'a b', body: b64('raw bytes') } });
  expect(result.isError).toBeFalsy();
  expect(text(result)).toBe('null');
  const req = server.last();
  expect([req.method, req.path, req.headers['content-type'], req.body]).toEqual(['PUT', '/api/blobs/a%20b', 'application/octet-stream', 'raw bytes']);
});

it('a binary answer: its type, size and bytes as base64, in JSON', async () => {
  server.script({ body: 'PNG\u0000data', headers: { 'content-type': 'image/png' } });
  const result = await client.callTool({ name: 'getBlob', arguments: { name: 'logo' } });
  expect(JSON.parse(text(result))).toEqual({ type: 'image/png', size: 8, base64: b64('PNG\u0000data') });
});

it('an event stream: the list of its events', async () => {
  server.script({ events: [{ data: { n: 1 } }, { data: { n: 2 } }] });
  const result = await client.callTool({ name: 'listTicks', arguments: {} });
  expect(JSON.parse(text(result))).toEqual([{ n: 1 }, { n: 2 }]);
  expect(server.last().path).toBe('/api/ticks');
});

it('a file argument that is not a string is refused by the schema', async () => {
  const result = await client.callTool({ name: 'putBlob', arguments: { name: 'x', body: 42 } });
  expect(result.isError).toBe(true);
  expect(server.requests).toHaveLength(0);
});
