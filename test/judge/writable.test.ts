/**
 * The judge (src/judge/) and the CHANGELOG of `oagen generate` see the `<Name>Writable` exports
 * (src/normalize/read-write.ts) across regenerations of one package: a schema used both ways
 * that gains a `readOnly` property adds `ThingWritable`; renamed in the spec (`Thing` → `Item`,
 * same structure), its request-side type is renamed with it and keeps a deprecated alias
 * (`ThingWritable` = `ItemWritable`, recorded in the lock with the role `writable`), so code
 * written against the previous version still compiles and the bump is minor; losing its last
 * `readOnly` property removes `ItemWritable` (major) and the alias of it with it.
 */
import { describe, expect, it } from 'vitest';
import { aliasEquality, compile, generate, readLockFile, readOut, workspace } from '../lock/helpers.js';

const spec = (name: string, readOnly: boolean) => `openapi: 3.1.0
info: { title: Things, version: 1.0.0 }
paths:
  /things:
    post:
      operationId: createThing
      requestBody: { required: true, content: { application/json: { schema: { $ref: '#/components/schemas/${name}' } } } }
      responses:
        '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/${name}' } } } }
components:
  schemas:
    ${name}:
      type: object
      required: [id, name]
      properties:
        id: { type: string${readOnly ? ', readOnly: true' : ''} }
        name: { type: string }
`;

/** the newest entry of the package's CHANGELOG.md */
const lastEntry = (text: string) => text.split(/^## /m)[1]!;

describe('<Name>Writable exports across regenerations', () => {
  it('added, renamed with its schema (a deprecated alias, minor), removed (major)', { timeout: 180_000 }, async () => {
    const w = workspace();
    await generate(w, { text: spec('Thing', false) });

    // gains a readOnly property: ThingWritable is added (the body type changes incompatibly: major)
    await generate(w, { text: spec('Thing', true) });
    let entry = lastEntry(readOut(w, 'CHANGELOG.md'));
    expect(entry).toMatch(/^2\.0\.0\n/);
    expect(entry).toContain('### Added\n\n- `ThingWritable`\n');
    expect(readLockFile(w).schemas['#/components/schemas/Thing']!.writable).toBe('ThingWritable');
    expect(readOut(w, 'src/models/default.ts')).toContain('export interface ThingWritable {');

    // a consumer of 2.0.0, written with both types
    const consumer = [
      `import { createThing, createClient, type Thing, type ThingWritable } from './out/src/index.js';`,
      `const body: ThingWritable = { name: 'a' };`,
      `export async function use(): Promise<Thing> { return createThing(createClient({ baseUrl: 'http://127.0.0.1:1' }), { body }); }`,
    ].join('\n');
    expect(compile(w, { 'consumer.ts': consumer }).errors).toEqual([]);

    // renamed in the spec: both exports renamed, both old names kept as deprecated aliases
    await generate(w, { text: spec('Item', true) });
    entry = lastEntry(readOut(w, 'CHANGELOG.md'));
    expect(entry).toMatch(/^2\.1\.0\n\nMinor change/);
    expect(entry).toContain('- `Thing` → `Item`\n- `ThingWritable` → `ItemWritable`\n');
    expect(entry).not.toContain('### Removed');
    const lock = readLockFile(w);
    expect(lock.aliases).toEqual([
      { name: 'Thing', role: 'schema', of: '#/components/schemas/Item', target: 'Item', since: '2.1.0' },
      { name: 'ThingWritable', role: 'writable', of: '#/components/schemas/Item', target: 'ItemWritable', since: '2.1.0' },
    ]);
    expect(readOut(w, 'src/aliases.ts')).toContain('export type ThingWritable = ItemWritable;');
    const compiled = compile(w, { 'consumer.ts': consumer, 'aliases.ts': aliasEquality(lock) });
    expect(compiled.errors).toEqual([]);
    expect(compiled.deprecated).toEqual(["'Thing' is deprecated.", "'ThingWritable' is deprecated."]);

    // loses its readOnly property: ItemWritable is gone, and so is the alias of it
    await generate(w, { text: spec('Item', false) });
    entry = lastEntry(readOut(w, 'CHANGELOG.md'));
    expect(entry).toMatch(/^3\.0\.0\n\nMajor change/);
    expect(entry).toContain('### Removed\n\n- `ItemWritable`\n');
    expect(entry).toMatch(/### Deprecated aliases removed\n\n(- .*\n)*- `ThingWritable` \(alias of `ItemWritable`/);
    expect(readLockFile(w).aliases ?? []).not.toContainEqual(expect.objectContaining({ name: 'ThingWritable' }));
  });
});
