/**
 * Errors thrown by the client. Messages name the method and path (never the query
 * string, headers or credentials) so they are safe to log.
 */

/** Base class of every error thrown by this client. */
export class OagenError extends Error {
  override name = 'OagenError';
}

/** The server answered with a non-2xx status. `body` is the parsed JSON body (or its text). */
export class ApiError<Body = unknown> extends OagenError {
  override name = 'ApiError';
  declare readonly status: number;
  declare readonly headers: Headers;
  declare readonly body: Body;
  /** from the `x-request-id` (or `request-id`) response header */
  declare readonly requestId: string | undefined;

  constructor(status: number, headers: Headers, body: Body, message: string) {
    super(message);
    this.status = status;
    this.headers = headers;
    this.body = body;
    this.requestId = headers.get('x-request-id') ?? headers.get('request-id') ?? undefined;
  }
}

export class BadRequestError<Body = unknown> extends ApiError<Body> {
  override name = 'BadRequestError';
}
export class AuthenticationError<Body = unknown> extends ApiError<Body> {
  override name = 'AuthenticationError';
}
export class PermissionDeniedError<Body = unknown> extends ApiError<Body> {
  override name = 'PermissionDeniedError';
}
export class NotFoundError<Body = unknown> extends ApiError<Body> {
  override name = 'NotFoundError';
}
export class ConflictError<Body = unknown> extends ApiError<Body> {
  override name = 'ConflictError';
}
export class UnprocessableEntityError<Body = unknown> extends ApiError<Body> {
  override name = 'UnprocessableEntityError';
}
export class RateLimitError<Body = unknown> extends ApiError<Body> {
  override name = 'RateLimitError';
}
/** Any 5xx status. */
export class InternalServerError<Body = unknown> extends ApiError<Body> {
  override name = 'InternalServerError';
}

/** The request never got a response: DNS failure, refused or reset connection, broken body. */
export class ConnectionError extends OagenError {
  override name = 'ConnectionError';
}

/** An attempt took longer than the configured `timeout`. */
export class TimeoutError extends ConnectionError {
  override name = 'TimeoutError';
}

/** The operation requires credentials that are not configured on the client. */
export class MissingCredentialsError extends OagenError {
  override name = 'MissingCredentialsError';
}

const byStatus: Record<number, typeof ApiError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

/**
 * Builds the `ApiError` subclass for `status`; `where` is `METHOD /path` (no query). The message
 * starts with the status (or `label`: then the class is `ApiError`, as for an error event of a
 * stream) and ends with a one-line excerpt of the body: its `error.message` or `message`, else
 * the body.
 */
export function apiError(status: number, headers: Headers, body: any, where: string, label?: string): ApiError {
  const Class = (!label && byStatus[status]) || (status > 499 ? InternalServerError : ApiError);
  const m = body?.error?.message ?? body?.message;
  const text = (typeof m == 'string' ? m : typeof body == 'string' ? body : (JSON.stringify(body) ?? '')).replace(/\s+/g, ' ').trim();
  return new Class(status, headers, body, `${label ?? status} ${where}${text && ': ' + (text.length > 200 ? text.slice(0, 200) + '…' : text)}`);
}
