import { describe, expect, it } from 'vitest';
import { RESERVED_WORDS } from '../../src/naming/reserved.js';

describe('RESERVED_WORDS', () => {
  // every word the engine refuses as a strict-mode binding must be reserved
  const candidates = [
    'await', 'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else',
    'enum', 'export', 'extends', 'false', 'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof', 'new',
    'null', 'return', 'super', 'switch', 'this', 'throw', 'true', 'try', 'typeof', 'var', 'void', 'while', 'with',
    'yield', 'let', 'static', 'implements', 'interface', 'package', 'private', 'protected', 'public', 'arguments',
    'eval', 'async', 'of', 'get', 'set', 'from', 'as', 'target', 'meta',
  ];
  it.each(candidates)('%s', (word) => {
    let refused = false;
    try {
      new Function(`"use strict"; let ${word} = 1; return ${word};`);
    } catch {
      refused = true;
    }
    if (refused) expect(RESERVED_WORDS.has(word)).toBe(true);
  });

  const shadowed = ['Promise', 'Array', 'Record', 'Date', 'Blob', 'File', 'Error', 'Object', 'String', 'Number', 'Boolean', 'Symbol', 'Map', 'Set', 'Response', 'Request', 'Headers', 'URL', 'FormData'];
  it.each(shadowed)('global %s is reserved', (name) => expect(RESERVED_WORDS.has(name)).toBe(true));

  const typeNames = ['any', 'unknown', 'never', 'number', 'string', 'boolean', 'symbol', 'object', 'bigint', 'undefined'];
  it.each(typeNames)('TypeScript type name %s is reserved', (name) => expect(RESERVED_WORDS.has(name)).toBe(true));

  it('ordinary names are not', () => {
    for (const name of ['User', 'listUsers', 'get', 'type_', 'Invite', 'async']) expect(RESERVED_WORDS.has(name)).toBe(false);
  });
});
