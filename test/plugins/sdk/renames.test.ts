/**
 * Method names under the name lock: a function renamed by the spec keeps its old name as a
 * deprecated alias (src/lock/), and its method, when the rename changes the method's name,
 * keeps the old method name as a deprecated getter for the new method.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ClientConfig } from '../../../src/config.js';
import { generateClient } from '../../../src/generate.js';
import { exec, repoRoot } from '../../e2e/compiled-package.js';
import { tscBin } from '../../tsc.js';
import { tempDir } from '../../tmp.js';

describe('a renamed function', () => {
  it('keeps its old method name as a deprecated getter; unrenamed methods keep their names', async () => {
    const dir = tempDir('sdk-renames-');
    const spec = join(dir, 'shop.yaml');
    const original = readFileSync(join(repoRoot, 'test/plugins/sdk/fixtures/shop.yaml'), 'utf8');
    writeFileSync(spec, original);
    const client: ClientConfig = {
      name: 'shop',
      spec,
      output: join(dir, 'out'),
      plugins: [
        { name: 'client', file: 'test', at: 'plugins[0]' },
        { name: 'sdk', options: { className: 'Shop' }, file: 'test', at: 'plugins[1]' },
      ],
    };
    const first = await generateClient(client);
    const before = first.files.get('src/sdk.ts')!;
    expect(before).toMatch(/\n  add\(orderId: AddOrderLineParams\['order_id'\]/);

    writeFileSync(spec, original.replace('operationId: addOrderLine', 'operationId: appendOrderLine'));
    const second = await generateClient(client);
    const after = second.files.get('src/sdk.ts')!;
    expect(second.files.get('src/aliases.ts')).toContain('export const addOrderLine = appendOrderLine;');
    expect(after).toMatch(/\n  append\(orderId: AppendOrderLineParams\['order_id'\]/);
    expect(after).toContain("/** @deprecated Renamed to {@link ShopOrdersLines.append} in 1.1.0. */\n  get add(): this['append'] {\n    return this.append;\n  }");
    // the other methods are untouched
    const methods = (s: string) => [...s.matchAll(/\n  (\w+)\(/g)].map((m) => m[1]).filter((n) => n !== 'constructor' && n !== 'add' && n !== 'append');
    expect(methods(after)).toEqual(methods(before));
    // and the package, alias getter included, compiles strictly
    await exec(tscBin, ['-p', join(dir, 'out', 'tsconfig.json')], repoRoot);
  }, 120_000);
});
