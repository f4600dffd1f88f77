// The editor's helpers for building a whole event on its page: coordinates picked on the map of
// Cambodia turned back into degrees (web/src/editor/map-point.ts), the inline forms that make a
// missing place, actor or outlet (web/src/editor/ref-fields.ts) and the quote's limit
// (web/src/editor/quote-fields.ts), held equal to the write API's own schemas.
import { describe, expect, it } from 'vitest'
import { toGrid } from '../../web/src/charts/scenes/map/shapes'
import {
  coordinateErrors,
  coordinateText,
  fromGrid,
  readCoordinate,
} from '../../web/src/editor/map-point'
import { decodeCsv } from '../../web/src/editor/csv-file'
import { addChoice } from '../../web/src/editor/options'
import { QUOTE_TEXT_MAX } from '../../web/src/editor/quote-fields'
import { REF_FIELDS, refBody, refForm, type RefTable } from '../../web/src/editor/ref-fields'
import type { Choice } from '../../web/src/editor/types'
import { CREATE } from '../../worker/data/tables'
import { buildMapData } from '../../vite-plugin-map-data'

/** The shapes the page ships (the build's virtual:cambodia-map). */
const shapes = buildMapData()

const LABELS = { latitude: 'Latitude', longitude: 'Longitude' }

describe('fromGrid', () => {
  it('turns a point of the map back into the longitude and latitude it was drawn from', () => {
    for (const [lon, lat] of [
      [103.52958, 10.60932],
      [104.91667, 11.55],
      [107.5, 14.5],
    ] as const) {
      const [x, y] = fromGrid(shapes, toGrid(shapes, lon, lat))
      expect(x).toBeCloseTo(lon, 9)
      expect(y).toBeCloseTo(lat, 9)
    }
  })

  it('gives coordinates inside Cambodia for a point inside its outline', () => {
    const ring = shapes.outline[0]!
    const [lon, lat] = fromGrid(shapes, ring[0]!)
    expect(lon).toBeGreaterThan(102)
    expect(lon).toBeLessThan(108)
    expect(lat).toBeGreaterThan(9.5)
    expect(lat).toBeLessThan(15)
  })
})

describe('coordinates typed or picked', () => {
  it('are shown to about a metre, and read back as numbers', () => {
    expect(coordinateText(10.609321234)).toBe('10.60932')
    expect(coordinateText(104)).toBe('104')
    expect(readCoordinate(' 10.6 ')).toBe(10.6)
    expect(readCoordinate('')).toBeNull()
    expect(readCoordinate('north')).toBeNull()
  })

  it('are refused in words when not numbers, out of range, or one without the other', () => {
    expect(coordinateErrors('', '', LABELS)).toEqual({})
    expect(coordinateErrors('10.6', '103.5', LABELS)).toEqual({})
    expect(coordinateErrors('ten', '103.5', LABELS).latitude?.[0]).toMatch(
      /^Latitude must be a number of degrees/,
    )
    expect(coordinateErrors('10.6', '200', LABELS).longitude).toEqual([
      'Longitude must lie between -180 and 180.',
    ])
    expect(coordinateErrors('10.6', '', LABELS).longitude?.[0]).toMatch(/^Give the longitude too/)
  })
})

describe('the inline forms of places, actors and outlets', () => {
  const tables: RefTable[] = ['places', 'actors', 'outlets']

  it('have one input for every column the API takes when a row is made, and no other', () => {
    for (const table of tables) {
      expect(REF_FIELDS[table].map((f) => f.name).sort(), table).toEqual(
        Object.keys(CREATE[table].shape).sort(),
      )
    }
  })

  it('show the same limits as the API: the longest text it takes, and one character more refused', () => {
    for (const table of tables) {
      const base = refBody(table, { ...refForm(table, 'Koh Kong'), kind: refForm(table).kind! })
      expect(CREATE[table].safeParse(base).success, `${table}: a plain new row`).toBe(true)
      for (const field of REF_FIELDS[table].filter((f) => f.max)) {
        const at = CREATE[table].safeParse({ ...base, [field.name]: 'x'.repeat(field.max!) })
        expect(at.success, `${table}.${field.name} at ${field.max}`).toBe(true)
        const over = CREATE[table].safeParse({ ...base, [field.name]: 'x'.repeat(field.max! + 1) })
        expect(over.success, `${table}.${field.name} over ${field.max}`).toBe(false)
        expect(over.error?.issues[0]?.message).toBe(
          `${field.label} must be at most ${field.max} characters.`,
        )
      }
    }
  })

  it('make an id from the name, send blank optional fields as null and coordinates as numbers', () => {
    const form = refForm('places', 'Koh Kong Krao ')
    expect(form).toMatchObject({ name: 'Koh Kong Krao', id: 'koh-kong-krao', kind: 'site' })
    const body = refBody('places', { ...form, latitude: '10.6', longitude: ' 103.5' })
    expect(body).toEqual({
      name: 'Koh Kong Krao',
      id: 'koh-kong-krao',
      kind: 'site',
      parent_id: null,
      iso_code: null,
      latitude: 10.6,
      longitude: 103.5,
    })
    expect(CREATE.places.safeParse(body).success).toBe(true)
    // Text that is no number goes as typed, so the API names the field.
    expect(refBody('places', { ...form, latitude: 'north' }).latitude).toBe('north')
  })

  it('put a row just made among the choices in order of name, once', () => {
    const choices: Choice[] = [
      { value: 'kandal', label: 'Kandal' },
      { value: 'takeo', label: 'Takeo' },
    ]
    addChoice(choices, { id: 'koh-kong-krao', name: 'Koh Kong Krao', kind: 'site' })
    addChoice(choices, { id: 'koh-kong-krao', name: 'Koh Kong Krao', kind: 'site' })
    expect(choices.map((c) => c.value)).toEqual(['kandal', 'koh-kong-krao', 'takeo'])
  })
})

describe('the quote form', () => {
  it('shows the limit the API keeps', () => {
    const quote = { event_id: '2022-09-19-x', speaker_id: 'sar-kheng', text: 'x', outlet_id: null }
    expect(CREATE.quotes.safeParse({ ...quote, text: 'x'.repeat(QUOTE_TEXT_MAX) }).success).toBe(
      true,
    )
    expect(
      CREATE.quotes.safeParse({ ...quote, text: 'x'.repeat(QUOTE_TEXT_MAX + 1) }).success,
    ).toBe(false)
  })
})

describe('the import file’s text', () => {
  const headline = 'Café raid in Siem Réap'
  it('reads UTF-8 (with or without its byte-order mark) and UTF-16 with its mark', () => {
    const utf8 = new TextEncoder().encode(headline)
    expect(decodeCsv(utf8)).toBe(headline)
    expect(decodeCsv(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toBe(headline)
    const le = [0xff, 0xfe, ...[...headline].flatMap((ch) => [ch.charCodeAt(0), 0])]
    expect(decodeCsv(new Uint8Array(le))).toBe(headline)
  })
  it('refuses a Windows-1252 or Latin-1 file instead of reading U+FFFD for its letters', () => {
    const latin1 = new Uint8Array([...headline].map((ch) => ch.charCodeAt(0)))
    expect(decodeCsv(latin1)).toBeNull()
  })
})
