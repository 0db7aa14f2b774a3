/** `{ a, b }` on one line when short, else one name per line: the braces of an import. */
export function importList(names: string[]): string {
  const line = names.join(', ');
  return line.length <= 70 ? `{ ${line} }` : `{\n${names.map((n) => `  ${n},\n`).join('')}}`;
}
