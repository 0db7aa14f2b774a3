import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hasGnuTime, runMeasured, runNodeMeasured } from './proc.js';
import { tempDir } from '../../../test/tmp.js';

const dir = tempDir('proc-test-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function script(name: string, body: string): string {
  const file = join(dir, name);
  writeFileSync(file, body);
  return file;
}

const ALLOCATE = script('allocate.mjs', `
const keep = [];
for (let i = 0; i < 40; i++) keep.push(Buffer.alloc(4 * 1024 * 1024, 1));
let x = 0;
for (let i = 0; i < 3e7; i++) x += i;
console.log('done', keep.length, x > 0);
process.exitCode = Number(process.argv[2] ?? 0);
`);

describe.each([
  ['GNU time', false],
  ['in-process wrapper', true],
])('runNodeMeasured with %s', (_, forceWrapper) => {
  it.skipIf(!forceWrapper && !hasGnuTime())('measures wall, CPU, peak RSS and the exit code', async () => {
    const r = await runNodeMeasured(ALLOCATE, ['4'], { cwd: dir, timeoutMs: 30_000, forceWrapper });
    expect(r.code).toBe(4);
    expect(r.signal).toBeNull();
    expect(r.timedOut).toBe(false);
    expect(r.stdout).toContain('done 40 true');
    expect(r.wallMs).toBeGreaterThan(0);
    expect(r.cpuMs).toBeGreaterThan(0);
    // 160 MiB of buffers were touched.
    expect(r.maxRssKb).toBeGreaterThan(150 * 1024);
  });
});

describe('runMeasured', () => {
  it('kills the process tree on timeout', async () => {
    const hang = script('hang.mjs', 'setInterval(() => {}, 1000);');
    const r = await runNodeMeasured(hang, [], { cwd: dir, timeoutMs: 300 });
    expect(r.timedOut).toBe(true);
    expect(r.code).toBeNull();
    expect(r.wallMs).toBeLessThan(5_000);
  });

  it('reports a signal death', async () => {
    const segv = script('segv.mjs', "process.kill(process.pid, 'SIGSEGV');");
    const r = await runNodeMeasured(segv, [], { cwd: dir, timeoutMs: 10_000 });
    expect(r.signal).toBe('SIGSEGV');
    expect(r.code).toBeNull();
  });

  it('reports a missing command as exit 127', async () => {
    const r = await runMeasured(join(dir, 'no-such-command'), [], { cwd: dir, timeoutMs: 10_000 });
    expect(r.code === 127 || r.code === 126).toBe(true);
  });
});
