// SELECT lists built from the table registry (data/tables.ts), so no column list is written by
// hand in worker/db/: a column added to the registry reaches every query that shows it.
import { type ColumnName, type TableName } from '../data/tables'

/**
 * `a.c1, a.c2, ...` for `columns` of table T (alias `a`, or bare names without one). `replace`
 * gives a column another expression under its own name (`expr AS c`), such as a reference that
 * is kept only while the row it names is not deleted. Names come from the registry, never from
 * a request.
 */
export function selectList<T extends TableName>(
  _table: T,
  alias: string | null,
  columns: readonly ColumnName<T>[],
  replace: Partial<Record<ColumnName<T>, string>> = {},
): string {
  return columns
    .map((column) => {
      const expression = replace[column]
      if (expression) return `${expression} AS ${column}`
      return alias ? `${alias}.${column}` : column
    })
    .join(', ')
}
