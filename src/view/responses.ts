/**
 * What an operation answers: the success body's type and how the runtime decodes it,
 * the declared error bodies, and an optional `text/event-stream` variant.
 */
import type { MediaContent, Operation, Response, Schema } from '../ir/types.js';

export type ResponseKind = 'json' | 'text' | 'blob' | 'void' | 'sse';

export interface SuccessShape {
  kind: ResponseKind;
  /** schemas of the possible success bodies (empty for void) */
  schemas: Schema[];
  /** the statuses that carry them, for docs */
  statuses: string[];
  mediaType?: string;
  /** every declared media type of these responses (the `Accept` header), stream ones only for `sse` */
  mediaTypes: string[];
  /** `text` read from a JSON media type whose schema is a plain string (the spec's word is doubtful: no `Accept` is sent) */
  jsonString?: boolean;
}

export function isJson(mediaType: string): boolean {
  if (mediaType === 'application/json') return true; // nearly always: no regular expression
  return /^application\/(.+\+)?json(;|$)/i.test(mediaType) || /\/json$/i.test(mediaType) || mediaType === '*/*';
}

export function isEventStream(mediaType: string): boolean {
  return /^text\/event-stream/i.test(mediaType);
}

function isText(mediaType: string): boolean {
  return /^text\//i.test(mediaType) && !isEventStream(mediaType);
}

/** The success responses: 2XX codes, or `default` when no 2XX is declared. */
export function successResponses(op: Operation): Response[] {
  const ok = op.responses.filter((r) => /^2/.test(r.status));
  if (ok.length > 0) return ok;
  return op.responses.filter((r) => r.status === 'default');
}

/** The declared error responses: everything but the success responses (`ok`) and 1XX–3XX. */
export function errorResponses(op: Operation, ok: Response[] = successResponses(op)): Response[] {
  return op.responses.filter((r) => !ok.includes(r) && !/^[123]/.test(r.status));
}

/** The main (non-stream) success shape. */
/**
 * Whether the operation declares a typed error body: a JSON error response whose schema says
 * more than `unknown`. Only then does the package export its `<Operation>Error` type.
 */
export function hasErrorBody(op: Operation, errors: Response[] = errorResponses(op)): boolean {
  return errors.some((r) => r.contents.some((c) => isJson(c.mediaType) && c.schema.kind !== 'unknown'));
}

export function successShape(op: Operation, responses: Response[] = successResponses(op)): SuccessShape {
  const statuses = responses.map((r) => r.status);
  const contents = responses.flatMap((r) => r.contents);
  const json = contents.filter((c) => isJson(c.mediaType));
  const other = contents.filter((c) => !isEventStream(c.mediaType));
  const mediaTypes = [...new Set(other.map((c) => c.mediaType))];
  // A JSON media type whose schema is a plain string: what comes back is text (a file's
  // contents, say), whatever its Content-Type; the runtime decodes by the Content-Type.
  if (json.length > 0 && json.length === other.length && json.every((c) => isPlainString(c.schema))) {
    return { kind: 'text', schemas: [{ kind: 'string', pointer: json[0].schema.pointer }], statuses, mediaType: json[0].mediaType, mediaTypes, jsonString: true };
  }
  if (json.length > 0) return { kind: 'json', schemas: uniq(json), statuses, mediaType: json[0].mediaType, mediaTypes };
  if (other.length > 0) {
    const text = other.every((c) => isText(c.mediaType) && c.schema.kind !== 'binary');
    return text
      ? { kind: 'text', schemas: [{ kind: 'string', pointer: other[0].schema.pointer }], statuses, mediaType: other[0].mediaType, mediaTypes }
      : { kind: 'blob', schemas: [{ kind: 'binary', pointer: other[0].schema.pointer }], statuses, mediaType: other[0].mediaType, mediaTypes };
  }
  const sse = contents.filter((c) => isEventStream(c.mediaType));
  if (sse.length > 0) return { kind: 'sse', schemas: uniq(sse), statuses, mediaType: sse[0].mediaType, mediaTypes: [...new Set(sse.map((c) => c.mediaType))] };
  return { kind: 'void', schemas: [], statuses, mediaTypes: [] };
}

/** `type: string` with no format, enum or const: not a JSON value anyone would declare on purpose. */
function isPlainString(s: Schema): boolean {
  return s.kind === 'string' && !s.nullable && s.format === undefined;
}

/** The `text/event-stream` variant of an operation that also answers with another media type. */
export function streamShape(op: Operation, main = successShape(op), responses: Response[] = successResponses(op)): SuccessShape | undefined {
  if (main.kind === 'sse') return undefined;
  const sse = responses.flatMap((r) => r.contents).filter((c) => isEventStream(c.mediaType));
  if (sse.length === 0) return undefined;
  return { kind: 'sse', schemas: uniq(sse), statuses: responses.map((r) => r.status), mediaType: sse[0].mediaType, mediaTypes: [...new Set(sse.map((c) => c.mediaType))] };
}

function uniq(contents: MediaContent[]): Schema[] {
  const seen = new Set<string>();
  const out: Schema[] = [];
  for (const c of contents) {
    const key = c.schema.kind === 'ref' ? c.schema.target : c.schema.pointer;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(c.schema);
  }
  return out;
}
