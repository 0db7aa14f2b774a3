/**
 * The shape of the resource-style client: which namespace each operation goes in and what its
 * method is called. Pure functions of the operations, their (locked) function names and the
 * plugin's options, so the class's names are as stable as the functions' (src/lock/).
 *
 * Namespaces (`namespaces` option):
 * - `"paths"` (the default; OpenAPI tags are flat, paths nest): the static path segments after
 *   the prefix every operation shares (`/organization`), parameters skipped:
 *   `/organization/groups/{group_id}/users` → `groups.users`. A last static segment that is
 *   the operation's verb (`POST /certificates/activate`, operationId `activateCertificates`),
 *   or for a POST starts with it (`POST /users/me/accept-invite`, `acceptMyInvites`), is an
 *   action: the method `activate` (`acceptInvite`) of the namespace before it.
 * - `"tags"`: one namespace per first tag (`User organization role assignments` →
 *   `userOrganizationRoleAssignments`); untagged operations are methods of the class itself.
 *
 * Method names (README "Resource-style client"): the words of the function name, less the
 * words of its namespace (singular or plural) and of the shared prefix. The HTTP method and
 * path give a CRUD name: `list` (GET of a collection that is paginated or returns an array),
 * `retrieve` (any other GET), `create` (POST of a collection), `update` (POST on an item,
 * PUT, PATCH), `delete` (DELETE). The CRUD name is used when the function's verb is one of
 * its synonyms (`get` → `retrieve`, `modify` → `update`), or when the verb was the namespace
 * itself (`inviteUser` under `invites` → `create`); another verb stays (`addGroupUser` under
 * `groups.users` → `add`). Clash rule: methods of one namespace that would share a name, or
 * take the name of a sub-namespace or of the class's own members, are all named by their
 * full function name instead (`listUsers`), which is unique in the package.
 */
import type { Operation } from '../../ir/types.js';
import { camelCase, pascalCase, words } from '../../naming/casing.js';
import { identifier, isIdentifierName } from '../../escape/index.js';
import { isReserved } from '../../naming/reserved.js';

export type NamespaceMode = 'paths' | 'tags';

/** What the structure needs to know about one operation. */
export interface OperationFacts {
  op: Operation;
  /** the exported function's name (from the name lock) */
  fn: string;
  /** GET whose success is a paginated list or an array */
  listLike: boolean;
}

export interface MethodPlan {
  facts: OperationFacts;
  /** the namespace path (`['groups', 'users']`; `[]`: the class itself) */
  namespace: string[];
  method: string;
  /** what named it (to name a renamed function's old method the same way) */
  nsWords: string[];
  action?: string;
}

export interface NamespacePlan {
  /** property path from the class (`['groups', 'users']`) */
  path: string[];
  /** sub-namespaces by property name, sorted */
  children: string[];
  methods: MethodPlan[];
}

/** Members of every namespace class that neither a method nor a sub-namespace may take. */
export const RESERVED_MEMBERS = new Set(['client', 'withOptions', 'constructor', 'prototype', '__proto__', 'toString', 'toJSON', 'valueOf', 'hasOwnProperty']);

const SYNONYMS: Record<string, readonly string[]> = {
  list: ['list', 'get', 'all', 'getall', 'find', 'search'],
  retrieve: ['retrieve', 'get', 'read', 'fetch', 'find', 'show', 'describe'],
  create: ['create', 'new', 'post', 'make'],
  update: ['update', 'modify', 'patch', 'edit', 'put', 'set', 'replace'],
  delete: ['delete', 'del', 'destroy'],
};

const isParam = (segment: string) => /^\{[^}]*\}$/.test(segment);
const segmentsOf = (path: string) => path.split('/').filter((s) => s !== '');

/** The static segments every operation's path starts with (keeping at least one static segment each). */
export function sharedPrefix(ops: readonly Operation[]): string[] {
  if (ops.length === 0) return [];
  const all = ops.map((o) => segmentsOf(o.path));
  const prefix: string[] = [];
  for (let i = 0; ; i++) {
    const s = all[0][i];
    if (s === undefined || isParam(s) || !all.every((segs) => segs[i] === s)) break;
    // each path must keep a static segment after the prefix
    if (!all.every((segs) => segs.slice(i + 1).some((x) => !isParam(x)))) break;
    prefix.push(s);
  }
  return prefix;
}

