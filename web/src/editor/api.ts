// The editor's client for the write API (/api/v1/admin), made with Hono's typed client (`hc`) from
// the API's own route types, so paths, parameters, headers and bodies are checked against the
// routes the worker serves. Every request carries the editor's token; writes to an existing row
// send If-Match with the version the editor loaded; new rows are POSTed with an Idempotency-Key so
// a retry never makes a duplicate. Refusals are handled in one place, the client's fetch: any
// answer that is not 2xx becomes an ApiError, and a refused token (401) also calls
// `onUnauthorized` once, which signs the editor out with the reason.
import { hc } from 'hono/client'
import type { AdminApi } from '../../../worker/routes/admin-routes'
import { ApiError, TOKEN_REFUSED } from './errors'
import { toOptions } from './options'
import type {
  AdminClient,
  CheckedTable,
  Draft,
  EditableEvent,
  EditableFigure,
  EditableNote,
  EditableQuote,
  ActorCreate,
  EventCreate,
  EventPatch,
  EventSummary,
  Identity,
  FigureCreate,
  FigurePatch,
  MadeRef,
  NoteCreate,
  NotePatch,
  Options,
  OutletCreate,
  PlaceCreate,
  PreviewStory,
  Problem,
  QuoteCreate,
  QuotePatch,
  Revision,
  SharePreview,
  ValidationResult,
} from './types'
import type { Proposal, ProposalStatus } from '../../../worker/model'
import type { ChangesQuery, ImportReport, PlainRow } from './screen-types'
import type { RowTable } from './route'

export type { Proposal, ProposalStatus } from '../../../worker/model'

/** The tables whose rows have their own revisions route (GET /{table}/{id}/revisions). */
export type RevisedTable = RowTable | 'chapters' | 'events' | 'figures' | 'notes' | 'quotes'

const BASE = '/api/v1/admin'

/** A row and the version its ETag names. */
export interface Versioned<T> {
  data: T
  version: number | null
}

/** `"12"` or `W/"12"` -> 12. */
export function versionFromEtag(etag: string | null): number | null {
  const match = etag?.match(/^(?:W\/)?"(\d+)"$/)
  return match ? Number(match[1]) : null
}

/** What the client reads of an answer (Hono's typed client answers in this shape too). */
type Answer = Pick<Response, 'json' | 'headers' | 'status' | 'url'>

/** The problem in a refused answer, or one made from its status when it has none. */
async function problemOf(response: Response): Promise<Problem> {
  try {
    const body: unknown = await response.json()
    if (typeof body === 'object' && body !== null) return body as Problem
  } catch {
    // Not JSON: described from the status below.
  }
  return { title: response.statusText, detail: `The server answered HTTP ${response.status}.` }
}

/** The answer's JSON, or an ApiError when it is not JSON. */
async function jsonOf<T>(response: Answer): Promise<T> {
  try {
    return (await response.json()) as T
  } catch {
    throw new ApiError(response.status, {
      title: 'Unexpected answer',
      detail: `${response.url || BASE} did not answer with JSON.`,
    })
  }
}

/** A row and its version: from the ETag, else from the row's own `version`. */
async function versioned<T>(request: Promise<Answer>): Promise<Versioned<T>> {
  const response = await request
  const data = await jsonOf<T>(response)
  const version =
    versionFromEtag(response.headers.get('ETag')) ??
    (typeof (data as { version?: unknown })?.version === 'number'
      ? (data as { version: number }).version
      : null)
  return { data, version }
}

/** The resource of a `{ data }` answer. */
const dataOf = async <T>(request: Promise<Answer>) =>
  (await jsonOf<{ data: T }>(await request)).data

/** What a client needs besides the token. */
export interface ClientOptions {
  /** The fetch to use (tests pass their own). */
  fetcher?: typeof fetch
  /**
   * Called when the API refuses the token (401), with the sentence to show at sign-in; the
   * ApiError then thrown is marked `handled`, so no view shows it as a failure of its own.
   */
  onUnauthorized?: (reason: string) => void
}

/** The editor's client: one method per thing the editor does with the write API. */
export type Client = ReturnType<typeof createClient>

