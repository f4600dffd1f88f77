// The fields of a place, actor or outlet made inline on an event's page (the pickers' "Add a
// place" forms): which inputs each table needs, labelled from the registry of labels
// (worker/data/labels.ts), with the longest text the write API takes (shown as characters left;
// tests/unit/editor-workspace.test.ts holds them equal to the API's own schemas), and the body a
// form becomes for POST /api/v1/admin/{table}.
import { FIELD_LABELS } from '../../../worker/data/labels'
import { ACTOR_KINDS, OUTLET_KINDS, PLACE_KINDS } from '../../../worker/data/values'
import { suggestEventId } from '../../../worker/shared/ids'
import { readCoordinate } from './map-point'
import { optionalText } from './patch'

/** The tables whose rows the event's pickers make inline. */
export type RefTable = 'places' | 'actors' | 'outlets'

/** One input of an inline form. */
export interface RefField {
  /** The column it writes. */
  name: string
  label: string
  /** A line of text, a list to pick from, or a coordinate (also set by the map). */
  control: 'text' | 'select' | 'coordinate'
  required?: boolean
  /** The most characters the write API takes, shown as characters left. */
  max?: number
  hint?: string
  /** A select's fixed choices, or 'parents' for the places another place may lie in. */
  choices?: readonly string[] | 'parents'
}

/** How a row of each table is called in the forms' words. */
export const REF_NOUNS: Readonly<Record<RefTable, string>> = {
  places: 'place',
  actors: 'actor',
  outlets: 'outlet',
}

const ID_HINT =
  'Lowercase letters, digits and hyphens; made from the name until you change it. It never changes once made.'
const COUNTRY_HINT = 'Two capital letters (ISO 3166-1), such as KH or CN; empty if none.'

/** The inputs of each inline form, in the order they are shown. */
export const REF_FIELDS: Readonly<Record<RefTable, readonly RefField[]>> = {
  places: [
    { name: 'name', label: FIELD_LABELS.places.name, control: 'text', required: true, max: 120 },
    { name: 'id', label: FIELD_LABELS.places.id, control: 'text', required: true, hint: ID_HINT },
    { name: 'kind', label: FIELD_LABELS.places.kind, control: 'select', choices: PLACE_KINDS },
    {
      name: 'parent_id',
      label: FIELD_LABELS.places.parent_id,
      control: 'select',
      choices: 'parents',
    },
    {
      name: 'iso_code',
      label: FIELD_LABELS.places.iso_code,
      control: 'text',
      hint: 'For a country or province only: KH, or KH-18 for Preah Sihanouk.',
    },
    {
      name: 'latitude',
      label: FIELD_LABELS.places.latitude,
      control: 'coordinate',
      hint: 'Decimal degrees north, such as 10.60932.',
    },
    {
      name: 'longitude',
      label: FIELD_LABELS.places.longitude,
      control: 'coordinate',
      hint: 'Decimal degrees east, such as 103.52958.',
    },
  ],
  actors: [
    { name: 'name', label: FIELD_LABELS.actors.name, control: 'text', required: true, max: 160 },
    { name: 'id', label: FIELD_LABELS.actors.id, control: 'text', required: true, hint: ID_HINT },
    { name: 'kind', label: FIELD_LABELS.actors.kind, control: 'select', choices: ACTOR_KINDS },
    {
      name: 'description',
      label: FIELD_LABELS.actors.description,
      control: 'text',
      max: 300,
      hint: 'Who they are, in a few words, such as “Interior minister”.',
    },
    { name: 'country', label: FIELD_LABELS.actors.country, control: 'text', hint: COUNTRY_HINT },
  ],
  outlets: [
    { name: 'name', label: FIELD_LABELS.outlets.name, control: 'text', required: true, max: 120 },
    { name: 'id', label: FIELD_LABELS.outlets.id, control: 'text', required: true, hint: ID_HINT },
    { name: 'kind', label: FIELD_LABELS.outlets.kind, control: 'select', choices: OUTLET_KINDS },
    { name: 'country', label: FIELD_LABELS.outlets.country, control: 'text', hint: COUNTRY_HINT },
    {
      name: 'url',
      label: FIELD_LABELS.outlets.url,
      control: 'text',
      hint: 'A full https:// address; empty if none.',
    },
  ],
}

/** An inline form as typed: every input's text. */
export type RefForm = Record<string, string>

/** A new row's form, its name as typed in the picker's find box, its id made from that. */
export function refForm(table: RefTable, name = ''): RefForm {
  const form: RefForm = {}
  for (const field of REF_FIELDS[table]) {
    form[field.name] =
      field.name === 'name'
        ? name.trim()
        : field.name === 'id'
          ? refId(name)
          : field.control === 'select' && Array.isArray(field.choices)
            ? (field.choices[0] ?? '')
            : ''
  }
  if (table === 'places') form.kind = 'site'
  return form
}

/** The id a new row is given from its name ("Koh Kong" -> "koh-kong"), as events' ids are made. */
export const refId = (name: string) => suggestEventId('', name)

/**
 * The body of POST /api/v1/admin/{table} for a form: text as typed, empty optional text and an
 * empty choice as null, coordinates as numbers (null when blank; text that is no number is sent
 * as typed, so the API names the field). An actor's description is text, empty when none.
 */
export function refBody(table: RefTable, form: RefForm): Record<string, string | number | null> {
  const body: Record<string, string | number | null> = {}
  for (const field of REF_FIELDS[table]) {
    const text = form[field.name] ?? ''
    if (field.control === 'coordinate') {
      body[field.name] = text.trim() === '' ? null : (readCoordinate(text) ?? text)
    } else if (field.required || field.name === 'kind' || field.name === 'description') {
      body[field.name] = text
    } else {
      body[field.name] = optionalText(text)
    }
  }
  return body
}
