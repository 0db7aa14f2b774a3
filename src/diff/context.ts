/**
 * State of one comparison: both sides indexed by identity, the changes found so far
 * (deduplicated by rule + pointer + direction, with their operations merged), and the
 * queue of named-schema pairs still to compare (each pair once per direction).
 */
import type { ApiIR, NamedSchema, Operation, OperationKey, SchemaId } from '../ir/types.js';
import type { Names } from '../naming/names.js';
import type { RawSide } from './raw.js';
import { familyDirection, plainSeverity, schemaSeverity } from './rules/registry.js';
import type { SchemaRuleId } from './rules/schema/rules.js';
import type { Change, Direction, Family } from './types.js';
import { computeUsage, type Usage } from '../ir/usage.js';

export interface Side {
  ir: ApiIR;
  schemas: Map<SchemaId, NamedSchema>;
  ops: Map<OperationKey, Operation>;
  names: Names;
  usage: Usage;
  /** the spec as written (for keywords the IR does not keep); absent when only IRs were given */
  raw?: RawSide;
}

export function indexSide(ir: ApiIR, names: Names, raw?: RawSide): Side {
  return {
    ir,
    schemas: new Map(ir.schemas.map((n) => [n.id, n])),
    ops: new Map(ir.operations.map((o) => [o.key, o])),
    names,
    usage: computeUsage(ir),
    ...(raw ? { raw } : {}),
  };
}

/** Where a schema is being compared. */
export interface Site {
  family: Family;
  /** operations affected by a change here (new spec's keys) */
  operations: string[];
  /** the TypeScript symbol of the compared node (`User.email`, `ListUsersParams.limit`) */
  symbol: string;
  /** named schemas dereferenced on one side only on the way here (recursion guard) */
  via?: readonly string[];
  /** the compared node is a property's schema: objects.ts judges its readOnly/writeOnly flips */
  inProperty?: boolean;
  /** under a loosely typed media type (XML): `string` admits what `object` does */
  loose?: boolean;
  /** under `not`: a schema that admits more makes the whole admit less, so severities flip */
  invert?: boolean;
}

export type ChangeFields = Omit<Change, 'rule' | 'severity' | 'operations' | 'symbols'> & { operations?: string[]; symbols?: string[] };

export interface Pair {
  oldId: SchemaId;
  newId: SchemaId;
  family: Family;
}

export class DiffContext {
  readonly old: Side;
  readonly new: Side;
  /** old operation key → new operation key, for operations present on both sides */
  readonly opPairs = new Map<OperationKey, OperationKey>();
  private readonly found = new Map<string, Change>();
  private readonly queue: Pair[] = [];
  /** every named pair compared, in order */
  readonly compared: Pair[] = [];
  private readonly queued = new Set<string>();

  /** string enums that responses carry are generated open (`enums.responses: "open"`) */
  readonly openEnums: boolean;

  constructor(old: Side, neu: Side, openEnums = false) {
    this.old = old;
    this.new = neu;
    this.openEnums = openEnums;
  }

  /**
   * Report a change under a plain rule. `perOperation`: the change is to the operation (a
   * parameter or response added to it), so a shared component pointer does not merge it
   * with the same change to other operations; otherwise the change is to the node at
   * `pointer`, reported once with every operation that uses it.
   */
  plain(rule: string, fields: ChangeFields, perOperation = false): void {
    this.add({ ...fields, rule, severity: plainSeverity(rule), operations: fields.operations ?? [], symbols: fields.symbols ?? [] }, perOperation);
  }

  /** Report a schema change at a site: the rule id is `<family>-<suffix>`. */
  schema(site: Site, suffix: SchemaRuleId, fields: Omit<ChangeFields, 'direction' | 'operations'>): void {
    const direction = familyDirection(site.family);
    this.add({
      ...fields,
      rule: `${site.family}-${suffix}`,
      severity: schemaSeverity(suffix, site.invert ? invertFamily(site.family) : site.family),
      operations: site.operations,
      symbols: fields.symbols ?? [site.symbol],
      direction,
    });
  }

