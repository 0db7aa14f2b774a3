/**
 * Issue 16, in a real browser: a React page (consumers/browser-app.tsx) using
 * `@tanstack/react-query` and the generated `openai-admin` package's `openai-admin/query`,
 * bundled with esbuild, served on 127.0.0.1 by a real API server (the organization's users, two
 * per page, `after` + `has_more` + `last_id` as OpenAI answers, and `modifyUser`), and loaded in
 * headless Chromium (Debian's, driven by playwright-core). The page renders the first page,
 * loads every page through the infinite query until there is no next one, performs the
 * mutation, and the list refetches after the invalidation: checked in the DOM and in the
 * server's request log.
 *
 * Chromium: $CHROMIUM_PATH, else `chromium` on the PATH. Without one the test is skipped, except
 * under CI=true, where it fails (.ci/run installs Debian's chromium).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRecordingServer, type RecordingServer, type Reply, type Responder } from '../../server.js';

function findChromium(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  try {
    return execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' }).trim().split('\n')[0] || undefined;
  } catch {
    return undefined;
  }
}

const executablePath = findChromium();
const CI = process.env.CI === 'true';
if (!executablePath && !CI) console.warn('[tanstack-query browser test] skipped: no Chromium ($CHROMIUM_PATH, or `chromium` on the PATH; `apt-get install chromium`)');
if (!executablePath && CI) {
  describe('openai-admin/query in headless Chromium', () => {
    it('has a Chromium to run in (CI=true)', () => {
      throw new Error('CI=true: the browser test needs Chromium ($CHROMIUM_PATH, or `chromium` on the PATH); .ci/run installs it');
    });
  });
}

/** The organization's users, as OpenAI's `/organization/users` serves them. */
function usersApi() {
  const users = Array.from({ length: 5 }, (_, i) => ({
    object: 'organization.user' as const,
    id: `user_${i + 1}`,
    email: `user${i + 1}@example.com`,
    name: `User ${i + 1}`,
    role: 'reader',
    added_at: 1_700_000_000 + i,
  }));
  let page = '';
  const respond: Responder = (req) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    const send = (status: number, type: string, text: string): Reply => ({ status, body: text, headers: { 'content-type': type } });
    if (url.pathname === '/') return send(200, 'text/html', '<!doctype html><meta charset="utf-8"><title>users</title><link rel="icon" href="data:,"><div id="root"></div><script type="module" src="/app.js"></script>');
    if (url.pathname === '/app.js') return send(200, 'text/javascript', page);
    if (req.method === 'GET' && url.pathname === '/v1/organization/users') {
      const limit = Number(url.searchParams.get('limit') ?? 20);
      const after = url.searchParams.get('after');
      const start = after ? users.findIndex((u) => u.id === after) + 1 : 0;
      const data = users.slice(start, start + limit);
      return send(200, 'application/json', JSON.stringify({ object: 'list', data, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null, has_more: start + data.length < users.length }));
    }
    const m = /^\/v1\/organization\/users\/([^/]+)$/.exec(url.pathname);
    const user = m && users.find((u) => u.id === decodeURIComponent(m[1]!));
    if (req.method === 'POST' && user) {
      user.role = (JSON.parse(req.body) as { role: string }).role;
      return send(200, 'application/json', JSON.stringify(user));
    }
    return send(404, 'application/json', JSON.stringify({ error: { message: `no route ${req.method} ${url.pathname}` } }));
  };
  return { respond, setPage: (js: string) => (page = js) };
}

/** The server's log of the API's requests (not the page's), each query with its `?`. */
const apiLog = (server: RecordingServer) =>
  server.requests
    .map((r) => ({ ...r, url: new URL(r.url, 'http://127.0.0.1') }))
    .filter((r) => r.url.pathname.startsWith('/v1/'))
    .map((r) => ({ method: r.method, path: r.url.pathname, query: r.url.search, body: r.body, authorization: r.headers.authorization }));

const GENERATED = join(import.meta.dirname, '../../../generated/openai-admin');

/**
 * The project's generated openai-admin (generated/, which the drift test keeps equal to what
 * `npm run generate` writes) when it has `src/query/`; else rendered now, as configured.
 */
