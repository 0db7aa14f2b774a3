/** The stamp of a generation (src/write/stamp.ts): which changes make it stale. */
import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ClientConfig } from '../../src/config.js';
import { freshStamp, inputsHash, stampFile, writeStamp } from '../../src/write/stamp.js';
import { tempDir } from '../generate/helpers.js';

function setup(): { cwd: string; client: ClientConfig; spec: string } {
  const cwd = tempDir();
  mkdirSync(join(cwd, 'node_modules'));
  const spec = join(cwd, 'api.yaml');
  writeFileSync(spec, 'openapi: 3.1.0\n');
  const output = join(cwd, 'out');
  mkdirSync(join(output, 'src'), { recursive: true });
  writeFileSync(join(output, 'src/index.ts'), 'export {};\n');
  return { cwd, client: { name: 'api', spec, output }, spec };
}

const RUN = { version: '1.0.0', operations: 1, schemas: 2, diagnostics: [] };

describe('generation stamps', () => {
  it('holds while oagen, the config, the spec and the output stay the same', () => {
    const { cwd, client, spec } = setup();
    writeStamp(client, { ...RUN, specFiles: [spec] }, { cwd, generatorId: 'g1' });
    const stamp = freshStamp(client, { cwd, generatorId: 'g1' });
    expect(stamp?.operations).toBe(1);
    expect(stamp?.files['src/index.ts']?.[0]).toBe(11);
  });

  it('is stale for another oagen (code, templates or Node version)', () => {
    const { cwd, client, spec } = setup();
    writeStamp(client, { ...RUN, specFiles: [spec] }, { cwd, generatorId: 'g1' });
    expect(freshStamp(client, { cwd, generatorId: 'g2' })).toBeUndefined();
  });

  it('is stale when any config field changes, whatever the order of its keys', () => {
    const { cwd, client, spec } = setup();
    writeStamp({ ...client, include: { paths: ['/a'], tags: ['t'] } }, { ...RUN, specFiles: [spec] }, { cwd, generatorId: 'g' });
    expect(freshStamp({ ...client, include: { tags: ['t'], paths: ['/a'] } }, { cwd, generatorId: 'g' })).toBeDefined();
    expect(freshStamp({ ...client, include: { paths: ['/b'], tags: ['t'] } }, { cwd, generatorId: 'g' })).toBeUndefined();
    expect(freshStamp({ ...client, include: { paths: ['/a'], tags: ['t'] }, strict: true }, { cwd, generatorId: 'g' })).toBeUndefined();
  });

  it('hashes the bytes of every spec file, and fails closed when one is gone', () => {
    const { cwd, client, spec } = setup();
    const a = inputsHash(client, [spec], 'g');
    writeFileSync(spec, 'openapi: 3.0.3\n');
    expect(inputsHash(client, [spec], 'g')).not.toBe(a);
    expect(inputsHash(client, [join(cwd, 'missing.yaml')], 'g')).toBeUndefined();
  });

  it('is kept under node_modules/.cache/oagen of the current folder, one per output folder, and not without node_modules', () => {
    const { cwd, client } = setup();
    expect(stampFile(client.output, cwd)).toMatch(/node_modules[\\/]\.cache[\\/]oagen[\\/][0-9a-f]{24}\.json$/);
    expect(stampFile(join(cwd, 'other'), cwd)).not.toBe(stampFile(client.output, cwd));
    expect(stampFile(client.output, tempDir())).toBeUndefined();
  });

  it('ignores a damaged stamp file', () => {
    const { cwd, client, spec } = setup();
    writeStamp(client, { ...RUN, specFiles: [spec] }, { cwd, generatorId: 'g' });
    writeFileSync(stampFile(client.output, cwd)!, '{"format":1,');
    expect(freshStamp(client, { cwd, generatorId: 'g' })).toBeUndefined();
  });
});

describe('the stamp folder', () => {
  it('keeps at most 256 stamps, dropping the least recently written', async () => {
    const { cwd, client, spec } = setup();
    const { readdirSync, utimesSync } = await import('node:fs');
    const outputs: string[] = [];
    for (let i = 0; i < 256; i++) {
      const output = join(cwd, `out-${i}`);
      mkdirSync(output);
      writeStamp({ ...client, output }, { ...RUN, specFiles: [spec] }, { cwd, generatorId: 'g' });
      // older and older: out-0 is the least recently written
      utimesSync(stampFile(output, cwd)!, new Date(2020, 0, 1 + i), new Date(2020, 0, 1 + i));
      outputs.push(output);
    }
    const dir = join(cwd, 'node_modules/.cache/oagen');
    expect(readdirSync(dir)).toHaveLength(256);
    writeStamp(client, { ...RUN, specFiles: [spec] }, { cwd, generatorId: 'g' });
    expect(readdirSync(dir)).toHaveLength(192);
    expect(freshStamp(client, { cwd, generatorId: 'g' })).toBeDefined();
    expect(freshStamp({ ...client, output: outputs[255]! }, { cwd, generatorId: 'g' })).toBeDefined();
    expect(freshStamp({ ...client, output: outputs[0]! }, { cwd, generatorId: 'g' })).toBeUndefined();
  });
});
