// The tables section: each scene’s text alternative and data tables, from the scene list.
import { describe, expect, test } from 'vitest'
import { sceneTexts } from '../../../web/src/charts/scenes'
import { buildStory } from '../fixtures/story'

const story = buildStory()
const texts = sceneTexts(story)
const scene = (name: string) => texts.find((t) => t.scene === name)!

describe('sceneTexts', () => {
  test('one text alternative and table per scene', () => {
    expect(texts.map((t) => t.scene)).toEqual(['timeline', 'map', 'people', 'numbers'])
    for (const t of texts) {
      expect(t.alt.length).toBeGreaterThan(40)
      for (const table of t.tables)
        for (const row of table.rows) expect(row).toHaveLength(table.columns.length)
    }
  })

  test('timeline: every event', () => {
    const t = scene('timeline')
    expect(t.tables[0]!.rows).toHaveLength(story.events.length)
    expect(t.alt).toContain(`${story.events.length} events from 13 July 2022 to 7 June 2023`)
  })

  test('map: places in Cambodia, complaints with qualifiers, and the province-shape note', () => {
    const t = scene('map')
    const places = t.tables[0]!.rows.map((r) => r[0])
    expect(places).toContain('Sihanoukville')
    expect(places).not.toContain('Thailand')
    expect(places).not.toContain('Cambodia')
    const complaints = t.tables[1]!
    expect(complaints.caption).toBe('Complaints by place')
    // Dates in the one form the page and the charts use.
    expect(complaints.rows).toContainEqual([
      'Preah Sihanouk',
      'Preah Sihanouk (KH-18)',
      'more than 200',
      '19 September 2022',
    ])
    expect(t.notes.join(' ')).toMatch(/Tboung Khmum/)
    expect(t.alt).toContain('Preah Sihanouk, with more than 200')
  })

  test('people: qualifiers kept, estimate named, no sums, each report with its source', () => {
    const t = scene('people')
    expect(t.tables[0]!.columns).toEqual([
      'Reported',
      'What was reported',
      'Figure',
      'Nationality',
      'Source',
    ])
    expect(t.tables[0]!.rows[0]).toEqual([
      '1 August 2022',
      '62 Indonesian nationals rescued',
      '62 rescued',
      'Indonesian',
      'VOD (Voice of Democracy)',
    ])
    const figures = t.tables[0]!.rows.map((r) => r[2])
    expect(figures).toContain('more than 1,480 released')
    expect(figures).toContain('as many as 100,000 held captive')
    expect(figures).toContain('at least 2,000 (up to 5,000) stranded')
    expect(t.alt).toContain('as many as 100,000 people held captive')
    expect(t.alt).toContain('not added up')
  })

  test('numbers: the comparisons in words, oldest period first', () => {
    const t = scene('numbers')
    expect(t.alt).toContain('Trafficking cases: 359 (2021), then 166 (2022)')
    expect(t.alt).toContain('605 (First quarter of 2022), then 128 (January to March 2023)')
    // The period as the source worded it, its dates in the one form; the source of each figure.
    expect(t.tables[0]!.rows[0]).toEqual([
      'Complaints received',
      '289',
      'the month before 19 September 2022',
      '19 September 2022',
      'VOD (Voice of Democracy)',
    ])
    expect(t.tables[0]!.rows.map((r) => r[1])).toEqual([
      '289',
      'more than 600',
      '166',
      '359',
      '128',
      '605',
    ])
  })
})
