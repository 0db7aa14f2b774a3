import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { toFormData } from '../../templates/runtime/multipart.js';
import { request } from '../../templates/runtime/request.js';
import type { BodySpec, OperationSpec } from '../../templates/runtime/types.js';
import { fakeFetch, testClient } from './helpers.js';
import { partsOf, splitParts } from './multipart-parts.js';

const spec = (extra: Partial<BodySpec> = {}): BodySpec =>
  ({ kind: 'multipart', mediaType: 'multipart/form-data', encode: toFormData, ...extra }) as BodySpec;
const text = (name: string, body: string) => ({ headers: [`Content-Disposition: form-data; name="${name}"`], body });
const typed = (name: string, type: string, body: string) => ({
  headers: [`Content-Disposition: form-data; name="${name}"`, `Content-Type: ${type}`],
  body,
});
const file = (name: string, filename: string, type: string, body: string) => ({
  headers: [`Content-Disposition: form-data; name="${name}"; filename="${filename}"`, `Content-Type: ${type}`],
  body,
});

describe('toFormData: fields, part by part on the wire', () => {
  const cases: { name: string; body?: BodySpec; value: Record<string, unknown>; want: ReturnType<typeof text>[] }[] = [
    { name: 'scalars are plain text fields', value: { s: 'x', n: 1.5, b: false }, want: [text('s', 'x'), text('n', '1.5'), text('b', 'false')] },
    { name: 'dates as ISO text', value: { at: new Date(0) }, want: [text('at', '1970-01-01T00:00:00.000Z')] },
    { name: 'null and undefined are left out', value: { a: null, b: undefined, c: '' }, want: [text('c', '')] },
    { name: 'objects: a JSON text field by default', value: { meta: { a: 1, b: [true] } }, want: [text('meta', '{"a":1,"b":[true]}')] },
    {
      name: 'objects: deepObject fields (OpenAI expires_after)',
      body: spec({ objects: 'deepObject' }),
      value: { expires_after: { anchor: 'created_at', seconds: 3600 } },
      want: [text('expires_after[anchor]', 'created_at'), text('expires_after[seconds]', '3600')],
    },
    {
      name: 'deepObject to any depth, arrays per `arrays`',
      body: spec({ objects: 'deepObject', arrays: 'indexed' }),
      value: { o: { a: { b: 'c' }, items: [{ price: 'p' }] } },
      want: [text('o[a][b]', 'c'), text('o[items][0][price]', 'p')],
    },
    { name: 'arrays repeat by default', value: { ids: [1, 2] }, want: [text('ids', '1'), text('ids', '2')] },
    {
      name: 'arrays: brackets (OpenAI timestamp_granularities[])',
      body: spec({ arrays: 'brackets' }),
      value: { timestamp_granularities: ['word', 'segment'] },
      want: [text('timestamp_granularities[]', 'word'), text('timestamp_granularities[]', 'segment')],
    },
    { name: 'arrays: indexed', body: spec({ arrays: 'indexed' }), value: { a: ['x', 'y'] }, want: [text('a[0]', 'x'), text('a[1]', 'y')] },
    { name: 'arrays: comma', body: spec({ arrays: 'comma' }), value: { a: ['x', 'y'] }, want: [text('a', 'x,y')] },
    { name: 'arrays of objects: JSON text each by default', value: { a: [{ k: 1 }, { k: 2 }] }, want: [text('a', '{"k":1}'), text('a', '{"k":2}')] },
    // the spec's encoding
    { name: 'encoding deepObject', body: spec({ encoding: { m: { style: 'deepObject', explode: true } } }), value: { m: { k: 'v' }, o: { k: 'v' } }, want: [text('m[k]', 'v'), text('o', '{"k":"v"}')] },
    { name: 'encoding contentType types the part, without a file name', body: spec({ encoding: { m: { contentType: 'application/json' } } }), value: { m: { k: 'v' } }, want: [typed('m', 'application/json', '{"k":"v"}')] },
    { name: 'contentType text/plain stays a plain field', body: spec({ encoding: { s: { contentType: 'text/plain' } } }), value: { s: 'x' }, want: [text('s', 'x')] },
    { name: 'a media type range or list does not type a text part', body: spec({ encoding: { s: { contentType: 'application/json, text/*' } } }), value: { s: 'x' }, want: [text('s', 'x')] },
    { name: 'form without explode joins with commas', body: spec({ encoding: { a: { style: 'form', explode: false } } }), value: { a: [1, 2] }, want: [text('a', '1,2')] },
    { name: 'spaceDelimited', body: spec({ encoding: { a: { style: 'spaceDelimited', explode: false } } }), value: { a: [1, 2] }, want: [text('a', '1 2')] },
    { name: 'pipeDelimited', body: spec({ encoding: { a: { style: 'pipeDelimited', explode: false } } }), value: { a: [1, 2] }, want: [text('a', '1|2')] },
    { name: 'an exploded form style repeats whatever the body arrays', body: spec({ arrays: 'brackets', encoding: { a: { style: 'form' } } }), value: { a: [1] }, want: [text('a', '1')] },
  ];
  for (const { name, body, value, want } of cases) {
    it(name, async () => expect(await partsOf(await toFormData(value, body))).toEqual(want));
  }

  it('a FormData is sent as it is', async () => {
    const form = new FormData();
    expect(await toFormData(form)).toBe(form);
  });
});

