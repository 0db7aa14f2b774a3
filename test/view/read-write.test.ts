/**
 * readOnly / writeOnly (src/normalize/read-write.ts, src/view/read-write.ts) on
 * fixtures/read-write.yaml: which schemas are split, their request-side names (a clash with a
 * model already called `UserWritable` takes a suffix; the lock keeps names across runs), the
 * members of each side's type, and the types operations print for params, bodies and responses.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/diagnostics.js';
import { loadIR } from '../../src/generate.js';
import type { ApiIR } from '../../src/ir/types.js';
import { buildLock } from '../../src/lock/format.js';
import { pinnedFromLock } from '../../src/lock/pins.js';
import { assignNames } from '../../src/naming/names.js';
import { readWriteFacts } from '../../src/normalize/read-write.js';
import { buildView } from '../../src/view/index.js';

const SPEC = join(import.meta.dirname, 'fixtures/read-write.yaml');
const C = '#/components/schemas/';

async function load(text?: string): Promise<ApiIR> {
  return loadIR(SPEC, { diagnostics: new Diagnostics(), ...(text !== undefined ? { text } : {}) });
}

describe('read-write facts', async () => {
  const ir = await load();
  const facts = readWriteFacts(ir);
  it.each([
    // [schema, split, one side]
    ['User', true, undefined], // readOnly id, writeOnly password, both sides
    ['Profile', true, undefined], // readOnly inside, reached through User
    ['Pet', true, undefined], // a union whose member Cat has a readOnly property
    ['Cat', true, undefined],
    ['Dog', false, undefined], // nothing read-only: one type
    ['Item', true, undefined], // through Order's items and Inventory's additionalProperties
    ['Order', true, undefined], // no readOnly of its own, its items have
    ['Inventory', true, undefined],
    ['Login', false, 'request'],
    ['Session', false, 'response'],
    ['UserWritable', false, undefined],
    ['Problem', false, undefined],
    ['Signup', false, 'response'], // a webhook's payload: the API sends it
  ])('%s: split %s, side %s', (name, split, side) => {
    expect(facts.split.includes(`${C}${name}`)).toBe(split);
    expect(facts.side.get(`${C}${name}`)).toBe(side);
  });
});

describe('the view', async () => {
  const ir = await load();
  const names = assignNames(ir, new Diagnostics());
  const view = buildView(ir, names, { name: 'pkg', specLabel: 'spec' });
  const model = (name: string) => view.models.find((m) => m.name === name);
  const keys = (name: string) => model(name)?.members?.map((m) => (m.readonly ? `readonly ${m.key}` : m.key)) ?? model(name)?.type;

  it.each([
    ['User', ['readonly created_at', 'readonly id', 'name', 'email', 'pets', 'profile']],
    // `UserWritable` is a model of the spec: User's request side takes the next free name
    ['UserWritable2', ['name', 'password', 'email', 'pets', 'profile']],
    ['UserWritable', ['legacy']],
    ['Profile', ['readonly avatar_url', 'bio']],
    ['ProfileWritable', ['bio']],
    ['Item', ['readonly id', 'quantity', 'sku']],
    ['ItemWritable', ['quantity', 'sku']],
    ['Inventory', 'Record<string, Item>'],
    ['InventoryWritable', 'Record<string, ItemWritable>'],
    ['Pet', 'Cat | Dog'],
    ['PetWritable', 'CatWritable | Dog'],
    ['Login', ['password', 'username']], // request only: no readOnly attempt_id
    ['Session', ['readonly token', 'expires_at']], // response only: no writeOnly secret
    ['CreateNoteBody', ['text']], // an inline request body: no readOnly id
    ['CreateNoteResponse', ['readonly id', 'text']], // an inline response: no writeOnly draft_key
    ['Signup', ['user_id']], // webhook payload: no writeOnly signing_secret
    ['DogWritable', undefined],
    ['LoginWritable', undefined],
    ['SessionWritable', undefined],
  ])('%s', (name, expected) => {
    expect(keys(name)).toEqual(expected);
  });

  it('refers to the request side from the request side (nested refs, arrays, unions, maps)', () => {
    const member = (m: string, key: string) => model(m)!.members!.find((x) => x.key === key)!.type;
    expect(member('OrderWritable', 'items')).toBe('ItemWritable[]');
    expect(member('Order', 'items')).toBe('Item[]');
    expect(member('UserWritable2', 'pets')).toBe('PetWritable[]');
    expect(member('UserWritable2', 'profile')).toBe('ProfileWritable');
    expect(member('User', 'profile')).toBe('Profile');
    expect(member('OrderWritable', 'audit')).not.toContain('changed_at');
    expect(member('Order', 'audit')).toContain('readonly changed_at?: string');
  });

  it.each([
    ['createUser', 'UserWritable2', 'User'],
    ['listUsers', undefined, 'User[]'],
    ['updateOrder', 'OrderWritable', 'Order'],
    ['putInventory', 'InventoryWritable', 'void'],
    ['getInventory', undefined, 'Inventory'],
    ['login', 'Login', 'Session'],
    ['getLegacy', undefined, 'UserWritable'],
  ])('%s: body %s, returns %s', (fn, body, returns) => {
    const op = view.operations.find((o) => o.names.fn === fn)!;
    expect(op.body?.type).toBe(body);
    expect(op.successType).toBe(returns);
  });

  it('webhook payloads are printed as the response side', () => {
    const ping = view.webhooks.find((e) => e.name === 'ping')!;
    expect(ping.type).toContain('at: string');
    expect(ping.type).not.toContain('token');
    expect(view.webhooks.find((e) => e.name === 'signup')!.model).toBe('Signup');
  });

  it('a group imports the request-side types its operations use', () => {
    const group = view.groups.find((g) => g.operations.some((o) => o.names.fn === 'updateOrder'))!;
    expect([...group.models]).toEqual(expect.arrayContaining(['Order', 'OrderWritable']));
  });
});

describe('names under the lock', async () => {
  const ir = await load();
  it('a clash is reported as W_NAME_CLASH', () => {
    const diagnostics = new Diagnostics();
    assignNames(ir, diagnostics);
    const clashes = diagnostics.list.filter((d) => d.code === 'W_NAME_CLASH').map((d) => d.message);
    expect(clashes).toEqual([`the request-side type of schema '${C}User' would be named 'UserWritable', which is taken; named 'UserWritable2'`]);
  });

  it('are deterministic and recorded; a model added later under the same name does not take it', async () => {
    const first = assignNames(ir, new Diagnostics());
    expect(assignNames(ir, new Diagnostics()).writable).toEqual(first.writable);
    const lock = buildLock(ir, first, { name: 'pkg', version: '1.0.0' }, undefined);
    expect(lock.schemas[`${C}User`].writable).toBe('UserWritable2');
    expect(lock.schemas[`${C}Order`].writable).toBe('OrderWritable');
    expect(lock.schemas[`${C}Dog`].writable).toBeUndefined();

    // the spec gains a model named `OrderWritable`: Order's request side keeps its locked name
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(SPEC, 'utf8').replace('    Problem:\n', '    OrderWritable:\n      type: object\n      properties:\n        x: { type: string }\n    Problem:\n');
    const next = await load(text);
    const fresh = assignNames(next, new Diagnostics());
    expect(fresh.schema.get(`${C}OrderWritable`)).toBe('OrderWritable');
    expect(fresh.writable?.get(`${C}Order`)).toBe('OrderWritable2');
    const pinned = assignNames(next, new Diagnostics(), pinnedFromLock(lock));
    expect(pinned.writable?.get(`${C}Order`)).toBe('OrderWritable');
    expect(pinned.schema.get(`${C}OrderWritable`)).toBe('OrderWritable2');
  });
});

describe('a spec without readOnly / writeOnly', async () => {
  it('is left as it is (the same objects)', async () => {
    const ir = await loadIR(join(import.meta.dirname, '../../specs/arthur.yaml'), { diagnostics: new Diagnostics() }).catch(() => undefined);
    if (!ir) return expect.fail('specs/arthur.yaml did not load');
    const names = assignNames(ir, new Diagnostics());
    const view = buildView(ir, names, { name: 'pkg', specLabel: 'spec' });
    expect(names.writable).toBeUndefined();
    expect(view.types.names).toBe(names.schema);
    view.operations.forEach((o, i) => expect(o.op).toBe(ir.operations[i]));
  });
});
