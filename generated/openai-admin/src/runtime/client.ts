import type { ApplyAuth } from './auth.js';
import type { BasicCredential, Credential, SecuritySchemeSpec } from './types.js';
import type { ValidateOptions, ValidationError, Validators } from './validate.js';

/** Credentials by security scheme name, each of the kind its scheme takes. */
export type AuthConfig = { readonly [scheme: string]: Credential | BasicCredential | undefined };

/**
 * Options of `createClient`. Every field is optional. `Auth` is the generated package's
 * `AuthCredentials`: which schemes exist and what each takes.
 */
export interface ClientConfig<Auth extends object = AuthConfig> {
  /**
   * Base URL of the API; defaults to the environment variable the package names for it (if
   * any), else the spec's first server.
   */
  baseUrl?: string | undefined;
  /**
   * Base URLs to use instead of the servers that single operations declare (a proxy, an
   * enterprise host, a test server), keyed by the spec's server URL.
   */
  servers?: Record<string, string> | undefined;
  /**
   * Credentials keyed by security scheme name: a string, or a (possibly async) function
   * returning one. Schemes left unset are read from the environment variables the package
   * names for them (if any), where `process.env` exists.
   */
  auth?: Auth | undefined;
  /** A custom `fetch` (defaults to the global one, looked up at call time). */
  fetch?: typeof fetch | undefined;
  /** Headers sent with every request (a `User-Agent` here replaces the package's own). */
  headers?: Record<string, string> | undefined;
  /**
   * Retries after the first attempt (default 2): on connection errors, timeouts, 408, 409, 429
   * and 5xx for idempotent calls; on 429, 503 and refused connections for every call.
   */
  maxRetries?: number | undefined;
  /** Milliseconds allowed per attempt (default 600 000: 10 minutes; `0` or `Infinity` disables the timeout). */
  timeout?: number | undefined;
  /** Backoff between retries: `initialDelay × 2^retry` ms (±25 % jitter), at most `maxDelay` (defaults 500 and 8 000). */
  backoff?: { initialDelay?: number | undefined; maxDelay?: number | undefined } | undefined;
  /** When set, POST and PATCH requests get a generated key in this header and become retryable. */
  idempotencyHeader?: string | undefined;
  /**
   * Called before every attempt; may edit the request's headers or return a replacement
   * (logging, tracing, signing). Build a replacement with `new Request(request, init)` so it
   * keeps the request's signal, which carries the timeout and the caller's abort.
   */
  onRequest?: ((request: Request) => Request | void | Promise<Request | void>) | undefined;
  /** Called with every response, including error responses that will be retried. */
  onResponse?: ((response: Response, request: Request) => void | Promise<void>) | undefined;
  /** Validators by operation (`import { validators } from '<package>/zod'`, or any Standard Schema validators in that shape). */
  validators?: Validators | undefined;
  /** What to validate with `validators` (default: nothing); each call's `validate` option overrides it. */
  validate?: ValidateOptions | undefined;
  /** Called with the error of a failed validation in `"warn"` mode (the call goes on). */
  onValidationError?: ((error: ValidationError) => void) | undefined;
}

/**
 * What the generated `createClient` knows from the spec. An API with security schemes passes
 * `applyAuth` (from `runtime/auth.js`) along with them, so that clients of APIs without any
 * do not bundle the auth code.
 */
export type ClientDefaults = {
  baseUrl: string;
  /** `<package>/<version>`, sent as `User-Agent` except in browsers (see `createClientCore`) */
  userAgent?: string;
  /** environment variable names: scheme name → the variable holding its credential, and
   *  `baseUrl` → the variable holding the base URL */
  env?: Readonly<Record<string, string>>;
} & (
  | { securitySchemes: Record<string, never>; applyAuth?: undefined }
  | { securitySchemes: Record<string, SecuritySchemeSpec>; applyAuth: ApplyAuth }
);

/** A configured client. Treat it as opaque: pass it to the operation functions. */
export interface Client extends Readonly<Omit<ClientConfig, 'auth' | 'baseUrl'>> {
  readonly baseUrl: string;
  readonly securitySchemes: Readonly<Record<string, SecuritySchemeSpec>>;
  readonly applyAuth?: ApplyAuth | undefined;
  /** sent as `User-Agent` unless a configured header overrides it; undefined in browsers */
  readonly userAgent?: string | undefined;
  /** Credentials (not enumerable). */
  readonly auth: Readonly<Record<string, Credential | BasicCredential | undefined>>;
}

/**
 * The generated `createClient`: the config as given (defaults apply at call time), plus the
 * spec's facts. What the config leaves unset among the credentials and the base URL is read
 * from the environment variables `defaults.env` names, when `globalThis.process.env` exists
 * (Node.js, Bun, Deno); `process` is never referenced directly, so browsers need no shim.
 * The user agent is left out where `navigator.userAgent` is a browser's (`Mozilla/…`): browsers
 * forbid or ignore the header, and Firefox would make it a CORS preflight.
 */
export function createClientCore<A extends object>(config: ClientConfig<A> = {}, defaults: ClientDefaults): Client {
  const { auth, ...rest } = config;
  const { env: names, ...facts } = defaults;
  const given: Record<string, unknown> = { ...auth };
  // Deno throws on `process.env` reads without --allow-env: then nothing is read
  const read = (name?: string): string | undefined => {
    try {
      return (name && (globalThis as any).process?.env?.[name]?.trim()) || undefined;
    } catch {
      return undefined;
    }
  };
  for (const scheme in names ?? {}) if (scheme != 'baseUrl') given[scheme] ??= read(names![scheme]);
  const client = {
    ...rest,
    ...facts,
    baseUrl: (config.baseUrl ?? read(names?.baseUrl) ?? defaults.baseUrl).replace(/\/+$/, ''),
    userAgent: /^Mozilla\//.test((globalThis as any).navigator?.userAgent) ? undefined : defaults.userAgent,
  };
  // Not enumerable: logging or serializing the client does not print the credentials.
  return Object.defineProperty(client, 'auth', { value: given }) as Client;
}
