/**
 * The `fetch` field of a client (how a spec given as an http(s) URL is fetched) and what
 * counts as a URL spec. `${NAME}` in a header value is the environment variable NAME, so a
 * JSON config holds no secret.
 */
import { configError } from '../config.js';

export interface SpecFetch {
  headers?: Record<string, string>;
  /** ms */
  timeout?: number;
  /** ms between checks with --watch */
  poll?: number;
}

/** An http(s) URL (anything else is a file path). */
export function isUrl(spec: string): boolean {
  return /^https?:\/\//i.test(spec);
}

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export function checkFetch(v: unknown, at: string, file: string): SpecFetch {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw configError(file, `${at} must be an object like { "headers": { "Authorization": "Bearer \${SPEC_TOKEN}" }, "timeout": 30000, "poll": 2000 }`);
  const out: SpecFetch = {};
  for (const [k, x] of Object.entries(v)) {
    if (k === 'timeout' || k === 'poll') {
      if (typeof x !== 'number' || !Number.isInteger(x) || x <= 0) throw configError(file, `${at}.${k} must be a positive whole number of milliseconds`);
      out[k] = x;
    } else if (k === 'headers') {
      if (typeof x !== 'object' || x === null || Array.isArray(x)) throw configError(file, `${at}.headers must be an object: header name → value`);
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(x)) {
        const where = `${at}.headers[${JSON.stringify(name)}]`;
        if (!HEADER_NAME.test(name)) throw configError(file, `${where}: not a valid header name`);
        if (typeof value !== 'string') throw configError(file, `${where} must be a string`);
        headers[name] = value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, env: string) => {
          const found = process.env[env];
          if (found === undefined) throw configError(file, `${where}: the environment variable ${env} is not set`);
          return found;
        });
      }
      out.headers = headers;
    } else throw configError(file, `${at}.${k} is not an option (headers, timeout, poll)`);
  }
  return out;
}
