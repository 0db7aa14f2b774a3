import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tempDir as makeTempDir } from '../tmp.js';
import { Project, ts } from 'ts-morph';
import type { ClientConfig } from '../../src/config.js';
import { renderClient } from '../../src/generate.js';

export const ROOT = resolve(import.meta.dirname, '../..');
export const FIXTURES = join(ROOT, 'test/fixtures/specs');

export function fixtureSpecs(): string[] {
  return readdirSync(FIXTURES)
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .sort();
}

export function tempDir(prefix = 'oagen-test-'): string {
  return makeTempDir(prefix);
}

/** Render a spec in memory into a fresh (never written) output folder: no name lock applies. */
export async function renderSpec(spec: string, name = 'fixture', extra: Partial<ClientConfig> = {}): Promise<Map<string, string>> {
  const { files } = await renderClient({ name, spec, output: join(tempDir(), 'out'), ...extra });
  return files;
}

/** Files of a package folder on disk, as path → content. */
export function readPackage(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string, prefix: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const rel = prefix ? `${prefix}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (!prefix && (e.name === 'node_modules' || e.name === 'dist')) continue;
        walk(join(d, e.name), rel);
      } else out.set(rel, readFileSync(join(d, e.name), 'utf8'));
    }
  };
  walk(dir, '');
  return out;
}

/** Type errors of a rendered package, checked in memory with ts-morph under `strict`. */
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

