/**
 * Parameter serialization per the OpenAPI 3.1 Parameter Object's "Style Values" and "Style
 * Examples" (#style-values, #style-examples; the 3.1.1 table, which corrects `label` without
 * explode to join with `,`). The path and query styles are RFC 6570 expansions (§3.2.2 simple,
 * §3.2.5 label, §3.2.7 matrix, §3.2.8 form); spaceDelimited, pipeDelimited and deepObject are
 * OpenAPI's own. Path, query and cookie text is percent-encoded; header values are not
 * (3.1.2 Appendix D: percent-encoding was never meant for headers).
 */
import type { StyledParamSpec } from './types.js';

/** Text of one value: `Date` as ISO 8601, nested objects as JSON (Appendix B leaves this open). */
const toText = (value: unknown): string =>
  value instanceof Date ? value.toISOString() : typeof value === 'object' ? JSON.stringify(value) : String(value);

const isObject = (v: unknown): v is object => typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date);

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
const encodeReserved = (s: string): string =>
  encodeURI(s)
    .replace(/%25([\dA-F]{2})/gi, '%$1')
    .replace(/[#&=+]/g, encodeURIComponent);

/**
 * Serializes one parameter, or returns `undefined` when it is absent: undefined, null, or an
 * empty array or object (RFC 6570 §2.3 treats those as undefined). By location, the result is
 * - path: the text that replaces `{name}` (`.blue,black,brown` for label);
 * - query: encoded `name=value` pairs joined with `&`;
 * - cookie: `name=value` pairs joined with `; ` (Appendix D);
 * - header: the header value.
 */
export function serializeParam(spec: StyledParamSpec, value: unknown): string | undefined {
  if (value == null) return undefined;
  if (spec.json) value = JSON.stringify(value);
  const { in: where, style = where === 'query' || where === 'cookie' ? 'form' : 'simple' } = spec;
  const explode = spec.explode ?? style === 'form';
  const enc = where === 'header' ? String : spec.allowReserved && where === 'query' ? encodeReserved : encodeURIComponent;
  const name = enc(spec.name);
  const sep = where === 'cookie' ? '; ' : '&';
  const object = isObject(value);

  // deepObject: `name[key]=value` with encoded brackets (Appendix E); nested objects nest, arrays repeat.
  if (style === 'deepObject') {
    const out: string[] = [];
    const walk = (prefix: string, v: unknown): void => {
      if (Array.isArray(v)) v.forEach((item) => walk(prefix, item));
      else if (isObject(v)) for (const [k, item] of Object.entries(v)) walk(`${prefix}%5B${enc(k)}%5D`, item);
      else if (v != null) out.push(`${prefix}=${enc(toText(v))}`);
    };
    walk(name, value);
    return out.join(sep) || undefined;
  }

  const pairs = pairsOf(spec.name, value, enc);
  if (!pairs.length) return undefined;
  // RFC 6570 operators: prefix, separator of exploded items, and whether items are `name=`-prefixed.
  const [prefix, itemSep, named] =
    style === 'label' ? ['.', '.', false] : style === 'matrix' ? [';', ';', true] : style === 'simple' ? ['', ',', false] : ['', sep, true];
  // `;` omits `=` before an empty value; `?`/`&` (form) keeps it.
  const pair = (k: string, v: string) => (v || style !== 'matrix' ? `${k}=${v}` : k);
  if (explode) return prefix + pairs.map(([k, v]) => (object || named ? pair(k!, v!) : v)).join(itemSep);
  const joined = (object ? pairs.flat() : pairs.map((p) => p[1])).join(style === 'spaceDelimited' ? '%20' : style === 'pipeDelimited' ? '%7C' : ',');
  return prefix + (named ? pair(name, joined) : joined);
}
