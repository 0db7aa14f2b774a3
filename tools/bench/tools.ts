/**
 * The generators under test: oagen and the peers, each with the minimal command that makes
 * it generate a client (or types, for openapi-typescript) for a spec given by path.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { binOf, OAGEN_BIN, packageVersion, PEERS_MODULES, ROOT } from './lib/paths.js';
import type { BenchSpec } from './specs.js';

export interface ToolCommand {
  script: string;
  args: string[];
  cwd: string;
}

export interface Tool {
  name: string;
  /** npm package that provides it (for versions). */
  pkg: string;
  peer: boolean;
  /** another build of oagen (`--baseline`), measured beside this one: before/after of a change */
  baseline?: boolean;
  /** `types` = emits types only (no callable operations, so no bundle). */
  kind: 'client' | 'types';
  /** Build the command; `out` exists and is empty. */
  command(spec: BenchSpec, out: string): ToolCommand;
  /** Folder holding the generated TypeScript. */
  srcDir(out: string): string;
  /** true: type-check with the package's own tsconfig.json; false: with the bench's minimal one. */
  ownTsconfig: boolean;
  available(): string | undefined;
  version(): string | undefined;
}

function peer(name: string, pkg: string, kind: Tool['kind'], args: (specFile: string, src: string) => string[]): Tool {
  return {
    name,
    pkg,
    peer: true,
    kind,
    ownTsconfig: false,
    srcDir: (out) => join(out, 'src'),
    command(spec, out) {
      const src = join(out, 'src');
      mkdirSync(src, { recursive: true });
      // cwd = the fresh output folder, so no config file of ours is picked up and stray files stay there.
      return { script: binOf(PEERS_MODULES, pkg), args: args(spec.file, src), cwd: out };
    },
    available: () => (existsSync(join(PEERS_MODULES, pkg, 'package.json')) ? undefined : `${pkg} not installed in tools/bench/peers`),
    version: () => packageVersion(PEERS_MODULES, pkg),
  };
}

/** oagen as the bin at `bin` runs it (this checkout's, or another build's for `--baseline`). */
export function oagenAt(bin: string, baseline = false): Tool {
  return {
    name: baseline ? 'oagen (baseline)' : 'oagen',
    pkg: 'oagen',
    peer: false,
    ...(baseline ? { baseline: true } : {}),
    kind: 'client',
    ownTsconfig: true,
    srcDir: (out) => join(out, 'src'),
    command: (spec, out) => ({
      script: bin,
      args: ['generate', '--spec', spec.file, '--out', out, '--name', `bench-${spec.id}`],
      cwd: ROOT,
    }),
    available: () => (existsSync(bin) ? undefined : `${bin} does not exist`),
    version: () => (JSON.parse(readFileSync(join(bin, '..', '..', 'package.json'), 'utf8')) as { version: string }).version,
  };
}

export const OAGEN: Tool = oagenAt(OAGEN_BIN);

export const PEERS: Tool[] = [
  // Fetch client + SDK functions (the plugins hey-api documents as its default client set-up).
  peer('hey-api', '@hey-api/openapi-ts', 'client', (spec, src) => [
    '--input', spec, '--output', src,
    '--client', '@hey-api/client-fetch',
    '--plugins', '@hey-api/typescript', '@hey-api/sdk',
    '--no-log-file',
  ]),
  // One file, fetch client.
  peer('orval', 'orval', 'client', (spec, src) => ['--input', spec, '--output', join(src, 'api.ts'), '--client', 'fetch']),
  // One file, functions over @oazapfts/runtime.
  peer('oazapfts', 'oazapfts', 'client', (spec, src) => [spec, join(src, 'api.ts')]),
  // Types only; written as .ts (not .d.ts) so skipLibCheck does not skip checking it.
  peer('openapi-typescript', 'openapi-typescript', 'types', (spec, src) => [spec, '--output', join(src, 'schema.ts')]),
];

export const ALL_TOOLS: Tool[] = [OAGEN, ...PEERS];
