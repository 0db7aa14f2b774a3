/**
 * Parameter serialization per the OpenAPI 3.1 Parameter Object's "Style Values" and "Style
 * Examples" (#style-values, #style-examples; the 3.1.1 table, which corrects `label` without
 * explode to join with `,`). The path and query styles are RFC 6570 expansions (§3.2.2 simple,
 * §3.2.5 label, §3.2.7 matrix, §3.2.8 form); spaceDelimited, pipeDelimited and deepObject are
 * OpenAPI's own. Path, query and cookie text is percent-encoded; header values are not
 * (3.1.2 Appendix D: percent-encoding was never meant for headers).
 */
import type { ArrayFormat, ObjectFormat, StyledParamSpec } from './types.js';

/** Text of one value: `Date` as ISO 8601, nested objects as JSON (Appendix B leaves this open). */
export const toText = (value: unknown): string =>
  value instanceof Date ? value.toISOString() : typeof value === 'object' ? JSON.stringify(value) : String(value);

export const isObject = (v: unknown): v is object => typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date);

/**
 * Encoded `[key, value]` pairs of a value: the parameter's name with each item of an array (or
 * with the value itself), or an object's members; null and undefined items are left out.
 */
const pairsOf = (name: string, value: unknown, enc: (s: string) => string): string[][] =>
  (Array.isArray(value) ? value.map((v) => [name, v]) : isObject(value) ? Object.entries(value) : [[name, value]])
    .filter((pair) => pair[1] != null)
    .map(([k, v]) => [enc(k), enc(toText(v))]);

/**
 * The default styles, which every operation bundles: form + explode for query and cookie
 * (`id=1&id=2`, an object's members as `key=value` pairs; cookies joined with `; `), simple
 * for path and header (`1,2`, an object as `key,value,…`). Returns `undefined` for an absent
 * value, as `serializeParam` does. `style`, `explode` and `allowReserved` are not read: a
 * parameter that sets them to anything else carries `serialize: serializeParam` (`ParamSpec`).
 */
export function serializeDefault(spec: StyledParamSpec, value: unknown): string | undefined {
  if (value == null) return undefined;
  if (spec.json) value = JSON.stringify(value);
  const { in: where } = spec;
  const pairs = pairsOf(spec.name, value, where == 'header' ? String : encodeURIComponent);
  if (!pairs.length) return undefined;
  if (where == 'query' || where == 'cookie') return pairs.map((pair) => pair.join('=')).join(where == 'cookie' ? '; ' : '&');
  return (isObject(value) ? pairs.flat() : pairs.map((pair) => pair[1])).join(',');
}

/**
 * `allowReserved` (query only): RFC 6570 reserved expansion, where reserved characters and
 * `%XX` triples pass unchanged, except `#&=+` which would break the query string.
 */
