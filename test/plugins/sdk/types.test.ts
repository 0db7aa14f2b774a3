/**
 * Type tests of the resource-style client: consumer programs compiled strictly with `tsc`
 * against the rendered package (`@ts-expect-error` marks what must not compile, and tsc fails
 * on an unused one). Positional path parameters in path order, flattened bodies, the clash
 * rule's fallback to `body`, optional params, per-call options last, the functions' return types.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exec, repoRoot } from '../../e2e/compiled-package.js';
import { tscBin } from '../../tsc.js';
import { tempDir } from '../../tmp.js';
import { configuredAdmin, renderToDisk } from './helpers.js';

async function typeCheck(pkgDir: string, name: string, program: string): Promise<string> {
  const dir = tempDir('sdk-types-');
  mkdirSync(join(dir, 'src'), { recursive: true });
  writeFileSync(join(dir, 'src', 'consumer.ts'), program);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
  const tsconfig = {
    compilerOptions: {
      strict: true,
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      lib: ['ES2022', 'DOM', 'DOM.Iterable'],
      types: [],
      noEmit: true,
      skipLibCheck: false,
      exactOptionalPropertyTypes: true,
      paths: { [name]: [join(pkgDir, 'src/index.ts')], [`${name}/sdk`]: [join(pkgDir, 'src/sdk.ts')] },
    },
    include: ['src'],
  };
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig));
  try {
    await exec(tscBin, ['-p', join(dir, 'tsconfig.json'), '--pretty', 'false'], repoRoot);
    return '';
  } catch (e) {
    return (e as Error).message;
  }
}

describe('openai-admin: new OpenAIAdmin(...)', () => {
  it('compiles the calls users write, and refuses the wrong ones', async () => {
    const { dir } = await renderToDisk(configuredAdmin());
    const program = `
import { OpenAIAdmin } from 'openai-admin/sdk';
import { listUsers, type User, type GroupUserAssignment, type Invite, type UserListResponse } from 'openai-admin';

const openai = new OpenAIAdmin({ auth: { AdminApiKeyAuth: 'sk' }, maxRetries: 1 });
const none = new OpenAIAdmin();

// positional path parameters, in path order
const u: User = await openai.users.retrieve('user_abc');
const a: GroupUserAssignment = await openai.groups.users.add('group_1', { user_id: 'user_abc' });
await openai.projects.users.update('proj_1', 'user_abc', { role: 'member' });
await openai.groups.users.remove('group_1', 'user_abc');
// @ts-expect-error the path parameter is positional, not a field
await openai.users.retrieve({ user_id: 'user_abc' });
// @ts-expect-error two path parameters: both positional
await openai.groups.users.remove('group_1', { user_id: 'user_abc' });

// the body's fields flattened into the params object
const i: Invite = await openai.invites.create({ email: 'a@b.c', role: 'reader' });
// @ts-expect-error flattened: no \`body\` key
await openai.invites.create({ body: { email: 'a@b.c', role: 'reader' } });
// @ts-expect-error a required body field is required
await openai.invites.create({ email: 'a@b.c' });
// @ts-expect-error the role is typed as in the function's body
await openai.invites.create({ email: 'a@b.c', role: 'emperor' });

// optional params, per-call options last
const page: UserListResponse = await openai.users.list();
await openai.users.list({ limit: 10 }, { timeout: 1000, headers: { 'x-a': 'b' } });
await openai.users.list(undefined, { maxRetries: 0 });
await openai.users.retrieve('user_abc', { signal: AbortSignal.timeout(10) });
// @ts-expect-error unknown query parameter
await openai.users.list({ limitt: 10 });
for await (const x of openai.users.list()) x.id satisfies string;

// a derived client, and the Client for the functions
const other: OpenAIAdmin = openai.withOptions({ headers: { 'OpenAI-Organization': 'org' } });
await listUsers(other.client);
// @ts-expect-error an unknown auth scheme
openai.withOptions({ auth: { Nope: 'x' } });
export { u, a, i, page, none };
`;
    expect(await typeCheck(dir, 'openai-admin', program)).toBe('');
  }, 180_000);
});

describe('fixture shop: clash fallback and naming', () => {
  it('keeps the body under `body` where the clash rule says so', async () => {
    const client = {
      name: 'shop',
      spec: join(repoRoot, 'test/plugins/sdk/fixtures/shop.yaml'),
      output: join(tempDir('sdk-never-'), 'shop'),
      plugins: [
        { name: 'client', file: 'test', at: 'plugins[0]' },
        { name: 'sdk', options: { className: 'Shop' }, file: 'test', at: 'plugins[1]' },
      ],
    };
    const { dir, files } = await renderToDisk(client);
    expect(files.has('src/sdk.ts')).toBe(true);
    const program = `
import { Shop } from 'shop/sdk';
import type { Item } from 'shop';

const shop = new Shop({ baseUrl: 'http://localhost' });
// flattened (no clash)
const item: Item = await shop.items.create({ name: 'pen', price: 2 });
await shop.orders.lines.add('o1', { sku: 'x' });
// clash: a body field named like the query parameter \`limit\` → body stays under \`body\`
await shop.items.update('i1', { limit: 3, body: { name: 'pen', limit: 2 } });
// @ts-expect-error not flattened
await shop.items.update('i1', { name: 'pen' });
// an array body → \`body\`
await shop.items.tags.update('i1', { body: ['a', 'b'] });
// an optional body with a required field → \`body\`, and the path parameters' own types
await shop.orders.lines.update('o1', 7, { body: { quantity: 2 } });
await shop.orders.lines.update('o1', 7);
// @ts-expect-error line_id is an integer
await shop.orders.lines.update('o1', '7');
// query and header parameters beside the flattened body's fields
await shop.items.prices.set('i1', { currency: 'EUR', 'X-Request-Note': 'n', amount: 3 });
// @ts-expect-error amount is a required body field
await shop.items.prices.set('i1', { currency: 'EUR' });
// an action segment is a method
await shop.items.publish('i1');
// two lists of orders.lines: both named by their function names
await shop.orders.lines.listOrderLines('o1');
await shop.orders.lines.searchOrderLines();
// @ts-expect-error no plain \`list\` where two would clash
await shop.orders.lines.list('o1');
const one: Item = await shop.items.retrieve('i1');
const many: Item[] = await shop.items.list({ limit: 1 });
export { item, one, many };
`;
    expect(await typeCheck(dir, 'shop', program)).toBe('');
  }, 180_000);
});
