/**
 * What init needs from the spec: its title (the package name comes from it). Read without
 * the whole pipeline; a spec that cannot be read is an error (exit 2), one that does not
 * parse is named in the message.
 */
import { isUrl } from '../config/fetch.js';
import { Diagnostics } from '../diagnostics.js';
import { readSourceFile, readText } from '../load/read.js';
import { fetchText } from '../load/remote/fetch.js';

export async function specTitle(spec: string): Promise<string | undefined> {
  const text = isUrl(spec) ? (await fetchText(spec)).text : await readSourceFile(spec, 'the spec', new Diagnostics());
  const { value } = readText(text, spec);
  const title = (value as { info?: { title?: unknown } } | null)?.info?.title;
  return typeof title === 'string' && title.trim() !== '' ? title.trim() : undefined;
}

/** A title → an npm package name: `Arthur API` → `arthur-api`. */
export function packageName(title: string | undefined, fallback: string): string {
  const slug = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '');
  return (title && slug(title)) || slug(fallback) || 'api-client';
}
