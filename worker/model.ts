// The story's data as the API serves it: the types shared by the worker and the page. Type-only
// exports: each is derived from the table registry (worker/data/tables.ts) or the value lists
// (worker/data/values.ts), so a column added there reaches these types, and the page (which
// imports this file by type only) bundles no zod.
import type {
  EditableTable,
  EventSummary as EventSummaryRow,
  PublicRow,
  RefRow,
  TableName,
} from './data/tables'
import type { ProposalStatus, RevisionAction } from './data/values'

export type {
  ActorCreate,
  ActorPatch,
  AdminEvent,
  ChapterCreate,
  ChapterPatch,
  EditableTable,
  EventCreate,
  EventPatch,
  FigureCreate,
  FigurePatch,
  NoteCreate,
  NotePatch,
  OutletCreate,
  OutletPatch,
  PlaceCreate,
  PlacePatch,
  QuoteCreate,
  QuotePatch,
  StoryPatch,
  TableName,
} from './data/tables'
export type {
  ActorKind,
  ActorRole,
  DatePrecision,
  EventStatus,
  Measure,
  NoteKind,
  OutletKind,
  OutletRole,
  PlaceKind,
  ProposalStatus,
  Qualifier,
  RevisionAction,
  Unit,
} from './data/values'

/** A place as an event names it: id, name, kind, ISO code and coordinates. */
export type PlaceRef = RefRow<'places'>
/** An actor as an event names it, with what the actor was in that event. */
export type ActorRef = RefRow<'actors'> & PublicRow<'event_actors'>
/** An outlet as an event names it, with how it stands to that event. */
export type OutletRef = RefRow<'outlets'> & PublicRow<'event_outlets'>
/** A number, with its exact qualifier, unit and what it measures. */
export type Figure = PublicRow<'figures'>
/** One sentence at most, with its speaker and the outlet that carried it. */
export type Quote = PublicRow<'quotes'> & {
  speaker: { id: string; name: string }
  outlet: { id: string; name: string } | null
}
/** An editor's note, shown to readers; a correction keeps what the source said. */
export type Note = PublicRow<'notes'>
/**
 * An event's own fields as the public API shows them. `body` is the editor's text (plain text
 * or basic Markdown); `body_html` is that body as HTML, sanitised with an allow-list: the only
 * field ever shown as HTML.
 */
export type EventRow = PublicRow<'events'> & { body_html: string }
/** An event with everything linked to it. */
export type StoryEvent = EventRow & {
  places: PlaceRef[]
  actors: ActorRef[]
  outlets: OutletRef[]
  figures: Figure[]
  quotes: Quote[]
  notes: Note[]
}

/** The story's title, credit, source and data version. */
export type StoryMeta = PublicRow<'story'>
/** One of the story's eras. */
export type Chapter = PublicRow<'chapters'>
/** What kind of thing happened. */
export type Category = PublicRow<'categories'>
/** A place with the place it lies in and how many published events name it. */
export type Place = PublicRow<'places'> & { event_count: number }
/** Everything the page needs, in one object (GET /api/v1/story). */
export interface Story {
  story: StoryMeta
  chapters: Chapter[]
  categories: Category[]
  events: StoryEvent[]
  figures: (Figure & { event_id: string })[]
  places: Place[]
}

// The partner API's resources beyond the story.
/** An actor with how many published events name it. */
export type Actor = PublicRow<'actors'> & { event_count: number }
/** An outlet with how many published events it is linked to. */
export type Outlet = PublicRow<'outlets'> & { event_count: number }
/** A category with how many published events it holds. */
export type CategorySummary = Category & { event_count: number }
/** A chapter with how many published events it holds. */
export type ChapterSummary = Chapter & { event_count: number }
/** A figure with the id of its event. */
export type FigureWithEvent = Figure & { event_id: string }

/** What `updated_since` returns for an event that was deleted or withdrawn since that time. */
export interface Tombstone {
  id: string
  deleted: true
  deleted_at: string
}

/** One row of the editor's list of every event (drafts and deleted ones included). */
export type EventSummary = EventSummaryRow

/** One entry of the audit trail: a row's state before and after one change. */
export interface Revision {
  id: number
  table_name: TableName
  row_id: string
  event_id: string | null
  action: RevisionAction
  /** The editor's name, or "sql" for a change made outside the API. */
  actor: string
  at: string
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
}

/** A writer's change to what readers see, kept for a publisher (worker/db/proposals.ts), as
 * GET /api/v1/admin/proposals lists it (`body` parsed). */
export interface Proposal {
  id: number
  table_name: EditableTable
  /** The row the change is for, or null for a proposed new row. */
  row_id: string | null
  event_id: string | null
  /** The row's version the writer read; null for a new row. */
  base_version: number | null
  /** A JSON merge patch (RFC 7396) of the row, or a new row's fields, as the write API took it. */
  body: Record<string, unknown>
  proposed_by: string
  /** The token that proposed it (editor_tokens.id): names may repeat, tokens do not. */
  token_id: number | null
  proposed_at: string
  status: ProposalStatus
  decided_by: string | null
  decided_at: string | null
  reason: string | null
}
