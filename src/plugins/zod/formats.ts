/**
 * String formats and patterns → Zod. The rule (README, "Runtime validation"):
 *
 * - a format Zod checks becomes its schema: `date-time` → `z.iso.datetime({ offset: true })`,
 *   `date` → `z.iso.date()`, `email`, `uuid`, `uri` / `url` → `z.url()`, `ipv4`, `ipv6`,
 *   `hostname`, `byte` → `z.base64()`, `duration` → `z.iso.duration()`;
 * - any other format (`password`, `uri-reference`, `int64` on a string, vendor formats) is
 *   documentation only: the value must be a string, nothing more;
 * - a `pattern` becomes a regular expression with the `u` flag (JSON Schema patterns are
 *   ECMA-262, Unicode-aware), else without it unless it uses `\p{…}` or `\u{…}` (which mean
 *   something else without the flag); a pattern JavaScript cannot compile either way (`\Z`,
 *   possessive quantifiers, inline flags `(?i)`, `\p{Print}`) is left out.
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
  if (compiles(pattern, 'u')) {
    // a literal when the source reads as one (no `/`, no line break), else the constructor
    return /^[^/\n\r\u2028\u2029]*$/.test(pattern) && !pattern.endsWith('\\') ? `/${pattern}/u` : `new RegExp(${stringLiteral(pattern)}, "u")`;
  }
  // Without the flag `\p{…}` and `\u{…}` mean something else (`p{…}`): such a pattern is left out.
  // The rest (`[\w-.]`, `\_`: valid only without it) keeps its meaning; written with the
  // constructor, which TypeScript does not check as it checks literals.
  if (!/\\[pPu]\{/.test(pattern) && compiles(pattern, '')) return `new RegExp(${stringLiteral(pattern)})`;
  return undefined;
}

function compiles(pattern: string, flags: string): boolean {
  try {
    new RegExp(pattern, flags);
    return true;
  } catch {
    return false;
  }
}
