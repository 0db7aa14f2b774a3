/**
 * Standard Webhooks verification (`templates/runtime/webhooks.ts`): signatures computed here
 * independently with node:crypto's createHmac, and the scheme's published signing example
 * (secret, id, timestamp and body → `v1,g0hM…`); plus `parseEvent` by tag property and header.
 */
import { createHmac, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, sign as signWith, type KeyObject } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { OagenError } from '../../templates/runtime/errors.js';
import { parseEvent, verifySignature, WebhookVerificationError, type WebhookSpec } from '../../templates/runtime/webhooks.js';

const KEY = randomBytes(32);
const SECRET = 'whsec_' + KEY.toString('base64');
const NOW = 1_700_000_000_000; // ms
const ID = 'msg_2KWPBgLlAfxdpx2AI54pPJ85f4W';
const BODY = '{"type":"contact.created","data":{"id":"c_1"}}';

const sign = (key: Buffer, id: string, ts: number | string, body: string) => 'v1,' + createHmac('sha256', key).update(`${id}.${ts}.${body}`).digest('base64');
const headersFor = (signature: string, ts: number | string = NOW / 1000, id = ID) => ({ 'webhook-id': id, 'webhook-timestamp': String(ts), 'webhook-signature': signature });
const reason = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e as Error);

