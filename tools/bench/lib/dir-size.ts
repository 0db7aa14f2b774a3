/** Total bytes and file count of a folder tree (symlinks are not followed). */
import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface DirSize {
  bytes: number;
  files: number;
}

export function dirSize(root: string): DirSize {
  const total: DirSize = { bytes: 0, files: 0 };
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) {
        total.bytes += lstatSync(path).size;
        total.files += 1;
      }
    }
  };
  walk(root);
  return total;
}

/** Every file under `root` whose name ends with one of `suffixes`, as paths relative to nothing (absolute if root is). */
export function listFiles(root: string, suffixes: readonly string[]): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') walk(path);
      } else if (entry.isFile() && suffixes.some((s) => entry.name.endsWith(s))) found.push(path);
    }
  };
  walk(root);
  return found.sort();
}
