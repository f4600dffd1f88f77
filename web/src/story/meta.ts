// What the page tells search engines and share cards: title, description, canonical URL and
// schema.org JSON-LD (a NewsArticle for the story, a Dataset for its data).
import type { Story, StoryEvent } from '../../../worker/model'
import { datasetSummary, sourceArticle, temporalCoverage } from '../../../worker/shared/dataset'

/** What the head's title, description and share tags say. */
export interface PageMeta {
  title: string
  description: string
  url: string
  siteName: string
}

/** Title, description and canonical URL of the page, or of the event a shared link names. */
export function pageMeta(story: Story, origin: string, event: StoryEvent | null): PageMeta {
  const { title, dek } = story.story
  if (event) {
    return {
      title: `${event.headline} | ${title}`,
      description: event.summary,
      url: `${origin}/?event=${encodeURIComponent(event.id)}`,
      siteName: title,
    }
  }
  return {
    title,
    description: dek,
    url: `${origin}/`,
    siteName: title,
  }
}

/**
 * The page's JSON-LD: a NewsArticle for the story and the Dataset behind it (the summary form of
 * the one /api/v1/dataset.jsonld serves in full; see worker/shared/dataset.ts).
 */
export function structuredData(story: Story, origin: string): Record<string, unknown>[] {
  const meta = story.story
  return [
    {
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: meta.title,
      description: meta.dek,
      url: `${origin}/`,
      mainEntityOfPage: `${origin}/`,
      inLanguage: 'en',
      dateModified: meta.updated_at,
      temporalCoverage: temporalCoverage(story),
      isBasedOn: sourceArticle(meta),
      creditText: meta.credit,
    },
    datasetSummary(story, origin),
  ]
}
