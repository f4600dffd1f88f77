// Prints rows as a Markdown table, so a report pastes straight into the README.

export type Cell = string | number | null | undefined

const text = (cell: Cell) =>
  cell === null || cell === undefined || (typeof cell === 'number' && Number.isNaN(cell))
    ? '–'
    : String(cell)

export function markdownTable(header: string[], rows: Cell[][]): string {
  const cells = [header, ...rows.map((r) => r.map(text))]
  const widths = header.map((_, i) => Math.max(3, ...cells.map((r) => (r[i] ?? '').length)))
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`
  return [
    line(header),
    `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`,
    ...cells.slice(1).map(line),
  ].join('\n')
}
