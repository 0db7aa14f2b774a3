import { describe, expect, it } from 'vitest';
import { repoRoot, tsc } from '../tsc.js';

// The runtime is copied verbatim into generated packages: it must compile under the strictest
// settings with only the standard web APIs (lib ES2022 + DOM, no Node types), whichever
// module resolution the package uses.
describe('the runtime type-checks', () => {
  for (const config of ['tsconfig.nodenext.json', 'tsconfig.bundler.json']) {
    it(`with test/runtime/${config}`, async () => {
      const result = await tsc(['-p', `test/runtime/${config}`], repoRoot);
      expect(result.output).toBe('');
      expect(result.code).toBe(0);
    }, 60_000);
  }

  it('and the check would catch a Node API (tsconfig.guard.json compiles fixtures/node-only.ts)', async () => {
    const result = await tsc(['-p', 'test/runtime/tsconfig.guard.json'], repoRoot);
    expect(result.code).not.toBe(0);
    expect(result.output).toContain("Cannot find name 'Buffer'");
    expect(result.output).toContain("Cannot find name 'process'");
  }, 60_000);
});
