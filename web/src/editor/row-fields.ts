// The forms of the editor's row screens (places, actors, outlets, categories, chapters, the story
// row): which
// fields each shows, in what order, of what kind, with the label from the one list of labels
// (worker/data/labels.ts) and the limit the write API enforces (worker/data/tables.ts; the browser
// tests check each limit below against the registry's own schema, so the two cannot drift). A
// form holds every field as the text typed; `bodyOf` turns it into the JSON a write sends.
import { FIELD_LABELS } from '../../../worker/data/labels'
import { ACTOR_KINDS, OUTLET_KINDS, PLACE_KINDS } from '../../../worker/data/values'
import type { Choice, Options } from './types'

/** What kind of input a field is. `id`: a new row's id, fixed once made. */
export type FieldKind = 'id' | 'text' | 'textarea' | 'select' | 'number' | 'date' | 'url' | 'code'

/** One field of a row form. */
export interface FieldSpec {
  /** The column. */
  name: string
  /** Its label (FIELD_LABELS). */
  label: string
  kind: FieldKind
  /** Whether the row needs a value. */
  required: boolean
  /** The most characters the write API takes, shown as characters left. */
  max?: number
  /** A line under the label. */
  hint?: string
  /** For a select: its choices. */
  choices?: (options: Options, row: Record<string, unknown> | null) => Choice[]
  /** How a blank optional field is sent: null (the column may be empty) or "" (it holds text). */
  blank?: 'null' | 'empty'
}

/** The tables these forms edit. */
export type FormTable = 'places' | 'actors' | 'outlets' | 'categories' | 'chapters' | 'story'

const listed = (values: readonly string[]) => () => values.map((v) => ({ value: v, label: v }))

const ID_HINT =
  'Lowercase letters, digits and hyphens, such as “kampong-speu”. It names the row in the API and in links, and cannot be changed once made.'

/** Every form's fields, by table. */
export const ROW_FIELDS: Record<FormTable, readonly FieldSpec[]> = {
  places: [
    { name: 'name', label: FIELD_LABELS.places.name, kind: 'text', required: true, max: 120 },
    {
      name: 'id',
      label: FIELD_LABELS.places.id,
      kind: 'id',
      required: true,
      max: 80,
      hint: ID_HINT,
    },
    {
      name: 'kind',
      label: FIELD_LABELS.places.kind,
      kind: 'select',
      required: true,
      choices: listed(PLACE_KINDS),
    },
    {
      name: 'parent_id',
      label: FIELD_LABELS.places.parent_id,
      kind: 'select',
      required: false,
      blank: 'null',
      hint: 'The place this one lies in: a province lies in Cambodia, a city or a site in its province.',
      choices: (options, row) => options.places.filter((p) => p.value !== row?.id),
    },
    {
      name: 'iso_code',
      label: FIELD_LABELS.places.iso_code,
      kind: 'code',
      required: false,
      blank: 'null',
      hint: 'ISO 3166: KH for a country, KH-18 for a province. Leave empty for a city or a site.',
    },
    {
      name: 'latitude',
      label: FIELD_LABELS.places.latitude,
      kind: 'number',
      required: false,
      blank: 'null',
      hint: 'Degrees north, -90 to 90, such as 11.5564 for Phnom Penh.',
    },
    {
      name: 'longitude',
      label: FIELD_LABELS.places.longitude,
      kind: 'number',
      required: false,
      blank: 'null',
      hint: 'Degrees east, -180 to 180, such as 104.9282 for Phnom Penh.',
    },
  ],
  actors: [
    { name: 'name', label: FIELD_LABELS.actors.name, kind: 'text', required: true, max: 160 },
    {
      name: 'id',
      label: FIELD_LABELS.actors.id,
      kind: 'id',
      required: true,
      max: 80,
      hint: ID_HINT,
    },
    {
      name: 'kind',
      label: FIELD_LABELS.actors.kind,
      kind: 'select',
      required: true,
      choices: listed(ACTOR_KINDS),
    },
    {
      name: 'description',
      label: FIELD_LABELS.actors.description,
      kind: 'textarea',
      required: false,
      blank: 'empty',
      max: 300,
      hint: 'Who they are, in one line, such as “Cambodia’s interior minister until August 2023”.',
    },
    {
      name: 'country',
      label: FIELD_LABELS.actors.country,
      kind: 'code',
      required: false,
      blank: 'null',
      hint: 'Two capital letters (ISO 3166-1), such as KH or CN.',
    },
  ],
  outlets: [
    { name: 'name', label: FIELD_LABELS.outlets.name, kind: 'text', required: true, max: 120 },
    {
      name: 'id',
      label: FIELD_LABELS.outlets.id,
      kind: 'id',
      required: true,
      max: 80,
      hint: ID_HINT,
    },
    {
      name: 'kind',
      label: FIELD_LABELS.outlets.kind,
      kind: 'select',
      required: true,
      choices: listed(OUTLET_KINDS),
    },
    {
      name: 'country',
      label: FIELD_LABELS.outlets.country,
      kind: 'code',
      required: false,
      blank: 'null',
      hint: 'Two capital letters (ISO 3166-1), such as KH.',
    },
    {
      name: 'url',
      label: FIELD_LABELS.outlets.url,
      kind: 'url',
      required: false,
      blank: 'null',
      hint: 'The outlet’s home page, starting with https://.',
    },
  ],
  categories: [
    { name: 'label', label: FIELD_LABELS.categories.label, kind: 'text', required: true, max: 80 },
    {
      name: 'id',
      label: FIELD_LABELS.categories.id,
      kind: 'id',
      required: true,
      max: 60,
      hint: 'Lowercase letters, digits and hyphens, starting with a letter, such as “enforcement”. It names the category in the API and cannot be changed once made.',
    },
    {
      name: 'position',
      label: FIELD_LABELS.categories.position,
      kind: 'number',
      required: true,
      hint: 'Where the category comes in lists and legends: 1 first. Each category has a position of its own; to swap two, move one to a free number first.',
    },
    {
      name: 'description',
      label: FIELD_LABELS.categories.description,
      kind: 'textarea',
      required: false,
      blank: 'empty',
      max: 600,
      hint: 'What belongs in the category, for readers of the legend and of the API.',
    },
  ],
  chapters: [
    { name: 'title', label: FIELD_LABELS.chapters.title, kind: 'text', required: true, max: 120 },
    { name: 'dek', label: FIELD_LABELS.chapters.dek, kind: 'textarea', required: true, max: 600 },
  ],
  story: [
    { name: 'title', label: FIELD_LABELS.story.title, kind: 'text', required: true, max: 200 },
    { name: 'dek', label: FIELD_LABELS.story.dek, kind: 'textarea', required: true, max: 600 },
    {
      name: 'credit',
      label: FIELD_LABELS.story.credit,
      kind: 'textarea',
      required: true,
      max: 400,
    },
    {
      name: 'source_outlet',
      label: FIELD_LABELS.story.source_outlet,
      kind: 'text',
      required: true,
      max: 200,
    },
    {
      name: 'source_title',
      label: FIELD_LABELS.story.source_title,
      kind: 'text',
      required: true,
      max: 300,
    },
    {
      name: 'source_period',
      label: FIELD_LABELS.story.source_period,
      kind: 'text',
      required: true,
      max: 100,
    },
    {
      name: 'source_published',
      label: FIELD_LABELS.story.source_published,
      kind: 'date',
      required: false,
      blank: 'null',
    },
    {
      name: 'source_url',
      label: FIELD_LABELS.story.source_url,
      kind: 'url',
      required: false,
      blank: 'null',
    },
    {
      name: 'license_name',
      label: FIELD_LABELS.story.license_name,
      kind: 'text',
      required: true,
      max: 200,
    },
    { name: 'license_url', label: FIELD_LABELS.story.license_url, kind: 'url', required: true },
    { name: 'creator', label: FIELD_LABELS.story.creator, kind: 'text', required: true, max: 200 },
    {
      name: 'publisher',
      label: FIELD_LABELS.story.publisher,
      kind: 'text',
      required: true,
      max: 200,
    },
  ],
}

