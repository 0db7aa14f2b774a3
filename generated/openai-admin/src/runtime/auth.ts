import type { Client } from './client.js';
import { MissingCredentialsError } from './errors.js';
import type { SecurityAlternatives } from './types.js';

/** `applyAuth`, as the client carries it. */
export type ApplyAuth = typeof applyAuth;

/**
 * Applies the first security alternative whose schemes all have credentials (OpenAPI 3.1
 * Security Requirement Object: alternatives are ORed, schemes within one are ANDed).
 * `[]`/undefined: no auth; an empty alternative makes credentials optional (they are sent
 * when configured). Headers go through `put` (which checks their value); API keys in the
 * query or a cookie are pushed as `name=value` pieces. Messages name the schemes, never the secrets.
 * The generated `createClient` hands it to the client (`ClientDefaults.applyAuth`) when the API
 * has security schemes; the request builder calls it through the client.
 */
export async function applyAuth(
  client: Client,
  security: SecurityAlternatives | undefined,
  put: (name: string, value: string) => void,
  query: string[],
  cookies: string[],
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
    let value: unknown = typeof given == 'function' ? await given() : given;
    // basic: `encode` turns `{ username, password }` into the token; a string is the token itself
    if (scheme.type == 'basic' && scheme.encode && typeof value != 'string') value = scheme.encode(value);
    if (typeof value != 'string') throw new TypeError(`auth.${name} must be a string or return one`);
    if (scheme.type != 'apiKey') {
      put('authorization', (scheme.type == 'http' ? scheme.scheme : scheme.type == 'basic' ? 'Basic' : 'Bearer') + ' ' + value);
    } else if (scheme.in == 'header') put(scheme.name, value);
    else (scheme.in == 'query' ? query : cookies).push(`${encodeURIComponent(scheme.name)}=${encodeURIComponent(value)}`);
  }
}

/**
 * The token of HTTP basic auth: base64 of the UTF-8 bytes of `username:password` (RFC 7617
 * §2.1). Generated clients set it as `encode` of their basic schemes, so that only clients
 * with basic auth bundle it. Throws, without quoting them, when either is not a string.
 */
export function basicAuth(credential: unknown): string {
  const { username, password } = (credential ?? {}) as { username?: unknown; password?: unknown };
  if (typeof username != 'string' || typeof password != 'string') throw new TypeError('basic auth needs a string username and password');
  return btoa(String.fromCharCode(...new TextEncoder().encode(username + ':' + password)));
}
