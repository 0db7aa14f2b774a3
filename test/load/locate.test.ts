import { load as loadYaml } from 'js-yaml';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jsonFinder } from '../../src/load/locate/json.js';
import { lineIndex } from '../../src/load/locate/lines.js';
import { yamlFinder } from '../../src/load/locate/yaml.js';
import { escapeSegment, parsePointer } from '../../src/load/pointer.js';

/** line:column of a pointer in text, or 'inexact line:column' for a nearest ancestor */
function where(text: string, format: 'json' | 'yaml', pointer: string): string {
  const find = format === 'json' ? jsonFinder(text) : yamlFinder(text);
  const { offset, exact } = find(parsePointer(pointer));
  const { line, column } = lineIndex(text).position(offset);
  return `${exact ? '' : 'inexact '}${line}:${column}`;
}

const YAML = `openapi: 3.1.0
paths:
  /organization/users:
    get:
      parameters:
        - name: limit
          in: query
        - $ref: '#/components/parameters/After'
  "/quoted/{id}":
    get: {operationId: flow, tags: [a, b]}
components:
  schemas:
    Base: &base
      type: object
      properties:
        id: {type: string}
    Child:
      <<: *base
      description: merged
    Alias: *base
    200: numeric key
    'a~b/c': escaped
    empty:
`;

describe('YAML finder', () => {
  const cases: Array<{ pointer: string; want: string }> = [
    { pointer: '#', want: '1:1' },
    { pointer: '#/openapi', want: '1:1' },
    { pointer: '#/paths', want: '2:1' },
    { pointer: '#/paths/~1organization~1users', want: '3:3' },
    { pointer: '#/paths/~1organization~1users/get/parameters/0', want: '6:11' },
    { pointer: '#/paths/~1organization~1users/get/parameters/0/in', want: '7:11' },
    { pointer: '#/paths/~1organization~1users/get/parameters/1', want: '8:11' },
    { pointer: '#/paths/~1quoted~1{id}/get', want: '10:5' },
    { pointer: '#/paths/~1quoted~1{id}/get/operationId', want: '10:11' },
    { pointer: '#/paths/~1quoted~1{id}/get/tags/1', want: '10:40' },
    { pointer: '#/components/schemas/Base/properties/id/type', want: '16:14' },
    // through a merge key and an alias: the position of the anchored definition
    { pointer: '#/components/schemas/Child/description', want: '19:7' },
    { pointer: '#/components/schemas/Child/properties/id', want: '16:9' },
    { pointer: '#/components/schemas/Alias/type', want: '14:7' },
    { pointer: '#/components/schemas/200', want: '21:5' },
    { pointer: '#/components/schemas/a~0b~1c', want: '22:5' }, // the opening quote
    { pointer: '#/components/schemas/empty', want: '23:5' },
    // missing: the nearest ancestor that exists
    { pointer: '#/components/schemas/Nope/properties', want: 'inexact 12:3' },
    { pointer: '#/paths/~1organization~1users/get/parameters/7', want: 'inexact 5:7' },
    { pointer: '#/openapi/x', want: 'inexact 1:1' },
  ];
  it.each(cases)('$pointer → $want', ({ pointer, want }) => expect(where(YAML, 'yaml', pointer)).toBe(want));
});

const JSON_TEXT = `{
  "openapi": "3.0.3",
  "paths": {
    "/organization/users": {
      "get": {
        "parameters": [
          { "name": "limit", "in": "query" },
          { "$ref": "#/components/parameters/After" }
        ]
      }
    },
    "/esc\\"aped\\u0041": { "x": [1, [2, 3], {"y": "}]"}] }
  },
  "a/b": {"c~d": true},
  "a/b": {"c~d": false, "last": 1}
}`;

