/**
 * The runtime's requests against Prism serving specs/openai.yaml with request validation on
 * (`--errors`: a request that breaks the spec gets a 422). Prism needs ~40 s to load the spec,
 * so this runs only with OAGEN_PRISM=1.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  createClientCore,
  paginate,
  request,
  UnprocessableEntityError,
  type Client,
} from '../../templates/runtime/index.js';
import { applyAuth } from '../../templates/runtime/auth.js';
import type { OperationSpec } from '../../templates/runtime/types.js';
import { failure } from './helpers.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const port = 4010 + Math.floor(Math.random() * 1000);
const ops = {
  listUsers: {
    method: 'GET',
    path: '/organization/users',
    params: [
      { name: 'limit', in: 'query' },
      { name: 'after', in: 'query' },
      { name: 'emails', in: 'query' },
    ],
    security: [['ApiKeyAuth']],
  },
  retrieveUser: { method: 'GET', path: '/organization/users/{user_id}', params: [{ name: 'user_id', in: 'path' }], security: [['ApiKeyAuth']] },
  modifyUser: {
    method: 'POST',
    path: '/organization/users/{user_id}',
    params: [{ name: 'user_id', in: 'path' }],
    body: { kind: 'json', mediaType: 'application/json' },
    security: [['ApiKeyAuth']],
  },
  deleteUser: { method: 'DELETE', path: '/organization/users/{user_id}', params: [{ name: 'user_id', in: 'path' }], security: [['ApiKeyAuth']] },
} satisfies Record<string, OperationSpec>;

describe.skipIf(!process.env.OAGEN_PRISM)('runtime against Prism (specs/openai.yaml, request validation on)', () => {
  let prism: ChildProcess;
  let client: Client;

  beforeAll(async () => {
    prism = spawn(process.execPath, ['node_modules/.bin/prism', 'mock', 'specs/openai.yaml', '--errors', '-h', '127.0.0.1', '-p', String(port)], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    await new Promise<void>((resolve, reject) => {
      let log = '';
      const onData = (d: Buffer) => {
        log += d;
        if (log.includes('Prism is listening')) resolve();
      };
      prism.stdout!.on('data', onData);
      prism.stderr!.on('data', onData);
      prism.on('exit', (code) => reject(new Error(`prism exited (${code}): ${log.slice(-2000)}`)));
    });
    client = createClientCore(
      { baseUrl: `http://127.0.0.1:${port}`, auth: { ApiKeyAuth: 'sk-test' }, maxRetries: 0 },
      { baseUrl: '', securitySchemes: { ApiKeyAuth: { type: 'bearer' } }, applyAuth },
    );
  }, 180_000);
  afterAll(() => {
    prism?.kill();
  });

  it('seed operations pass validation', async () => {
    const list = await request<{ object: string; data: unknown[] }>(client, ops.listUsers, { limit: 2, after: 'user_abc', emails: ['a@x.com', 'b@y.com'] });
    expect(list.object).toBe('list');
    expect(await request<{ object: string }>(client, ops.retrieveUser, { user_id: 'user abc/1' })).toMatchObject({ object: 'organization.user' });
    expect(await request<{ object: string }>(client, ops.modifyUser, { user_id: 'user_1', body: { role: 'owner' } })).toMatchObject({ object: 'organization.user' });
    expect(await request<{ deleted: boolean }>(client, ops.deleteUser, { user_id: 'user_1' })).toMatchObject({ deleted: true });
  });

  it('the paginated list goes through', async () => {
    let n = 0;
    const spec = { kind: 'cursor', param: 'after', items: 'data', hasMore: 'has_more', nextCursor: 'last_id' } as const;
    for await (const _ of paginate(client, ops.listUsers, spec, { limit: 2 })) if (++n >= 5) break;
    expect(n).toBeGreaterThan(0);
  });

  it('validation is really on: a wrong body is a 422, missing auth a 401', async () => {
    expect(await failure(request(client, ops.modifyUser, { user_id: 'u', body: { role: 42 } }))).toBeInstanceOf(UnprocessableEntityError);
    const anonymous = createClientCore({ baseUrl: `http://127.0.0.1:${port}`, maxRetries: 0 }, { baseUrl: '', securitySchemes: {} });
    expect(await failure(request(anonymous, { ...ops.retrieveUser, security: [] }, { user_id: 'u' }))).toBeInstanceOf(AuthenticationError);
  });
});
