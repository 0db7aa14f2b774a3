/**
 * Deprecated aliases → `src/aliases.ts` of the generated package (and the README's list):
 *
 * ```ts
 * /** @deprecated Renamed to {@link ResponseConversation} in 1.3.0. *\/
 * export type Conversation2 = ResponseConversation;
 * /** @deprecated Renamed to {@link createProjectApiKey} in 1.3.0. *\/
 * export const createServiceAccountKey = createProjectApiKey;
 * ```
 *
 * Each alias is typed exactly as its replacement (a type alias, or a const holding the same
 * function or value list), so code written against the old name compiles unchanged and
 * editors strike the old name through. Which aliases exist is decided by src/lock/aliases.ts.
 */
import { jsDocLines } from '../../escape/index.js';
import type { Names } from '../../naming/names.js';
import type { PlannedAlias } from '../../lock/aliases.js';
import type { DeprecatedAlias } from '../docs/render.js';
import type { TemplateSet } from '../../emit/templates.js';

export const ALIASES_FILE = 'src/aliases.ts';

/** The source of `src/aliases.ts`, or undefined when there are no aliases. */
export function renderAliases(aliases: readonly PlannedAlias[], names: Names, source: string, templates: TemplateSet): string | undefined {
  if (aliases.length === 0) return undefined;
  const fileOf = new Map<string, string>();
  for (const g of names.groups) for (const op of g.operations) fileOf.set(op.key, g.file);

  // imports: module → name → whether the value is needed (else `type`)
  const imports = new Map<string, Map<string, boolean>>();
  const need = (module: string, name: string, value: boolean) => {
    const m = imports.get(module) ?? new Map<string, boolean>();
    m.set(name, (m.get(name) ?? false) || value);
    imports.set(module, m);
  };
  const declarations: string[] = [];
  for (const a of aliases) {
    const module = a.role === 'schema' || a.role === 'writable' ? './models/index.js' : `./api/${fileOf.get(a.of)}.js`;
    const doc = deprecation(a);
    if (a.kind === 'value') {
      need(module, a.target, true);
      declarations.push(`${doc}export const ${a.name} = ${a.target};\n`);
    } else {
      need(module, a.target, a.values === true);
      let code = `${doc}export type ${a.name} = ${a.target};\n`;
      if (a.values) code += `${doc}export const ${a.name} = ${a.target};\n`;
      declarations.push(code);
    }
  }
  const importLines = [...imports.keys()].sort().map((module) => {
    const entries = [...imports.get(module)!].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const allTypes = entries.every(([, value]) => !value);
    const list = entries.map(([name, value]) => (allTypes || value ? name : `type ${name}`));
    const joined = list.join(', ');
    const braces = joined.length <= 70 ? `{ ${joined} }` : `{\n${list.map((n) => `  ${n},\n`).join('')}}`;
    return `import ${allTypes ? 'type ' : ''}${braces} from '${module}';`;
  });
  return templates.render('src/aliases.ts.hbs', { source, imports: importLines, declarations });
}

/** `/** @deprecated Renamed to {@link X} in 1.3.0. *\/` */
function deprecation(a: PlannedAlias): string {
  const text = `@deprecated Renamed to {@link ${a.target}} in ${a.since}.`;
  const lines = jsDocLines(text);
  return lines.length === 1 ? `/** ${lines[0]} */\n` : `/**\n${lines.map((l) => ` * ${l}`.trimEnd()).join('\n')}\n */\n`;
}

/** The README's list of deprecated aliases. */
export function docsAliases(aliases: readonly PlannedAlias[]): DeprecatedAlias[] {
  return aliases.map((a) => ({ name: a.name, target: a.target, kind: a.kind === 'value' ? 'function' : 'type', since: a.since }));
}
