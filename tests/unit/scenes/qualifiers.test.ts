// Qualifiers give their marks' shapes: every qualifier of the data's list has an end shape, each
// shape has its geometry (an open end, a frayed end, a limit line, a range with both ends), and
// the SVG each scene renders for the story carries those shapes on the figures that have them.
import { render } from 'svelte/server'
import { describe, expect, test } from 'vitest'
import { buildMapData } from '../../../vite-plugin-map-data'
import {
  areaRing,
  barOverhang,
  barPaths,
  END_SHAPES,
  endShape,
  figureShape,
  keyFor,
} from '../../../web/src/charts/qualifiers'
import { sceneRegistry } from '../../../web/src/charts/scenes'
import type { AnySceneDefinition } from '../../../web/src/charts/scenes/types'
import { SCENE_VIEWS } from '../../../web/src/charts/scenes/views'
import { QUALIFIERS } from '../../../worker/data/values'
import type { Figure } from '../../../worker/model'
import { buildStory, byId } from '../fixtures/story'
import { parseSvg } from '../helpers/description-check'

const story = buildStory()
const assets = { mapShapes: buildMapData() }

/** The SVG a step's scene renders at 760 x 620, parsed. */
function svgOf(id: string) {
  const event = byId(story, id)
  const spec = sceneRegistry.sceneFor(event, story)
  const content = sceneRegistry.contentFor(spec, event, story)
  const definition: AnySceneDefinition = sceneRegistry.get(spec.scene)
  const model = definition.model({
    story,
    event,
    spec,
    content,
    width: 760,
    height: 620,
    progress: 0,
    assets,
  })
  const View = sceneRegistry.viewOf(SCENE_VIEWS, spec.scene)
  return parseSvg(render(View, { props: { model, still: true, eventId: spec.eventId } }).body)
}

type El = { tag: string; attrs: Record<string, string>; children: El[] }
const elements = (node: ReturnType<typeof parseSvg>): El[] =>
  'tag' in node ? [node as El, ...node.children.flatMap(elements)] : []
const classes = (el: El) => (el.attrs['class'] ?? '').split(/\s+/)

/** A figure of the story by its value (and unit), so the test names what the reader sees. */
function figure(value: number, unit?: string): Figure {
  const found = story.figures.filter((f) => f.value === value && (!unit || f.unit === unit))
  expect(found, `one figure of ${value} ${unit ?? ''}`).toHaveLength(1)
  return found[0]!
}

/** The part classes of the paths in the mark (a bar's group) of a figure. */
function barParts(svg: ReturnType<typeof parseSvg>, f: Figure): string[] {
  const group = elements(svg).find(
    (e) => e.tag === 'g' && e.attrs['data-figure-id'] === String(f.id),
  )
  expect(group, `a bar for ${f.display}`).toBeDefined()
  return group!.children.filter((c) => c.tag === 'path').map((c) => classes(c)[0]!)
}

