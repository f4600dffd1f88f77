// The form's choices from GET /api/v1/admin/options: each list may hold plain strings or rows with
// an id and a name, title or label; every one becomes { value, label } (with its kind, if any).
import type { Choice, Options } from './types'

const KEYS = [
  'categories',
  'chapters',
  'places',
  'actors',
  'outlets',
  'qualifiers',
  'units',
  'measures',
  'note_kinds',
  'outlet_roles',
  'actor_roles',
] as const satisfies readonly (keyof Options)[]

function toChoice(item: unknown): Choice | null {
  if (typeof item === 'string') return { value: item, label: item }
  if (typeof item !== 'object' || item === null) return null
  const row = item as Record<string, unknown>
  const value = row.id ?? row.value
  if (typeof value !== 'string') return null
  const label = [row.label, row.title, row.name].find((l) => typeof l === 'string')
  const choice: Choice = { value, label: typeof label === 'string' ? label : value }
  if (typeof row.kind === 'string') choice.kind = row.kind
  return choice
}

export function toOptions(raw: unknown): Options {
  const source = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>
  const options = {} as Options
  for (const key of KEYS) {
    const list = source[key]
    options[key] = Array.isArray(list)
      ? list.map(toChoice).filter((c): c is Choice => c !== null)
      : []
  }
  return options
}

/** The label of a value, or the value itself when it is not among the choices. */
export function labelOf(choices: Choice[], value: string | null | undefined): string {
  if (!value) return ''
  return choices.find((c) => c.value === value)?.label ?? value
}

/**
 * Puts a row just made on the page (a place, actor or outlet) among the choices, in order of
 * label, so every picker and select offers it at once; a choice already there is left alone.
 */
export function addChoice(choices: Choice[], row: { id: string; name: string; kind: string }) {
  if (choices.some((c) => c.value === row.id)) return
  const choice: Choice = { value: row.id, label: row.name, kind: row.kind }
  const at = choices.findIndex((c) => c.label.localeCompare(row.name) > 0)
  if (at < 0) choices.push(choice)
  else choices.splice(at, 0, choice)
}
