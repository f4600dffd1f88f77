// The write API's field errors: what a 422 lists in `errors`, one entry per field, in editors'
// words: each names its field by the label the editor page shows (data/labels.ts), and the
// problem's detail names the row by its title. The problem types themselves (unauthorized,
// stale-version, invalid-body, ...) are registered with the public ones in lib/problem-types.ts
// and sent with lib/problem.ts.
import { fieldLabel, ROW_NOUNS, type LabelledTable } from '../data/labels'
import { REGISTRY } from '../data/tables'

/**
 * One thing wrong with a body: the field (a dotted path, or "(body)"), its label on the editor
 * page when it has one, and what it needs.
 */
export interface FieldError {
  field: string
  label?: string
  message: string
}

/** Whether `name` is a table whose fields have labels (the story and every editable table). */
export const isLabelledTable = (name: string): name is LabelledTable =>
  Object.hasOwn(ROW_NOUNS, name)

/** The errors with each field's label added (field, label, message, in that order). */
export function labelled(table: LabelledTable, errors: readonly FieldError[]): FieldError[] {
  return errors.map(({ field, message }) => {
    const label = fieldLabel(table, field)
    return label === null ? { field, message } : { field, label, message }
  })
}

/**
 * How a row is named to an editor: the column that names it (an event's headline, a chapter's
 * title, a figure's "as written" text), or null when the row has none (or it is empty).
 */
export function rowTitle(table: LabelledTable, row: Record<string, unknown> | null | undefined) {
  if (!row) return null
  const column = table === 'story' ? 'title' : REGISTRY[table].label
  const title = column ? row[column] : undefined
  return typeof title === 'string' && title.trim() !== '' ? title.trim() : null
}

/**
 * The detail of a refused write: which row (`the figure “more than 5,000 people”`), then each
 * error, led by its field's label unless the message already starts with it.
 */
export function refusalDetail(
  table: LabelledTable | null,
  title: string | null,
  errors: readonly FieldError[],
): string {
  const what = table
    ? `The ${ROW_NOUNS[table]}${title ? ` “${title}”` : ''} was not saved:`
    : 'The request was refused:'
  const sentences = errors.map((e) =>
    e.label && !e.message.startsWith(e.label) ? `${e.label}: ${e.message}` : e.message,
  )
  return `${what} ${sentences.join(' ')}`
}
