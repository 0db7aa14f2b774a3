/**
 * The exported declarations of a generated package, read from its source text without any
 * TypeScript tooling (oagen's runtime dependencies do not include a TypeScript parser).
 * This only has to read oagen's own output: every top-level statement starts at column 0,
 * and everything inside one is indented. A small scanner skips strings, template literals
 * and comments, so a `{` or `*\/` inside them never confuses it.
 *
 * Each declaration gets its code without comments (tokens joined by one space; for
 * functions the signature, the body apart), its full text with comments, and how many
 * `@deprecated` tags its JSDoc carries.
 */

export interface TextDeclaration {
  name: string;
  kind: 'type' | 'value';
  form: 'function' | 'interface' | 'type' | 'const' | 'class' | 'enum';
  file: string;
  /** tokens without comments, joined by one space (functions: the signature only) */
  code: string;
  /** functions: the body's tokens */
  body?: string;
  /** the statement with its leading comments */
  text: string;
  /** its comments (JSDoc), joined */
  comments: string;
  deprecated: number;
}

/** `kind:name` → declaration */
export type TextDeclarations = Map<string, TextDeclaration>;

export const declarationKey = (kind: TextDeclaration['kind'], name: string) => `${kind}:${name}`;

/** The files whose exports make up the package's TypeScript surface (the runtime is oagen's own, the same in every package). */
export function isSurfacePath(path: string): boolean {
  return path === 'src/client.ts' || path === 'src/models.ts' || path === 'src/aliases.ts' || /^src\/api\/[^/]+\.ts$/.test(path);
}

export function readTextDeclarations(files: ReadonlyMap<string, string>): TextDeclarations {
  const out: TextDeclarations = new Map();
  for (const path of [...files.keys()].sort()) {
    if (!isSurfacePath(path)) continue;
    for (const d of fileDeclarations(path, files.get(path)!)) out.set(declarationKey(d.kind, d.name), d);
  }
  return out;
}

interface Token {
  text: string;
  start: number;
  comment: boolean;
  /** for `{`: the index of its `}` */
  close?: number;
}

function fileDeclarations(file: string, source: string): TextDeclaration[] {
  const tokens = tokenize(source);
  // Top-level statements: a new one starts at a depth-0 token in column 0.
  const statements: Token[][] = [];
  let depth = 0;
  let current: Token[] = [];
  let leading: Token[] = [];
  for (const t of tokens) {
    const column0 = t.start === 0 || source[t.start - 1] === '\n';
    // a comment followed by a blank line belongs to the file (its header), not to what follows
    if (leading.length > 0 && /\n[ \t]*\r?\n/.test(source.slice(end(leading[leading.length - 1]), t.start))) leading = [];
    if (depth === 0 && column0) {
      if (t.comment) {
        if (current.length > 0 && current.some((x) => !x.comment)) {
          statements.push(current);
          current = [];
        }
        leading.push(t);
        continue;
      }
      if (current.some((x) => !x.comment)) statements.push(current);
      current = [...leading];
      leading = [];
    }
    if (!t.comment) {
      if (t.text === '{' || t.text === '(' || t.text === '[') depth++;
      else if (t.text === '}' || t.text === ')' || t.text === ']') depth = Math.max(0, depth - 1);
    }
    if (leading.length > 0) {
      current.push(...leading);
      leading = [];
    }
    current.push(t);
  }
  if (current.some((x) => !x.comment)) statements.push(current);

  const out: TextDeclaration[] = [];
  for (const st of statements) {
    const code = st.filter((t) => !t.comment);
    if (code[0]?.text !== 'export') continue;
    let i = 1;
    while (code[i] && (code[i].text === 'declare' || code[i].text === 'async' || code[i].text === 'default')) i++;
    const keyword = code[i]?.text;
    const name = code[i + 1]?.text;
    if (!name || !/^[A-Za-z_$][\w$]*$/.test(name)) continue;
    const form = keyword === 'function' ? 'function' : keyword === 'interface' ? 'interface' : keyword === 'type' ? 'type' : keyword === 'const' || keyword === 'let' || keyword === 'var' ? 'const' : keyword === 'class' ? 'class' : keyword === 'enum' ? 'enum' : undefined;
    if (!form) continue;
    const kind = form === 'interface' || form === 'type' ? 'type' : 'value';
    const text = source.slice(st[0].start, end(st[st.length - 1]));
    const comments = st.filter((t) => t.comment).map((t) => t.text);
    const deprecated = comments.reduce((n, t) => n + (t.match(/@deprecated\b/g) ?? []).length, 0);
    let signature = code;
    let body: Token[] | undefined;
    if (form === 'function') {
      // the body is the last `{ … }` of the statement
      const last = code[code.length - 1];
      const open = code.findIndex((t) => t.text === '{' && t.close !== undefined && tokens[t.close] === last);
      if (open >= 0) {
        signature = code.slice(0, open);
        body = code.slice(open);
      }
    }
    out.push({
      name,
      kind,
      form,
      file,
      code: signature.map((t) => t.text).join(' '),
      ...(body ? { body: body.map((t) => t.text).join(' ') } : {}),
      text,
      comments: comments.join('\n'),
      deprecated,
    });
  }
  return out;
}

