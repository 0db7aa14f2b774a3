/**
 * All of the runtime: what the generated functions import, and what the package exports as
 * `<package>/internal` (not a public API): the public part (public.ts, which the package's root
 * re-exports), then the plumbing.
 */
export * from './public.js';
export type * from './types.js';
export { createClientCore, type ClientDefaults } from './client.js';
export { request } from './request.js';
export { paginate, byPageNumber, byNextUrl } from './pagination.js';
export { stream, readEvents } from './sse.js';
export { toFormData } from './multipart.js';
export { formBody } from './form.js';
export { serializeParam } from './serialize.js';
export { basicAuth } from './auth.js';
//#if validatedTypes
export type { ClientOf, Validated, ValidatedItem } from './validated.js';
//#endif