describe('verifySignature (Standard Webhooks)', () => {
  it('the published example: whsec_MfKQ… signs msg_p5jX….1614265330.{"test": 2432232314} as v1,g0hM…', async () => {
    const headers = { 'webhook-id': 'msg_p5jXN8AQM9LWM0D4loKWxJek', 'webhook-timestamp': '1614265330', 'webhook-signature': 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=' };
    await expect(verifySignature('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', headers, '{"test": 2432232314}', { now: 1614265330_000 })).resolves.toBeUndefined();
    // the prefix is optional, as in the reference libraries
    await expect(verifySignature('MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', headers, '{"test": 2432232314}', { now: 1614265330_000 })).resolves.toBeUndefined();
  });

  it('a valid signature holds, for a string body and for its bytes, with Headers or a plain object', async () => {
    const h = headersFor(sign(KEY, ID, NOW / 1000, BODY));
    await verifySignature(SECRET, h, BODY, { now: NOW });
    await verifySignature(SECRET, new Headers(h), new TextEncoder().encode(BODY), { now: NOW });
    await verifySignature(SECRET, { 'Webhook-Id': ID, 'WEBHOOK-TIMESTAMP': String(NOW / 1000), 'webhook-signature': h['webhook-signature'] }, new TextEncoder().encode(BODY).buffer, { now: NOW });
  });

  it('a non-ASCII body is signed as its UTF-8 bytes', async () => {
    const body = '{"name":"zoë €"}';
    await verifySignature(SECRET, headersFor(sign(KEY, ID, NOW / 1000, body)), body, { now: NOW });
  });

  const bad: [string, () => { headers: Record<string, string>; body?: string; secret?: string }, RegExp][] = [
    ['a tampered body', () => ({ headers: headersFor(sign(KEY, ID, NOW / 1000, BODY)), body: BODY.replace('c_1', 'c_2') }), /no matching signature/],
    ['a wrong secret', () => ({ headers: headersFor(sign(KEY, ID, NOW / 1000, BODY)), secret: 'whsec_' + randomBytes(32).toString('base64') }), /no matching signature/],
    ['a tampered id', () => ({ headers: { ...headersFor(sign(KEY, ID, NOW / 1000, BODY)), 'webhook-id': 'msg_other' } }), /no matching signature/],
    ['a timestamp changed after signing', () => ({ headers: { ...headersFor(sign(KEY, ID, NOW / 1000, BODY)), 'webhook-timestamp': String(NOW / 1000 - 1) } }), /no matching signature/],
    ['an expired timestamp (6 minutes old)', () => ({ headers: headersFor(sign(KEY, ID, NOW / 1000 - 360, BODY), NOW / 1000 - 360) }), /too old/],
    ['a future timestamp (6 minutes ahead)', () => ({ headers: headersFor(sign(KEY, ID, NOW / 1000 + 360, BODY), NOW / 1000 + 360) }), /in the future/],
    ['an invalid timestamp', () => ({ headers: headersFor(sign(KEY, ID, 'hello', BODY), 'hello') }), /invalid webhook-timestamp/],
    ['a missing signature header', () => ({ headers: { 'webhook-id': ID, 'webhook-timestamp': String(NOW / 1000) } }), /missing/],
    ['a missing id', () => ({ headers: { 'webhook-timestamp': String(NOW / 1000), 'webhook-signature': sign(KEY, ID, NOW / 1000, BODY) } }), /missing/],
    ['a partial signature', () => ({ headers: headersFor(sign(KEY, ID, NOW / 1000, BODY).slice(0, 8)) }), /no matching signature/],
    ['a signature that is not base64', () => ({ headers: headersFor('v1,dawfeoifkpqwoekfpqoekf') }), /no matching signature/],
    ['the right signature with another version (v2)', () => ({ headers: headersFor(sign(KEY, ID, NOW / 1000, BODY).replace('v1,', 'v2,')) }), /no matching signature/],
    ['an empty secret', () => ({ headers: headersFor(sign(KEY, ID, NOW / 1000, BODY)), secret: 'whsec_' }), /secret/],
  ];
  for (const [name, make, message] of bad) {
    it(`rejects ${name} with WebhookVerificationError`, async () => {
      const c = make();
      const e = await reason(verifySignature(c.secret ?? SECRET, c.headers, c.body ?? BODY, { now: NOW }));
      expect(e).toBeInstanceOf(WebhookVerificationError);
      expect(e).toBeInstanceOf(OagenError);
      expect(e!.name).toBe('WebhookVerificationError');
      expect(e!.message).toMatch(message);
      expect(e!.message).not.toContain(KEY.toString('base64'));
    });
  }

  it('within the 5-minute window either way it holds; tolerance widens or narrows it', async () => {
    for (const skew of [-299, 299]) {
      const ts = NOW / 1000 + skew;
      await verifySignature(SECRET, headersFor(sign(KEY, ID, ts, BODY), ts), BODY, { now: NOW });
    }
    const old = NOW / 1000 - 600;
    const h = headersFor(sign(KEY, ID, old, BODY), old);
    await expect(verifySignature(SECRET, h, BODY, { now: NOW })).rejects.toThrow(/too old/);
    await verifySignature(SECRET, h, BODY, { now: NOW, tolerance: 700 });
    const recent = NOW / 1000 - 20;
    await expect(verifySignature(SECRET, headersFor(sign(KEY, ID, recent, BODY), recent), BODY, { now: NOW, tolerance: 10 })).rejects.toThrow(/too old/);
  });

  it('multiple signatures (secret rotation): one matching among others holds; none matching fails', async () => {
    const other = 'v1,' + randomBytes(32).toString('base64');
    const good = sign(KEY, ID, NOW / 1000, BODY);
    await verifySignature(SECRET, headersFor(`${other} v1a,${randomBytes(64).toString('base64')} ${good}`), BODY, { now: NOW });
    await verifySignature(SECRET, headersFor(`${good} ${other}`), BODY, { now: NOW });
    await expect(verifySignature(SECRET, headersFor(`${other} ${other}`), BODY, { now: NOW })).rejects.toBeInstanceOf(WebhookVerificationError);
  });

  it('uses the real clock by default', async () => {
    const ts = Math.floor(Date.now() / 1000);
    await verifySignature(SECRET, headersFor(sign(KEY, ID, ts, BODY), ts), BODY);
  });
});

/**
 * Standard Webhooks' asymmetric scheme: `v1a,<base64 Ed25519 signature>`, verified with the
 * sender's public key `whpk_<base64>`; signatures made here with node:crypto (OpenSSL), checked
 * by the runtime with Web Crypto.
 */
describe('verifySignature, v1a (Ed25519)', () => {
  const pair = generateKeyPairSync('ed25519');
  const raw = (k: KeyObject) => Buffer.from(k.export({ format: 'jwk' }).x!, 'base64url');
  const PUBLIC = 'whpk_' + raw(pair.publicKey).toString('base64');
  const signA = (key: KeyObject, id: string, ts: number | string, body: string) => 'v1a,' + signWith(null, Buffer.from(`${id}.${ts}.${body}`), key).toString('base64');
  const good = () => headersFor(signA(pair.privateKey, ID, NOW / 1000, BODY));

  it('a valid signature holds (string body, bytes, Headers)', async () => {
    await verifySignature(PUBLIC, good(), BODY, { now: NOW });
    await verifySignature(PUBLIC, new Headers(good()), new TextEncoder().encode(BODY), { now: NOW });
  });

  it('RFC 8032 test key 1: its public key verifies what its private key signed', async () => {
    // RFC 8032 §7.1, TEST 1: the secret key 9d61…7f60 and its public key d75a…511a
    const seed = Buffer.from('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60', 'hex');
    const der = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]);
    const priv = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
    expect(raw(createPublicKey(priv)).toString('hex')).toBe('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a');
    const pub = 'whpk_' + Buffer.from('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a', 'hex').toString('base64');
    await verifySignature(pub, headersFor(signA(priv, ID, NOW / 1000, BODY)), BODY, { now: NOW });
    await expect(verifySignature(PUBLIC, headersFor(signA(priv, ID, NOW / 1000, BODY)), BODY, { now: NOW })).rejects.toThrow(/no matching signature/);
  });

  const bad: [string, () => { headers: Record<string, string>; body?: string; secret?: string }, RegExp][] = [
    ['a tampered body', () => ({ headers: good(), body: BODY.replace('c_1', 'c_2') }), /no matching signature/],
    ['another sender’s key', () => ({ headers: good(), secret: 'whpk_' + raw(generateKeyPairSync('ed25519').publicKey).toString('base64') }), /no matching signature/],
    ['a tampered id', () => ({ headers: { ...good(), 'webhook-id': 'msg_other' } }), /no matching signature/],
    ['an expired timestamp', () => ({ headers: headersFor(signA(pair.privateKey, ID, NOW / 1000 - 360, BODY), NOW / 1000 - 360) }), /too old/],
    ['a v1 (HMAC) signature when the key is a public key', () => ({ headers: headersFor(sign(KEY, ID, NOW / 1000, BODY)) }), /no matching signature/],
    ['a v1a signature when the secret is an HMAC secret', () => ({ headers: good(), secret: SECRET }), /no matching signature/],
    ['a truncated signature', () => ({ headers: headersFor(good()['webhook-signature'].slice(0, 40)) }), /no matching signature/],
    ['a public key of the wrong length', () => ({ headers: good(), secret: 'whpk_' + randomBytes(31).toString('base64') }), /secret/],
  ];
  for (const [name, make, message] of bad) {
    it(`rejects ${name} with WebhookVerificationError`, async () => {
      const c = make();
      const e = await reason(verifySignature(c.secret ?? PUBLIC, c.headers, c.body ?? BODY, { now: NOW }));
      expect(e).toBeInstanceOf(WebhookVerificationError);
      expect(e!.message).toMatch(message);
    });
  }

  it('multiple signatures: one matching v1a among others (v1, other keys, garbage) holds', async () => {
    const stranger = generateKeyPairSync('ed25519').privateKey;
    const others = [signA(stranger, ID, NOW / 1000, BODY), sign(KEY, ID, NOW / 1000, BODY), 'v1a,' + randomBytes(64).toString('base64'), 'v1a,!!'];
    await verifySignature(PUBLIC, headersFor([...others, good()['webhook-signature']].join(' ')), BODY, { now: NOW });
    await expect(verifySignature(PUBLIC, headersFor(others.join(' ')), BODY, { now: NOW })).rejects.toThrow(/no matching signature/);
  });
});

