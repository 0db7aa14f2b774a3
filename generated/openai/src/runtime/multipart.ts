/**
 * `multipart/form-data` request bodies (RFC 7578). Operations with uploads reference this
 * encoder in their spec (`body.encode`), so other operations do not bundle it.
 */

/**
 * Encodes an object as `FormData`: `Blob`/`File` values become file parts, arrays repeat their
 * field, `Date` becomes ISO text, nested objects become `application/json` parts (OpenAPI's
 * default encoding for object properties, §4.8.15), other values become text. The `Content-Type`
 * header, with its boundary, is left to `fetch`.
 */
export function toFormData(value: unknown): FormData {
  if (value instanceof FormData) return value;
  const form = new FormData();
  for (const [key, field] of Object.entries(value as object)) {
    for (const item of Array.isArray(field) ? field : [field]) {
      if (item == null) continue;
      if (item instanceof Blob) form.append(key, item);
      else if (item instanceof Date) form.append(key, item.toISOString());
      else if (typeof item === 'object') form.append(key, new Blob([JSON.stringify(item)], { type: 'application/json' }));
      else form.append(key, String(item));
    }
  }
  return form;
}
