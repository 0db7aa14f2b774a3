/** The lock as an input (names that are not identifiers are ignored) and rename detection on its own. */
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Diagnostics } from '../../src/diagnostics.js';
import type { ApiIR, NamedSchema, Schema } from '../../src/ir/types.js';
import { buildLock, readLock, type Lock } from '../../src/lock/format.js';
import { pinnedFromLock } from '../../src/lock/pins.js';
import { closeness, detectRenames } from '../../src/lock/renames.js';
import { assignNames } from '../../src/naming/names.js';
import { generate, readModels, readOut, workspace } from './helpers.js';
import { tempDir } from '../tmp.js';

const ir = (schemas: [string, Schema][]): ApiIR => ({
  sourceVersion: '3.1',
  info: { title: 't', version: '1.0.0' },
  servers: [],
  schemas: schemas.map(([name, schema]): NamedSchema => ({ id: `#/components/schemas/${name}`, nameHint: name, schema })).sort((a, b) => (a.id < b.id ? -1 : 1)),
  operations: [],
  securitySchemes: [],
  security: [],
  tags: [],
});
const obj = (...props: string[]): Schema => ({ kind: 'object', pointer: '', properties: props.map((name) => ({ name, required: true, schema: { kind: 'string', pointer: '' } })) });
const ref = (name: string, ...props: string[]): Schema => ({
  kind: 'object',
  pointer: '',
  properties: [{ name: 'child', required: true, schema: { kind: 'ref', pointer: '', target: `#/components/schemas/${name}` } }, ...props.map((name) => ({ name, required: true, schema: { kind: 'string' as const, pointer: '' } }))],
});

function renamesBetween(before: [string, Schema][], after: [string, Schema][]): string[] {
  const a = ir(before);
  const lock = buildLock(a, assignNames(a, new Diagnostics()), { name: 'p', version: '1.0.0' }, undefined);
  const b = ir(after);
  const names = assignNames(b, new Diagnostics(), pinnedFromLock(lock));
  return detectRenames(lock, b, names).flatMap((r) => r.names.map((n) => `${n.old}→${n.new}`));
}

describe('detectRenames (schemas)', () => {
  const cases: { name: string; before: [string, Schema][]; after: [string, Schema][]; want: string[] }[] = [
    { name: 'same structure, another name', before: [['Foo-2', obj('a')]], after: [['ResponseFoo', obj('a')]], want: ['Foo2→ResponseFoo'] },
    { name: 'renamed and changed: no rename', before: [['Foo-2', obj('a')]], after: [['ResponseFoo', obj('a', 'b')]], want: [] },
    { name: 'documentation does not matter', before: [['Foo', { ...obj('a'), description: 'x' }]], after: [['Bar', { ...obj('a'), description: 'y', title: 'T' }]], want: ['Foo→Bar'] },
    {
      name: 'a renamed schema referring to another renamed schema',
      before: [['Outer-2', ref('Inner-2', 'x')], ['Inner-2', obj('i')]],
      after: [['ResponseOuter', ref('ResponseInner', 'x')], ['ResponseInner', obj('i')]],
      want: ['Inner2→ResponseInner', 'Outer2→ResponseOuter'],
    },
    {
      name: 'a chain of three: found one level at a time',
      before: [['A1', ref('B1', 'a')], ['B1', ref('C1', 'b')], ['C1', obj('c')]],
      after: [['A2', ref('B2', 'a')], ['B2', ref('C2', 'b')], ['C2', obj('c')]],
      want: ['A1→A2', 'B1→B2', 'C1→C2'],
    },
    {
      name: 'identical structures pair by the closest names',
      before: [['FooThing-2', obj('id')], ['BarThing-2', obj('id')]],
      after: [['ResponseBarThing', obj('id')], ['ResponseFooThing', obj('id')]],
      want: ['BarThing2→ResponseBarThing', 'FooThing2→ResponseFooThing'],
    },
    { name: 'a new schema like a kept one is no rename', before: [['Foo', obj('a')]], after: [['Foo', obj('a')], ['Bar', obj('a')]], want: [] },
    { name: 'two schemas swapping structures', before: [['Cat', obj('meows')], ['Dog', obj('barks')]], after: [['Cat', obj('barks')], ['Dog', obj('meows')]], want: [] }, // names stay with the structures (src/lock/swaps.ts)
    { name: 'a cycle of three renames: no rename either', before: [['A', obj('a')], ['B', obj('b')], ['C', obj('c')]], after: [['A', obj('c')], ['B', obj('a')], ['C', obj('b')]], want: [] },
    { name: 'a chain ending in a new name is no cycle', before: [['A', obj('a')], ['B', obj('b')]], after: [['B', obj('a')], ['C', obj('b')]], want: ['A→B', 'B→C'] },
  ];
  it.each(cases)('$name', (c) => expect(renamesBetween(c.before, c.after).sort()).toEqual(c.want));

  it('a cycle keeps every name with its structure, and the lock keeps it on the next run', () => {
    const a = ir([['A', obj('a')], ['B', obj('b')], ['C', obj('c')]]);
    const lock = buildLock(a, assignNames(a, new Diagnostics()), { name: 'p', version: '1.0.0' }, undefined);
    const b = ir([['A', obj('c')], ['B', obj('a')], ['C', obj('b')]]);
    const names = assignNames(b, new Diagnostics(), pinnedFromLock(lock));
    const byStructure = Object.fromEntries(b.schemas.map((n) => [n.schema.kind === 'object' ? n.schema.properties[0].name : '', names.schema.get(n.id)]));
    expect(byStructure).toEqual({ a: 'A', b: 'B', c: 'C' });
    const next = buildLock(b, names, { name: 'p', version: '1.0.1' }, lock);
    const again = assignNames(b, new Diagnostics(), pinnedFromLock(next));
    expect([...again.schema]).toEqual([...names.schema]);
    expect(detectRenames(next, b, again)).toEqual([]);
  });

  it.each([
    ['Foo2', 'ResponseFoo', 3],
    ['CreateX', 'create-x', 7],
    ['abc', 'xyz', 0],
  ] as const)('closeness(%s, %s) = %i', (a, b, want) => expect(closeness(a, b)).toBe(want));
});

