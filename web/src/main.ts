// The browser entry: hydrate the server-rendered story (or render it from the API when the page
// came without it), then the graphics and scrolling take over.
import { hydrate, mount } from 'svelte'
import App from './App.svelte'
import { embeddedStory, fetchStory } from './api'
import { eventIdFromQuery } from './story/location'
import './styles/tokens.css'
import './styles/base.css'
import './styles/print.css'

const target = document.getElementById('app')
if (!target) throw new Error('the page has no #app element')

const embedded = embeddedStory(document)
try {
  const story = embedded ?? (await fetchStory())
  const ids = new Set(story.events.map((e) => e.id))
  const props = {
    story,
    origin: location.origin,
    initialEventId: eventIdFromQuery(new URLSearchParams(location.search), ids),
  }
  if (embedded) hydrate(App, { target, props })
  else mount(App, { target, props })
} catch (error) {
  const message = document.createElement('p')
  message.setAttribute('role', 'alert')
  message.textContent = error instanceof Error ? error.message : String(error)
  target.append(message)
}
