/**
 * The spec's webhooks (`webhooks`, `x-webhooks`) as events: name, payload type, and how a
 * delivery is recognised. Read by the client's `src/webhooks.ts`, the docs page and the README.
 */
import type { ApiIR, Webhook } from '../ir/types.js';
import { markdownCode } from '../escape/index.js';
import { printTypeText, type TypeContext } from './printer.js';

export interface WebhookEventView {
  hook: Webhook;
  /** the event's name in `WebhookEvent` and `WebhookPayloads`: the webhook's name, or `METHOD name` when it has several methods */
  name: string;
  /** the payload's TypeScript type */
  type: string;
  /** the named model of the payload, when it is one */
  model?: string;
  /** how a delivery is recognised as this event (Markdown) */
  recognised: string;
  /** the models the payload type refers to, sorted */
  models: string[];
}

export function webhookEvents(ir: ApiIR, ctx: TypeContext): WebhookEventView[] {
  const hooks = ir.webhooks ?? [];
  const count = new Map<string, number>();
  for (const h of hooks) count.set(h.name, (count.get(h.name) ?? 0) + 1);
  return hooks.map((hook) => {
    const content = hook.payload?.contents.find((c) => /\bjson\b/i.test(c.mediaType)) ?? hook.payload?.contents[0];
    const schema = content?.schema;
    const model = schema?.kind === 'ref' && !schema.nullable ? ctx.names.get(schema.target) : undefined;
    const e = hook.event;
    const used = new Set<string>();
    const type = schema ? printTypeText(schema, { ...ctx, used }, 'block', '  ') : 'unknown';
    return {
      models: [...used].sort(),
      hook,
      name: count.get(hook.name)! > 1 ? hook.key : hook.name,
      type,
      ...(model ? { model } : {}),
      recognised: !e
        ? hooks.length === 1
          ? 'the only webhook'
          : 'not identifiable (the spec declares no event-type header or tag property)'
        : e.in === 'header'
          ? `the ${markdownCode(`${e.name}: ${e.value}`)} header`
          : `${markdownCode(`${e.property}: ${JSON.stringify(e.value)}`)} in the payload`,
    };
  });
}