describe('each qualifier has its shape', () => {
  test('every qualifier of the data’s list, and none', () => {
    expect(Object.keys(END_SHAPES).sort()).toEqual([...QUALIFIERS].sort())
    expect(QUALIFIERS.map((q) => [q, endShape(q)])).toEqual([
      ['exactly', 'exact'],
      ['more than', 'open'],
      ['over', 'open'],
      ['at least', 'open'],
      ['nearly', 'soft'],
      ['about', 'soft'],
      ['as many as', 'bound'],
      ['up to', 'bound'],
    ])
    expect(endShape(null)).toBe('exact')
    expect(figureShape({ value: 2000, value_max: 5000, qualifier: 'at least' })).toEqual({
      end: 'open',
      range: true,
    })
  })

  test('bars: plain, open (a chevron past the end), frayed, limit line, range with both ends', () => {
    const parts = (qualifier: string | null, max = 0) =>
      barPaths(0, 0, 100, 10, figureShape({ value: 1, value_max: max || null, qualifier }), max)
    expect(parts(null).map((p) => p.part)).toEqual(['fill'])
    expect(parts('more than').map((p) => p.part)).toEqual(['fill', 'edge'])
    expect(parts('nearly').map((p) => p.part)).toEqual(['fill', 'fill'])
    expect(parts('up to').map((p) => p.part)).toEqual(['fill', 'limit'])
    expect(parts('at least', 50).map((p) => p.part)).toEqual(['fill', 'dash', 'limit', 'limit'])
    // The open end reaches past the value; the frayed end stops at it; a limit sits on it.
    expect(parts('more than')[1]!.d).toMatch(/^M102,/)
    expect(barOverhang(figureShape({ value: 1, qualifier: 'more than' }), 10)).toBeGreaterThan(0)
    expect(parts('up to')[1]!.d).toMatch(/^M100,/)
    // The range's dashed part runs from the low value to the high one.
    expect(parts('at least', 50)[1]!.d).toBe('M100,0h50v10h-50Z')
  })

  test('areas: a dashed ring outside for open numbers and ranges, none otherwise', () => {
    expect(areaRing({ end: 'open', range: false })).toBe(3)
    expect(areaRing({ end: 'exact', range: true })).toBe(3)
    expect(areaRing({ end: 'soft', range: false })).toBeNull()
    expect(areaRing({ end: 'bound', range: false })).toBeNull()
    expect(keyFor([{ end: 'open', range: false }], 'areas')[0]!.shapeWords).toBe('a dashed ring')
  })
})

describe('the drawn marks carry their figure’s shape', () => {
  test('people: “more than 1,480” has an open end, “nearly 8,000” a frayed one, 2,000-5,000 both ends, 62 a plain end', () => {
    const svg = svgOf('2023-03-01')
    expect(barParts(svg, figure(62))).toEqual(['fill'])
    expect(barParts(svg, figure(1480))).toEqual(['fill', 'edge'])
    expect(barParts(svg, figure(8000))).toEqual(['fill', 'fill'])
    expect(barParts(svg, figure(2000))).toEqual(['fill', 'dash', 'limit', 'limit'])
  })

  test('people at the estimate: “as many as 100,000” has a heavy edge; open reports a ring', () => {
    const svg = svgOf('2022-11-01')
    const all = elements(svg)
    const estimate = all.find((e) => classes(e).includes('estimate'))!
    expect(classes(estimate)).toContain('bound')
    const released = all.find(
      (e) => classes(e).includes('square') && e.attrs['data-figure-id'] === String(figure(1480).id),
    )!
    expect(classes(released)).toContain('open')
    const rings = all.filter((e) => e.tag === 'rect' && classes(e).includes('ring'))
    expect(rings.length).toBeGreaterThan(0)
    const plain = all.find(
      (e) => classes(e).includes('square') && e.attrs['data-figure-id'] === String(figure(62).id),
    )!
    expect(classes(plain)).toContain('exact')
  })

  test('numbers: “more than 600” complaints end open, the 289 of one month plainly', () => {
    const svg = svgOf('2022-10-28')
    expect(barParts(svg, figure(600, 'complaints'))).toEqual(['fill', 'edge'])
    expect(barParts(svg, figure(289))).toEqual(['fill'])
  })

  test('map: “more than 200” complaints get a dashed ring, “18” none', () => {
    const all = elements(svgOf('2022-09-19'))
    const circles = all.filter((e) => e.tag === 'circle')
    const bubble = (f: Figure) =>
      circles.find(
        (c) => c.attrs['data-figure-id'] === String(f.id) && classes(c).includes('bubble'),
      )!
    const open = bubble(figure(200))
    expect(classes(open)).toContain('open')
    const ringAt = (c: El) =>
      circles.filter(
        (r) =>
          classes(r).includes('ring') && r.attrs.cx === c.attrs.cx && r.attrs.cy === c.attrs.cy,
      )
    expect(ringAt(open)).toHaveLength(1)
    expect(Number(ringAt(open)[0]!.attrs.r)).toBeCloseTo(Number(open.attrs.r) + 3, 6)
    const eighteen = story.figures.filter((f) => f.value === 18 && f.unit === 'complaints')
    expect(eighteen.length).toBeGreaterThan(0)
    for (const f of eighteen) {
      expect(classes(bubble(f))).toContain('exact')
      expect(ringAt(bubble(f))).toHaveLength(0)
    }
  })
})