/** The CRUD name the HTTP method and path give, if any. */
export function crudName(f: OperationFacts): string | undefined {
  const segs = segmentsOf(f.op.path);
  const item = segs.length > 0 && isParam(segs[segs.length - 1]);
  switch (f.op.method.toUpperCase()) {
    case 'GET':
      return !item && f.listLike ? 'list' : 'retrieve';
    case 'POST':
      return item ? 'update' : 'create';
    case 'PUT':
    case 'PATCH':
      return 'update';
    case 'DELETE':
      return 'delete';
    default:
      return undefined;
  }
}

/** lower-case word forms a namespace word stands for: itself, its singular, its plural */
function forms(word: string): string[] {
  const w = word.toLowerCase();
  const out = new Set([w]);
  if (w.endsWith('ies')) out.add(`${w.slice(0, -3)}y`);
  else if (/(ses|xes|zes|ches|shes)$/.test(w)) out.add(w.slice(0, -2));
  else if (w.endsWith('s') && !w.endsWith('ss')) out.add(w.slice(0, -1));
  if (w.endsWith('y')) out.add(`${w.slice(0, -1)}ies`);
  else if (!w.endsWith('s')) out.add(`${w}s`);
  return [...out];
}

/**
 * The method name of an operation in its namespace. `nsWords`: the words of the namespace's
 * segments and of the shared prefix.
 */
export function methodName(f: OperationFacts, nsWords: readonly string[], action?: string): string {
  if (action) return action;
  const strip = new Set(nsWords.flatMap(forms));
  let fnWords = words(f.fn).map((w) => w.toLowerCase());
  if (fnWords.length === 1) fnWords = segment(fnWords[0], strip);
  const verb = fnWords[0];
  const consumed = verb !== undefined && strip.has(verb);
  const rest = fnWords.filter((w) => !strip.has(w));
  const crud = crudName(f);
  if (crud && (rest.length === 0 || consumed || SYNONYMS[crud].some((w) => rest[0] === w || (w.length >= 6 && rest[0].startsWith(w))))) return crud;
  if (rest.length === 0) return f.fn;
  return camelCase(rest.join(' '));
}

/**
 * A name without word boundaries (`updateprojectspendlimit`) cut into the namespace words it
 * holds and the rest: the cut that covers the most letters with namespace words
 * (`update project spend limit`, not `update projects pend limit`).
 */
function segment(name: string, known: ReadonlySet<string>): string[] {
  const n = name.length;
  // best[i]: letters from i on covered by known words, and the cut there
  const best: { covered: number; next: number; known: boolean }[] = Array.from({ length: n + 1 }, () => ({ covered: 0, next: n, known: false }));
  for (let i = n - 1; i >= 0; i--) {
    best[i] = { covered: best[i + 1].covered, next: i + 1, known: false };
    for (const w of known) {
      if (w.length > 0 && name.startsWith(w, i) && w.length + best[i + w.length].covered > best[i].covered) best[i] = { covered: w.length + best[i + w.length].covered, next: i + w.length, known: true };
    }
  }
  const out: string[] = [];
  let run = '';
  for (let i = 0; i < n; ) {
    const b = best[i];
    if (b.known) {
      if (run) out.push(run);
      run = '';
      out.push(name.slice(i, b.next));
    } else run += name[i];
    i = b.next;
  }
  if (run) out.push(run);
  return out;
}

/** A property name usable as written (`users`, `delete`), else undefined. */
function memberName(name: string): string | undefined {
  return name !== '' && isIdentifierName(name) && !RESERVED_MEMBERS.has(name) ? name : undefined;
}

