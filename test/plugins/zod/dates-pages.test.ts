/**
 * `dates: "Date"` on paginated and streamed operations (src/plugins/client/validated.ts,
 * templates/runtime/validated.ts): every page of a paginated call goes through the response
 * validator (templates/runtime/pagination.ts sends each page with the call's options), so on a
 * client that validates responses in `"throw"` mode the page type and the item type are the
 * validator's output (`created_at: Date`), without validation the declared ones (`string`), in
 * `"warn"` mode either (a valid page is the output, an invalid one as received). Streams are not
 * validated (templates/runtime/send.ts skips `sse` responses): their events keep the declared
 * type, and hold strings at run time even on a validating client. Compiled strictly (checks that
 * can fail, and wrong ones that must), then end to end against a real HTTP server on 127.0.0.1:
 * `for await` over two pages sees `Date`s on the items of both.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startRecordingServer, type RecordingServer } from '../../server.js';
import { nodeNextOptions as options, runTsc } from '../../tsc.js';
import { ROOT, writePackage, zodPackage, type ZodPackage } from './helpers.js';

const SPEC = join(ROOT, 'test/plugins/zod/fixtures/dates-pages.yaml');
const PRELUDE = [
  `import { createClient, listArchive, listEvents, watchStream } from './src/index.js';`,
  `import { validators } from './src/zod.js';`,
  `type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;`,
  `declare function same<X extends true>(): void;`,
  `const baseUrl = 'http://127.0.0.1:1';`,
  `const validated = createClient({ baseUrl, validators, validate: { response: 'throw' } });`,
  `const plain = createClient({ baseUrl });`,
  `const warn = createClient({ baseUrl, validators, validate: { response: 'warn' } });`,
  `export async function calls() {`,
];

const CHECKS = [
  // the first page, the items of every page, every page
  `  { const page = await listEvents(validated); same<Same<typeof page.data[number]['created_at'], Date>>(); }`,
  `  for await (const e of listEvents(validated)) same<Same<typeof e.created_at, Date>>();`,
  `  for await (const p of listEvents(validated, { limit: 2 }).pages()) same<Same<typeof p.data[number]['created_at'], Date>>();`,
  `  { const page = await listEvents(plain); same<Same<typeof page.data[number]['created_at'], string>>(); }`,
  `  for await (const e of listEvents(plain)) same<Same<typeof e.created_at, string>>();`,
  // "warn": a valid page is the validator's output, an invalid one the value as received
  `  for await (const e of listEvents(warn)) same<Same<typeof e.created_at, Date | string>>();`,
  `  { const page = await listEvents(warn); same<Same<typeof page.data[number]['created_at'], Date | string>>(); }`,
  // items at a nested path (\`page.items\`)
  `  for await (const e of listArchive(validated)) same<Same<typeof e.created_at, Date>>();`,
  `  for await (const e of listArchive(plain)) same<Same<typeof e.created_at, string>>();`,
  // the call's own option decides
  `  for await (const e of listEvents(validated, {}, { validate: { response: false } })) same<Same<typeof e.created_at, string>>();`,
  `  for await (const e of listEvents(plain, {}, { validate: { response: 'throw' } })) same<Same<typeof e.created_at, string>>();`,
  `  for await (const e of listEvents(createClient({ validators }), {}, { validate: { response: 'throw' } })) same<Same<typeof e.created_at, Date>>();`,
  // streams are not validated: their events are what the spec declares, on any client
  `  for await (const e of await watchStream(validated)) same<Same<typeof e.created_at, string>>();`,
  `  for await (const e of await watchStream(plain)) same<Same<typeof e.created_at, string>>();`,
];

let pkg: ZodPackage;
let dir: string;
beforeAll(async () => {
  pkg = await zodPackage(SPEC, { dates: 'Date' });
  dir = writePackage('dates-pages', pkg.files);
});
afterAll(() => {
  if (!process.env.KEEP_TMP) rmSync(dir, { recursive: true, force: true });
});

describe('dates: "Date": paginated and streamed operations', () => {
  it('compile strictly: Date in pages and items on a validating client, string elsewhere and in stream events', async () => {
    const lines = [...PRELUDE, ...CHECKS, `}`];
    writeFileSync(join(dir, 'check.ts'), lines.join('\n') + '\n');
    const { diagnostics, output } = await runTsc(dir, options, { include: ['src', 'check.ts'] });
    expect(diagnostics.map((d) => `${d.file.slice(dir.length + 1)}:${d.line} ${d.code} ${d.message} [${lines[d.line - 1]}]`), output.slice(0, 3000)).toEqual([]);
  }, 120_000);

  it.each([
    [`  for await (const e of listEvents(validated)) same<Same<typeof e.created_at, string>>();`],
    [`  for await (const e of listEvents(validated)) { const s: string = e.created_at; s.slice(0); }`],
    [`  { const page = await listEvents(validated); same<Same<typeof page.data[number]['created_at'], string>>(); }`],
    [`  for await (const p of listEvents(validated).pages()) same<Same<typeof p.data[number]['created_at'], string>>();`],
    [`  for await (const e of listEvents(plain)) same<Same<typeof e.created_at, Date>>();`],
    [`  for await (const e of listEvents(warn)) e.created_at.slice(0);`],
    [`  for await (const e of listArchive(validated)) same<Same<typeof e.created_at, string>>();`],
    [`  for await (const e of await watchStream(validated)) same<Same<typeof e.created_at, Date>>();`],
  ])('the checks can fail: %s', async (wrong) => {
    const lines = [...PRELUDE, wrong, `}`];
    const file = `check-wrong-${Math.random().toString(36).slice(2)}.ts`;
    writeFileSync(join(dir, file), lines.join('\n') + '\n');
    const { diagnostics } = await runTsc(dir, options, { include: ['src', file] });
    expect(diagnostics.filter((d) => d.file.endsWith(file)).map((d) => d.line)).toEqual([PRELUDE.length + 1]);
  }, 120_000);

  it('the stream variant keeps its plain signature; the paginated one takes the generics', () => {
    const api = [...pkg.files].filter(([p]) => p.startsWith('src/api/')).map(([, c]) => c).join('\n');
    expect(api).toContain(`ValidatedItem<C, O, 'GET /events', '200', 'data', Event>`);
    expect(api).toMatch(/export function watchStream\(\s*client: Client,\s*params\?: WatchParams,\s*options\?: RequestOptions,?\s*\): ApiPromise<EventStream<Event>> \{/);
  });
});

describe('dates: "Date" on pages and streams end to end (a real server on 127.0.0.1)', () => {
  type Index = Record<string, any>;
  let index: Index;
  let validators: unknown;
  let server: RecordingServer;
  const first = { data: [{ id: 'e1', created_at: '2024-03-26T10:00:00Z' }], has_more: true };
  const second = { data: [{ id: 'e2', created_at: '2025-01-01T00:00:00Z' }], has_more: false };
  beforeAll(async () => {
    index = (await import(/* @vite-ignore */ join(dir, 'src/index.ts'))) as Index;
    ({ validators } = (await import(/* @vite-ignore */ join(dir, 'src/zod.ts'))) as { validators: unknown });
    server = await startRecordingServer();
  });
  afterAll(async () => {
    await server?.close();
  });
  beforeEach(() => server.reset());

  it('for await over two pages: every item of both pages has Dates on a validating client', async () => {
    const validated = index.createClient({ baseUrl: server.url, validators, validate: { response: 'throw' } });
    server.script({ body: first }, { body: second });
    const items: { id: string; created_at: unknown }[] = [];
    for await (const e of index.listEvents(validated)) items.push(e);
    expect(items.map((e) => e.id)).toEqual(['e1', 'e2']);
    expect(items.map((e) => e.created_at instanceof Date && e.created_at.getUTCFullYear())).toEqual([2024, 2025]);
    expect(server.requests.map((r) => r.url)).toEqual(['/events', '/events?after=e1']);
  });

  it('items at a nested path (page.items), two pages: Dates on both', async () => {
    const validated = index.createClient({ baseUrl: server.url, validators, validate: { response: 'throw' } });
    server.script({ body: { page: { items: first.data, next: 'c2' } } }, { body: { page: { items: second.data, next: null } } });
    const items: { created_at: unknown }[] = [];
    for await (const e of index.listArchive(validated)) items.push(e);
    expect(items.map((e) => e.created_at instanceof Date && e.created_at.getUTCFullYear())).toEqual([2024, 2025]);
    expect(server.requests.map((r) => r.url)).toEqual(['/archive', '/archive?cursor=c2']);
  });

  it('pages() on a validating client: each page is the validator output; a plain client gets strings', async () => {
    const validated = index.createClient({ baseUrl: server.url, validators, validate: { response: 'throw' } });
    server.script({ body: first }, { body: second });
    const pages: { data: { created_at: unknown }[] }[] = [];
    for await (const p of index.listEvents(validated).pages()) pages.push(p);
    expect(pages.map((p) => p.data[0]!.created_at instanceof Date)).toEqual([true, true]);
    const plain = index.createClient({ baseUrl: server.url });
    server.script({ body: first }, { body: second });
    const items: { created_at: unknown }[] = [];
    for await (const e of index.listEvents(plain)) items.push(e);
    expect(items.map((e) => e.created_at)).toEqual(['2024-03-26T10:00:00Z', '2025-01-01T00:00:00Z']);
  });

  it('a second page that drifts from the spec throws in "throw" mode', async () => {
    const validated = index.createClient({ baseUrl: server.url, validators, validate: { response: 'throw' } });
    server.script({ body: first }, { body: { data: [{ id: 'e2', created_at: 'not a date' }], has_more: false } });
    const seen: unknown[] = [];
    const walk = async () => {
      for await (const e of index.listEvents(validated)) seen.push(e.id);
    };
    await expect(walk()).rejects.toMatchObject({ name: 'ValidationError', path: '$.data[0].created_at' });
    expect(seen).toEqual(['e1']);
  });

  it('"warn" mode: a valid page holds Dates, an invalid one strings (hence Date | string)', async () => {
    const warnings: unknown[] = [];
    const warn = index.createClient({ baseUrl: server.url, validators, validate: { response: 'warn' }, onValidationError: (e: unknown) => warnings.push(e) });
    server.script({ body: first }, { body: { data: [{ id: 'e2', created_at: 'yesterday' }], has_more: false } });
    const items: { created_at: unknown }[] = [];
    for await (const e of index.listEvents(warn)) items.push(e);
    expect(items.map((e) => e.created_at instanceof Date)).toEqual([true, false]);
    expect(items[1]!.created_at).toBe('yesterday');
    expect(warnings).toMatchObject([{ name: 'ValidationError', path: '$.data[0].created_at' }]);
    expect(server.requests).toHaveLength(2);
  });

  it('stream events are not validated: strings, as their type says, even on a validating client', async () => {
    const validated = index.createClient({ baseUrl: server.url, validators, validate: { response: 'throw' } });
    server.script({ events: [{ data: { id: 'e1', created_at: '2024-03-26T10:00:00Z' } }] });
    const events: { created_at: unknown }[] = [];
    for await (const e of await index.watchStream(validated)) events.push(e);
    expect(events.map((e) => e.created_at)).toEqual(['2024-03-26T10:00:00Z']);
  });
});
