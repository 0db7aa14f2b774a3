import { ts } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import {
  identifier,
  jsDoc,
  jsDocLines,
  literalExpression,
  literalValue,
  markdownCode,
  markdownTableCell,
  markdownText,
  objectLiteralKey,
  propertyKey,
  stringLiteral,
  templateLiteralText,
} from '../../src/escape/index.js';
import { RESERVED_WORDS } from '../../src/naming/reserved.js';

/** Evaluate a JS expression in a fresh function (strict mode). */
const evaluate = (expr: string): unknown => new Function(`"use strict"; return (${expr});`)();

describe('identifier', () => {
  const cases: Array<{ given: string; fallback?: string; want: string }> = [
    { given: 'listUsers', want: 'listUsers' },
    { given: 'User', want: 'User' },
    { given: '$ok', want: '$ok' },
    { given: '_private', want: '_private' },
    { given: '', want: '_' },
    { given: '', fallback: 'Schema', want: 'Schema' },
    { given: '🙂', fallback: 'operation', want: 'operation' },
    { given: '---', fallback: '1bad', want: '_1bad' },
    { given: '1abc', want: '_1abc' },
    { given: '2', want: '_2' },
    { given: 'class', want: 'class_' },
    { given: 'delete', want: 'delete_' },
    { given: 'await', want: 'await_' },
    { given: 'yield', want: 'yield_' },
    { given: 'let', want: 'let_' },
    { given: 'arguments', want: 'arguments_' },
    { given: 'eval', want: 'eval_' },
    { given: 'undefined', want: 'undefined_' },
    { given: 'string', want: 'string_' },
    { given: 'Promise', want: 'Promise_' },
    { given: 'Record', want: 'Record_' },
    { given: 'Error', want: 'Error_' },
    { given: 'Response', want: 'Response_' },
    { given: '__proto__', want: '__proto__' },
    { given: 'constructor', want: 'constructor' },
    { given: 'a-b', want: 'a_b' },
    { given: 'a b  c', want: 'a_b_c' },
    { given: '*/alert(1)/*', want: 'alert_1' },
    { given: '${x}', want: '$_x' },
    { given: '"quoted"', want: 'quoted' },
    { given: "it's", want: 'it_s' },
    { given: 'back`tick', want: 'back_tick' },
    { given: 'a\\b', want: 'a_b' },
    { given: 'line\r\nbreak', want: 'line_break' },
    { given: 'sep\u2028arator', want: 'sep_arator' },
    { given: 'nul\0byte', want: 'nul_byte' },
    { given: '</script>', want: 'script' },
    { given: 'café', want: 'café' },
    { given: 'cafe\u0301', want: 'café' },
    { given: '用户', want: '用户' },
    { given: 'émoji🙂name', want: 'émoji_name' },
    { given: 'zero\u200dwidth', want: 'zero_width' },
    { given: '\u0301accent', want: '_\u0301accent' },
  ];
  it.each(cases)('$given → $want', ({ given, fallback, want }) => {
    const id = identifier(given, fallback);
    expect(id).toBe(want);
    expect(() => new Function(`"use strict"; let ${id} = 1; return ${id};`)).not.toThrow();
  });

  it('keeps only characters TypeScript accepts in identifiers (whole BMP)', () => {
    const rejected: string[] = [];
    for (let cp = 0x80; cp <= 0xffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCharCode(cp);
      const asPart = identifier('a' + ch + 'b');
      if (asPart === 'a' + ch + 'b' && !ts.isIdentifierPart(cp, ts.ScriptTarget.ESNext)) rejected.push(cp.toString(16));
      const asStart = identifier(ch + 'b');
      if (asStart === ch + 'b' && !ts.isIdentifierStart(cp, ts.ScriptTarget.ESNext)) rejected.push(cp.toString(16));
    }
    expect(rejected).toEqual([]);
    // letters outside the BMP (here CJK extension H, Unicode 15) are dropped
    expect(identifier('a\u{323B0}b')).toBe('a_b');
    expect(propertyKey('\u{323B0}')).toBe("'\u{323B0}'");
  });

  it('never returns a reserved word', () => {
    for (const word of RESERVED_WORDS) expect(RESERVED_WORDS.has(identifier(word))).toBe(false);
  });
});

