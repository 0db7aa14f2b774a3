import type { ApiIR, Schema, SchemaId } from './types.js';

/** Follow `$ref`s to the schema they name (at most 16 hops: a longer chain is a cycle); `unknown` for a missing target. */
export function resolveRef(s: Schema, schemas: ReadonlyMap<SchemaId, Schema>): Schema {
  for (let i = 0; s.kind === 'ref' && i < 16; i++) s = schemas.get(s.target) ?? { kind: 'unknown', pointer: s.pointer };
  return s;
}

/** The direct sub-schemas of a node. */
export function children(s: Schema): Schema[] {
  switch (s.kind) {
    case 'array':
      return s.prefixItems ? [...s.prefixItems, s.items] : [s.items];
    case 'object':
      return s.additional ? [...s.properties.map((p) => p.schema), s.additional] : s.properties.map((p) => p.schema);
    case 'union':
    case 'intersection':
      return s.members;
    default:
      return [];
  }
}

/**
 * Rebuild a schema bottom-up: `f` sees each node after its children were mapped.
 * Nodes whose children did not change are passed through as they are (no copies).
 */
export function mapSchema(s: Schema, f: (s: Schema) => Schema): Schema {
  let node: Schema = s;
  switch (s.kind) {
    case 'array': {
      const items = mapSchema(s.items, f);
      const prefixItems = s.prefixItems?.map((m) => mapSchema(m, f));
      if (items !== s.items || (prefixItems && prefixItems.some((m, i) => m !== s.prefixItems![i]))) {
        node = { ...s, items, ...(prefixItems ? { prefixItems } : {}) };
      }
      break;
    }
    case 'object': {
      let changed = false;
      const properties = s.properties.map((p) => {
        const schema = mapSchema(p.schema, f);
        if (schema === p.schema) return p;
        changed = true;
        return { ...p, schema };
      });
      const additional = s.additional && mapSchema(s.additional, f);
      if (changed || additional !== s.additional) node = { ...s, properties, ...(additional ? { additional } : {}) };
      break;
    }
    case 'union':
    case 'intersection': {
      const members = s.members.map((m) => mapSchema(m, f));
      if (members.some((m, i) => m !== s.members[i])) node = { ...s, members };
      break;
    }
  }
  return f(node);
}

/**
 * Apply a schema transform to every schema of the document: named schemas, parameters,
 * bodies, responses, webhook payloads and headers. A schema object of an operation met more than once (the parser shares
 * the schemas of shared parameters and responses) is mapped once, and the result is shared
 * the same way.
 * Operations, parameters and responses whose schemas did not change are kept as they are.
 */
export function mapDocument(ir: ApiIR, f: (s: Schema) => Schema): ApiIR {
  const done = new Map<Schema, Schema>();
  const m = (s: Schema): Schema => {
    let out = done.get(s);
    if (out === undefined) {
      out = mapSchema(s, f);
      done.set(s, out);
    }
    return out;
  };
  const withSchema = <T extends { schema: Schema }>(x: T): T => {
    const schema = m(x.schema);
    return schema === x.schema ? x : { ...x, schema };
  };
  // named schemas first (passes report in document order); each is its own object, so no lookups
  const schemas = mapList(ir.schemas, (n) => {
    const schema = mapSchema(n.schema, f);
    return schema === n.schema ? n : { ...n, schema };
  });
  const operations = mapList(ir.operations, (op) => {
    const parameters = mapList(op.parameters, withSchema);
    const contents = op.requestBody && mapList(op.requestBody.contents, withSchema);
    const responses = mapList(op.responses, (r) => {
      const rc = mapList(r.contents, withSchema);
      const headers = mapList(r.headers, withSchema);
      return rc === r.contents && headers === r.headers ? r : { ...r, contents: rc, headers };
    });
    if (parameters === op.parameters && contents === op.requestBody?.contents && responses === op.responses) return op;
    return { ...op, parameters, ...(op.requestBody ? { requestBody: { ...op.requestBody, contents: contents! } } : {}), responses };
  });
  const webhooks =
    ir.webhooks &&
    mapList(ir.webhooks, (h) => {
      const headers = mapList(h.headers, withSchema);
      const contents = h.payload && mapList(h.payload.contents, withSchema);
      if (headers === h.headers && contents === h.payload?.contents) return h;
      return { ...h, headers, ...(h.payload ? { payload: { ...h.payload, contents: contents! } } : {}) };
    });
  return { ...ir, schemas, operations, ...(webhooks ? { webhooks } : {}) };
}

