/**
 * The TypeScript type checker decides whether an export changed incompatibly. Both
 * packages are loaded into one in-memory ts-morph project (`/old`, `/new`; the new one
 * shares the old one's runtime, so runtime classes with private fields stay one type), and
 * a check file names both versions of every candidate export. Then, by how users use it:
 *
 * - `write` (params interfaces, types only sent): the old type must be assignable to the new
 *   one: what users built before is still accepted;
 * - `read` (types only received): the new type must be assignable to the old one, except
 *   that new literal values are tolerated (the old type is compared with its literal unions
 *   widened, `W<Old>`): code compares and switches on enums, and keeps compiling when a
 *   value is added; a removed value, a new `null`, a changed type break it;
 * - `both`: both of the above;
 * - `error` (error body unions, `ApiError.body` narrowed by users): one must be assignable
 *   to the other: a new possible body (a new error status) or a more precise one (`unknown`
 *   → `ErrorResponse`) is fine; bodies replaced by unrelated ones are not;
 * - `function`: the old arguments must be accepted (`Parameters<Old>` → `Parameters<New>`)
 *   and the resolved result is judged as `read`.
 *
 * Assignability alone misses two things users hit, so every type is also walked in
 * parallel (through properties, arrays, nullability): a property of the old type missing
 * from the new one (object literals with it fail excess-property checks, reads of it fail),
 * and a literal of an old literal union missing from the new one (comparisons with it fail:
 * "this comparison appears to be unintentional").
 */
import { Project, ts, type Symbol as MorphSymbol, type Type } from 'ts-morph';

export type Mode = 'write' | 'read' | 'both' | 'error' | 'function';

export interface Candidate {
  name: string;
  kind: 'type' | 'value';
  mode: Mode;
}

export interface CheckResult {
  ok: boolean;
  detail?: string;
  /**
   * When the only problems are keys or literals that are gone: their paths
   * (`Thing.b`, `Thing.e: "off"`), so a change can be matched to the problem it causes.
   */
  paths?: string[];
}

/** Literal unions widened to their primitive, deeply (functions keep their parameters). */
const WIDEN = `type W<T> = T extends string ? string : T extends number ? number : T extends boolean ? boolean : T extends bigint ? bigint
  : T extends (...args: infer A) => infer R ? (...args: A) => W<R>
  : T extends readonly (infer E)[] ? readonly W<E>[]
  : T extends object ? { [K in keyof T]: W<T[K]> } : T;`;

export function checkCandidates(oldFiles: ReadonlyMap<string, string>, newFiles: ReadonlyMap<string, string>, candidates: Candidate[]): CheckResult[] {
  if (candidates.length === 0) return [];
  const project = new Project({
    useInMemoryFileSystem: true,
    skipAddingFilesFromTsConfig: true,
    compilerOptions: {
      strict: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
      types: [],
      noEmit: true,
      skipLibCheck: true,
    },
  });
  for (const [path, content] of oldFiles) if (path.startsWith('src/') && path.endsWith('.ts')) project.createSourceFile(`/old/${path}`, content);
  for (const [path, content] of newFiles) {
    if (!path.startsWith('src/') || !path.endsWith('.ts')) continue;
    // the runtime is the old one's (each of its files re-exports the old file), but for files the
    // old package did not have (runtime/webhooks.ts the first time, runtime/public.ts)
    if (path.startsWith('src/runtime/') && (oldFiles.has(path) || path === 'src/runtime/index.ts')) {
      project.createSourceFile(`/new/${path}`, `export * from '${'../'.repeat(path.split('/').length)}old/${path.replace(/\.ts$/, '.js')}';\n`);
    } else project.createSourceFile(`/new/${path}`, content);
  }
  if (!newFiles.has('src/runtime/index.ts')) project.createSourceFile('/new/src/runtime/index.ts', `export * from '../../../old/src/runtime/index.js';\n`);

  const lines = [`import * as O from './old/src/index.js';`, `import * as N from './new/src/index.js';`, WIDEN];
  candidates.forEach((c, i) => {
    if (c.mode === 'function') {
      lines.push(`type OP${i} = Parameters<typeof O.${c.name}>;`, `type NP${i} = Parameters<typeof N.${c.name}>;`);
      lines.push(`type O${i} = Awaited<ReturnType<typeof O.${c.name}>>;`, `type N${i} = Awaited<ReturnType<typeof N.${c.name}>>;`);
    } else {
      const ref = (ns: string) => (c.kind === 'value' ? `typeof ${ns}.${c.name}` : `${ns}.${c.name}`);
      lines.push(`type O${i} = ${ref('O')};`, `type N${i} = ${ref('N')};`);
    }
    lines.push(`type WO${i} = W<O${i}>;`);
  });
  const check = project.createSourceFile('/check.ts', lines.join('\n') + '\n');
  const checker = project.getTypeChecker();
  const typeOf = (alias: string) => check.getTypeAliasOrThrow(alias).getType();
  const typeOfSymbol = (s: MorphSymbol) => checker.getTypeOfSymbolAtLocation(s, check);

  return candidates.map((c, i): CheckResult => {
    const o = typeOf(`O${i}`);
    const n = typeOf(`N${i}`);
    const readable = () => n.isAssignableTo(typeOf(`WO${i}`));
    const gone: string[] = [];
    if (c.mode !== 'error') missing(o, n, c.mode === 'function' ? `${c.name}()` : c.name, 0, new Set(), typeOfSymbol, gone);
    const verdict = assignable(c, i, o, n, readable, typeOf);
    if (gone.length === 0) return verdict;
    const what = `${gone.slice(0, 3).join(', ')}${gone.length > 3 ? `, … (${gone.length})` : ''} no longer exist${gone.length === 1 ? 's' : ''}`;
    // only when nothing else failed do the gone paths explain the whole verdict
    return verdict.ok ? { ok: false, detail: what, paths: gone } : { ok: false, detail: `${what}; ${verdict.detail}` };
  });
}

