// A longer story for growth tests, built the way the scale benchmark builds its scratch databases
// (bench/scale.ts): every event copied, with its places, outlets and figures, under an id ending
// `-synthetic-<n>` and a headline starting "Synthetic copy <n>:", so nothing can pass for real
// data; the copies keep their originals' dates and the events stay in the API's order (date, id).
import type { Story, StoryEvent } from '../../../worker/model'

/**
 * `story` with enough synthetic copies of its events to hold about `size` events (the nearest
 * whole number of copies, as the benchmark rounds it). Figures get fresh ids after the story's
 * largest; the story's flat list of figures follows its events. The original is not changed.
 */
export function syntheticStory(story: Story, size: number): Story {
  const copies = Math.max(0, Math.round(size / story.events.length) - 1)
  let nextId = Math.max(0, ...story.figures.map((f) => f.id)) + 1
  const events: StoryEvent[] = [...story.events]
  for (let n = 1; n <= copies; n++) {
    for (const e of story.events) {
      const id = `${e.id.slice(0, 60)}-synthetic-${n}`
      events.push({
        ...e,
        id,
        headline: `Synthetic copy ${n}: ${e.headline}`.slice(0, 200),
        figures: e.figures.map((f) => ({ ...f, id: nextId++ })),
      })
    }
  }
  // The API's order: by date, then id (ids compared as SQLite compares text: by code unit).
  events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1))
  return {
    ...story,
    events,
    figures: events.flatMap((e) => e.figures.map((f) => ({ ...f, event_id: e.id }))),
  }
}
