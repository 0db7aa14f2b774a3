/**
 * Files to upload: what counts as one, reading it into a `Blob`, its name, and `toFile`.
 * Only bundled by upload operations (through `toFormData`) and by callers of `toFile`.
 */
import type { NodeReadableLike, Uploadable } from './types.js';

const isNodeReadable = (v: any): v is NodeReadableLike => typeof v?.pipe == 'function' && Symbol.asyncIterator in v;

/** Whether a value is a file (an `Uploadable`) rather than a field value. */
export const isUploadable = (v: unknown): v is Uploadable =>
  v instanceof Blob || v instanceof ArrayBuffer || ArrayBuffer.isView(v) || v instanceof ReadableStream || isNodeReadable(v);

/**
 * The bytes of an upload as a `Blob` (a `File` stays itself). Streams are read to their end
 * first: `FormData` takes only Blobs, and a body that is in memory can be retried.
 */
export async function toBlob(data: Uploadable): Promise<Blob> {
  if (data instanceof Blob) return data;
  if (data instanceof ReadableStream) return new Response(data).blob();
  if (isNodeReadable(data)) {
    const chunks: BlobPart[] = [];
    for await (const chunk of data) chunks.push(chunk as BlobPart);
    return new Blob(chunks);
  }
  return new Blob([data as BlobPart]);
}

/**
 * The upload's own file name: a `File`'s name, or the base name of an `fs.ReadStream`'s path;
 * else `''`. (No `instanceof File`: Node 18 has no global `File`.)
 */
export const ownName = (data: object): string => {
  const { name, path } = data as { name?: unknown; path?: unknown };
  const own = name ?? path;
  return typeof own == 'string' ? own.split(/[\\/]/).pop()! : '';
};

/**
 * The file name extension for a media type, for uploads without a name (`file.jsonl`,
 * `image.png`): json, jsonl, txt, csv, pdf, png, jpg, gif, webp, mp3, wav, mp4, webm, m4a, ogg,
 * flac (with their common aliases, `x-` types included); `bin` for anything else.
 */
export function extension(type: string): string {
  const t = type.split(';')[0]!.trim().toLowerCase().replace('/x-', '/');
  const aliases: Record<string, string> = {
    'text/plain': 'txt',
    'image/jpeg': 'jpg',
    'audio/mpeg': 'mp3',
    'audio/mp4': 'm4a',
    'audio/wave': 'wav',
    'audio/vnd.wave': 'wav',
    'application/jsonlines': 'jsonl',
    'application/ndjson': 'jsonl',
  };
  return aliases[t] ?? /\/(json|jsonl|csv|pdf|png|jpg|gif|webp|mp3|wav|mp4|webm|m4a|ogg|flac)$/.exec(t)?.[1] ?? 'bin';
}

/**
 * A `File` from any upload: `name` (default: the data's own name, see `ownName`; an upload
 * without one is named after its field when sent), `type` (default: the Blob's). Asynchronous,
 * because a stream is read into memory first. Needs a global `File` (Node 20+, browsers, Deno, Bun).
 */
export async function toFile(data: Uploadable, name?: string, options: { type?: string } = {}): Promise<File> {
  const blob = await toBlob(data);
  name ??= ownName(data);
  const type = options.type ?? blob.type;
  return blob instanceof File && blob.name == name && blob.type == type ? blob : new File([blob], name, { type });
}
