// What the editor's other screens (changes, import, places, actors, outlets, chapters, the story
// row) send and read, from the write API's own route types (type-only: the page bundles no worker
// code).
import type { InferRequestType, InferResponseType } from 'hono/client'
import type { AdminClient } from './types'

/** A row as a screen reads it: its columns by name, with its version and soft delete. */
export type PlainRow = Record<string, unknown> & {
  id: string
  version: number
  deleted_at?: string | null
}

/** The filters and page of GET /api/v1/admin/revisions (every value as text, as in a URL). */
export type ChangesQuery = InferRequestType<AdminClient['revisions']['$get']>['query']

/** The import's answer (POST /api/v1/admin/import): the layout read, the counts, every row. */
export type ImportReport = InferResponseType<AdminClient['import']['$post'], 200>

/** One row of the import's report. */
export type ImportRow = ImportReport['rows'][number]

/** What the import does (or would do) with a row. */
export type ImportAction = ImportRow['action']
