/**
 * readOnly / writeOnly as facts: which side each named schema is used on, which schemas get a
 * second, request-side type (`UserWritable`), and each schema as one side sees it.
 *
 * - Sides (src/ir/usage.ts, transitively through refs and discriminator mappings): `request`
 *   when reached from a parameter or a request body, `response` when reached from a response
 *   body or header (success, error, stream events) or a webhook's payload (the API sends it).
 * - A named schema that (itself or through the schemas it refers to) holds a readOnly or
 *   writeOnly property is *split* when it is used on both sides: the response side keeps the
 *   name, without writeOnly properties; the request side is a second type (its name:
 *   `Names.writable`, src/naming/names.ts) without readOnly properties, whose references to
 *   other split schemas are to their request-side types.
 * - Such a schema used on one side only keeps its one type, without the other side's properties.
 * - Schemas without readOnly / writeOnly properties, and unused ones, stay as they are (the
 *   same objects: output without readOnly / writeOnly is unchanged).
 *
 * The request-side type is a named schema of its own in the view, under a virtual id
 * (`writableId`): the printer, the docs and the plugins print and link it as any model.
 */
import type { ApiIR, Operation, Schema, SchemaId, Webhook } from '../ir/types.js';
import { closure, directRefs, reachedSides } from '../ir/usage.js';
import { mapSchema } from '../ir/walk.js';

export type Side = 'request' | 'response';

export interface ReadWriteFacts {
  /** split schemas (used on both sides with readOnly / writeOnly properties inside), sorted by id */
  readonly split: readonly SchemaId[];
  /** the one side a schema with readOnly / writeOnly properties inside is used on (split and unused ones absent) */
  readonly side: ReadonlyMap<SchemaId, Side>;
  /** whether any schema of the API (named or inline in an operation) has a readOnly or writeOnly property: when not, nothing changes */
  readonly any: boolean;
  /** `s` as `side` sees it: the other side's properties left out, references to split schemas to that side's type */
  view(s: Schema, side: Side): Schema;
}

/** The virtual id of a split schema's request-side type. (`~` followed by a letter never occurs in a JSON pointer.) */
export function writableId(id: SchemaId): SchemaId {
  return `${id}~writable`;
}

const memo = new WeakMap<ApiIR, ReadWriteFacts>();

/** The facts of an IR, computed once per IR object. */
export function readWriteFacts(ir: ApiIR): ReadWriteFacts {
  let facts = memo.get(ir);
  if (!facts) memo.set(ir, (facts = compute(ir)));
  return facts;
}

function compute(ir: ApiIR): ReadWriteFacts {
  // one walk of each named schema: what it refers to, and whether it holds such a property itself
  const own = new Set<SchemaId>();
  const graph = new Map<SchemaId, SchemaId[]>();
  for (const n of ir.schemas) {
    const refs: SchemaId[] = [];
    if (scan(n.schema, refs)) own.add(n.id);
    graph.set(n.id, refs);
  }
  const splitSet = new Set<SchemaId>();
  const side = new Map<SchemaId, Side>();
  if (own.size > 0) {
    // schemas that reach one with readOnly / writeOnly properties
    const reverse = new Map<SchemaId, SchemaId[]>();
    for (const [from, targets] of graph) {
      for (const t of targets) {
        const list = reverse.get(t);
        if (list) list.push(from);
        else reverse.set(t, [from]);
      }
    }
    const marked = closure(own, reverse);
    const { read, write } = reachedSides(ir, graph);
    const sent = webhookReach(ir, graph);
    for (const id of marked) {
      const isRead = read.has(id) || sent.has(id);
      const isWritten = write.has(id);
      if (isRead && isWritten) splitSet.add(id);
      else if (isRead) side.set(id, 'response');
      else if (isWritten) side.set(id, 'request');
    }
  }
  const split = [...splitSet].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const any = own.size > 0 || ir.operations.some((op) => operationSchemas(op).some((s) => scan(s, [])));
  const cache: Record<Side, WeakMap<Schema, Schema>> = { request: new WeakMap(), response: new WeakMap() };
  const view = (s: Schema, at: Side): Schema => {
    if (!any) return s;
    let out = cache[at].get(s);
    if (!out) cache[at].set(s, (out = sideOf(s, at, splitSet)));
    return out;
  };
  return Object.freeze({ split, side, any, view });
}

