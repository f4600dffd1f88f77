// The story's data as the API serves it: plain types shared by the worker and the page.
// No runtime code and no platform types here, so the page can import them too.
export interface PlaceRef {
  id: string
  name: string
  kind: string
  iso_code: string | null
  latitude: number | null
  longitude: number | null
}
export interface ActorRef {
  id: string
  name: string
  kind: string
  role: string
}
export interface OutletRef {
  id: string
  name: string
  kind: string
  role: string
}
export interface Figure {
  id: number
  value: number
  value_max: number | null
  qualifier: string
  unit: string
  measure: string
  subject: string | null
  nationality: string | null
  place_id: string | null
  period: string | null
  period_start: string | null
  period_end: string | null
  display: string
}
export interface Quote {
  id: number
  text: string
  speaker: { id: string; name: string }
  outlet: { id: string; name: string } | null
}
export interface Note {
  id: number
  kind: 'correction' | 'context'
  field: string | null
  text: string
  source_said: string | null
}
export interface EventRow {
  id: string
  date: string
  date_precision: string
  headline: string
  summary: string
  /** The editor's text: plain text or basic Markdown. */
  body: string
  /** The body as HTML, sanitised with an allow-list: the only field ever shown as HTML. */
  body_html: string
  category: string
  chapter: string
  created_at: string
  updated_at: string
  version: number
}
export interface StoryEvent extends EventRow {
  places: PlaceRef[]
  actors: ActorRef[]
  outlets: OutletRef[]
  figures: Figure[]
  quotes: Quote[]
  notes: Note[]
}

export interface StoryMeta {
  title: string
  dek: string
  credit: string
  source_outlet: string
  source_title: string
  source_period: string
  source_url: string | null
  data_version: number
  updated_at: string
}
export interface Chapter {
  id: string
  position: number
  title: string
  dek: string
  start_date: string
  end_date: string
}
export interface Category {
  id: string
  label: string
  description: string
  position: number
}
export interface Place extends PlaceRef {
  parent_id: string | null
  event_count: number
}
export interface Story {
  story: StoryMeta
  chapters: Chapter[]
  categories: Category[]
  events: StoryEvent[]
  figures: (Figure & { event_id: string })[]
  places: Place[]
}

// The partner API's resources beyond the story.
export interface Actor {
  id: string
  name: string
  kind: string
  description: string
  country: string | null
  event_count: number
}
export interface Outlet {
  id: string
  name: string
  kind: string
  country: string | null
  url: string | null
  event_count: number
}
export interface CategorySummary extends Category {
  event_count: number
}
export interface ChapterSummary extends Chapter {
  event_count: number
}
export type FigureWithEvent = Figure & { event_id: string }

/** What `updated_since` returns for an event that was deleted or withdrawn since that time. */
export interface Tombstone {
  id: string
  deleted: true
  deleted_at: string
}

/** One entry of the audit trail: a row's state before and after one change. */
export interface Revision {
  id: number
  table_name: string
  row_id: string
  event_id: string | null
  action: 'insert' | 'update' | 'delete'
  /** The editor's name, or "sql" for a change made outside the API. */
  actor: string
  at: string
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
}
