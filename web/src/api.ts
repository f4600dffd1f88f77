// The page's data: the story JSON the server put in the page, or (when the page was served
// without it) one request to the public API.
import type { Story } from '../../worker/model'

export const STORY_DATA_ID = 'story-data'

export function embeddedStory(doc: Document): Story | null {
  const text = doc.getElementById(STORY_DATA_ID)?.textContent
  return text ? (JSON.parse(text) as Story) : null
}

export async function fetchStory(fetcher: typeof fetch = fetch): Promise<Story> {
  const res = await fetcher('/api/v1/story', { headers: { Accept: 'application/json' } })
  if (!res.ok) throw new Error(`The story’s data could not be loaded (HTTP ${res.status}).`)
  return ((await res.json()) as { data: Story }).data
}
