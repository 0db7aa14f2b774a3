/**
 * The exported declarations of a generated package (its `src/client.ts`, `src/models/*.ts`,
 * `src/aliases.ts`, `src/webhooks.ts` and `src/api/*.ts`), read with the TypeScript parser
 * only (no type checking). Each comes with its code without comments and layout (functions: the
 * signature only, the body is behaviour, not type), the identifiers it refers to, its
 * comments (the JSDoc before it and any comment inside it; a comment followed by a blank
 * line is the file's header, not the declaration's) and how many `@deprecated` tags they
 * carry. The runtime is oagen's own, the same in every package: its exports count by name
 * (those the package's root re-exports), their code is not compared.
 */
import { ts } from 'ts-morph';
import { exportedNames } from './reexports.js';

export interface Declaration {
  name: string;
  kind: 'type' | 'value';
  form: 'function' | 'interface' | 'type' | 'const';
  file: string;
  /** tokens of the declaration without comments, joined by one space (functions: the signature) */
  code: string;
  /** identifiers of the code (compared against the package's exports) */
  idents: Set<string>;
  /** its comments, joined */
  comments: string;
  deprecated: number;
}

/** `kind:name` → declaration */
export type Declarations = Map<string, Declaration>;

export const declKey = (kind: Declaration['kind'], name: string) => `${kind}:${name}`;

export const ALIASES_FILE = 'src/aliases.ts';

/** The files whose exports make up the package's TypeScript surface (`src/models.ts`: packages before the models' split). */
export function isSurfaceFile(path: string): boolean {
  return (
    path === 'src/client.ts' ||
    path === 'src/models.ts' ||
    path === ALIASES_FILE ||
    path === 'src/webhooks.ts' ||
    /^src\/api\/[^/]+\.ts$/.test(path) ||
    /^src\/models\/[^/]+\.ts$/.test(path)
  );
}

/** The code of a runtime export: the runtime is oagen's, judged by whether the root exports it, not by its declaration. */
export const RUNTIME_CODE = 'runtime';

/**
 * Read every surface file; `cache` (shared by the two sides) skips parsing a file whose
 * content the other side already had: most files do not change between versions.
 */
export function readDeclarations(files: ReadonlyMap<string, string>, cache: Map<string, Declarations> = new Map()): Declarations {
  const out: Declarations = new Map();
  for (const path of [...files.keys()].sort()) {
    if (!isSurfaceFile(path)) continue;
    const content = files.get(path)!;
    const key = `${path}\u0000${content}`;
    let decls = cache.get(key);
    if (!decls) {
      decls = readFile(path, content);
      cache.set(key, decls);
    }
    for (const [k, d] of decls) out.set(k, d);
  }
  // the runtime's exports the package's root re-exports (`export * from './runtime/public.js'`)
  for (const [name, e] of exportedNames(files, 'src/index.ts')) {
    if (!e.file.startsWith('src/runtime/') || out.has(declKey(e.kind, name))) continue;
    out.set(declKey(e.kind, name), { name, kind: e.kind, form: e.kind === 'type' ? 'type' : 'const', file: e.file, code: RUNTIME_CODE, idents: new Set(), comments: '', deprecated: 0 });
  }
  return out;
}

