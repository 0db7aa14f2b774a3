/**
 * Inline request and success-response bodies that are objects, unions or enums get a
 * named type of their own (`CreateFooBody`, `ListFoosResponse`): readers and docs can
 * then name them. Their identity is their pointer, so the name lock and diff can follow them.
 */
import { unescapeSegment } from '../load/pointer.js';
import type { ApiIR, MediaContent, NamedSchema, Operation, Schema } from '../ir/types.js';
import { mapList } from '../ir/walk.js';

const HOISTED = new Set<Schema['kind']>(['object', 'union', 'intersection', 'enum']);

export function hoistBodies(ir: ApiIR): ApiIR {
  const added = new Map<string, NamedSchema>();
  const existing = new Set(ir.schemas.map((n) => n.id));
  const hoist = (op: Operation, suffix: string, c: MediaContent): MediaContent => {
    if (!HOISTED.has(c.schema.kind)) return c;
    const { pointer } = c.schema;
    // Another operation `$ref`s this very body: it is a named schema already.
    if (existing.has(pointer)) return { ...c, schema: { kind: 'ref', target: pointer, pointer } };
    // A body shared through `components/responses` or `components/requestBodies` is named
    // after that component, once; an operation's own body after the operation.
    if (!added.has(pointer)) {
      const shared = /^#\/components\/(responses|requestBodies)\/([^/]+)\//.exec(pointer);
      const nameHint = shared ? `${unescapeSegment(shared[2])} ${shared[1] === 'responses' ? 'response' : 'body'}` : `${op.operationId ?? `${op.method} ${op.path}`} ${suffix}`;
      added.set(pointer, { id: pointer, nameHint, schema: c.schema });
    }
    return { ...c, schema: { kind: 'ref', target: pointer, pointer } };
  };
  const operations = mapList(ir.operations, (op) => {
    const body = op.requestBody;
    const contents = body && mapList(body.contents, (c) => hoist(op, body.contents.length > 1 ? `${kindOf(c.mediaType)} body` : 'body', c));
    let successes = 0;
    for (const r of op.responses) if (r.status.startsWith('2')) successes++;
    const responses = mapList(op.responses, (r) => {
      if (!r.status.startsWith('2')) return r;
      const rc = mapList(r.contents, (c) => hoist(op, `${successes > 1 ? `${r.status} ` : ''}${r.contents.length > 1 ? `${kindOf(c.mediaType)} ` : ''}response`, c));
      return rc === r.contents ? r : { ...r, contents: rc };
    });
    if (contents === body?.contents && responses === op.responses) return op;
    return { ...op, ...(body ? { requestBody: { ...body, contents: contents! } } : {}), responses };
  });
  if (added.size === 0) return ir;
  const schemas = [...ir.schemas, ...added.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { ...ir, schemas, operations };
}

function kindOf(mediaType: string): string {
  if (/json/i.test(mediaType)) return 'json';
  if (/multipart/i.test(mediaType)) return 'multipart';
  if (/x-www-form-urlencoded/i.test(mediaType)) return 'form';
  if (/event-stream/i.test(mediaType)) return 'event';
  return mediaType.split('/').pop() ?? 'other';
}
