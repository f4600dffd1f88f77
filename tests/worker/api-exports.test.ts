// The exports partners use as they are: CSV parsed back with a CSV library, GeoJSON checked for
// [lon, lat], TimelineJS JSON checked against the format's required fields, and JSON-LD.
import { env } from 'cloudflare:workers'
import { parse } from 'csv-parse/browser/esm/sync'
import { describe, expect, it } from 'vitest'
import { CSV_COLUMNS } from '../../worker/exports/tables'
import type { Place, Story } from '../../worker/model'
import { get, getJson, type ListBody } from './api-client'
import { dataChanged } from '../../worker/http/freshness'
import { insertEvent } from './raw-rows'

const story = async () => (await getJson<{ data: Story }>('/api/v1/story')).data

async function fetchText(path: string, mediaType: RegExp): Promise<string> {
  const res = await get(path)
  expect(res.status, path).toBe(200)
  expect(res.headers.get('content-type'), path).toMatch(mediaType)
  expect(res.headers.get('ETag'), path).toMatch(/^"/)
  return res.text()
}

describe('GET /api/v1/events.csv', () => {
  it('is RFC 4180 CSV with a header and one row per event, read back by a CSV parser', async () => {
    const text = await fetchText('/api/v1/events.csv', /^text\/csv; charset=utf-8; header=present/)
    const { events, categories } = await story()
    // CRLF between records (RFC 4180, 2.1); bare LF only inside quoted fields.
    expect(text.endsWith('\r\n')).toBe(true)
    expect(text.split('\r\n')[0]).toBe(CSV_COLUMNS.join(','))
    const rows = parse(text, { columns: true, skip_empty_lines: false }) as Record<string, string>[]
    expect(rows).toHaveLength(events.length)
    expect(rows.map((r) => r.id)).toEqual(events.map((e) => e.id))
    const labels = new Map(categories.map((c) => [c.id, c.label]))
    for (const [i, row] of rows.entries()) {
      const e = events[i]!
      expect(Object.keys(row)).toEqual([...CSV_COLUMNS])
      // Quotes, commas and the body's paragraph breaks survive the round trip.
      expect(row.headline).toBe(e.headline)
      expect(row.summary).toBe(e.summary)
      expect(row.body).toBe(e.body)
      expect(row.category_label).toBe(labels.get(e.category))
      expect(row.place_ids).toBe(e.places.map((p) => p.id).join('; '))
      expect(row.outlet_ids).toBe(e.outlets.map((o) => o.id).join('; '))
      expect(row.figures).toBe(e.figures.map((f) => f.display).join('; '))
      expect(row.url).toBe(`http://example.com/api/v1/events/${e.id}`)
    }
    expect(rows.some((r) => r.places!.includes('; '))).toBe(true)
    expect(events.some((e) => e.body.includes('\n'))).toBe(true)
  })
})

describe('GET /api/v1/places.geojson', () => {
  it('is an RFC 7946 FeatureCollection with [lon, lat] points and the events at each place', async () => {
    const text = await fetchText('/api/v1/places.geojson', /^application\/geo\+json/)
    const geo = JSON.parse(text) as {
      type: string
      features: {
        type: string
        id: string
        geometry: { type: string; coordinates: number[] }
        properties: { id: string; event_count: number; events: { id: string }[] }
      }[]
    }
    expect(geo.type).toBe('FeatureCollection')
    const places = (await getJson<ListBody<Place>>('/api/v1/places')).data
    const located = places.filter((p) => p.latitude !== null)
    expect(geo.features).toHaveLength(located.length)
    const byId = new Map(places.map((p) => [p.id, p]))
    const inCambodia = (p: Place): boolean =>
      p.id === 'cambodia' || (p.parent_id !== null && inCambodia(byId.get(p.parent_id)!))
    let cambodian = 0
    for (const f of geo.features) {
      const place = byId.get(f.id)!
      expect(f.type).toBe('Feature')
      expect(f.geometry.type).toBe('Point')
      expect(f.geometry.coordinates).toEqual([place.longitude, place.latitude])
      expect(f.properties.event_count).toBe(place.event_count)
      expect(f.properties.events).toHaveLength(place.event_count)
      if (inCambodia(place)) {
        cambodian += 1
        const [lon, lat] = f.geometry.coordinates as [number, number]
        // Cambodia's bounding box: longitude first, then latitude.
        expect(lon, f.id).toBeGreaterThan(102.3)
        expect(lon, f.id).toBeLessThan(107.7)
        expect(lat, f.id).toBeGreaterThan(9.9)
        expect(lat, f.id).toBeLessThan(14.7)
      }
    }
    expect(cambodian).toBeGreaterThan(10)
  })
})

interface TimelineDate {
  year: unknown
  month?: unknown
  day?: unknown
  display_date?: unknown
}

/** The TimelineJS3 JSON format's rules (Knight Lab's "JSON format" documentation). */
function timelineProblems(t: Record<string, unknown>): string[] {
  const problems: string[] = []
  const isInt = (v: unknown, min: number, max: number) =>
    typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max
  const checkDate = (d: TimelineDate | undefined, where: string) => {
    if (!d || typeof d !== 'object') return problems.push(`${where}: date object required`)
    if (!isInt(d.year, -271820, 275759)) problems.push(`${where}.year: a number is required`)
    if (d.month !== undefined && !isInt(d.month, 1, 12)) problems.push(`${where}.month: 1-12`)
    if (d.day !== undefined && !isInt(d.day, 1, 31)) problems.push(`${where}.day: 1-31`)
    if (d.day !== undefined && d.month === undefined) problems.push(`${where}: day without month`)
    if (d.display_date !== undefined && typeof d.display_date !== 'string')
      problems.push(`${where}.display_date: string`)
  }
  const checkText = (x: unknown, where: string) => {
    if (x === undefined) return
    const text = x as { headline?: unknown; text?: unknown }
    if (typeof text.headline !== 'string' && typeof text.text !== 'string')
      problems.push(`${where}: headline or text`)
  }
  if (!Array.isArray(t.events) || t.events.length === 0)
    problems.push('events: a non-empty array is required')
  const ids = new Set<string>()
  for (const [i, e] of ((t.events ?? []) as Record<string, unknown>[]).entries()) {
    checkDate(e.start_date as TimelineDate, `events[${i}].start_date`)
    if (e.end_date !== undefined) checkDate(e.end_date as TimelineDate, `events[${i}].end_date`)
    if (e.text === undefined && e.media === undefined)
      problems.push(`events[${i}]: text or media required`)
    checkText(e.text, `events[${i}].text`)
    if (e.group !== undefined && typeof e.group !== 'string')
      problems.push(`events[${i}].group: string`)
    if (e.unique_id !== undefined) {
      if (typeof e.unique_id !== 'string' || ids.has(e.unique_id))
        problems.push(`events[${i}].unique_id: unique string`)
      else ids.add(e.unique_id)
    }
  }
  for (const [i, era] of ((t.eras ?? []) as Record<string, unknown>[]).entries()) {
    checkDate(era.start_date as TimelineDate, `eras[${i}].start_date`)
    checkDate(era.end_date as TimelineDate, `eras[${i}].end_date`)
    checkText(era.text, `eras[${i}].text`)
  }
  if (t.title !== undefined) checkText((t.title as Record<string, unknown>).text, 'title.text')
  if (t.scale !== undefined && !['human', 'cosmological'].includes(t.scale as string))
    problems.push('scale')
  return problems
}

type Slide = {
  start_date: TimelineDate
  text: { headline: string; text: string }
  group: string
  unique_id: string
}

describe('GET /api/v1/timeline.json', () => {
  it('meets the TimelineJS format: our ids as unique_id, categories as groups, chapters as eras', async () => {
    const timeline = JSON.parse(
      await fetchText('/api/v1/timeline.json', /^application\/json/),
    ) as Record<string, unknown>
    expect(timelineProblems(timeline)).toEqual([])
    const { events, categories, chapters } = await story()
    const slides = timeline.events as Slide[]
    expect(slides.map((s) => s.unique_id)).toEqual(events.map((e) => e.id))
    const labels = new Map(categories.map((c) => [c.id, c.label]))
    for (const [i, s] of slides.entries()) {
      const [year, month, day] = events[i]!.date.split('-').map(Number)
      expect(s.start_date).toMatchObject({ year, month, day, display_date: expect.any(String) })
      expect(s.group).toBe(labels.get(events[i]!.category))
    }
    expect((timeline.eras as unknown[]).length).toBe(chapters.length)
    expect(timelineProblems({ events: [{ text: { headline: 'no date' } }] })).not.toEqual([])
  })

  it('sanitises the HTML in text', async () => {
    await insertEvent({
      id: 'hostile-markup',
      date: '2023-06-20',
      headline: '<b onmouseover="alert(1)">Bold</b>',
      summary: 'A <script>alert(1)</script> summary',
      body: 'Fine **text**.\n\n<img src=x onerror=alert(1)><script>alert(2)</script>[x](javascript:alert(3))',
      status: 'published',
    }).run()
    dataChanged()
    const timeline = JSON.parse(await fetchText('/api/v1/timeline.json', /^application\/json/)) as {
      events: Slide[]
    }
    const slide = timeline.events.find((s) => s.unique_id === 'hostile-markup')!
    expect(slide.text.headline).toBe('&lt;b onmouseover=&quot;alert(1)&quot;&gt;Bold&lt;/b&gt;')
    expect(slide.text.text).toContain('<strong>text</strong>')
    expect(slide.text.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    // Every tag left is from a small allow-list, with no handler and no script URL.
    const ALLOWED = /^<\/?(p|br|strong|em|b|i|a|ul|ol|li|blockquote|code)(\s|>|\/)/
    for (const s of timeline.events) {
      for (const tag of s.text.text.match(/<[^>]*>/g) ?? []) {
        expect(tag, s.unique_id).toMatch(ALLOWED)
        expect(tag, s.unique_id).not.toMatch(/\son\w+=|javascript:/i)
      }
      expect(s.text.headline, s.unique_id).not.toMatch(/</)
    }
  })
})

describe('GET /api/v1/dataset.jsonld', () => {
  it('is a schema.org Dataset with its Events and Places', async () => {
    const ld = JSON.parse(
      await fetchText('/api/v1/dataset.jsonld', /^application\/ld\+json/),
    ) as Record<string, unknown>
    const { events, places, story: meta } = await story()
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Dataset',
      name: meta.title,
    })
    const formats = (ld.distribution as { contentUrl: string; encodingFormat: string }[]).map(
      (d) => d.encodingFormat,
    )
    expect(formats).toEqual(
      expect.arrayContaining(['text/csv', 'application/geo+json', 'application/json']),
    )
    const about = ld.about as {
      '@type': string
      '@id': string
      startDate: string
      location: { '@id': string }[]
    }[]
    expect(about).toHaveLength(events.length)
    const placeIds = new Set(
      (ld.spatialCoverage as { '@type': string; '@id': string }[]).map((p) => p['@id']),
    )
    expect(placeIds.size).toBe(places.length)
    for (const [i, e] of about.entries()) {
      expect(e['@type']).toBe('Event')
      expect(e.startDate).toBe(events[i]!.date)
      for (const l of e.location) expect(placeIds.has(l['@id'])).toBe(true)
    }
  })
})

