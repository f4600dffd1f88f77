// The bulk import (POST /api/v1/admin/import): our own events.csv and a TimelineJS Google Sheets
// template exported as CSV, read into draft events. A dry run writes nothing (no row, no revision,
// no data version) and reports every row: created, changed, unchanged, skipped or refused, with
// reasons in editors' words. Applied, every row is written in one transaction, or none is.
import { env } from 'cloudflare:workers'
import { stringify } from 'csv-stringify/sync'
import { beforeAll, describe, expect, it } from 'vitest'
import { adminCall, adminJson, registerEditor, type Editor } from './admin-client'
import { expectProblem, get } from './api-client'

interface Report {
  format: string
  applied: boolean
  counts: Record<string, number>
  rows: {
    line: number
    id: string | null
    headline: string | null
    action: string
    changes?: string[]
    errors?: { field: string; label?: string; message: string }[]
    notes?: string[]
  }[]
}

let editor: Editor
beforeAll(async () => {
  editor = await registerEditor('Import Tester')
})

/** What a dry run must leave as it was: every event, every revision, the data version. */
async function snapshot() {
  const [events, revisions, version] = await env.DB.batch([
    env.DB.prepare('SELECT count(*) AS n, max(updated_at) AS at FROM events'),
    env.DB.prepare('SELECT count(*) AS n FROM revisions'),
    env.DB.prepare('SELECT data_version AS v FROM story'),
  ])
  return JSON.stringify([events!.results, revisions!.results, version!.results])
}

const importCsv = (csv: string, apply?: boolean) =>
  adminCall(editor, 'POST', '/api/v1/admin/import', {
    body: apply === undefined ? { csv } : { csv, apply },
  })

async function report(csv: string, apply?: boolean): Promise<Report> {
  const res = await importCsv(csv, apply)
  const text = await res.text()
  expect(res.status, text.slice(0, 800)).toBe(200)
  return JSON.parse(text) as Report
}

const TIMELINE_HEADER = [
  'Year',
  'Month',
  'Day',
  'Time',
  'End Year',
  'End Month',
  'End Day',
  'End Time',
  'Display Date',
  'Headline',
  'Text',
  'Media',
  'Media Credit',
  'Media Caption',
  'Media Thumbnail',
  'Type',
  'Group',
  'Background',
]

/** A TimelineJS sheet as Google Sheets exports it: the template's header, then `rows`. */
function timelineSheet(rows: Partial<Record<(typeof TIMELINE_HEADER)[number], string>>[]) {
  return stringify([TIMELINE_HEADER, ...rows.map((r) => TIMELINE_HEADER.map((h) => r[h] ?? ''))])
}

