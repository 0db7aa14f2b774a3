/**
 * End to end: an OAuth client-credentials API (test/e2e/fixtures/oauth-client-credentials.yaml)
 * needs only a client id and secret. The generated package compiles; its client fetches a token
 * from the spec's relative `tokenUrl` on a real server, sends it, and reuses it.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateClient } from '../../src/generate.js';
import { tempDir } from '../generate/helpers.js';
import { loadCompiledPackage, repoRoot, type CompiledPackage } from './compiled-package.js';
import { expectNoOpenSockets } from './open-handles.js';
import { startRecordingServer, type RecordingServer } from '../server.js';
import { nodeNextOptions, runTsc } from '../tsc.js';

interface Ledger {
  createClient(config: { baseUrl: string; auth: { OAuth: { clientId: string; clientSecret: string; scopes?: string[] } } }): unknown;
  retrieveAccount(client: unknown, params: { account_id: string }): Promise<{ id: string; name: string }>;
  createAccount(client: unknown, params: { body: { name: string } }): Promise<{ id: string; name: string }>;
}

let pkg: CompiledPackage<Ledger>;
let server: RecordingServer;
let output: string;

beforeAll(async () => {
  output = join(tempDir(), 'ledger');
  await generateClient({ name: 'ledger', spec: join(repoRoot, 'test/e2e/fixtures/oauth-client-credentials.yaml'), output });
  [pkg, server] = await Promise.all([loadCompiledPackage<Ledger>('ledger', output), startRecordingServer()]);
}, 60_000);
afterAll(async () => {
  await server?.close();
  await pkg?.dispose();
  await expectNoOpenSockets();
});

describe('an OAuth client-credentials API', () => {
  it('needs only a client id and secret', async () => {
    let issued = 0;
    server.answer((req) =>
      req.path == '/oauth/token'
        ? { body: { access_token: `at-${++issued}`, token_type: 'Bearer', expires_in: 600 } }
        : req.method == 'POST'
          ? { status: 201, body: { id: 'acc_2', name: JSON.parse(req.body).name } }
          : { body: { id: 'acc_1', name: 'Main' } },
    );
    const client = pkg.module.createClient({ baseUrl: server.url + '/v1', auth: { OAuth: { clientId: 'cid', clientSecret: 'csecret', scopes: ['ledger.read', 'ledger.write'] } } });
    const [a, b] = await Promise.all([pkg.module.retrieveAccount(client, { account_id: 'acc_1' }), pkg.module.createAccount(client, { body: { name: 'Savings' } })]);
    expect(a).toEqual({ id: 'acc_1', name: 'Main' });
    expect(b).toEqual({ id: 'acc_2', name: 'Savings' });
    const [token, ...calls] = server.requests;
    expect(token!.path).toBe('/oauth/token');
    expect(token!.headers.authorization).toBe('Basic ' + Buffer.from('cid:csecret').toString('base64'));
    expect(Object.fromEntries(new URLSearchParams(token!.body))).toEqual({ grant_type: 'client_credentials', scope: 'ledger.read ledger.write' });
    expect(calls.map((r) => `${r.method} ${r.path} ${r.headers.authorization}`).sort()).toEqual(['GET /v1/accounts/acc_1 Bearer at-1', 'POST /v1/accounts Bearer at-1']);
  });

  it('types the credential: a token, a provider, or the client credentials with the declared scopes', async () => {
    const { readFile } = await import('node:fs/promises');
    const client = await readFile(join(output, 'src/client.ts'), 'utf8');
    expect(client).toContain("OAuth?: Credential | ClientCredentials<'ledger.read' | 'ledger.write'>;");
    expect(client).toContain("'OAuth': { type: 'bearer', tokenUrl: '/oauth/token', scopes: ['ledger.read', 'ledger.write'] },");
    const readme = await readFile(join(output, 'README.md'), 'utf8');
    expect(readme).toContain('needs only your client id and secret');
  });

  it('types: a token, a provider or client credentials with the declared scopes; nothing else compiles', async () => {
    const check = join(output, 'src', 'oauth-check.ts');
    await writeFile(
      check,
      [
        "import { createClient, ApiError, type ClientCredentials } from './index.js';",
        "createClient({ auth: { OAuth: 'token' } });",
        "createClient({ auth: { OAuth: async () => 'token' } });",
        "createClient({ auth: { OAuth: { clientId: 'id', clientSecret: 'secret' } } });",
        "createClient({ auth: { OAuth: { clientId: 'id', clientSecret: 'secret', scopes: ['ledger.read', 'ledger.write'], authMethod: 'client_secret_post' } } });",
        "const credentials: ClientCredentials<'ledger.read'> = { clientId: 'id', clientSecret: 'secret', scopes: ['ledger.read'] };",
        'createClient({ auth: { OAuth: credentials } });',
        'void ApiError;',
        '// @ts-expect-error TS2322 not a declared scope',
        "createClient({ auth: { OAuth: { clientId: 'id', clientSecret: 'secret', scopes: ['ledger.admin'] } } });",
        '// @ts-expect-error TS2322 the secret is required',
        "createClient({ auth: { OAuth: { clientId: 'id' } } });",
        '// @ts-expect-error TS2322 no such token endpoint authentication',
        "createClient({ auth: { OAuth: { clientId: 'id', clientSecret: 's', authMethod: 'private_key_jwt' } } });",
      ].join('\n'),
    );
    const result = await runTsc(join(output, '.typecheck'), nodeNextOptions, { files: [check] });
    expect(result.diagnostics).toEqual([]);
  }, 60_000);
});
