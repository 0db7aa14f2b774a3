/**
 * The naming stage: identities (schema pointers, `METHOD /path`, tags) → TypeScript names.
 *
 * Rules (documented in README "Naming"):
 * - schemas: PascalCase of the spec's name (`Conversation-2` → `Conversation2`);
 *   functions: camelCase of the operationId, or of `method + path` when there is none.
 * - Two identities that want the same name: the one whose spec name already *is* that
 *   name keeps it, then component schemas before inline ones, then the smaller identity
 *   (pointer / `METHOD path`, compared as strings). The others get the first free numeric
 *   suffix (`User2`, `User3`, …), handed out in identity order. The result never depends
 *   on the order of keys in the spec. Every shift is reported as warning W_NAME_CLASH.
 * - Names never shadow the runtime's exports or the generated client's own
 *   (`Client`, `ApiError`, `createClient`, …), reserved words or global types (`Error`,
 *   `Date`, `Promise`, …): such a schema gets the suffix `Model` (`ErrorModel`).
 * - A name lock (oagen.lock.json, see src/lock/) pins names: an identity whose wanted name
 *   is the same as when the lock was written keeps the name it got then, before anyone else
 *   is served (a collision can never shift it). An identity whose wanted name changed (the
 *   spec renamed it) gets its new name; src/lock/ keeps the old one as a deprecated alias.
 *   The lock may revise its pins once it sees the names they give (`PinnedNames.revise`:
 *   schemas that swapped names keep theirs, src/lock/swaps.ts); naming then runs again
 *   with the revised pins, and only that run reports to `diagnostics`.
 */
import { Diagnostics } from '../diagnostics.js';
import type { ApiIR, Operation, OperationKey, SchemaId } from '../ir/types.js';
import { camelCase, kebabCase, pascalCase } from './casing.js';
import { identifier } from '../escape/index.js';
import { RESERVED_WORDS } from './reserved.js';
import { RUNTIME_EXPORTS } from './runtime-exports.js';
import { readWriteFacts } from '../normalize/read-write.js';

export interface OperationNames {
  /** the exported function */
  fn: string;
  /** its params interface */
  params: string;
  /** the union of its declared error bodies */
  error: string;
  /** for operations that can answer with `text/event-stream` besides another type */
  stream?: string;
  /** module-local constants of the operation's file (never exported, never clashing) */
  locals: { spec: string; pagination: string; streamSpec: string };
}

export interface GroupNames {
  /** the tag, as written in the spec ('' for the default group) */
  tag: string;
  /** display title: the tag, or 'Default' */
  title: string;
  /** `src/api/<file>.ts` */
  file: string;
  /** `docs/<doc>.md`: `UsersApi`, `GroupUsersApi` */
  doc: string;
  operations: Operation[];
}

export interface Names {
  schema: Map<SchemaId, string>;
  /** the name each identity wanted before collision rules (recorded in the lock) */
  wanted: { schema: Map<SchemaId, string>; operation: Map<OperationKey, string> };
  operation: Map<OperationKey, OperationNames>;
  groups: GroupNames[];
  /**
   * the request-side types of the schemas split by readOnly / writeOnly (src/normalize/read-write.ts):
   * schema id → `<Name>Writable`; absent when none is split
   */
  writable?: Map<SchemaId, string>;
}

/** A name given by a previous generation, and the name its identity wanted then. */
export interface Pin {
  name: string;
  want: string;
}

/** Names pinned by a previous generation (the name lock), by identity. */
export interface PinnedNames {
  schema?: Map<SchemaId, Pin>;
  operation?: Map<OperationKey, Pin>;
  /** request-side type names (`Names.writable`) given before, by schema id */
  writable?: Map<SchemaId, string>;
  /** given the names these pins give, other pins to name with instead (or undefined to keep these) */
  revise?: (ir: ApiIR, names: Names) => PinnedNames | undefined;
}

interface Claim {
  id: string;
  want: string;
  /** the spec's own spelling equals `want` */
  exact: boolean;
  /** a component schema (beats inline ones) */
  primary: boolean;
}

export function assignNames(ir: ApiIR, diagnostics: Diagnostics, pinned: PinnedNames = {}): Names {
  if (!pinned.revise) return nameOnce(ir, diagnostics, pinned);
  const first = nameOnce(ir, new Diagnostics(), pinned);
  return nameOnce(ir, diagnostics, pinned.revise(ir, first) ?? pinned);
}

