// The server entry, built by Vite into the worker: the same App rendered to HTML with Svelte's
// server renderer, inside the page template the browser build produced.
import { render } from 'svelte/server'
import type { Story } from '../../worker/model'
import template from '../dist/index.html?raw'
import App from './App.svelte'
import { STORY_DATA_ID } from './api'
import { scriptJson } from './story/json'
import { eventIdFromQuery } from './story/location'

const HEAD = '<!--app-head-->'
const BODY = '<!--app-body-->'
const DATA = '<!--app-data-->'

/** FNV-1a of the template: changes whenever the browser build (its hashed file names) changes. */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return (hash >>> 0).toString(36)
}

export const BUILD_ID = fingerprint(template)

export interface RenderOptions {
  /** The page's origin, for canonical and share URLs. */
  origin: string
  /** The request's query string: ?event=<id> opens the page at that event. */
  search: string
}

export interface RenderedPage {
  html: string
  /** The event the page opens at (from ?event=<id>), or null when it names none of the story's. */
  eventId: string | null
}

/** The whole page for a story, ready to send. */
export function renderPage(story: Story, { origin, search }: RenderOptions): RenderedPage {
  const ids = new Set(story.events.map((e) => e.id))
  const eventId = eventIdFromQuery(new URLSearchParams(search), ids)
  const { head, body } = render(App, { props: { story, origin, initialEventId: eventId } })
  const data = `<script type="application/json" id="${STORY_DATA_ID}">${scriptJson(story)}</script>`
  const html = template
    .replace(HEAD, () => head)
    .replace(BODY, () => body)
    .replace(DATA, () => data)
  return { html, eventId }
}
