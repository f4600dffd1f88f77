// What the editor's write API (/api/v1/admin) sends and takes, for the editor page. Request bodies,
// list entries, field errors and problems come from the write API's own route types (type-only:
// the page bundles no worker code); the forms' drafts are those bodies as a form holds them; rows
// an editor reads are the data's plain types with their bookkeeping.
import type { EditorAction, Role } from '../../../worker/admin/roles'
import type { hc, InferRequestType, InferResponseType } from 'hono/client'
import type { AdminEvent, Figure, Note, Story, StoryEvent } from '../../../worker/model'
import type { AdminApi } from '../../../worker/routes/admin-routes'

export type { Revision } from '../../../worker/model'

/** The write API as Hono's typed client sees it: one property per path segment. */
export type AdminClient = ReturnType<typeof hc<AdminApi>>

/** The JSON body a route of the client takes. */
type JsonOf<Route> = InferRequestType<Route> extends { json: infer Body } ? Body : never

/** A new event, as POST /api/v1/admin/events takes it. */
export type EventCreate = JsonOf<AdminClient['events']['$post']>
/** A change to an event (JSON merge patch), as PATCH /api/v1/admin/events/{id} takes it. */
export type EventPatch = JsonOf<AdminClient['events'][':id']['$patch']>
/** A new figure, as POST /api/v1/admin/figures takes it. */
export type FigureCreate = JsonOf<AdminClient['figures']['$post']>
/** A change to a figure, as PATCH /api/v1/admin/figures/{id} takes it. */
export type FigurePatch = JsonOf<AdminClient['figures'][':id']['$patch']>
/** A new note, as POST /api/v1/admin/notes takes it. */
export type NoteCreate = JsonOf<AdminClient['notes']['$post']>
/** A change to a note, as PATCH /api/v1/admin/notes/{id} takes it. */
export type NotePatch = JsonOf<AdminClient['notes'][':id']['$patch']>
/** A new quote, as POST /api/v1/admin/quotes takes it. */
export type QuoteCreate = JsonOf<AdminClient['quotes']['$post']>
/** A change to a quote, as PATCH /api/v1/admin/quotes/{id} takes it. */
export type QuotePatch = JsonOf<AdminClient['quotes'][':id']['$patch']>
/** A new place, as POST /api/v1/admin/places takes it. */
export type PlaceCreate = JsonOf<AdminClient['places']['$post']>
/** A new actor, as POST /api/v1/admin/actors takes it. */
export type ActorCreate = JsonOf<AdminClient['actors']['$post']>
/** A new outlet, as POST /api/v1/admin/outlets takes it. */
export type OutletCreate = JsonOf<AdminClient['outlets']['$post']>
/** What POST /api/v1/admin/validate checks: a table, the data a write would send, the row. */
export type ValidateRequest = JsonOf<AdminClient['validate']['$post']>
/** The tables (and the story) POST /api/v1/admin/validate knows. */
export type CheckedTable = ValidateRequest['table']

/**
 * A value as a form holds it before the API has checked it: any text for a choice, maybe no
 * number; lists and objects (an event's links) loosened item by item.
 */
type Loose<V> = V extends string
  ? string
  : V extends number
    ? number | null
    : V extends readonly (infer E)[]
      ? Loose<E>[]
      : V extends object
        ? { [K in keyof V]: Loose<V[K]> }
        : V

/**
 * A request body as a form holds it: the same fields, with a choice as any text and a number
 * possibly missing. The API checks the values (a 422 names each wrong field); a body the API
 * takes is always a Draft of itself.
 */
export type Draft<Body> = { [K in keyof Body]: Loose<Body[K]> }

/** The fields of a new event, as its form holds them. */
export type NewEventFields = Required<Draft<EventCreate>>

/** The event's own fields an editor changes in the form, and its places, outlets and actors. */
export type EventFields = Required<
  Draft<
    Pick<
      EventPatch,
      | 'date'
      | 'date_precision'
      | 'headline'
      | 'summary'
      | 'body'
      | 'category'
      | 'chapter'
      | 'places'
      | 'outlets'
      | 'actors'
    >
  >
>

/** What both event forms share. */
export type EventText = Pick<NewEventFields, 'summary' | 'body' | 'category' | 'chapter'>

/** A figure as the form holds it (numbers as typed; empty optional fields are null). */
export type FigureFields = Required<Draft<Omit<FigureCreate, 'event_id' | 'position'>>>

/** A note as the form holds it. */
export type NoteFields = Required<Draft<Omit<NoteCreate, 'event_id' | 'position'>>>

/** A quote as the form holds it (no outlet is null). */
export type QuoteFields = Required<Draft<Omit<QuoteCreate, 'event_id' | 'position'>>>

/** An outlet or actor linked to an event, as the form holds it: its id and its role there. */
export interface LinkDraft {
  id: string
  role: string
}

/** One row of the editor's event list: every event, drafts and deleted ones included. */
export type EventSummary = InferResponseType<AdminClient['events']['$get'], 200>['data'][number]

/** A draft (editors only) or published. */
export type EventStatus = EventSummary['status']

/** The verdict of POST /api/v1/admin/validate. */
export type ValidationResult = InferResponseType<AdminClient['validate']['$post'], 200>

/** One field's error, in a 422's `errors` or a validation result. */
export type FieldError = ValidationResult['errors'][number]

/**
 * An RFC 9457 problem as the write API sends it (with `errors` on a 422 and `current_version` on
 * a 412), every member optional: the editor also makes its own for a lost connection.
 */
export type Problem = Partial<
  InferResponseType<AdminClient['figures'][':id']['$patch'], 401 | 404 | 412 | 422 | 428>
>

/** A figure or note as the editor reads it: with the version its ETag names. */
export type EditableFigure = Figure & { version: number }
export type EditableNote = Note & { version: number }
/** A quote as the editor reads it: its row (speaker and outlet by id) with its version. */
export type EditableQuote = AdminEvent['quotes'][number]

/** A place, actor or outlet just made on the event's page: what the pickers show of it. */
export interface MadeRef {
  id: string
  name: string
  kind: string
}

/** One event with everything linked to it, as the editor sees it. */
export interface EditableEvent extends Omit<StoryEvent, 'figures' | 'notes' | 'quotes'> {
  status: EventStatus
  deleted_at: string | null
  figures: EditableFigure[]
  notes: EditableNote[]
  quotes: EditableQuote[]
}

/** A choice in a select or checkbox list (with its kind, for places, actors and outlets). */
export interface Choice {
  value: string
  label: string
  kind?: string
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

/**
 * Who is signed in, as GET /api/v1/admin/me says: the name and role of the token, and for every
 * action of the write API whether that role may take it (the one table the API decides by,
 * worker/admin/roles.ts), with the roles that may and the action in words.
 */
export interface Identity {
  name: string
  role: Role
  may: Record<EditorAction, boolean>
  actions: Record<EditorAction, { roles: readonly Role[]; words: string }>
}

/** A share-preview link (GET /api/v1/admin/previews): the story with drafts, for 24 hours. */
export interface SharePreview {
  id: string
  event_id: string | null
  created_by: string
  created_at: string
  expires_at: string
  revoked_at: string | null
  /** The link to send: it works without a token until it expires or is revoked. */
  url: string
}
