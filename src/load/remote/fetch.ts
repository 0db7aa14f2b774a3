/**
 * Reading a spec (or a file its `$ref`s point to) from an http(s) URL: a conditional request
 * when the bytes are cached (./cache.ts), the configured headers and timeout, and errors that
 * say what went wrong (E_SPEC_FETCH, exit 2: the spec is not there to read, as for a missing
 * file). Within one run (`newFetchSession`) each URL is requested once.
 */
import { EXIT_USAGE, OagenError } from '../../diagnostics.js';
import { readCached, writeCached } from './cache.js';

export interface FetchOptions {
  headers?: Record<string, string>;
  /** ms (default 30000) */
  timeout?: number;
}

export interface Fetched {
  text: string;
  /** 'fetched': new bytes (first time or changed), 'cached': the server said 304, 'same': fetched again, the same bytes */
  how: 'fetched' | 'cached' | 'same';
}

const DEFAULT_TIMEOUT = 30_000;

/**
 * The options for a URL read on behalf of the spec at `spec`: its headers (credentials) go
 * only to the spec's own origin, never to another server a `$ref` points to.
 */
export function optionsFor(url: string, spec: string, options: FetchOptions = {}): FetchOptions {
  const { headers, ...rest } = options;
  return headers && sameOrigin(url, spec) ? options : rest;
}

function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

let session = new Map<string, Promise<Fetched>>();

/** Forget which URLs this run already read (a new run of `--watch`). */
export function newFetchSession(): void {
  session = new Map();
}

/** The text at `url`, requested at most once per session. */
export function fetchText(url: string, options: FetchOptions = {}): Promise<Fetched> {
  let found = session.get(url);
  if (!found) {
    found = revalidate(url, options);
    session.set(url, found);
    found.catch(() => session.delete(url));
  }
  return found;
}

/** Ask the server whether `url` changed since it was cached; the cache is updated. */
export async function revalidate(url: string, options: FetchOptions = {}): Promise<Fetched> {
  const cached = readCached(url);
  const headers: Record<string, string> = { accept: 'application/json, application/yaml, text/yaml, */*;q=0.5', ...options.headers };
  if (cached?.meta.etag) headers['if-none-match'] = cached.meta.etag;
  if (cached?.meta.lastModified) headers['if-modified-since'] = cached.meta.lastModified;
  const timeout = options.timeout ?? DEFAULT_TIMEOUT;
  let response: Response;
  try {
    response = await fetch(url, { headers, signal: AbortSignal.timeout(timeout), redirect: 'follow' });
  } catch (e) {
    const err = e as Error & { cause?: { code?: string; message?: string } };
    const reason = err.name === 'TimeoutError' ? `no answer within ${timeout} ms (fetch.timeout)` : err.cause?.code ?? err.cause?.message ?? err.message;
    throw fetchError(url, `cannot reach ${url}: ${reason}`);
  }
  if (response.status === 304 && cached) {
    await response.body?.cancel();
    return { text: cached.text, how: 'cached' };
  }
  if (!response.ok) {
    await response.body?.cancel();
    const hint = response.status === 401 || response.status === 403 ? ' (a private spec needs headers: the client\'s "fetch": { "headers": { … } })' : '';
    throw fetchError(url, `${url} answered ${response.status} ${response.statusText}${hint}`);
  }
  let text: string;
  try {
    text = await response.text();
  } catch (e) {
    throw fetchError(url, `reading ${url} failed: ${(e as Error).message}`);
  }
  const etag = response.headers.get('etag') ?? undefined;
  const lastModified = response.headers.get('last-modified') ?? undefined;
  writeCached(url, text, { url, ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) });
  return { text, how: cached?.text === text ? 'same' : 'fetched' };
}

function fetchError(url: string, message: string): OagenError {
  return new OagenError({ code: 'E_SPEC_FETCH', severity: 'error', message, file: url }, EXIT_USAGE);
}
