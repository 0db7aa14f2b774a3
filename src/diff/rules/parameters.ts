/**
 * Parameters: matched by location and name (header names case-insensitively); path
 * parameters whose name changed but whose position in an unchanged path did not are a
 * rename the wire does not see. Then a name at another location is a move; the rest are
 * added or removed. Matched parameters: required, deprecation, serialization (style,
 * explode, allowReserved, JSON content) and their schema (`param-…` schema rules).
 */
import type { Operation, Parameter } from '../../ir/types.js';
import type { DiffContext } from '../context.js';
import { memberSymbol, paramsSymbol } from '../symbols.js';
import { pathTemplate } from './operations.js';
import { definePlainRules } from './registry.js';
import { compareSchema } from './schema/compare.js';

export const PARAMETER_RULES = definePlainRules({
  'param-added': { severity: 'info', doc: 'an optional parameter was added' },
  'param-required-added': { severity: 'breaking', doc: 'a required parameter was added' },
  'param-removed': { severity: 'warning', doc: 'a parameter was removed (servers ignore or reject it when sent)' },
  'param-moved': { severity: 'breaking', doc: 'a parameter moved to another location (query → header, …)' },
  'param-renamed': { severity: 'info', doc: 'a path parameter was renamed (the URL is the same; the generated params key changes)' },
  'param-became-required': { severity: 'breaking', doc: 'an optional parameter became required' },
  'param-became-optional': { severity: 'info', doc: 'a required parameter became optional' },
  'param-deprecated': { severity: 'info', doc: 'a parameter was marked deprecated' },
  'param-style-changed': { severity: 'breaking', doc: 'the serialization style changed (form, simple, deepObject, …)' },
  'param-explode-changed': { severity: 'breaking', doc: 'explode changed: arrays and objects are serialized differently' },
  'param-allow-reserved-changed': { severity: 'warning', doc: 'allowReserved changed' },
  'param-content-changed': { severity: 'breaking', doc: 'the parameter switched between a schema and JSON content' },
});

const key = (p: Parameter) => `${p.in}:${p.in === 'header' ? p.name.toLowerCase() : p.name}`;

function style(p: Parameter): string {
  return p.style ?? (p.in === 'query' || p.in === 'cookie' ? 'form' : 'simple');
}

function explode(p: Parameter): boolean {
  return p.explode ?? style(p) === 'form';
}

export function compareParameters(ctx: DiffContext, o: Operation, n: Operation): void {
  const params = paramsSymbol(ctx.new, n);
  const sym = (p: Parameter) => memberSymbol(params, p.name);
  const before = new Map(o.parameters.map((p) => [key(p), p]));
  const after = new Map(n.parameters.map((p) => [key(p), p]));
  const pairs: [Parameter, Parameter][] = [];

  // path parameters renamed in place: same path shape, same position
  if (pathTemplate(o.path) === pathTemplate(n.path)) {
    const on = [...o.path.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]);
    const nn = [...n.path.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]);
    on.forEach((name, i) => {
      const was = before.get(`path:${name}`);
      const is = after.get(`path:${nn[i]}`);
      if (name === nn[i] || !was || !is || after.has(`path:${name}`)) return;
      before.delete(key(was));
      after.delete(key(is));
      pairs.push([was, is]);
      ctx.plain('param-renamed', { pointer: is.pointer, operations: [n.key], message: `${n.key}: path parameter {${name}} renamed to {${nn[i]}}`, old: name, new: nn[i], symbols: [memberSymbol(paramsSymbol(ctx.old, o), name), sym(is)] }, true);
    });
  }
  for (const [k, was] of before) {
    const is = after.get(k);
    if (is) {
      pairs.push([was, is]);
      after.delete(k);
      before.delete(k);
    }
  }
  // same name, another location
  for (const [k, was] of before) {
    const moved = [...after.values()].filter((p) => p.name.toLowerCase() === was.name.toLowerCase() && p.in !== was.in);
    if (moved.length !== 1) continue;
    const is = moved[0];
    ctx.plain('param-moved', { pointer: is.pointer, operations: [n.key], message: `${n.key}: parameter '${was.name}' moved from ${was.in} to ${is.in}`, old: was.in, new: is.in, symbols: [sym(is)] }, true);
    before.delete(k);
    after.delete(key(is));
    pairs.push([was, is]);
  }
  for (const was of before.values()) {
    ctx.plain('param-removed', { pointer: was.pointer, operations: [n.key], message: `${n.key}: ${was.required ? 'required' : 'optional'} ${was.in} parameter '${was.name}' removed`, symbols: [memberSymbol(paramsSymbol(ctx.old, o), was.name)] }, true);
  }
  for (const is of after.values()) {
    ctx.plain(is.required ? 'param-required-added' : 'param-added', {
      pointer: is.pointer,
      operations: [n.key],
      message: `${n.key}: ${is.required ? 'required' : 'optional'} ${is.in} parameter '${is.name}' added`,
      symbols: [sym(is)],
    }, true);
  }
  for (const [was, is] of pairs) compareParameter(ctx, n, was, is, sym(is), was.in !== is.in);
}

/** Changes inside a parameter: reported once for a shared (component) parameter. */
function compareParameter(ctx: DiffContext, n: Operation, was: Parameter, is: Parameter, symbol: string, moved: boolean): void {
  const at = { pointer: is.pointer, operations: [n.key], symbols: [symbol] };
  const label = `${is.in} parameter '${is.name}'`;
  if (!was.required && is.required) ctx.plain('param-became-required', { ...at, message: `${label} became required`, old: false, new: true });
  if (was.required && !is.required) ctx.plain('param-became-optional', { ...at, message: `${label} became optional`, old: true, new: false });
  if (!was.deprecated && is.deprecated) ctx.plain('param-deprecated', { ...at, message: `${label} is deprecated` });
  if (!!was.json !== !!is.json) ctx.plain('param-content-changed', { ...at, message: `${label} is ${is.json ? 'now' : 'no longer'} sent as JSON content`, old: !!was.json, new: !!is.json });
  // a move changes the default serialization with the location: part of the move
  if (moved) {
    // nothing more to say about serialization
  } else if (style(was) !== style(is)) ctx.plain('param-style-changed', { ...at, message: `${label}: style ${style(was)} → ${style(is)}`, old: style(was), new: style(is) });
  else if (explode(was) !== explode(is)) ctx.plain('param-explode-changed', { ...at, message: `${label}: explode ${explode(was)} → ${explode(is)}`, old: explode(was), new: explode(is) });
  if (!!was.allowReserved !== !!is.allowReserved) ctx.plain('param-allow-reserved-changed', { ...at, message: `${label}: allowReserved ${!!was.allowReserved} → ${!!is.allowReserved}`, old: !!was.allowReserved, new: !!is.allowReserved });
  compareSchema(ctx, was.schema, is.schema, { family: 'param', operations: [n.key], symbol });
}
