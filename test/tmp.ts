/**
 * Temporary folders for tests, all under the run's root (test/global-setup.ts creates it
 * and removes it when the run ends), so a test run leaves nothing behind.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function tempDir(prefix = 'oagen-test-'): string {
  const root = process.env.OAGEN_TEST_TMP ?? join(tmpdir(), 'oagen-tests');
  mkdirSync(root, { recursive: true });
  return mkdtempSync(join(root, prefix));
}
