/** `generated/` is exactly what `npm run generate` produces from `specs/` and oagen.config.json. */
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadConfig } from '../../src/config.js';
import { renderClient } from '../../src/generate.js';
import { readPackage, ROOT } from './helpers.js';

const config = loadConfig(join(ROOT, 'oagen.config.json'));

describe.each(config.clients.map((c) => [c.name, c] as const))('generated/ of %s', (_name, client) => {
  it('has no drift from the spec', async () => {
    const where = relative(ROOT, client.output);
    expect(existsSync(client.output), `${where} is missing: run npm run generate`).toBe(true);
    const { files } = await renderClient(client);
    const onDisk = readPackage(client.output);
    expect([...onDisk.keys()].sort(), `files of ${where}`).toEqual([...files.keys()].sort());
    for (const [path, content] of files) {
      expect(onDisk.get(path) === content, `${where}/${path} differs from what npm run generate writes`).toBe(true);
    }
  }, 60_000);
});