function assignable(c: Candidate, i: number, o: Type, n: Type, readable: () => boolean, typeOf: (alias: string) => Type): CheckResult {
  switch (c.mode) {
    case 'function':
      if (!typeOf(`OP${i}`).isAssignableTo(typeOf(`NP${i}`))) return { ok: false, detail: 'calls written for the old signature are not accepted' };
      return readable() ? { ok: true } : { ok: false, detail: 'the result no longer fits the old result type' };
    case 'write':
      return o.isAssignableTo(n) ? { ok: true } : { ok: false, detail: 'a value of the old type is not accepted by the new one' };
    case 'error':
      return o.isAssignableTo(n) || n.isAssignableTo(o) ? { ok: true } : { ok: false, detail: 'the error bodies changed to unrelated types' };
    case 'read':
      return readable() ? { ok: true } : { ok: false, detail: 'a value of the new type does not fit the old one' };
    case 'both':
      if (!o.isAssignableTo(n)) return { ok: false, detail: 'a value of the old type is not accepted by the new one' };
      return readable() ? { ok: true } : { ok: false, detail: 'a value of the new type does not fit the old one' };
  }
}

const MAX_PATHS = 50;

/**
 * The property paths and literals of `o` that `n` lacks (into `out`), walking both in
 * parallel through object properties, array elements and nullability.
 */
function missing(o: Type, n: Type, path: string, depth: number, seen: Set<string>, typeOfSymbol: (s: MorphSymbol) => Type, out: string[]): void {
  if (depth > 8 || out.length >= MAX_PATHS) return;
  const a = o.getNonNullableType();
  const b = n.getNonNullableType();
  const key = `${id(a)}|${id(b)}`;
  if (seen.has(key)) return;
  seen.add(key);
  if (a.isArray() && b.isArray()) return missing(a.getArrayElementTypeOrThrow(), b.getArrayElementTypeOrThrow(), `${path}[]`, depth + 1, seen, typeOfSymbol, out);
  const lits = literals(a);
  if (lits.length > 0) {
    const have = new Set(literals(b).map((t) => t.getText()));
    const open = members(b).some((m) => m.isString() || m.isNumber() || m.isBoolean() || (m.isIntersection() && m.getIntersectionTypes().some((x) => x.isString())));
    if (!open) for (const l of lits) if (!have.has(l.getText())) out.push(`${path}: ${l.getText()}`);
    return;
  }
  if (a.isUnion() || b.isUnion()) return; // unions of objects: assignability judges what it can
  if (!isObjectLike(a) || !isObjectLike(b)) return;
  if (a.getCallSignatures().length > 0 || b.getStringIndexType()) return; // functions; open objects accept any key
  for (const p of a.getProperties()) {
    const name = p.getName();
    if (name.startsWith('__@') || name.startsWith('#')) continue;
    const q = b.getProperty(name);
    if (!q) out.push(`${path}.${name}`);
    else missing(typeOfSymbol(p), typeOfSymbol(q), `${path}.${name}`, depth + 1, seen, typeOfSymbol, out);
  }
}

function members(t: Type): Type[] {
  return t.isUnion() ? t.getUnionTypes() : [t];
}

/** The literal members of a type (a literal union, or a single literal). */
function literals(t: Type): Type[] {
  return members(t).filter((m) => m.isLiteral() || m.isBooleanLiteral());
}

function isObjectLike(t: Type): boolean {
  return (t.isObject() || t.isIntersection()) && !t.isArray();
}

function id(t: Type): number {
  return (t.compilerType as unknown as { id: number }).id;
}
