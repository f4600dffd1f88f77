// The tidy bulk data: figures.csv, places.csv and actors.csv beside events.csv, each with `?bom=1`
// for Excel, and /api/v1/data.zip holding every CSV, the GeoJSON, a Frictionless datapackage.json
// and a README. The package is validated against the Data Package profiles (JSON Schema draft-04,
// vendored in fixtures/frictionless), and each CSV in the zip against its own Table Schema
// (tests/worker/table-schema.ts, reading the files with csv-parse); the terms of reuse travel
// inside the files.
import { env } from 'cloudflare:workers'
import Ajv from 'ajv-draft-04'
import addFormats from 'ajv-formats'
import { parse } from 'csv-parse/browser/esm/sync'
import { stringify } from 'csv-stringify/sync'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { BUNDLE_FILES } from '../../worker/exports/bundle'
import { splitListCell } from '../../worker/exports/csv'
import { CSV_TABLES } from '../../worker/exports/tables'
import { dataChanged } from '../../worker/http/freshness'
import { sha256Hex } from '../../worker/lib/sha256'
import { REVALIDATE } from '../../worker/lib/cache-control'
import type { Actor, FigureWithEvent, Place, Story } from '../../worker/model'
import dataPackageProfile from './fixtures/frictionless/data-package.json'
import tabularResourceProfile from './fixtures/frictionless/tabular-data-resource.json'
import { expectProblem, get, getJson, type ListBody } from './api-client'
import { checkTables, type TabularResource } from './table-schema'

const SOURCE_URL =
  'https://cambojanews.com/year-in-review-human-trafficking-cyber-scams-and-the-governments-response/'
const CC_BY = 'https://creativecommons.org/licenses/by/4.0/'
const CSV_PATHS = [
  '/api/v1/events.csv',
  '/api/v1/figures.csv',
  '/api/v1/places.csv',
  '/api/v1/actors.csv',
]
const BOM = [0xef, 0xbb, 0xbf]

interface Package {
  name: string
  licenses: { name?: string; path: string; title: string }[]
  sources: { title: string; path?: string }[]
  contributors: { title: string; role: string }[]
  resources: (TabularResource & { bytes: number; hash: string; format: string })[]
}

async function fetchZip(): Promise<{
  res: Response
  files: Record<string, string>
  names: string[]
}> {
  const res = await get('/api/v1/data.zip', { headers: { 'Accept-Encoding': 'gzip' } })
  expect(res.status).toBe(200)
  const entries = unzipSync(new Uint8Array(await res.arrayBuffer()))
  const files = Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, strFromU8(v)]))
  return { res, files, names: Object.keys(entries) }
}

const csvRows = (text: string) => parse(text, { columns: true }) as Record<string, string>[]
const cell = (value: number | string | null) => (value === null ? '' : String(value))

function draft04() {
  const ajv = new Ajv({ allErrors: true, strict: false })
  addFormats(ajv)
  // The profiles mark long text fields with a format of their own, for form builders only.
  ajv.addFormat('textarea', true)
  return ajv
}

