/**
 * The intermediate representation (IR) of an API.
 *
 * Everything is keyed by identity: schemas by JSON pointer (`#/components/schemas/User`),
 * operations by `METHOD /path`. Generated names are NOT stored here: the naming stage
 * (src/naming/) maps identities to identifiers, so the differ can compare identities.
 */

/** JSON pointer of a schema in the (bundled) document, e.g. `#/components/schemas/User`. */
export type SchemaId = string;

/** `GET /organization/users`: method upper-case, path as written in the spec. */
export type OperationKey = string;

export type LiteralValue = string | number | boolean | null;

/** Facts that every schema node may carry, whatever its kind. */
export interface SchemaMeta {
  /** where this node was found: a JSON pointer into the document */
  pointer: string;
  title?: string;
  description?: string;
  deprecated?: boolean;
  /** `X | null`: from 3.0 `nullable`, 3.1 `type: [X, "null"]`, or a `null` member of anyOf/oneOf */
  nullable?: boolean;
  readOnly?: boolean;
  writeOnly?: boolean;
  default?: unknown;
  example?: unknown;
  format?: string;
  constraints?: Constraints;
}

export interface Constraints {
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  exclusiveMaximum?: number | boolean;
  multipleOf?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  minProperties?: number;
  maxProperties?: number;
}

export interface Property {
  /** the wire name, exactly as in the spec */
  name: string;
  required: boolean;
  schema: Schema;
}

export interface Discriminator {
  /** the tag property, e.g. `type` */
  property: string;
  /** tag value → member schema id; explicit `mapping` merged with the implicit one (schema names) */
  mapping: { value: string; target: SchemaId }[];
}

export type Schema =
  | ({ kind: 'ref'; target: SchemaId } & SchemaMeta)
  | ({ kind: 'string' } & SchemaMeta)
  | ({ kind: 'number'; integer: boolean } & SchemaMeta)
  | ({ kind: 'boolean' } & SchemaMeta)
  | ({ kind: 'null' } & SchemaMeta)
  /** no constraint at all (`{}`, `true`): `unknown` */
  | ({ kind: 'unknown' } & SchemaMeta)
  /** `false` / impossible: `never` */
  | ({ kind: 'never' } & SchemaMeta)
  /** `format: binary` bodies and file parts: `Blob` */
  | ({ kind: 'binary' } & SchemaMeta)
  /** `const`, single-value enums */
  | ({ kind: 'literal'; value: LiteralValue } & SchemaMeta)
  /** `enum`: closed literal union; `open` adds `(string & {})` (anyOf [string, enum]) */
  | ({ kind: 'enum'; values: LiteralValue[]; open?: boolean } & SchemaMeta)
  | ({ kind: 'array'; items: Schema; prefixItems?: Schema[] } & SchemaMeta)
  | ({
      kind: 'object';
      /** sorted by wire name */
      properties: Property[];
      /** `additionalProperties` / `patternProperties`: undefined or false = none */
      additional?: Schema;
    } & SchemaMeta)
  | ({
      kind: 'union';
      members: Schema[];
      /** which keyword produced it: diff and docs keep the difference */
      keyword: 'oneOf' | 'anyOf' | 'type';
      discriminator?: Discriminator;
    } & SchemaMeta)
  /** `allOf` that could not be merged into one object */
  | ({ kind: 'intersection'; members: Schema[] } & SchemaMeta);

export type SchemaKind = Schema['kind'];
export type SchemaOf<K extends SchemaKind> = Extract<Schema, { kind: K }>;

/** A schema that gets its own exported type. */
export interface NamedSchema {
  id: SchemaId;
  /** the spec's own name for it (`components.schemas` key), before identifier rules */
  nameHint: string;
  schema: Schema;
}

export type ParamLocation = 'path' | 'query' | 'header' | 'cookie';

export interface Parameter {
  name: string;
  in: ParamLocation;
  required: boolean;
  schema: Schema;
  description?: string;
  deprecated?: boolean;
  style?: string;
  explode?: boolean;
  allowReserved?: boolean;
  /** `content: {application/json: …}` parameters */
  json?: boolean;
  pointer: string;
}

export interface MediaContent {
  mediaType: string;
  schema: Schema;
  /** the Encoding Objects of a multipart or form body's properties, by property name */
  encoding?: Record<string, Encoding>;
}