describe('parseEvent', () => {
  const byType: WebhookSpec[] = [
    { name: 'contact_created', property: 'type', value: 'contact.created' },
    { name: 'contact_deleted', property: 'type', value: 'contact.deleted' },
  ];
  it('finds the event by the payload tag', () => {
    expect(parseEvent(byType, BODY, {})).toEqual({ name: 'contact_created', payload: JSON.parse(BODY) });
    expect(parseEvent(byType, new TextEncoder().encode('{"type":"contact.deleted"}'), {}).name).toBe('contact_deleted');
  });
  it('finds the event by a declared event-type header, whatever its case', () => {
    const byHeader: WebhookSpec[] = [
      { name: 'push', header: 'X-Event', value: 'push' },
      { name: 'ping', header: 'X-Event', value: 'ping' },
    ];
    expect(parseEvent(byHeader, '{}', { 'x-event': 'ping' }).name).toBe('ping');
    expect(parseEvent(byHeader, '{}', new Headers({ 'X-Event': 'push' })).name).toBe('push');
  });
  it('a single webhook needs no tag', () => {
    expect(parseEvent([{ name: 'only' }], '{"a":1}', {})).toEqual({ name: 'only', payload: { a: 1 } });
  });
  it('an unknown event or a body that is not JSON is an OagenError', () => {
    expect(() => parseEvent(byType, '{"type":"contact.merged"}', {})).toThrow(/unknown webhook event \(type: "contact.merged"\)/);
    expect(() => parseEvent(byType, 'nope', {})).toThrow(OagenError);
  });
});