describe('GET /api/v1/data.zip', () => {
  it('holds every CSV, the GeoJSON, datapackage.json and a README, sent as it is', async () => {
    const { res, names, files } = await fetchZip()
    expect(res.headers.get('Content-Type')).toBe('application/zip')
    expect(res.headers.get('Content-Disposition')).toBe(
      'attachment; filename="year-in-review-data.zip"',
    )
    // Already compressed: never gzipped again, so its ETag is the identity one.
    expect(res.headers.get('Content-Encoding')).toBeNull()
    expect(res.headers.get('ETag')).toMatch(/^"\d+-[0-9a-f]+"$/)
    expect(res.headers.get('Link')).toBe(`<${CC_BY}>; rel="license"`)
    expect(names).toEqual([...BUNDLE_FILES])
    expect(names).toEqual([
      'README.md',
      'datapackage.json',
      'events.csv',
      'figures.csv',
      'places.csv',
      'actors.csv',
      'places.geojson',
    ])
    // The files in the zip are the ones the routes serve, byte for byte.
    for (const table of CSV_TABLES) {
      const alone = await (await get(`/api/v1/${table.file}`)).text()
      expect(files[table.file], table.file).toBe(alone)
    }
    expect(files['places.geojson']).toBe(await (await get('/api/v1/places.geojson')).text())
  })

  it('is open to every origin, like the other exports', async () => {
    for (const path of ['/api/v1/data.zip', '/api/v1/figures.csv?bom=1', '/api/v1/actors.csv']) {
      const res = await get(path, { headers: { Origin: 'https://newsroom.example' } })
      await res.arrayBuffer()
      expect(res.headers.get('Access-Control-Allow-Origin'), path).toBe('*')
      expect(res.headers.get('Access-Control-Expose-Headers'), path).toContain('ETag')
      expect(res.headers.get('Cache-Control'), path).toBe(REVALIDATE)
    }
  })

  it('gives the same bytes for the same data, and a 304 for its ETag', async () => {
    const first = await get('/api/v1/data.zip')
    const bytes = new Uint8Array(await first.arrayBuffer())
    const etag = first.headers.get('ETag')!
    const again = await get('/api/v1/data.zip', { headers: { 'If-None-Match': etag } })
    expect(again.status).toBe(304)
    // Built afresh (a new isolate's cache would): the same bytes.
    const { bundleZip } = await import('../../worker/exports/bundle')
    const story = (await getJson<{ data: Story }>('/api/v1/story')).data
    const actors = (await getJson<ListBody<Actor>>('/api/v1/actors')).data
    const source = {
      story,
      actors,
      origin: 'http://example.com',
      modified: '2023-07-01T00:00:00.000Z',
    }
    expect(await bundleZip(source)).toEqual(await bundleZip(source))
    expect(bytes.length).toBeGreaterThan(1000)
  })

  it('has a datapackage.json valid against the Data Package profile, each CSV a valid Tabular Data Resource', async () => {
    const { files } = await fetchZip()
    const pkg = JSON.parse(files['datapackage.json']!) as Package
    const ajv = draft04()
    const validPackage = ajv.compile(dataPackageProfile)
    expect(validPackage(pkg), JSON.stringify(validPackage.errors)).toBe(true)
    const validTabular = ajv.compile(tabularResourceProfile)
    const tabular = pkg.resources.filter((r) => r.profile === 'tabular-data-resource')
    expect(tabular.map((r) => r.path)).toEqual(CSV_TABLES.map((t) => t.file))
    for (const resource of tabular) {
      expect(
        validTabular(resource),
        `${resource.path}: ${JSON.stringify(validTabular.errors)}`,
      ).toBe(true)
    }
    // The profile does refuse a broken package: the check has teeth.
    expect(validPackage({ ...pkg, resources: [] })).toBe(false)
    expect(validPackage({ ...pkg, licenses: [{ name: 'CC BY 4.0 (not an id)' }] })).toBe(false)
    expect(
      validTabular({ ...tabular[0], schema: { fields: [{ name: 'x', type: 'colour' }] } }),
    ).toBe(false)

    // Every file listed is in the zip, with the size and SHA-256 the package gives.
    for (const resource of pkg.resources) {
      const text = files[resource.path]!
      expect(new TextEncoder().encode(text).length, resource.path).toBe(resource.bytes)
      expect(resource.hash, resource.path).toBe(`sha256:${await sha256Hex(text)}`)
    }
    expect(pkg.resources.find((r) => r.path === 'places.geojson')).toMatchObject({
      format: 'geojson',
      profile: 'data-resource',
    })
  })

  it('has every CSV valid against its Table Schema: types, required cells, keys', async () => {
    const { files } = await fetchZip()
    const pkg = JSON.parse(files['datapackage.json']!) as Package
    const tabular = pkg.resources.filter((r) => r.profile === 'tabular-data-resource')
    expect(checkTables(tabular, files)).toEqual([])
    // The keys the schemas declare: figures to events and places, places to their parents.
    const figures = tabular.find((r) => r.name === 'figures')!
    expect(figures.schema.primaryKey).toBe('id')
    expect(figures.schema.foreignKeys).toEqual([
      { fields: 'event_id', reference: { resource: 'events', fields: 'id' } },
      { fields: 'place_id', reference: { resource: 'places', fields: 'id' } },
    ])
    expect(tabular.find((r) => r.name === 'places')!.schema.foreignKeys).toEqual([
      { fields: 'parent_id', reference: { resource: '', fields: 'id' } },
    ])
  })

  it('the Table Schema check refuses files that break their schema', async () => {
    const { files } = await fetchZip()
    const pkg = JSON.parse(files['datapackage.json']!) as Package
    const tabular = pkg.resources.filter((r) => r.profile === 'tabular-data-resource')
    const [header, ...records] = parse(files['figures.csv']!) as string[][]
    const broken = (change: (cells: string[]) => void) => {
      const first = [...records[0]!]
      change(first)
      const csv = stringify([header!, first, ...records.slice(1)], { record_delimiter: 'windows' })
      return { ...files, 'figures.csv': csv }
    }
    const problems = (changed: Record<string, string>) => checkTables(tabular, changed).join('\n')
    expect(problems(broken((c) => (c[4] = 'many')))).toMatch(
      /figures.csv row 1 value: "many" is not a number/,
    )
    expect(problems(broken((c) => (c[0] = '1.5')))).toMatch(/row 1 id: "1.5" is not an integer/)
    expect(problems(broken((c) => (c[1] = 'no-such-event')))).toMatch(
      /event_id \["no-such-event"\] is not in events/,
    )
    expect(problems(broken((c) => (c[6] = 'roughly')))).toMatch(
      /row 1 qualifier: "roughly" is not one of its values/,
    )
    expect(problems(broken((c) => (c[2] = '2023-02-30')))).toMatch(
      /event_date: "2023-02-30" is not a YYYY-MM-DD date/,
    )
    expect(problems(broken((c) => (c[0] = records[1]![0]!)))).toMatch(/primary key .* repeats/)
    expect(problems(broken((c) => (c[header!.indexOf('display')] = '')))).toMatch(
      /row 1 display: required, but empty/,
    )
    expect(
      problems({
        ...files,
        'places.csv': files['places.csv']!.replace('\r\ncambodia,', '\r\nnowhere,'),
      }),
    ).toMatch(/places.csv row \d+: parent_id \["cambodia"\] is not in places/)
    expect(problems({ ...files, 'actors.csv': `\uFEFF${files['actors.csv']}` })).toMatch(
      /actors.csv: header is/,
    )
  })

  it('carries the licence, the source and who made it, in datapackage.json and the README', async () => {
    const { files } = await fetchZip()
    const pkg = JSON.parse(files['datapackage.json']!) as Package
    expect(pkg.licenses).toEqual([
      {
        name: 'CC-BY-4.0',
        path: CC_BY,
        title: 'Creative Commons Attribution 4.0 International (CC BY 4.0)',
      },
    ])
    expect(pkg.sources).toEqual([
      { title: expect.stringContaining('Year in Review: Human Trafficking'), path: SOURCE_URL },
    ])
    expect(pkg.contributors.map((c) => c.role)).toEqual(['author', 'publisher'])
    const readme = files['README.md']!
    expect(readme).toContain(CC_BY)
    expect(readme).toContain(SOURCE_URL)
    expect(readme).toContain('## The formula guard, and how to undo it')
    expect(readme).toContain('?bom=1')
    for (const table of CSV_TABLES) {
      expect(readme).toContain(`## ${table.file}`)
      for (const field of table.fields)
        expect(readme, field.name).toContain(`| \`${field.name}\` |`)
    }
  })
})

