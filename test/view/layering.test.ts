/**
 * The view is facts only (issue 14): src/view/ imports nothing from src/plugins/ (the outputs
 * read the view, never the reverse), and its operation and model views carry no rendered code.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/diagnostics.js';
import { loadIR } from '../../src/generate.js';
import { assignNames } from '../../src/naming/names.js';
import { buildView } from '../../src/view/index.js';

const ROOT = join(import.meta.dirname, '../..');

describe('the view layer', () => {
  it('imports nothing from src/plugins/', () => {
    const dir = join(ROOT, 'src/view');
    const offending: string[] = [];
    for (const f of readdirSync(dir)) {
      const text = readFileSync(join(dir, f), 'utf8');
      for (const m of text.matchAll(/from '([^']+)'/g)) if (m[1].includes('plugins/')) offending.push(`${f}: ${m[1]}`);
    }
    expect(offending).toEqual([]);
  });

  it('holds facts, not code: no operation or model carries rendered TypeScript', async () => {
    const diagnostics = new Diagnostics();
    const ir = await loadIR(join(ROOT, 'specs/arthur.yaml'), { diagnostics });
    const view = buildView(ir, assignNames(ir, diagnostics), { name: 'arthur', specLabel: 'arthur.yaml' });
    expect(view.operations.length).toBeGreaterThan(0);
    for (const op of view.operations) {
      expect(op).not.toHaveProperty('code');
      expect(JSON.stringify(op.params.map((p) => p.type))).not.toMatch(/export |function /);
    }
    for (const m of view.models) {
      expect(m).not.toHaveProperty('code');
      expect(m.kind === 'interface' ? m.members!.length : m.type!.length).toBeGreaterThan(0);
    }
  });
});
