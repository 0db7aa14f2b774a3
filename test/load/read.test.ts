import { describe, expect, it } from 'vitest';
import { Diagnostics, OagenError } from '../../src/diagnostics.js';
import { readText } from '../../src/load/read.js';

function syntaxError(text: string, file: string): { code: string; line?: number; column?: number; message: string } {
  try {
    readText(text, file);
  } catch (e) {
    if (!(e instanceof OagenError)) throw e;
    const [d] = e.diagnostics;
    return { code: d.code, line: d.line, column: d.column, message: d.message };
  }
  throw new Error('no syntax error');
}

describe('readText: syntax errors carry line and column', () => {
  const cases: Array<{ name: string; text: string; file: string; code: string; line: number; column: number }> = [
    { name: 'YAML: unclosed flow sequence', text: 'openapi: 3.0.0\npaths: [1,\n', file: 'a.yaml', code: 'E_YAML_SYNTAX', line: 3, column: 1 },
    { name: 'YAML: bad indentation', text: 'openapi: 3.0.0\ninfo:\n  title: x\n version: 1\n', file: 'a.yaml', code: 'E_YAML_SYNTAX', line: 4, column: 2 },
    { name: 'YAML: tab indentation', text: 'a:\n\tb: 1\n', file: 'a.yml', code: 'E_YAML_SYNTAX', line: 2, column: 1 },
    { name: 'YAML: unknown alias', text: 'a: *nope\n', file: 'a.yaml', code: 'E_YAML_SYNTAX', line: 1, column: 5 },
    { name: 'JSON: trailing comma', text: '{\n  "openapi": "3.0.0",\n}\n', file: 'a.json', code: 'E_JSON_SYNTAX', line: 3, column: 1 },
    { name: 'JSON: unquoted key', text: '{\n  openapi: 1\n}', file: 'a.json', code: 'E_JSON_SYNTAX', line: 2, column: 3 },
    { name: 'JSON: truncated', text: '{"a": [1, 2', file: 'a.json', code: 'E_JSON_SYNTAX', line: 1, column: 12 },
    { name: 'empty file', text: ' \n\n', file: 'a.yaml', code: 'E_NOT_OPENAPI', line: 1, column: 1 },
  ];
  it.each(cases)('$name', ({ text, file, code, line, column }) => {
    const d = syntaxError(text, file);
    expect(d).toMatchObject({ code, line, column });
    if (code !== 'E_NOT_OPENAPI') expect(d.message).toMatch(code === 'E_JSON_SYNTAX' ? /^invalid JSON: / : /^invalid YAML: /);
  });
});

describe('readText: values', () => {
  it('reads JSON-looking text with JSON.parse and anything else as YAML', () => {
    expect(readText('{"a": 1}', 'x.yaml')).toEqual({ value: { a: 1 }, format: 'json' });
    expect(readText('{a: 1}', 'x.yaml')).toEqual({ value: { a: 1 }, format: 'yaml' });
    expect(readText('a: 1', 'spec')).toEqual({ value: { a: 1 }, format: 'yaml' });
    expect(readText('\ufeff{"a": 1}', 'x.json')).toEqual({ value: { a: 1 }, format: 'json' });
    expect(readText('\ufeffa: 1\n', 'x.yaml').value).toEqual({ a: 1 });
  });

  it('keeps YAML 1.2 core scalars: dates and yes/no stay strings', () => {
    const { value } = readText('d: 2024-01-01\ne: yes\nv: 1.0\nn: ~\nx: 0x10\n', 'x.yaml');
    expect(value).toEqual({ d: '2024-01-01', e: 'yes', v: 1, n: null, x: 16 });
  });

  it('accepts duplicate anchors (the latest definition wins)', () => {
    const { value } = readText('a: &x 1\nb: *x\nc: &x 2\nd: *x\n', 'x.yaml');
    expect(value).toEqual({ a: 1, b: 1, c: 2, d: 2 });
  });

  it('applies << merge keys', () => {
    const { value } = readText('base: &b {type: object, x: 1}\nchild:\n  <<: *b\n  x: 2\n', 'x.yaml');
    expect(value).toEqual({ base: { type: 'object', x: 1 }, child: { type: 'object', x: 2 } });
  });

  it('warns about a duplicate key and keeps the last value', () => {
    const diagnostics = new Diagnostics();
    const { value } = readText('a: 1\nb: 2\na: 3\n', 'specs/x.yaml', diagnostics);
    expect(value).toEqual({ a: 3, b: 2 });
    expect(diagnostics.list).toEqual([
      expect.objectContaining({ code: 'W_YAML_DUPLICATE_KEY', severity: 'warning', file: 'specs/x.yaml', line: 3, column: 1 }),
    ]);
  });

  it('reads __proto__ keys as own properties, never as the prototype', () => {
    for (const [text, file] of [
      ['__proto__:\n  polluted: true\n', 'x.yaml'],
      ['{"__proto__": {"polluted": true}}', 'x.json'],
    ]) {
      const value = readText(text, file).value as Record<string, unknown>;
      expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
      expect(Object.keys(value)).toEqual(['__proto__']);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }
  });

  it('accepts nesting deeper than js-yaml’s default limit of 100', () => {
    const deep = 'a:\n' + Array.from({ length: 150 }, (_, i) => '  '.repeat(i + 1) + 'a:').join('\n') + ' 1\n';
    expect(() => readText(deep, 'x.yaml')).not.toThrow();
  });
});

describe('readText: YAML aliases that would hang later stages', () => {
  it('refuses a node that contains itself', () => {
    const d = syntaxError('openapi: 3.1.0\ncomponents:\n  schemas:\n    A: &a\n      items: *a\n', 'x.yaml');
    expect(d).toMatchObject({ code: 'E_YAML_ALIAS_CYCLE', line: 5 });
  });

  it('refuses an alias bomb', () => {
    const levels = ['a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(10).fill('*' + prev).join(', ')}]`);
    }
    const d = syntaxError(levels.join('\n') + '\n', 'bomb.yaml');
    expect(d.code).toBe('E_YAML_ALIAS_EXPANSION');
  });

  it('accepts ordinary shared anchors', () => {
    const text = 'defs:\n  id: &id {type: string}\nA: {properties: {id: *id, other: *id}}\nB: [*id, *id]\n';
    const { value } = readText(text, 'x.yaml') as { value: Record<string, any> };
    expect(value.B[0]).toBe(value.defs.id);
  });
});
