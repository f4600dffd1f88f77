// What the page tells search engines and share cards: title, description, canonical URL and
// schema.org JSON-LD (a NewsArticle for the story, a Dataset for its data).
import type { Story, StoryEvent } from '../../../worker/model'
import { DOWNLOADS } from './downloads'

export interface PageMeta {
  title: string
  description: string
  url: string
  siteName: string
}

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

function period(story: Story): string | undefined {
  const dates = story.events.map((e) => e.date).sort()
  return dates.length > 0 ? `${dates[0]}/${dates.at(-1)}` : undefined
}

export function structuredData(story: Story, origin: string): Record<string, unknown>[] {
  const meta = story.story
  const basedOn = {
    '@type': 'NewsArticle',
    headline: meta.source_title,
    publisher: { '@type': 'Organization', name: meta.source_outlet },
    ...(meta.source_url ? { url: meta.source_url } : {}),
  }
  const common = {
    inLanguage: 'en',
    dateModified: meta.updated_at,
    temporalCoverage: period(story),
    isBasedOn: basedOn,
    creditText: meta.credit,
  }
  return [
    {
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: meta.title,
      description: meta.dek,
      url: `${origin}/`,
      mainEntityOfPage: `${origin}/`,
      ...common,
    },
    {
      '@context': 'https://schema.org',
      '@type': 'Dataset',
      name: `${meta.title}: the data`,
      description: `${story.events.length} dated events with their places, outlets, figures, quotes and editor’s notes, from ${meta.source_outlet}’s “${meta.source_title}” (${meta.source_period}).`,
      url: `${origin}/#data`,
      version: String(meta.data_version),
      spatialCoverage: { '@type': 'Place', name: 'Cambodia' },
      ...common,
      distribution: DOWNLOADS.map((d) => ({
        '@type': 'DataDownload',
        name: d.label,
        encodingFormat: d.mediaType,
        contentUrl: `${origin}${d.href}`,
      })),
    },
  ]
}