/** Operations → namespaces and methods. Deterministic: the result does not depend on the operations' order. */
export function planStructure(facts: readonly OperationFacts[], mode: NamespaceMode): NamespacePlan[] {
  const prefix = mode === 'paths' ? sharedPrefix(facts.map((f) => f.op)) : [];
  const prefixWords = prefix.flatMap((s) => words(s));
  const wanted: { facts: OperationFacts; namespace: string[]; nsWords: string[]; action?: string }[] = [];
  for (const f of facts) {
    if (mode === 'tags') {
      const tag = f.op.tags[0];
      const ns = tag ? camelCase(tag) : '';
      const namespace = ns && memberName(ns) ? [ns] : [];
      wanted.push({ facts: f, namespace, nsWords: tag ? words(tag) : [] });
      continue;
    }
    const statics = segmentsOf(f.op.path).slice(prefix.length).filter((s) => !isParam(s));
    const segs = segmentsOf(f.op.path);
    let action: string | undefined;
    const last = segs[segs.length - 1];
    const verb = words(f.fn)[0]?.toLowerCase();
    // `POST /certificates/activate` by `activateCertificates`: an action, not a namespace
    const lastWords = last && !isParam(last) ? words(last).map((w) => w.toLowerCase()) : [];
    // one word that is the verb (`activate`), or, for a POST, several starting with it (`accept-invite`)
    const isAction = verb !== undefined && lastWords[0] === verb && (lastWords.length === 1 || f.op.method.toUpperCase() === 'POST');
    if (statics.length > 1 && isAction) {
      statics.pop();
      action = camelCase(last);
    }
    const namespace = statics.map((s) => camelCase(s)).map((s) => memberName(s) ?? identifier(`${s}_`, 'resource'));
    wanted.push({ facts: f, namespace, nsWords: [...prefixWords, ...statics.flatMap((s) => words(s))], ...(action ? { action } : {}) });
  }
  // the namespaces, each with its children
  const spaces = new Map<string, NamespacePlan>();
  const ensure = (path: string[]): NamespacePlan => {
    const key = path.join('.');
    let ns = spaces.get(key);
    if (!ns) {
      ns = { path, children: [], methods: [] };
      spaces.set(key, ns);
      if (path.length > 0) {
        const parent = ensure(path.slice(0, -1));
        if (!parent.children.includes(path[path.length - 1])) parent.children.push(path[path.length - 1]);
      }
    }
    return ns;
  };
  ensure([]);
  for (const w of wanted) ensure(w.namespace);
  // methods, with the clash rule applied per namespace
  const byNs = new Map<string, { facts: OperationFacts; want: string; nsWords: string[]; action?: string }[]>();
  for (const w of wanted) {
    const key = w.namespace.join('.');
    const want = methodName(w.facts, w.nsWords, w.action);
    const list = byNs.get(key) ?? [];
    list.push({ facts: w.facts, want, nsWords: w.nsWords, ...(w.action ? { action: w.action } : {}) });
    byNs.set(key, list);
  }
  for (const [key, list] of byNs) {
    const ns = spaces.get(key)!;
    const count = new Map<string, number>();
    for (const m of list) count.set(m.want, (count.get(m.want) ?? 0) + 1);
    for (const m of list) {
      const ok = count.get(m.want) === 1 && memberName(m.want) !== undefined && !ns.children.includes(m.want);
      ns.methods.push({ facts: m.facts, namespace: ns.path, method: ok ? m.want : m.facts.fn, nsWords: m.nsWords, ...(m.action ? { action: m.action } : {}) });
    }
  }
  const out = [...spaces.values()];
  for (const ns of out) {
    ns.children.sort();
    ns.methods.sort((a, b) => (a.facts.op.key < b.facts.op.key ? -1 : a.facts.op.key > b.facts.op.key ? 1 : 0));
  }
  return out.sort((a, b) => cmpPath(a.path, b.path));
}

function cmpPath(a: string[], b: string[]): number {
  const x = a.join('.');
  const y = b.join('.');
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The class name a package name gives: `openai-admin` → `OpenaiAdmin` (configure `className` for `OpenAIAdmin`). */
export function defaultClassName(packageName: string): string {
  const base = packageName.replace(/^@[^/]+\//, '');
  const name = pascalCase(base);
  return isIdentifierName(name) && !isReserved(name) ? name : `${name || 'Api'}Client`;
}
