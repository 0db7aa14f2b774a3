/**
 * Types and schemas agree: for every model of the OpenAI, GitHub and Stripe specs,
 * `z.infer<typeof XSchema>` and `X` are assignable to each other (a recursive model's schema is
 * annotated with its type, so there the check is one way: the schema's output must be a `X`).
 * Also for every operation's parameters (its params type without the body). The generated
 * package and the checks compile with `strict` (the package's own tsconfig options, NodeNext).
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeNextOptions as options, runTsc } from '../../tsc.js';
import { modelNames, REAL_SPECS, ROOT, sameTypeLines, writePackage, zodPackage } from './helpers.js';

describe.each(REAL_SPECS)('$id: z.infer of every schema and its type', ({ id, file }) => {
  for (const mini of [false, true]) {
    it(`are mutually assignable${mini ? ' (zod/mini)' : ''}`, async () => {
      const pkg = await zodPackage(file, { mini });
      const dir = writePackage(`types-${id}${mini ? '-mini' : ''}`, pkg.files);
      try {
        const z = mini ? 'zod/mini' : 'zod';
        const lines = sameTypeLines(pkg, z);
        const checked = modelNames(pkg);
        for (const op of pkg.view.operations) {
          if (op.params.length === 0) continue;
          const type = op.body ? `Omit<T.${op.names.params}, ${JSON.stringify(op.body.key)}>` : `T.${op.names.params}`;
          lines.push(`same<Same<z.infer<typeof S.${op.names.params}Schema>, ${type}>>(); // ${op.names.params}`);
        }
        writeFileSync(join(dir, 'check.ts'), lines.join('\n') + '\n');
        const { diagnostics, output } = await runTsc(dir, options, { include: ['src', 'check.ts'] });
        const src = diagnostics.map((d) => `${d.file.slice(dir.length + 1)}:${d.line} ${d.code} ${d.message}${d.file.endsWith('check.ts') ? ` [${lines[d.line - 1]?.split('// ')[1]}]` : ''}`);
        expect(src.slice(0, 40), output.slice(0, 4000)).toEqual([]);
        expect(checked.length).toBeGreaterThan(100);
      } finally {
        if (!process.env.KEEP_TMP) rmSync(dir, { recursive: true, force: true });
      }
    }, 600_000);
  }
});

describe('dates: "Date" (fixtures/shapes.yaml)', () => {
  it('compiles; the schemas take the model types as input and give Dates as output', async () => {
    const pkg = await zodPackage(join(ROOT, 'test/plugins/zod/fixtures/shapes.yaml'), { dates: 'Date' });
    const dir = writePackage('types-dates', pkg.files);
    try {
      const lines = [
        ...sameTypeLines(pkg, 'zod', 'z.input'),
        `same<Same<z.output<typeof S.StampSchema>['at'], Date>>();`,
        `same<Same<z.output<typeof S.StampSchema>['on'], Date | undefined>>();`,
        `same<Same<T.Stamp['at'], string>>();`,
      ];
      writeFileSync(join(dir, 'check.ts'), lines.join('\n') + '\n');
      const { diagnostics, output } = await runTsc(dir, options, { include: ['src', 'check.ts'] });
      expect(diagnostics.map((d) => `${d.file.slice(dir.length + 1)}:${d.line} ${d.message}`), output.slice(0, 3000)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
