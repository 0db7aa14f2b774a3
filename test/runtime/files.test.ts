import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { extension, isUploadable, toFile } from '../../templates/runtime/files.js';
import * as runtime from '../../templates/runtime/index.js';

describe('extension: a file name extension from a media type', () => {
  const table: [string, string][] = [
    ['application/json', 'json'],
    ['application/json; charset=utf-8', 'json'],
    ['application/jsonl', 'jsonl'],
    ['application/x-jsonlines', 'jsonl'],
    ['application/x-ndjson', 'jsonl'],
    ['text/plain', 'txt'],
    ['text/plain;charset=UTF-8', 'txt'],
    ['text/csv', 'csv'],
    ['application/pdf', 'pdf'],
    ['image/png', 'png'],
    ['IMAGE/PNG', 'png'],
    ['image/jpeg', 'jpg'],
    ['image/jpg', 'jpg'],
    ['image/gif', 'gif'],
    ['image/webp', 'webp'],
    ['audio/mpeg', 'mp3'],
    ['audio/mp3', 'mp3'],
    ['audio/wav', 'wav'],
    ['audio/x-wav', 'wav'],
    ['audio/wave', 'wav'],
    ['audio/vnd.wave', 'wav'],
    ['video/mp4', 'mp4'],
    ['audio/mp4', 'm4a'],
    ['audio/x-m4a', 'm4a'],
    ['audio/m4a', 'm4a'],
    ['video/webm', 'webm'],
    ['audio/webm', 'webm'],
    ['audio/ogg', 'ogg'],
    ['audio/flac', 'flac'],
    ['audio/x-flac', 'flac'],
    ['application/octet-stream', 'bin'],
    ['video/mpeg', 'bin'],
    ['application/zip', 'bin'],
    ['', 'bin'],
    ['nonsense', 'bin'],
  ];
  for (const [type, want] of table) it(`${JSON.stringify(type)} → ${want}`, () => expect(extension(type)).toBe(want));
});

describe('isUploadable', () => {
  const yes: [string, unknown][] = [
    ['Blob', new Blob([])],
    ['File', new File([], 'a')],
    ['Uint8Array', new Uint8Array(1)],
    ['Buffer', Buffer.from('x')],
    ['ArrayBuffer', new ArrayBuffer(1)],
    ['ReadableStream', new ReadableStream()],
    ['Node Readable', Readable.from([])],
  ];
  const no: [string, unknown][] = [
    ['string', 'x'],
    ['Date', new Date()],
    ['plain object', { pipe: 1 }],
    ['array', [new Blob([])]],
    ['async iterable without pipe', { async *[Symbol.asyncIterator]() {} }],
    ['null', null],
  ];
  for (const [name, v] of yes) it(`${name} is a file`, () => expect(isUploadable(v)).toBe(true));
  for (const [name, v] of no) it(`${name} is not a file`, () => expect(isUploadable(v)).toBe(false));
});

describe('toFile', () => {
  it('is exported from the runtime index (the package root)', () => {
    expect(runtime.toFile).toBe(toFile);
  });

  const cases: [string, () => Parameters<typeof toFile>, { name: string; type: string; text: string }][] = [
    ['bytes with a name and type', () => [new TextEncoder().encode('hi'), 'a.jsonl', { type: 'application/jsonl' }], { name: 'a.jsonl', type: 'application/jsonl', text: 'hi' }],
    ['an ArrayBuffer', () => [new TextEncoder().encode('hi').buffer as ArrayBuffer, 'a.bin'], { name: 'a.bin', type: '', text: 'hi' }],
    ['a Blob keeps its type', () => [new Blob(['hi'], { type: 'image/png' }), 'x.png'], { name: 'x.png', type: 'image/png', text: 'hi' }],
    ['a File keeps its name', () => [new File(['hi'], 'own.txt', { type: 'text/plain' })], { name: 'own.txt', type: 'text/plain', text: 'hi' }],
    ['a File renamed and retyped', () => [new File(['hi'], 'own.txt'), 'new.csv', { type: 'text/csv' }], { name: 'new.csv', type: 'text/csv', text: 'hi' }],
    ['a ReadableStream', () => [new Blob(['a', 'b']).stream(), 's.txt', { type: 'text/plain' }], { name: 's.txt', type: 'text/plain', text: 'ab' }],
    ['a Node Readable', () => [Readable.from([Buffer.from('a'), 'b']), 'r.txt'], { name: 'r.txt', type: '', text: 'ab' }],
    ['no name: empty (named after its field when uploaded)', () => [new Uint8Array([104])], { name: '', type: '', text: 'h' }],
  ];
  for (const [name, args, want] of cases) {
    it(name, async () => {
      const f = await toFile(...args());
      expect(f).toBeInstanceOf(File);
      expect({ name: f.name, type: f.type, text: await f.text() }).toEqual(want);
    });
  }

  it('a File already as asked is returned as it is', async () => {
    const f = new File(['x'], 'a.txt', { type: 'text/plain' });
    expect(await toFile(f)).toBe(f);
    expect(await toFile(f, 'a.txt')).toBe(f);
    expect(await toFile(f, 'b.txt')).not.toBe(f);
  });

  it('an fs.ReadStream is named after its path', async () => {
    const { createReadStream } = await import('node:fs');
    const path = new URL('./multipart-parts.ts', import.meta.url);
    const f = await toFile(createReadStream(path));
    expect(f.name).toBe('multipart-parts.ts');
    expect(await f.text()).toContain('splitParts');
  });
});
