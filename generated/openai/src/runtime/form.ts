/**
 * `application/x-www-form-urlencoded` request bodies. Operations that send them reference this
 * encoder in their spec (`body.encode`), so other operations do not bundle it.
 */
import { serializeDefault } from './serialize.js';

/**
 * Encodes an object's properties as exploded form parameters (the OpenAPI Encoding Object's
 * default for this media type): arrays repeat their field, an object property is exploded into
 * its members' `key=value` pairs, `Date` becomes ISO text, deeper values become JSON text;
 * undefined and null properties are left out.
 */
export function formBody(value: unknown): string {
  return Object.entries(value as object)
    .map(([name, v]) => serializeDefault({ name, in: 'query' }, v))
    .filter(Boolean)
    .join('&');
}
