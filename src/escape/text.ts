/**
 * What every escaping family does to prose first (src/escape/typescript.ts for JSDoc,
 * src/escape/markdown.ts for docs): line breaks normalized, invisible characters removed.
 */

/** removed from comments and docs: controls except tab and newline, invisible format characters */
const COMMENT_STRIP = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Normalize prose: CRLF / CR / U+2028 / U+2029 → LF, invisible controls removed, lone surrogates → U+FFFD. */
export function cleanText(text: string): string {
  return String(text)
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
    .replace(COMMENT_STRIP, '')
    .replace(LONE_SURROGATE, '\ufffd');
}
