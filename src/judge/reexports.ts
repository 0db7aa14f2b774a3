/**
 * What a module of a generated package exports, following its `export … from` statements
 * through the package's own files (`src/index.ts` → `./runtime/public.js` → `./errors.js`),
 * read with the TypeScript parser only. The judge uses it for the names the package's root
 * takes from the runtime (oagen's own code, judged by name, not by declaration) and for the
 * package's `exports` subpaths (`<package>/internal`), where an export that left the root went.
 */
import { posix } from 'node:path';
import { ts } from 'ts-morph';

export interface ExportedName {
  kind: 'type' | 'value';
  /** the file that declares it */
  file: string;
}

/** exported name → what it is and where it is declared */
export type ExportedNames = Map<string, ExportedName>;

/** The names the module at `path` exports (empty when the package has no such file). */
export function exportedNames(files: ReadonlyMap<string, string>, path: string, seen: Set<string> = new Set()): ExportedNames {
  const out: ExportedNames = new Map();
  const content = files.get(path);
  if (content === undefined || seen.has(path)) return out;
  seen.add(path);
  const { locals, items } = summaryOf(path, content);
  for (const item of items) {
    if (item.type === 'declared') {
      for (const [name, e] of item.names) out.set(name, e);
      continue;
    }
    const from = item.specifier !== undefined ? resolveModule(files, path, item.specifier) : undefined;
    const target = item.reexport ? (from ? exportedNames(files, from, new Set(seen)) : new Map<string, ExportedName>()) : locals;
    const clause = item.clause;
    if (!clause) {
      for (const [name, e] of target) if (name !== 'default') out.set(name, item.typeOnly ? { ...e, kind: 'type' } : e);
    } else if ('namespace' in clause) {
      out.set(clause.namespace, { kind: item.typeOnly ? 'type' : 'value', file: from ?? path });
    } else {
      for (const el of clause.elements) {
        const found = target.get(el.property);
        const kind = item.typeOnly || el.typeOnly ? 'type' : (found?.kind ?? 'value');
        out.set(el.name, { kind, file: found?.file ?? from ?? path });
      }
    }
  }
  return out;
}

/** What one file says about its exports, read once per content (both sides of a diff share their unchanged files). */
interface ModuleSummary {
  /** every top-level declaration (what `export { a }` without `from` refers to) */
  locals: ExportedNames;
  items: (
    | { type: 'declared'; names: [string, ExportedName][] }
    | {
        type: 'export';
        /** `export … from '…'` (a specifier that is not a string literal: undefined, nothing found) */
        reexport: boolean;
        specifier: string | undefined;
        typeOnly: boolean;
        clause: undefined | { namespace: string } | { elements: { name: string; property: string; typeOnly: boolean }[] };
      }
  )[];
}

/** path → the summaries of its last contents (the two sides of a diff, the previous and new package of a release) */
const summaries = new Map<string, { content: string; summary: ModuleSummary }[]>();

function summaryOf(path: string, content: string): ModuleSummary {
  const known = summaries.get(path) ?? [];
  const hit = known.find((k) => k.content === content);
  if (hit) return hit.summary;
  const summary = summarize(path, content);
  summaries.set(path, [{ content, summary }, ...known].slice(0, 2));
  return summary;
}

function summarize(path: string, content: string): ModuleSummary {
  const sf = ts.createSourceFile(path, content, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
  const items: ModuleSummary['items'] = [];
  for (const st of sf.statements) {
    if (ts.isExportDeclaration(st)) {
      const clause = st.exportClause;
      items.push({
        type: 'export',
        reexport: st.moduleSpecifier !== undefined,
        specifier: st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier) ? st.moduleSpecifier.text : undefined,
        typeOnly: st.isTypeOnly,
        clause: !clause
          ? undefined
          : ts.isNamespaceExport(clause)
            ? { namespace: clause.name.text }
            : { elements: clause.elements.map((el) => ({ name: el.name.text, property: (el.propertyName ?? el.name).text, typeOnly: el.isTypeOnly })) },
      });
    } else if (isExported(st)) {
      items.push({ type: 'declared', names: declared(st, path) });
    }
  }
  return { locals: localDeclarations(sf, path), items };
}

/**
 * The package's `exports` subpaths other than the root (`./internal`) → the source file of
 * each (`src/internal.ts`, from the `./dist/internal.js` they point to).
 */
export function subpathSources(packageJson: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  let exports: unknown;
  try {
    exports = packageJson ? (JSON.parse(packageJson) as { exports?: unknown }).exports : undefined;
  } catch {
    return out;
  }
  if (!exports || typeof exports !== 'object') return out;
  for (const [subpath, target] of Object.entries(exports as Record<string, unknown>)) {
    if (subpath === '.' || !subpath.startsWith('./')) continue;
    const file = /"\.\/dist\/([^"]+)\.(?:d\.ts|js)"/.exec(JSON.stringify(target))?.[1];
    if (file) out.set(subpath, `src/${file}.ts`);
  }
  return out;
}

/** `./x.js` from `src/a/b.ts` → `src/a/x.ts` (or `src/a/x/index.ts`), when the package has it. */
function resolveModule(files: ReadonlyMap<string, string>, from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = posix.join(posix.dirname(from), specifier).replace(/\.js$/, '');
  return [`${base}.ts`, `${base}/index.ts`].find((p) => files.has(p));
}

function localDeclarations(sf: ts.SourceFile, path: string): ExportedNames {
  const out: ExportedNames = new Map();
  for (const st of sf.statements) for (const [name, e] of declared(st, path)) out.set(name, e);
  return out;
}

/** The names a statement declares, and whether each is a value (functions, classes, constants, enums) or a type only. */
function declared(st: ts.Statement, file: string): [string, ExportedName][] {
  if ((ts.isFunctionDeclaration(st) || ts.isClassDeclaration(st) || ts.isEnumDeclaration(st)) && st.name) return [[st.name.text, { kind: 'value', file }]];
  if ((ts.isInterfaceDeclaration(st) || ts.isTypeAliasDeclaration(st)) && st.name) return [[st.name.text, { kind: 'type', file }]];
  if (ts.isVariableStatement(st)) {
    return st.declarationList.declarations.flatMap((d): [string, ExportedName][] => (ts.isIdentifier(d.name) ? [[d.name.text, { kind: 'value', file }]] : []));
  }
  return [];
}

function isExported(st: ts.Statement): boolean {
  return ts.canHaveModifiers(st) && (ts.getModifiers(st) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}
