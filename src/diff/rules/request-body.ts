/**
 * Request bodies: presence, required flips, media types (matched case-insensitively,
 * without parameters), and the schema of each media type kept (`request-…` schema rules,
 * direction write).
 */
import type { MediaContent, Operation } from '../../ir/types.js';
import type { DiffContext } from '../context.js';
import { memberSymbol, paramsSymbol } from '../symbols.js';
import { definePlainRules } from './registry.js';
import { compareSchema } from './schema/compare.js';

export const REQUEST_BODY_RULES = definePlainRules({
  'request-body-added': { severity: 'info', doc: 'an optional request body was added' },
  'request-body-required-added': { severity: 'breaking', doc: 'a required request body was added' },
  'request-body-removed': { severity: 'warning', doc: 'the request body was removed' },
  'request-body-became-required': { severity: 'breaking', doc: 'the request body became required' },
  'request-body-became-optional': { severity: 'info', doc: 'the request body became optional' },
  'request-media-type-added': { severity: 'info', doc: 'the request body accepts a new media type' },
  'request-media-type-removed': { severity: 'breaking', doc: 'the request body no longer accepts a media type' },
});

export function mediaKey(m: string): string {
  return m.split(';')[0].trim().toLowerCase();
}

/**
 * XML bodies: every value is text on the wire, so `string` admits what `object` does (an
 * object becoming a string accepts more; the reverse, fewer), not an unrelated type.
 */
export function looselyTyped(mediaKey: string): boolean {
  return /^(application|text)\/(.+\+)?xml$/.test(mediaKey);
}

export function byMediaType(contents: MediaContent[]): Map<string, MediaContent> {
  return new Map(contents.map((c) => [mediaKey(c.mediaType), c]));
}

export function compareRequestBody(ctx: DiffContext, o: Operation, n: Operation): void {
  const ob = o.requestBody && o.requestBody.contents.length > 0 ? o.requestBody : undefined;
  const nb = n.requestBody && n.requestBody.contents.length > 0 ? n.requestBody : undefined;
  const body = memberSymbol(paramsSymbol(ctx.new, n), 'body');
  const at = { operations: [n.key], symbols: [body] };
  if (!ob && !nb) return;
  if (!ob && nb) {
    ctx.plain(nb.required ? 'request-body-required-added' : 'request-body-added', { ...at, pointer: nb.pointer, message: `${n.key}: ${nb.required ? 'required' : 'optional'} request body added` }, true);
    return;
  }
  if (ob && !nb) {
    ctx.plain('request-body-removed', { ...at, pointer: ob.pointer, message: `${n.key}: request body removed`, symbols: [memberSymbol(paramsSymbol(ctx.old, o), 'body')] }, true);
    return;
  }
  if (!ob || !nb) return;
  if (!ob.required && nb.required) ctx.plain('request-body-became-required', { ...at, pointer: nb.pointer, message: 'request body became required', old: false, new: true });
  if (ob.required && !nb.required) ctx.plain('request-body-became-optional', { ...at, pointer: nb.pointer, message: 'request body became optional', old: true, new: false });
  const before = byMediaType(ob.contents);
  const after = byMediaType(nb.contents);
  for (const [m, c] of before) {
    if (!after.has(m)) ctx.plain('request-media-type-removed', { ...at, pointer: ob.pointer, message: `request body no longer accepts ${c.mediaType}`, old: c.mediaType });
  }
  for (const [m, c] of after) {
    const was = before.get(m);
    if (!was) {
      ctx.plain('request-media-type-added', { ...at, pointer: nb.pointer, message: `request body accepts ${c.mediaType}`, new: c.mediaType });
      continue;
    }
    compareSchema(ctx, was.schema, c.schema, { family: 'request', operations: [n.key], symbol: body, ...(looselyTyped(m) ? { loose: true } : {}) });
  }
}
