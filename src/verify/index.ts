/**
 * `--verify`: type-check the rendered package in memory (strict, NodeNext) before anything is
 * written, so a package that would not compile is an error at generation time, not at the
 * user's build. Off by default: it costs seconds on big specs (TypeScript's checker via
 * ts-morph, loaded only when asked for).
 */
import { resolve } from 'node:path';
import { OagenError, type Diagnostic } from '../diagnostics.js';

export async function verifyPackage(files: ReadonlyMap<string, string>, label: string, dir?: string): Promise<void> {
  const { Project, ts } = await import('ts-morph');
  // With `dir` (the output folder), the rendered files are placed there, in memory, and what
  // they import from packages (the `mcp` plugin's SDK) is found on disk as the package's own
  // build would find it; without, everything is in memory under /pkg.
  const root = dir ? resolve(dir) : '/pkg';
  const project = new Project({
    ...(dir ? { skipAddingFilesFromTsConfig: true } : { useInMemoryFileSystem: true }),
    compilerOptions: {
      strict: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
      types: [],
      noEmit: true,
    },
  });
  for (const [path, content] of files) {
    if (path.endsWith('.ts') || path === 'package.json') project.createSourceFile(`${root}/${path}`, content, { overwrite: true });
  }
  const errors = project.getPreEmitDiagnostics().filter((d) => d.getCategory() === ts.DiagnosticCategory.Error);
  if (errors.length === 0) return;
  const diagnostics: Diagnostic[] = errors.slice(0, 20).map((d) => ({
    code: 'E_VERIFY',
    severity: 'error',
    message: `generated code does not type-check: ${d.getSourceFile()?.getFilePath().replace(`${root}/`, '') ?? '?'}:${d.getLineNumber() ?? '?'} ${ts.flattenDiagnosticMessageText(d.getMessageText() as string, ' ')}`,
    file: label,
  }));
  throw new OagenError(diagnostics);
}
