/**
 * One temporary root for the whole test run (see test/tmp.ts), removed when the run ends,
 * so tests leave nothing behind in the system's temp folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'oagen-tests-'));
  process.env.OAGEN_TEST_TMP = root;
  return () => rmSync(root, { recursive: true, force: true });
}
