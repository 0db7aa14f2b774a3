/**
 * Deprecated aliases: a renamed export keeps its old name, typed exactly as the new one,
 * until the next major version of the generated package (configurable).
 *
 * The plan for one generation, from the aliases of the previous lock and the renames found
 * now (src/lock/renames.ts):
 * - an alias follows an identity (schema pointer or `METHOD /path`), so it always points to
 *   that identity's current export, through later renames; when a schema moves to another
 *   pointer, its aliases move with it; when the identity is gone, its aliases are dropped;
 * - each rename adds an alias per renamed export (a schema's type, and its value list for
 *   enums, and its request-side `<Name>Writable` type; an operation's function, params, error
 *   and stream exports), introduced in the
 *   version being generated;
 * - with `keepUntilMajor` (the default), an alias introduced in an earlier major version
 *   than the one being generated is dropped;
 * - a live name always wins: an alias whose name an export of the new package uses is
 *   dropped, with a warning when another identity took the name (W_ALIAS_SHADOWED);
 *   silently when it is the alias's own identity's name again (renamed back) or the name of
 *   an identity that kept it (two schemas that swapped structures);
 * - two aliases with the same name: the one introduced first stays (W_ALIAS_SHADOWED).
 */
import type { Diagnostics } from '../diagnostics.js';
import type { ApiIR } from '../ir/types.js';
import type { Names } from '../naming/names.js';
import { RUNTIME_EXPORTS } from '../naming/runtime-exports.js';
import { hasErrorBody } from '../view/responses.js';
import { sortAliases, type AliasRole, type LockAlias } from './format.js';
import type { Rename } from './renames.js';

export interface AliasOptions {
  /** keep aliases at all (default true); without them a rename removes the old export */
  enabled?: boolean;
  /** drop aliases when the package's major version goes up (default true); false keeps them until `--reset-names` */
  keepUntilMajor?: boolean;
}

export interface PlannedAlias extends LockAlias {
  kind: 'type' | 'value';
  /** schema aliases of enums with a value list: also `export const Old = New` */
  values?: boolean;
}

export interface DroppedAlias {
  alias: LockAlias;
  why: 'expired' | 'target-removed' | 'shadowed' | 'disabled' | 'reset' | 'live-again';
}

export interface AliasPlan {
  /** every alias the new package exports, sorted by name */
  aliases: PlannedAlias[];
  /** the ones this generation introduced */
  added: PlannedAlias[];
  /** aliases of the previous lock that the new package no longer exports */
  dropped: DroppedAlias[];
  /** renames whose old names are not kept (a live name took them) */
  lost: { rename: Rename; name: string; by: string }[];
  /** structures that moved to another pointer while their old pointer kept its name (two schemas that swapped) */
  reused: { rename: Rename; name: string; now: string }[];
}

