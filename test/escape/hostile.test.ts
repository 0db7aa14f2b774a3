/**
 * Hostile input end to end: a spec whose every string tries to break out of a comment,
 * a string, a template literal or a path. The package must compile, and importing and
 * calling it must execute nothing injected.
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ts } from 'ts-morph';
import { renderSpec, ROOT, tempDir, typeErrors } from '../generate/helpers.js';

const SPEC = join(ROOT, 'test/fixtures/hostile/hostile.yaml');

/** Transpile a rendered package to JS in a temp folder; returns the folder. */
function transpile(files: Map<string, string>): string {
  const out = tempDir('oagen-hostile-');
  for (const [path, content] of files) {
    if (!path.endsWith('.ts')) continue;
    const js = ts.transpileModule(content, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
    const target = join(out, path.replace(/\.ts$/, '.js'));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, js);
  }
  writeFileSync(join(out, 'package.json'), '{"type":"module"}');
  return out;
}

describe('a hostile spec', () => {
  it('writes only inside the package', async () => {
    const files = await renderSpec(SPEC, 'hostile');
    for (const path of files.keys()) {
      expect(path).not.toMatch(/(^|\/)\.\.(\/|$)|^\//);
      expect(path).not.toMatch(/[\u0000-\u001f\\:*?"<>|]/);
    }
  });

  it('generates a package that type-checks', async () => {
    expect(typeErrors(await renderSpec(SPEC, 'hostile'), 'nodenext')).toEqual([]);
  }, 60_000);

  it('executes nothing injected when imported and called', async () => {
    const g = globalThis as { pwned?: unknown };
    delete g.pwned;
    const dir = transpile(await renderSpec(SPEC, 'hostile'));
    const pkg = await import(pathToFileURL(join(dir, 'src/index.js')).href);
    expect(g.pwned).toBeUndefined();

    const seen: { url: string; headers: Headers }[] = [];
    const client = pkg.createClient({
      baseUrl: 'http://127.0.0.1:9',
      auth: { [`evil'scheme"\`\${globalThis.pwned='scheme'}\``]: 'k' },
      fetch: async (input: Request | string, init?: RequestInit) => {
        const req = input instanceof Request ? input : new Request(input, init);
        seen.push({ url: req.url, headers: req.headers });
        return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
      },
    });
    const fn = Object.entries(pkg).find(([name]) => /^get.*Item$/.test(name))?.[1] as (c: unknown, p: unknown) => Promise<unknown>;
    expect(typeof fn).toBe('function');
    await fn(client, { id: '../../admin?x=1#y', "globalThis.pwned='path'": 'p', __proto__: 'q', constructor: 'c' });
    expect(g.pwned).toBeUndefined();
    expect(seen).toHaveLength(1);
    const url = new URL(seen[0].url);
    // The id cannot climb out of its segment or start a query.
    expect(url.pathname.startsWith('/items/..%2F..%2Fadmin%3Fx%3D1%23y/')).toBe(true);
    expect(url.hash).toBe('');
    expect(seen[0].headers.get("X-Key'`|~")).toBe('k');
  });
});
