/**
 * Types shared by the runtime and the generated operation functions.
 * This file is the contract between oagen's emitter and the runtime:
 * the emitter writes `OperationSpec` literals; the runtime reads them.
 */
import type { PageState } from './pagination.js';

export type HttpMethod = 'GET' | 'PUT' | 'POST' | 'DELETE' | 'OPTIONS' | 'HEAD' | 'PATCH' | 'TRACE';

/** A credential: the secret itself, or a (possibly async) function returning it. */
export type Credential = string | (() => string | Promise<string>);

/**
 * OAuth 2.0 client credentials (RFC 6749 §4.4): the client fetches, caches and renews its own
 * access tokens from the scheme's `tokenUrl` (see `withOAuth` in `runtime/oauth.js`).
 */
export interface ClientCredentials<Scope extends string = string> {
  clientId: string;
  clientSecret: string;
  /** requested scopes, sent space-separated; omitted: the server's default */
  scopes?: readonly Scope[] | undefined;
  /**
   * How the client authenticates at the token endpoint (RFC 6749 §2.3.1): HTTP basic
   * (`client_secret_basic`, the default) or `client_id`/`client_secret` form fields (`client_secret_post`).
   */
  authMethod?: 'client_secret_basic' | 'client_secret_post' | undefined;
}

/** Basic auth takes a username and password. */
export type BasicCredential =
  | { username: string; password: string }
  | (() => { username: string; password: string } | Promise<{ username: string; password: string }>);

/** How a security scheme is applied, as declared in the spec's `components.securitySchemes`. */
export type SecuritySchemeSpec =
  // http bearer, oauth2, openIdConnect: `Authorization: Bearer <token>`; an oauth2 scheme with a
  // clientCredentials flow carries its `tokenUrl` and declared `scopes` (used by `withOAuth`, `runtime/oauth.js`)
  | { type: 'bearer'; tokenUrl?: string; scopes?: readonly string[] }
  // http basic: `Authorization: Basic base64(user:pass)`; `encode: basicAuth` (from `runtime/auth.js`)
  // turns `{ username, password }` into the token (without it, only a ready token string works)
  | { type: 'basic'; encode?: (credential: unknown) => string }
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

/** What every parameter has. */
interface ParamBase {
  readonly name: string;
  readonly in: ParamLocation;
  /** key of this parameter in the call's `params` object when it differs from `name` (name clashes) */
  readonly key?: string;
  /** `content: application/json` parameters: serialize the value as JSON text. */
  readonly json?: boolean;
}

/** OpenAPI's default style for each location: form + explode for query and cookie, simple for path and header. */
type DefaultStyle = (
  | { readonly in: 'query' | 'cookie'; readonly style?: 'form'; readonly explode?: true }
  | { readonly in: 'path' | 'header'; readonly style?: 'simple'; readonly explode?: false }
) & { readonly arrays?: never; readonly objects?: never };

/**
 * How array values are written where the spec leaves it unsaid or the config overrides it:
 * `repeat` `a=1&a=2`, `brackets` `a[]=1&a[]=2`, `indexed` `a[0]=1&a[1]=2`, `comma` `a=1,2`.
 */
export type ArrayFormat = 'repeat' | 'brackets' | 'indexed' | 'comma';

/**
 * How object values are written: `deepObject` `o[k]=v`, nested to any depth (`o[a][b]=v`,
 * `o[items][0][price]=v` with indexed arrays); `form` `k=v` (the members exploded, the
 * object's own name lost: OpenAPI's form + explode); `json` `o={"k":"v"}` (JSON text).
 */
export type ObjectFormat = 'deepObject' | 'form' | 'json';

/** A parameter with any style, as `serializeParam` takes it. */
export interface StyledParamSpec extends ParamBase {
  readonly style?: ParamStyle;
  readonly explode?: boolean;
  /** query only: reserved characters are sent unencoded */
  readonly allowReserved?: boolean;
  /** query and cookie: how this parameter's arrays are written, whatever its style says */
  readonly arrays?: ArrayFormat | undefined;
  /** how this parameter's objects are written, whatever its style says (path and header: only `json`) */
  readonly objects?: ObjectFormat | undefined;
}

/**
 * One parameter. The runtime core serializes OpenAPI's default styles (a `style`/`explode`
 * that is omitted or equal to its location's default). Any other style, explode,
 * `allowReserved`, `arrays` or `objects` needs `serialize: serializeParam` (from
 * `runtime/serialize.js`), so that only the operations using them bundle that code; the type
 * enforces it.
 */
export type ParamSpec = ParamBase &
  (
    | (DefaultStyle & { readonly allowReserved?: false; readonly serialize?: undefined })
    | (StyledParamSpec & { readonly serialize: (spec: StyledParamSpec, value: unknown) => string | undefined })
  );

/**
 * A parameter in its location's default style, without `key` or `json`, written as
 * `location:name` (`'query:limit'`). Most parameters are like this. tsc checks a string here
 * much faster than an object literal contextually typed by the `ParamSpec` union (GitHub's
 * 2,430 parameters: about 0.09 s of a 0.4 s check), and it is shorter in the bundle.
 */
export type ParamRef = `${ParamLocation}:${string}`;

/** A request body as `fetch` takes it (spelled without the DOM-only `BodyInit`). */
export type RequestBody = NonNullable<RequestInit['body']>;

/** How the request body is encoded. */
export type BodyKind = 'json' | 'multipart' | 'form' | 'binary' | 'text';

