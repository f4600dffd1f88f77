// Types of the server bundle that `npm run build` writes next to this file (entry-server.js,
// not committed). Its source is web/src/entry-server.ts; keep the two in step.
import type { Story } from '../../model'

/** Changes whenever the browser build changes: part of the page's cache key and ETag. */
export declare const BUILD_ID: string

export interface RenderOptions {
  origin: string
  search: string
}

export interface RenderedPage {
  html: string
  eventId: string | null
}

export declare function renderPage(story: Story, options: RenderOptions): RenderedPage
