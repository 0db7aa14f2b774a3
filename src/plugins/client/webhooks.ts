/**
 * Webhooks of the generated package: `src/webhooks.ts` (payload types by event, the
 * `WebhookEvent` union, `parseWebhook`, `verifyWebhook`); the docs page `docs/Webhooks.md`
 * and the README's section are the docs plugin's (src/plugins/docs/webhooks.ts). Only for specs that declare webhooks; the
 * runtime they use is `templates/runtime/webhooks.ts`.
 */
import type { ApiIR } from '../../ir/types.js';
import { jsDocLines, literalValue, propertyKey, stringLiteral } from '../../escape/index.js';
import type { WebhookEventView } from '../../view/webhooks.js';
import { docBlock } from '../../view/printer.js';

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
    ...(imports.length ? [imports.join(', ').length <= 70 ? `import type { ${imports.join(', ')} } from './models/index.js';` : `import type {\n${imports.map((n) => `  ${n},`).join('\n')}\n} from './models/index.js';`] : []),
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
