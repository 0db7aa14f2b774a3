/** Find the exported function a generator emitted for a given operation. */
import { readFileSync } from 'node:fs';
import { listFiles } from './lib/dir-size.js';

export interface FoundExport {
  name: string;
  file: string;
}

/** Lower-case letters and digits only: "users/list", "usersList" and "UsersList" all become "userslist". */
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

const EXPORT_DECL = /^export\s+(?:declare\s+)?(?:async\s+)?(?:function\s*\*?\s*([A-Za-z_$][\w$]*)|(?:const|let|var)\s+([A-Za-z_$][\w$]*))/gm;

/** Names of exported functions and consts declared in one TypeScript source. */
export function exportedValueNames(source: string): string[] {
  const names: string[] = [];
  for (const m of source.matchAll(EXPORT_DECL)) names.push((m[1] ?? m[2])!);
  return names;
}

/**
 * The export whose normalized name equals the operationId's, else one of the aliases'.
 * Files are searched in sorted order; the first exact match wins.
 */
export function findOperationExport(
  sources: ReadonlyArray<{ file: string; text: string }>,
  operationId: string,
  aliases: readonly string[],
): FoundExport | undefined {
  const wanted = [operationId, ...aliases].map(normalizeName);
  for (const target of wanted) {
    for (const { file, text } of sources) {
      const name = exportedValueNames(text).find((n) => normalizeName(n) === target);
      if (name) return { name, file };
    }
  }
  return undefined;
}

export function readSources(srcDir: string): Array<{ file: string; text: string }> {
  return listFiles(srcDir, ['.ts']).filter((f) => !f.endsWith('.d.ts')).map((file) => ({ file, text: readFileSync(file, 'utf8') }));
}