describe('CSV safety', () => {
  it('keeps a cell from running as a spreadsheet formula', async () => {
    await insertEvent({
      id: 'formula-headline',
      date: '2023-06-21',
      headline: '=HYPERLINK("http://evil.example","x")',
      summary: 'Plain',
      status: 'published',
    }).run()
    const rows = parse(await fetchText('/api/v1/events.csv', /^text\/csv/), {
      columns: true,
    }) as Record<string, string>[]
    expect(rows.find((r) => r.id === 'formula-headline')!.headline).toBe(
      `'=HYPERLINK("http://evil.example","x")`,
    )
  })
})

describe('body text as HTML', () => {
  it('is sanitised on its way into the API and the TimelineJS export', async () => {
    const id = '2022-07-14-al-jazeera-scam-compound-documentary'
    await env.DB.prepare('UPDATE events SET body = ? WHERE id = ?')
      .bind(
        '**Bold** <img src=x onerror=alert(1)> <script>alert(2)</script> [ok](https://example.org)',
        id,
      )
      .run()
    const event = (await getJson<{ data: { body_html: string } }>(`/api/v1/events/${id}`)).data
    expect(event.body_html).toContain('<strong>Bold</strong>')
    expect(event.body_html).toContain('<a href="https://example.org">ok</a>')
    // Escaped to text or dropped: no element, no handler.
    expect(event.body_html).not.toMatch(/<img|<script|<[^>]*\son\w+=/i)
    const timeline = JSON.stringify(await getJson('/api/v1/timeline.json'))
    expect(timeline).not.toMatch(/<img|<script|<[^>]*\son\w+=/i)
  })
})
