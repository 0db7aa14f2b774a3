import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));
const tsc = fileURLToPath(new URL('../../node_modules/typescript/bin/tsc', import.meta.url));

// The runtime is copied verbatim into generated packages: it must compile under the strictest
// settings with only the standard web APIs (lib ES2022 + DOM, no Node types), whichever
// module resolution the package uses.
describe('the runtime type-checks', () => {
  for (const config of ['tsconfig.nodenext.json', 'tsconfig.bundler.json']) {
    it(`with test/runtime/${config}`, async () => {
      const result = await run(process.execPath, [tsc, '-p', `test/runtime/${config}`], { cwd: root }).then(
        (r) => ({ code: 0, out: r.stdout + r.stderr }),
        (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
      );
      expect(result.out).toBe('');
      expect(result.code).toBe(0);
    }, 60_000);
  }

  it('and the check would catch a Node API (tsconfig.guard.json compiles fixtures/node-only.ts)', async () => {
    const result = await run(process.execPath, [tsc, '-p', 'test/runtime/tsconfig.guard.json'], { cwd: root }).then(
      () => ({ code: 0, out: '' }),
      (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
    );
    expect(result.code).not.toBe(0);
    expect(result.out).toContain("Cannot find name 'Buffer'");
    expect(result.out).toContain("Cannot find name 'process'");
  }, 60_000);
});
