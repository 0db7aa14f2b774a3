/**
 * Names a generated identifier must not take: they would not parse, not be allowed as a
 * type name, or shadow a global the generated code (or its reader) relies on.
 */

/** ECMAScript reserved words, strict-mode and module reserved words, literals. */
const KEYWORDS = [
  'await', 'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do',
  'else', 'enum', 'export', 'extends', 'false', 'finally', 'for', 'function', 'if', 'import', 'in',
  'instanceof', 'new', 'null', 'return', 'super', 'switch', 'this', 'throw', 'true', 'try', 'typeof',
  'var', 'void', 'while', 'with', 'yield',
  // strict mode
  'let', 'static', 'implements', 'interface', 'package', 'private', 'protected', 'public',
  // not assignable / bindable in strict code
  'arguments', 'eval',
  // global value properties
  'undefined', 'NaN', 'Infinity', 'globalThis',
];

/** TypeScript names that cannot name a type alias or interface. */
const TS_TYPES = ['any', 'unknown', 'never', 'number', 'string', 'boolean', 'symbol', 'object', 'bigint', 'type', 'namespace', 'module', 'declare', 'abstract', 'readonly', 'keyof', 'infer', 'is', 'asserts', 'satisfies', 'as'];

/** Globals a generated module (or code written next to it) uses; shadowing them breaks it. */
const GLOBALS = [
  'Promise', 'Array', 'ReadonlyArray', 'Record', 'Partial', 'Required', 'Readonly', 'Pick', 'Omit', 'Exclude',
  'Extract', 'NonNullable', 'Awaited', 'ReturnType', 'Parameters', 'Date', 'Blob', 'File', 'Error', 'TypeError',
  'Object', 'String', 'Number', 'Boolean', 'Symbol', 'BigInt', 'Function', 'RegExp', 'JSON', 'Math', 'Map', 'Set',
  'WeakMap', 'WeakSet', 'Response', 'Request', 'RequestInit', 'Headers', 'HeadersInit', 'URL', 'URLSearchParams',
  'FormData', 'AbortSignal', 'AbortController', 'ReadableStream', 'TextEncoder', 'TextDecoder', 'ArrayBuffer',
  'Uint8Array', 'DataView', 'Iterable', 'AsyncIterable', 'AsyncIterableIterator', 'PromiseLike', 'fetch',
  'encodeURIComponent', 'decodeURIComponent', 'encodeURI', 'decodeURI', 'console', 'structuredClone',
  'setTimeout', 'clearTimeout',
];

export const RESERVED_WORDS: ReadonlySet<string> = new Set([...KEYWORDS, ...TS_TYPES, ...GLOBALS]);

export function isReserved(name: string): boolean {
  return RESERVED_WORDS.has(name);
}
