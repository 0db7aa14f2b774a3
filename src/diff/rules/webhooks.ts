/**
 * OpenAPI 3.1 `webhooks`: requests the API sends to its users' servers. The generated client
 * has no code for them, so they are read from the specs as written (src/diff/raw.ts), matched
 * by name and method. A webhook removed is breaking (the handlers users wrote stop being
 * called); its payload is data users *read*, so its schema is compared in the read direction
 * (`response-` rules: a removed property, a new null or a wider type breaks the handler).
 */
import { childPointer } from '../../load/pointer.js';
import type { DiffContext } from '../context.js';
import { definePlainRules } from './registry.js';
import { compareSchema } from './schema/compare.js';

export const WEBHOOK_RULES = definePlainRules({
  'webhook-added': { severity: 'info', doc: 'a webhook (or a method of one) was added' },
  'webhook-removed': { severity: 'breaking', doc: 'a webhook (or a method of one) was removed: handlers users wrote are no longer called' },
});

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

export function compareWebhooks(ctx: DiffContext): void {
  const ro = ctx.old.raw;
  const rn = ctx.new.raw;
  if (!ro || !rn) return;
  const before = hooks(ro.node('#/webhooks'));
  const after = hooks(rn.node('#/webhooks'));
  for (const [key, h] of before) {
    if (!after.has(key)) ctx.plain('webhook-removed', { pointer: h.pointer, message: `webhook ${key} removed`, old: key });
  }
  for (const [key, h] of after) {
    const was = before.get(key);
    if (!was) {
      ctx.plain('webhook-added', { pointer: h.pointer, message: `webhook ${key} added`, new: key });
      continue;
    }
    const a = jsonBody(ro.node(was.pointer));
    const b = jsonBody(rn.node(h.pointer));
    if (!a || !b) continue;
    const pa = `${was.pointer}/requestBody/content/${a.media.replace(/~/g, '~0').replace(/\//g, '~1')}/schema`;
    const pb = `${h.pointer}/requestBody/content/${b.media.replace(/~/g, '~0').replace(/\//g, '~1')}/schema`;
    compareSchema(ctx, ro.parse(a.schema, pa), rn.parse(b.schema, pb), { family: 'response', operations: [], symbol: `webhook ${key}` });
  }
}

function hooks(node: Record<string, unknown> | undefined): Map<string, { pointer: string }> {
  const out = new Map<string, { pointer: string }>();
  for (const name of Object.keys(node ?? {}).sort()) {
    const item = node![name];
    if (item === null || typeof item !== 'object') continue;
    for (const m of METHODS) if (m in item) out.set(`${m.toUpperCase()} ${name}`, { pointer: childPointer(childPointer('#/webhooks', name), m) });
  }
  return out;
}

/** The JSON payload of a webhook operation (its first JSON media type). */
function jsonBody(op: Record<string, unknown> | undefined): { media: string; schema: unknown } | undefined {
  const body = op?.requestBody as { content?: Record<string, { schema?: unknown }> } | undefined;
  for (const [media, c] of Object.entries(body?.content ?? {})) {
    if (/json/i.test(media) && c && typeof c === 'object' && c.schema !== undefined) return { media, schema: c.schema };
  }
  return undefined;
}
