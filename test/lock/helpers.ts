/**
 * Regenerating a package across a spec change, and compiling the code of its users
 * against it: the consumer programs are type-checked in memory (ts-morph, strict,
 * NodeNext) together with the package's sources as they are on disk.
 */
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Project, ts } from 'ts-morph';
import { readPackageFiles } from '../../src/changelog/files.js';
import type { ClientConfig } from '../../src/config.js';
import { generateClient, type GenerateResult } from '../../src/generate.js';
import type { Lock } from '../../src/lock/format.js';
import { tempDir } from '../tmp.js';

export const FIXTURES = join(import.meta.dirname, '../fixtures/renames');

export interface Workspace {
  dir: string;
  /** the spec file the client is generated from (rewritten by each step) */
  spec: string;
  /** the package folder */
  out: string;
  config: Partial<ClientConfig>;
}

export function workspace(config: Partial<ClientConfig> = {}): Workspace {
  const dir = tempDir('oagen-renames-');
  return { dir, spec: join(dir, 'spec.yaml'), out: join(dir, 'out'), config };
}

/** Generate the package from `spec` (a file to copy, or YAML text) into the workspace's output folder. */
export async function generate(w: Workspace, spec: { file: string } | { text: string }, config: Partial<ClientConfig> = {}): Promise<GenerateResult> {
  if ('file' in spec) copyFileSync(spec.file, w.spec);
  else writeFileSync(w.spec, spec.text);
  return generateClient({ name: 'renamed-client', spec: w.spec, output: w.out, ...w.config, ...config });
}

export function readLockFile(w: Workspace): Lock {
  return JSON.parse(readFileSync(join(w.out, 'oagen.lock.json'), 'utf8')) as Lock;
}

export function readOut(w: Workspace, path: string): string {
  return readFileSync(join(w.out, path), 'utf8');
}

/**
 * The package's model declarations as one module: its `src/models/*.ts` (each API group's, the
 * shared ones; not the index re-exporting them) one after the other, without their imports of
 * each other.
 */
export function modelsSource(files: ReadonlyMap<string, string>): string {
  return [...files]
    .filter(([path]) => /^src\/models\/[^/]+\.ts$/.test(path) && path !== 'src/models/index.ts')
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([, content]) => content.replace(/^import type \{[^}]*\} from '\.\/[^']+\.js';\n/gm, ''))
    .join('\n');
}

/** {@link modelsSource} of the package on disk. */
export function readModels(w: Workspace): string {
  const dir = join(w.out, 'src/models');
  return modelsSource(new Map(readdirSync(dir).map((f) => [`src/models/${f}`, readFileSync(join(dir, f), 'utf8')])));
}

export interface Compiled {
  /** type errors anywhere (package or consumer), as `file:line message` */
  errors: string[];
  /** uses of deprecated names in `consumer.ts`, as TypeScript reports them ("'X' is deprecated.") */
  deprecated: string[];
}

/**
 * Type-check consumer programs (name → source; they import `./out/src/index.js`) with the
 * package in the workspace's output folder.
 */
export function compile(w: Workspace, consumers: Record<string, string>): Compiled {
  const project = new Project({
    useInMemoryFileSystem: true,
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
  for (const [path, content] of readPackageFiles(w.out)!) {
    if ((path.startsWith('src/') && path.endsWith('.ts')) || path === 'package.json') project.createSourceFile(`/w/out/${path}`, content);
  }
  project.createSourceFile('/w/package.json', '{ "type": "module" }');
  for (const [name, source] of Object.entries(consumers)) project.createSourceFile(`/w/${name}`, source);
  const errors = project
    .getPreEmitDiagnostics()
    .map((d) => `${d.getSourceFile()?.getFilePath() ?? ''}:${d.getLineNumber() ?? ''} ${ts.flattenDiagnosticMessageText(d.getMessageText() as string | ts.DiagnosticMessageChain, '\n')}`);
  const service = project.getLanguageService().compilerObject;
  const deprecated: string[] = [];
  if ('consumer.ts' in consumers) {
    for (const d of service.getSuggestionDiagnostics('/w/consumer.ts')) {
      if (d.code === 6385 || d.code === 6387) deprecated.push(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    }
  }
  return { errors, deprecated: [...new Set(deprecated)].sort() };
}

/**
 * A program that compiles only when every deprecated alias of the lock is exactly its
 * replacement: `Equal<Old, New>` for types, `Equal<typeof old, typeof new>` for values
 * (enum aliases whose value list `source` (the package's src/aliases.ts) exports too).
 */
export function aliasEquality(lock: Lock, source = ''): string {
  const lines = [
    `import type * as T from './out/src/index.js';`,
    `import * as V from './out/src/index.js';`,
    `type Equal<A, B> = (<X>() => X extends A ? 1 : 2) extends <X>() => X extends B ? 1 : 2 ? true : false;`,
    `function same<A, B>(ok: Equal<A, B>): Equal<A, B> { return ok; }`,
  ];
  for (const a of lock.aliases ?? []) {
    if (a.role === 'function' || a.role === 'stream') {
      lines.push(`same<typeof V.${a.name}, typeof V.${a.target}>(true);`, `export const same_${a.name} = V.${a.name} === V.${a.target};`);
    } else {
      lines.push(`same<T.${a.name}, T.${a.target}>(true);`);
      // an enum's alias is also its list of values
      if (new RegExp(`^export const ${a.name} = `, 'm').test(source)) lines.push(`same<typeof V.${a.name}, typeof V.${a.target}>(true);`);
    }
  }
  return lines.join('\n') + '\n';
}

/** A program naming every export of the package that the lock knows (schemas, operations and their types, aliases). */
export function everyExport(lock: Lock, files: Map<string, string>): string {
  const types = new Set<string>();
  const values = new Set<string>();
  const models = modelsSource(files);
  const api = [...files].filter(([path]) => path.startsWith('src/api/')).map(([, text]) => text);
  for (const e of Object.values(lock.schemas)) {
    types.add(e.name);
    if (new RegExp(`^export const ${e.name} =`, 'm').test(models)) values.add(e.name);
  }
  for (const e of Object.values(lock.operations)) {
    values.add(e.name);
    const base = e.name[0].toUpperCase() + e.name.slice(1);
    types.add(e.params ?? `${base}Params`);
    // only operations that declare a typed error body export an error type
    const error = e.error ?? `${base}Error`;
    if (api.some((f) => f.includes(`\nexport type ${error} =`))) types.add(error);
  }
  for (const a of lock.aliases ?? []) (a.role === 'function' || a.role === 'stream' ? values : types).add(a.name);
  const lines = [`import type * as T from './out/src/index.js';`, `import * as V from './out/src/index.js';`];
  for (const t of [...types].sort()) lines.push(`export type Use_${t} = T.${t};`);
  for (const v of [...values].sort()) lines.push(`export const use_${v} = V.${v};`);
  return lines.join('\n') + '\n';
}

export function packageFiles(w: Workspace): Map<string, string> {
  return readPackageFiles(w.out)!;
}

/** The package's src/aliases.ts, or '' when it has none. */
export function aliasesSource(w: Workspace): string {
  try {
    return readFileSync(join(w.out, 'src/aliases.ts'), 'utf8');
  } catch {
    return '';
  }
}
