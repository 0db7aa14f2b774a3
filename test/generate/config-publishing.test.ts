/**
 * The config fields of issue 18 (src/config.ts): `keepEdits`, `formats`, and the `sdk`
 * plugin's options; mistakes are E_CONFIG errors naming the file and the field.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { OagenError } from '../../src/diagnostics.js';
import { renderClient } from '../../src/generate.js';
import { ROOT, tempDir } from './helpers.js';

function load(client: object) {
  const file = join(tempDir(), 'oagen.config.json');
  writeFileSync(file, JSON.stringify({ clients: [{ name: 'api', spec: 'api.yaml', ...client }] }));
  return { file, client: () => loadConfig(file).clients[0]! };
}

function message(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(OagenError);
    return (e as OagenError).diagnostics.map((d) => `${d.code}: ${d.message}`).join('\n');
  }
  throw new Error('no error');
}

describe('keepEdits, formats, sdk options', () => {
  it('keeps what it knows', () => {
    expect(load({ keepEdits: true, formats: ['esm', 'cjs'] }).client()).toMatchObject({ keepEdits: true, formats: ['esm', 'cjs'] });
    const plain = load({ keepEdits: false, formats: ['esm'] }).client();
    expect(plain.keepEdits).toBeUndefined();
    expect(plain.formats).toBeUndefined();
  });

  it('refuses mistakes, naming the field', () => {
    expect(message(() => load({ keepEdits: 'yes' }).client())).toMatch(/E_CONFIG: .*clients\[0\]\.keepEdits must be true or false/);
    for (const formats of [['cjs'], [], ['esm', 'umd'], ['esm', 'esm'], 'esm']) {
      expect(message(() => load({ formats }).client())).toMatch(/clients\[0\]\.formats must be \["esm"\] or \["esm", "cjs"\]/);
    }
    expect(message(() => load({ plugins: ['sdk'] }).client())).toMatch(/plugin "sdk" needs "client"/);
  });

  it('refuses a className that is no identifier or that the package exports, and unknown sdk options', async () => {
    const spec = join(ROOT, 'specs/arthur.yaml');
    const use = (options: object) => renderClient({ name: 'arthur', spec, output: join(tempDir(), 'out'), plugins: [{ name: 'client', file: 'f', at: 'p' }, { name: 'sdk', options, file: 'f', at: 'p' }] });
    await expect(use({ className: 'my-client' })).rejects.toThrow(/plugin "sdk": className must be a TypeScript identifier/);
    await expect(use({ className: 'User' })).rejects.toThrow(/className "User" is also an export of the package/);
    await expect(use({ classname: 'X' })).rejects.toThrow(/plugin "sdk": unknown option "classname"/);
    await expect(use({ namespaces: 'folders' })).rejects.toThrow(/namespaces must be "paths" or "tags"/);
    await expect(use({ lead: 'yes' })).rejects.toThrow(/lead must be true or false/);
    const { files } = await use({ className: 'ArthurClient', namespaces: 'tags' });
    expect(files.get('src/sdk.ts')).toContain('export class ArthurClient {');
  });

  it('the README leads with the class when the config says so, else shows it after the functions', async () => {
    const spec = join(ROOT, 'specs/arthur.yaml');
    const readme = async (options: object) =>
      (await renderClient({ name: 'arthur', spec, output: join(tempDir(), 'out'), plugins: [{ name: 'client', file: 'f', at: 'p' }, { name: 'docs', file: 'f', at: 'p' }, { name: 'sdk', options, file: 'f', at: 'p' }] })).files.get('README.md')!;
    const headings = (md: string) => md.split('\n').filter((l) => l.startsWith('## ')).map((l) => l.replace(/<a .*$/, '').trim());
    const led = headings(await readme({ lead: true }));
    expect(led.slice(0, 3)).toEqual(['## Installation', '## Resource-style client', '## Quick start']);
    const after = headings(await readme({}));
    expect(after.indexOf('## Resource-style client')).toBeGreaterThan(after.indexOf('## Errors'));
  });
});