describe('readLock', () => {
  it('ignores entries and aliases whose names are not identifiers', () => {
    const dir = tempDir('oagen-lock-');
    const lock = {
      oagen: 1,
      package: 'p',
      version: '1.0.0',
      schemas: { '#/a': { name: 'A', want: 'A', hash: 'h', since: '1.0.0' }, '#/b': { name: 'B {} export const x = 1; //', want: 'B', since: '1.0.0' } },
      operations: { 'GET /a': { name: 'getA', want: 'getA', since: '1.0.0', params: '*/ evil' } },
      aliases: [
        { name: 'Old', role: 'schema', of: '#/a', target: 'A', since: '1.0.0' },
        { name: 'X = 1; //', role: 'schema', of: '#/a', target: 'A', since: '1.0.0' },
        { name: 'Y', role: 'nonsense', of: '#/a', target: 'A', since: '1.0.0' },
      ],
    };
    writeFileSync(join(dir, 'oagen.lock.json'), JSON.stringify(lock));
    const read = readLock(dir)!;
    expect(Object.keys(read.schemas)).toEqual(['#/a']);
    expect(Object.keys(read.operations)).toEqual([]);
    expect(read.aliases?.map((a) => a.name)).toEqual(['Old']);
  });

  it('a hand-edited lock cannot put code into the package', async () => {
    const w = workspace();
    const spec = { text: JSON.stringify({ openapi: '3.1.0', info: { title: 'T', version: '1.0.0' }, paths: {}, components: { schemas: { Foo: { type: 'object', properties: { a: { type: 'string' } } } } } }) };
    await generate(w, spec);
    const lock = JSON.parse(readOut(w, 'oagen.lock.json')) as Lock;
    lock.schemas['#/components/schemas/Foo'].name = 'Foo { x: 1 } export const pwned = 1; interface Z';
    lock.aliases = [{ name: 'Old = 1; export const pwned = 2; type Q', role: 'schema', of: '#/components/schemas/Foo', target: 'Foo', since: '1.0.0' }];
    writeFileSync(join(w.out, 'oagen.lock.json'), JSON.stringify(lock));
    await generate(w, spec);
    expect(readModels(w)).toMatch(/export interface Foo \{/);
    expect(readModels(w) + readOut(w, 'src/index.ts')).not.toContain('pwned');
    expect(readFileSync(join(w.out, 'oagen.lock.json'), 'utf8')).not.toContain('pwned');
  });
});
