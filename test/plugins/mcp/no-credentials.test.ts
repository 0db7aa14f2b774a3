/**
 * The `mcp` plugin for an API without credentials: a spec with no `securitySchemes` (and one
 * whose config's `env` names none of its schemes) gives `env.auth` no entries. Each package
 * generated with the `client` and `mcp` plugins compiles strictly (`tsc -p tsconfig.build.json`:
 * src/mcp/bin.ts reads `env.auth`), and its `bin`, started over stdio by the official SDK's
 * client, lists and calls its tool against a recording HTTP server on 127.0.0.1, the base URL
 * from the environment, without printing a missing-credential warning (where the operation needs
 * the scheme no variable gives, the call is refused before it is sent).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRecordingServer, type RecordingServer } from '../../server.js';
import { tempDir } from '../../tmp.js';
import { installPackage, pathWithNode } from './package.js';

const spec = (security: boolean) => `openapi: 3.1.0
info: { title: Open API, version: 1.0.0 }
servers: [{ url: https://open.example.com }]
${security ? 'security: [{ Token: [] }]\n' : ''}paths:
  /things/{id}:
    get:
      operationId: getThing
      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
      responses:
        '200':
          description: a thing
          content:
            application/json:
              schema: { type: object, required: [id], properties: { id: { type: string } } }
${security ? 'components:\n  securitySchemes:\n    Token: { type: http, scheme: bearer }\n' : ''}`;

let server: RecordingServer;
beforeAll(async () => {
  server = await startRecordingServer();
});
afterAll(async () => {
  await server?.close();
});

describe.each([
  ['no security schemes', false, undefined, 'OPEN_API_BASE_URL'],
  ['an env map naming no scheme', true, { baseUrl: 'THINGS_URL' }, 'THINGS_URL'],
])('an API with %s', (_label, security, env, baseUrlVariable) => {
  it('compiles strictly; its bin serves the tool without credentials', async () => {
    const file = join(tempDir('oagen-mcp-spec-'), 'open.yaml');
    writeFileSync(file, spec(security));
    const plugins = [
      { name: 'client', file, at: 'plugins[0]' },
      { name: 'mcp', file, at: 'plugins[1]' },
    ];
    // installPackage throws with tsc's diagnostics when the package does not compile
    const pkg = await installPackage({ name: 'open-api', spec: file, output: '', plugins, ...(env ? { env } : {}) });
    expect(pkg.files.get('src/mcp/index.ts')).toContain('auth: {}');
    let stderr = '';
    const transport = new StdioClientTransport({ command: pkg.binLink, env: { PATH: pathWithNode(), [baseUrlVariable]: server.url }, stderr: 'pipe' });
    transport.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
    const client = new Client({ name: 'oagen-test', version: '1.0.0' });
    await client.connect(transport);
    try {
      expect((await client.listTools()).tools.map((t) => t.name)).toEqual(['getThing']);
      server.reset();
      server.script({ body: { id: 't1' } });
      const result = await client.callTool({ name: 'getThing', arguments: { id: 't1' } });
      const answer = JSON.parse((result.content as { text: string }[])[0]!.text);
      if (security) {
        // the operation needs the scheme the environment cannot give: refused before sending
        expect([result.isError, answer.error]).toEqual([true, 'MissingCredentialsError']);
        expect(server.requests).toEqual([]);
      } else {
        expect(answer).toEqual({ id: 't1' });
        expect([server.last().path, server.last().headers.authorization]).toEqual(['/things/t1', undefined]);
      }
      expect(stderr).not.toContain('no credential set');
    } finally {
      await client.close();
    }
  }, 180_000);
});
