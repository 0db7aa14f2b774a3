/** A schema's JSDoc lines (src/view/printer.ts `schemaDocLines`): description, then the facts, then tags. */
import { describe, expect, it } from 'vitest';
import type { Schema } from '../../src/ir/types.js';
import { schemaDocLines } from '../../src/view/printer.js';

const str = (extra: Partial<Extract<Schema, { kind: 'string' }>> = {}): Schema => ({ kind: 'string', pointer: '#/x', ...extra }) as Schema;

describe('schemaDocLines', () => {
  it.each<[string, Schema, string[]]>([
    ['nothing to say', str(), []],
    ['an empty format says nothing', str({ format: '' }), []],
    ['a description', str({ description: 'The name.' }), ['The name.']],
    ['the title when there is no description', str({ title: 'Name' }), ['Name']],
    ['a format', str({ format: 'email' }), ['format: email']],
    ['a binary format is the type already', { kind: 'binary', pointer: '#/x', format: 'binary' } as Schema, []],
    ['facts joined on one line, after a blank line', str({ description: 'Code.', format: 'uuid', constraints: { minLength: 1, pattern: '^a' }, readOnly: true }), ['Code.', '', 'format: uuid; minLength: 1; pattern: "^a"; read-only: set by the server, ignored in requests']],
    ['write-only', str({ writeOnly: true }), ['write-only: sent in requests, never returned']],
    ['a default and deprecation as tags', str({ default: 'a', deprecated: true }), ['@default "a"', '@deprecated']],
  ])('%s', (_, schema, lines) => {
    expect(schemaDocLines(schema)).toEqual(lines);
  });
  it('leaves the description out when asked', () => {
    expect(schemaDocLines(str({ description: 'The name.', format: 'email' }), false)).toEqual(['format: email']);
  });
});
