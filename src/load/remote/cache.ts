/**
 * The bytes of specs read from URLs, kept in `node_modules/.cache/oagen/specs/` of the
 * current folder (next to the up-to-date stamps, src/write/stamp.ts) with the validators the
 * server sent (ETag, Last-Modified), so that the next run asks "changed since?" and an
 * unchanged spec is read from here. Without a `node_modules` folder nothing is kept.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { dirname, join } from 'node:path';

export interface CacheMeta {
  url: string;
  etag?: string;
  lastModified?: string;
}

function cacheDir(cwd = process.cwd()): string | undefined {
  const modules = join(cwd, 'node_modules');
  return fs.existsSync(modules) ? join(modules, '.cache', 'oagen', 'specs') : undefined;
}

/** The file holding the cached bytes of `url` (whether or not it exists yet), or undefined when nothing is cached here. */
export function cachedBodyFile(url: string, cwd?: string): string | undefined {
  const dir = cacheDir(cwd);
  if (!dir) return undefined;
  return join(dir, `${createHash('sha256').update(url).digest('hex').slice(0, 32)}.body`);
}

export function readCached(url: string): { text: string; meta: CacheMeta } | undefined {
  const body = cachedBodyFile(url);
  if (!body) return undefined;
  try {
    const meta = JSON.parse(fs.readFileSync(body.replace(/\.body$/, '.json'), 'utf8')) as CacheMeta;
    if (meta.url !== url) return undefined;
    return { text: fs.readFileSync(body, 'utf8'), meta };
  } catch {
    return undefined;
  }
}

/** Best effort: a cache that cannot be written costs the next run a full download. */
export function writeCached(url: string, text: string, meta: CacheMeta): void {
  const body = cachedBodyFile(url);
  if (!body) return;
  try {
    fs.mkdirSync(dirname(body), { recursive: true });
    const previous = fs.existsSync(body) ? fs.readFileSync(body, 'utf8') : undefined;
    // the same bytes again keep their file (and its time): the stamp hashes these bytes
    if (previous !== text) atomicWrite(body, text);
    atomicWrite(body.replace(/\.body$/, '.json'), JSON.stringify(meta));
  } catch {
    // no cache
  }
}

function atomicWrite(file: string, text: string): void {
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, text);
  fs.renameSync(temp, file);
}
