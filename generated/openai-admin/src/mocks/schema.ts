/**
 * The schemas the fake-data generator reads: a compact JSON form of the spec's schemas,
 * written by oagen into `mocks/schemas.ts` (one entry per model, `r` naming another entry).
 */
export type Literal = string | number | boolean | null;

export interface FakeSchema {
  /** kind */
  k: 'ref' | 'string' | 'number' | 'boolean' | 'null' | 'any' | 'never' | 'binary' | 'lit' | 'enum' | 'array' | 'object' | 'oneOf' | 'anyOf' | 'allOf';
  /** `null` is allowed too */
  n?: 1;
  /** the spec's example (used first when it is valid) */
  ex?: unknown;
  /** ref: the model's entry */
  r?: string;
  /** string: format; number: `int32`… */
  f?: string;
  /** number: integer */
  int?: 1;
  /** string length, array items, object properties: bounds; number: inclusive bounds */
  min?: number;
  max?: number;
  /** number: exclusive bounds */
  xmin?: number;
  xmax?: number;
  /** number: multipleOf */
  m?: number;
  /** string: pattern */
  p?: string;
  /** lit: the value; enum: the values */
  v?: Literal | Literal[];
  /** array: the items, the prefix items, unique */
  i?: FakeSchema;
  pre?: FakeSchema[];
  u?: 1;
  /** object: properties as [name, required (1/0), schema], additional properties' schema */
  props?: [string, 0 | 1, FakeSchema][];
  a?: FakeSchema;
  /** oneOf / anyOf / allOf: members */
  of?: FakeSchema[];
  /** discriminator: tag property and [value, entry] pairs */
  tag?: string;
  map?: [string, string][];
}

export type FakeSchemas = Readonly<Record<string, FakeSchema>>;
