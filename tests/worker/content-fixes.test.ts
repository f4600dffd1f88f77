// The content audit's fixes (migrations/0009_content_fixes.sql), as partners and readers get them
// through the public API: each finding of the audit, checked against the served data.
import { env, exports } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import type { StoryEvent } from '../../worker/model'

async function event(id: string): Promise<StoryEvent> {
  const response = await exports.default.fetch(`http://example.com/api/v1/events/${id}`)
  expect(response.status).toBe(200)
  return ((await response.json()) as { data: StoryEvent }).data
}

const placeIds = (e: StoryEvent) => e.places.map((p) => p.id)
const actorRoles = (e: StoryEvent) => e.actors.map((a) => `${a.id}:${a.role}`)

describe('the content audit of the dataset against the source', () => {
  it('13 July: the report traced scam operations to the compounds, not the loss', async () => {
    const e = await event('2022-07-13-vice-pig-butchering-investigation')
    expect(e.headline).not.toMatch(/traces a \$2\.5 million/)
    expect(e.headline).toContain('$2.5 million')
    expect(e.summary).toContain('scam operations around the world')
  })

  it('14 July: Hun Sen, named in the entry, is linked', async () => {
    const e = await event('2022-07-14-al-jazeera-scam-compound-documentary')
    expect(actorRoles(e)).toEqual(expect.arrayContaining(['hun-to:subject', 'hun-sen:subject']))
  })

  it('18 August: Vietnam is linked, and a note says where the complex is drawn and why', async () => {
    const e = await event('2022-08-18-vietnamese-workers-escape-koh-thom')
    expect(placeIds(e)).toContain('vietnam')
    const note = e.notes.find((n) => n.field === 'place')
    expect(note?.kind).toBe('context')
    expect(note?.text).toMatch(/Ta Khmau/)
    expect(note?.text).toMatch(/Koh Thom is a district/)
  })

  it('27 September: "more than", as the source says, not "over"', async () => {
    const e = await event('2022-09-27-phnom-penh-raids-1480-released')
    expect(e.headline).toContain('more than 1,480')
    expect(e.headline).not.toMatch(/\bover\b/)
  })

  it('27 October: the outlet named "VN Express" by the source is listed as VnExpress, and a note says so', async () => {
    const e = await event('2022-10-27-vietnamese-return-home')
    expect(e.outlets.map((o) => o.name)).toContain('VnExpress')
    const note = e.notes.find((n) => n.field === 'outlets')
    expect(note?.source_said).toContain('VN Express')
  })

  it('1 November: "as many as", as the source says, not "up to"', async () => {
    const e = await event('2022-11-01-la-times-100000-held-captive')
    expect(e.summary).toContain('as many as 100,000')
    expect(e.summary).not.toContain('up to')
  })

  it('29 December: VOD and Al Jazeera, named for their reporting on the zone, are linked', async () => {
    const e = await event('2022-12-29-casino-licences-renewed')
    expect(actorRoles(e)).toEqual(
      expect.arrayContaining(['vod:investigator', 'al-jazeera:investigator']),
    )
  })

  it('7 February: Taiwan is linked', async () => {
    expect(placeIds(await event('2023-02-07-taiwan-police-bokor-stronghold'))).toContain('taiwan')
  })

  it('12 February and the third chapter: no judgement the source does not make', async () => {
    const e = await event('2023-02-12-hun-sen-shuts-down-vod')
    expect(e.headline).not.toMatch(/leading reporter/)
    expect(e.headline).toContain('more than 120')
    const response = await exports.default.fetch('http://example.com/api/v1/chapters')
    const chapters = ((await response.json()) as { data: { id: string; dek: string }[] }).data
    const dek = chapters.find((c) => c.id === 'business-as-usual')?.dek
    expect(dek).toBeDefined()
    expect(dek).not.toMatch(/covered the story most/)
  })

  it('23 March: the Department of Social Affairs is linked', async () => {
    const e = await event('2023-03-23-national-anti-trafficking-report')
    expect(actorRoles(e)).toContain('department-of-social-affairs:authority')
  })

  it('12 and 18 April: Preah Sihanouk, named through its governors, is linked', async () => {
    expect(placeIds(await event('2023-04-12-ko-kidnapped-xing-tian-di'))).toContain(
      'preah-sihanouk',
    )
    const e = await event('2023-04-18-sihanoukville-dismisses-bbc')
    expect(placeIds(e)).toContain('preah-sihanouk')
    // Only Kuong Li spoke to CamboJA.
    expect(e.summary).toMatch(/Kuong Li, told CamboJA/)
    expect(e.summary).not.toMatch(/deputy governor gave CamboJA|gave CamboJA other accounts/)
  })

  it('every fix is a revision by "sql", so editors can see and undo it', async () => {
    const { results } = await env.DB.prepare(
      `SELECT action, actor, json_extract(before, '$.headline') AS was,
         json_extract(after, '$.headline') AS now
       FROM revisions WHERE table_name = 'events' AND row_id = ? ORDER BY id`,
    )
      .bind('2022-09-27-phnom-penh-raids-1480-released')
      .all<{ action: string; actor: string; was: string; now: string }>()
    expect(results).toContainEqual({
      action: 'update',
      actor: 'sql',
      was: 'Phnom Penh raids on more than 10 buildings free over 1,480 foreign nationals',
      now: 'Phnom Penh raids on more than 10 buildings free more than 1,480 foreign nationals',
    })
    const links = await env.DB.prepare(
      `SELECT count(*) AS n FROM revisions
       WHERE table_name = 'event_places' AND action = 'insert' AND actor = 'sql'
         AND row_id = '2023-02-07-taiwan-police-bokor-stronghold/taiwan'`,
    ).first<{ n: number }>()
    expect(links?.n).toBe(1)
  })
})
