// The browser entry of the story page. The server rendered the whole page (App.svelte) and put
// the story's data in it; the page is not hydrated: the controller (story/controller.ts) works on
// that markup and mounts only the live parts (the graphic and the previous/next buttons). A page
// served without the data (the development server) gets it from the API and renders the markup
// in the browser first, with App loaded only then.
import { mount } from 'svelte'
import type { Story } from '../../worker/model'
import { embeddedStory, fetchStory } from './api'
import { startStoryPage } from './story/controller'
import { eventIdFromQuery } from './story/location'
import './styles/tokens.css'
import './styles/base.css'
import './styles/print.css'

const target = document.getElementById('app')
if (!target) throw new Error('the page has no #app element')

/** Renders the page's markup in the browser, for a page the server sent without it. */
async function renderMarkup(story: Story, into: HTMLElement): Promise<void> {
  const { default: App } = await import('./App.svelte')
  const ids = new Set(story.events.map((e) => e.id))
  const initialEventId = eventIdFromQuery(new URLSearchParams(location.search), ids)
  mount(App, { target: into, props: { story, origin: location.origin, initialEventId } })
}

try {
  let story = embeddedStory(document)
  if (!story) {
    story = await fetchStory()
    await renderMarkup(story, target)
  }
  startStoryPage(story)
} catch (error) {
  const message = document.createElement('p')
  message.setAttribute('role', 'alert')
  message.textContent = error instanceof Error ? error.message : String(error)
  target.append(message)
}
