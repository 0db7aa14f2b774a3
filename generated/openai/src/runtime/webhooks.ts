/**
 * Webhooks: telling which declared event a delivery is (`parseEvent`) and checking its Standard
 * Webhooks signature (`verifySignature`) with Web Crypto, so it runs on Node.js 20+, Deno, Bun,
 * browsers and edge runtimes. Only bundled by packages whose spec declares webhooks, through
 * their generated `src/webhooks.ts`.
 */
import { OagenError } from './errors.js';

/** A delivery was not signed by the secret's holder, is too old or too new, or is malformed. */
export class WebhookVerificationError extends OagenError {
  override name = 'WebhookVerificationError';
}

/** Request headers: a `Headers`, or a plain object (Node's `IncomingHttpHeaders`, any case). */
export type WebhookHeaders = Headers | { readonly [name: string]: string | readonly string[] | undefined };

/** The raw request body, exactly as received (a string, or its bytes). */
export type WebhookBody = string | Uint8Array | ArrayBuffer;

/** How the generated package recognises one declared event. */
export interface WebhookSpec {
  /** the spec's name of the webhook (`webhooks` key) */
  readonly name: string;
  /** a payload property holding `value` (the spec's literal tag), e.g. `type` */
  readonly property?: string;
  /** a request header holding `value` (a declared event-type header) */
  readonly header?: string;
  readonly value?: string | number | boolean;
}

export interface VerifyOptions {
  /** seconds the `webhook-timestamp` may differ from now, either way (default 300: 5 minutes) */
  tolerance?: number | undefined;
  /** the current time in ms (default `Date.now()`; tests) */
  now?: number | undefined;
}

/** The value of a header, whatever the case of its name; repeated headers are joined with `, `. */
function header(headers: WebhookHeaders, name: string): string | undefined {
  if (typeof (headers as Headers).get == 'function') return (headers as Headers).get(name) ?? undefined;
  for (const key in headers) {
    if (key.toLowerCase() != name) continue;
    const v = (headers as Record<string, string | readonly string[] | undefined>)[key];
    return typeof v == 'string' ? v : v?.join(', ');
  }
  return undefined;
}

const bytes = (body: WebhookBody): Uint8Array =>
  typeof body == 'string' ? new TextEncoder().encode(body) : body instanceof Uint8Array ? body : new Uint8Array(body);

/**
 * Parses the body as JSON and finds its event among `specs`: by a declared event-type header, or
 * by the payload's tag property; a single declared webhook needs neither. Returns the webhook's
 * name and the payload. Throws an `OagenError` on a body that is not JSON or an unknown event.
 */
export function parseEvent(specs: readonly WebhookSpec[], body: WebhookBody, headers: WebhookHeaders): { name: string; payload: any } {
  let payload: any;
  try {
    payload = JSON.parse(typeof body == 'string' ? body : new TextDecoder().decode(bytes(body)));
  } catch {
    throw new OagenError('webhook body is not JSON');
  }
  const spec =
    specs.find((s) => (s.header ? header(headers, s.header.toLowerCase()) == String(s.value) : s.property != null && payload?.[s.property] === s.value)) ??
    (specs.length == 1 && specs[0]!.property == null && specs[0]!.header == null ? specs[0] : undefined);
  if (!spec) {
    const tags = [...new Set(specs.map((s) => (s.header ? `header ${s.header}: ${header(headers, s.header.toLowerCase())}` : `${s.property}: ${JSON.stringify(payload?.[s.property!])}`)))];
    throw new OagenError(`unknown webhook event (${tags.join(', ').slice(0, 200)})`);
  }
  return { name: spec.name, payload };
}

/**
 * Standard Webhooks (https://www.standardwebhooks.com): the `webhook-signature` header lists
 * space-separated `v1,<base64 HMAC-SHA256>` signatures of `${webhook-id}.${webhook-timestamp}.${body}`
 * keyed by the secret (`whsec_<base64>`; the prefix is optional), or, with the sender's public
 * key (`whpk_<base64>`, 32 bytes), `v1a,<base64 Ed25519 signature>`s of the same content.
 * Succeeds when one of them matches (an HMAC compared in constant time) and the timestamp is
 * within `tolerance` seconds of now.
 */
export async function verifySignature(secret: string, headers: WebhookHeaders, body: WebhookBody, options: VerifyOptions = {}): Promise<void> {
  const fail = (why: string) => new WebhookVerificationError(`webhook verification failed: ${why}`);
  const id = header(headers, 'webhook-id');
  const timestamp = header(headers, 'webhook-timestamp');
  const signatures = header(headers, 'webhook-signature');
  if (!id || !timestamp || !signatures) throw fail('missing webhook-id, webhook-timestamp or webhook-signature header');
  // whpk_: a public key, for Ed25519 signatures (v1a)
  const asymmetric = secret.startsWith('whpk_');
  let key: Uint8Array;
  try {
    key = fromBase64(asymmetric ? secret.slice(5) : secret.startsWith('whsec_') ? secret.slice(6) : secret);
  } catch {
    key = new Uint8Array();
  }
  if (!key.length || (asymmetric && key.length != 32)) throw fail('the secret is not whsec_ (or whpk_) followed by base64');
  const seconds = Number(timestamp);
  if (!/^\d+$/.test(timestamp)) throw fail('invalid webhook-timestamp');
  const now = (options.now ?? Date.now()) / 1000;
  const tolerance = options.tolerance ?? 300;
  if (seconds < now - tolerance) throw fail('the timestamp is too old');
  if (seconds > now + tolerance) throw fail('the timestamp is in the future');
  const subtle = globalThis.crypto.subtle;
  const content = bytes(body);
  const prefix = new TextEncoder().encode(`${id}.${timestamp}.`);
  const signed = new Uint8Array(prefix.length + content.length);
  signed.set(prefix);
  signed.set(content, prefix.length);
  let matches: (given: Uint8Array) => boolean | Promise<boolean>;
  if (asymmetric) {
    const publicKey = await subtle.importKey('raw', key as BufferSource, { name: 'Ed25519' }, false, ['verify']);
    matches = (given) => subtle.verify('Ed25519', publicKey, given as BufferSource, signed).catch(() => false);
  } else {
    const hmacKey = await subtle.importKey('raw', key as BufferSource, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    const expected = new Uint8Array(await subtle.sign('HMAC', hmacKey, signed));
    matches = (given) => {
      // constant time: every byte is compared whatever the earlier ones were
      let diff = given.length ^ expected.length;
      for (let i = 0; i < expected.length; i++) diff |= expected[i]! ^ (given[i] ?? 0);
      return diff == 0;
    };
  }
  let ok = false;
  for (const entry of signatures.split(' ')) {
    const [version, value] = entry.split(',');
    if (version != (asymmetric ? 'v1a' : 'v1') || !value) continue;
    let given: Uint8Array;
    try {
      given = fromBase64(value);
    } catch {
      continue;
    }
    ok ||= await matches(given);
  }
  if (!ok) throw fail('no matching signature');
}

function fromBase64(text: string): Uint8Array {
  const raw = atob(text);
  const out = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}
