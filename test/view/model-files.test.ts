/** Which file declares each model (src/view/model-files.ts): table-driven `{ given, want }`. */
import { describe, expect, it } from 'vitest';
import type { Schema } from '../../src/ir/types.js';
import { modelFileNames, modelLayout, type GroupInput, type ModelInput } from '../../src/view/model-files.js';

const ref = (name: string): Schema => ({ kind: 'ref', target: `#/components/schemas/${name}`, pointer: '' });
const obj = (...refs: string[]): Schema => ({ kind: 'object', pointer: '', properties: refs.map((r) => ({ name: r.toLowerCase(), required: true, schema: ref(r) })) });
const binary: Schema = { kind: 'object', pointer: '', properties: [{ name: 'file', required: true, schema: { kind: 'binary', pointer: '' } }] };
const nameOf = (id: string) => id.replace('#/components/schemas/', '');

interface Case {
  name: string;
  given: { models: Record<string, Schema>; groups: Record<string, string[]> };
  /** file → its models; `imports`: file → the shared models it imports */
  want: { files: Record<string, string[]>; imports?: Record<string, string[]> };
}

const CASES: Case[] = [
  {
    name: 'a model one group mentions is in that group\'s file',
    given: { models: { User: obj() }, groups: { users: ['User'] } },
    want: { files: { users: ['User'] } },
  },
  {
    name: 'a model two groups mention is shared; each group file imports it',
    given: { models: { User: obj(), UserList: obj('User'), Project: obj('User') }, groups: { users: ['UserList'], projects: ['Project'] } },
    want: { files: { users: ['UserList'], projects: ['Project'], shared: ['User'] }, imports: { users: ['User'], projects: ['User'] } },
  },
  {
    name: 'a model no group mentions is shared, with what it refers to',
    given: { models: { Event: obj('Payload'), Payload: obj(), User: obj() }, groups: { users: ['User'] } },
    want: { files: { users: ['User'], shared: ['Event', 'Payload'] } },
  },
  {
    name: 'a model reached only through a group\'s own model is that group\'s',
    given: { models: { User: obj('Role'), Role: obj() }, groups: { users: ['User'], projects: [] } },
    want: { files: { users: ['Role', 'User'] } },
  },
  {
    name: 'a model a shared one refers to is shared, even when one group also mentions it',
    given: { models: { Orphan: obj('Role'), Role: obj() }, groups: { roles: ['Role'] } },
    want: { files: { shared: ['Orphan', 'Role'] }, imports: {} },
  },
  {
    name: 'cycles: a group\'s models referring to each other stay together',
    given: { models: { A: obj('B'), B: obj('A') }, groups: { g: ['A'] } },
    want: { files: { g: ['A', 'B'] } },
  },
  {
    name: 'files follow the groups\' order, the shared one last; models sorted by name',
    given: { models: { Z: obj(), A: obj(), M: obj() }, groups: { second: ['M'], first: ['Z', 'A'] } },
    want: { files: { second: ['M'], first: ['A', 'Z'] } },
  },
  {
    name: 'a group whose file would be the shared one\'s gets `-api`',
    given: { models: { S: obj(), T: obj(), U: obj() }, groups: { shared: ['S'], other: ['T', 'U'], third: ['U'] } },
    want: { files: { 'shared-api': ['S'], other: ['T'], shared: ['U'] } },
  },
  {
    name: 'no models: no files',
    given: { models: {}, groups: { g: [] } },
    want: { files: {} },
  },
];

function layoutOf(given: Case['given']) {
  const models: ModelInput[] = Object.entries(given.models).map(([name, schema]) => ({ name, schema }));
  const groups: GroupInput[] = Object.entries(given.groups).map(([file, ms]) => ({ file, models: new Set(ms) }));
  return modelLayout(models, groups, nameOf);
}

describe('modelLayout', () => {
  it.each(CASES)('$name', ({ given, want }) => {
    const layout = layoutOf(given);
    expect(Object.fromEntries(layout.files.map((f) => [f.file, [...f.models]]))).toEqual(want.files);
    expect([...layout.files.map((f) => f.file)]).toEqual(Object.keys(want.files));
    if (want.imports) {
      expect(Object.fromEntries(layout.files.filter((f) => f.sharedImports.length > 0).map((f) => [f.file, [...f.sharedImports]]))).toEqual(want.imports);
    }
    // every model in exactly one file, and fileOf agrees
    const all = layout.files.flatMap((f) => f.models);
    expect([...all].sort()).toEqual(Object.keys(given.models).sort());
    for (const f of layout.files) for (const m of f.models) expect(layout.fileOf.get(m)).toBe(f.file);
  });

  it('a group file never refers to another group\'s models, the shared file to none', () => {
    const layout = layoutOf({
      models: { A: obj('S'), B: obj('S', 'C'), C: obj(), S: obj('T'), T: obj(), O: obj('A') },
      groups: { a: ['A'], b: ['B', 'S'] },
    });
    const refs: Record<string, string[]> = { A: ['S'], B: ['S', 'C'], C: [], S: ['T'], T: [], O: ['A'] };
    for (const f of layout.files) {
      for (const m of f.models) {
        for (const r of refs[m]) expect(f.file === 'shared' ? ['shared'] : [f.file, 'shared']).toContain(layout.fileOf.get(r));
      }
    }
    // O mentions A: A is shared (no group owns what a shared model needs)
    expect(layout.fileOf.get('A')).toBe('shared');
  });

  it('runtime types: the files whose models upload bytes import Uploadable', () => {
    const layout = layoutOf({ models: { Upload: binary, Plain: obj() }, groups: { files: ['Upload'], other: ['Plain'] } });
    expect(layout.files.map((f) => [f.file, [...f.runtimeTypes]])).toEqual([
      ['files', ['Uploadable']],
      ['other', []],
    ]);
  });

  it('the same input in another order gives the same files', () => {
    const a = layoutOf({ models: { A: obj('C'), B: obj('C'), C: obj() }, groups: { x: ['A'], y: ['B'] } });
    const b = layoutOf({ models: { C: obj(), B: obj('C'), A: obj('C') }, groups: { x: ['A'], y: ['B'] } });
    expect(b.files).toEqual(a.files);
  });
});

describe('modelFileNames', () => {
  it.each([
    { given: ['users', 'projects'], want: ['users', 'projects'] },
    { given: ['shared', 'users'], want: ['shared-api', 'users'] },
    { given: ['index'], want: ['index-api'] },
    { given: ['shared', 'shared-api'], want: ['shared-api-2', 'shared-api'] },
  ])('$given → $want', ({ given, want }) => {
    const names = modelFileNames(given);
    expect(given.map((g) => names.get(g))).toEqual(want);
  });
});
