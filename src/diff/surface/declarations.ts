/**
 * The exported declarations of a generated package (its `src/client.ts`, `src/models.ts`
 * and `src/api/*.ts`; the runtime is the same on both sides), read with the TypeScript
 * parser only (no type checking): each with its code without comments (function bodies
 * left out: only signatures are types), the exported names it refers to, and how many
 * `@deprecated` tags its JSDoc carries.
 */
import { ts } from 'ts-morph';

export interface Declaration {
  name: string;
  kind: 'type' | 'value';
  /** `function`, `interface`, `type`, `const` */
  form: 'function' | 'interface' | 'type' | 'const';
  file: string;
  /** tokens of the declaration without comments, joined by one space */
  code: string;
  /** the full text with comments */
  text: string;
  /** identifiers of the code (compared against the package's exports) */
  idents: Set<string>;
  deprecated: number;
}

/** `kind:name` → declaration */
export type Declarations = Map<string, Declaration>;

export const declKey = (kind: Declaration['kind'], name: string) => `${kind}:${name}`;

export function isSurfaceFile(path: string): boolean {
  return path === 'src/client.ts' || path === 'src/models.ts' || /^src\/api\/[^/]+\.ts$/.test(path);
}

/**
 * Read every surface file; `cache` (shared by the two sides) skips parsing a file whose
 * content the other side already had: most files do not change between versions.
 */
export function readDeclarations(files: Map<string, string>, cache: Map<string, Declarations> = new Map()): Declarations {
  const out: Declarations = new Map();
  for (const [path, content] of files) {
    if (!isSurfaceFile(path)) continue;
    const key = `${path}\u0000${content}`;
    let decls = cache.get(key);
    if (!decls) {
      decls = readFile(path, content);
      cache.set(key, decls);
    }
    for (const [k, d] of decls) out.set(k, d);
  }
  return out;
}

function readFile(path: string, content: string): Declarations {
  const out: Declarations = new Map();
  const sf = ts.createSourceFile(path, content, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  for (const st of sf.statements) {
    if (!isExported(st)) continue;
    const text = st.getFullText(sf);
    if (ts.isFunctionDeclaration(st) && st.name) {
      const end = st.body ? st.body.getStart(sf) : st.getEnd();
      add(out, st.name.text, 'value', 'function', path, content.slice(st.getStart(sf), end), text);
    } else if (ts.isInterfaceDeclaration(st)) {
      add(out, st.name.text, 'type', 'interface', path, st.getText(sf), text);
    } else if (ts.isTypeAliasDeclaration(st)) {
      add(out, st.name.text, 'type', 'type', path, st.getText(sf), text);
    } else if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) {
        if (ts.isIdentifier(d.name)) add(out, d.name.text, 'value', 'const', path, st.getText(sf), text);
      }
    }
  }
  return out;
}

function isExported(st: ts.Statement): boolean {
  return ts.canHaveModifiers(st) && (ts.getModifiers(st) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

function add(out: Declarations, name: string, kind: Declaration['kind'], form: Declaration['form'], file: string, source: string, text: string): void {
  const tokens = scan(source);
  out.set(declKey(kind, name), {
    name,
    kind,
    form,
    file,
    code: tokens.join(' '),
    text,
    idents: new Set(tokens.filter((t) => /^[A-Za-z_$][\w$]*$/.test(t))),
    deprecated: (text.match(/@deprecated\b/g) ?? []).length,
  });
}

const scanner = ts.createScanner(ts.ScriptTarget.ES2022, true, ts.LanguageVariant.Standard);

/** The tokens of a piece of TypeScript, comments and whitespace dropped. */
function scan(source: string): string[] {
  const tokens: string[] = [];
  scanner.setText(source);
  for (let k = scanner.scan(); k !== ts.SyntaxKind.EndOfFileToken; k = scanner.scan()) tokens.push(scanner.getTokenText());
  return tokens;
}
