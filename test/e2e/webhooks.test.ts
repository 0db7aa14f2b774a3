/**
 * End to end: the OpenAI spec's webhooks. The package generated from specs/openai.yaml compiles
 * with `src/webhooks.ts`; `parseWebhook` identifies every declared event by its `type`, and
 * `verifyWebhook` accepts a delivery signed the Standard Webhooks way (signature computed here
 * with node:crypto) and refuses a tampered one. The webhook types hold (type tests in the
 * generated package, with `@ts-expect-error` for what must not compile).
 */
import { createHmac, randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/diagnostics.js';
import { generateClient, loadIR } from '../../src/generate.js';
import type { Webhook } from '../../src/ir/types.js';
import { tempDir } from '../generate/helpers.js';
import { nodeNextOptions, runTsc } from '../tsc.js';
import { loadCompiledPackage, repoRoot, type CompiledPackage } from './compiled-package.js';

interface OpenAIWebhooks {
  parseWebhook(body: string | Uint8Array, headers?: object): { name: string; payload: { type: string; id: string } };
  verifyWebhook(secret: string, headers: object, body: string | Uint8Array, options?: { tolerance?: number }): Promise<{ name: string; payload: { type: string } }>;
  WebhookVerificationError: new (...args: never[]) => Error;
}

let pkg: CompiledPackage<OpenAIWebhooks>;
let output: string;
let hooks: Webhook[];

beforeAll(async () => {
  output = join(tempDir(), 'openai');
  const spec = join(repoRoot, 'specs/openai.yaml');
  await generateClient({ name: 'openai', spec, output });
  hooks = (await loadIR(spec, { diagnostics: new Diagnostics() })).webhooks ?? [];
  pkg = await loadCompiledPackage<OpenAIWebhooks>('openai', output);
}, 180_000);
afterAll(() => pkg?.dispose());

describe('OpenAI webhooks', () => {
  it('the spec declares its events, each recognised by a literal `type`', () => {
    expect(hooks.length).toBeGreaterThanOrEqual(16);
    expect(hooks.map((h) => h.key)).toContain('POST batch_completed');
    for (const h of hooks) expect(h.event).toMatchObject({ in: 'body', property: 'type' });
    expect(hooks.find((h) => h.name === 'response_completed')!.event).toEqual({ in: 'body', property: 'type', value: 'response.completed' });
  });

  it('parseWebhook identifies each declared event type', () => {
    for (const h of hooks) {
      const payload = { id: `evt_${h.name}`, object: 'event', created_at: 1_750_000_000, type: (h.event as { value: string }).value, data: { id: 'x_1' } };
      const event = pkg.module.parseWebhook(JSON.stringify(payload), {});
      expect(event.name).toBe(h.name);
      expect(event.payload).toEqual(payload);
    }
    expect(() => pkg.module.parseWebhook('{"type":"nope.never"}')).toThrow(/unknown webhook event/);
  });

  it('verifyWebhook returns the event of a signed delivery and refuses a tampered one', async () => {
    const key = randomBytes(32);
    const secret = 'whsec_' + key.toString('base64');
    const body = JSON.stringify({ id: 'evt_1', object: 'event', created_at: 1, type: 'response.completed', data: { id: 'resp_1' } });
    const id = 'wh_123';
    const ts = Math.floor(Date.now() / 1000);
    const signature = 'v1,' + createHmac('sha256', key).update(`${id}.${ts}.${body}`).digest('base64');
    const headers = { 'webhook-id': id, 'webhook-timestamp': String(ts), 'webhook-signature': signature };
    const event = await pkg.module.verifyWebhook(secret, headers, body);
    expect(event.name).toBe('response_completed');
    expect(event.payload.type).toBe('response.completed');
    await expect(pkg.module.verifyWebhook(secret, headers, body.replace('resp_1', 'resp_2'))).rejects.toBeInstanceOf(pkg.module.WebhookVerificationError);
  });

  it('the types: WebhookEvent narrows by name; a wrong name or payload does not compile', async () => {
    const check = join(output, 'src', 'webhooks-check.ts');
    await writeFile(
      check,
      [
        "import { parseWebhook, verifyWebhook, WebhookVerificationError, type WebhookEvent, type WebhookPayloads } from './index.js';",
        "const event: WebhookEvent = parseWebhook('{}', new Headers());",
        "if (event.name === 'batch_completed') {",
        "  const type: 'batch.completed' = event.payload.type;",
        '  const id: string = event.payload.data.id;',
        '  void type, id;',
        '}',
        "const completed: WebhookPayloads['response_completed']['type'] = 'response.completed';",
        'export async function handle(body: string, headers: Record<string, string>): Promise<WebhookEvent | undefined> {',
        '  try {',
        "    return await verifyWebhook('whsec_x', headers, body, { tolerance: 60 });",
        '  } catch (e) {',
        '    if (e instanceof WebhookVerificationError) return undefined;',
        '    throw e;',
        '  }',
        '}',
        '// @ts-expect-error TS2367 not a declared event',
        "if (event.name === 'batch.completed') void 0;",
        "if (event.name === 'batch_failed') {",
        '  // @ts-expect-error TS2322 the payload of batch_failed is not batch_completed',
        "  const wrong: 'batch.completed' = event.payload.type;",
        '  void wrong;',
        '}',
        '// @ts-expect-error TS2345 the body is a string or bytes, not an object',
        'parseWebhook({});',
        'void completed;',
      ].join('\n'),
    );
    const result = await runTsc(join(output, '.typecheck'), nodeNextOptions, { files: [check] });
    expect(result.diagnostics).toEqual([]);
  }, 120_000);
});
