// README.md of the bulk download (exports/bundle.ts): what each file holds, each CSV's columns
// (from the same table definitions as the files: exports/tables.ts), the licence and the credit
// the reuse needs, the formula guard and how to undo it, and the Excel option. Plain Markdown text.
import { sourceCitation } from '../shared/dataset'
import { GEOJSON_RESOURCE } from './datapackage'
import type { ExportContext } from './reader'
import type { CsvTable, TableField } from './tables'

/** A table cell of Markdown: pipes escaped, line breaks as spaces. */
const cell = (text: string) => text.replaceAll('|', '\\|').replace(/\s*\n\s*/g, ' ')

function fieldRow(field: TableField): string {
  const type = field.format ? `${field.type} (${field.format})` : field.type
  const needed = field.constraints?.required ? 'yes' : ''
  const values = field.constraints?.enum ? ` One of: ${field.constraints.enum.join(', ')}.` : ''
  return `| \`${field.name}\` | ${type} | ${needed} | ${cell(field.description + values)} |`
}

function tableSection(table: CsvTable): string {
  const keys = [
    `Primary key: \`${table.primaryKey}\`.`,
    ...table.foreignKeys.map(
      (fk) =>
        `\`${fk.fields}\` refers to \`${fk.reference.fields}\` of ${
          fk.reference.resource ? `${fk.reference.resource}.csv` : 'this file'
        }.`,
    ),
  ].join(' ')
  return [
    `## ${table.file}`,
    '',
    table.description,
    '',
    keys,
    '',
    '| column | type | required | what it holds |',
    '| --- | --- | --- | --- |',
    ...table.fields.map(fieldRow),
  ].join('\n')
}

/** README.md for the zip holding `tables` and the GeoJSON, for the story in `source`. */
export function bundleReadme(source: ExportContext, tables: readonly CsvTable[]): string {
  const meta = source.meta
  const files = [
    ...tables.map((t) => `- \`${t.file}\`: ${t.summary}.`),
    `- \`${GEOJSON_RESOURCE.file}\`: ${GEOJSON_RESOURCE.description}`,
    '- `datapackage.json`: a Frictionless Data Package describing every file: each CSV’s Table Schema (column types, required columns, allowed values, primary and foreign keys), the licence, the source and who made the data. `frictionless validate datapackage.json` checks the files against it.',
    '- `README.md`: this file.',
  ]
  return `${[
    `# ${meta.title}: the data`,
    '',
    meta.dek,
    '',
    `Data version ${meta.data_version}, as of ${source.modified}. The same data, always current: ${source.origin}/api/v1 (documentation: ${source.origin}/api/docs).`,
    '',
    '## Licence and credit',
    '',
    `This compilation of the data is published under ${meta.license_name} (${meta.license_url}). Compiled by ${meta.creator}; published by ${meta.publisher}.`,
    '',
    `Every fact comes from one article, which any reuse must credit: ${sourceCitation(meta)}.`,
    '',
    meta.credit,
    '',
    'Headlines and summaries are our own words; the article’s text is not republished here.',
    '',
    '## Files',
    '',
    ...files,
    '',
    '## Reading the CSV files',
    '',
    '- RFC 4180: comma-separated, a header row, records ending in CRLF, a cell in double quotes when it holds a quote (doubled), a comma or a line break (the body column keeps its paragraph breaks).',
    '- UTF-8, without a byte-order mark. Excel needs one to read letters beyond plain ASCII (such as ü or é) rightly: download each CSV from the API with `?bom=1` (for example `' +
      `${source.origin}/api/v1/figures.csv?bom=1` +
      '`), or import the file with Data > From Text/CSV and choose UTF-8.',
    '- An empty cell is a missing value. Numbers use a full stop for decimals and no thousands separators; dates are YYYY-MM-DD; times are ISO 8601 in UTC.',
    '',
    '## Lists in one cell',
    '',
    'Some columns of events.csv (places, actors, outlets, figures, notes and their ids) and figures.csv (source_outlets, source_outlet_ids) hold a list: the items are separated by `; `, and a `;` inside an item is written twice (`;;`), so an item may hold any text, a note with a semicolon included. To read a list, go from the left: `;;` is one `;` of the item, `; ` ends the item (undo the formula guard below first). In Python:',
    '',
    '```python',
    'def split_list(cell):',
    '    if cell == "": return []',
    '    items, item, i = [], "", 0',
    '    while i < len(cell):',
    '        if cell.startswith(";;", i): item, i = item + ";", i + 2',
    '        elif cell.startswith("; ", i): items, item, i = items + [item], "", i + 2',
    '        else: item, i = item + cell[i], i + 1',
    '    return items + [item]',
    '```',
    '',
    'The id columns never hold a `;`, so splitting them on `; ` is enough.',
    '',
    '## The formula guard, and how to undo it',
    '',
    "A text cell that starts with `=`, `+`, `-` or `@` (or their full-width forms `＝ ＋ － ＠`, a tab or a carriage return) would run as a formula when a spreadsheet opens the file, so it is written with one leading apostrophe: `-40% of complaints` is written `'-40% of complaints`. A text cell that already starts with an apostrophe gets one more (`'=x` is written `''=x`), so the guard can always be undone exactly. Numbers are never guarded (`-3` in a number column is the number -3). The JSON API has every value unchanged.",
    '',
    'To get a value back, drop one leading `\'` from any text cell whose second character is one of those or another `\'`, and only there: in Python, `value[1:] if len(value) > 1 and value[0] == "\'" and value[1] in "=+-@\\t\\r＝＋－＠\'" else value`.',
    '',
    ...tables.flatMap((t) => [tableSection(t), '']),
  ].join('\n')}`
}
