/**
 * All of the runtime: what the generated functions import, and what the package exports as
 * `<package>/internal` (not a public API). public.ts is the part the package's root re-exports.
 */
export type * from './types.js';
export { createClientCore, type Client, type ClientConfig, type ClientDefaults } from './client.js';
export { request, ApiPromise, type RequestOptions } from './request.js';
export { paginate, PagePromise, byPageNumber, byNextUrl } from './pagination.js';
export { stream, readEvents, EventStream, type ServerSentEvent } from './sse.js';
export { toFormData } from './multipart.js';
export { toFile } from './files.js';
export { formBody } from './form.js';
export { serializeParam } from './serialize.js';
export { basicAuth } from './auth.js';
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
