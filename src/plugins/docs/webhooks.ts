/**
 * The docs of a package's webhooks: the docs page `docs/Webhooks.md` (a section per event) and
 * the README's Webhooks section. The events and `src/webhooks.ts` are the client plugin's
 * (src/plugins/client/webhooks.ts).
 */
import type { ApiIR } from '../../ir/types.js';
import { markdownCode, markdownCodeBlock as codeBlock, markdownText, stringLiteral } from '../../escape/index.js';
import { codeLink } from './markdown.js';
import { modelHref } from './context.js';
import type { WebhookEventView } from '../../view/webhooks.js';


/** A handler for the README and the docs page (it compiles against the package). */
function handlerExample(packageName: string, events: readonly WebhookEventView[]): string {
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
export function webhooksReadme(packageName: string, events: readonly WebhookEventView[]): string {
  return [
    `The API sends ${events.length} webhook event${events.length === 1 ? '' : 's'} (see ${codeLink('docs/Webhooks.md', 'docs/Webhooks.md')}). ${markdownCode('verifyWebhook(secret, headers, body, { tolerance })')} checks a delivery's [Standard Webhooks](https://www.standardwebhooks.com) signature with Web Crypto (Node.js, Deno, Bun, browsers, edge runtimes): an HMAC-SHA256 of ${markdownCode('webhook-id.webhook-timestamp.body')} keyed by the ${markdownCode('whsec_…')} secret, one of the space-separated ${markdownCode('v1,<base64>')} signatures of ${markdownCode('webhook-signature')} (compared in constant time) — or, given the sender's public key ${markdownCode('whpk_…')}, one of its ${markdownCode('v1a,<base64>')} Ed25519 signatures, and a timestamp within ${markdownCode('tolerance')} seconds of now (default 300, against replays). It returns the event, ${markdownCode('{ name, payload }')}, typed by its name (${markdownCode('WebhookEvent')}), and throws a ${markdownCode('WebhookVerificationError')} otherwise. ${markdownCode('parseWebhook(body, headers)')} identifies and types a delivery without checking it. Pass the body exactly as received: JSON parsed and serialized again no longer matches its signature.`,
    codeBlock('ts', handlerExample(packageName, events)),
  ].join('\n\n');
}

/**
 * What templates/docs/webhooks.md.hbs lays out on `docs/Webhooks.md`: the events' table and a
 * section per event. Values only: escaped Markdown, cells (table-safe), links, code blocks.
 */
export interface WebhooksPageView {
  /** the API's title (Markdown) */
  title: string;
  /** a ```ts block: a handler verifying deliveries */
  handler: string;
  events: WebhookEventSection[];
}

/** One event: its table row's cells and its section. */
export interface WebhookEventSection {
  facts: WebhookEventView;
  /** the event's name: a code span (table cell) and the heading's text */
  name: string;
  heading: string;
  method: string;
  /** how a delivery is recognised (Markdown; `recognisedCell`: table-safe) */
  recognised: string;
  recognisedCell: string;
  /** the payload's model, linked (table-safe), or its type `WebhookPayloads[…]` as a code span */
  payloadCell: string;
  deprecated: boolean;
  summary: string;
  description: string;
  /** `POST name`, a code span */
  hook: string;
  /** the payload's model, linked; false when the payload is no named model (see `payloadType`) */
  model: string | false;
  /** a ```ts block declaring the payload's type, when it is no named model */
  payloadType: string | false;
  payloadDescription: string;
  /** a ```ts block reading the payload of this event */
  example: string;
}

/** `docs/Webhooks.md`: a section per event. */
export function webhooksPage(ir: ApiIR, packageName: string, events: readonly WebhookEventView[]): WebhooksPageView {
  return {
    title: markdownText(ir.info.title),
    handler: codeBlock('ts', handlerExample(packageName, events)),
    events: events.map((e): WebhookEventSection => {
      const model = e.model ? codeLink(e.model, modelHref('docs/', e.model)) : false;
      const imports = e.models.length ? `import type { ${e.models.join(', ')} } from ${stringLiteral(packageName)};\n\n` : '';
      const payloadType = `WebhookPayloads[${stringLiteral(e.name)}]`;
      return {
        facts: e,
        name: markdownCode(e.name),
        heading: markdownText(e.name).replace(/\n+/g, ' '),
        method: e.hook.method,
        recognised: e.recognised,
        recognisedCell: e.recognised.replace(/\|/g, '\\|'),
        payloadCell: model || markdownCode('WebhookPayloads[' + JSON.stringify(e.name) + ']').replace(/\|/g, '\\|'),
        deprecated: e.hook.deprecated === true,
        summary: e.hook.summary?.trim() ? markdownText(e.hook.summary.trim()) : '',
        description: e.hook.description?.trim() ? markdownText(e.hook.description.trim()) : '',
        hook: markdownCode(`${e.hook.method} ${e.hook.name}`),
        model,
        payloadType: model ? false : codeBlock('ts', `${imports}export type Payload = ${e.type};`),
        payloadDescription: e.hook.payload?.description?.trim() ? markdownText(e.hook.payload.description.trim()) : '',
        example: codeBlock(
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
      };
    }),
  };
}
