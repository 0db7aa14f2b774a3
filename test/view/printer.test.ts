/**
 * One printer serves code and docs (issue 14): over every schema node of the OpenAI spec,
 * the package's type (block layout, as src/models.ts and src/api/*.ts write it) and the
 * docs' type (inline layout, as the docs pages show it) are the same TypeScript, apart from
 * the block layout's line breaks (object members, long unions one member per line),
 * indentation and JSDoc.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/diagnostics.js';
import { typeParts } from '../../src/plugins/docs/type-markdown.js';
import { loadIR } from '../../src/generate.js';
import type { Schema } from '../../src/ir/types.js';
import { children } from '../../src/ir/walk.js';
import { assignNames } from '../../src/naming/names.js';
import { printType, printTypeText, typeText, type TypeContext } from '../../src/view/printer.js';

const ROOT = join(import.meta.dirname, '../..');

/**
 * The block layout read as one line: JSDoc dropped, `{\n  a: T;\n}` → `{ a: T }`, a union
 * broken into lines (`\n  | A\n  | B`: at the start, after `:`, `(`, `<` or `, `) → `A | B`.
 */
function oneLine(block: string): string {
  return block
    .replace(/^[ \t]*\/\*\*(?:[^*]|\*(?!\/))*\*\/\n/gm, '')
    .replace(/^\n[ \t]*\| /, '')
    .replace(/:\n[ \t]*\| /g, ': ')
    .replace(/\(\n[ \t]*\| /g, '(')
    .replace(/<\n[ \t]*\| /g, '<')
    .replace(/, \n[ \t]*\| /g, ', ')
    .replace(/\n[ \t]*\)/g, ')')
    .replace(/\n[ \t]*\| /g, ' | ')
    .replace(/;\n[ \t]*\}/g, ' }')
    .replace(/\{\n[ \t]*/g, '{ ')
    .replace(/;\n[ \t]*/g, '; ');
}

/** Every schema node of the IR: named schemas, and under every `schema` field of the operations. */
function allNodes(root: unknown, out: Schema[] = []): Schema[] {
  const seen = new Set<unknown>();
  const visitSchema = (s: Schema) => {
    if (seen.has(s)) return;
    seen.add(s);
    out.push(s);
    for (const c of children(s)) visitSchema(c);
  };
  const visit = (x: unknown) => {
    if (!x || typeof x !== 'object' || seen.has(x)) return;
    seen.add(x);
    for (const [k, v] of Object.entries(x)) {
      if ((k === 'schema' || k === 'items') && v && typeof v === 'object' && typeof (v as Schema).kind === 'string' && 'pointer' in v) visitSchema(v as Schema);
      else visit(v);
    }
  };
  visit(root);
  return out;
}

describe('one printer', () => {
  it('code and docs types are identical text over every schema node of the OpenAI spec', async () => {
    const ir = await loadIR(join(ROOT, 'specs/openai.yaml'), { diagnostics: new Diagnostics() });
    const names = assignNames(ir, new Diagnostics());
    const ctx: TypeContext = { names: names.schema, schemas: new Map(ir.schemas.map((n) => [n.id, n.schema])) };
    const nodes = allNodes(ir);
    expect(nodes.length).toBeGreaterThan(10_000);
    const differing: string[] = [];
    for (const s of nodes) {
      const code = oneLine(printTypeText(s, ctx, 'block'));
      const docs = typeText(typeParts(s, ctx));
      if (code !== docs) differing.push(`${s.pointer}\n  code: ${code}\n  docs: ${docs}`);
    }
    expect(differing.slice(0, 5)).toEqual([]);
  }, 120_000);

  it('model references carry the schema id and the name', () => {
    const ctx: TypeContext = { names: new Map([['#/components/schemas/User', 'User']]), schemas: new Map() };
    const parts = printType({ kind: 'array', items: { kind: 'ref', target: '#/components/schemas/User', pointer: '' }, nullable: true, pointer: '' } as Schema, ctx);
    expect(parts).toEqual([{ model: 'User', id: '#/components/schemas/User' }, '[]', ' | null']);
    expect(typeText(parts)).toBe('User[] | null');
  });
});
