// The one list of downloads and the one schema.org Dataset builder, as the page's head and the
// JSON-LD export use them.
import { describe, expect, test } from 'vitest'
import { structuredData } from '../../web/src/story/meta'
import { datasetFull, datasetSummary } from '../../worker/shared/dataset'
import { DOWNLOADS, downloadHref, listedDownloads } from '../../worker/shared/downloads'
import { buildStory } from './fixtures/story'

const story = buildStory()
const origin = 'https://example.org'

describe('downloads', () => {
  test('one entry per file, each with a unique id and path under the API', () => {
    expect(new Set(DOWNLOADS.map((d) => d.id)).size).toBe(DOWNLOADS.length)
    expect(DOWNLOADS.map(downloadHref)).toEqual([
      '/api/v1/events.csv',
      '/api/v1/figures.csv',
      '/api/v1/places.csv',
      '/api/v1/actors.csv',
      '/api/v1/places.geojson',
      '/api/v1/timeline.json',
      '/api/v1/data.zip',
      '/api/v1/dataset.jsonld',
      '/api/v1/story',
    ])
    for (const d of DOWNLOADS) {
      if ('route' in d) expect(d.route.contentType.split(';')[0]).toBe(d.mediaType)
    }
  })
  test('readers get the data files, not the dataset’s own description', () => {
    expect(listedDownloads().map((d) => d.label)).toEqual([
      'Events (CSV)',
      'Figures (CSV)',
      'Places (CSV)',
      'Actors (CSV)',
      'Places (GeoJSON)',
      'Timeline (TimelineJS JSON)',
      'Everything (zip, with a data package)',
      'The whole story (JSON)',
    ])
  })
})

describe('the Dataset', () => {
  const full = datasetFull(story, origin)
  const summary = datasetSummary(story, origin)

  test('the page’s summary and the export describe the same node', () => {
    for (const key of ['@id', 'name', 'description', 'url', 'version', 'distribution'] as const) {
      expect(summary[key], key).toEqual(full[key])
    }
    expect(full['@id']).toBe('https://example.org/api/v1/dataset.jsonld')
    expect(full.name).toBe(story.story.title)
    expect(full.temporalCoverage).toBe('2022-07-13/2023-06-07')
  })

  test('distributions are the listed downloads, at absolute URLs', () => {
    expect(full.distribution).toEqual(
      listedDownloads().map((d) => ({
        '@type': 'DataDownload',
        name: d.label,
        encodingFormat: d.mediaType,
        contentUrl: `${origin}${downloadHref(d)}`,
      })),
    )
  })

  test('only the full form lists every place and event', () => {
    expect(full.spatialCoverage).toHaveLength(story.places.length)
    expect(full.about).toHaveLength(story.events.length)
    expect(summary.about).toBeUndefined()
    expect(summary.spatialCoverage).toEqual({ '@type': 'Place', name: 'Cambodia' })
  })

  test('the page’s head carries the article and the summary', () => {
    const [article, dataset] = structuredData(story, origin)
    expect(article).toMatchObject({ '@type': 'NewsArticle', headline: story.story.title })
    expect(article!.isBasedOn).toEqual(full.isBasedOn)
    expect(dataset).toEqual(summary)
  })
})