describe('figures.csv, places.csv, actors.csv', () => {
  it('figures.csv has one row per figure, its numbers as numbers, with its event and place', async () => {
    const res = await get('/api/v1/figures.csv')
    expect(res.headers.get('Content-Type')).toBe('text/csv; charset=utf-8; header=present')
    expect(res.headers.get('Content-Disposition')).toBe(
      'inline; filename="year-in-review-figures.csv"',
    )
    const rows = csvRows(await res.text())
    const { data: figures } = await getJson<ListBody<FigureWithEvent>>('/api/v1/figures')
    const { events, places } = (await getJson<{ data: Story }>('/api/v1/story')).data
    expect(rows.map((r) => r.id)).toEqual(figures.map((f) => String(f.id)))
    const dates = new Map(events.map((e) => [e.id, e.date]))
    const names = new Map(places.map((p) => [p.id, p.name]))
    for (const [i, f] of figures.entries()) {
      const row = rows[i]!
      expect(row).toMatchObject({
        event_id: f.event_id,
        event_date: dates.get(f.event_id),
        value: cell(f.value),
        value_max: cell(f.value_max),
        qualifier: f.qualifier,
        unit: f.unit,
        measure: f.measure,
        place_id: cell(f.place_id),
        place_name: f.place_id ? names.get(f.place_id) : '',
        period_start: cell(f.period_start),
        display: f.display,
      })
    }
    // Each figure is credited as the charts credit it: its event's outlets other than the review
    // that compiled it (or that review, when it is the only source).
    const byId = new Map(events.map((e) => [e.id, e]))
    for (const row of rows) {
      const outlets = byId.get(row.event_id!)!.outlets
      const credited = outlets.filter((o) => o.role !== 'compiled')
      const expected = credited.length ? credited : outlets.filter((o) => o.role === 'compiled')
      expect(row.source_outlet_ids, row.id).toBe(expected.map((o) => o.id).join('; '))
      expect(row.source_outlets, row.id).toBe(expected.map((o) => o.name).join('; '))
      expect(row.source_outlets, row.id).not.toBe('')
    }
    // The range of Taiwanese stranded keeps both ends; the complaints keep their province.
    expect(rows.some((r) => r.value_max !== '' && Number(r.value_max) > Number(r.value))).toBe(true)
    expect(rows.some((r) => r.measure === 'complaints' && r.place_id === 'preah-sihanouk')).toBe(
      true,
    )
  })

  it('every list cell of events.csv splits back into exactly the items of the API (notes with "; " included)', async () => {
    const rows = csvRows(await (await get('/api/v1/events.csv')).text())
    const { events } = (await getJson<{ data: Story }>('/api/v1/story')).data
    const byId = new Map(events.map((e) => [e.id, e]))
    // The real notes hold "; " (so splitting on "; " alone would cut them): the test must meet one.
    expect(events.some((e) => e.notes.some((n) => n.text.includes('; ')))).toBe(true)
    for (const row of rows) {
      const e = byId.get(row.id!)!
      expect(splitListCell(row.places!), e.id).toEqual(e.places.map((p) => p.name))
      expect(splitListCell(row.place_ids!), e.id).toEqual(e.places.map((p) => p.id))
      expect(splitListCell(row.actors!), e.id).toEqual(e.actors.map((a) => `${a.name} (${a.role})`))
      expect(splitListCell(row.outlet_ids!), e.id).toEqual(e.outlets.map((o) => o.id))
      expect(splitListCell(row.figures!), e.id).toEqual(e.figures.map((f) => f.display))
      expect(splitListCell(row.notes!), e.id).toEqual(
        e.notes.map((n) => (n.kind === 'correction' ? `Correction: ${n.text}` : n.text)),
      )
    }
  })

  it('places.csv and actors.csv list what the API lists', async () => {
    const places = csvRows(await (await get('/api/v1/places.csv')).text())
    const { data: apiPlaces } = await getJson<ListBody<Place>>('/api/v1/places')
    expect(places.map((p) => p.id)).toEqual(apiPlaces.map((p) => p.id))
    const kh18 = places.find((p) => p.iso_code === 'KH-18')!
    const apiKh18 = apiPlaces.find((p) => p.iso_code === 'KH-18')!
    expect(kh18).toEqual({
      id: apiKh18.id,
      name: apiKh18.name,
      kind: 'province',
      parent_id: cell(apiKh18.parent_id),
      iso_code: 'KH-18',
      latitude: cell(apiKh18.latitude),
      longitude: cell(apiKh18.longitude),
      event_count: String(apiKh18.event_count),
    })
    const actors = csvRows(await (await get('/api/v1/actors.csv')).text())
    const { data: apiActors } = await getJson<ListBody<Actor>>('/api/v1/actors')
    expect(actors).toEqual(
      apiActors.map((a) => ({
        id: a.id,
        name: a.name,
        kind: a.kind,
        description: a.description,
        country: cell(a.country),
        event_count: String(a.event_count),
      })),
    )
  })

  it('guards text that would run as a formula, and never a number', async () => {
    await env.DB.prepare(
      `INSERT INTO figures (event_id, position, value, qualifier, unit, measure, subject, display)
       VALUES ('2022-09-19-sar-kheng-289-complaints', 99, 40, 'exactly', 'percent', 'decline', '-40% of complaints', '=40% fewer')`,
    ).run()
    dataChanged()
    const rows = csvRows(await (await get('/api/v1/figures.csv')).text())
    const row = rows.find((r) => r.display === "'=40% fewer")!
    expect(row).toBeDefined()
    expect(row.subject).toBe("'-40% of complaints")
    expect(row.value).toBe('40')
    // The package still validates: a guarded cell is still text, a number a number (the writer
    // never guards a number, however it starts: tests/unit/csv-guard.test.ts writes -40).
    const { files } = await fetchZip()
    const pkg = JSON.parse(files['datapackage.json']!) as Package
    expect(
      checkTables(
        pkg.resources.filter((r) => r.profile === 'tabular-data-resource'),
        files,
      ),
    ).toEqual([])
    await env.DB.prepare(`DELETE FROM figures WHERE display = '=40% fewer'`).run()
    dataChanged()
  })
})

