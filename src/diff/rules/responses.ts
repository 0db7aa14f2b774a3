/**
 * Responses: status codes added and removed (success codes matter more than error codes),
 * media types, headers, and the body schema of each media type kept (`response-…` schema
 * rules, direction read).
 */
import type { Operation, Response } from '../../ir/types.js';
import type { DiffContext } from '../context.js';
import { errorSymbol, fnSymbol } from '../symbols.js';
import { definePlainRules } from './registry.js';
import { byMediaType, looselyTyped } from './request-body.js';
import { compareSchema } from './schema/compare.js';

export const RESPONSE_RULES = definePlainRules({
  'response-success-status-added': { severity: 'info', doc: 'a new success (2XX) status code' },
  'response-success-status-removed': { severity: 'breaking', doc: 'a success (2XX) status code was removed' },
  'response-error-status-added': { severity: 'info', doc: 'a new error status code (or default response)' },
  'response-error-status-removed': { severity: 'info', doc: 'an error status code (or the default response) was removed' },
  'response-media-type-added': { severity: 'info', doc: 'a response offers a new media type' },
  'response-media-type-removed': { severity: 'breaking', doc: 'a success response no longer offers a media type' },
  'response-error-media-type-removed': { severity: 'info', doc: 'an error response no longer offers a media type' },
  'response-header-added': { severity: 'info', doc: 'a response header was added' },
  'response-header-removed': { severity: 'breaking', doc: 'a required response header was removed' },
  'response-optional-header-removed': { severity: 'warning', doc: 'an optional response header was removed' },
  'response-header-became-optional': { severity: 'breaking', doc: 'a required response header became optional' },
  'response-header-became-required': { severity: 'info', doc: 'an optional response header became required' },
});

const isSuccess = (r: Response) => /^2/.test(r.status);

export function compareResponses(ctx: DiffContext, o: Operation, n: Operation): void {
  const before = new Map(o.responses.map((r) => [r.status.toUpperCase(), r]));
  const after = new Map(n.responses.map((r) => [r.status.toUpperCase(), r]));
  const fn = fnSymbol(ctx.new, n);
  const err = errorSymbol(ctx.new, n);
  for (const [status, r] of before) {
    if (after.has(status)) continue;
    ctx.plain(isSuccess(r) ? 'response-success-status-removed' : 'response-error-status-removed', {
      pointer: r.pointer,
      operations: [n.key],
      message: `${n.key}: response ${r.status} removed`,
      old: r.status,
      symbols: [isSuccess(r) ? fn : err],
    }, true);
  }
  for (const [status, r] of after) {
    const was = before.get(status);
    if (!was) {
      ctx.plain(isSuccess(r) ? 'response-success-status-added' : 'response-error-status-added', {
        pointer: r.pointer,
        operations: [n.key],
        message: `${n.key}: response ${r.status} added`,
        new: r.status,
        symbols: [isSuccess(r) ? fn : err],
      }, true);
      continue;
    }
    compareResponse(ctx, n, was, r, isSuccess(r) ? fn : err);
  }
}

function compareResponse(ctx: DiffContext, n: Operation, o: Response, r: Response, symbol: string): void {
  const at = { operations: [n.key], symbols: [symbol] };
  const before = byMediaType(o.contents);
  const after = byMediaType(r.contents);
  for (const [m, c] of before) {
    if (after.has(m)) continue;
    ctx.plain(isSuccess(r) ? 'response-media-type-removed' : 'response-error-media-type-removed', { ...at, pointer: r.pointer, message: `response ${r.status} no longer offers ${c.mediaType}`, old: c.mediaType });
  }
  for (const [m, c] of after) {
    const was = before.get(m);
    if (!was) ctx.plain('response-media-type-added', { ...at, pointer: r.pointer, message: `response ${r.status} offers ${c.mediaType}`, new: c.mediaType });
    else compareSchema(ctx, was.schema, c.schema, { family: 'response', operations: [n.key], symbol, ...(looselyTyped(m) ? { loose: true } : {}) });
  }
  const hb = new Map(o.headers.map((h) => [h.name.toLowerCase(), h]));
  const ha = new Map(r.headers.map((h) => [h.name.toLowerCase(), h]));
  for (const [k, h] of hb) {
    if (ha.has(k)) continue;
    ctx.plain(h.required ? 'response-header-removed' : 'response-optional-header-removed', { ...at, pointer: r.pointer, message: `response ${r.status} header '${h.name}' removed`, old: h.name });
  }
  for (const [k, h] of ha) {
    const was = hb.get(k);
    const pointer = `${r.pointer}/headers/${h.name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if (!was) {
      ctx.plain('response-header-added', { ...at, pointer, message: `response ${r.status} header '${h.name}' added`, new: h.name });
      continue;
    }
    if (was.required && !h.required) ctx.plain('response-header-became-optional', { ...at, pointer, message: `response ${r.status} header '${h.name}' became optional` });
    if (!was.required && h.required) ctx.plain('response-header-became-required', { ...at, pointer, message: `response ${r.status} header '${h.name}' became required` });
    compareSchema(ctx, was.schema, h.schema, { family: 'response-header', operations: [n.key], symbol: `${symbol} header ${h.name}` });
  }
}