/** A form's fields as typed: every value as text. */
export type RowForm = Record<string, string>

/** The form of `row` (a new row's when null): numbers and empty values as text. */
export function formOf(fields: readonly FieldSpec[], row: Record<string, unknown> | null): RowForm {
  const form: RowForm = {}
  for (const f of fields) {
    const value = row?.[f.name]
    form[f.name] = value === null || value === undefined ? '' : String(value)
  }
  return form
}

/**
 * The JSON a write sends for `form`: numbers as numbers (text that is not one stays text, for the
 * API to name), a blank optional field as null or "" (its `blank`), a blank required one left as
 * "" for the API to refuse by its label. `id` is left out of a change (it cannot be changed).
 */
export function bodyOf(
  fields: readonly FieldSpec[],
  form: RowForm,
  isNew: boolean,
): Record<string, unknown> {
  const body: Record<string, unknown> = {}
  for (const f of fields) {
    if (f.kind === 'id' && !isNew) continue
    const text = form[f.name] ?? ''
    if (text.trim() === '' && !f.required) {
      if (isNew && f.blank === 'null') continue
      body[f.name] = f.blank === 'empty' ? '' : null
      continue
    }
    if (f.kind === 'number') {
      const n = Number(text.trim().replace(/\s+/g, ''))
      body[f.name] = text.trim() !== '' && Number.isFinite(n) ? n : text
    } else {
      body[f.name] = text
    }
  }
  return body
}

/** The fields of `after` that differ from `before` (what a JSON merge patch sends). */
export function changedBody(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): Record<string, unknown> {
  const patch: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(after))
    if (JSON.stringify(before[key] ?? null) !== JSON.stringify(value ?? null)) patch[key] = value
  return patch
}

/** "120 characters left" (or how many over), for a field with a limit. */
export function charactersLeft(text: string, max: number | undefined): string | undefined {
  if (max === undefined) return undefined
  const left = max - text.trim().length
  if (left >= 0) return `${left.toLocaleString('en-GB')} character${left === 1 ? '' : 's'} left.`
  return `${(-left).toLocaleString('en-GB')} character${left === -1 ? '' : 's'} over the limit of ${max.toLocaleString('en-GB')}.`
}

/** A field's own check before the API's: over its limit. */
export function limitErrors(fields: readonly FieldSpec[], form: RowForm): Record<string, string[]> {
  const errors: Record<string, string[]> = {}
  for (const f of fields) {
    if (f.max !== undefined && (form[f.name] ?? '').trim().length > f.max)
      errors[f.name] = [`${f.label} must be at most ${f.max} characters.`]
  }
  return errors
}
