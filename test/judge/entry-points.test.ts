/**
 * Entry points besides the root (src/judge/entry-points.ts): a plugin's `exports` subpath or
 * `bin` command added is a minor release, one removed a major one; both are in the CHANGELOG.
 */
import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/diagnostics.js';
import type { ApiIR } from '../../src/ir/types.js';
import { entryPointChanges } from '../../src/judge/entry-points.js';
import { judge } from '../../src/judge/index.js';
import { assignNames } from '../../src/naming/names.js';

const json = (exports: Record<string, unknown>, bin?: Record<string, string> | string) =>
  JSON.stringify({ name: 'pets', exports: { '.': './dist/index.js', './package.json': './package.json', ...exports }, ...(bin ? { bin } : {}) });

describe('entryPointChanges', () => {
  it.each([
    { what: 'nothing but the root', before: json({}), after: json({}), added: [], removed: [] },
    { what: 'a subpath added', before: json({}), after: json({ './zod': { types: './dist/zod.d.ts', import: './dist/zod.js' } }), added: ['pets/zod'], removed: [] },
    { what: 'a subpath removed', before: json({ './query': './dist/query/index.js' }), after: json({}), added: [], removed: ['pets/query'] },
    { what: 'a bin command added', before: json({}), after: json({}, { 'pets-mcp': './dist/mcp/bin.js' }), added: ['bin pets-mcp'], removed: [] },
    { what: 'a bin string names the command after the package', before: json({}, './cli.js'), after: json({}), added: [], removed: ['bin pets'] },
    { what: 'no package.json before (a first generation)', before: undefined, after: json({ './sdk': './dist/sdk.js' }), added: ['pets/sdk'], removed: [] },
  ])('$what', ({ before, after, added, removed }) => {
    expect(entryPointChanges(before, after)).toEqual({ added, removed });
  });
});

describe('the judge', () => {
  const ir: ApiIR = { sourceVersion: '3.1', info: { title: 't', version: '1' }, servers: [], schemas: [], operations: [], securitySchemes: [], security: [], tags: [] };
  const names = assignNames(ir, new Diagnostics());
  const models = 'export interface User {\n  id: string;\n}\n';
  const pkg = (packageJson: string, extra: Record<string, string> = {}) =>
    new Map(Object.entries({ 'package.json': packageJson, 'src/models.ts': models, 'src/index.ts': "export * from './models.js';\n", ...extra }));

  it('a new subpath (a plugin turned on) is a minor release, with its reason', async () => {
    const verdict = await judge({ oldFiles: pkg(json({})), newFiles: pkg(json({ './zod': './dist/zod.js' }), { 'src/zod.ts': 'export const UserSchema = 1;\n' }), ir, names });
    expect(verdict.semver).toBe('minor');
    expect(verdict.reasons).toContain('entry point(s) added: pets/zod');
  });

  it('a subpath or command gone (a plugin turned off) is a major release', async () => {
    const verdict = await judge({ oldFiles: pkg(json({}, { 'pets-mcp': './dist/mcp/bin.js' })), newFiles: pkg(json({})), ir, names });
    expect(verdict.semver).toBe('major');
    expect(verdict.reasons).toContain('entry point(s) removed: bin pets-mcp');
  });
});
