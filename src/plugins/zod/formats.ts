/**
 * String formats and patterns → Zod. The rule (README, "Runtime validation"):
 *
 * - a format Zod checks becomes its schema: `date-time` → `z.iso.datetime({ offset: true })`,
 *   `date` → `z.iso.date()`, `email`, `uuid`, `uri` / `url` → `z.url()`, `ipv4`, `ipv6`,
 *   `hostname`, `byte` → `z.base64()`, `duration` → `z.iso.duration()`;
 * - any other format (`password`, `uri-reference`, `int64` on a string, vendor formats) is
 *   documentation only: the value must be a string, nothing more;
 * - a `pattern` becomes a regular expression with the `u` flag (JSON Schema patterns are
 *   ECMA-262, Unicode-aware), else without it; a pattern JavaScript cannot compile either way
 *   (`\Z`, possessive quantifiers, inline flags `(?i)`) is left out, and the schema says so in
 *   a comment.
 */
import { stringLiteral } from '../../escape/index.js';

const FORMATS: Readonly<Record<string, string>> = {
  'date-time': 'z.iso.datetime({ offset: true })',
  date: 'z.iso.date()',
  email: 'z.email()',
  uuid: 'z.uuid()',
  uri: 'z.url()',
  url: 'z.url()',
  ipv4: 'z.ipv4()',
  ipv6: 'z.ipv6()',
  hostname: 'z.hostname()',
  byte: 'z.base64()',
  duration: 'z.iso.duration()',
};

/** The Zod schema of a string with this format; `z.string()` for formats Zod has no check for. */
export function stringFormat(format: string | undefined): string {
  return (format !== undefined && Object.hasOwn(FORMATS, format) && FORMATS[format]) || 'z.string()';
}

/** Whether a string of this format is a date (`dates: "Date"` turns it into a `Date`). */
export function isDateFormat(format: string | undefined): boolean {
  return format === 'date-time' || format === 'date';
}

/** A JavaScript regular expression for a JSON Schema `pattern`, or undefined when JavaScript cannot compile it. */
export function patternRegex(pattern: string): string | undefined {
  if (pattern === '') return undefined; // matches everything
  for (const flags of ['u', '']) {
    try {
      new RegExp(pattern, flags);
    } catch {
      continue;
    }
    // a literal when the source reads as one (no `/`, no line break), else the constructor
    return /^[^/\n\r\u2028\u2029]*$/.test(pattern) && !pattern.endsWith('\\') ? `/${pattern}/${flags}` : `new RegExp(${stringLiteral(pattern)}${flags ? `, ${stringLiteral(flags)}` : ''})`;
  }
  return undefined;
}
