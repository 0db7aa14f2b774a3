/**
 * `.oagenignore` in a package folder: files oagen never touches (never writes, never deletes,
 * never merges). One pattern a line, as in `.gitignore`: `#` starts a comment, blank lines
 * are skipped; `*` matches within one path segment, `**` across segments, `?` one character;
 * a pattern with no `/` (other than a trailing one) matches a file's name in any folder
 * (`*.local.ts`), one with a `/` matches from the package root (`src/api/users.ts`,
 * `/README.md`); a trailing `/` matches everything under a folder (`src/custom/`). Negation
 * (`!`) is not supported and is an error.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OagenError } from '../diagnostics.js';

export const IGNORE_FILE = '.oagenignore';

export type IgnoreTest = (path: string) => boolean;

/** The ignore rules of a package folder (nothing is ignored without the file). */
export function readIgnore(dir: string): IgnoreTest {
  let text: string;
  try {
    text = readFileSync(join(dir, IGNORE_FILE), 'utf8');
  } catch {
    return () => false;
  }
  return parseIgnore(text, join(dir, IGNORE_FILE));
}

export function parseIgnore(text: string, file = IGNORE_FILE): IgnoreTest {
  const rules: RegExp[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    if (line.startsWith('!')) {
      throw new OagenError({ code: 'E_IGNORE', severity: 'error', message: `${file}:${i + 1}: negated patterns ("${line}") are not supported`, file }, 2);
    }
    rules.push(patternRegExp(line));
  });
  return (path) => path === IGNORE_FILE || rules.some((r) => r.test(path));
}

function patternRegExp(pattern: string): RegExp {
  let p = pattern;
  const folder = p.endsWith('/');
  if (folder) p = p.slice(0, -1);
  const anchored = p.includes('/');
  if (p.startsWith('/')) p = p.slice(1);
  let re = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '*' && p[i + 1] === '*') {
      // `**/` any folders (or none), `**` anything
      if (p[i + 2] === '/') {
        re += '(?:.*/)?';
        i += 2;
      } else {
        re += '.*';
        i += 1;
      }
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  const head = anchored ? '^' : '^(?:.*/)?';
  const tail = folder ? '/.*$' : '(?:/.*)?$';
  return new RegExp(head + re + tail);
}
