// What the editor's write API (/api/v1/admin) sends and takes: plain types for the editor page.
import type { Figure, Note, Quote, Story, StoryEvent } from '../../../worker/model'

export type { Revision } from '../../../worker/model'

export type EventStatus = 'draft' | 'published'

/** One row of the editor's event list: every event, drafts and deleted ones included. */
export interface EventSummary {
  id: string
  date: string
  headline: string
  category: string
  chapter: string
  status: EventStatus
  deleted_at: string | null
  version: number
  updated_at: string
}

export type EditableFigure = Figure & { version: number }
export type EditableNote = Note & { version: number }
export type EditableQuote = Quote & { version: number }

/** One event with everything linked to it, as the editor sees it. */
export interface EditableEvent extends Omit<StoryEvent, 'figures' | 'notes' | 'quotes'> {
  status: EventStatus
  deleted_at: string | null
  figures: EditableFigure[]
  notes: EditableNote[]
  quotes: EditableQuote[]
}

/** The event's own fields an editor changes in the form. */
/** What both event forms share. */
export interface EventText {
  summary: string
  body: string
  category: string
  chapter: string
}

export interface EventFields {
  date: string
  date_precision: string
  headline: string
  summary: string
  body: string
  category: string
  chapter: string
  places: string[]
}

/** The fields of a new event. */
export interface NewEventFields {
  id: string
  date: string
  date_precision: string
  headline: string
  summary: string
  body: string
  category: string
  chapter: string
}

/** A figure as the form holds it (numbers as typed; empty optional fields are null). */
export interface FigureFields {
  value: number | null
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

export interface NoteFields {
  kind: string
  field: string | null
  text: string
  source_said: string | null
}

/** A choice in a select or checkbox list. */
export interface Choice {
  value: string
  label: string
}

/** Everything the forms offer as choices. */
export interface Options {
  categories: Choice[]
  chapters: Choice[]
  places: Choice[]
  actors: Choice[]
  outlets: Choice[]
  qualifiers: Choice[]
  units: Choice[]
  measures: Choice[]
  note_kinds: Choice[]
  outlet_roles: Choice[]
  actor_roles: Choice[]
}

/** The story with drafts: the same shape as /api/v1/story, each event with its status. */
export type PreviewStory = Omit<Story, 'events'> & {
  events: (StoryEvent & { status?: EventStatus })[]
}

export interface FieldError {
  field: string
  message: string
}

export interface ValidationResult {
  valid: boolean
  errors: FieldError[]
}

/** An RFC 9457 problem as the API sends it. */
export interface Problem {
  type?: string
  title?: string
  status?: number
  detail?: string
  errors?: FieldError[]
  current_version?: number
}
