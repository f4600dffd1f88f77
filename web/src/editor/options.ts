// The form's choices from GET /api/v1/admin/options: each list may hold plain strings or rows with
// an id and a name, title or label; every one becomes { value, label }.
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
  return { value, label: typeof label === 'string' ? label : value }
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
