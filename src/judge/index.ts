/**
 * The one judge of a generated package's exported surface: what a regeneration changed for
 * the code that uses the package, and so which version bump it needs. `oagen generate`
 * (the version and the CHANGELOG, src/changelog/) and `oagen diff` (the client impact,
 * src/diff/surface/) both ask it; the judging itself is in surface.ts.
 *
 * This entry point keeps the TypeScript parser and checker (ts-morph, slow to load) out of
 * a run whose package did not change: they are loaded only when some file differs.
 */
import { changedFiles, unchanged } from './files.js';
import type { JudgeInput, Verdict } from './types.js';

export { BOOKKEEPING, changedFiles } from './files.js';
export type { ExportChange, JudgeInput, JudgeSide, Semver, Verdict } from './types.js';

export async function judge(input: JudgeInput): Promise<Verdict> {
  if (changedFiles(input.oldFiles, input.newFiles).length === 0) return unchanged();
  const { judgeSurface } = await import('./surface.js');
  return judgeSurface(input);
}
