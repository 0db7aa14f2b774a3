/**
 * Small spec builders for diff tests: an API whose one component schema `Thing` is used in
 * a response (read), a request body (write), both, or nowhere; and a runner that writes both
 * specs to a temp folder and diffs them through the real loader.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir as makeTempDir } from '../tmp.js';
import { diffSpecs, type DiffOptions } from '../../src/diff/index.js';
import type { DiffResult } from '../../src/diff/types.js';

export type Json = Record<string, unknown>;

export function tempDir(prefix = 'oagen-diff-test-'): string {
  return makeTempDir(prefix);
}

export function doc(paths: Json, schemas: Json = {}, extra: Json = {}): Json {
  return { openapi: '3.1.0', info: { title: 'Things', version: '1.0.0' }, paths, components: { schemas, ...((extra.components as Json) ?? {}) }, ...omit(extra, 'components') };
}

function omit(o: Json, key: string): Json {
  const { [key]: _, ...rest } = o;
  return rest;
}

export const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });
export const str: Json = { type: 'string' };
export const int: Json = { type: 'integer' };
export const num: Json = { type: 'number' };
export const obj = (properties: Json, required: string[] = []): Json => ({ type: 'object', properties, ...(required.length ? { required } : {}) });

const json = (schema: Json) => ({ content: { 'application/json': { schema } } });

/** `GET /things/{id}` returns `Thing`. */
export function readApi(thing: Json, schemas: Json = {}): Json {
  return doc(
    { '/things/{id}': { get: { operationId: 'getThing', parameters: [{ name: 'id', in: 'path', required: true, schema: str }], responses: { '200': { description: 'ok', ...json(ref('Thing')) } } } } },
    { Thing: thing, ...schemas },
  );
}

/** `POST /things` takes `Thing`. */
export function writeApi(thing: Json, schemas: Json = {}): Json {
  return doc({ '/things': { post: { operationId: 'createThing', requestBody: { required: true, ...json(ref('Thing')) }, responses: { '204': { description: 'done' } } } } }, { Thing: thing, ...schemas });
}

/** Both of the above. */
export function bothApi(thing: Json, schemas: Json = {}): Json {
  const r = readApi(thing, schemas);
  const w = writeApi(thing, schemas);
  return { ...r, paths: { ...(r.paths as Json), ...(w.paths as Json) } };
}

/** `GET /things` with these parameters. */
export function paramApi(parameters: Json[], op: Json = {}): Json {
  return doc({ '/things': { get: { operationId: 'listThings', parameters, responses: { '200': { description: 'ok', ...json({ type: 'array', items: str }) } }, ...op } } });
}

/** Write both specs and diff them. */
export async function diffDocs(old: Json, neu: Json, options: DiffOptions = { types: false }): Promise<DiffResult> {
  const dir = tempDir();
  writeFileSync(join(dir, 'old.json'), JSON.stringify(old, null, 2));
  writeFileSync(join(dir, 'new.json'), JSON.stringify(neu, null, 2));
  return diffSpecs(join(dir, 'old.json'), join(dir, 'new.json'), options);
}

/** `rule pointer` lines, sorted: short and exact expectations. */
export function summary(r: DiffResult): string[] {
  return r.changes.map((c) => `${c.rule} ${c.pointer}`).sort();
}

/** A copy of a `readApi` spec whose `GET /things/{id}` also answers `status` with this JSON body. */
export function addResponseTo(api: Json, status: string, schema: Json): Json {
  const copy = structuredClone(api) as { paths: Record<string, Record<string, { responses: Record<string, Json> }>> };
  copy.paths['/things/{id}'].get.responses[status] = { description: status, ...json(schema) };
  return copy;
}
