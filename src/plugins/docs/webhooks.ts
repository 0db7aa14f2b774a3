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

/** `docs/Webhooks.md`: a section per event. */
export function webhooksPage(ir: ApiIR, packageName: string, events: readonly WebhookEventView[]): string {
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
