/**
 * The progress line (src/run/progress.ts): on a terminal, one line rewritten per stage with
 * the client and its counts, cleared before the summary; nothing when not live (CI, a pipe)
 * or with --quiet; stage times with --timings. And through the CLI: --timings prints them,
 * a run in CI prints no control characters.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { Progress } from '../../src/run/progress.js';
import { ROOT } from '../generate/helpers.js';
import { oagenAsync, projectWithOagen } from '../cli/run.js';

function capture(options: ConstructorParameters<typeof Progress>[0]) {
  let text = '';
  const p = new Progress({ ...options, write: (t) => (text += t) });
  return { p, text: () => text };
}

function drive(p: Progress): void {
  p.client(2, 3, 'pets');
  p.onStage('load');
  p.onStage('name', { operations: 12, schemas: 34 });
  p.onStage('render');
  p.done();
}

describe('progress', () => {
  it('on a terminal: the stage and counts on one rewritten line, cleared at the end', () => {
    const { p, text } = capture({ live: true });
    drive(p);
    expect(text()).toBe(
      '\r\x1b[2K[2/3] pets: reading the spec…' + '\r\x1b[2K[2/3] pets: naming… (12 operations, 34 models)' + '\r\x1b[2K[2/3] pets: rendering… (12 operations, 34 models)' + '\r\x1b[2K',
    );
  });

  it('silent when not live or with --quiet', () => {
    for (const options of [{ live: false }, { live: true, quiet: true }]) {
      const { p, text } = capture(options);
      drive(p);
      expect(text()).toBe('');
    }
  });

  it('--timings: each stage time once the client is done', () => {
    const { p, text } = capture({ live: false, timings: true });
    drive(p);
    expect(text()).toMatch(/^\[2\/3\] pets: load \d+ ms, name \d+ ms, render \d+ ms\n$/);
  });

  it('through the CLI: --timings prints the stages; in CI no progress line', async () => {
    const dir = projectWithOagen();
    const r = await oagenAsync(['generate', '--spec', join(ROOT, 'specs/arthur.yaml'), '--out', 'out/arthur', '--timings'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^arthur: load \d+ ms, name \d+ ms, render \d+ ms, judge \d+ ms, write \d+ ms$/m);
    expect(r.stderr).not.toContain('\x1b');
    expect(r.stdout).not.toContain('\x1b');
  });
});
