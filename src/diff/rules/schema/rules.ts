/**
 * Schema rules: reported wherever two schemas are compared. The id is `<family>-<suffix>`
 * (`request-property-required-added`, `response-enum-value-added`, `param-type-changed`);
 * the severity follows the data: `write` for request bodies and parameters, `read` for
 * responses and response headers.
 *
 * The reasoning: a writer (the client) breaks when the server starts rejecting what it
 * sends (a new required field, a removed enum value, a narrower type, a tighter constraint);
 * a reader breaks when it receives what it did not expect (a removed field, null, a wider
 * type, a looser constraint). Enum values and union members added to responses are
 * warnings: well-behaved readers tolerate them, strict ones do not.
 */
import { defineSchemaRules, type SchemaRule } from '../registry.js';

const r = (write: SchemaRule['write'], read: SchemaRule['read'], doc: string): SchemaRule => ({ write, read, doc });

export const SCHEMA_RULES = defineSchemaRules({
  // properties
  'property-added': r('info', 'info', 'an optional property was added (or, in responses, any property)'),
  'property-required-added': r('breaking', 'info', 'a required property was added (requests: clients must now send it)'),
  'property-removed': r('warning', 'breaking', 'a property was removed (responses: a required one, or one that became write-only)'),
  'optional-property-removed': r('warning', 'warning', 'an optional response property was removed'),
  'property-became-required': r('breaking', 'info', 'an optional property became required'),
  'property-became-optional': r('info', 'breaking', 'a required property became optional (readers relied on it)'),
  'property-became-read-only': r('warning', 'info', 'a property became read-only: clients that send it are ignored or rejected'),
  'read-only-changed': r('info', 'info', 'readOnly changed where it does not matter for this direction'),
  'write-only-changed': r('info', 'info', 'writeOnly changed where it does not matter for this direction'),
  'additional-properties-added': r('info', 'warning', 'the object now allows extra properties (additionalProperties)'),
  'additional-properties-removed': r('warning', 'info', 'the object no longer allows extra properties'),
  // types
  'type-changed': r('breaking', 'breaking', 'the type changed to an unrelated one (string → integer)'),
  'type-widened': r('info', 'breaking', 'the type accepts more values than before (integer → number, X → X | Y, enum → string)'),
  'type-narrowed': r('breaking', 'info', 'the type accepts fewer values than before (number → integer, X | Y → X, string → enum)'),
  'nullable-added': r('info', 'breaking', 'the value may now be null'),
  'nullable-removed': r('breaking', 'info', 'the value may no longer be null'),
  'format-changed': r('warning', 'warning', 'the format changed (date → date-time, int32 → int64, …)'),
  'format-added': r('warning', 'info', 'a format was added (the values are narrowed to it)'),
  'format-removed': r('info', 'warning', 'the format was removed (readers may get other values)'),
  'default-changed': r('warning', 'info', 'the default value changed, was added or was removed'),
  'became-deprecated': r('info', 'info', 'the schema or property was marked deprecated'),
  // enums
  'enum-value-added': r('info', 'warning', 'an enum value was added'),
  'enum-value-removed': r('breaking', 'info', 'an enum value was removed'),
  'open-enum-value-added': r('info', 'info', 'a known value was added to an open enum (any string is allowed)'),
  'open-enum-value-removed': r('info', 'info', 'a known value was removed from an open enum (any string is allowed)'),
  // unions and intersections
  'union-member-added': r('info', 'warning', 'a oneOf/anyOf member was added'),
  'union-member-removed': r('breaking', 'info', 'a oneOf/anyOf member was removed'),
  'union-keyword-changed': r('info', 'info', 'oneOf became anyOf or the reverse'),
  'intersection-member-added': r('breaking', 'info', 'an allOf member that could not be merged was added'),
  'intersection-member-removed': r('info', 'warning', 'an allOf member that could not be merged was removed'),
  'discriminator-added': r('warning', 'info', 'the union got a discriminator'),
  'discriminator-removed': r('info', 'warning', 'the union lost its discriminator'),
  'discriminator-property-changed': r('breaking', 'breaking', 'the discriminator property name changed'),
  'discriminator-value-added': r('info', 'warning', 'a discriminator mapping value was added'),
  'discriminator-value-removed': r('breaking', 'info', 'a discriminator mapping value was removed'),
  'discriminator-mapping-changed': r('breaking', 'breaking', 'a discriminator value maps to a different schema'),
  // constraints (see constraints.ts): tightened = breaking for writers, relaxed = breaking for readers
  'max-length-decreased': r('breaking', 'info', 'maxLength decreased'),
  'max-length-increased': r('info', 'breaking', 'maxLength increased'),
  'max-length-added': r('breaking', 'info', 'maxLength added'),
  'max-length-removed': r('info', 'breaking', 'maxLength removed'),
  'min-length-increased': r('breaking', 'info', 'minLength increased'),
  'min-length-decreased': r('info', 'breaking', 'minLength decreased'),
  'min-length-added': r('breaking', 'info', 'minLength added'),
  'min-length-removed': r('info', 'breaking', 'minLength removed'),
  'max-decreased': r('breaking', 'info', 'maximum (or exclusiveMaximum) decreased'),
  'max-increased': r('info', 'breaking', 'maximum (or exclusiveMaximum) increased'),
  'max-added': r('breaking', 'info', 'maximum (or exclusiveMaximum) added'),
  'max-removed': r('info', 'breaking', 'maximum (or exclusiveMaximum) removed'),
  'min-increased': r('breaking', 'info', 'minimum (or exclusiveMinimum) increased'),
  'min-decreased': r('info', 'breaking', 'minimum (or exclusiveMinimum) decreased'),
  'min-added': r('breaking', 'info', 'minimum (or exclusiveMinimum) added'),
  'min-removed': r('info', 'breaking', 'minimum (or exclusiveMinimum) removed'),
  'max-items-decreased': r('breaking', 'info', 'maxItems decreased'),
  'max-items-increased': r('info', 'breaking', 'maxItems increased'),
  'max-items-added': r('breaking', 'info', 'maxItems added'),
  'max-items-removed': r('info', 'breaking', 'maxItems removed'),
  'min-items-increased': r('breaking', 'info', 'minItems increased'),
  'min-items-decreased': r('info', 'breaking', 'minItems decreased'),
  'min-items-added': r('breaking', 'info', 'minItems added'),
  'min-items-removed': r('info', 'breaking', 'minItems removed'),
  'max-properties-decreased': r('breaking', 'info', 'maxProperties decreased'),
  'max-properties-increased': r('info', 'breaking', 'maxProperties increased'),
  'max-properties-added': r('breaking', 'info', 'maxProperties added'),
  'max-properties-removed': r('info', 'breaking', 'maxProperties removed'),
  'min-properties-increased': r('breaking', 'info', 'minProperties increased'),
  'min-properties-decreased': r('info', 'breaking', 'minProperties decreased'),
  'min-properties-added': r('breaking', 'info', 'minProperties added'),
  'min-properties-removed': r('info', 'breaking', 'minProperties removed'),
  'exclusive-max-added': r('breaking', 'info', 'exclusiveMaximum: true added (3.0 boolean form)'),
  'exclusive-max-removed': r('info', 'breaking', 'exclusiveMaximum: true removed (3.0 boolean form)'),
  'exclusive-min-added': r('breaking', 'info', 'exclusiveMinimum: true added (3.0 boolean form)'),
  'exclusive-min-removed': r('info', 'breaking', 'exclusiveMinimum: true removed (3.0 boolean form)'),
  'multiple-of-changed': r('breaking', 'warning', 'multipleOf changed, was added or was removed'),
  'unique-items-added': r('breaking', 'info', 'uniqueItems: true added'),
  'unique-items-removed': r('info', 'breaking', 'uniqueItems: true removed'),
  'pattern-added': r('breaking', 'info', 'a pattern was added'),
  'pattern-removed': r('info', 'warning', 'the pattern was removed'),
  'pattern-changed': r('breaking', 'warning', 'the pattern changed'),
});

export type SchemaRuleId = keyof typeof SCHEMA_RULES;