function nameOnce(ir: ApiIR, diagnostics: Diagnostics, pinned: PinnedNames): Names {
  // Type namespace: schemas, params and error types. Value namespace: functions and enum lists.
  // Type names also name docs files (`docs/models/User.md`): compared case-insensitively so
  // packages stay portable to case-insensitive file systems. Values compare exactly.
  const types = new Taken(RUNTIME_EXPORTS, true);
  const values = new Taken(RUNTIME_EXPORTS, false);

  const schemaClaims: Claim[] = ir.schemas.map((n) => {
    const base = pascalCase(n.nameHint);
    const want = RESERVED_WORDS.has(base) ? `${base}Model` : avoidReserved(identifier(base, 'Schema'), types);
    return { id: n.id, want, exact: want === n.nameHint, primary: n.id.startsWith('#/components/schemas/') };
  });
  // request-side type names given before (the lock) are held first, as pinned names are
  const writablePins = heldWritable(ir, types, pinned.writable);
  const schema = resolveClaims(schemaClaims, types, pinned.schema, diagnostics, 'schema');
  // Enum schemas also export a value (the list of members) under the same name.
  for (const n of ir.schemas) if (n.schema.kind === 'enum') values.add(schema.get(n.id)!);

  const opClaims: Claim[] = ir.operations.map((op) => {
    const hint = op.operationId ?? `${op.method.toLowerCase()} ${op.path}`;
    const want = identifier(camelCase(hint), 'operation');
    return { id: op.key, want, exact: want === op.operationId, primary: op.operationId !== undefined };
  });
  const fns = resolveClaims(opClaims, values, pinned.operation, diagnostics, 'operation');

  const operation = new Map<OperationKey, OperationNames>();
  for (const op of ir.operations) {
    const fn = fns.get(op.key)!;
    const base = pascalCase(fn);
    const names: OperationNames = {
      fn,
      params: types.take(identifier(`${base}Params`)),
      error: types.take(identifier(`${base}Error`)),
      locals: { spec: '', pagination: '', streamSpec: '' },
    };
    if (hasStreamVariant(op)) names.stream = values.take(`${fn}Stream`);
    operation.set(op.key, names);
  }
  const writable = writableNames(ir, schema, types, writablePins, diagnostics);
  // Module-local constants come last, so they yield to every exported name.
  for (const op of ir.operations) {
    const names = operation.get(op.key)!;
    names.locals = {
      spec: values.take(`${names.fn}Spec`),
      pagination: values.take(`${names.fn}Pagination`),
      streamSpec: values.take(`${names.stream ?? `${names.fn}Stream`}Spec`),
    };
  }
  const wanted = {
    schema: new Map(schemaClaims.map((c) => [c.id, c.want])),
    operation: new Map(opClaims.map((c) => [c.id, c.want])),
  };
  const out: Names = { schema, wanted, operation, groups: groupOperations(ir) };
  if (writable.size > 0) out.writable = writable;
  return out;
}

/** The pinned request-side type names of schemas still split, each while free: taken before any other type name. */
function heldWritable(ir: ApiIR, types: Taken, pinned: Map<SchemaId, string> | undefined): Map<SchemaId, string> {
  const held = new Map<SchemaId, string>();
  if (!pinned) return held;
  for (const id of readWriteFacts(ir).split) {
    const pin = pinned.get(id);
    if (pin !== undefined && !types.has(pin)) {
      types.add(pin);
      held.set(id, pin);
    }
  }
  return held;
}

/**
 * The request-side type of each split schema: its pinned name (`heldWritable`), else
 * `<Name>Writable`, taken after every other exported type name (so a split never moves one);
 * a taken one gets the first free numeric suffix, in id order.
 */
function writableNames(ir: ApiIR, schema: Map<SchemaId, string>, types: Taken, held: Map<SchemaId, string>, diagnostics: Diagnostics): Map<SchemaId, string> {
  const out = new Map<SchemaId, string>();
  for (const id of readWriteFacts(ir).split) {
    const want = `${schema.get(id)!}Writable`;
    const name = held.get(id) ?? types.take(want);
    if (!held.has(id) && name !== want) diagnostics.warn('W_NAME_CLASH', `the request-side type of schema '${id}' would be named '${want}', which is taken; named '${name}'`, id.startsWith('#') ? id : undefined);
    out.set(id, name);
  }
  return out;
}