describe('a dry run', () => {
  it('skips a TimelineJS era (the story’s spans are its chapters) and refuses a Type it does not know', async () => {
    const sheet = timelineSheet([
      {
        Year: '2022',
        Month: '9',
        'End Year': '2022',
        'End Month': '12',
        Headline: 'The crackdown months',
        Type: 'era',
      },
      {
        Year: '2022',
        Month: '10',
        Day: '6',
        Headline: 'A row of a made-up type',
        Text: 'x',
        Group: 'Enforcement',
        Type: 'slide',
      },
    ])
    const r = await report(sheet)
    expect(r.rows.map((row) => row.action)).toEqual(['skip', 'refuse'])
    expect(r.rows[0]!.notes!.join(' ')).toMatch(
      /An era: the story's spans of time are its chapters/,
    )
    expect(r.rows[1]!.errors).toContainEqual(
      expect.objectContaining({
        field: 'type',
        message: expect.stringMatching(/Type "slide" is not one TimelineJS knows/),
      }),
    )
  })

  it('of a TimelineJS sheet writes nothing and reports each row: created, skipped or refused, and why', async () => {
    const before = await snapshot()
    const sheet = timelineSheet([
      { Headline: 'Year in Review', Text: '<p>The title slide</p>', Type: 'title' },
      {
        Year: '2022',
        Month: '10',
        Day: '3',
        Headline: 'Police <b>raid</b> a compound in Bavet',
        Text: '<p>Police freed workers from a compound.</p><p>A second paragraph &amp; more.</p>',
        Group: 'Enforcement',
        Media: 'https://example.com/photo.jpg',
      },
      {
        Year: '2022',
        Month: '11',
        Headline: 'A month-only row',
        Text: 'Summary.',
        Group: 'enforcement',
      },
      {
        Year: '2022',
        Month: '2',
        Day: '30',
        Headline: 'No such day',
        Text: 'x',
        Group: 'Enforcement',
      },
      {
        Year: '2022',
        Month: '10',
        Day: '4',
        Headline: 'Unknown group',
        Text: 'x',
        Group: 'Sports',
      },
      {
        Year: '2021',
        Month: '1',
        Day: '4',
        Headline: 'Before the story',
        Text: 'x',
        Group: 'Enforcement',
      },
      { Year: '2022', Month: '10', Day: '5', Headline: 'No text', Text: '', Group: 'Enforcement' },
    ])
    const r = await report(sheet)
    expect(r.format).toBe('timelinejs')
    expect(r.applied).toBe(false)
    expect(r.rows.map((row) => [row.line, row.action])).toEqual([
      [2, 'skip'],
      [3, 'create'],
      [4, 'create'],
      [5, 'refuse'],
      [6, 'refuse'],
      [7, 'refuse'],
      [8, 'refuse'],
    ])
    expect(r.counts).toEqual({ create: 2, change: 0, unchanged: 0, skip: 1, refuse: 4 })
    const [, raid, month, badDay, group, before2022, noText] = r.rows
    expect(raid!.id).toBe('2022-10-03-police-raid-a-compound-in-bavet')
    expect(raid!.headline).toBe('Police raid a compound in Bavet')
    expect(raid!.notes!.join(' ')).toMatch(/Not imported: media/)
    expect(month!.id).toBe('2022-11-01-a-month-only-row')
    expect(badDay!.errors).toEqual([
      {
        field: 'date',
        label: 'Date',
        message: expect.stringMatching(/Day 30 is not a day of 2022-02/),
      },
    ])
    expect(group!.errors![0]).toMatchObject({
      field: 'category',
      message: expect.stringMatching(
        /Group "Sports" is not one of the story's categories.*Enforcement \(enforcement\)/,
      ),
    })
    expect(
      before2022!.errors!.some((e) => e.field === 'chapter' && /No chapter/.test(e.message)),
    ).toBe(true)
    expect(noText!.errors!.some((e) => e.field === 'summary')).toBe(true)
    // Nothing was written: no event, no revision, the data version where it was.
    expect(await snapshot()).toBe(before)
    expect(
      (await get('/api/v1/admin/events/2022-10-03-police-raid-a-compound-in-bavet')).status,
    ).not.toBe(200)
  })

  it('of our own events.csv finds every published event unchanged', async () => {
    const csv = await (await get('/api/v1/events.csv')).text()
    const before = await snapshot()
    const r = await report(csv)
    expect(r.format).toBe('events-csv')
    const published = (await env.DB.prepare(
      "SELECT count(*) AS n FROM events WHERE status = 'published' AND deleted_at IS NULL",
    ).first<{ n: number }>())!.n
    expect(r.rows).toHaveLength(published)
    expect(r.counts.unchanged).toBe(published)
    // The columns it does not read are named, not dropped silently.
    expect(r.rows.some((row) => row.notes?.some((n) => /Not imported: .*actors/.test(n)))).toBe(
      true,
    )
    expect(await snapshot()).toBe(before)
  })

  it('reads our events.csv saved with CRLF or CR inside cells (as some editors save) as unchanged', async () => {
    const csv = await (await get('/api/v1/events.csv')).text()
    expect(csv).toMatch(/\n\n/) // bodies with paragraphs, so the test meets line breaks in cells
    for (const saved of [csv.replace(/\r?\n/g, '\r\n'), csv.replace(/\r?\n/g, '\r')]) {
      const r = await report(saved)
      expect(r.counts.unchanged, JSON.stringify(r.rows.find((x) => x.action !== 'unchanged'))).toBe(
        r.rows.length,
      )
    }
  })

  it('names what it leaves out (an unknown column, a column twice) and refuses a row with more cells than the header', async () => {
    const header = ['Year', 'Month', 'Day', 'Headline', 'Text', 'Group', 'Status', 'Headline']
    const row = [
      '2022',
      '10',
      '9',
      'Named row',
      'A summary.',
      'Enforcement',
      'published',
      'Another',
    ]
    const csv = stringify([
      header,
      row,
      [...row.slice(0, 3), 'Shifted, row', ...row.slice(4), 'extra'],
    ])
    const [named, shifted] = (await report(csv)).rows
    expect(named!.action).toBe('create')
    expect(named!.notes!.join(' ')).toMatch(
      /Not imported: status, a second "headline" column \(the first is read\)/,
    )
    expect(shifted!.action).toBe('refuse')
    expect(shifted!.errors![0]!.message).toMatch(
      /^Line 3 has 9 cells, and the header 8 columns: a cell holding a comma needs double quotes/,
    )
  })

  it('reads lines ending CRLF, LF or CR in one file, and numbers lines as an editor counts them', async () => {
    const header = 'Year,Month,Day,Headline,Text,Group'
    const rows = [
      '2022,10,11,"First, with\r\na line break",Summary one.,Enforcement',
      '2022,10,12,Second,Summary two.,Enforcement',
      '',
      '2022,10,13,Third,Summary three.,Enforcement',
      '2022,10,14,Fourth,Summary four.,Sports',
    ]
    const csv = `${header}\r\n${rows[0]}\n${rows[1]}\r${rows[2]}\r\n${rows[3]}\n${rows[4]}`
    const r = await report(csv)
    expect(r.rows.map((row) => [row.line, row.action])).toEqual([
      [2, 'create'],
      [4, 'create'],
      [6, 'create'],
      [7, 'refuse'],
    ])
  })

  it('refuses a changed published event, and an id given twice in one file', async () => {
    const csv = await (await get('/api/v1/events.csv?bom=1')).text()
    const lines = csv.split('\r\n')
    // The second row again, its headline changed; and the first row twice.
    const [header, first, second] = lines
    const changed = second!.replace(/^([^,]+,[^,]+,[^,]+,)("[^"]*"|[^,]*)/, '$1A new headline')
    const r = await report([header, first, changed, first].join('\r\n'))
    expect(r.rows.map((row) => row.action)).toEqual(['unchanged', 'refuse', 'refuse'])
    expect(r.rows[1]!.errors![0]!.message).toMatch(/is published and differs in headline/)
    expect(r.rows[2]!.errors![0]).toMatchObject({
      field: 'id',
      message: expect.stringMatching(/Line 2 already has the id/),
    })
  })
})

describe('applying', () => {
  it('with a row refused writes nothing and answers 422 with the report', async () => {
    const before = await snapshot()
    const sheet = timelineSheet([
      {
        Year: '2022',
        Month: '10',
        Day: '6',
        Headline: 'Fine row',
        Text: 'A summary.',
        Group: 'Enforcement',
      },
      { Year: '2022', Month: '10', Day: '7', Headline: 'Bad row', Text: 'x', Group: 'Nope' },
    ])
    const res = await importCsv(sheet, true)
    const problem = await expectProblem(res, 422, 'invalid-body')
    expect(problem.detail).toMatch(/1 of 2 rows are refused.*nothing was written/)
    expect((problem as unknown as { report: Report }).report.counts).toMatchObject({
      create: 1,
      refuse: 1,
    })
    expect(await snapshot()).toBe(before)
  })

  it('writes every row as a draft, recorded by the editor; again, the same file is unchanged; a draft can be changed', async () => {
    const rows = [
      {
        Year: '2022',
        Month: '10',
        Day: '8',
        Headline: 'Imported one',
        Text: 'First summary.',
        Group: 'Enforcement',
      },
      {
        Year: '2023',
        Month: '4',
        Day: '9',
        Headline: 'Imported two',
        Text: 'Second summary.<p>Body.</p>',
        Group: 'Press freedom',
      },
    ]
    const r = await report(timelineSheet(rows), true)
    expect(r.applied).toBe(true)
    expect(r.counts.create).toBe(2)
    const stored = await adminJson<{
      status: string
      chapter: string
      body: string
      category: string
    }>(editor, 'GET', '/api/v1/admin/events/2023-04-09-imported-two', 200)
    expect(stored).toMatchObject({
      status: 'draft',
      chapter: 'spread-and-denial',
      category: 'press-freedom',
      body: 'Body.',
    })
    const revisions = await env.DB.prepare(
      "SELECT actor FROM revisions WHERE table_name = 'events' AND row_id IN ('2022-10-08-imported-one', '2023-04-09-imported-two')",
    ).all<{ actor: string }>()
    expect(revisions.results.map((x) => x.actor)).toEqual(['Import Tester', 'Import Tester'])
    // Drafts stay off the public API.
    expect((await get('/api/v1/events/2022-10-08-imported-one')).status).toBe(404)

    const again = await report(timelineSheet(rows), true)
    expect(again.counts).toMatchObject({ unchanged: 2, create: 0 })
    expect(again.applied).toBe(false)

    const edited = await report(timelineSheet([{ ...rows[0]!, Text: 'A better summary.' }]), true)
    expect(edited.rows[0]).toMatchObject({ action: 'change', changes: ['summary'] })
    expect(edited.applied).toBe(true)
    const after = await adminJson<{ summary: string; version: number }>(
      editor,
      'GET',
      '/api/v1/admin/events/2022-10-08-imported-one',
      200,
    )
    expect(after).toMatchObject({ summary: 'A better summary.', version: 2 })
  })
})

describe('a file that is not one', () => {
  it('answers 422 naming what is wrong: not CSV, an unknown header, no csv', async () => {
    const notCsv = await expectProblem(await importCsv('a,"b\nc'), 422, 'invalid-body')
    expect(notCsv.detail).toMatch(/not CSV/)
    const header = await expectProblem(await importCsv('Name,Colour\nx,y'), 422, 'invalid-body')
    expect(header.detail).toMatch(
      /neither our events.csv's.*nor the TimelineJS template's.*"Name, Colour"/,
    )
    const res = await adminCall(editor, 'POST', '/api/v1/admin/import', { body: { file: 'x' } })
    expect(res.status).toBe(422)
  })

  it('takes at most 1,000 rows, and says to split a longer file', async () => {
    const rows = Array.from({ length: 1001 }, (_, i) => ({ Year: '2022', Headline: `Row ${i}` }))
    const problem = await expectProblem(await importCsv(timelineSheet(rows)), 422, 'invalid-body')
    expect(problem.detail).toMatch(/1001 rows; an import takes at most 1000.*Split the file/)
  })

  it('takes up to 1 MB, and answers 413 above it', async () => {
    const big = timelineSheet([{ Year: '2022', Headline: 'x', Text: 'y'.repeat(1024 * 1024) }])
    const problem = await expectProblem(await importCsv(big), 413, 'payload-too-large')
    expect(problem.detail).toMatch(/at most 1 MB/)
  })
})
