/**
 * The `msw` handlers in a browser (issue 17; STYLE: what runs in a browser is tested once in
 * headless Chromium): the generated openai-admin client and its handlers, bundled with esbuild,
 * run in Chromium under MSW's service worker (`setupWorker`); the client walks every page of
 * `listUsers` and reads a user, and the data equals what the same seed gives under Node.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { setupServer } from 'msw/node';
import { chromium } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { startRecordingServer, type RecordingServer } from '../../server.js';
import { writeConfiguredPackage, type WrittenPackage } from '../mocks/package.js';
import { ROOT } from '../mocks/specs.js';

const CHROMIUM = '/usr/bin/chromium';
let pkg: WrittenPackage | undefined;
let http: RecordingServer | undefined;
afterAll(async () => {
  await http?.close();
  pkg?.dispose();
});

const PROGRAM = `
import { createClient, listUsers, retrieveUser } from './src/index.js';
import { createHandlers as handlers } from './src/msw/index.js';
export async function walk() {
  const client = createClient({ auth: { AdminApiKeyAuth: 'sk-admin' } });
  const users = [];
  for await (const u of listUsers(client, { limit: 3 })) users.push(u);
  const user = await retrieveUser(client, { user_id: 'user_1' });
  return { users, user };
}
export { handlers };
`;

describe('openai-admin msw handlers in Chromium', () => {
  it('serve every page of listUsers and a user, as under Node', async () => {
    pkg = await writeConfiguredPackage('openai-admin');
    writeFileSync(join(pkg.dir, 'program.ts'), PROGRAM);
    writeFileSync(
      join(pkg.dir, 'browser.ts'),
      `import { setupWorker } from 'msw/browser';\nimport { handlers, walk } from './program.js';\n` +
        `(async () => {\n  await setupWorker(...handlers({ seed: 4 })).start({ quiet: true, onUnhandledRequest: 'error' });\n` +
        `  (window as any).__result = await walk();\n})().catch((e) => ((window as any).__result = { error: String(e) }));\n`,
    );
    await build({ entryPoints: [join(pkg.dir, 'browser.ts')], bundle: true, format: 'esm', platform: 'browser', outfile: join(pkg.dir, 'bundle.js'), logLevel: 'silent' });
    const files: Record<string, [string, string]> = {
      '/': ['text/html', '<!doctype html><script type="module" src="/bundle.js"></script>'],
      '/bundle.js': ['text/javascript', readFileSync(join(pkg.dir, 'bundle.js'), 'utf8')],
      '/mockServiceWorker.js': ['text/javascript', readFileSync(join(ROOT, 'node_modules/msw/lib/mockServiceWorker.js'), 'utf8')],
    };
    http = await startRecordingServer((req) => {
      const f = files[req.url];
      return { status: f ? 200 : 404, headers: { 'content-type': f?.[0] ?? 'text/plain' }, body: f?.[1] ?? '' };
    });
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    let inBrowser: { users?: unknown[]; user?: unknown; error?: string };
    try {
      const page = await browser.newPage();
      await page.goto(`${http.url}/`);
      await page.waitForFunction(() => (window as unknown as { __result?: unknown }).__result !== undefined, undefined, { timeout: 60_000 });
      inBrowser = await page.evaluate(() => (window as unknown as { __result: never }).__result);
    } finally {
      await browser.close();
    }
    expect(inBrowser.error).toBeUndefined();
    expect(inBrowser.users).toHaveLength(9); // 3 pages of 3

    // the same program under Node
    const program = (await import(/* @vite-ignore */ join(pkg.dir, 'program.ts'))) as { walk(): Promise<unknown>; handlers(o: object): never[] };
    const server = setupServer(...program.handlers({ seed: 4 }));
    server.listen({ onUnhandledRequest: 'error' });
    try {
      expect(inBrowser).toEqual(await program.walk());
    } finally {
      server.close();
    }
  }, 300_000);
});
