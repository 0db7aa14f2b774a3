import type { ApplyAuth } from './auth.js';
import type { BasicCredential, Credential, SecuritySchemeSpec } from './types.js';

/** Credentials by security scheme name, each of the kind its scheme takes. */
export type AuthConfig = { readonly [scheme: string]: Credential | BasicCredential | undefined };

/**
 * Options of `createClient`. Every field is optional. `Auth` is the generated package's
 * `AuthCredentials`: which schemes exist and what each takes.
 */
export interface ClientConfig<Auth extends object = AuthConfig> {
  /** Base URL of the API, without a trailing slash; defaults to the spec's first server. */
  baseUrl?: string | undefined;
  /** Credentials keyed by security scheme name: a string, or a (possibly async) function returning one. */
  auth?: Auth | undefined;
  /** A custom `fetch` (defaults to the global one, looked up at call time). */
  fetch?: typeof fetch | undefined;
  /** Headers sent with every request. */
  headers?: Record<string, string> | undefined;
  /** Retries after the first attempt on connection errors, timeouts, 408, 409, 429 and 5xx (default 2). */
  maxRetries?: number | undefined;
  /** Milliseconds allowed per attempt (default 60 000; `0` or `Infinity` disables the timeout). */
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
}

/**
 * What the generated `createClient` knows from the spec. An API with security schemes passes
 * `applyAuth` (from `runtime/auth.js`) along with them, so that clients of APIs without any
 * do not bundle the auth code.
 */
export type ClientDefaults = { baseUrl: string } & (
  | { securitySchemes: Record<string, never>; applyAuth?: undefined }
  | { securitySchemes: Record<string, SecuritySchemeSpec>; applyAuth: ApplyAuth }
);

/** A configured client. Treat it as opaque: pass it to the operation functions. */
export interface Client extends Readonly<Omit<ClientConfig, 'auth' | 'baseUrl'>> {
  readonly baseUrl: string;
  readonly securitySchemes: Readonly<Record<string, SecuritySchemeSpec>>;
  readonly applyAuth?: ApplyAuth | undefined;
  /** Credentials (not enumerable). */
  readonly auth: Readonly<Record<string, Credential | BasicCredential | undefined>>;
}

/** The generated `createClient`: the config as given (defaults apply at call time), plus the spec's facts. */
export function createClientCore<A extends object>(config: ClientConfig<A>, defaults: ClientDefaults): Client {
  const { auth, ...rest } = config;
  const client = { ...rest, ...defaults, baseUrl: (config.baseUrl ?? defaults.baseUrl).replace(/\/+$/, '') };
  // Not enumerable: logging or serializing the client does not print the credentials.
  return Object.defineProperty(client, 'auth', { value: { ...auth } }) as Client;
}