function readFile(path: string, content: string): Declarations {
  const out: Declarations = new Map();
  const sf = ts.createSourceFile(path, content, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  for (const st of sf.statements) {
    if (!isExported(st)) continue;
    const start = st.getStart(sf);
    const comments = [...leadingComments(content, st.pos, start), ...innerComments(content.slice(start, st.getEnd()))];
    const add = (name: string, kind: Declaration['kind'], form: Declaration['form'], code: string) => {
      const tokens = scan(code);
      out.set(declKey(kind, name), {
        name,
        kind,
        form,
        file: path,
        code: tokens.join(' '),
        idents: new Set(tokens.filter((t) => /^[A-Za-z_$][\w$]*$/.test(t))),
        comments: comments.join('\n'),
        deprecated: comments.reduce((n, c) => n + (c.match(/@deprecated\b/g) ?? []).length, 0),
      });
    };
    if (ts.isFunctionDeclaration(st) && st.name) {
      add(st.name.text, 'value', 'function', content.slice(start, st.body ? st.body.getStart(sf) : st.getEnd()));
    } else if (ts.isInterfaceDeclaration(st)) {
      add(st.name.text, 'type', 'interface', st.getText(sf));
    } else if (ts.isTypeAliasDeclaration(st)) {
      add(st.name.text, 'type', 'type', st.getText(sf));
    } else if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name)) add(d.name.text, 'value', 'const', st.getText(sf));
    }
  }
  return out;
}

function isExported(st: ts.Statement): boolean {
  return ts.canHaveModifiers(st) && (ts.getModifiers(st) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

/** The comments before a statement, up to the last one followed by a blank line (the file's header and the like). */
function leadingComments(content: string, pos: number, start: number): string[] {
  const ranges = ts.getLeadingCommentRanges(content, pos) ?? [];
  let from = 0;
  ranges.forEach((r, i) => {
    if (/\n[ \t]*\r?\n/.test(content.slice(r.end, ranges[i + 1]?.pos ?? start))) from = i + 1;
  });
  return ranges.slice(from).map((r) => content.slice(r.pos, r.end));
}

const trivia = ts.createScanner(ts.ScriptTarget.ES2022, false, ts.LanguageVariant.Standard);

function innerComments(source: string): string[] {
  const out: string[] = [];
  trivia.setText(source);
  forEachToken(trivia, (k) => {
    if (k === ts.SyntaxKind.SingleLineCommentTrivia || k === ts.SyntaxKind.MultiLineCommentTrivia) out.push(trivia.getTokenText());
  });
  return out;
}

const scanner = ts.createScanner(ts.ScriptTarget.ES2022, true, ts.LanguageVariant.Standard);

/**
 * The tokens of a piece of TypeScript, comments and whitespace dropped, and what is layout
 * alone made canonical: a string literal is written as JSON writes its value (`'a'` and `"a"`
 * are one token), a trailing comma before `)`, `]`, `}` or `>` is dropped (a wrapped
 * parameter list or object type has one), and so is a union's leading `|` (one member per line).
 */
function scan(source: string): string[] {
  const tokens: string[] = [];
  scanner.setText(source);
  forEachToken(scanner, (k) => {
    if (k === ts.SyntaxKind.StringLiteral) tokens.push(JSON.stringify(scanner.getTokenValue()));
    else {
      const text = scanner.getTokenText();
      const last = tokens[tokens.length - 1];
      if ((text === ')' || text === ']' || text === '}' || text === '>') && last === ',') tokens.pop();
      // a union broken into lines starts with `|`
      if (text === '|' && (last === '=' || last === ':' || last === '(' || last === '<' || last === ',')) return;
      tokens.push(text);
    }
  });
  return tokens;
}

/** Every token, template literals whole across their `${ … }` spans (the scanner needs telling where a span closes). */
function forEachToken(s: ts.Scanner, visit: (kind: ts.SyntaxKind) => void): void {
  const spans: number[] = []; // brace depth at which each open template's current span closes
  let depth = 0;
  for (let k = s.scan(); k !== ts.SyntaxKind.EndOfFileToken; k = s.scan()) {
    if (k === ts.SyntaxKind.CloseBraceToken && spans.length > 0 && spans[spans.length - 1] === depth) {
      k = s.reScanTemplateToken(false);
      if (k === ts.SyntaxKind.TemplateTail) spans.pop();
    } else if (k === ts.SyntaxKind.OpenBraceToken) depth++;
    else if (k === ts.SyntaxKind.CloseBraceToken) depth--;
    if (k === ts.SyntaxKind.TemplateHead) spans.push(depth);
    visit(k);
  }
}
