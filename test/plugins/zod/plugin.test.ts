/**
 * The zod plugin as a plugin: its runtime feature (the `//#if validate` blocks of
 * templates/runtime/ and validate.ts) reaches only the packages that select it, as do its file,
 * its package.json contribution (the `./zod` export, `zod` as a peer dependency) and its README
 * section; its options and its place in the config are checked.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { runtimeSources, withFeatures } from '../../../src/emit/templates.js';
import { renderClient } from '../../../src/generate.js';
import { checkOptions } from '../../../src/plugins/zod/options.js';
import { tempDir } from '../../tmp.js';
import { ROOT } from './helpers.js';

describe('runtime features', () => {
  it('//#if blocks are kept with their feature, dropped without it, markers never kept', () => {
    const src = 'a\n//#if validate\nb\n  //#endif\nc\n  //#if other\nd\n//#endif\n';
    expect(withFeatures(src, new Set())).toBe('a\nc\n');
    expect(withFeatures(src, new Set(['validate']))).toBe('a\nb\nc\n');
    expect(withFeatures(src, new Set(['validate', 'other']))).toBe('a\nb\nc\nd\n');
  });

  it('without the feature the runtime has no validation code and no validate.ts', () => {
    const plain = runtimeSources(new Set());
    expect(plain.map((f) => f.name)).not.toContain('validate.ts');
    for (const f of plain) {
      expect(f.content, f.name).not.toContain('//#');
      expect(f.content, f.name).not.toMatch(/ValidationError|validateRequest|validators/);
    }
    const on = runtimeSources(new Set(['validate']));
    expect(on.map((f) => f.name)).toContain('validate.ts');
    expect(on.find((f) => f.name === 'send.ts')!.content).toContain('validateRequest(client, op, params');
    for (const f of on) expect(f.content, f.name).not.toContain('//#');
  });
});

describe('what the plugin adds, and only where selected', () => {
  const arthur = (plugins?: string[]) => ({ name: 'arthur', spec: join(ROOT, 'specs/arthur.yaml'), output: join(ROOT, 'test/plugins/zod/tmp/never-written'), ...(plugins ? { plugins: plugins.map((name) => ({ name, file: 'x', at: 'y' })) } : {}) });

  it('src/zod.ts, src/runtime/validate.ts, the ./zod export, zod as a peer dependency, the README section', async () => {
    const { files: plain } = await renderClient(arthur());
    const { files: zod } = await renderClient(arthur(['client', 'docs', 'zod']));
    expect([...zod.keys()].filter((k) => !plain.has(k)).sort()).toEqual(['src/runtime/validate.ts', 'src/zod.ts']);
    const a = JSON.parse(plain.get('package.json')!);
    const b = JSON.parse(zod.get('package.json')!);
    expect(a.peerDependencies).toBeUndefined();
    expect(a.exports['./zod']).toBeUndefined();
    expect(b.peerDependencies).toEqual({ zod: "^4.0.0" });
    expect(b.peerDependenciesMeta).toEqual({ zod: { optional: true } });
    expect(b.devDependencies.zod).toBe("^4.0.0");
    expect(b.exports['./zod']).toEqual({ types: './dist/zod.d.ts', import: './dist/zod.js' });
    expect(plain.get('README.md')).not.toContain('Runtime validation');
    expect(zod.get('README.md')).toContain('## Runtime validation');
    // arthur's own ValidationError model keeps its name: the runtime's class is exported by arthur/zod only
    expect(zod.get('src/models/users-v1.ts')).toContain('export interface ValidationError');
    expect(zod.get('src/zod.ts')).toContain("export { ValidationError, type ValidationMode, type Validators } from './runtime/validate.js';");
    // the same package otherwise
    for (const [k, v] of plain) if (!['package.json', 'README.md', 'src/runtime/client.ts', 'src/runtime/request.ts', 'src/runtime/send.ts'].includes(k)) expect(zod.get(k), k).toBe(v);
  });

  it('mini: true imports zod/mini', async () => {
    const c = { ...arthur(['client', 'zod']), plugins: [{ name: 'client', file: 'x', at: 'y' }, { name: 'zod', options: { mini: true }, file: 'x', at: 'y' }] };
    const { files } = await renderClient(c);
    expect(files.get('src/zod.ts')).toContain("import { z } from 'zod/mini';");
  });
});

describe('options and config', () => {
  it('checks the options', () => {
    expect(checkOptions({})).toEqual({ mini: false, dates: 'string' });
    expect(checkOptions({ mini: true, dates: 'Date' })).toEqual({ mini: true, dates: 'Date' });
    expect(() => checkOptions({ mini: 'yes' })).toThrow(/mini must be true or false/);
    expect(() => checkOptions({ dates: 'date' })).toThrow(/dates must be "string" or "Date"/);
    expect(() => checkOptions({ strict: true })).toThrow(/strict is not an option of the zod plugin/);
  });

  it('needs the client plugin', () => {
    const dir = tempDir('oagen-zod-config-');
    const file = join(dir, 'oagen.config.json');
    writeFileSync(file, JSON.stringify({ clients: [{ name: 'a', spec: join(ROOT, 'specs/arthur.yaml'), plugins: ['zod'] }] }));
    expect(() => loadConfig(file)).toThrow(/plugin "zod" needs "client"/);
    writeFileSync(file, JSON.stringify({ clients: [{ name: 'a', spec: join(ROOT, 'specs/arthur.yaml'), plugins: ['client', { name: 'zod', options: { mini: true } }] }] }));
    expect(loadConfig(file).clients[0]!.plugins!.map((p) => p.name)).toEqual(['client', 'zod']);
  });
});
