/**
 * Facts every schema node may carry: nullable, format, default, deprecated, and the
 * readOnly / writeOnly flips that do not matter in this direction (the ones that do are
 * property additions and removals in that direction: see objects.ts).
 */
import type { Schema } from '../../../ir/types.js';
import type { DiffContext, Site } from '../../context.js';
import { familyDirection } from '../registry.js';

export function compareMeta(ctx: DiffContext, o: Schema, n: Schema, site: Site): void {
  const pointer = n.pointer;
  const sym = site.symbol;
  // `unknown` admits null already; `null` itself is a kind, compared as a type
  const nullableApplies = o.kind !== 'unknown' && n.kind !== 'unknown' && o.kind !== 'null' && n.kind !== 'null';
  if (nullableApplies && !o.nullable && n.nullable) ctx.schema(site, 'nullable-added', { pointer, message: `${sym} may now be null`, old: false, new: true });
  if (nullableApplies && o.nullable && !n.nullable) ctx.schema(site, 'nullable-removed', { pointer, message: `${sym} may no longer be null`, old: true, new: false });

  // a format that changed with the type is part of the type change
  if (o.kind === n.kind && o.kind !== 'binary' && (o.format ?? '') !== (n.format ?? '')) {
    const what = o.format === undefined ? `gained format '${n.format}'` : n.format === undefined ? `lost format '${o.format}'` : `format '${o.format}' → '${n.format}'`;
    ctx.schema(site, o.format === undefined ? 'format-added' : n.format === undefined ? 'format-removed' : 'format-changed', { pointer, message: `${sym}: ${what}`, ...(o.format !== undefined ? { old: o.format } : {}), ...(n.format !== undefined ? { new: n.format } : {}) });
  }

  if (!sameValue(o.default, n.default)) {
    const what = o.default === undefined ? `gained default ${show(n.default)}` : n.default === undefined ? `lost default ${show(o.default)}` : `default ${show(o.default)} → ${show(n.default)}`;
    // a parameter's default is what the server does for callers that omit it
    const why = site.family === 'param' ? ': callers that omit it now get other behaviour' : '';
    ctx.schema(site, 'default-changed', { pointer, message: `${sym}: ${what}${why}`, ...(o.default !== undefined ? { old: o.default } : {}), ...(n.default !== undefined ? { new: n.default } : {}) });
  }

  if (!o.deprecated && n.deprecated) ctx.schema(site, 'became-deprecated', { pointer, message: `${sym} is deprecated` });

  const dir = familyDirection(site.family);
  // In a property, the flip that matters for this direction is a presence change (objects.ts).
  const readOnlyJudged = site.inProperty && dir === 'write';
  const writeOnlyJudged = site.inProperty && dir === 'read';
  if (!readOnlyJudged && !!o.readOnly !== !!n.readOnly) {
    ctx.schema(site, 'read-only-changed', { pointer, message: `${sym} ${n.readOnly ? 'became' : 'is no longer'} read-only`, old: !!o.readOnly, new: !!n.readOnly });
  }
  if (!writeOnlyJudged && !!o.writeOnly !== !!n.writeOnly) {
    ctx.schema(site, 'write-only-changed', { pointer, message: `${sym} ${n.writeOnly ? 'became' : 'is no longer'} write-only`, old: !!o.writeOnly, new: !!n.writeOnly });
  }
}

export function sameValue(a: unknown, b: unknown): boolean {
  return stable(a) === stable(b);
}

function stable(v: unknown): string {
  if (v === undefined) return 'undefined';
  if (Array.isArray(v)) return `[${v.map(stable).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

function show(v: unknown): string {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 60 ? s.slice(0, 57) + '…' : s;
}