  private add(c: Change, perOperation = false): void {
    // one change per rule and node (and value: one per enum value); the first message stays
    const key = [c.rule, c.pointer, c.direction ?? '', stable(c.old), stable(c.new), perOperation ? c.operations.join(',') : ''].join('\u0000');
    const seen = this.found.get(key);
    if (seen) {
      seen.operations = union(seen.operations, c.operations);
      seen.symbols = union(seen.symbols, c.symbols, false);
      if (seen.operations.length > 0) seen.operation = seen.operations[0];
      return;
    }
    c.operations = [...new Set(c.operations)].sort();
    if (c.operations.length > 0) c.operation = c.operations[0];
    else delete c.operation;
    this.found.set(key, c);
  }

  /** Compare two named schemas later (once per family): `$ref` met on both sides. */
  enqueue(oldId: SchemaId, newId: SchemaId, family: Family): void {
    const named = namedFamily(family);
    const key = `${named}\u0000${oldId}\u0000${newId}`;
    if (this.queued.has(key)) return;
    if (!this.old.schemas.has(oldId) || !this.new.schemas.has(newId)) return;
    // a schema some operation uses is analysed in that operation's direction(s) instead
    if (named === 'schema' && (isUsed(this.old.usage.get(oldId)) || isUsed(this.new.usage.get(newId)))) return;
    this.queued.add(key);
    this.queue.push({ oldId, newId, family: named });
  }

  /** Compare every queued pair (and the pairs those enqueue) with `compare`. */
  drain(compare: (o: NamedSchema, n: NamedSchema, site: Site) => void): void {
    while (this.queue.length > 0) {
      const p = this.queue.shift()!;
      this.compared.push(p);
      const o = this.old.schemas.get(p.oldId)!;
      const n = this.new.schemas.get(p.newId)!;
      compare(o, n, { family: p.family, operations: this.pairOperations(p.oldId, p.newId, familyDirection(p.family)), symbol: this.new.names.schema.get(n.id) ?? n.nameHint });
    }
  }

  /**
   * The operations (new keys, present on both sides) that reach this pair in this direction:
   * for one schema, those using it on either side; for a pair of different schemas (a `$ref`
   * that now points elsewhere), those that used the old one and use the new one.
   */
  pairOperations(oldId: SchemaId, newId: SchemaId, dir: Direction): string[] {
    if (dir === 'none') return [];
    const now = new Set<string>();
    for (const key of this.new.usage.get(newId)?.[dir] ?? []) if (this.isPairedNew(key)) now.add(key);
    const before = new Set<string>();
    for (const key of this.old.usage.get(oldId)?.[dir] ?? []) {
      const mapped = this.opPairs.get(key);
      if (mapped) before.add(mapped);
    }
    if (oldId === newId) return [...new Set([...now, ...before])].sort();
    const both = [...now].filter((k) => before.has(k));
    return (both.length > 0 ? both : [...now]).sort();
  }

  private pairedNew: Set<string> | undefined;
  private isPairedNew(key: string): boolean {
    this.pairedNew ??= new Set(this.opPairs.values());
    return this.pairedNew.has(key);
  }

  /** The changes found, in a stable order. */
  changes(): Change[] {
    return [...this.found.values()].sort(compareChanges);
  }
}

function stable(v: unknown): string {
  return v === undefined ? '' : JSON.stringify(v) ?? '';
}

function isUsed(u: { read: Set<string>; write: Set<string> } | undefined): boolean {
  return !!u && (u.read.size > 0 || u.write.size > 0);
}

/** The family whose direction is the opposite (for schemas under `not`). */
export function invertFamily(family: Family): Family {
  const dir = familyDirection(family);
  return dir === 'write' ? 'response' : dir === 'read' ? 'request' : family;
}

/** Named schemas reached from parameters are analysed as request data, from headers as response data. */
function namedFamily(family: Family): Family {
  const dir = familyDirection(family);
  return dir === 'write' ? 'request' : dir === 'read' ? 'response' : 'schema';
}

const SEVERITY_ORDER = { breaking: 0, warning: 1, info: 2 } as const;

export function compareChanges(a: Change, b: Change): number {
  return (
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    cmp(a.operation ?? '\uffff', b.operation ?? '\uffff') ||
    cmp(a.pointer, b.pointer) ||
    cmp(a.rule, b.rule) ||
    cmp(a.message, b.message)
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function union(a: string[], b: string[], sort = true): string[] {
  const out = [...new Set([...a, ...b])];
  return sort ? out.sort() : out;
}
