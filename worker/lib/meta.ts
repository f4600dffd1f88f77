// The `meta` and `links` every JSON response carries.
import type { Context } from 'hono'
import type { StoryMeta } from '../model'

export function metaOf(story: StoryMeta | null) {
  return {
    data_version: story?.data_version ?? 0,
    generated_at: new Date().toISOString(),
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
export function listBody<T>(c: Context, data: T[], story: StoryMeta | null) {
  return {
    data,
    links: { self: c.req.url, next: null },
    meta: { ...metaOf(story), count: data.length },
  }
}

/** `{ data, links, meta }` for one item. */
export function oneBody<T>(c: Context, data: T, story: StoryMeta | null) {
  return { data, links: { self: c.req.url, next: null }, meta: metaOf(story) }
}
