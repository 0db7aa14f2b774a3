/**
 * Exit code 3: a bug in oagen (anything that is not an OagenError) is an internal error,
 * never 1 (--fail-on's verdict) nor 2 (a spec or flag it cannot use).
 */
import { Writable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';

vi.mock('../../src/diff/index.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/diff/index.js')>();
  return {
    ...real,
    diffSpecs: async () => {
      throw new TypeError('a bug');
    },
  };
});

const { runDiff } = await import('../../src/diff/cli.js');

class Sink extends Writable {
  text = '';
  override _write(chunk: Buffer, _enc: string, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

describe('oagen diff: exit code 3', () => {
  it('an internal error exits 3 and says it is a bug, whatever --fail-on says', async () => {
    const out = new Sink();
    const err = new Sink();
    expect(await runDiff(['a.yaml', 'b.yaml'], { 'fail-on': 'breaking', 'no-types': true }, out, err)).toBe(3);
    expect(err.text).toContain('internal error: a bug');
    expect(out.text).toBe('');
  });
});
