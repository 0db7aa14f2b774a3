/**
 * The package's entry points other than its root: the `exports` subpaths (`openai-admin/zod`,
 * the plugins' outputs) and the `bin` commands (`openai-admin-mcp`). A new one is a feature
 * (minor); one gone breaks whoever imports or runs it (major). The root's own exports are
 * judged declaration by declaration (surface.ts).
 */
import type { EntryPointChanges } from './types.js';

export function entryPointChanges(oldPackageJson: string | undefined, newPackageJson: string | undefined): EntryPointChanges {
  const before = entryPoints(oldPackageJson);
  const after = entryPoints(newPackageJson);
  return {
    added: [...after].filter((e) => !before.has(e)).sort(),
    removed: [...before].filter((e) => !after.has(e)).sort(),
  };
}

/** `<name>/<subpath>` for each `exports` subpath but `.` and `./package.json`, `bin <command>` for each command. */
function entryPoints(packageJson: string | undefined): Set<string> {
  const out = new Set<string>();
  let pkg: { name?: unknown; exports?: unknown; bin?: unknown };
  try {
    pkg = packageJson ? (JSON.parse(packageJson) as typeof pkg) : {};
  } catch {
    return out;
  }
  const name = typeof pkg.name === 'string' ? pkg.name : '.';
  if (pkg.exports && typeof pkg.exports === 'object') {
    for (const subpath of Object.keys(pkg.exports)) {
      if (subpath.startsWith('./') && subpath !== './package.json') out.add(`${name}/${subpath.slice(2)}`);
    }
  }
  if (typeof pkg.bin === 'string') out.add(`bin ${name.replace(/^@[^/]+\//, '')}`);
  else if (pkg.bin && typeof pkg.bin === 'object') for (const command of Object.keys(pkg.bin)) out.add(`bin ${command}`);
  return out;
}
