// How the events listing turns its validated query into filters, a sort, a page and a cursor.
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

/** Lower-cases ASCII letters only, as SQLite's lower() does, so both sides fold alike. */
const foldAscii = (text: string) => text.replace(/[A-Z]/g, (ch) => ch.toLowerCase())

export function filtersOf(params: FilterParams): { filters: EventFilters; sort: EventSort } {
  const list = (v: string | string[] | undefined) => (v === undefined ? undefined : [v].flat())
  const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : undefined)
  const q = one(params.q)
  return {
    filters: {
      from: one(params.from),
      to: one(params.to),
      category: list(params.category),
      place: list(params.place),
      actor: list(params.actor),
      outlet: list(params.outlet),
      words: q ? [...new Set(foldAscii(q).split(/\s+/).filter(Boolean))] : undefined,
      updated_since: one(params.updated_since),
    },
    sort: params.sort === '-date' ? '-date' : 'date',
  }
}

export interface Listing {
  params: FilterParams
  after?: { date: string; id: string }
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
  return { params: fromCursor, after: state.after }
}

/** The URL of the page after `last`: the same request with a new cursor. */
export async function nextLink(
  url: URL,
  params: FilterParams,
  last: { date: string; id: string },
): Promise<string> {
  const next = new URL(url)
  next.searchParams.set('cursor', await encodeCursor({ params, after: last }))
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
