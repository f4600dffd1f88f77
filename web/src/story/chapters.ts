// The story's steps in reading order: chapters by position, each with its events by date.
import type { Chapter, Story, StoryEvent } from '../../../worker/model'

export interface ChapterGroup {
  /** null for events whose chapter is missing from the chapter list (shown last, never dropped). */
  chapter: Chapter | null
  events: StoryEvent[]
}

export function chapterGroups(story: Story): ChapterGroup[] {
  const known = new Set(story.chapters.map((c) => c.id))
  const groups: ChapterGroup[] = [...story.chapters]
    .sort((a, b) => a.position - b.position)
    .map((chapter) => ({ chapter, events: story.events.filter((e) => e.chapter === chapter.id) }))
    .filter((group) => group.events.length > 0)
  const orphans = story.events.filter((e) => !known.has(e.chapter))
  if (orphans.length > 0) groups.push({ chapter: null, events: orphans })
  return groups
}

/** Every event in the order the reader meets it. */
export function stepOrder(story: Story): StoryEvent[] {
  return chapterGroups(story).flatMap((group) => group.events)
}
