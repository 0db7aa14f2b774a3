/**
 * The runtime's public API, re-exported by the generated package's root (`src/index.ts`): what
 * users write (the client's config, credentials, call options, uploads) and what they receive
 * (the promises, the event stream, the errors). The plumbing the generated functions are built
 * on (`request`, `paginate`, `serializeParam`, the operation specs' types, …) stays out of the
 * root: the package exports all of the runtime (index.ts) as `<package>/internal`, which is
 * not a public API.
 */
export type { Client, ClientConfig } from './client.js';
export type { Credential, BasicCredential, ClientCredentials, Uploadable, NodeReadableLike } from './types.js';
export { ApiPromise, type RequestOptions } from './request.js';
export { PagePromise } from './pagination.js';
export { EventStream, type ServerSentEvent } from './sse.js';
export { toFile } from './files.js';
export {
  OagenError,
  ApiError,
  BadRequestError,
  AuthenticationError,
  PermissionDeniedError,
  NotFoundError,
  ConflictError,
  UnprocessableEntityError,
  RateLimitError,
  InternalServerError,
  ConnectionError,
  TimeoutError,
  MissingCredentialsError,
} from './errors.js';
