// How the events listing turns its validated query into filters, a sort, a page and a cursor (which
// carries the walk's watermark, so every page of one walk reports the same meta.generated_at).
import type { Context } from 'hono'
import {
  LINKED_KINDS,
  type EventFilters,
  type EventItem,
  type EventSort,
  type LinkedKind,
} from '../db'
import { EVENT_FILTERS, EventFiltersSchema } from '../schemas/events'
import { decodeCursor, encodeCursor } from '../lib/cursor'
import { apiProblem } from '../lib/problem'

/** The filter parameters as validated (zod's output), the form a cursor carries. */
export type FilterParams = {
  [K in keyof typeof EVENT_FILTERS]?: string | string[]
}

const FILTER_NAMES = Object.keys(EVENT_FILTERS) as (keyof FilterParams)[]

/** The filter parameters in one canonical form: sorted lists, no defaults, no empty values. */
export function canonicalFilters(query: Record<string, unknown>): FilterParams {
  const out: FilterParams = {}
  for (const name of FILTER_NAMES) {
    const value = query[name]
    if (value === undefined || (name === 'sort' && value === 'date')) continue
    out[name] = Array.isArray(value) ? [...new Set(value.map(String))].sort() : String(value)
  }
  return out
}

const sameFilters = (a: FilterParams, b: FilterParams) => JSON.stringify(a) === JSON.stringify(b)

/**
 * The filters of a listing, its sort, and its search words (`q`, matched by the search index in
 * http/search.ts, which gives the listing its `ids`).
 */
export function filtersOf(params: FilterParams): {
  filters: EventFilters
  sort: EventSort
  q: string | undefined
} {
  const list = (v: string | string[] | undefined) => (v === undefined ? undefined : [v].flat())
  const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : undefined)
  return {
    filters: {
      from: one(params.from),
      to: one(params.to),
      category: list(params.category),
      place: list(params.place),
      actor: list(params.actor),
      outlet: list(params.outlet),
      updated_since: one(params.updated_since),
    },
    sort: params.sort === '-date' ? '-date' : 'date',
    q: one(params.q),
  }
}

/** The listing a request continues or starts. */
export interface Listing {
  params: FilterParams
  after?: { date: string; id: string }
  /** The watermark of the walk's first page (every page reports it as meta.generated_at). */
  watermark?: string
  /** The D1 bookmark of the walk's first page: later pages read a state at least that new. */
  bookmark?: string
}

/**
 * The listing a request asks for: its own filters, or those its cursor carries. A problem
 * response when the cursor is not ours, or when the request's filters differ from the cursor's.
 */
export async function chooseListing(
  c: Context,
  query: Record<string, unknown> & { cursor?: string },
): Promise<Listing | Response> {
  const params = canonicalFilters(query)
  if (query.from && query.to && String(query.from) > String(query.to)) {
    return apiProblem(
      c,
      'invalid-parameter',
      `from (${query.from}) is after to (${query.to}); swap them.`,
      {
        parameter: 'from',
        invalid_params: [{ name: 'from', reason: 'from must not be after to.' }],
      },
    )
  }
  if (!query.cursor) return { params }
  const state = await decodeCursor(query.cursor)
  if (state === 'expired') {
    return apiProblem(
      c,
      'cursor-expired',
      'This cursor was made before cursors carried the sync watermark. Start the listing again without cursor (to sync: updated_since = the meta.generated_at of your last complete sync).',
      { parameter: 'cursor' },
    )
  }
  const carried = state ? EventFiltersSchema.safeParse(state.params) : null
  if (!state || !carried?.success) {
    return apiProblem(
      c,
      'invalid-cursor',
      'The cursor was not made by this API or was changed. Use links.next exactly as given, or start again without cursor.',
      { parameter: 'cursor' },
    )
  }
  const fromCursor = canonicalFilters(carried.data)
  if (Object.keys(params).length > 0 && !sameFilters(params, fromCursor)) {
    return apiProblem(
      c,
      'cursor-mismatch',
      `This cursor belongs to a listing with other filters (${JSON.stringify(fromCursor)}). Follow links.next as given, or drop cursor to start a new listing.`,
      { parameter: 'cursor' },
    )
  }
  return {
    params: fromCursor,
    after: state.after,
    watermark: state.watermark,
    ...(state.bookmark ? { bookmark: state.bookmark } : {}),
  }
}

/**
 * The URL of the page after `last`: the same request with a new cursor, which carries the walk's
 * watermark and the bookmark of the state its first page read.
 */
export async function nextLink(
  url: URL,
  params: FilterParams,
  last: { date: string; id: string },
  walk: { watermark: string; bookmark?: string | null },
): Promise<string> {
  const next = new URL(url)
  const cursor = await encodeCursor({
    params,
    after: last,
    watermark: walk.watermark,
    ...(walk.bookmark ? { bookmark: walk.bookmark } : {}),
  })
  next.searchParams.set('cursor', cursor)
  return next.href
}

/** The linked kinds a sparse fieldset needs (all of them without one). */
export function linkedKindsOf(fields: string[] | undefined): readonly LinkedKind[] {
  return fields ? LINKED_KINDS.filter((kind) => fields.includes(kind)) : LINKED_KINDS
}

/** Keeps only the requested fields (and id) of each event; tombstones stay whole. */
export function project(items: EventItem[], fields: string[] | undefined): EventItem[] {
  if (!fields) return items
  const keep = new Set(['id', ...fields])
  return items.map((item) =>
    'deleted' in item
      ? item
      : (Object.fromEntries(Object.entries(item).filter(([key]) => keep.has(key))) as EventItem),
  )
}