function resolveClaims(
  claims: Claim[],
  taken: Taken,
  pinned: Map<string, Pin> | undefined,
  diagnostics: Diagnostics,
  what: string,
): Map<string, string> {
  const out = new Map<string, string>();
  // 1. Pinned names first: a name once given to an identity stays with it.
  if (pinned) {
    for (const c of claims) {
      const pin = pinned.get(c.id);
      if (pin && pin.want === c.want && !taken.has(pin.name)) {
        out.set(c.id, pin.name);
        taken.add(pin.name);
      }
    }
  }
  const open = claims.filter((c) => !out.has(c.id));
  // 2. Each wanted name goes to its best claimant.
  const byName = new Map<string, Claim[]>();
  for (const c of open) {
    const key = taken.key(c.want);
    const list = byName.get(key);
    if (list) list.push(c);
    else byName.set(key, [c]);
  }
  const losers: Claim[] = [];
  for (const key of [...byName.keys()].sort()) {
    const list = byName.get(key)!.sort(rank);
    if (taken.has(list[0].want)) {
      losers.push(...list);
      continue;
    }
    taken.add(list[0].want);
    out.set(list[0].id, list[0].want);
    losers.push(...list.slice(1));
  }
  // 3. The others get the first free numeric suffix, in identity order.
  losers.sort((a, b) => compare(a.id, b.id));
  for (const c of losers) {
    const name = taken.take(c.want);
    out.set(c.id, name);
    diagnostics.warn('W_NAME_CLASH', `${what} '${c.id}' would be named '${c.want}', which is taken; named '${name}'`, c.id.startsWith('#') ? c.id : undefined);
  }
  return out;
}

function rank(a: Claim, b: Claim): number {
  return Number(b.exact) - Number(a.exact) || Number(b.primary) - Number(a.primary) || compare(a.id, b.id);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A set of names in use; optionally case-insensitive. */
class Taken {
  private readonly names = new Set<string>();
  constructor(
    initial: readonly string[],
    private readonly fold: boolean,
  ) {
    for (const n of initial) this.add(n);
  }
  key(name: string): string {
    return this.fold ? name.toLowerCase() : name;
  }
  has(name: string): boolean {
    return this.names.has(this.key(name));
  }
  add(name: string): void {
    this.names.add(this.key(name));
  }
  /** `name`, or `name2`, `name3`, … whichever is free first; marks it taken. */
  take(name: string): string {
    let candidate = name;
    let key = this.key(candidate);
    for (let i = 2; this.names.has(key); i++) {
      candidate = `${name}${i}`;
      key = this.key(candidate);
    }
    this.names.add(key);
    return candidate;
  }
}

function avoidReserved(name: string, reserved: Taken): string {
  return reserved.has(name) ? `${name}Model` : name;
}

/** A success response that offers `text/event-stream` next to another media type. */
function hasStreamVariant(op: Operation): boolean {
  return op.responses.some((r) => r.status.startsWith('2') && r.contents.length > 1 && r.contents.some((c) => /event-stream/i.test(c.mediaType)));
}

/** API groups by first tag, in the spec's tag order; untagged operations go to `Default`. */
function groupOperations(ir: ApiIR): GroupNames[] {
  const byTag = new Map<string, Operation[]>();
  for (const op of ir.operations) {
    const tag = op.tags[0] ?? '';
    const list = byTag.get(tag);
    if (list) list.push(op);
    else byTag.set(tag, [op]);
  }
  const order = [...new Set(ir.tags.map((t) => t.name))].filter((t) => byTag.has(t));
  if (byTag.has('') && !order.includes('')) order.push('');
  const files = new Taken([], true);
  const docs = new Taken([], true);
  return order.map((tag) => {
    const title = tag === '' ? 'Default' : tag;
    const file = files.take(kebabCase(title) || 'default');
    const doc = docs.take(`${pascalCase(title) || 'Default'}Api`);
    return { tag, title, file, doc, operations: byTag.get(tag)! };
  });
}
