/**
 * The shapes that involve named schemas, through a whole generated module (fixtures/shapes.yaml):
 * references, recursion (a self-reference, two schemas referring to each other, a recursive
 * union), discriminated unions (a member with its own literal tag, one tagged by the mapping),
 * allOf, tuples, records; the operations' schemas and `validators`; `dates: "Date"`; the same
 * in `zod/mini`. Values are checked with Zod's own `safeParse`.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { ROOT, writePackage, zodPackage } from './helpers.js';

const SPEC = join(ROOT, 'test/plugins/zod/fixtures/shapes.yaml');
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

type Module = Record<string, z.ZodType> & { validators: Record<string, { params?: z.ZodType; body?: z.ZodType; responses?: Record<string, z.ZodType> }> };

async function load(label: string, options: { mini?: boolean; dates?: 'Date' | 'string' }): Promise<{ m: Module; code: string }> {
  const pkg = await zodPackage(SPEC, options);
  const dir = writePackage(label, pkg.files);
  dirs.push(dir);
  const m = (await import(/* @vite-ignore */ join(dir, 'src/zod.ts'))) as Module;
  return { m, code: readFileSync(join(dir, 'src/zod.ts'), 'utf8') };
}

function firstIssue(schema: z.ZodType, value: unknown): (PropertyKey)[] | undefined {
  const r = z.safeParse(schema, value);
  return r.success ? undefined : r.error.issues[0]!.path;
}

describe.each([
  { label: 'zod', mini: false },
  { label: 'zod/mini', mini: true },
])('$label', ({ label, mini }) => {
  it('references, recursion, discriminated unions, allOf, tuples, records', async () => {
    const { m, code } = await load(`shapes-${mini ? 'mini' : 'classic'}`, { mini });
    expect(code).toContain(mini ? "from 'zod/mini'" : "from 'zod'");
    // a discriminated union: Cat declares its tag, Dog gets it from the mapping
    expect(code).toMatch(/PetSchema = z\.discriminatedUnion\('kind', \[CatSchema, (z\.extend\(DogSchema|DogSchema\.extend)/);
    expect(m.PetSchema!.parse({ kind: 'cat', lives: 9 })).toEqual({ kind: 'cat', lives: 9 });
    expect(m.PetSchema!.parse({ kind: 'dog', bark: 'woof' })).toEqual({ kind: 'dog', bark: 'woof' });
    expect(firstIssue(m.PetSchema!, { kind: 'cat', lives: 10 })).toEqual(['lives']);
    expect(firstIssue(m.PetSchema!, { kind: 'dog', bark: 'meow' })).toEqual(['bark']);
    expect(firstIssue(m.PetSchema!, { kind: 'cow' })).toEqual(['kind']);
    // self-recursion through getters, at any depth
    const tree = { value: 1, children: [{ value: 2, children: [{ value: 3 }] }], parent: null };
    expect(m.TreeSchema!.parse(tree)).toEqual(tree);
    expect(firstIssue(m.TreeSchema!, { value: 1, children: [{ value: 2, children: [{ value: 'x' }] }] })).toEqual(['children', 0, 'children', 0, 'value']);
    // mutual recursion
    expect(m.FolderSchema!.parse({ name: 'a', files: [{ name: 'f', folder: { name: 'b', files: [] } }] })).toBeTruthy();
    expect(firstIssue(m.FolderSchema!, { name: 'a', files: [{ name: 'f', folder: { name: 'b' } }] })).toEqual(['files', 0, 'folder', 'files']);
    // a recursive union (z.lazy outside an object)
    expect(m.JsonSchema!.parse(['a', [1, ['b']]])).toEqual(['a', [1, ['b']]]);
    expect(z.safeParse(m.JsonSchema!, ['a', [true]]).success).toBe(false);
    // allOf of a reference and an object
    expect(m.NamedSchema!.parse({ title: 't', name: 'n' })).toEqual({ title: 't', name: 'n' });
    expect(firstIssue(m.NamedSchema!, { title: 't', name: '' })).toEqual(['name']);
    expect(firstIssue(m.NamedSchema!, { name: 'n' })).toEqual(['title']);
    // tuple without extra items, record
    expect(m.PointSchema!.parse([1, 2])).toEqual([1, 2]);
    expect(z.safeParse(m.PointSchema!, [1, 2, 3]).success).toBe(false);
    expect(firstIssue(m.LabelsSchema!, { a: 'abc', b: 'abcd' })).toEqual(['b']);
    expect(firstIssue(m.StampSchema!, { at: '2024-01-01T00:00:00Z', status: 'gone' })).toEqual(['status']);
  });

  it('operations: params, body, responses by status, and validators by METHOD /path', async () => {
    const { m, code } = await load(`ops-${mini ? 'mini' : 'classic'}`, { mini });
    expect(code).toContain('export const GetPetParamsSchema');
    expect(code).toContain('export const ReplacePetResponse200Schema');
    expect(code).toContain('export const ReplacePetResponse201Schema');
    const get = m.validators['GET /pets/{pet_id}']!;
    expect(get.params!.parse({ pet_id: 1, fields: ['name'] })).toEqual({ pet_id: 1, fields: ['name'] });
    expect(firstIssue(get.params!, { pet_id: 0 })).toEqual(['pet_id']);
    expect(firstIssue(get.params!, { pet_id: 1, fields: ['age'] })).toEqual(['fields', 0]);
    expect(firstIssue(get.responses!['404']!, {})).toEqual(['title']);
    const put = m.validators['PUT /pets/{pet_id}']!;
    expect(firstIssue(put.body!, { kind: 'dog', bark: 1 })).toEqual(['bark']);
    expect(Object.keys(put.responses!)).toEqual(['200', '201']);
    // Standard Schema: what the client runtime calls
    const result = await (put.body as unknown as { '~standard': { validate(v: unknown): unknown } })['~standard'].validate({ kind: 'cat', lives: 1 });
    expect(result).toEqual({ value: { kind: 'cat', lives: 1 } });
  });

  it('dates: "Date" turns date-time and date strings into Dates', async () => {
    const { m } = await load(`dates-${mini ? 'mini' : 'classic'}`, { mini, dates: 'Date' });
    const out = m.StampSchema!.parse({ at: '2024-03-26T10:00:00Z', on: '2024-03-26' }) as { at: Date; on: Date };
    expect(out.at).toBeInstanceOf(Date);
    expect(out.at.toISOString()).toBe('2024-03-26T10:00:00.000Z');
    expect(out.on.toISOString()).toBe('2024-03-26T00:00:00.000Z');
    expect(firstIssue(m.StampSchema!, { at: 'yesterday' })).toEqual(['at']);
  });
});

it(`without dates, date strings stay strings`, async () => {
  const { m } = await load('nodates', {});
  expect(m.StampSchema!.parse({ at: '2024-03-26T10:00:00Z' })).toEqual({ at: '2024-03-26T10:00:00Z' });
});
