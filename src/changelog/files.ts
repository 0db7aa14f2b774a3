/**
 * The files of a previously generated package, as path → content (what the judge compares
 * the new package with). What the package's user built or installed inside it
 * (`node_modules`, `dist`) is not part of it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const SKIPPED = new Set(['node_modules', 'dist']);

export function readPackageFiles(dir: string): Map<string, string> | undefined {
  const out = new Map<string, string>();
  const walk = (d: string, prefix: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const rel = prefix ? `${prefix}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (!prefix && SKIPPED.has(e.name)) continue;
        walk(join(d, e.name), rel);
      } else if (e.isFile()) out.set(rel, readFileSync(join(d, e.name), 'utf8'));
    }
  };
  try {
    walk(dir, '');
  } catch {
    return undefined;
  }
  return out;
}
