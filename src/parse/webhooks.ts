/**
 * Webhooks (OpenAPI 3.1 §4.8.1 `webhooks`: a map of Path Item Objects; the 3.0 extension
 * `x-webhooks` has the same shape) → IR webhooks, and how each event is recognised.
 */
import type { LiteralValue, NamedSchema, Schema, Webhook } from '../ir/types.js';
import { child, isObject, sortedKeys, type ParseContext } from './context.js';
import { deref, METHODS, parseOperation } from './operation.js';

/** Tag properties tried first, in this order, when several would tell the events apart. */
const PREFERRED = ['type', 'event', 'event_type', 'eventType', 'kind', 'action'];

/**
 * The document's webhooks, sorted by name then method. `webhooks` wins over `x-webhooks` when a
 * document has both. `named` holds the named schemas parsed so far (a payload `$ref` was parsed
 * while parsing it).
 */
export function parseWebhooks(doc: Record<string, unknown>, ctx: ParseContext, named: ReadonlyMap<string, NamedSchema>): Webhook[] {
  const key = isObject(doc.webhooks) ? 'webhooks' : isObject(doc['x-webhooks']) ? 'x-webhooks' : undefined;
  if (!key) return [];
  const raw = doc[key] as Record<string, unknown>;
  const hooks: Webhook[] = [];
  for (const name of sortedKeys(raw)) {
    const item = deref(raw[name], child(`#/${key}`, name), ctx);
    if (!isObject(item.node)) continue;
    const shared = Array.isArray(item.node.parameters) ? item.node.parameters : [];
    for (const method of METHODS) {
      const node = item.node[method];
      if (!isObject(node)) continue;
      const op = parseOperation(name, method, node, shared, child(item.pointer, method), child(item.pointer, 'parameters'), ctx);
      hooks.push({
        key: `${op.method} ${name}`,
        name,
        method: op.method,
        ...(op.operationId ? { operationId: op.operationId } : {}),
        ...(op.summary !== undefined ? { summary: op.summary } : {}),
        ...(op.description !== undefined ? { description: op.description } : {}),
        deprecated: op.deprecated,
        ...(op.requestBody ? { payload: op.requestBody } : {}),
        headers: op.parameters.filter((p) => p.in === 'header'),
        pointer: op.pointer,
      });
    }
  }
  identifyEvents(hooks, named);
  return hooks;
}

/** A single-value schema's value (`const`, a one-value enum). */
function literalOf(s: Schema): LiteralValue | undefined {
  if (s.kind === 'literal') return s.value;
  if (s.kind === 'enum' && s.values.length === 1) return s.values[0];
  return undefined;
}

/**
 * Sets `event` on each webhook: a declared header with one literal value; else the required
 * payload property whose literal value differs for every webhook (`type: "batch.completed"`),
 * chosen once for all of them. A spec with neither leaves `event` unset.
 */
export function identifyEvents(hooks: Webhook[], named: ReadonlyMap<string, NamedSchema>): void {
  const tags = hooks.map((h) => {
    const out = new Map<string, LiteralValue>();
    const json = h.payload?.contents.find((c) => /\bjson\b/i.test(c.mediaType)) ?? h.payload?.contents[0];
    let s = json?.schema;
    for (let hops = 0; s?.kind === 'ref' && hops < 32; hops++) s = named.get(s.target)?.schema;
    if (s?.kind === 'object') {
      for (const p of s.properties) {
        const v = p.required ? literalOf(p.schema) : undefined;
        if (v !== undefined && v !== null) out.set(p.name, v);
      }
    }
    return out;
  });
  const candidates = [...new Set(tags.flatMap((t) => [...t.keys()]))].filter((property) => {
    const values = tags.map((t) => t.get(property));
    return values.every((v) => v !== undefined) && new Set(values).size === values.length;
  });
  candidates.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  const property = candidates[0];
  hooks.forEach((h, i) => {
    const byHeader = h.headers.map((p) => ({ name: p.name, value: literalOf(p.schema) })).find((p) => p.value !== undefined && p.value !== null);
    if (byHeader) h.event = { in: 'header', name: byHeader.name, value: String(byHeader.value) };
    else if (property !== undefined) h.event = { in: 'body', property, value: tags[i]!.get(property)! };
  });
}

function rank(property: string): number {
  const i = PREFERRED.indexOf(property);
  return i < 0 ? PREFERRED.length : i;
}