describe('?bom=1 on every CSV', () => {
  it('starts the file with a UTF-8 byte-order mark, with an ETag of its own', async () => {
    for (const path of CSV_PATHS) {
      const plain = await get(path)
      const plainBytes = new Uint8Array(await plain.arrayBuffer())
      expect([...plainBytes.slice(0, 3)], path).not.toEqual(BOM)
      const excel = await get(`${path}?bom=1`)
      expect(excel.status, path).toBe(200)
      const bytes = new Uint8Array(await excel.arrayBuffer())
      expect([...bytes.slice(0, 3)], path).toEqual(BOM)
      expect(bytes.slice(3), path).toEqual(plainBytes)
      expect(excel.headers.get('ETag'), path).not.toBe(plain.headers.get('ETag'))
      // bom=0 is the plain file, with its ETag; tracking parameters are ignored as on every export.
      const zero = await get(`${path}?bom=0&utm_source=newsletter`)
      expect(new Uint8Array(await zero.arrayBuffer()), path).toEqual(plainBytes)
      expect(zero.headers.get('ETag'), path).toBe(plain.headers.get('ETag'))
    }
  })

  it('refuses any other value, and takes bom only on CSV', async () => {
    const bad = await expectProblem(
      await get('/api/v1/figures.csv?bom=yes'),
      400,
      'invalid-parameter',
    )
    expect(bad.detail).toContain('bom must be 1')
    await expectProblem(await get('/api/v1/places.geojson?bom=1'), 400, 'unknown-parameter')
    await expectProblem(await get('/api/v1/data.zip?bom=1'), 400, 'unknown-parameter')
  })
})