describe('toFormData: file parts always carry a file name', () => {
  const bytes = new Uint8Array([104, 105]); // "hi"
  const cases: { name: string; body?: BodySpec; value: Record<string, unknown>; want: ReturnType<typeof file>[] }[] = [
    { name: "a File's own name and type", value: { file: new File(['hi'], 'train.jsonl', { type: 'application/jsonl' }) }, want: [file('file', 'train.jsonl', 'application/jsonl', 'hi')] },
    { name: 'a File without a type', value: { file: new File(['hi'], 'a.mp3') }, want: [file('file', 'a.mp3', 'application/octet-stream', 'hi')] },
    { name: 'a Blob: the field name with the extension of its type', value: { file: new Blob(['hi'], { type: 'application/jsonl' }) }, want: [file('file', 'file.jsonl', 'application/jsonl', 'hi')] },
    { name: 'a PNG Blob', value: { image: new Blob(['hi'], { type: 'image/png' }) }, want: [file('image', 'image.png', 'image/png', 'hi')] },
    { name: 'a Blob without a type', value: { file: new Blob(['hi']) }, want: [file('file', 'file.bin', 'application/octet-stream', 'hi')] },
    { name: 'a File with an empty name is named too', value: { file: new File(['hi'], '', { type: 'text/csv' }) }, want: [file('file', 'file.csv', 'text/csv', 'hi')] },
    { name: 'a Uint8Array', value: { file: bytes }, want: [file('file', 'file.bin', 'application/octet-stream', 'hi')] },
    { name: 'an ArrayBuffer', value: { file: bytes.buffer }, want: [file('file', 'file.bin', 'application/octet-stream', 'hi')] },
    { name: 'a Node Buffer', value: { file: Buffer.from('hi') }, want: [file('file', 'file.bin', 'application/octet-stream', 'hi')] },
    {
      name: "bytes take the encoding's single media type",
      body: spec({ encoding: { file: { contentType: 'audio/mpeg' } } }),
      value: { file: bytes },
      want: [file('file', 'file.mp3', 'audio/mpeg', 'hi')],
    },
    {
      name: "a typed Blob keeps its type over the encoding's",
      body: spec({ encoding: { image: { contentType: 'image/png' } } }),
      value: { image: new Blob(['hi'], { type: 'image/webp' }) },
      want: [file('image', 'image.webp', 'image/webp', 'hi')],
    },
    {
      name: 'a media type list in the encoding is not a type',
      body: spec({ encoding: { image: { contentType: 'image/png, image/jpeg' } } }),
      value: { image: bytes },
      want: [file('image', 'image.bin', 'application/octet-stream', 'hi')],
    },
    {
      name: 'arrays of files (OpenAI image[] with two files)',
      body: spec({ arrays: 'brackets' }),
      value: { image: [new File(['a'], 'a.png', { type: 'image/png' }), new Blob(['b'], { type: 'image/jpeg' })] },
      want: [file('image[]', 'a.png', 'image/png', 'a'), file('image[]', 'image.jpg', 'image/jpeg', 'b')],
    },
    {
      name: 'files inside deepObject fields are named after the property',
      body: spec({ objects: 'deepObject' }),
      value: { doc: { content: new Blob(['hi'], { type: 'application/pdf' }) } },
      want: [file('doc[content]', 'doc.pdf', 'application/pdf', 'hi')],
    },
  ];
  for (const { name, body, value, want } of cases) {
    it(name, async () => expect(await partsOf(await toFormData(value, body))).toEqual(want));
  }

  it('a ReadableStream is read into the part', async () => {
    const stream = new Blob(['hello ', 'stream'], { type: 'text/plain' }).stream();
    expect(await partsOf(await toFormData({ file: stream }))).toEqual([file('file', 'file.bin', 'application/octet-stream', 'hello stream')]);
  });

  it('a Node Readable is read into the part', async () => {
    const stream = Readable.from([Buffer.from('a'), Buffer.from('b'), 'c']);
    expect(await partsOf(await toFormData({ file: stream }, spec({ encoding: { file: { contentType: 'text/csv' } } })))).toEqual([
      file('file', 'file.csv', 'text/csv', 'abc'),
    ]);
  });

  it("an fs.ReadStream is named after its path's base name", async () => {
    const { createReadStream } = await import('node:fs');
    const { writeFile, rm } = await import('node:fs/promises');
    const { join } = await import('node:path');
    const { tempDir } = await import('../tmp.js');
    const dir = tempDir('oagen-upload-');
    try {
      await writeFile(join(dir, 'train.jsonl'), '{"a":1}\n');
      const parts = await partsOf(await toFormData({ purpose: 'fine-tune', file: createReadStream(join(dir, 'train.jsonl')) }));
      expect(parts).toEqual([text('purpose', 'fine-tune'), file('file', 'train.jsonl', 'application/octet-stream', '{"a":1}\n')]);
    } finally {
      await rm(dir, { recursive: true });
    }
  });

  it('field order is kept around streams', async () => {
    const parts = await partsOf(await toFormData({ a: '1', f: Readable.from(['x']), b: '2' }));
    expect(parts.map((p) => p.headers[0])).toEqual([
      'Content-Disposition: form-data; name="a"',
      'Content-Disposition: form-data; name="f"; filename="f.bin"',
      'Content-Disposition: form-data; name="b"',
    ]);
  });
});

describe('multipart through request()', () => {
  it('build awaits the encoder and passes the BodySpec; fetch sets the boundary', async () => {
    const f = fakeFetch();
    const op: OperationSpec = {
      method: 'POST',
      path: '/files',
      body: spec({ objects: 'deepObject', arrays: 'brackets', encoding: { meta: { contentType: 'application/json' } } }),
    };
    await request(testClient(f), op, {
      body: { file: Readable.from(['{}\n']), purpose: 'batch', expires_after: { anchor: 'created_at' }, include: ['a'], meta: { k: 1 } },
    });
    const { headers, body } = f.calls[0]!;
    expect(splitParts(headers['content-type']!, body)).toEqual([
      file('file', 'file.bin', 'application/octet-stream', '{}\n'),
      text('purpose', 'batch'),
      text('expires_after[anchor]', 'created_at'),
      text('include[]', 'a'),
      typed('meta', 'application/json', '{"k":1}'),
    ]);
  });
});