/** The OpenAPI Encoding Object of one property of a multipart or form body. */
export interface EncodingSpec {
  /** the part's media type (multipart), or `application/json` for JSON text (form) */
  readonly contentType?: string;
  readonly style?: 'form' | 'spaceDelimited' | 'pipeDelimited' | 'deepObject';
  readonly explode?: boolean;
  /** form bodies: reserved characters are sent unencoded */
  readonly allowReserved?: boolean;
}

/**
 * Turns a body value into what `fetch` sends. Asynchronous where it must be: a multipart body
 * reads its stream files into memory first.
 */
export type BodyEncoder = (value: any, body: BodySpec) => RequestBody | Promise<RequestBody>;

export type BodySpec = {
  readonly mediaType: string;
  readonly required?: boolean;
  /** key of the body in `params` (default `body`; differs only when a parameter is named `body`) */
  readonly key?: string;
  /** per-property Encoding Objects of multipart and form bodies (the spec's `encoding`) */
  readonly encoding?: Readonly<Record<string, EncodingSpec>>;
  /**
   * How arrays and objects of fields are written where `encoding` does not say (the config).
   * Defaults: arrays `repeat`; objects `form` in form bodies, `json` text fields in multipart.
   */
  readonly arrays?: ArrayFormat | undefined;
  readonly objects?: ObjectFormat | undefined;
} & (
  | { readonly kind: 'json' | 'text' | 'binary'; readonly encode?: BodyEncoder }
  | { readonly kind: 'multipart' | 'form'; readonly encode: BodyEncoder }
);

/**
 * What Node.js's `stream.Readable` (and `fs.createReadStream`) offers, described structurally
 * so that the package needs no `@types/node`: an async iterable of chunks with `pipe`. An
 * `fs.ReadStream`'s `path` names the file part.
 */
export interface NodeReadableLike extends AsyncIterable<unknown> {
  pipe(destination: any, options?: any): unknown;
  readonly path?: unknown;
}

/** A file to upload. Streams are read into memory before the request is sent. */
export type Uploadable = Blob | File | Uint8Array | ArrayBuffer | ReadableStream<Uint8Array> | NodeReadableLike;

/** How the success body is decoded. */
export type ResponseKind = 'json' | 'text' | 'blob' | 'void' | 'sse';

/**
 * How a paginated list finds its next page. Cursor pagination is built in; the other kinds
 * name their strategy in `next` (`byPageNumber` for `page` and `offset`, `byNextUrl` for `url`,
 * from `runtime/pagination.js`), so that a list bundles only the one it uses.
 */
export type PaginationSpec = CursorPagination | PagePagination | OffsetPagination | UrlPagination;

/** A strategy: the next page's cursor, page number, offset or URL; `undefined` ends the walk. */
type NextPage<Spec> = (spec: Spec, state: PageState) => unknown;

interface CursorPagination {
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
  /** the built-in `byCursor` when absent */
  readonly next?: NextPage<CursorPagination>;
}

interface PagePagination {
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
  /** `byPageNumber` */
  readonly next: NextPage<PagePagination>;
}

interface OffsetPagination {
  readonly kind: 'offset';
  readonly param: string;
  readonly limitParam?: string;
  readonly items: string;
  readonly totalItems?: string;
  /** `byPageNumber` */
  readonly next: NextPage<OffsetPagination>;
}

interface UrlPagination {
  /** a response field (or `Link` header when `nextUrl` is `"link"`) holds the URL of the next page */
  readonly kind: 'url';
  readonly nextUrl: string;
  readonly items: string;
  /** `byNextUrl` */
  readonly next: NextPage<UrlPagination>;
}

/** Everything the runtime needs to send one operation; emitted as a `const` per operation. */
export interface OperationSpec {
  readonly method: HttpMethod;
  /** path template relative to the base URL, with `{name}` placeholders (spec names) */
  readonly path: string;
  readonly params?: readonly (ParamRef | ParamSpec)[];
  /**
   * Request body, when the operation has one; `params.body` holds the value. `json` bodies are
   * sent as JSON text, `text` and `binary` ones as they are; `multipart` bodies need
   * `encode: toFormData` (from `runtime/multipart.js`) and `form` bodies `encode: formBody`
   * (from `runtime/form.js`), so that only the operations using them bundle that code.
   * One body spec, or one per declared request media type: the runtime then picks the one of
   * `options.contentType`, else the multipart one for a value holding a file (`Blob`, `File`,
   * `Uint8Array`, `ArrayBuffer`, `ReadableStream`, a Node.js stream; at the top level or one
   * array deep), else the JSON one, else the first.
   */
  readonly body?: BodySpec | readonly BodySpec[];
  /**
   * decoding of 2xx bodies; default 'json'. The response's `Content-Type` is checked: `json`
   * needs a JSON type (or none); `text` and `blob` take any body.
   */
  readonly response?: ResponseKind;
  /** `Accept` header value, from the declared success media types (absent: `application/json`
   *  for a json response, nothing otherwise) */
  readonly accept?: string;
  /** the operation's own base URL (operation- or path-level `servers`, variables filled);
   *  `ClientConfig.servers` can map it to another one */
  readonly server?: string;
  /** sse only: the declared event type has a top-level `error` property, so only an
   *  `event: error` event is an error (otherwise an event whose data has a top-level `error`
   *  key is one too) */
  readonly eventErrors?: 'event';
  /** security alternatives; undefined: none */
  readonly security?: SecurityAlternatives;
  /** retry non-idempotent methods too (spec extension `x-oagen-retry: true`) */
  readonly retry?: boolean;
}
