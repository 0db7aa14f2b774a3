import type { Client } from './client.js';
import { MissingCredentialsError } from './errors.js';
import type { SecurityAlternatives } from './types.js';

/** Where credentials go: headers, and `name=value` pieces for the query string and the Cookie header. */
export interface AuthTarget {
  headers: Record<string, string>;
  query: string[];
  cookies: string[];
}

/**
 * Applies the first security alternative whose schemes all have credentials (OpenAPI 3.1
 * Security Requirement Object: alternatives are ORed, schemes within one are ANDed).
 * `[]`/undefined: no auth; an empty alternative makes credentials optional (they are sent
 * when configured).
 * Messages name the schemes, never the secrets.
 */
export async function applyAuth(
  client: Client,
  security: SecurityAlternatives | undefined,
  target: AuthTarget,
  where: string,
): Promise<void> {
  if (!security?.length) return;
  const { auth, securitySchemes } = client;
  // An empty alternative (optional auth) is used only when no other one can be satisfied.
  const chosen =
    security.find((names) => names.length && names.every((n) => auth[n] != null && securitySchemes[n])) ??
    security.find((names) => !names.length);
  if (!chosen) {
    const needed = security.map((names) => names.map((n) => 'auth.' + n).join(' and ')).join(' or ');
    throw new MissingCredentialsError(`${where} needs credentials: set ${needed} in the client config`);
  }
  for (const name of chosen) {
    const scheme = securitySchemes[name]!;
    const given = auth[name];
    const value: unknown = typeof given === 'function' ? await given() : given;
    const text = (v: unknown) => {
      if (typeof v !== 'string') throw new TypeError(`auth.${name} must be a string or return one`);
      return v;
    };
    if (scheme.type === 'apiKey') {
      const key = text(value);
      if (scheme.in === 'header') target.headers[scheme.name] = key;
      else target[scheme.in === 'query' ? 'query' : 'cookies'].push(`${encodeURIComponent(scheme.name)}=${encodeURIComponent(key)}`);
    } else {
      const basic = value as { username?: unknown; password?: unknown };
      target.headers.authorization =
        scheme.type === 'bearer'
          ? 'Bearer ' + text(value)
          : scheme.type === 'http'
            ? `${scheme.scheme} ${text(value)}`
            : // basic: a string is taken as the already-encoded `base64(user:password)`
              'Basic ' + (typeof value === 'string' ? value : base64(`${text(basic.username)}:${text(basic.password)}`));
    }
  }
}

/** Base64 of the UTF-8 bytes of `s` (RFC 7617 §2.1: UTF-8 is the charset to use for basic credentials). */
function base64(s: string): string {
  return btoa(String.fromCharCode(...new TextEncoder().encode(s)));
}