describe('propertyKey', () => {
  const cases: Array<{ given: string; want: string }> = [
    { given: 'id', want: 'id' },
    { given: 'created_at', want: 'created_at' },
    { given: 'class', want: 'class' }, // reserved words are fine as property names
    { given: 'delete', want: 'delete' },
    { given: '__proto__', want: "'__proto__'" },
    { given: 'constructor', want: "'constructor'" },
    { given: 'prototype', want: "'prototype'" },
    { given: 'user-id', want: "'user-id'" },
    { given: '200', want: "'200'" },
    { given: '1st', want: "'1st'" },
    { given: '', want: "''" },
    { given: 'a"b', want: "'a\"b'" },
    { given: 'a\\b', want: "'a\\\\b'" },
    { given: '*/', want: "'*\\/'" },
    { given: 'x\u200dy', want: "'x\\u200Dy'" },
    { given: 'café', want: 'café' },
    { given: '🙂', want: "'🙂'" },
    { given: '$ref', want: '$ref' },
  ];
  it.each(cases)('$given → $want', ({ given, want }) => {
    expect(propertyKey(given)).toBe(want);
    // the key names exactly the wire name
    const type = new Function(`"use strict"; return { ${objectLiteralKey(given)}: 1 };`)() as Record<string, number>;
    expect(Object.keys(type)).toEqual([given]);
  });

  it('objectLiteralKey computes __proto__ so it defines an own property', () => {
    expect(objectLiteralKey('__proto__')).toBe("['__proto__']");
    const o = new Function(`return { ${objectLiteralKey('__proto__')}: { polluted: true } };`)() as object;
    expect(Object.getPrototypeOf(o)).toBe(Object.prototype);
    expect(Object.prototype.hasOwnProperty.call(o, '__proto__')).toBe(true);
  });
});

describe('stringLiteral', () => {
  const cases: Array<{ given: string; want: string }> = [
    { given: 'plain', want: "'plain'" },
    { given: '', want: "''" },
    { given: 'a"b', want: "'a\"b'" },
    { given: "it's", want: "'it\\'s'" },
    { given: 'back`tick ${x}', want: "'back`tick ${x}'" },
    { given: 'a\\b', want: "'a\\\\b'" },
    { given: 'CR\r\nLF', want: "'CR\\r\\nLF'" },
    { given: 'tab\there', want: "'tab\\there'" },
    { given: '\u2028\u2029', want: "'\\u2028\\u2029'" },
    { given: 'nul\0', want: "'nul\\x00'" },
    { given: '\x001', want: "'\\x001'" }, // never \0 before a digit (legacy octal)
    { given: '</script><script>alert(1)</script>', want: "'\\x3C/script><script>alert(1)\\x3C/script>'" },
    { given: '<!-- x', want: "'\\x3C!-- x'" },
    { given: '/* a */', want: "'/* a *\\/'" },
    { given: '\ud800', want: "'\\uD800'" },
    { given: 'a\udc00b', want: "'a\\uDC00b'" },
    { given: '🙂', want: "'🙂'" },
    { given: 'café', want: "'café'" },
    { given: '\u202egnp.exe', want: "'\\u202Egnp.exe'" },
    { given: '\ufeffbom', want: "'\\uFEFFbom'" },
    { given: '\x7f\x85', want: "'\\x7F\\x85'" },
    { given: '__proto__', want: "'__proto__'" },
  ];
  it.each(cases)('$given', ({ given, want }) => {
    expect(stringLiteral(given)).toBe(want);
    expect(evaluate(stringLiteral(given))).toBe(given);
  });
});

describe('templateLiteralText', () => {
  const cases: Array<{ given: string; want: string }> = [
    { given: '/users/', want: '/users/' },
    { given: 'a`b', want: 'a\\`b' },
    { given: '${process.exit()}', want: '\\${process.exit()}' },
    { given: '$x {y}', want: '$x {y}' },
    { given: 'a\\b', want: 'a\\\\b' },
    { given: 'CR\r\nLF', want: 'CR\\r\\nLF' },
    { given: '"double" \'single\'', want: '"double" \'single\'' },
    { given: '\u2028', want: '\\u2028' },
    { given: 'nul\0', want: 'nul\\x00' },
    { given: '</script>', want: '\\x3C/script>' },
    { given: '*/', want: '*\\/' },
    { given: '\udfff', want: '\\uDFFF' },
    { given: '🙂', want: '🙂' },
    { given: '', want: '' },
  ];
  it.each(cases)('$given', ({ given, want }) => {
    expect(templateLiteralText(given)).toBe(want);
    expect(evaluate('`' + templateLiteralText(given) + '`')).toBe(given);
  });
});

