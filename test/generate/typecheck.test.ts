/**
 * Every fixture's generated package type-checks under `strict`, in memory with ts-morph
 * (the whole package: models, operations, client, runtime).
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { Project, ts } from 'ts-morph';
import { FIXTURES, fixtureSpecs, renderSpec } from './helpers.js';

export function typeErrors(files: Map<string, string>, moduleKind: 'nodenext' | 'bundler'): string[] {
  const project = new Project({
    useInMemoryFileSystem: true,
    compilerOptions: {
      strict: true,
      target: ts.ScriptTarget.ES2022,
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
      types: [],
      noEmit: true,
      ...(moduleKind === 'nodenext'
        ? { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext }
        : { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler }),
    },
  });
  for (const [path, content] of files) if (path.endsWith('.ts') || path === 'package.json') project.createSourceFile(`/pkg/${path}`, content);
  return project
    .getPreEmitDiagnostics()
    .map((d) => `${d.getSourceFile()?.getFilePath() ?? ''}:${d.getLineNumber() ?? ''} ${ts.flattenDiagnosticMessageText(d.getMessageText() as string, '\n')}`);
}

describe.each(fixtureSpecs())('generated package of %s', (spec) => {
  it.each(['nodenext', 'bundler'] as const)('type-checks strictly (%s)', async (mode) => {
    const files = await renderSpec(join(FIXTURES, spec));
    expect(typeErrors(files, mode)).toEqual([]);
  }, 60_000);
});

describe('the type check itself', () => {
  it('reports an error planted in a generated package', async () => {
    const files = await renderSpec(join(FIXTURES, 'legacy-30.yaml'));
    files.set('src/planted.ts', `import type { Thing } from './models.js';\nexport const t: Thing = { name: 42 };\n`);
    expect(typeErrors(files, 'nodenext').join('\n')).toMatch(/planted\.ts.*not assignable/);
  }, 60_000);
});
