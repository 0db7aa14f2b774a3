/**
 * Text → value: JSON with `JSON.parse`, YAML with js-yaml (YAML 1.2 core schema plus `<<`
 * merge keys; duplicate anchors are allowed, the latest definition wins; aliases that make
 * a cycle or an exponential expansion are refused). Syntax errors become diagnostics with
 * line and column.
 */
import { CORE_SCHEMA, load, mergeTag, YAMLException } from 'js-yaml';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { displayPath, EXIT_USAGE, OagenError, type Diagnostic, type Diagnostics } from '../diagnostics.js';
import { checkAliases, mayHaveAliases } from './aliases.js';
import { textLocator, type TextFormat } from './locate/index.js';
import { lineIndex } from './locate/lines.js';
import { parsePointer } from './pointer.js';

const YAML_SCHEMA = CORE_SCHEMA.withTags(mergeTag);

/** Deepest nesting accepted in YAML (js-yaml's default of 100 is too low for some real specs). */
const MAX_DEPTH = 1000;

/**
 * A file's text; a file that cannot be read is `E_FILE_READ` naming it, a usage error (exit 2).
 * `what` names the file's role in the message (`the spec`, `the overlay`).
 */
export async function readSourceFile(file: string, what: string, diagnostics: Diagnostics): Promise<string> {
  try {
    // read whole, then decoded once: with an encoding, readFile decodes chunk by chunk into a
    // string of pieces that the first character read has to join again (tens of ms on 5 MB)
    return (await readFile(file)).toString('utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : String(code ?? e);
    const d: Diagnostic = { code: 'E_FILE_READ', severity: 'error', message: `cannot read ${what}: ${reason}`, file: displayPath(file) };
    diagnostics.add(d);
    throw new OagenError([d], EXIT_USAGE);
  }
}

export interface ReadResult {
  value: unknown;
  format: TextFormat;
}

/**
 * Parse a spec file's text. Throws an OagenError (E_JSON_SYNTAX / E_YAML_SYNTAX) with the
 * position when the text does not parse; reports a duplicate YAML key as a warning
 * (W_YAML_DUPLICATE_KEY) and keeps the last value.
 */
export function readText(text: string, file: string, diagnostics?: Diagnostics): ReadResult {
  const ext = extname(file).toLowerCase();
  const body = text.charCodeAt(0) === 0xfeff ? 1 : 0; // a BOM is skipped (offsets stay those of `text`)
  if (ext === '.json') return { value: parseJson(text, body, file), format: 'json' };
  // JSON is valid YAML, but JSON.parse is several times faster: try it first on JSON-looking
  // text, and read the text as YAML when it is not strict JSON
  if (/^\s*[{[]/.test(text.slice(body, body + 256))) {
    try {
      return { value: JSON.parse(body ? text.slice(body) : text), format: 'json' };
    } catch {
      // YAML flow syntax that is not JSON
    }
  }
  if (/^\s*$/.test(text.slice(body))) throw syntaxError('E_NOT_OPENAPI', 'the file is empty: not an OpenAPI document', file, 1, 1);
  return { value: parseYaml(text, file, diagnostics), format: 'yaml' };
}

function parseJson(text: string, body: number, file: string): unknown {
  try {
    return JSON.parse(body ? text.slice(body) : text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const m = /position (\d+)/.exec(message);
    const offset = m ? Number(m[1]) + body : text.length;
    const { line, column } = lineIndex(text).position(offset);
    const reason = message.replace(/^JSON\.parse: /, '').replace(/\s*\(line \d+ column \d+\)$/, '');
    throw syntaxError('E_JSON_SYNTAX', `invalid JSON: ${reason}`, file, line, column);
  }
}

function parseYaml(text: string, file: string, diagnostics?: Diagnostics): unknown {
  const value = loadYaml(text, file, diagnostics);
  if (mayHaveAliases(text)) {
    const problem = checkAliases(value);
    if (problem) {
      const at = textLocator(text, displayPath(file), 'yaml')(parsePointer(problem.pointer));
      const d: Diagnostic = { code: problem.code, severity: 'error', message: problem.message, file: displayPath(file), pointer: problem.pointer };
      if (at?.line !== undefined) Object.assign(d, { line: at.line, column: at.column });
      throw new OagenError(d);
    }
  }
  return value;
}

function loadYaml(text: string, file: string, diagnostics?: Diagnostics): unknown {
  try {
    return load(text, { schema: YAML_SCHEMA, filename: file, maxDepth: MAX_DEPTH });
  } catch (e) {
    const dup = yamlError(e);
    if (dup && /^duplicated mapping key/.test(dup.reason)) {
      diagnostics?.add({
        code: 'W_YAML_DUPLICATE_KEY',
        severity: 'warning',
        message: `${dup.reason}; the last value is used`,
        file: displayPath(file),
        ...position(dup),
      });
      try {
        return load(text, { schema: YAML_SCHEMA, filename: file, maxDepth: MAX_DEPTH, json: true });
      } catch (e2) {
        e = e2;
      }
    }
    const err = yamlError(e);
    if (!err) throw e;
    const { line, column } = position(err);
    throw syntaxError('E_YAML_SYNTAX', `invalid YAML: ${err.reason}`, file, line, column);
  }
}

function yamlError(e: unknown): YAMLException | undefined {
  return e instanceof YAMLException ? e : undefined;
}

function position(e: YAMLException): { line?: number; column?: number } {
  return e.mark ? { line: e.mark.line + 1, column: e.mark.column + 1 } : {};
}

function syntaxError(code: string, message: string, file: string, line?: number, column?: number): OagenError {
  const d: Diagnostic = { code, severity: 'error', message, file: displayPath(file) };
  if (line !== undefined) d.line = line;
  if (column !== undefined) d.column = column;
  return new OagenError(d);
}