describe('JSON finder', () => {
  const cases: Array<{ pointer: string; want: string }> = [
    { pointer: '#', want: '1:1' },
    { pointer: '#/openapi', want: '2:3' },
    { pointer: '#/paths/~1organization~1users/get', want: '5:7' },
    { pointer: '#/paths/~1organization~1users/get/parameters/0', want: '7:11' },
    { pointer: '#/paths/~1organization~1users/get/parameters/0/in', want: '7:30' },
    { pointer: '#/paths/~1organization~1users/get/parameters/1/$ref', want: '8:13' },
    { pointer: '#/paths/~1esc"apedA', want: '12:5' },
    { pointer: '#/paths/~1esc"apedA/x/2/y', want: '12:45' },
    { pointer: '#/paths/~1esc"apedA/x/1', want: '12:36' },
    { pointer: '#/paths/~1esc"apedA/x/1/1', want: '12:40' },
    // a repeated key: the last one, as JSON.parse keeps
    { pointer: '#/a~1b/last', want: '15:25' },
    { pointer: '#/paths/nope', want: 'inexact 3:3' },
    { pointer: '#/paths/~1organization~1users/get/parameters/9', want: 'inexact 6:9' },
  ];
  it.each(cases)('$pointer → $want', ({ pointer, want }) => expect(where(JSON_TEXT, 'json', pointer)).toBe(want));

  it('answers many lookups in one container (scanning resumes, keys cached)', () => {
    const keys = Array.from({ length: 2000 }, (_, i) => `k${i}`);
    const text = JSON.stringify(Object.fromEntries(keys.map((k) => [k, { v: k }])), null, 1);
    const find = jsonFinder(text);
    const lines = lineIndex(text);
    for (const k of [...keys].reverse()) {
      const { offset, exact } = find([k, 'v']);
      expect(exact).toBe(true);
      expect(text.slice(offset, offset + 4)).toBe('"v":');
      expect(lines.position(offset).line).toBe(keys.indexOf(k) * 3 + 3);
    }
  });
});

describe('line index', () => {
  it('counts LF, CRLF and lone CR line ends', () => {
    const text = 'a\nb\r\nc\rd';
    const idx = lineIndex(text);
    expect(['a', 'b', 'c', 'd'].map((c) => idx.position(text.indexOf(c)))).toEqual([
      { line: 1, column: 1 },
      { line: 2, column: 1 },
      { line: 3, column: 1 },
      { line: 4, column: 1 },
    ]);
  });
});

/** Every path, operation, parameter and component schema of a real spec is found on the line that names it. */
describe('on the OpenAI spec', () => {
  const text = readFileSync('specs/openai.yaml', 'utf8'); // = ../shared/specs/openai/openapi.yaml
  const doc = JSON.parse(JSON.stringify(loadYaml(text))) as {
    paths: Record<string, Record<string, { parameters?: unknown[] }>>;
    components: { schemas: Record<string, unknown> };
  };

  function pointers(): Array<{ pointer: string; key: string | number }> {
    const out: Array<{ pointer: string; key: string | number }> = [];
    for (const [path, item] of Object.entries(doc.paths)) {
      const p = '#/paths/' + escapeSegment(path);
      out.push({ pointer: p, key: path });
      for (const [method, op] of Object.entries(item)) {
        out.push({ pointer: `${p}/${method}`, key: method });
        (op.parameters ?? []).forEach((_, i) => out.push({ pointer: `${p}/${method}/parameters/${i}`, key: i }));
      }
    }
    for (const name of Object.keys(doc.components.schemas)) out.push({ pointer: '#/components/schemas/' + escapeSegment(name), key: name });
    return out;
  }

  it('YAML text', () => {
    const find = yamlFinder(text);
    const lines = text.split('\n');
    const idx = lineIndex(text);
    const all = pointers();
    expect(all.length).toBeGreaterThan(2000);
    for (const { pointer, key } of all) {
      const { offset, exact } = find(parsePointer(pointer));
      expect(exact, pointer).toBe(true);
      const { line, column } = idx.position(offset);
      const rest = lines[line - 1].slice(column - 1);
      if (typeof key === 'number') expect(lines[line - 1].slice(0, column - 1), pointer).toMatch(/- $/);
      else expect([`${key}:`, `'${key}':`, `"${key}":`].some((k) => rest.startsWith(k)), `${pointer} at ${line}:${column}: ${rest}`).toBe(true);
    }
  });

  it('the same document as indented and as minified JSON', () => {
    for (const json of [JSON.stringify(doc, null, 2), JSON.stringify(doc)]) {
      const find = jsonFinder(json);
      for (const { pointer, key } of pointers()) {
        const { offset, exact } = find(parsePointer(pointer));
        expect(exact, pointer).toBe(true);
        const rest = json.slice(offset);
        if (typeof key === 'number') expect(rest.startsWith('{'), pointer).toBe(true);
        else expect(rest.startsWith(JSON.stringify(key) + ':'), pointer).toBe(true);
      }
    }
  });
});

