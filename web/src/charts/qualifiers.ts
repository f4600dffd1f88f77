// Qualifiers drawn in the marks, not only written in the labels: how a figure's qualifier ("more
// than 1,480", "nearly 8,000", "as many as 100,000", "at least 2,000, possibly as many as 5,000")
// shapes the end of its bar or the edge of its circle or square, the key that says so, and the
// geometry of each shape. Every qualifier of the data's list (worker/data/values.ts) has a shape:
// a new qualifier does not compile until it gets one.
import type { Qualifier } from '../../../worker/data/values'

/**
 * How a mark ends: 'exact' a plain end; 'open' the true number is higher (an open end, or a
 * dashed ring outside an area); 'soft' the number is approximate (a frayed end, a dotted edge);
 * 'bound' the number is an upper limit (a bar ended by a limit line, an area with a heavy edge).
 */
export type EndShape = 'exact' | 'open' | 'soft' | 'bound'

/** The shape each qualifier gives a mark's end. */
export const END_SHAPES: Readonly<Record<Qualifier, EndShape>> = {
  exactly: 'exact',
  'more than': 'open',
  over: 'open',
  'at least': 'open',
  nearly: 'soft',
  about: 'soft',
  'as many as': 'bound',
  'up to': 'bound',
}

/** The parts of a figure its marks are shaped from. */
export interface QualifiedNumber {
  value: number
  value_max?: number | null
  qualifier: string | null
}

/** What a figure's mark looks like: its end's shape, and whether it is a range (two ends). */
export interface FigureShape {
  end: EndShape
  /** The figure gives a range (value to value_max): both ends are drawn. */
  range: boolean
}

/** A qualifier's end shape; none, or one outside the list, draws a plain end. */
export function endShape(qualifier: string | null): EndShape {
  return (qualifier && END_SHAPES[qualifier as Qualifier]) || 'exact'
}

/** How to draw a figure: its qualifier's end, and both ends for a range. */
export function figureShape(figure: QualifiedNumber): FigureShape {
  const range = figure.value_max !== null && figure.value_max !== undefined
  return { end: endShape(figure.qualifier), range }
}

/**
 * One entry of a chart's key: a sample shape ('held': an outlined bar), the words drawn beside it
 * (what it stands for: 'more than, over, at least') and the shape in words, for descriptions.
 */
export interface KeyEntry {
  shape: EndShape | 'range' | 'held'
  text: string
  /** The sample in words: 'an open end'. */
  shapeWords: string
}

/** The qualifiers that give each shape, in the list's order: 'more than, over, at least'. */
function qualifiersOf(shape: EndShape): string {
  return (Object.keys(END_SHAPES) as Qualifier[]).filter((q) => END_SHAPES[q] === shape).join(', ')
}

/** What each shape stands for (drawn beside its sample), and each sample in words, for bars and areas. */
const MEANING: Record<EndShape | 'range', string> = {
  exact: 'the exact number',
  open: qualifiersOf('open'),
  soft: qualifiersOf('soft'),
  bound: qualifiersOf('bound'),
  range: 'a range, low to high',
}
const BAR_WORDS: Record<EndShape | 'range', string> = {
  exact: 'a plain end',
  open: 'an open end',
  soft: 'a frayed end',
  bound: 'a limit line',
  range: 'a dashed part',
}
const AREA_WORDS: Record<EndShape | 'range', string> = {
  exact: 'a plain edge',
  open: 'a dashed ring',
  soft: 'a dotted edge',
  bound: 'a heavy edge',
  range: 'a dashed ring',
}
const ORDER: (EndShape | 'range')[] = ['open', 'soft', 'bound', 'range']

/**
 * The key for the shapes drawn: one entry per shape other than the plain end, in a fixed order,
 * its sample drawn as bars' ends or as circles' and squares' edges, with what it stands for.
 */
export function keyFor(shapes: readonly FigureShape[], marks: 'bars' | 'areas'): KeyEntry[] {
  const used = new Set<EndShape | 'range'>(shapes.map((s) => s.end))
  if (shapes.some((s) => s.range)) used.add('range')
  const words = marks === 'bars' ? BAR_WORDS : AREA_WORDS
  return ORDER.filter((shape) => used.has(shape)).map((shape) => ({
    shape,
    text: MEANING[shape],
    shapeWords: words[shape],
  }))
}

/** One SVG path of a mark, with the class that styles it ('fill', 'edge', 'dash', 'limit'). */
export interface MarkPath {
  d: string
  part: 'fill' | 'edge' | 'dash' | 'limit'
}

const r1 = (n: number) => Math.round(n * 10) / 10
const rect = (x: number, y: number, w: number, h: number) =>
  `M${r1(x)},${r1(y)}h${r1(w)}v${r1(h)}h${r1(-w)}Z`

/**
 * The paths of a horizontal bar from x0, `length` px long (the figure's value), `height` px
 * tall from y, ending in `shape`; `rangeLength` adds a dashed part up to the range's top end.
 * Open end: a chevron past the end. Frayed end: the last few pixels as thin stripes. Limit:
 * a line across the end, taller than the bar. Range: a dashed outline to the top end, closed by
 * a limit line, and a tick at the low end.
 */
export function barPaths(
  x0: number,
  y: number,
  length: number,
  height: number,
  shape: FigureShape,
  rangeLength = 0,
): MarkPath[] {
  const paths: MarkPath[] = []
  const end = x0 + length
  const fray = shape.end === 'soft' ? Math.min(6, length / 2) : 0
  paths.push({ part: 'fill', d: rect(x0, y, Math.max(0.5, length - fray), height) })
  if (fray > 0) {
    // Three stripes, thinner towards the end.
    const stripes = [0.45, 0.3, 0.18].map((w, i) => rect(end - fray + i * 2, y, w * 2, height))
    paths.push({ part: 'fill', d: stripes.join('') })
  }
  const mid = y + height / 2
  const reach = Math.max(3, height * 0.6)
  if (shape.end === 'open' && !shape.range) {
    paths.push({
      part: 'edge',
      d: `M${r1(end + 2)},${r1(mid - reach)}L${r1(end + 2 + reach)},${r1(mid)}L${r1(end + 2)},${r1(mid + reach)}`,
    })
  }
  if (shape.end === 'bound' && !shape.range) {
    paths.push({ part: 'limit', d: `M${r1(end)},${r1(y - 3)}V${r1(y + height + 3)}` })
  }
  if (shape.range && rangeLength > 0) {
    paths.push({ part: 'dash', d: rect(end, y, rangeLength, height) })
    paths.push({ part: 'limit', d: `M${r1(end)},${r1(y - 2)}V${r1(y + height + 2)}` })
    paths.push({
      part: 'limit',
      d: `M${r1(end + rangeLength)},${r1(y - 3)}V${r1(y + height + 3)}`,
    })
  }
  return paths
}

/** How far past a bar's end its shape reaches (the open end's chevron), for layouts. */
export function barOverhang(shape: FigureShape, height: number): number {
  return shape.end === 'open' && !shape.range ? 2 + Math.max(3, height * 0.6) : 0
}

/**
 * The extra ring drawn around an area mark (circle or square) of size `size` (radius or side):
 * open shapes get a dashed ring `gap` px outside, others none.
 */
export function areaRing(shape: FigureShape, gap = 3): number | null {
  return shape.end === 'open' || shape.range ? gap : null
}

/** A key in words, for a description: 'an open end for more than, over, at least; ...'. */
export function keyInWords(entries: readonly KeyEntry[]): string {
  return entries.map((e) => `${e.shapeWords} for ${e.text}`).join('; ')
}
