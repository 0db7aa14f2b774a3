/**
 * The generated package's own test suite (issue 17, the `tests` plugin): openai-admin and
 * arthur, rendered as oagen.config.json configures them, run `npm test` in their own folder
 * (`vitest run` with the package's vitest.config.mjs; vitest and msw come from the repository's
 * node_modules, as from an install), and every operation's test passes.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { writeConfiguredPackage, type WrittenPackage } from '../mocks/package.js';

const run = promisify(execFile);
const written: WrittenPackage[] = [];
afterAll(() => written.forEach((p) => p.dispose()));

describe.each(['openai-admin', 'arthur'])('%s', (name) => {
  it('passes its own npm test', async () => {
    const pkg = await writeConfiguredPackage(name);
    written.push(pkg);
    const tests = [...pkg.files.values()].join('').match(/^ {2}it\(/gm)?.length ?? 0;
    const cases = [...pkg.files].filter(([p]) => p.startsWith('test/') && p.endsWith('.test.ts')).reduce((n, [, c]) => n + (c.match(/^ {2}it\(/gm)?.length ?? 0), 0);
    expect(cases).toBe(tests);
    expect(cases).toBe(pkg.ir.operations.length);
    let output: string;
    try {
      const { stdout, stderr } = await run('npm', ['test', '--silent'], { cwd: pkg.dir, env: { ...process.env, CI: 'true', NO_COLOR: '1', FORCE_COLOR: '0' }, maxBuffer: 64 << 20 });
      output = stdout + stderr;
    } catch (e) {
      const err = e as { stdout?: string; stderr?: string; message: string };
      throw new Error(`npm test failed in ${pkg.dir}:\n${(err.stdout ?? '') + (err.stderr ?? '')}`.slice(0, 8000));
    }
    expect(output).toMatch(new RegExp(`Tests\\s+${cases} passed`));
  }, 600_000);
});
