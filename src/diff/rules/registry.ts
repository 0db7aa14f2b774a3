/**
 * The rule catalogue: every rule id `oagen diff` can report, with its severity and one line
 * of documentation. Rule ids are stable: tools filter on them.
 *
 * Two kinds of rules:
 * - plain rules (`operation-removed`, `param-moved`, …) with one severity;
 * - schema rules, reported wherever a schema is compared: the id is a family prefix plus a
 *   suffix (`request-` + `property-required-added`), and the severity follows the direction
 *   of the data: the suffix has one severity for `write` (request, param) and one for `read`
 *   (response, response-header). The `schema-` family (named schemas no operation uses) is
 *   always `info`.
 */
import type { Direction, Family, Severity } from '../types.js';

export interface PlainRule {
  severity: Severity;
  doc: string;
}

export interface SchemaRule {
  write: Severity;
  read: Severity;
  doc: string;
  /** the `param-` family's severity, where it differs from `write` (a parameter's own schema) */
  param?: Severity;
}

const plain = new Map<string, PlainRule>();
const schema = new Map<string, SchemaRule>();

/** Register a family's plain rules (each family file calls this once, at import). */
export function definePlainRules<K extends string>(rules: Record<K, PlainRule>): Record<K, PlainRule> {
  for (const [id, r] of Object.entries<PlainRule>(rules)) {
    if (plain.has(id)) throw new Error(`rule '${id}' defined twice`);
    plain.set(id, r);
  }
  return rules;
}

/** Register schema rule suffixes. */
export function defineSchemaRules<K extends string>(rules: Record<K, SchemaRule>): Record<K, SchemaRule> {
  for (const [id, r] of Object.entries<SchemaRule>(rules)) {
    if (schema.has(id)) throw new Error(`schema rule '${id}' defined twice`);
    schema.set(id, r);
  }
  return rules;
}

export const FAMILIES: readonly Family[] = ['request', 'param', 'response', 'response-header', 'schema'];

export function familyDirection(family: Family): Direction {
  switch (family) {
    case 'request':
    case 'param':
      return 'write';
    case 'response':
    case 'response-header':
      return 'read';
    default:
      return 'none';
  }
}

export function plainSeverity(id: string): Severity {
  const r = plain.get(id);
  if (!r) throw new Error(`unknown diff rule '${id}'`);
  return r.severity;
}

export function schemaSeverity(suffix: string, family: Family): Severity {
  const r = schema.get(suffix);
  if (!r) throw new Error(`unknown schema diff rule '${suffix}'`);
  if (family === 'param' && r.param) return r.param;
  const dir = familyDirection(family);
  return dir === 'write' ? r.write : dir === 'read' ? r.read : 'info';
}

/** Every rule id with its severity and documentation, sorted (for docs and tests). */
export function allRules(): { id: string; severity: string; doc: string }[] {
  const out: { id: string; severity: string; doc: string }[] = [];
  for (const [id, r] of plain) out.push({ id, severity: r.severity, doc: r.doc });
  for (const [suffix, r] of schema) {
    for (const family of FAMILIES) {
      out.push({ id: `${family}-${suffix}`, severity: schemaSeverity(suffix, family), doc: r.doc });
    }
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The schema rule suffixes with both severities (for docs). */
export function schemaRules(): { suffix: string; write: Severity; read: Severity; param?: Severity; doc: string }[] {
  return [...schema].map(([suffix, r]) => ({ suffix, ...r })).sort((a, b) => (a.suffix < b.suffix ? -1 : 1));
}

export function plainRules(): { id: string; severity: Severity; doc: string }[] {
  return [...plain].map(([id, r]) => ({ id, ...r })).sort((a, b) => (a.id < b.id ? -1 : 1));
}
