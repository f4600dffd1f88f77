// What each field an editor writes is called on the editor page: one label per column of every
// table editors change (and an event's lists of links). The write API's field errors, its problem
// details and the editor page's forms all take their words from here, so an error names the field
// as the editor sees it ("Upper end of a range", not value_max). Imports nothing (see
// .dependency-cruiser.cjs): the page runs it too.

/** The labels of one table's fields, by column (or link list) name. */
export type FieldLabels = Readonly<Record<string, string>>

const ID = 'Id'

/**
 * Every field's label, by table then column. A column that an editor never writes has none.
 * Sentences start with the label, so each starts with a capital letter.
 */
export const FIELD_LABELS = {
  story: {
    title: 'Title',
    dek: 'Dek',
    credit: 'Credit',
    source_outlet: 'Source outlet',
    source_title: 'Source title',
    source_period: 'Source period',
    source_published: 'Source published on',
    source_url: 'Source address',
    license_name: 'Licence',
    license_url: 'Licence address',
    creator: 'Compiled by',
    publisher: 'Published by',
  },
  events: {
    id: ID,
    date: 'Date',
    date_precision: 'Date precision',
    headline: 'Headline',
    summary: 'Summary',
    body: 'Body',
    category: 'Category',
    chapter: 'Chapter',
    places: 'Places',
    outlets: 'Outlets',
    actors: 'Actors',
  },
  figures: {
    event_id: 'Event',
    position: 'Position',
    value: 'Value',
    value_max: 'Upper end of a range',
    qualifier: 'Qualifier',
    unit: 'Unit',
    measure: 'What it measures',
    subject: 'Who or what (subject)',
    nationality: 'Nationality',
    place_id: 'Place',
    period: 'Period, in words',
    period_start: 'Period starts',
    period_end: 'Period ends',
    display: 'As written in the story',
  },
  notes: {
    event_id: 'Event',
    position: 'Position',
    kind: 'Kind',
    field: 'Field it is about',
    text: 'Note for readers',
    source_said: 'What the source said',
  },
  quotes: {
    event_id: 'Event',
    position: 'Position',
    speaker_id: 'Speaker',
    text: 'Quotation',
    outlet_id: 'Outlet that carried it',
  },
  places: {
    id: ID,
    name: 'Name',
    kind: 'Kind',
    parent_id: 'Lies in',
    iso_code: 'ISO code',
    latitude: 'Latitude',
    longitude: 'Longitude',
  },
  actors: {
    id: ID,
    name: 'Name',
    kind: 'Kind',
    description: 'Description',
    country: 'Country',
  },
  outlets: {
    id: ID,
    name: 'Name',
    kind: 'Kind',
    country: 'Country',
    url: 'Web address',
  },
  categories: {
    id: ID,
    label: 'Label',
    description: 'Description',
    position: 'Position',
  },
  chapters: {
    id: ID,
    position: 'Position',
    title: 'Title',
    dek: 'Dek',
    start_date: 'Start date',
    end_date: 'End date',
  },
} as const satisfies Record<string, FieldLabels>

/** A table that has labelled fields: the story row and every table editors write. */
export type LabelledTable = keyof typeof FIELD_LABELS

/** How one row of each table is called in a sentence ("the figure", "the chapter"). */
export const ROW_NOUNS: Readonly<Record<LabelledTable, string>> = {
  story: 'story',
  categories: 'category',
  events: 'event',
  figures: 'figure',
  notes: 'note',
  quotes: 'quote',
  places: 'place',
  actors: 'actor',
  outlets: 'outlet',
  chapters: 'chapter',
}

/**
 * The label of `field` in `table`, or null when it has none. `field` may be a dotted path
 * ("chapters.1.start_date", "places.0"): the last segment that is a labelled field names it.
 */
export function fieldLabel(table: string, field: string): string | null {
  const labels: FieldLabels | undefined = (FIELD_LABELS as Record<string, FieldLabels>)[table]
  if (!labels) return null
  const segments = field.split('.')
  for (let i = segments.length - 1; i >= 0; i--) {
    const label = labels[segments[i]!]
    if (label !== undefined && Object.hasOwn(labels, segments[i]!)) return label
  }
  return null
}