export const encodeReserved = (s: string): string =>
  encodeURI(s)
    .replace(/%25([\dA-F]{2})/gi, '%$1')
    .replace(/[#&=+]/g, encodeURIComponent);

/** An encoder of key or value text: percent-encoding for the location, or none (headers). */
type Encode = (s: string) => string;

/**
 * The leaves of a value as `[key, value]` pairs, keys unencoded: an object's members as
 * `key[member]` (nested to any depth; with `objects: 'json'` a nested object is a leaf),
 * arrays per `arrays` (`key`, `key[]`, `key[0]`; `comma` gives one pair whose value is the
 * array of the items, for the caller to join after encoding each). Undefined and null are left
 * out; an array keeps its items' indexes. `leaf` tells which other objects are leaves (files).
 */
export function flatten(
  key: string,
  value: unknown,
  arrays: ArrayFormat = 'repeat',
  objects?: ObjectFormat,
  leaf?: (value: object) => boolean,
  out: [string, unknown][] = [],
): [string, unknown][] {
  if (value == null) return out;
  if (Array.isArray(value)) {
    if (arrays == 'comma') {
      const items = value.filter((item) => item != null);
      if (items.length) out.push([key, items]);
    } else value.forEach((item, i) => flatten(arrays == 'repeat' ? key : `${key}[${arrays == 'indexed' ? i : ''}]`, item, arrays, objects, leaf, out));
  } else if (isObject(value) && objects != 'json' && !leaf?.(value)) {
    for (const k of Object.keys(value)) flatten(`${key}[${k}]`, (value as Record<string, unknown>)[k], arrays, objects, leaf, out);
  } else out.push([key, value]);
  return out;
}

/** `name=value` pairs of flattened leaves, keys and values encoded; `comma` items joined with `,`. */
export const joinPairs = (pairs: [string, unknown][], enc: Encode, sep: string): string | undefined =>
  pairs.map(([k, v]) => `${enc(k)}=${Array.isArray(v) ? v.map((item) => enc(toText(item))).join(',') : enc(toText(v))}`).join(sep) || undefined;

/**
 * Serializes one parameter, or returns `undefined` when it is absent: undefined, null, or an
 * empty array or object (RFC 6570 §2.3 treats those as undefined). By location, the result is
 * - path: the text that replaces `{name}` (`.blue,black,brown` for label);
 * - query: encoded `name=value` pairs joined with `&`;
 * - cookie: `name=value` pairs joined with `; ` (Appendix D);
 * - header: the header value.
 *
 * `arrays` and `objects` override what the style says for that shape (query and cookie; in
 * path and header only `objects: 'json'`). deepObject nests to any depth, its arrays written
 * per `arrays` (default `repeat`: `o[k]=1&o[k]=2`). Brackets are percent-encoded (`%5B`, `%5D`),
 * as OpenAPI's Appendix E asks and as OpenAI's official client sends them.
 */
export function serializeParam(spec: StyledParamSpec, value: unknown): string | undefined {
  const { in: where } = spec;
  return serializeStyled(
    spec,
    value,
    where === 'header' ? String : spec.allowReserved && where === 'query' ? encodeReserved : encodeURIComponent,
    where === 'cookie' ? '; ' : '&',
  );
}

/** `serializeParam` with the encoding and pair separator given (form bodies use their own). */
export function serializeStyled(spec: StyledParamSpec, value: unknown, enc: Encode, sep: string): string | undefined {
  if (value == null) return undefined;
  if (spec.json) value = JSON.stringify(value);
  const { in: where, style = where === 'query' || where === 'cookie' ? 'form' : 'simple', arrays } = spec;
  const object = isObject(value);
  const objects = spec.objects ?? (style === 'deepObject' ? 'deepObject' : undefined);
  if (object && objects === 'json') return serializeStyled({ ...spec, objects: undefined, json: true }, value, enc, sep);
  const named = where === 'query' || where === 'cookie';
  // deepObject, and arrays or objects whose format is set: `name[…]` pairs
  if (named && (object ? objects === 'deepObject' : Array.isArray(value) && (arrays || style === 'deepObject'))) {
    return joinPairs(flatten(spec.name, value, arrays, objects), enc, sep);
  }
  // `objects: 'form'`: the members exploded, whatever the style
  const explode = object && objects === 'form' ? true : (spec.explode ?? style === 'form');

  const pairs = pairsOf(spec.name, value, enc);
  if (!pairs.length) return undefined;
  // RFC 6570 operators: prefix, separator of exploded items, and whether items are `name=`-prefixed.
  const [prefix, itemSep, itemsNamed] =
    style === 'label' ? ['.', '.', false] : style === 'matrix' ? [';', ';', true] : style === 'simple' ? ['', ',', false] : ['', sep, true];
  // `;` omits `=` before an empty value; `?`/`&` (form) keeps it.
  const pair = (k: string, v: string) => (v || style !== 'matrix' ? `${k}=${v}` : k);
  if (explode) return prefix + pairs.map(([k, v]) => (object || itemsNamed ? pair(k!, v!) : v)).join(itemSep);
  const joined = (object ? pairs.flat() : pairs.map((p) => p[1])).join(style === 'spaceDelimited' ? '%20' : style === 'pipeDelimited' ? '%7C' : ',');
  return prefix + (itemsNamed ? pair(enc(spec.name), joined) : joined);
}