export function planAliases(
  input: { previous: LockAlias[] | undefined; renames: Rename[]; ir: ApiIR; names: Names; version: string; previousVersion?: string },
  options: AliasOptions,
  diagnostics?: Diagnostics,
): AliasPlan {
  const { ir, names, version } = input;
  const plan: AliasPlan = { aliases: [], added: [], dropped: [], lost: [], reused: [] };
  const previous = input.previous ?? [];
  if (options.enabled === false) {
    plan.dropped = previous.map((alias) => ({ alias, why: 'disabled' as const }));
    return plan;
  }

  // Where identities went: schema pointers that moved.
  const moved = new Map<string, string>();
  for (const r of input.renames) if (r.kind === 'schema' && r.from !== r.to) moved.set(r.from, r.to);

  // Current export name of each (identity, role), and the live names of each namespace.
  const schemaIds = new Map(ir.schemas.map((n) => [n.id, n]));
  const operations = new Map(ir.operations.map((op) => [op.key as string, op]));
  const target = (of: string, role: AliasRole): string | undefined => {
    if (role === 'schema') return names.schema.get(of);
    if (role === 'writable') return names.writable?.get(of);
    const n = names.operation.get(of);
    if (!n) return undefined;
    // an operation without a typed error body exports no error type (src/view/responses.ts)
    if (role === 'error') return operations.has(of) && hasErrorBody(operations.get(of)!) ? n.error : undefined;
    return role === 'function' ? n.fn : role === 'params' ? n.params : n.stream;
  };
  const liveTypes = new Map<string, string>(); // name → identity
  const liveValues = new Map<string, string>();
  for (const name of RUNTIME_EXPORTS) {
    liveTypes.set(name, 'runtime');
    liveValues.set(name, 'runtime');
  }
  for (const [id, name] of names.schema) {
    liveTypes.set(name, id);
    if (schemaIds.get(id)?.schema.kind === 'enum') liveValues.set(name, id);
  }
  for (const [id, name] of names.writable ?? []) liveTypes.set(name, id);
  for (const [key, n] of names.operation) {
    liveValues.set(n.fn, key);
    liveTypes.set(n.params, key);
    liveTypes.set(n.error, key);
    if (n.stream) liveValues.set(n.stream, key);
  }
  const kindOf = (role: AliasRole): 'type' | 'value' => (role === 'function' || role === 'stream' ? 'value' : 'type');
  // identities that kept their pointer and their name, so that a structure match to another pointer is no loss
  const kept = (rename: Rename) => rename.kind === 'schema' && rename.match === 'structure' && names.schema.has(rename.from);

  const candidates: { alias: LockAlias; fresh: boolean; rename?: Rename }[] = [];
  for (const a of previous) {
    const of = moved.get(a.of) ?? a.of;
    candidates.push({ alias: { ...a, of }, fresh: false });
  }
  for (const r of input.renames) {
    for (const n of r.names) candidates.push({ alias: { name: n.old, role: n.role, of: r.to, target: n.new, since: version }, fresh: true, rename: r });
  }

  const byName = new Map<string, PlannedAlias>(); // `${kind}:${name}` → alias
  for (const c of candidates) {
    const a = c.alias;
    const kind = kindOf(a.role);
    const now = target(a.of, a.role);
    if (now === undefined) {
      plan.dropped.push({ alias: a, why: 'target-removed' });
      continue;
    }
    const live = (kind === 'type' ? liveTypes : liveValues).get(a.name);
    if (live !== undefined) {
      if (live === a.of) {
        if (!c.fresh) plan.dropped.push({ alias: a, why: 'live-again' });
      } else if (c.rename && kept(c.rename)) {
        plan.reused.push({ rename: c.rename, name: a.name, now });
        diagnostics?.info('I_NAME_KEPT', `'${a.name}' keeps its name; the structure it had moved to '${now}' (${c.rename.to})`, c.rename.from.startsWith('#') ? c.rename.from : undefined);
      } else {
        diagnostics?.warn('W_ALIAS_SHADOWED', `'${a.name}' was renamed to '${now}'; no deprecated alias is kept because '${a.name}' now names ${live === 'runtime' ? 'a runtime export' : live}`, a.of.startsWith('#') ? a.of : undefined);
        if (c.fresh && c.rename) plan.lost.push({ rename: c.rename, name: a.name, by: live });
        else plan.dropped.push({ alias: a, why: 'shadowed' });
      }
      continue;
    }
    if (!c.fresh && options.keepUntilMajor !== false && major(a.since) < major(version)) {
      plan.dropped.push({ alias: a, why: 'expired' });
      continue;
    }
    const key = `${kind}:${a.name}`;
    const other = byName.get(key);
    if (other) {
      diagnostics?.warn('W_ALIAS_SHADOWED', `two renamed exports were named '${a.name}'; the alias of '${other.target}' is kept, not the one of '${now}'`);
      if (c.fresh && c.rename) plan.lost.push({ rename: c.rename, name: a.name, by: other.of });
      else plan.dropped.push({ alias: a, why: 'shadowed' });
      continue;
    }
    const values = a.role === 'schema' && schemaIds.get(a.of)?.schema.kind === 'enum' && hasValues(schemaIds.get(a.of)!.schema) && !liveValues.has(a.name);
    const planned: PlannedAlias = { name: a.name, role: a.role, of: a.of, target: now, since: a.since, kind, ...(values ? { values: true } : {}) };
    byName.set(key, planned);
    if (c.fresh) {
      plan.added.push(planned);
      diagnostics?.info('I_NAME_RENAMED', `'${a.name}' was renamed to '${now}'; '${a.name}' stays exported as a deprecated alias`, a.of.startsWith('#') ? a.of : undefined);
    }
  }
  plan.aliases = sortAliases([...byName.values()]);
  plan.added = sortAliases(plan.added);
  plan.dropped = plan.dropped.sort((x, y) => (x.alias.name < y.alias.name ? -1 : x.alias.name > y.alias.name ? 1 : 0));
  return plan;
}

/** Whether an enum schema emits an `as const` list of its values (src/plugins/client/models.ts). */
function hasValues(s: ApiIR['schemas'][number]['schema']): boolean {
  return s.kind === 'enum' && s.values.some((v) => v !== null);
}

/** The major version number of a semver string (NaN-safe: 0 when unreadable). */
export function major(version: string): number {
  const m = /^(\d+)\./.exec(version);
  return m ? Number(m[1]) : 0;
}