function end(t: Token): number {
  return t.start + t.text.length;
}

const PUNCT = /[{}()[\];,<>:=|&?.!*+\-/%^~@#]/;

/** Tokens of a TypeScript source: words, strings (whole), comments (whole), punctuation; braces matched. */
function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  const opens: number[] = [];
  let i = 0;
  const n = source.length;
  while (i < n) {
    const c = source[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    const start = i;
    if (c === '/' && source[i + 1] === '/') {
      i = source.indexOf('\n', i);
      if (i < 0) i = n;
      tokens.push({ text: source.slice(start, i), start, comment: true });
      continue;
    }
    if (c === '/' && source[i + 1] === '*') {
      const close = source.indexOf('*/', i + 2);
      i = close < 0 ? n : close + 2;
      tokens.push({ text: source.slice(start, i), start, comment: true });
      continue;
    }
    if (c === '"' || c === "'") {
      i = skipQuoted(source, i + 1, c);
    } else if (c === '`') {
      i = skipTemplate(source, i + 1);
    } else if (/[\w$]/.test(c)) {
      while (i < n && /[\w$]/.test(source[i])) i++;
    } else if (PUNCT.test(c)) {
      i++;
    } else {
      // any other character (non-ASCII identifier parts included) is a word character
      i++;
      while (i < n && !/[\s{}()[\];,<>:=|&?.!*+\-/%^~@#"'`]/.test(source[i])) i++;
    }
    const token: Token = { text: source.slice(start, i), start, comment: false };
    if (token.text === '{') opens.push(tokens.length);
    else if (token.text === '}') {
      const o = opens.pop();
      if (o !== undefined) tokens[o].close = tokens.length;
    }
    tokens.push(token);
  }
  return tokens;
}

function skipQuoted(s: string, i: number, quote: string): number {
  while (i < s.length) {
    const c = s[i];
    if (c === '\\') i += 2;
    else if (c === quote) return i + 1;
    else if (c === '\n') return i; // unterminated: stop at the line end
    else i++;
  }
  return i;
}

function skipTemplate(s: string, i: number): number {
  while (i < s.length) {
    const c = s[i];
    if (c === '\\') i += 2;
    else if (c === '`') return i + 1;
    else if (c === '$' && s[i + 1] === '{') i = skipCode(s, i + 2);
    else i++;
  }
  return i;
}

/** Skip code up to and including the `}` that closes the current brace. */
function skipCode(s: string, i: number): number {
  let depth = 1;
  while (i < s.length) {
    const c = s[i];
    if (c === '"' || c === "'") i = skipQuoted(s, i + 1, c);
    else if (c === '`') i = skipTemplate(s, i + 1);
    else if (c === '/' && s[i + 1] === '*') {
      const close = s.indexOf('*/', i + 2);
      i = close < 0 ? s.length : close + 2;
    } else if (c === '/' && s[i + 1] === '/') {
      const nl = s.indexOf('\n', i);
      i = nl < 0 ? s.length : nl;
    } else if (c === '{') {
      depth++;
      i++;
    } else if (c === '}') {
      depth--;
      i++;
      if (depth === 0) return i;
    } else i++;
  }
  return i;
}
