/**
 * `multipart/form-data` request bodies (RFC 7578). Operations with uploads reference this
 * encoder in their spec (`body.encode`), so other operations do not bundle it.
 */
import { extension, isUploadable, ownName, toBlob } from './files.js';
import { flatten, toText } from './serialize.js';
import type { BodySpec } from './types.js';

/**
 * Encodes an object as `FormData`, each property by its Encoding Object in `body.encoding`,
 * else `body.arrays` / `body.objects`:
 * - files (`Uploadable`: Blob, File, bytes, streams, read into memory first) are file parts
 *   that always carry a file name: their own (`File`, `fs.ReadStream`), else the field's name
 *   with an extension from the media type (`file.jsonl`, `image.png`, `file.bin`); the part's
 *   type is the Blob's, else a single media type the encoding names;
 * - other values are plain text fields (no file name): `Date` as ISO text, objects as JSON text
 *   (`objects: 'json'`, the default; `form` counts as `json` here) or as `o[k]=v` fields nested
 *   to any depth (`deepObject`);
 *   an encoding's `contentType` (other than text/plain) types a field's part, and makes an
 *   object one JSON part whatever `body.objects` says;
 * - arrays repeat their field (`repeat`, the default), or per `arrays` (`brackets`: `a[]`,
 *   `indexed`: `a[0]`, `comma`: one field); an encoding's `style` form/spaceDelimited/pipeDelimited
 *   with `explode: false` joins them with `,`, ` ` or `|`;
 * - undefined and null are left out.
 * The `Content-Type` header, with its boundary, is left to `fetch`.
 */
export async function toFormData(value: unknown, body?: BodySpec): Promise<FormData> {
  if (value instanceof FormData) return value;
  const form = new FormData();
  for (const [name, field] of Object.entries(value as object)) {
    const e = body?.encoding?.[name];
    const style = e?.style;
    // an encoding's style or content type wins over the body's (config) objects
    const objects = style == 'deepObject' || (!style && !e?.contentType && body?.objects == 'deepObject') ? 'deepObject' : 'json';
    const arrays = style && style != 'deepObject' ? (e!.explode === false ? 'comma' : 'repeat') : body?.arrays;
    // a single media type (not a range, not a list) types the part
    const type = e?.contentType && !/[*,]/.test(e.contentType) ? e.contentType : '';
    for (const [key, leaf] of flatten(name, field, arrays, objects, isUploadable)) {
      if (isUploadable(leaf)) {
        const blob = await toBlob(leaf);
        const partType = blob.type || type;
        form.append(key, new Blob([blob], { type: partType }), ownName(leaf) || `${name}.${extension(partType)}`);
      } else {
        const text = Array.isArray(leaf) ? leaf.map(toText).join(style == 'spaceDelimited' ? ' ' : style == 'pipeDelimited' ? '|' : ',') : toText(leaf);
        // a typed part: a Blob with an empty file name, so Node's fetch writes no `filename`
        // (browsers write `filename=""`)
        if (type && !/^text\/plain\b/i.test(type)) form.append(key, new Blob([text], { type }), '');
        else form.append(key, text);
      }
    }
  }
  return form;
}
