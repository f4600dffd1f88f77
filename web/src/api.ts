// The page's only way to the data: the public API.
export interface EventSummary {
  id: string
  date: string
  headline: string
  summary: string
  outlets: { id: string; name: string; role: string }[]
}

export interface EventsResponse {
  data: EventSummary[]
  meta: {
    count: number
    data_version: number
    source: { outlet: string; title: string; period: string } | null
  }
}

export async function fetchEvents(fetcher: typeof fetch = fetch): Promise<EventsResponse> {
  const res = await fetcher('/api/v1/events', { headers: { Accept: 'application/json' } })
  if (!res.ok) throw new Error(`The story's data could not be loaded (HTTP ${res.status}).`)
  return (await res.json()) as EventsResponse
}
