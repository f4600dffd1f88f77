// The full schema.org Dataset (/api/v1/dataset.jsonld, described in worker/shared/dataset.ts) as
// JSON text written a page at a time: its places and its events are read a page at a time, so
// the export never holds the whole story.
import { API_BASE } from '../shared/downloads'
import { datasetSummaryOf, eventNode, placeNode } from '../shared/dataset'
import { jsonChunks } from './json-stream'
import type { ExportReader } from './reader'

/**
 * The full Dataset as JSON text, read from `reader`: the same text as
 * JSON.stringify(datasetFull(...)) for the same data (its summary first, then spatialCoverage
 * with every place and about with every event, in their orders).
 */
export function datasetChunks(reader: ExportReader): AsyncGenerator<string> {
  const api = `${reader.origin}${API_BASE}`
  const summary = datasetSummaryOf(
    {
      meta: reader.meta,
      categories: reader.categories,
      eventCount: reader.eventCount,
      coverage: reader.dates ? `${reader.dates.first}/${reader.dates.last}` : undefined,
    },
    reader.origin,
  )
  return jsonChunks(
    { ...summary, spatialCoverage: null, about: null },
    {
      spatialCoverage: async function* () {
        for await (const places of reader.places()) yield places.map((p) => placeNode(p, api))
      },
      about: async function* () {
        for await (const events of reader.events()) yield events.map((e) => eventNode(e, api))
      },
    },
  )
}
