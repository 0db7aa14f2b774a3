/**
 * `application/x-www-form-urlencoded` request bodies. Operations that send them reference this
 * encoder in their spec (`body.encode`), so other operations do not bundle it.
 */
import { encodeReserved, isObject, serializeStyled } from './serialize.js';
import type { BodySpec, StyledParamSpec } from './types.js';

/**
 * Percent-encoding of form keys and values: everything but letters, digits and `-_.~` is
 * encoded (spaces as `%20`), except brackets, which stay as they are (`a[b][0]=c`), as
 * Stripe's official client sends them and form decoders read them.
 */
const encode = (s: string): string =>
  encodeURIComponent(s).replace(/[!'()*]|%5[BD]/g, (c) => (c[0] == '%' ? (c == '%5B' ? '[' : ']') : '%' + c.charCodeAt(0).toString(16).toUpperCase()));

/** null as the empty string, at any depth: a form sends `key=` for it (Stripe's way to unset a field). */
const blank = (v: unknown): unknown =>
  v === null ? '' : Array.isArray(v) ? v.map(blank) : isObject(v) ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, blank(x)])) : v;

/**
 * Encodes an object's properties as form fields. Each property follows its Encoding Object in
 * `body.encoding` (`style`, `explode`, `allowReserved`; deepObject nests to any depth, its arrays
 * per `body.arrays`; a JSON `contentType` alone sends JSON text), else `body.arrays` and
 * `body.objects`, else OpenAPI's default (form, explode: arrays repeat their field, an object's
 * members become fields). `Date` becomes ISO text; null an empty value (`key=`); undefined is
 * left out. A string (already encoded) is sent as it is.
 */
export function formBody(value: unknown, body?: BodySpec): string {
  if (typeof value == 'string') return value;
  const out: string[] = [];
  for (const [name, v] of Object.entries(value as object)) {
    const e = body?.encoding?.[name];
    const spec: StyledParamSpec =
      e?.style || e?.explode != null
        ? { ...e, name, in: 'query', arrays: e.style == 'deepObject' ? body!.arrays : undefined }
        : { name, in: 'query', arrays: body?.arrays, objects: e?.contentType?.includes('json') ? 'json' : body?.objects };
    const text = serializeStyled(spec, blank(v), e?.allowReserved ? encodeReserved : encode, '&');
    if (text) out.push(text);
  }
  return out.join('&');
}