async function openaiAdmin(): Promise<string> {
  if (existsSync(join(GENERATED, 'src/query/index.ts'))) return GENERATED;
  const { configuredClient, writeClient } = await import('./package.js');
  const client = configuredClient('openai-admin');
  // the package's code only: the docs are not needed here, and take longer
  return (await writeClient({ ...client, plugins: client.plugins!.filter((p) => p.name !== 'docs') })).dir;
}

describe.skipIf(!executablePath)('openai-admin/query in headless Chromium', () => {
  const api = usersApi();
  let server: RecordingServer | undefined;
  let browser: Browser | undefined;
  let origin = '';

  beforeAll(async () => {
    const [dir, started] = await Promise.all([openaiAdmin(), startRecordingServer(api.respond)]);
    server = started;
    origin = started.url;
    const bundle = await build({
      entryPoints: [join(import.meta.dirname, 'consumers/browser-app.tsx')],
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      jsx: 'automatic',
      alias: { 'openai-admin/query': join(dir, 'src/query/index.ts'), 'openai-admin': join(dir, 'src/index.ts') },
      define: { 'process.env.NODE_ENV': '"production"' },
      logLevel: 'silent',
    });
    api.setPage(bundle.outputFiles[0]!.text);
    expect(readFileSync(join(dir, 'package.json'), 'utf8')).toContain('"./query"');
    browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lists every page, mutates, and refetches the list after invalidation', async () => {
    const page = await browser!.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(origin);

    const ids = () => page.$$eval('#users li', (lis) => lis.map((li) => `${li.getAttribute('data-id')}:${li.getAttribute('data-role')}`));
    /** waits until the list shows `pages` pages and the query is idle, then returns its status */
    const settled = async (pages: number) => {
      await page.waitForFunction((n) => document.querySelector('#pages')?.textContent === String(n) && document.querySelector('#status')?.textContent !== 'fetching', pages, { timeout: 10_000 });
      return page.locator('#status').textContent();
    };

    // the first page
    expect(await settled(1)).toBe('more');
    expect(await ids()).toEqual(['user_1:reader', 'user_2:reader']);

    // every page, through the infinite query, until there is no next one
    let pages = 1;
    while ((await page.locator('#status').textContent()) === 'more') {
      expect(pages).toBeLessThan(5);
      await page.locator('#more').click();
      await settled(++pages);
    }
    expect(pages).toBe(3);
    expect(await page.locator('#status').textContent()).toBe('all');
    expect(await ids()).toEqual(['user_1:reader', 'user_2:reader', 'user_3:reader', 'user_4:reader', 'user_5:reader']);
    expect(await page.locator('#more').isDisabled()).toBe(true);
    const walk = apiLog(server!).map((r) => `${r.method} ${r.path}${r.query}`);
    expect(walk).toEqual([
      'GET /v1/organization/users?limit=2',
      'GET /v1/organization/users?limit=2&after=user_2',
      'GET /v1/organization/users?limit=2&after=user_4',
    ]);
    expect(apiLog(server!).every((r) => r.authorization === 'Bearer sk-admin-test')).toBe(true);

    // the mutation, then the invalidated list refetches (every loaded page, with the new role)
    await page.locator('#promote').click();
    await page.waitForFunction(() => document.querySelector('#mutation')?.textContent === 'success', undefined, { timeout: 10_000 });
    await page.waitForFunction(() => document.querySelector('[data-id="user_3"]')?.getAttribute('data-role') === 'owner', undefined, { timeout: 10_000 });
    expect(await settled(3)).toBe('all');
    expect(await ids()).toEqual(['user_1:reader', 'user_2:reader', 'user_3:owner', 'user_4:reader', 'user_5:reader']);
    const after = apiLog(server!).slice(walk.length).map((r) => `${r.method} ${r.path}${r.query}${r.body ? ` ${r.body}` : ''}`);
    expect(after).toEqual([
      'POST /v1/organization/users/user_3 {"role":"owner"}',
      'GET /v1/organization/users?limit=2',
      'GET /v1/organization/users?limit=2&after=user_2',
      'GET /v1/organization/users?limit=2&after=user_4',
    ]);
    expect(errors).toEqual([]);
    await page.close();
  }, 30_000);
});