describe('jsDoc', () => {
  const cases: Array<{ given: string; indent?: string; want: string }> = [
    { given: '', want: '' },
    { given: '  \n\n ', want: '' },
    { given: 'One line.', want: '/**\n * One line.\n */' },
    { given: 'Two\nlines', indent: '  ', want: '  /**\n   * Two\n   * lines\n   */' },
    { given: 'ends */ early', want: '/**\n * ends *\\/ early\n */' },
    { given: '*/*/', want: '/**\n * *\\/*\\/\n */' },
    { given: '**/', want: '/**\n * **\\/\n */' },
    { given: 'opens /* nested', want: '/**\n * opens /* nested\n */' },
    { given: 'crlf\r\nand\rcr', want: '/**\n * crlf\n * and\n * cr\n */' },
    { given: 'ls\u2028ps\u2029end', want: '/**\n * ls\n * ps\n * end\n */' },
    { given: 'nul\0removed', want: '/**\n * nulremoved\n */' },
    { given: 'bidi\u202eoverride', want: '/**\n * bidioverride\n */' },
    { given: 'lone \ud800', want: '/**\n * lone \ufffd\n */' },
    { given: 'para one\n\npara two', want: '/**\n * para one\n *\n * para two\n */' },
    { given: 'Summary\n@deprecated use other\n@see x', want: '/**\n * Summary\n * @deprecated use other\n * @see x\n */' },
    { given: '`code` ${x} "q" \'s\' </script>', want: '/**\n * `code` ${x} "q" \'s\' </script>\n */' },
    { given: 'trailing   \n', want: '/**\n * trailing\n */' },
  ];
  it.each(cases)('$given', ({ given, indent, want }) => {
    expect(jsDoc(given, indent)).toBe(want);
  });

  it('jsDocLines gives the escaped body lines', () => {
    expect(jsDocLines('\n a */\r\nb\n\n')).toEqual([' a *\\/', 'b']);
    expect(jsDocLines('')).toEqual([]);
  });

  it('a comment with hostile text stays one comment', () => {
    const hostile = 'x */ globalThis.pwned = true; /* \u2028 */ throw 1; //';
    const run = new Function(`"use strict";\n${jsDoc(hostile)}\nreturn 42;`);
    expect(run()).toBe(42);
  });
});

describe('markdownText', () => {
  const cases: Array<{ given: string; want: string }> = [
    { given: 'Plain *emphasis* and [a link](https://x.y).', want: 'Plain *emphasis* and [a link](https://x.y).' },
    { given: '<script>alert(1)</script>', want: '&lt;script&gt;alert(1)&lt;/script&gt;' },
    { given: 'a & b > c', want: 'a &amp; b &gt; c' },
    { given: 'use `List<T>` here', want: 'use `List<T>` here' },
    { given: 'use ``a ` <b>`` here', want: 'use ``a ` <b>`` here' },
    { given: 'unclosed `<img src=x>', want: 'unclosed `&lt;img src=x&gt;' },
    { given: 'escaped \\`<img>`', want: 'escaped \\`&lt;img&gt;`' },
    { given: 'escaped \\<b>', want: 'escaped &lt;b&gt;' },
    { given: '```js\nif (a < b) {}\n```\nafter <b>', want: '```js\nif (a < b) {}\n```\nafter &lt;b&gt;' },
    { given: '~~~\n<raw>\n~~~', want: '~~~\n<raw>\n~~~' },
    { given: '```\n<raw> never closed', want: '```\n<raw> never closed\n```' },
    // a code span never crosses lines: a renderer may end it at a heading
    { given: '`a\n# <img src=x onerror=alert(1)>\nb`', want: '`a\n# &lt;img src=x onerror=alert(1)&gt;\nb`' },
    // deeper-indented "fences" are not taken as fences: escaped
    { given: '    ```\n<b>', want: '    ```\n&lt;b&gt;' },
    { given: 'crlf\r\nline', want: 'crlf\nline' },
    { given: 'nul\0', want: 'nul' },
    { given: '*/ and ${x} and "q"', want: '*/ and ${x} and "q"' },
    // code that could act as HTML is escaped even in code (renderers disagree at the edges)
    { given: '`<script>alert(1)</script>`', want: '`&lt;script>alert(1)&lt;/script>`' },
    { given: '`<img src=x onerror=alert(1)>`', want: '`&lt;img src=x onerror=alert(1)>`' },
    { given: '`Record<string, User | null>`', want: '`Record<string, User | null>`' },
    { given: '```html\n<div onclick="x">hi</div>\n<!-- c -->\n```', want: '```html\n&lt;div onclick="x">hi</div>\n&lt;!-- c -->\n```' },
    { given: '[click](javascript:alert(1))', want: '[click](javascript%3Aalert(1))' },
    { given: '[ok](https://example.com/a:b)', want: '[ok](https://example.com/a:b)' },
    { given: 'JavaScript: the language', want: 'JavaScript: the language' },
  ];
  it.each(cases)('$given', ({ given, want }) => expect(markdownText(given)).toBe(want));
});

