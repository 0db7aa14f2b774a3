/** Reading tool output: first error line, stack-trace detection, tsc error lines. */

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;

export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

/** A V8 stack frame line such as "    at parse (file:///x/y.js:10:5)" or "    at /x/y.js:1:2". */
const STACK_FRAME = /^\s+at (?:.+ \()?(?:file:\/\/|node:|\/|[A-Za-z]:\\|<anonymous>|native)[^\n]*\)?$/m;

export function hasStackTrace(text: string): boolean {
  return STACK_FRAME.test(stripAnsi(text));
}

/**
 * The line most likely to explain a failure: the first line that starts like an error
 * ("Error: …", "TypeError: …", "error …", "fatal …"), else the first line mentioning one,
 * else the last non-empty line. Stack frames are skipped. Trimmed to `max` characters.
 */
export function firstErrorLine(text: string, max = 200): string {
  const lines = stripAnsi(text)
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0 && !/^at /.test(l));
  const hit =
    lines.find((l) => /^(?:[A-Za-z]*(?:Error|Exception)\b|(?:error|fatal)\b|✖|×)/.test(l)) ??
    lines.find((l) => /\b(error|exception|fatal|failed|cannot|heap out of memory)\b/i.test(l)) ??
    lines.at(-1) ??
    '';
  return hit.length > max ? `${hit.slice(0, max - 1)}…` : hit;
}

/** Lines of tsc output that start a diagnostic ("file(1,2): error TS1234: ..." or "error TS5083: ..."). */
export function tscErrorLines(text: string): string[] {
  return stripAnsi(text)
    .split(/\r?\n/)
    .filter((l) => /\berror TS\d+:/.test(l))
    .map((l) => l.trim());
}
