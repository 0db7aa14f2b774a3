/**
 * Types shared by the runtime and the generated operation functions.
 * This file is the contract between oagen's emitter and the runtime:
 * the emitter writes `OperationSpec` literals; the runtime reads them.
 */

export type HttpMethod = 'GET' | 'PUT' | 'POST' | 'DELETE' | 'OPTIONS' | 'HEAD' | 'PATCH' | 'TRACE';

/** A credential: the secret itself, or a (possibly async) function returning it. */
export type Credential = string | (() => string | Promise<string>);

/** Basic auth takes a username and password. */
export type BasicCredential =
  | { username: string; password: string }
  | (() => { username: string; password: string } | Promise<{ username: string; password: string }>);

/** How a security scheme is applied, as declared in the spec's `components.securitySchemes`. */
export type SecuritySchemeSpec =
  | { type: 'bearer' } // http bearer, oauth2, openIdConnect: `Authorization: Bearer <token>`
  | { type: 'basic' } // http basic: `Authorization: Basic base64(user:pass)`
  | { type: 'apiKey'; in: 'header' | 'query' | 'cookie'; name: string }
  | { type: 'http'; scheme: string }; // any other http scheme: `Authorization: <Scheme> <credential>`

/**
 * An operation's security: alternatives (OR) of requirements (AND), by scheme name.
 * `[]` means the operation needs no credentials; `[[]]` means credentials are optional.
 */
export type SecurityAlternatives = readonly (readonly string[])[];

export type ParamLocation = 'path' | 'query' | 'header' | 'cookie';

export type ParamStyle =
  | 'form'
  | 'spaceDelimited'
  | 'pipeDelimited'
  | 'deepObject'
  | 'simple'
  | 'label'
  | 'matrix';

/** One parameter: `[specName, location, style?, explode?, allowReserved?]`; omitted style/explode take OpenAPI's defaults. */
export interface ParamSpec {
  readonly name: string;
  readonly in: ParamLocation;
  /** key of this parameter in the call's `params` object when it differs from `name` (name clashes) */
  readonly key?: string;
  readonly style?: ParamStyle;
  readonly explode?: boolean;
  readonly allowReserved?: boolean;
  /** `content: application/json` parameters: serialize the value as JSON text. */
  readonly json?: boolean;
}

/** A request body as `fetch` takes it (spelled without the DOM-only `BodyInit`). */
export type RequestBody = NonNullable<RequestInit['body']>;

/** How the request body is encoded. */
export type BodyKind = 'json' | 'multipart' | 'form' | 'binary' | 'text';

/** How the success body is decoded. */
export type ResponseKind = 'json' | 'text' | 'blob' | 'void' | 'sse';

export type PaginationSpec =
  | {
      readonly kind: 'cursor';
      /** query parameter carrying the cursor (`after`, `cursor`, `starting_after`, …) */
      readonly param: string;
      /** path in the response to the items array (`data`) */
      readonly items: string;
      /** boolean field saying another page exists (`has_more`), if any */
      readonly hasMore?: string;
      /** response field holding the next cursor (`next_cursor`, `last_id`); when absent, the last item's `itemCursor` field is used */
      readonly nextCursor?: string;
      /** field of an item giving the cursor (`id`) when `nextCursor` is absent */
      readonly itemCursor?: string;
    }
  | {
      readonly kind: 'page';
      /** query parameter carrying the 1-based page number */
      readonly param: string;
      /** query parameter carrying the page size, if any */
      readonly sizeParam?: string;
      readonly items: string;
      /** response field with the total number of pages, if any */
      readonly totalPages?: string;
      /** response field with the total number of items, if any */
      readonly totalItems?: string;
      /** the first page's number (default 1) */
      readonly start?: number;
    }
  | {
      readonly kind: 'offset';
      readonly param: string;
      readonly limitParam?: string;
      readonly items: string;
      readonly totalItems?: string;
    }
  | {
      /** a response field (or `Link` header when `nextUrl` is `"link"`) holds the URL of the next page */
      readonly kind: 'url';
      readonly nextUrl: string;
      readonly items: string;
    };

/** Everything the runtime needs to send one operation; emitted as a `const` per operation. */
export interface OperationSpec {
  readonly method: HttpMethod;
  /** path template relative to the base URL, with `{name}` placeholders (spec names) */
  readonly path: string;
  readonly params?: readonly ParamSpec[];
  /** request body, when the operation has one; `params.body` holds the value */
  readonly body?: {
    readonly kind: BodyKind;
    readonly mediaType: string;
    readonly required?: boolean;
    /** key of the body in `params` (default `body`; differs only when a parameter is named `body`) */
    readonly key?: string;
    /**
     * Custom encoder for the body value. Multipart operations set this to `toFormData`
     * (from `runtime/multipart.js`) so that only operations with uploads pull that code in.
     */
    readonly encode?: (value: unknown) => RequestBody;
  };
  /** decoding of 2xx bodies; default 'json' */
  readonly response?: ResponseKind;
  /** security alternatives; undefined: none */
  readonly security?: SecurityAlternatives;
  /** retry non-idempotent methods too (spec extension `x-oagen-retry: true`) */
  readonly retry?: boolean;
}