/** An Encoding Object (OpenAPI 3.x §4.8.15): how one property of a multipart or form body is written. */
export interface Encoding {
  contentType?: string;
  style?: 'form' | 'spaceDelimited' | 'pipeDelimited' | 'deepObject';
  explode?: boolean;
  allowReserved?: boolean;
}

export interface RequestBody {
  required: boolean;
  description?: string;
  /** sorted by media type */
  contents: MediaContent[];
  pointer: string;
}

export interface ResponseHeader {
  name: string;
  description?: string;
  required: boolean;
  schema: Schema;
}

export interface Response {
  /** `200`, `4XX`, `default` */
  status: string;
  description?: string;
  contents: MediaContent[];
  headers: ResponseHeader[];
  pointer: string;
}

/** Alternatives (OR) of requirements (AND): `[{ApiKeyAuth: []}]`. */
export type SecurityRequirement = Record<string, string[]>;

export type PaginationInfo =
  | { kind: 'cursor'; param: string; items: string; hasMore?: string; nextCursor?: string; itemCursor?: string }
  | { kind: 'page'; param: string; sizeParam?: string; items: string; totalPages?: string; totalItems?: string }
  | { kind: 'offset'; param: string; limitParam?: string; items: string; totalItems?: string }
  | { kind: 'url'; nextUrl: string; items: string };

export interface Operation {
  key: OperationKey;
  method: string;
  path: string;
  operationId?: string;
  summary?: string;
  description?: string;
  deprecated: boolean;
  /** first tag decides the API group; empty → default group */
  tags: string[];
  /** sorted: path params in path order, then required, then by name */
  parameters: Parameter[];
  requestBody?: RequestBody;
  /** sorted by status code */
  responses: Response[];
  /** undefined: inherits the document's security */
  security?: SecurityRequirement[];
  /** the operation's own `servers`, else its path's; undefined: the document's */
  servers?: Server[];
  /** vendor extensions on the operation (`x-…`), kept for pagination and retries */
  extensions: Record<string, unknown>;
  pointer: string;
}

export type SecurityScheme =
  | { name: string; type: 'http'; scheme: string; bearerFormat?: string; description?: string }
  | { name: string; type: 'apiKey'; in: 'header' | 'query' | 'cookie'; paramName: string; description?: string }
  | { name: string; type: 'oauth2'; flows: Record<string, { authorizationUrl?: string; tokenUrl?: string; scopes: Record<string, string> }>; description?: string }
  | { name: string; type: 'openIdConnect'; url: string; description?: string }
  | { name: string; type: 'mutualTLS'; description?: string };

/**
 * A webhook (OpenAPI 3.1 `webhooks`, or the 3.0 extension `x-webhooks`): a request the API sends
 * to its users' servers. Keyed by `METHOD name`.
 */
export interface Webhook {
  /** `POST batch_completed` */
  key: string;
  /** the `webhooks` key */
  name: string;
  method: string;
  operationId?: string;
  summary?: string;
  description?: string;
  deprecated: boolean;
  /** the payload: the request body, by media type */
  payload?: RequestBody;
  /** declared header parameters */
  headers: Parameter[];
  /**
   * How a delivery is recognised as this event, when the spec says: a declared header with one
   * literal value, or a required payload property whose literal value differs for every webhook.
   */
  event?: { in: 'header'; name: string; value: string } | { in: 'body'; property: string; value: LiteralValue };
  pointer: string;
}

export interface Server {
  url: string;
  description?: string;
  variables?: Record<string, { default: string; enum?: string[]; description?: string }>;
}

export interface Tag {
  name: string;
  description?: string;
}

export interface ApiIR {
  /** version of the source document */
  sourceVersion: '2.0' | '3.0' | '3.1';
  info: { title: string; version: string; description?: string; summary?: string };
  servers: Server[];
  /** named schemas, sorted by id */
  schemas: NamedSchema[];
  /** sorted by path, then method */
  operations: Operation[];
  /** sorted by name */
  securitySchemes: SecurityScheme[];
  security: SecurityRequirement[];
  /** declared tags, in declaration order (docs follow it), plus undeclared ones used by operations */
  tags: Tag[];
  /** sorted by name, then method; absent: none declared */
  webhooks?: Webhook[];
}
