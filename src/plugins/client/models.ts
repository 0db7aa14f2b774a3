/**
 * One model's declarations in `src/models.ts`, from its facts (src/view/models.ts):
 * `interface` for objects, `type` for everything else, plus an `as const` list of values
 * for enums (`export const UserSort = [...] as const`).
 */
import type { ModelView } from '../../view/models.js';
import { docBlock } from '../../view/printer.js';

export function renderModel(m: ModelView): string {
  const { name } = m;
  const code = [docBlock(m.doc, '')];
  if (m.kind === 'interface') {
    code.push(`export interface ${name} {\n`);
    for (const x of m.members!) code.push(`${docBlock(x.doc as string[], '  ')}  ${x.readonly ? 'readonly ' : ''}${x.key}${x.optional ? '?' : ''}: ${x.type};\n`);
    if (m.index !== undefined) code.push(`  [key: string]: ${m.index};\n`);
    code.push('}\n');
  } else {
    const expr = m.type!;
    const parts = expr.length + name.length > 90 ? m.unionMembers : undefined;
    code.push(parts && parts.length > 1 ? `export type ${name} =\n${parts.map((p) => `  | ${p}`).join('\n')};\n` : `export type ${name} = ${expr};\n`);
  }
  if (m.values) code.push(`\n/** Every value of {@link ${name}}. */\nexport const ${name} = [${m.values.join(', ')}] as const;\n`);
  return code.join('');
}
