/**
 * Webhooks of the generated package: `src/webhooks.ts` (payload types by event, the
 * `WebhookEvent` union, `parseWebhook`, `verifyWebhook`), the docs page `docs/Webhooks.md` (a
 * section per event) and the README's section. Only for specs that declare webhooks; the
 * runtime they use is `templates/runtime/webhooks.ts`.
 */
import type { ApiIR, Webhook } from '../ir/types.js';
import { jsDocLines, literalValue, markdownCode, markdownCodeBlock as codeBlock, markdownText, propertyKey, stringLiteral } from '../escape/index.js';
import { codeLink } from './docs-markdown.js';
import { modelHref } from './docs-context.js';
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
export function renderWebhooksFile(ir: ApiIR, events: WebhookEventView[], header: string): string {
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
    ' * `webhook-signature`: HMAC-SHA256 with the `whsec_…` secret) and that its timestamp is within',
    ' * `tolerance` seconds of now (default 300), then returns the event as `parseWebhook` does.',
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

/** A handler for the README and the docs page (it compiles against the package). */
function handlerExample(packageName: string, events: WebhookEventView[]): string {
  const first = events[0]!;
  return [
    `import { verifyWebhook, WebhookVerificationError } from ${stringLiteral(packageName)};`,
    '',
    '// body: the raw request body, unparsed; headers: the request headers',
    'export async function handleWebhook(body: string, headers: Record<string, string>): Promise<number> {',
    '  try {',
    '    const event = await verifyWebhook(process.env.WEBHOOK_SECRET!, headers, body);',
    `    if (event.name === ${stringLiteral(first.name)}) console.log(event.payload);`,
    '    return 200;',
    '  } catch (e) {',
    '    if (e instanceof WebhookVerificationError) return 400;',
    '    throw e;',
    '  }',
    '}',
  ].join('\n');
}

/** The README's Webhooks section. */
export function webhooksReadme(packageName: string, events: WebhookEventView[]): string {
  return [
    `The API sends ${events.length} webhook event${events.length === 1 ? '' : 's'} (see ${codeLink('docs/Webhooks.md', 'docs/Webhooks.md')}). ${markdownCode('verifyWebhook(secret, headers, body, { tolerance })')} checks a delivery's [Standard Webhooks](https://www.standardwebhooks.com) signature with Web Crypto (Node.js, Deno, Bun, browsers, edge runtimes): an HMAC-SHA256 of ${markdownCode('webhook-id.webhook-timestamp.body')} keyed by the ${markdownCode('whsec_…')} secret, one of the space-separated ${markdownCode('v1,<base64>')} signatures of ${markdownCode('webhook-signature')} (compared in constant time), and a timestamp within ${markdownCode('tolerance')} seconds of now (default 300, against replays). It returns the event, ${markdownCode('{ name, payload }')}, typed by its name (${markdownCode('WebhookEvent')}), and throws a ${markdownCode('WebhookVerificationError')} otherwise. ${markdownCode('parseWebhook(body, headers)')} identifies and types a delivery without checking it. Pass the body exactly as received: JSON parsed and serialized again no longer matches its signature.`,
    codeBlock('ts', handlerExample(packageName, events)),
  ].join('\n\n');
}

/** `docs/Webhooks.md`: a section per event. */
export function webhooksPage(ir: ApiIR, packageName: string, events: WebhookEventView[]): string {
  const out = [
    '# Webhooks',
    '',
    `The events ${markdownText(ir.info.title)} sends to your server. Each delivery is a ${markdownCode('{ name, payload }')} of ${markdownCode('WebhookEvent')} once ${markdownCode('verifyWebhook')} (or ${markdownCode('parseWebhook')}) has identified it; see the README's Webhooks section.`,
    '',
    codeBlock('ts', handlerExample(packageName, events)),
    '',
    '| event | method | recognised by | payload |',
    '| --- | --- | --- | --- |',
    ...events.map((e) => `| ${markdownCode(e.name)} | ${e.hook.method} | ${e.recognised.replace(/\|/g, '\\|')} | ${e.model ? codeLink(e.model, modelHref('docs/', e.model)) : markdownCode('WebhookPayloads[' + JSON.stringify(e.name) + ']').replace(/\|/g, '\\|')} |`),
  ];
  for (const e of events) {
    out.push('', `## ${markdownText(e.name).replace(/\n+/g, ' ')}`, '');
    if (e.hook.deprecated) out.push('**Deprecated.**', '');
    if (e.hook.summary?.trim()) out.push(markdownText(e.hook.summary.trim()), '');
    if (e.hook.description?.trim()) out.push(markdownText(e.hook.description.trim()), '');
    out.push(`${markdownCode(`${e.hook.method} ${e.hook.name}`)}, recognised by ${e.recognised}.`, '');
    if (e.model) out.push(`Payload: ${codeLink(e.model, modelHref('docs/', e.model))}.`, '');
    else {
      const imports = e.models.length ? `import type { ${e.models.join(', ')} } from ${stringLiteral(packageName)};\n\n` : '';
      out.push('Payload:', '', codeBlock('ts', `${imports}export type Payload = ${e.type};`), '');
    }
    const payloadDescription = e.hook.payload?.description?.trim();
    if (payloadDescription) out.push(markdownText(payloadDescription), '');
    const payloadType = `WebhookPayloads[${stringLiteral(e.name)}]`;
    out.push(
      codeBlock(
        'ts',
        [
          `import { parseWebhook, type WebhookPayloads } from ${stringLiteral(packageName)};`,
          '',
          `export function payloadOf(body: string, headers: Record<string, string>): ${payloadType} | undefined {`,
          '  const event = parseWebhook(body, headers);',
          `  return event.name === ${stringLiteral(e.name)} ? event.payload : undefined;`,
          '}',
        ].join('\n'),
      ),
    );
  }
  out.push('', '[README](../README.md)', '');
  return out.join('\n');
}
