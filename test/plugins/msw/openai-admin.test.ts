/**
 * MSW under Node (issue 17): the generated openai-admin client, its `msw` handlers in
 * `setupServer`, walks every page of `listUsers` (the fake cursor of each page asks for the
 * next, the last page ends it), and every JSON operation's answer satisfies the spec's own
 * response schema as Ajv reads it. Handlers answer on the client's default base URL, or on
 * another one when told; a factory's `{ status, body }` reaches the caller as an ApiError.
 */
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Diagnostics } from '../../../src/diagnostics.js';
import { loadSpec } from '../../../src/load/index.js';
import { writeConfiguredPackage, type WrittenPackage } from '../mocks/package.js';
import { onTheWire, specValidator, type SpecValidator } from '../mocks/spec-schemas.js';
import { ROOT } from '../mocks/specs.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Module = Record<string, any>;

let pkg: WrittenPackage;
let api: Module;
let msw: Module;
let mocks: Module;
let ajv: SpecValidator;
const server = setupServer();
const seen: Request[] = [];
server.events.on('request:start', ({ request }) => void seen.push(request.clone()));

beforeAll(async () => {
  pkg = await writeConfiguredPackage('openai-admin');
  api = await import(/* @vite-ignore */ `${pkg.dir}/src/index.ts`);
  msw = await import(/* @vite-ignore */ `${pkg.dir}/src/msw/index.ts`);
  mocks = await import(/* @vite-ignore */ `${pkg.dir}/src/mocks/index.ts`);
  const loaded = await loadSpec(`${ROOT}/specs/openai.yaml`, { diagnostics: new Diagnostics(), overlays: [`${ROOT}/specs/openai.overlay.yaml`] });
  ajv = specValidator(loaded.document as Record<string, unknown>, ['paths']);
  server.listen({ onUnhandledRequest: 'error' });
}, 120_000);
afterAll(() => {
  server.close();
  pkg?.dispose();
});

describe('openai-admin under msw/node', () => {
  it('walks every page of listUsers, each cursor leading to the next page', async () => {
    server.resetHandlers(...msw.createHandlers({ seed: 9 }));
    seen.length = 0;
    const client = api.createClient({ auth: { AdminApiKeyAuth: 'sk-admin' } });
    const users: any[] = [];
    for await (const user of api.listUsers(client, { limit: 4 })) users.push(user);
    expect(users).toHaveLength(12); // 3 pages of 4
    expect(new Set(users.map((u) => JSON.stringify(u))).size).toBe(12);
    expect(seen.map((r) => new URL(r.url).searchParams.get('after'))).toEqual([null, 'cursor_1', 'cursor_2']);
    expect(seen.every((r) => new URL(r.url).origin + '/v1' === 'https://api.openai.com/v1')).toBe(true);
    const userSchema = ajv.at('#/components/schemas/User');
    for (const u of users) expect(userSchema(u), JSON.stringify(userSchema.errors)).toBe(true);
    // the same seed, the same users
    server.resetHandlers(...msw.createHandlers({ seed: 9 }));
    const again: any[] = [];
    for await (const user of api.listUsers(client, { limit: 4 })) again.push(user);
    expect(again).toEqual(users);
  });

  it('answers every JSON operation with a body the spec accepts, read by the client', async () => {
    server.resetHandlers(...msw.createHandlers({ seed: 3 }));
    const client = api.createClient({ auth: { AdminApiKeyAuth: 'sk-admin' } });
    let called = 0;
    for (const [fn, op] of Object.entries(mocks.operations as Record<string, { response?: unknown; params?: unknown }>)) {
      if (!op.response) continue;
      const paramsFn = `fake${fn[0].toUpperCase()}${fn.slice(1)}Params`;
      const params = mocks[paramsFn]?.(undefined, { seed: 2 });
      const result = await api[fn](client, params);
      const pointer = responsePointer(fn);
      const validate = ajv.at(pointer);
      expect(validate(onTheWire(result)), `${fn}: ${JSON.stringify(validate.errors)}`).toBe(true);
      called++;
    }
    expect(called).toBeGreaterThan(80);
  });

  it('a factory answers what it is given, on the base URL it is given', async () => {
    server.resetHandlers(
      msw.retrieveUserHandler({ status: 404, body: { error: { message: 'no such user' } } }, { baseUrl: 'http://127.0.0.1:9/v1' }),
      msw.listUsersHandler(mocks.fakeUserListResponse({ data: [], has_more: false }), { baseUrl: 'http://127.0.0.1:9/v1' }),
    );
    const client = api.createClient({ auth: { AdminApiKeyAuth: 'sk-admin' }, baseUrl: 'http://127.0.0.1:9/v1', maxRetries: 0 });
    await expect(api.retrieveUser(client, { user_id: 'user_1' })).rejects.toMatchObject({ status: 404 });
    const page = await api.listUsers(client);
    expect(page.data).toEqual([]);
  });
});

/** The JSON pointer (into the spec) of an operation's first JSON success body schema. */
function responsePointer(fn: string): string {
  for (const op of pkg.ir.operations) {
    if (pkg.names.operation.get(op.key)?.fn !== fn) continue;
    const ok = op.responses.find((r) => /^2/.test(r.status) && r.contents.some((c) => /json/.test(c.mediaType)));
    const content = ok?.contents.find((c) => /json/.test(c.mediaType));
    if (content) return content.schema.pointer;
  }
  throw new Error(`no JSON success body for ${fn}`);
}