describe('the terms of reuse inside the files', () => {
  it('the GeoJSON carries them as top-level foreign members', async () => {
    const geo = (await (await get('/api/v1/places.geojson')).json()) as Record<string, unknown>
    expect(geo).toMatchObject({
      type: 'FeatureCollection',
      license: { name: 'Creative Commons Attribution 4.0 International (CC BY 4.0)', url: CC_BY },
      creator: expect.any(String),
      publisher: expect.any(String),
      source: { url: SOURCE_URL, title: expect.stringContaining('Year in Review') },
      attribution: expect.stringContaining(SOURCE_URL),
    })
  })

  it('the TimelineJS title slide names the licence and links the source', async () => {
    const timeline = (await (await get('/api/v1/timeline.json')).json()) as {
      title: { text: { text: string } }
    }
    expect(timeline.title.text.text).toContain(`<a href="${CC_BY}">`)
    expect(timeline.title.text.text).toContain(`<a href="${SOURCE_URL}">`)
  })

  it('every export names its licence in a Link header', async () => {
    for (const path of [...CSV_PATHS, '/api/v1/places.geojson', '/api/v1/timeline.json']) {
      const res = await get(path)
      await res.arrayBuffer()
      expect(res.headers.get('Link'), path).toBe(`<${CC_BY}>; rel="license"`)
    }
  })
})
