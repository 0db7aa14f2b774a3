/**
 * Webhooks of the generated package: `src/webhooks.ts` (payload types by event, the
 * `WebhookEvent` union, `parseWebhook`, `verifyWebhook`); the docs page `docs/Webhooks.md`
 * and the README's section are the docs plugin's (src/plugins/docs/webhooks.ts). Only for specs that declare webhooks; the
 * runtime they use is `templates/runtime/webhooks.ts`.
 */
import type { ApiIR, Webhook } from '../../ir/types.js';
import { jsDocLines, literalValue, markdownCode, propertyKey, stringLiteral } from '../../escape/index.js';
import { docBlock, typeExpr, type TypeContext } from './type-expr.js';

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
    const type = schema ? typeExpr(schema, { ...ctx, used }, '  ') : 'unknown';
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

/** `src/webhooks.ts` of the generated package. */
export function renderWebhooksFile(ir: ApiIR, events: readonly WebhookEventView[], header: string): string {
  const used = new Set(events.flatMap((e) => e.models));
  const title = jsDocLines(ir.info.title)[0] ?? 'the API';
  const payloads = events.map((e) => {
    const doc = [
      ...(e.hook.summary ? jsDocLines(e.hook.summary) : []),
      ...(e.hook.description ? jsDocLines(e.hook.description.trim()) : []),
      ...(e.hook.summary || e.hook.description ? [''] : []),
      ...jsDocLines(`\`${e.hook.method} ${e.hook.name}\`; recognised by ${e.recognised}.`),
      ...(e.hook.deprecated ? ['@deprecated'] : []),
    ];
    return `${docBlock(doc, '  ')}  ${propertyKey(e.name)}: ${e.type};`;
  });
  const specs = events.map((e) => {
    const ev = e.hook.event;
    const how = !ev ? '' : ev.in === 'header' ? `, header: ${stringLiteral(ev.name)}, value: ${stringLiteral(ev.value)}` : `, property: ${stringLiteral(ev.property)}, value: ${literalValue(ev.value)}`;
    return `  { name: ${stringLiteral(e.name)}${how} },`;
  });
  const union = events.map((e) => `  | { name: ${stringLiteral(e.name)}; payload: WebhookPayloads[${stringLiteral(e.name)}] }`);
  const imports = [...used].sort();
  return [
    header,
    '',
    '/**',
    ` * Webhooks of ${title}: the events the API sends to your server. \`verifyWebhook\` checks a`,
    ' * delivery\'s signature (Standard Webhooks) and returns the event; `parseWebhook` only parses it.',
    ' */',
    ...(imports.length ? [imports.join(', ').length <= 70 ? `import type { ${imports.join(', ')} } from './models.js';` : `import type {\n${imports.map((n) => `  ${n},`).join('\n')}\n} from './models.js';`] : []),
    "import { parseEvent, verifySignature, type WebhookSpec } from './runtime/webhooks.js';",
    "import type { VerifyOptions as WebhookVerifyOptions, WebhookBody, WebhookHeaders } from './runtime/webhooks.js';",
    '',
    "export { WebhookVerificationError, type WebhookBody, type WebhookHeaders } from './runtime/webhooks.js';",
    'export type { WebhookVerifyOptions };',
    '',
    '/** The payload of each webhook event, by event name. */',
    'export interface WebhookPayloads {',
    payloads.join('\n'),
    '}',
    '',
    '/** A webhook delivery: `name` tells which event it is, and types its `payload`. */',
    'export type WebhookEvent =',
    `${union.join('\n')};`,
    '',
    '/** How each event is recognised (runtime/webhooks.ts). */',
    'const events: readonly WebhookSpec[] = [',
    specs.join('\n'),
    '];',
    '',
    '/**',
    ' * Identifies a webhook delivery among the declared events and returns it typed. It does not',
    ' * check the signature: use `verifyWebhook` for requests from the network.',
    ' * Throws an `OagenError` when the body is not JSON or is no declared event.',
    ' *',
    ' * @param body the raw request body (a string, or its bytes)',
    ' * @param headers the request headers (a `Headers`, or a plain object such as Node\'s `req.headers`)',
    ' */',
    'export function parseWebhook(body: WebhookBody, headers: WebhookHeaders = {}): WebhookEvent {',
    '  return parseEvent(events, body, headers) as WebhookEvent;',
    '}',
    '',
    '/**',
    ' * Checks a webhook delivery\'s Standard Webhooks signature (`webhook-id`, `webhook-timestamp`,',
    ' * `webhook-signature`: HMAC-SHA256 with the `whsec_…` secret, or Ed25519 with the sender\'s',
    ' * `whpk_…` public key) and that its timestamp is within `tolerance` seconds of now (default',
    ' * 300), then returns the event as `parseWebhook` does.',
    ' * Throws a `WebhookVerificationError` when the delivery is not authentic or too old.',
    ' * Pass the body exactly as received: parsed and re-serialized JSON no longer matches the signature.',
    ' */',
    'export async function verifyWebhook(',
    '  secret: string,',
    '  headers: WebhookHeaders,',
    '  body: WebhookBody,',
    '  options?: WebhookVerifyOptions,',
    '): Promise<WebhookEvent> {',
    '  await verifySignature(secret, headers, body, options);',
    '  return parseWebhook(body, headers);',
    '}',
    '',
  ].join('\n');
}