/** A client for the editor whose token this is. */
export function createClient(
  token: string,
  { fetcher = fetch.bind(globalThis), onUnauthorized }: ClientOptions = {},
) {
  /** Every request goes through here: refusals become ApiErrors, a refused token signs out. */
  const send: typeof fetch = async (input, init) => {
    let response: Response
    try {
      response = await fetcher(input, { ...init, cache: 'no-store', credentials: 'same-origin' })
    } catch {
      throw new ApiError(0, {
        title: 'No connection',
        detail: 'The editor could not reach the server. Check your connection and try again.',
      })
    }
    // 202: a writer's change readers would see at once is kept as a proposal for a publisher
    // (worker/admin/proposals.ts). Nothing was saved, so the form keeps what was typed and says so.
    if (response.status === 202) {
      const proposal = (await response.json()) as { id: number; message?: string }
      throw new ApiError(202, {
        title: 'Kept as a proposal',
        detail: `Kept as proposal ${proposal.id} for a publisher: readers would see this change at once, so a publisher applies or declines it. Nothing is changed yet; what you typed stays here until you reload.`,
      })
    }
    if (response.ok) return response
    const error = new ApiError(response.status, await problemOf(response))
    if (response.status === 401 && onUnauthorized) {
      error.handled = true
      onUnauthorized(TOKEN_REFUSED)
    }
    throw error
  }

  const api: AdminClient = hc<AdminApi>(BASE, {
    fetch: send,
    headers: {
      Accept: 'application/json, application/problem+json',
      Authorization: `Bearer ${token}`,
    },
  })

  const param = (id: string | number) => ({ id: encodeURIComponent(String(id)) })
  const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` })
  const key = (idempotencyKey: string) => ({ 'Idempotency-Key': idempotencyKey })

  return {
    me: async () => jsonOf<Identity>(await api.me.$get()),
    options: async (): Promise<Options> => toOptions(await jsonOf(await api.options.$get())),
    preview: () => dataOf<PreviewStory>(api.preview.$get()),
    sharePreviews: () => dataOf<SharePreview[]>(api.previews.$get()),
    createSharePreview: async (eventId?: string) =>
      jsonOf<SharePreview>(
        await api.previews.$post({ json: eventId ? { event_id: eventId } : {} }),
      ),
    revokeSharePreview: async (id: string) =>
      jsonOf<SharePreview>(await api.previews[':id'].revoke.$post({ param: param(id) })),

    events: () => dataOf<EventSummary[]>(api.events.$get()),
    event: (eventId: string) =>
      versioned<EditableEvent>(api.events[':id'].$get({ param: param(eventId) })),
    createEvent: (fields: Draft<EventCreate>, idempotencyKey: string) =>
      versioned<EditableEvent>(
        api.events.$post({ json: fields as EventCreate, header: key(idempotencyKey) }),
      ),
    updateEvent: (eventId: string, version: number, patch: Partial<Draft<EventPatch>>) =>
      versioned<EditableEvent>(
        api.events[':id'].$patch({
          param: param(eventId),
          header: ifMatch(version),
          json: patch as EventPatch,
        }),
      ),
    eventAction: (
      eventId: string,
      version: number,
      action: 'publish' | 'unpublish' | 'restore' | 'delete',
    ) => {
      const args = { param: param(eventId), header: ifMatch(version) }
      const event = api.events[':id']
      return versioned<EditableEvent>(
        action === 'delete'
          ? event.$delete({ ...args, query: {} })
          : action === 'restore'
            ? event.restore.$post(args)
            : action === 'publish'
              ? event.publish.$post(args)
              : event.unpublish.$post(args),
      )
    },
    revisions: (eventId: string) =>
      dataOf<Revision[]>(api.events[':id'].revisions.$get({ param: param(eventId) })),
    /** Back to the state a revision made ('after'), or to the state it replaced ('before'). */
    restoreRevision: (
      revisionId: number,
      version: number | undefined,
      to: 'after' | 'before' = 'after',
    ) =>
      versioned<Record<string, unknown>>(
        api.revisions[':id'].restore.$post({
          param: param(revisionId),
          query: { to },
          header: version === undefined ? {} : ifMatch(version),
        }),
      ),

    createFigure: (fields: Draft<FigureCreate>, idempotencyKey: string) =>
      versioned<EditableFigure>(
        api.figures.$post({ json: fields as FigureCreate, header: key(idempotencyKey) }),
      ),
    updateFigure: (figureId: number, version: number, patch: Partial<Draft<FigurePatch>>) =>
      versioned<EditableFigure>(
        api.figures[':id'].$patch({
          param: param(figureId),
          header: ifMatch(version),
          json: patch as FigurePatch,
        }),
      ),
    deleteFigure: (figureId: number, version: number) =>
      versioned<EditableFigure>(
        api.figures[':id'].$delete({ param: param(figureId), query: {}, header: ifMatch(version) }),
      ),

    createNote: (fields: Draft<NoteCreate>, idempotencyKey: string) =>
      versioned<EditableNote>(
        api.notes.$post({ json: fields as NoteCreate, header: key(idempotencyKey) }),
      ),
    updateNote: (noteId: number, version: number, patch: Partial<Draft<NotePatch>>) =>
      versioned<EditableNote>(
        api.notes[':id'].$patch({
          param: param(noteId),
          header: ifMatch(version),
          json: patch as NotePatch,
        }),
      ),
    deleteNote: (noteId: number, version: number) =>
      versioned<EditableNote>(
        api.notes[':id'].$delete({ param: param(noteId), query: {}, header: ifMatch(version) }),
      ),

    createQuote: (fields: Draft<QuoteCreate>, idempotencyKey: string) =>
      versioned<EditableQuote>(
        api.quotes.$post({ json: fields as QuoteCreate, header: key(idempotencyKey) }),
      ),
    updateQuote: (quoteId: number, version: number, patch: Partial<Draft<QuotePatch>>) =>
      versioned<EditableQuote>(
        api.quotes[':id'].$patch({
          param: param(quoteId),
          header: ifMatch(version),
          json: patch as QuotePatch,
        }),
      ),
    deleteQuote: (quoteId: number, version: number) =>
      versioned<EditableQuote>(
        api.quotes[':id'].$delete({ param: param(quoteId), query: {}, header: ifMatch(version) }),
      ),

    /**
     * A new place, actor or outlet (made inline by the event's pickers), its fields as the inline
     * form sends them (ref-fields.ts): the API checks every value and names each wrong field.
     */
    createRef: (
      table: 'places' | 'actors' | 'outlets',
      fields: Record<string, string | number | null>,
      idempotencyKey: string,
    ) => {
      const header = key(idempotencyKey)
      return versioned<MadeRef>(
        table === 'places'
          ? api.places.$post({ json: fields as unknown as PlaceCreate, header })
          : table === 'actors'
            ? api.actors.$post({ json: fields as unknown as ActorCreate, header })
            : api.outlets.$post({ json: fields as unknown as OutletCreate, header }),
      )
    },

    // The editor's other screens: places, actors, outlets, chapters, the story row, the changes
    // list and the import. Their forms are made from field lists (row-fields.ts), so their rows
    // travel as plain records; the API checks every value.

    /** Every row of a table (deleted ones too, with deleted_at). */
    rows: (table: RowTable) => dataOf<PlainRow[]>(api[table].$get()),
    /** One row and its version. */
    row: (table: RowTable | 'chapters', rowId: string) =>
      versioned<PlainRow>(api[table][':id'].$get({ param: param(rowId) })),
    createRow: (table: RowTable, fields: Record<string, unknown>, idempotencyKey: string) =>
      versioned<PlainRow>(api[table].$post({ json: fields as never, header: key(idempotencyKey) })),
    updateRow: (
      table: RowTable | 'chapters',
      rowId: string,
      version: number,
      patch: Record<string, unknown>,
    ) =>
      versioned<PlainRow>(
        api[table][':id'].$patch({
          param: param(rowId),
          header: ifMatch(version),
          json: patch as never,
        }),
      ),
    /** The chapters (deleted ones too) and the list's ETag, which a change of several names. */
    chapters: async () => {
      const response = await api.chapters.$get()
      const { data } = await jsonOf<{ data: PlainRow[] }>(response)
      return { data, etag: response.headers.get('ETag') ?? '' }
    },
    /** Several chapters in one write (a boundary moved), guarded by the list's ETag. */
    updateChapters: async (
      etag: string,
      chapters: ({ id: string } & Record<string, unknown>)[],
    ) => {
      const response = await api.chapters.$patch({
        header: { 'If-Match': etag },
        json: { chapters: chapters as never },
      })
      const { data, moved_events: moved = [] } = await jsonOf<{
        data: PlainRow[]
        /** The events the new boundaries moved to the chapter their date falls in. */
        moved_events?: { id: string; headline: string; from: string; to: string }[]
      }>(response)
      return { data, etag: response.headers.get('ETag') ?? '', moved }
    },
    story: () => versioned<PlainRow>(api.story.$get()),
    updateStory: (version: number, patch: Record<string, unknown>) =>
      versioned<PlainRow>(api.story.$patch({ header: ifMatch(version), json: patch as never })),
    /** Writers' proposed changes, newest first (at most 200), by status. */
    proposals: (status: ProposalStatus) =>
      dataOf<Proposal[]>(api.proposals.$get({ query: { status } })),
    /** Apply, decline (with a reason) or withdraw a proposal; the proposal as it is then. */
    decideProposal: async (
      id: number,
      decision: 'apply' | 'decline' | 'withdraw',
      reason?: string,
    ) => {
      const param = { id: String(id) }
      const response =
        decision === 'apply'
          ? await api.proposals[':id'].apply.$post({ param })
          : decision === 'decline'
            ? await api.proposals[':id'].decline.$post({ param, json: reason ? { reason } : {} })
            : await api.proposals[':id'].withdraw.$post({ param })
      return jsonOf<Proposal>(response)
    },
    /** A page of every change across tables, newest first, and the link to the older ones. */
    changes: async (query: ChangesQuery) =>
      jsonOf<{ data: Revision[]; links: { next: string | null } }>(
        await api.revisions.$get({ query }),
      ),
    /** A row's revisions, newest first (the row's current version is the newest's). */
    rowRevisions: (table: RevisedTable, rowId: string) =>
      dataOf<Revision[]>(api[table][':id'].revisions.$get({ param: param(rowId) })),
    storyRevisions: () => dataOf<Revision[]>(api.story.revisions.$get()),
    /** The import's report: a dry run, or (`apply`) the rows written as drafts. */
    importCsv: async (csv: string, apply: boolean) =>
      jsonOf<ImportReport>(await api.import.$post({ json: { csv, apply } })),

    validate: async (table: CheckedTable, data: object, rowId?: string | number) =>
      jsonOf<ValidationResult>(
        await api.validate.$post({
          json: rowId === undefined ? { table, data } : { table, data, id: rowId },
        }),
      ),
  }
}
