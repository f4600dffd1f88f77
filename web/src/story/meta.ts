// What the page tells search engines and share cards: title, description, canonical URL and
// schema.org JSON-LD (a NewsArticle for the story, a Dataset for its data).
import type { Story, StoryEvent } from '../../../worker/model'
import { datasetSummary, sourceArticle, temporalCoverage } from '../../../worker/shared/dataset'
import {
  CARD_HEIGHT,
  CARD_WIDTH,
  cardAlt,
  cardPath,
  eventCard,
  storyCard,
} from '../../../worker/shared/share-card'

/** The share card a page names (og:image, twitter:image): drawn by the worker at /share/. */
export interface ShareImage {
  /** Absolute URL (share sites need one), versioned by the data it was drawn from. */
  url: string
  width: number
  height: number
  /** What the card shows, in words. */
  alt: string
}

/** What the head's title, description and share tags say. */
export interface PageMeta {
  title: string
  description: string
  url: string
  siteName: string
  image: ShareImage
}

/**
 * Title, description, canonical URL and share card of the page, or of the event a shared link
 * names (?event=<id>): each event has its own card, made from its date, headline, key figure and
 * places (worker/shared/share-card.ts).
 */
export function pageMeta(story: Story, origin: string, event: StoryEvent | null): PageMeta {
  const { title, dek, data_version } = story.story
  const card = event ? eventCard(event, story.story) : storyCard(story.story, story.events.length)
  const image = {
    url: `${origin}${cardPath(event?.id ?? null, data_version)}`,
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    alt: cardAlt(card),
  }
  if (event) {
    return {
      title: `${event.headline} | ${title}`,
      description: event.summary,
      url: `${origin}/?event=${encodeURIComponent(event.id)}`,
      siteName: title,
      image,
    }
  }
  return {
    title,
    description: dek,
    url: `${origin}/`,
    siteName: title,
    image,
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
