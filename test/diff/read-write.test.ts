/**
 * `oagen diff` and the `<Name>Writable` exports (src/normalize/read-write.ts): a schema used in
 * both directions that gains a `readOnly` property gets a request-side type, and the client
 * impact lists it as an added export (its identity the schema's pointer); losing the last one
 * removes that export, a major change. Renamed with its schema, it keeps a deprecated alias as
 * the schema's type does (src/lock/renames.ts), so the bump with aliases is minor.
 */
import { describe, expect, it } from 'vitest';
import { bothApi, diffDocs, obj, readApi, str, summary } from './helpers.js';

const plain = bothApi(obj({ id: str, name: str }, ['id', 'name']));
const split = bothApi(obj({ id: { ...str, readOnly: true }, name: str }, ['id', 'name']));
const THING = '#/components/schemas/Thing';

describe('a both-sides schema gaining or losing a readOnly property', () => {
  it('gained: ThingWritable is an added export of the schema; the body no longer takes id (major)', async () => {
    const r = await diffDocs(plain, split, {});
    expect(summary(r)).toEqual([`request-property-became-read-only ${THING}/properties/id`, `response-read-only-changed ${THING}/properties/id`]);
    expect(r.client!.exports.find((e) => e.name === 'ThingWritable')).toEqual({ name: 'ThingWritable', kind: 'type', change: 'added', identity: THING });
    expect(r.client!.exports.find((e) => e.name === 'CreateThingParams')).toMatchObject({ change: 'incompatible', paths: ['CreateThingParams.body.id'] });
    expect(r.client!.semver).toBe('major');
  }, 120_000);

  it('lost: ThingWritable is a removed export of the schema (major, named in the reasons)', async () => {
    const r = await diffDocs(split, plain, {});
    expect(r.client!.exports.find((e) => e.name === 'ThingWritable')).toEqual({ name: 'ThingWritable', kind: 'type', change: 'removed', identity: THING });
    expect(r.client!.semver).toBe('major');
    expect(r.client!.reasons).toContain('1 export(s) removed: ThingWritable');
  }, 120_000);

  it('renamed (same structure): with the aliases oagen generate keeps, ThingWritable stays too (minor)', async () => {
    const text = JSON.stringify(split).replaceAll('"#/components/schemas/Thing"', '"#/components/schemas/Item"').replace('"Thing":', '"Item":');
    const r = await diffDocs(split, JSON.parse(text) as typeof split, {});
    expect(summary(r)).toEqual([`schema-renamed #/components/schemas/Item`]);
    expect(r.client!.exports.filter((e) => e.change === 'removed').map((e) => e.name)).toEqual(['Thing', 'ThingWritable']);
    expect(r.client!.exports.filter((e) => e.change === 'added')).toEqual([
      { name: 'Item', kind: 'type', change: 'added', identity: '#/components/schemas/Item' },
      { name: 'ItemWritable', kind: 'type', change: 'added', identity: '#/components/schemas/Item' },
    ]);
    expect(r.semver).toBe('major');
    expect(r.semverWithAliases).toBe('minor');
  }, 120_000);

  it('a response-only schema gaining a readOnly property gets no Writable type: nothing about one', async () => {
    const r = await diffDocs(readApi(obj({ id: str }, ['id'])), readApi(obj({ id: { ...str, readOnly: true } }, ['id'])), {});
    expect(r.client!.exports.map((e) => e.name)).not.toContain('ThingWritable');
  }, 120_000);
});