/** The named schemas webhook payloads reach (what the API sends, as it sends responses). */
function webhookReach(ir: ApiIR, graph: ReadonlyMap<SchemaId, readonly SchemaId[]>): Set<SchemaId> {
  const from = new Set<SchemaId>();
  for (const h of ir.webhooks ?? []) for (const c of h.payload?.contents ?? []) directRefs(c.schema, from);
  return closure(from, graph);
}

/** Webhooks as the response side sees their payloads (the API sends them); the same list when nothing changes. */
export function webhookSides(hooks: readonly Webhook[], facts: ReadWriteFacts): readonly Webhook[] {
  if (!facts.any) return hooks;
  let changed = false;
  const out = hooks.map((h) => {
    if (!h.payload) return h;
    const contents = h.payload.contents.map((c) => {
      const schema = facts.view(c.schema, 'response');
      return schema === c.schema ? c : { ...c, schema };
    });
    if (contents.every((c, i) => c === h.payload!.contents[i])) return h;
    changed = true;
    return { ...h, payload: { ...h.payload, contents } };
  });
  return changed ? out : hooks;
}

/** The schemas an operation holds inline: parameters, request and response bodies, response headers. */
function operationSchemas(op: Operation): Schema[] {
  return [
    ...op.parameters.map((p) => p.schema),
    ...(op.requestBody?.contents ?? []).map((c) => c.schema),
    ...op.responses.flatMap((r) => [...r.contents.map((c) => c.schema), ...r.headers.map((h) => h.schema)]),
  ];
}

/**
 * Whether a schema holds a readOnly or writeOnly property itself (not through references),
 * the named schemas it refers to directly appended to `refs` (as `directRefs` finds them;
 * repeats allowed).
 */
function scan(s: Schema, refs: SchemaId[]): boolean {
  switch (s.kind) {
    case 'ref':
      refs.push(s.target);
      return false;
    case 'object': {
      let own = false;
      for (const p of s.properties) if (scan(p.schema, refs) || p.schema.readOnly === true || p.schema.writeOnly === true) own = true;
      return (s.additional !== undefined && scan(s.additional, refs)) || own;
    }
    case 'array': {
      let own = scan(s.items, refs);
      if (s.prefixItems) for (const m of s.prefixItems) if (scan(m, refs)) own = true;
      return own;
    }
    case 'union':
    case 'intersection': {
      if (s.kind === 'union' && s.discriminator) for (const m of s.discriminator.mapping) refs.push(m.target);
      let own = false;
      for (const m of s.members) if (scan(m, refs)) own = true;
      return own;
    }
    default:
      return false;
  }
}

function sideOf(s: Schema, at: Side, split: ReadonlySet<SchemaId>): Schema {
  return mapSchema(s, (n) => {
    if (n.kind === 'object') {
      const properties = n.properties.filter((p) => !(at === 'request' ? p.schema.readOnly : p.schema.writeOnly));
      return properties.length === n.properties.length ? n : { ...n, properties };
    }
    if (at === 'response') return n;
    if (n.kind === 'ref') return split.has(n.target) ? { ...n, target: writableId(n.target) } : n;
    if (n.kind === 'union' && n.discriminator?.mapping.some((e) => split.has(e.target))) {
      const mapping = n.discriminator.mapping.map((e) => (split.has(e.target) ? { ...e, target: writableId(e.target) } : e));
      return { ...n, discriminator: { ...n.discriminator, mapping } };
    }
    return n;
  });
}

/** An operation as its two sides see it: parameters and body request-side, responses response-side (the same object when nothing changes). */
export function operationSides(op: Operation, facts: ReadWriteFacts): Operation {
  if (!facts.any) return op;
  let changed = false;
  const req = (s: Schema) => {
    const v = facts.view(s, 'request');
    if (v !== s) changed = true;
    return v;
  };
  const res = (s: Schema) => {
    const v = facts.view(s, 'response');
    if (v !== s) changed = true;
    return v;
  };
  const parameters = op.parameters.map((p) => {
    const schema = req(p.schema);
    return schema === p.schema ? p : { ...p, schema };
  });
  const requestBody = op.requestBody && { ...op.requestBody, contents: op.requestBody.contents.map((c) => ({ ...c, schema: req(c.schema) })) };
  const responses = op.responses.map((r) => ({
    ...r,
    contents: r.contents.map((c) => ({ ...c, schema: res(c.schema) })),
    headers: r.headers.map((h) => ({ ...h, schema: res(h.schema) })),
  }));
  if (!changed) return op;
  return { ...op, parameters, ...(requestBody ? { requestBody } : {}), responses };
}
