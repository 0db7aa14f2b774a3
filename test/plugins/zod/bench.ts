/**
 * The zod plugin's costs (a script, not a test: `npx tsx test/plugins/zod/bench.ts`): generation
 * time of the OpenAI, GitHub and Stripe packages with and without the plugin (view and plugins,
 * in memory), and the time to validate one large response against the plain JSON decode: a
 * page of 100 GitHub issues (the spec's own issue example, repeated) and a page of 100 Stripe
 * customers (generated samples).
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Diagnostics } from '../../../src/diagnostics.js';
import { loadIR } from '../../../src/generate.js';
import { assignNames } from '../../../src/naming/names.js';
import { buildPackage } from '../../../src/plugins/index.js';
import { clientPlugin } from '../../../src/plugins/client/index.js';
import { zodPlugin } from '../../../src/plugins/zod/index.js';
import { REAL_SPECS, writePackage } from './helpers.js';
import { sample } from './sample.js';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
function time(f: () => void, runs: number): number {
  f();
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    f();
    xs.push(performance.now() - t);
  }
  return median(xs);
}

for (const { id, file } of REAL_SPECS) {
  const ir = await loadIR(file, { diagnostics: new Diagnostics() });
  const names = assignNames(ir, new Diagnostics());
  const opts = { name: id, specLabel: 'spec' };
  const plain = time(() => buildPackage(ir, names, opts, [{ plugin: clientPlugin, options: {} }]), 5);
  let files = new Map<string, string>();
  const zod = time(() => (files = buildPackage(ir, names, opts, [{ plugin: clientPlugin, options: {} }, { plugin: zodPlugin, options: {} }]).files), 5);
  console.log(`${id}: rendering ${plain.toFixed(0)} ms without the zod plugin, ${zod.toFixed(0)} ms with it (src/zod.ts: ${(files.get('src/zod.ts')!.length / 1024).toFixed(0)} KiB)`);
  if (id === 'openai') continue;
  const dir = writePackage(`bench-${id}`, files);
  const { validators } = (await import(join(dir, 'src/zod.ts'))) as { validators: Record<string, { responses: Record<string, { parse(v: unknown): unknown }> }> };
  rmSync(dir, { recursive: true, force: true });
  let page: unknown;
  let key: string;
  if (id === 'github') {
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    const issue = doc.components.examples['issue-items'].value[0];
    page = Array.from({ length: 100 }, (_, i) => ({ ...issue, id: i, number: i }));
    key = 'GET /repos/{owner}/{repo}/issues';
  } else {
    const customer = sample(ir.schemas.find((s) => s.id === '#/components/schemas/customer')!.schema, new Map(ir.schemas.map((s) => [s.id, s.schema])));
    page = { object: 'list', url: '/v1/customers', has_more: false, data: Array.from({ length: 100 }, (_, i) => ({ ...(customer as object), id: `cus_${i}` })) };
    key = 'GET /v1/customers';
  }
  const text = JSON.stringify(page);
  const schema = validators[key]!.responses['200']!;
  const decode = time(() => JSON.parse(text), 50);
  const validate = time(() => schema.parse(JSON.parse(text)), 50);
  console.log(`${id}: ${key}, a page of 100 (${(text.length / 1024).toFixed(0)} KiB): JSON.parse ${decode.toFixed(2)} ms, JSON.parse + validation ${validate.toFixed(2)} ms (+${(validate - decode).toFixed(2)} ms)`);
}