describe('markdownTableCell', () => {
  const cases: Array<{ given: string; want: string }> = [
    { given: 'The user ID.', want: 'The user ID.' },
    { given: '  padded  ', want: 'padded' },
    { given: 'a | b', want: 'a \\| b' },
    { given: 'already \\| escaped', want: 'already \\| escaped' },
    { given: 'two\nlines', want: 'two<br>lines' },
    { given: 'para\n\n\npara', want: 'para<br>para' },
    { given: 'crlf\r\nline', want: 'crlf<br>line' },
    { given: '<img src=x onerror=alert(1)>', want: '&lt;img src=x onerror=alert(1)&gt;' },
    { given: '`"a" | "b"`', want: '`"a" \\| "b"`' },
    { given: '`Array<User>`', want: '`Array<User>`' },
    // one line for the renderer: the backtick runs pair up into a code span
    { given: '```\n<b>\n```', want: '``` <b> ```' },
    { given: '```\n<b>', want: '```<br>&lt;b&gt;' },
    { given: 'ends with \\', want: 'ends with \\\\' },
    { given: '`<svg/onload=alert(1)>`', want: '`&lt;svg/onload=alert(1)>`' },
    { given: '', want: '' },
  ];
  it.each(cases)('$given', ({ given, want }) => expect(markdownTableCell(given)).toBe(want));
});

describe('markdownCode', () => {
  const cases: Array<{ given: string; want: string }> = [
    { given: 'User', want: '`User`' },
    { given: 'a `b` c', want: '``a `b` c``' },
    { given: '`edge', want: '`` `edge ``' },
    { given: 'x ``` y', want: '````x ``` y````' },
    { given: ' spaced ', want: '`  spaced  `' },
    { given: 'two\nlines', want: '`two lines`' },
    { given: 'Array<User>', want: '`Array<User>`' },
    { given: '<script>x</script>', want: '`&lt;script>x&lt;/script>`' },
    { given: '', want: '' },
  ];
  it.each(cases)('$given', ({ given, want }) => expect(markdownCode(given)).toBe(want));
});

describe('literalValue', () => {
  const cases: Array<{ given: unknown; want: string }> = [
    { given: 'active', want: "'active'" },
    { given: 'it\'s "quoted" `${x}` */', want: "'it\\'s \"quoted\" `${x}` *\\/'" },
    { given: 42, want: '42' },
    { given: -1.5, want: '-1.5' },
    { given: -0, want: '0' },
    { given: 1e21, want: '1e+21' },
    { given: Number.NaN, want: 'number' },
    { given: Number.POSITIVE_INFINITY, want: 'number' },
    { given: true, want: 'true' },
    { given: false, want: 'false' },
    { given: null, want: 'null' },
    { given: [], want: '[]' },
    { given: ['a', 1, null], want: "['a', 1, null]" },
    { given: {}, want: 'Record<string, never>' },
    { given: { a: 1, 'b-c': 'x' }, want: "{ a: 1; 'b-c': 'x' }" },
    { given: JSON.parse('{"__proto__": {"x": 1}}'), want: "{ '__proto__': { x: 1 } }" },
  ];
  it.each(cases)('$given', ({ given, want }) => expect(literalValue(given)).toBe(want));

  it('literalExpression evaluates back to the value', () => {
    const values: unknown[] = ['a"b', 3, null, true, ['x', [1]], JSON.parse('{"__proto__": 1, "constructor": 2, "a b": [null]}')];
    for (const v of values) expect(evaluate(literalExpression(v))).toEqual(v);
    const o = evaluate(literalExpression(JSON.parse('{"__proto__": {"polluted": true}}'))) as object;
    expect(Object.getPrototypeOf(o)).toBe(Object.prototype);
    expect(literalExpression(Number.NaN)).toBe('Number.NaN');
    expect(literalExpression(Number.NEGATIVE_INFINITY)).toBe('Number.NEGATIVE_INFINITY');
  });

  it('a cycle does not recurse forever', () => {
    const a: unknown[] = [];
    a.push(a);
    expect(literalValue(a)).toBe('[unknown]');
  });
});
