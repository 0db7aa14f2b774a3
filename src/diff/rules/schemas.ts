/**
 * Named component schemas as a whole: added, removed, renamed. The wire never sees a
 * schema's name, so these are `info` for the contract; the generated package exports one
 * type per schema, so they matter for its TypeScript surface (see src/diff/surface/).
 *
 * A rename is a schema gone from the old spec and one new in the new spec that are either
 * structurally identical (same hash, one to one) or were compared as the same node through
 * `$ref`s at the same place (src/diff/context.ts `compared`).
 *
 * Schemas that no operation uses are still compared (as the `schema-` family, all info).
 */
import type { SchemaId } from '../../ir/types.js';
import { structuralKey } from '../../ir/walk.js';
import type { DiffContext } from '../context.js';
import { schemaSymbol } from '../symbols.js';
import { definePlainRules } from './registry.js';

export const SCHEMA_COMPONENT_RULES = definePlainRules({
  'schema-added': { severity: 'info', doc: 'a component schema was added (a new exported type)' },
  'schema-removed': { severity: 'info', doc: 'a component schema was removed (its exported type is gone)' },
  'schema-renamed': { severity: 'info', doc: 'a component schema was renamed (the wire is the same; the exported type name changes)' },
});

const COMPONENT = '#/components/schemas/';

/** Before the named pairs are compared: queue the schemas no operation uses. */
export function queueUnusedSchemas(ctx: DiffContext): void {
  for (const id of ctx.old.schemas.keys()) {
    if (ctx.new.schemas.has(id)) ctx.enqueue(id, id, 'schema');
  }
}

/** After the named pairs are compared: schemas added, removed and renamed. */
export function compareComponentSchemas(ctx: DiffContext): void {
  const removed = [...ctx.old.schemas.keys()].filter((id) => id.startsWith(COMPONENT) && !ctx.new.schemas.has(id));
  const added = new Set([...ctx.new.schemas.keys()].filter((id) => id.startsWith(COMPONENT) && !ctx.old.schemas.has(id)));
  const renamed = new Map<SchemaId, SchemaId>();

  // compared through $refs at the same place
  for (const p of ctx.compared) {
    if (p.oldId === p.newId || renamed.has(p.oldId) || !removed.includes(p.oldId) || !added.has(p.newId)) continue;
    if ([...renamed.values()].includes(p.newId)) continue;
    renamed.set(p.oldId, p.newId);
  }
  // structurally identical, one to one
  const byHash = new Map<string, { old: SchemaId[]; new: SchemaId[] }>();
  const slot = (h: string) => byHash.get(h) ?? byHash.set(h, { old: [], new: [] }).get(h)!;
  const taken = new Set(renamed.values());
  for (const id of removed) if (!renamed.has(id)) slot(structuralKey(ctx.old.schemas.get(id)!.schema)).old.push(id);
  for (const id of added) if (!taken.has(id)) slot(structuralKey(ctx.new.schemas.get(id)!.schema)).new.push(id);
  for (const s of byHash.values()) if (s.old.length === 1 && s.new.length === 1) renamed.set(s.old[0], s.new[0]);

  for (const [from, to] of renamed) {
    const a = schemaSymbol(ctx.old, from);
    const b = schemaSymbol(ctx.new, to);
    ctx.plain('schema-renamed', {
      pointer: to,
      operations: ctx.pairOperations(from, to, 'read').concat(ctx.pairOperations(from, to, 'write')),
      message: `schema ${ctx.old.schemas.get(from)!.nameHint} renamed to ${ctx.new.schemas.get(to)!.nameHint}${a !== b ? ` (type ${a} → ${b})` : ''}`,
      old: from,
      new: to,
      symbols: [...new Set([a, b])],
    });
    added.delete(to);
  }
  for (const id of removed) {
    if (renamed.has(id)) continue;
    ctx.plain('schema-removed', { pointer: id, message: `schema ${ctx.old.schemas.get(id)!.nameHint} removed`, symbols: [schemaSymbol(ctx.old, id)] });
  }
  for (const id of added) ctx.plain('schema-added', { pointer: id, message: `schema ${ctx.new.schemas.get(id)!.nameHint} added`, symbols: [schemaSymbol(ctx.new, id)] });
}
