/**
 * Webhooks from a spec to the generated package: OpenAPI 3.1 `webhooks` and the 3.0 extension
 * `x-webhooks` become IR webhooks; each event is recognised by a declared event-type header or
 * by the payload property whose literal tells the events apart; a spec without webhooks gets no
 * `src/webhooks.ts`; the config's include filter drops them.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../../src/diagnostics.js';
import { loadIR } from '../../../src/generate.js';
import { applyInclude } from '../../../src/normalize/include.js';
import { renderSpec, tempDir } from '../../generate/helpers.js';

const payload = (tag: string, extra: object = {}) => ({
  type: 'object',
  required: ['type', 'object', 'data'],
  properties: { type: { type: 'string', enum: [tag] }, object: { type: 'string', const: 'event' }, data: { type: 'object', properties: { id: { type: 'string' } } }, ...extra },
});
const hook = (schema: object, extra: object = {}) => ({ post: { description: 'Sent when */ things happen.', requestBody: { content: { 'application/json': { schema } } }, responses: { '200': { description: 'ok' } }, ...extra } });

const spec31 = {
  openapi: '3.1.0',
  info: { title: 'Hooks', version: '1.0.0' },
  paths: { '/ping': { get: { operationId: 'ping', responses: { '204': { description: 'pong' } } } } },
  webhooks: {
    order_created: hook({ $ref: '#/components/schemas/OrderCreated' }),
    order_deleted: hook(payload('order.deleted')),
  },
  components: { schemas: { OrderCreated: payload('order.created') } },
};

const spec30 = {
  openapi: '3.0.3',
  info: { title: 'Legacy hooks', version: '1.0.0' },
  paths: {},
  'x-webhooks': {
    push: hook({ type: 'object', properties: { ref: { type: 'string' } } }, { parameters: [{ name: 'X-Event', in: 'header', required: true, schema: { type: 'string', enum: ['push'] } }] }),
    ping: hook({ type: 'object', properties: { zen: { type: 'string' } } }, { parameters: [{ name: 'X-Event', in: 'header', required: true, schema: { type: 'string', enum: ['ping'] } }] }),
  },
};

async function write(doc: object): Promise<string> {
  const file = join(tempDir(), 'spec.json');
  await writeFile(file, JSON.stringify(doc));
  return file;
}

describe('webhooks in the IR', () => {
  it('3.1 webhooks: keyed by method and name, recognised by the tag that differs (type, not object)', async () => {
    const ir = await loadIR(await write(spec31), { diagnostics: new Diagnostics() });
    expect(ir.webhooks!.map((h) => [h.key, h.event])).toEqual([
      ['POST order_created', { in: 'body', property: 'type', value: 'order.created' }],
      ['POST order_deleted', { in: 'body', property: 'type', value: 'order.deleted' }],
    ]);
    expect(ir.webhooks![0]!.payload!.contents[0]!.schema).toMatchObject({ kind: 'ref', target: '#/components/schemas/OrderCreated' });
    expect(ir.webhooks![0]!.pointer).toBe('#/webhooks/order_created/post');
  });

  it('3.0 x-webhooks: recognised by a declared event-type header', async () => {
    const ir = await loadIR(await write(spec30), { diagnostics: new Diagnostics() });
    expect(ir.webhooks!.map((h) => [h.key, h.event])).toEqual([
      ['POST ping', { in: 'header', name: 'X-Event', value: 'ping' }],
      ['POST push', { in: 'header', name: 'X-Event', value: 'push' }],
    ]);
  });

  it('the include filter drops webhooks; a spec without any has none', async () => {
    const ir = await loadIR(await write(spec31), { diagnostics: new Diagnostics() });
    expect(applyInclude(ir, { paths: ['/ping'] }).webhooks).toBeUndefined();
    const none = await loadIR(await write({ ...spec31, webhooks: undefined }), { diagnostics: new Diagnostics() });
    expect(none.webhooks).toBeUndefined();
  });
});

describe('webhooks in the package', () => {
  it('src/webhooks.ts: payload types, the WebhookEvent union, recognition facts; exported from the index; docs and README', async () => {
    const files = await renderSpec(await write(spec31), 'hooks');
    const code = files.get('src/webhooks.ts')!;
    expect(code).toContain("import type { OrderCreated } from './models/index.js';");
    expect(code).toContain('  order_created: OrderCreated;');
    expect(code).toContain("  | { name: 'order_deleted'; payload: WebhookPayloads['order_deleted'] }");
    expect(code).toContain("  { name: 'order_created', property: 'type', value: 'order.created' },");
    // spec text goes through the JSDoc escape
    expect(code).toContain('Sent when *\\/ things happen.');
    expect(files.get('src/index.ts')).toContain("export * from './webhooks.js';");
    const page = files.get('docs/Webhooks.md')!;
    expect(page).toContain('## order_created');
    expect(page).toContain('[`OrderCreated`](models/OrderCreated.md)');
    expect(files.get('README.md')).toContain('## Webhooks');
  });

  it('3.0 x-webhooks recognised by header; a spec without webhooks gets no webhooks file', async () => {
    const files = await renderSpec(await write(spec30), 'legacy');
    expect(files.get('src/webhooks.ts')).toContain("{ name: 'push', header: 'X-Event', value: 'push' },");
    const plain = await renderSpec(await write({ ...spec31, webhooks: undefined }), 'plain');
    expect(plain.has('src/webhooks.ts')).toBe(false);
    expect(plain.has('docs/Webhooks.md')).toBe(false);
    expect(plain.get('src/index.ts')).not.toContain('webhooks');
    expect(plain.get('README.md')).not.toContain('## Webhooks');
  });
});
