import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

// The fixture uses the default 60 s timeout: a timer or socket left behind would keep the
// child alive far longer than the limit below.
it('a process that used retries, timeouts, aborts, streams and pagination exits on its own', async () => {
  const script = fileURLToPath(new URL('./fixtures/exit-check.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const started = performance.now();
  const code = await new Promise<number | null>((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('exit', (c) => {
      clearTimeout(kill);
      resolve(c);
    });
  });
  expect(out).toContain('done 2');
  expect(code).toBe(0);
  expect(performance.now() - started).toBeLessThan(20_000);
}, 30_000);
