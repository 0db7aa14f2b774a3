/**
 * Version arithmetic for the generated package (semver 2.0): `bumpVersion('1.2.3', 'minor')`
 * → `1.3.0`. A pre-release is completed first, the way `npm version` does it:
 * `2.0.0-beta.1` + patch → `2.0.0`, + minor → `2.0.0` (already a minor boundary), + major →
 * `2.0.0`; `1.2.3-rc.1` + minor → `1.3.0`. A version that is not semver is left as it is.
 */
import type { Semver } from '../judge/types.js';

const SEMVER = /^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

export function isSemver(version: string): boolean {
  return SEMVER.test(version);
}

export function bumpVersion(version: string, semver: Semver): string {
  const m = SEMVER.exec(version);
  if (!m || semver === 'none') return version;
  const [major, minor, patch] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const pre = m[4] !== undefined;
  switch (semver) {
    case 'major':
      return pre && minor === 0 && patch === 0 ? `${major}.0.0` : `${major + 1}.0.0`;
    case 'minor':
      return pre && patch === 0 ? `${major}.${minor}.0` : `${major}.${minor + 1}.0`;
    case 'patch':
      return pre ? `${major}.${minor}.${patch}` : `${major}.${minor}.${patch + 1}`;
  }
}
