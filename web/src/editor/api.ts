// A small typed client for the editor's write API (/api/v1/admin). Every request carries the
// editor's token as a Bearer token; writes to an existing row send If-Match with the version the
// editor loaded; new rows are POSTed with an Idempotency-Key so a retry never makes a duplicate.
import { toOptions } from './options'
import type {
  EditableEvent,
  EditableFigure,
  EditableNote,
  EventFields,
  EventSummary,
  FigureFields,
  NewEventFields,
  NoteFields,
  Options,
  PreviewStory,
  Problem,
  Revision,
  ValidationResult,
} from './types'

const BASE = '/api/v1/admin'

export class ApiError extends Error {
  readonly status: number
  readonly problem: Problem

  constructor(status: number, problem: Problem) {
    super(problem.detail ?? problem.title ?? `The server answered HTTP ${status}.`)
    this.name = 'ApiError'
    this.status = status
    this.problem = problem
  }

  /** Field-level errors of a 422. */
  get errors() {
    return this.problem.errors ?? []
  }
}

/** A row and the version its ETag names. */
export interface Versioned<T> {
  data: T
  version: number | null
}

interface RequestOptions {
  body?: unknown
  ifMatch?: number
  idempotencyKey?: string
}

/** `"12"` or `W/"12"` -> 12. */
export function versionFromEtag(etag: string | null): number | null {
  const match = etag?.match(/^(?:W\/)?"(\d+)"$/)
  return match ? Number(match[1]) : null
}

/** The resource itself: list and item bodies may come wrapped as `{ data, ... }`. */
function unwrap(body: unknown): unknown {
  if (typeof body === 'object' && body !== null && !Array.isArray(body) && 'data' in body) {
    return (body as { data: unknown }).data
  }
  return body
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text()
  if (!text) return null
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

export type Client = ReturnType<typeof createClient>

export function createClient(token: string, fetcher: typeof fetch = fetch.bind(globalThis)) {
  async function send<T>(method: string, path: string, options: RequestOptions = {}) {
    const headers: Record<string, string> = {
      Accept: 'application/json, application/problem+json',
      Authorization: `Bearer ${token}`,
    }
    if (options.body !== undefined) headers['Content-Type'] = 'application/json'
    if (options.ifMatch !== undefined) headers['If-Match'] = `"${options.ifMatch}"`
    if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey

    let response: Response
    try {
      response = await fetcher(`${BASE}${path}`, {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        cache: 'no-store',
        credentials: 'same-origin',
      })
    } catch {
      throw new ApiError(0, {
        title: 'No connection',
        detail: 'The editor could not reach the server. Check your connection and try again.',
      })
    }
    const body = await readJson(response)
    if (!response.ok) {
      const problem =
        typeof body === 'object' && body !== null
          ? (body as Problem)
          : { title: response.statusText, detail: `The server answered HTTP ${response.status}.` }
      throw new ApiError(response.status, problem)
    }
    if (body === undefined) {
      throw new ApiError(response.status, {
        title: 'Unexpected answer',
        detail: `${method} ${BASE}${path} did not answer with JSON.`,
      })
    }
    const data = unwrap(body) as T
    const version =
      versionFromEtag(response.headers.get('ETag')) ??
      (typeof (data as { version?: unknown })?.version === 'number'
        ? (data as { version: number }).version
        : null)
    return { data, version } satisfies Versioned<T>
  }

  const id = encodeURIComponent
  const get = async <T>(path: string) => (await send<T>('GET', path)).data

  return {
    me: () => get<{ name: string }>('/me'),
    options: async (): Promise<Options> => toOptions(await get<unknown>('/options')),
    preview: () => get<PreviewStory>('/preview'),

    events: () => get<EventSummary[]>('/events'),
    event: (eventId: string) => send<EditableEvent>('GET', `/events/${id(eventId)}`),
    createEvent: (fields: NewEventFields, idempotencyKey: string) =>
      send<EditableEvent>('POST', '/events', { body: fields, idempotencyKey }),
    updateEvent: (eventId: string, version: number, patch: Partial<EventFields>) =>
      send<EditableEvent>('PATCH', `/events/${id(eventId)}`, { body: patch, ifMatch: version }),
    eventAction: (
      eventId: string,
      version: number,
      action: 'publish' | 'unpublish' | 'restore' | 'delete',
    ) =>
      action === 'delete'
        ? send<EditableEvent>('DELETE', `/events/${id(eventId)}`, { ifMatch: version })
        : send<EditableEvent>('POST', `/events/${id(eventId)}/${action}`, { ifMatch: version }),
    revisions: (eventId: string) => get<Revision[]>(`/events/${id(eventId)}/revisions`),
    /** Back to the state a revision made ('after'), or to the state it replaced ('before'). */
    restoreRevision: (
      revisionId: number,
      version: number | undefined,
      to: 'after' | 'before' = 'after',
    ) =>
      send<Record<string, unknown>>('POST', `/revisions/${revisionId}/restore?to=${to}`, {
        ifMatch: version,
      }),

    createFigure: (fields: FigureFields & { event_id: string }, idempotencyKey: string) =>
      send<EditableFigure>('POST', '/figures', { body: fields, idempotencyKey }),
    updateFigure: (figureId: number, version: number, patch: Partial<FigureFields>) =>
      send<EditableFigure>('PATCH', `/figures/${figureId}`, { body: patch, ifMatch: version }),
    deleteFigure: (figureId: number, version: number) =>
      send<unknown>('DELETE', `/figures/${figureId}`, { ifMatch: version }),

    createNote: (fields: NoteFields & { event_id: string }, idempotencyKey: string) =>
      send<EditableNote>('POST', '/notes', { body: fields, idempotencyKey }),
    updateNote: (noteId: number, version: number, patch: Partial<NoteFields>) =>
      send<EditableNote>('PATCH', `/notes/${noteId}`, { body: patch, ifMatch: version }),
    deleteNote: (noteId: number, version: number) =>
      send<unknown>('DELETE', `/notes/${noteId}`, { ifMatch: version }),

    validate: async (table: string, data: object, rowId?: string | number) =>
      (
        await send<ValidationResult>('POST', '/validate', {
          body: rowId === undefined ? { table, data } : { table, data, id: rowId },
        })
      ).data,
  }
}
