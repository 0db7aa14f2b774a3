/**
 * The config's `"enums": { "responses": "open" }`: string enums that responses can carry are
 * generated open (`'a' | 'b' | (string & {})`), so a value the API adds later neither fails
 * to type-check nor stops an exhaustive `switch` from compiling after regeneration; editors
 * still complete the known values. Applied, like `include`, to the IR of one client.
 *
 * Opened: enums inside response bodies and headers, and inside every named schema a response
 * reaches (through `$ref`s and discriminator mappings), including schemas requests use too
 * (they have one type). Enums only requests use stay closed. Discriminator tags stay closed
 * (they are how unions narrow), and so do enums that are not all strings.
 */
import type { ApiIR, Schema, SchemaId } from '../ir/types.js';
import { children, mapList, mapSchema } from '../ir/walk.js';

export type EnumsOption = { responses?: 'open' | 'closed' };

export function openResponseEnums(ir: ApiIR): ApiIR {
  const byId = new Map(ir.schemas.map((n) => [n.id, n.schema]));
  const tags = new Set<string>();
  const keep = new Set<Schema>();
  const reached = new Set<SchemaId>();
  const stack: SchemaId[] = [];
  const scan = (s: Schema): void => {
    if (s.kind === 'ref') stack.push(s.target);
    if (s.kind === 'union' && s.discriminator) for (const m of s.discriminator.mapping) stack.push(m.target);
    children(s).forEach(scan);
  };
  for (const n of ir.schemas) scanTags(n.schema, tags);
  for (const op of ir.operations) for (const r of op.responses) for (const x of [...r.contents, ...r.headers]) scan(x.schema);
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (reached.has(id) || !byId.has(id)) continue;
    reached.add(id);
    scan(byId.get(id)!);
  }
  const markTags = (s: Schema): void => {
    if (s.kind === 'object') for (const p of s.properties) if (tags.has(p.name)) keep.add(p.schema);
    children(s).forEach(markTags);
  };
  for (const n of ir.schemas) markTags(n.schema);
  for (const op of ir.operations) for (const r of op.responses) for (const c of r.contents) markTags(c.schema);

  const open = (s: Schema): Schema =>
    mapSchema(s, (node) => (node.kind === 'enum' && !node.open && !keep.has(node) && node.values.length > 0 && node.values.every((v) => typeof v === 'string') ? { ...node, open: true } : node));
  const withSchema = <T extends { schema: Schema }>(x: T): T => {
    const schema = open(x.schema);
    return schema === x.schema ? x : { ...x, schema };
  };
  const schemas = mapList(ir.schemas, (n) => {
    if (!reached.has(n.id)) return n;
    const schema = open(n.schema);
    return schema === n.schema ? n : { ...n, schema };
  });
  const operations = mapList(ir.operations, (op) => {
    const responses = mapList(op.responses, (r) => {
      const contents = mapList(r.contents, withSchema);
      const headers = mapList(r.headers, withSchema);
      return contents === r.contents && headers === r.headers ? r : { ...r, contents, headers };
    });
    return responses === op.responses ? op : { ...op, responses };
  });
  return schemas === ir.schemas && operations === ir.operations ? ir : { ...ir, schemas, operations };
}

function scanTags(s: Schema, into: Set<string>): void {
  if (s.kind === 'union' && s.discriminator) into.add(s.discriminator.property);
  for (const c of children(s)) scanTags(c, into);
}
