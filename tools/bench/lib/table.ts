/** Render one table of strings as aligned plain text (terminal) or as Markdown. */

export interface Table {
  head: string[];
  rows: string[][];
  /** Columns (by index) to right-align; numbers read better that way. */
  right?: number[];
}

export function toText(table: Table): string {
  const all = [table.head, ...table.rows];
  const widths = table.head.map((_, c) => Math.max(...all.map((row) => (row[c] ?? '').length)));
  const right = new Set(table.right ?? []);
  const line = (row: string[]) =>
    row
      .map((cell, c) => (right.has(c) ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
      .join('  ')
      .trimEnd();
  return [line(table.head), widths.map((w) => '-'.repeat(w)).join('  '), ...table.rows.map(line)].join('\n');
}

export function toMarkdown(table: Table): string {
  const right = new Set(table.right ?? []);
  const esc = (cell: string) => cell.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
  const line = (row: string[]) => `| ${row.map(esc).join(' | ')} |`;
  const rule = `|${table.head.map((_, c) => (right.has(c) ? '---:' : '---')).join('|')}|`;
  return [line(table.head), rule, ...table.rows.map(line)].join('\n');
}
