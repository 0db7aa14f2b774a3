/**
 * End to end against Prism: `prism mock specs/openai.yaml --errors` validates each request
 * against OpenAI's own spec and answers a 422 problem body when it is invalid. Every seed
 * operation of the compiled `generated/openai-admin` package, and `for await` over the
 * paginated lists, must go through without a validation error. A control call with an
 * invalid body must be refused, proving validation is on.
 * Set OAGEN_SKIP_PRISM=1 to skip this file (Prism takes 10–20 s to load the 3 MB spec).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Pkg from '../../generated/openai-admin/src/index.js';
import { expectNoOpenSockets } from './open-handles.js';
import { loadCompiledPackage, type CompiledPackage } from './compiled-package.js';
import { startPrism, type PrismServer } from './prism-server.js';

type Admin = typeof Pkg;

const skip = process.env.OAGEN_SKIP_PRISM === '1';
const STARTUP_LIMIT = 120_000;

let pkg: CompiledPackage<Admin>;
let prism: PrismServer;
let client: Pkg.Client;

/** An ApiError from Prism, with its problem body (the validation messages) in the message. */
function explain(e: unknown): Error {
  if (e && typeof e === 'object' && 'status' in e) {
    const err = e as Pkg.ApiError;
    return new Error(`Prism answered ${err.status}: ${JSON.stringify(err.body, null, 2)}`);
  }
  return e as Error;
}

/** Awaits a call; a rejection fails the test with Prism's validation messages. */
async function valid<T>(call: PromiseLike<T>): Promise<T> {
  try {
    return await call;
  } catch (e) {
    throw explain(e);
  }
}

const seedCalls: [name: string, call: (m: Admin, c: Pkg.Client) => PromiseLike<unknown>][] = [
  ['listUsers', (m, c) => m.listUsers(c, { limit: 2, after: 'user_abc', emails: ['a@example.com', 'b@example.com'] })],
  ['retrieveUser', (m, c) => m.retrieveUser(c, { user_id: 'user_abc' })],
  ['modifyUser', (m, c) => m.modifyUser(c, { user_id: 'user_abc', body: { role: 'reader' } })],
  ['deleteUser', (m, c) => m.deleteUser(c, { user_id: 'user_abc' })],
  [
    'inviteUser',
    (m, c) => m.inviteUser(c, { body: { email: 'new@example.com', role: 'reader', projects: [{ id: 'proj_abc', role: 'member' }] } }),
  ],
  ['listInvites', (m, c) => m.listInvites(c, { limit: 5, after: 'invite-abc' })],
  ['retrieveInvite', (m, c) => m.retrieveInvite(c, { invite_id: 'invite-abc' })],
  ['deleteInvite', (m, c) => m.deleteInvite(c, { invite_id: 'invite-abc' })],
  ['addGroupUser', (m, c) => m.addGroupUser(c, { group_id: 'group_abc', body: { user_id: 'user_abc' } })],
  ['listGroupUsers', (m, c) => m.listGroupUsers(c, { group_id: 'group_abc', limit: 10, after: 'user_abc', order: 'asc' })],
  ['retrieveGroupUser', (m, c) => m.retrieveGroupUser(c, { group_id: 'group_abc', user_id: 'user_abc' })],
  ['removeGroupUser', (m, c) => m.removeGroupUser(c, { group_id: 'group_abc', user_id: 'user_abc' })],
];

/** Lists walked with `for await`; Prism's static examples say `has_more: true` with a fixed cursor. */
const lists: [name: string, list: (m: Admin, c: Pkg.Client) => AsyncIterable<unknown> & { pages(): AsyncIterable<unknown> }][] = [
  ['listUsers', (m, c) => m.listUsers(c, { limit: 2 })],
  ['listInvites', (m, c) => m.listInvites(c, { limit: 2 })],
  ['listGroupUsers', (m, c) => m.listGroupUsers(c, { group_id: 'group_abc', limit: 2 })],
];

describe.skipIf(skip)(`generated/openai-admin against Prism with request validation${skip ? ' (skipped: OAGEN_SKIP_PRISM=1)' : ''}`, () => {
  beforeAll(async () => {
    [pkg, prism] = await Promise.all([
      loadCompiledPackage<Admin>('openai-admin'),
      startPrism('specs/openai.yaml', STARTUP_LIMIT),
    ]);
    console.info(`prism mock specs/openai.yaml answered after ${prism.startupMs} ms`);
    client = pkg.module.createClient({ baseUrl: prism.url, auth: { AdminApiKeyAuth: 'sk-admin-prism' }, maxRetries: 0 });
  }, STARTUP_LIMIT + 30_000);
  afterAll(async () => {
    await prism?.stop();
    await pkg?.dispose();
    await expectNoOpenSockets();
  });

  it('refuses an invalid request (validation is on): invite role "admin" → 422 with the problem', async () => {
    const error = await pkg.module
      .inviteUser(client, { body: { email: 'new@example.com', role: 'admin' as 'reader' } })
      .then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(pkg.module.ApiError);
    const e = error as Pkg.ApiError<{ validation?: { location: string[]; code: string }[] }>;
    expect(e.status).toBe(422);
    expect(e.body.validation?.[0]).toMatchObject({ location: ['body', 'role'], code: 'enum' });
  });

  it('refuses a request that lost its bearer token (so the calls below prove the client sends it)', async () => {
    const withoutAuth: typeof fetch = (input, init) => {
      const req = new Request(input, init);
      req.headers.delete('authorization');
      return fetch(req);
    };
    const stripped = pkg.module.createClient({ baseUrl: prism.url, auth: { AdminApiKeyAuth: 'sk' }, fetch: withoutAuth, maxRetries: 0 });
    const error = await pkg.module.retrieveUser(stripped, { user_id: 'user_abc' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(pkg.module.ApiError);
    expect((error as Pkg.ApiError).status).toBe(401);
  });

  it.each(seedCalls)('%s passes validation and resolves to the mocked body', async (_, call) => {
    const value = await valid(call(pkg.module, client));
    expect(value).toBeTypeOf('object');
  });

  it.each(lists)('%s: for await over pages passes validation and ends', async (_, list) => {
    let pages = 0;
    let items = 0;
    try {
      for await (const page of list(pkg.module, client).pages()) {
        expect(page).toHaveProperty('data');
        if (++pages > 10) throw new Error('pagination did not stop after 10 pages of a static mock');
      }
      for await (const _item of list(pkg.module, client)) items++;
    } catch (e) {
      throw explain(e);
    }
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(items).toBeGreaterThanOrEqual(1);
  });
});
