// The `meta` and `links` every JSON response carries. `meta.generated_at` is the sync watermark of
// the response's reads (set by http/cache.ts before it reads): pass it as `updated_since` to get
// every change the response does not show.
import type { Context } from 'hono'
import type { StoryMeta } from '../model'
import type { AppEnv } from './types'

/**
 * The `meta` of a response: the data version, the watermark (`generated_at`; the time of the
 * response only when the request read no watermark) and the source to credit.
 */
export function metaOf(story: StoryMeta | null, watermark?: string | null) {
  return {
    data_version: story?.data_version ?? 0,
    generated_at: watermark ?? new Date().toISOString(),
    source: story
      ? {
          outlet: story.source_outlet,
          title: story.source_title,
          period: story.source_period,
          url: story.source_url,
        }
      : null,
  }
}

/** `{ data, links, meta }` for a whole collection (one page, so next is null). */
export function listBody<T>(c: Context<AppEnv>, data: T[], story: StoryMeta | null) {
  return {
    data,
    links: { self: c.req.url, next: null },
    meta: { ...metaOf(story, c.get('watermark')), count: data.length },
  }
}

/** `{ data, links, meta }` for one item. */
export function oneBody<T>(c: Context<AppEnv>, data: T, story: StoryMeta | null) {
  return { data, links: { self: c.req.url, next: null }, meta: metaOf(story, c.get('watermark')) }
}