/** `list.map(f)`, or `list` itself when `f` changed no item. */
export function mapList<T>(list: T[], f: (x: T) => T): T[] {
  let out: T[] | undefined;
  for (let i = 0; i < list.length; i++) {
    const x = f(list[i]);
    if (out === undefined && x !== list[i]) out = list.slice(0, i);
    out?.push(x);
  }
  return out ?? list;
}

/**
 * A structural key of a schema: equal for schemas that mean the same type, whatever
 * their location or documentation (pointer, title, description, example, deprecated are
 * left out). Used to dedupe union members and to hash named schemas for the name lock.
 */
export function structuralKey(s: Schema): string {
  // The facts of a node besides its structure and documentation, in a fixed order:
  // constraints, default, discriminator, format, integer, keyword, nullable, open, readOnly,
  // target, value, values, writeOnly. Read by name (this runs for every node, of every shape:
  // a loop over key names would be a slow keyed lookup each).
  const n = s as unknown as Record<string, unknown> & { constraints?: unknown; default?: unknown; discriminator?: unknown; format?: unknown; integer?: unknown; keyword?: unknown; nullable?: unknown; open?: unknown; readOnly?: unknown; target?: unknown; value?: unknown; values?: unknown; writeOnly?: unknown };
  let out = '(' + s.kind;
  if (n.constraints !== undefined) out += fact('constraints', n.constraints);
  if (n.default !== undefined) out += fact('default', n.default);
  if (n.discriminator !== undefined) out += fact('discriminator', n.discriminator);
  if (n.format !== undefined) out += fact('format', n.format);
  if (n.integer !== undefined) out += fact('integer', n.integer);
  if (n.keyword !== undefined) out += fact('keyword', n.keyword);
  if (n.nullable !== undefined) out += fact('nullable', n.nullable);
  if (n.open !== undefined) out += fact('open', n.open);
  if (n.readOnly !== undefined) out += fact('readOnly', n.readOnly);
  if (n.target !== undefined) out += fact('target', n.target);
  if (n.value !== undefined) out += fact('value', n.value);
  if (n.values !== undefined) out += fact('values', n.values);
  if (n.writeOnly !== undefined) out += fact('writeOnly', n.writeOnly);
  switch (s.kind) {
    case 'array':
      out += ' items' + structuralKey(s.items);
      if (s.prefixItems) for (const m of s.prefixItems) out += structuralKey(m);
      break;
    case 'object':
      for (const p of s.properties) out += ' ' + JSON.stringify(p.name) + (p.required ? '!' : '?') + structuralKey(p.schema);
      if (s.additional) out += ' *' + structuralKey(s.additional);
      break;
    case 'union':
    case 'intersection':
      for (const m of s.members) out += structuralKey(m);
      break;
  }
  return out + ')';
}

function fact(k: string, v: unknown): string {
  return ' ' + k + '=' + (typeof v === 'string' ? JSON.stringify(v) : typeof v === 'boolean' || typeof v === 'number' ? String(v) : canonical(v));
}

function canonical(v: unknown): string {
  if (Array.isArray(v)) return '[' + v.map(canonical).join(',') + ']';
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o).filter((k) => k !== 'pointer' && o[k] !== undefined).sort();
    return '{' + keys.map((k) => JSON.stringify(k) + ':' + canonical(o[k])).join(',') + '}';
  }
  return JSON.stringify(v) ?? 'null';
}
