// Map: Cambodia with its provinces, its neighbours' land around it (Thailand, Laos, Vietnam,
// named, with the Gulf of Thailand), the capital marked, places at their coordinates, the active
// event's places lit and named, and for complaints per place, circles whose area follows the
// count on ONE scale for every map step (from the story's largest count), with a key for sizes
// and for the qualifier rings. `mapContent` decides what is drawn and written (no size);
// `mapModel` lays it out: one frame for every map step (the room under the map is kept for the
// story's longest footer), circles pushed apart with a leader back to their place, labels placed
// clear of marks and of each other.
import type { Figure, Place, Story, StoryEvent } from '../../../../../worker/model'
import { formatNumber, formatValue, isolate, listOf } from '../../../../../worker/shared/format'
import { inCambodia, provinceComplaints, provinceOf } from '../../figures'
import {
  circleBox,
  overlapArea,
  placeLabels,
  segmentCrosses,
  type Box,
  type PlacedLabel,
} from '../../labels'
import { figureShape, keyFor, type FigureShape, type KeyEntry } from '../../qualifiers'
import { KEY_SAMPLE, lineHeightOf } from '../../rows'
import { sqrtScale } from '../../scales'
import { linesWidth, textWidth, wrapRuns, wrapText, type Run } from '../../text'
import {
  apply,
  atFit,
  centroid,
  fitRings,
  pointsOnShapes,
  ringsBounds,
  ringsPath,
  type Fit,
  type FitMemo,
} from './planar'
import { toGrid, type MapShapes } from './shapes'

type MapFigure = Pick<
  Figure,
  'id' | 'value' | 'value_max' | 'qualifier' | 'unit' | 'place_id' | 'display'
>

/** One line under the map: totals, places without a known spot, places abroad. */
export interface FooterLine {
  prefix: string
  items: { placeId: string | null; figureId: number | null; text: string }[]
}

/** The sea's name, kept off the land wherever it is placed. */
const SEA = 'Gulf of Thailand'
/**
 * Where the neighbours and the sea are named (degrees): the first spot that is free, in this
 * order.
 */
const REGIONS = [
  {
    iso: 'TH',
    text: 'THAILAND',
    name: 'Thailand',
    at: [
      [102.6, 14.9],
      [101.7, 13.3],
      [101.9, 14.6],
    ],
  },
  {
    iso: 'LA',
    text: 'LAOS',
    name: 'Laos',
    at: [
      [106.4, 14.85],
      [105.7, 15.2],
    ],
  },
  {
    iso: 'VN',
    text: 'VIETNAM',
    name: 'Vietnam',
    at: [
      [107.5, 11.3],
      [107.9, 12.6],
      [106.9, 10.3],
    ],
  },
  {
    iso: null,
    text: SEA,
    name: 'the Gulf of Thailand',
    at: [
      [102.8, 10.0],
      [102.2, 10.6],
      [103.4, 9.7],
      [101.9, 11.4],
      [102.3, 9.6],
      [104.1, 9.85],
      [103.9, 9.6],
      [102.4, 11.0],
      [102.6, 10.8],
      [102.7, 10.3],
      [101.8, 11.0],
      [101.7, 10.4],
      [101.2, 9.2],
    ],
  },
] as const
const COUNTRY_LABEL = {
  text: 'CAMBODIA',
  at: [
    [106.2, 13.25],
    [105.8, 12.6],
    [104.6, 13.6],
  ],
} as const
/** The capital's ISO 3166-2 code (Phnom Penh). */
const CAPITAL_ISO = 'KH-12'

/** What the map draws at one step, before any layout. */
export interface MapContent {
  mode: 'complaints' | 'places'
  activePlaceIds: string[]
  /** The neighbours and the sea, named; a neighbour that is a place of the story carries its id. */
  regions: { text: string; name: string; iso: string | null; placeId: string | null }[]
  country: { placeId: string | null; text: string; active: boolean }
  /** The capital, always marked and named. */
  capital: { place: Place; active: boolean } | null
  /** Counts per place: circles. */
  bubbles: {
    figureId: number
    place: Place
    name: string
    value: string
    amount: number
    shape: FigureShape
  }[]
  /** Lit places with a spot on the map, named (a site and its city share one label). */
  spots: Place[]
  footer: FooterLine[]
  /** Every footer of every map step of the story: the room under the map is kept for the most. */
  frameFooters: string[][]
  /** The circles' one scale: the story's largest count per place. */
  bubbleMax: number
  /** The circles drawn in the size key, and its title. */
  sizeKey: { title: string; values: number[] } | null
  /** Some map step of the story draws circles: room is kept for their key. */
  frameHasCircles: boolean
  /** The names every map step writes beside its marks (see stepLabels): room is kept for them. */
  frameLabels: string[][][][]
  key: KeyEntry[]
}

/** What the map's content is built from. */
export interface MapContentInput {
  story: Pick<Story, 'events' | 'places' | 'story'>
  places: Map<string, Place>
  /** The active event, or null. */
  event: Pick<StoryEvent, 'id' | 'figures' | 'outlets'> | null
  mode: 'complaints' | 'places'
  activePlaceIds: string[]
  /** The figures the step draws: counts per place become circles, others a total below. */
  figures: MapFigure[]
  /** Who reported the totals (named after them, under the map). */
  sources: string[]
  /** The footers of every map step of the story (see MapContent.frameFooters). */
  frameFooters: string[][]
  /**
   * `frameFooters` already holds this step's footer (the step is one of the story's map steps),
   * so it is passed on as it is rather than copied with the footer added: a step's content then
   * costs nothing per other step. Left out, the footer is added.
   */
  frameHasStep?: boolean
  /** Some map step of the story draws circles (see MapContent.frameHasCircles). */
  frameHasCircles: boolean
  /** The names every map step writes (see MapContent.frameLabels). */
  frameLabels: string[][][][]
}

const KIND_ORDER: Record<string, number> = { province: 0, city: 1, site: 2 }

/** A place has a spot on the map when it lies in a province (or is one). */
export function mappable(place: Place, places: Map<string, Place>): boolean {
  return provinceOf(place.id, places) !== null && inCambodia(place, places)
}

/** The size key's circles: round numbers (1, 2 or 5 times a power of ten) under the largest. */
export function sizeKeyValues(max: number): number[] {
  const round = (v: number) => {
    const p = 10 ** Math.floor(Math.log10(v))
    return [5, 2, 1].map((m) => m * p).find((c) => c <= v) ?? p
  }
  const values = [round(max), round(max / 4), round(max / 20)].filter((v) => v >= 1)
  return [...new Set(values)].sort((a, b) => a - b)
}

/** The footer lines of a step: its totals, places without a known spot and places abroad. */
export function footerOf(
  input: Omit<MapContentInput, 'frameFooters' | 'frameHasCircles' | 'frameLabels'>,
): FooterLine[] {
  const { places } = input
  const local = input.figures.filter(
    (f) => f.place_id && places.get(f.place_id) && mappable(places.get(f.place_id)!, places),
  )
  const mapped = new Set(local)
  const totals = input.figures.filter((f) => !mapped.has(f))
  const activePlaces = input.activePlaceIds.map((id) => places.get(id)).filter((p) => !!p)
  const neighbourIsos = new Set<string>(REGIONS.map((r) => r.iso).filter((i) => i !== null))
  const unmapped = activePlaces.filter(
    (p) => p.kind !== 'country' && inCambodia(p, places) && !mappable(p, places),
  )
  const abroad = activePlaces.filter(
    (p) => !inCambodia(p, places) && !(p.kind === 'country' && neighbourIsos.has(p.iso_code ?? '')),
  )
  const by = input.sources.length ? ` — ${listOf(input.sources)}` : ''
  return [
    {
      prefix: 'In all: ',
      items: totals.map((f) => ({
        placeId: null,
        figureId: f.id,
        text: `${isolate(f.display)}${by}`,
      })),
    },
    {
      prefix: 'Location not given: ',
      items: unmapped.map((p) => ({ placeId: p.id, figureId: null, text: p.name })),
    },
    {
      prefix: 'Also named, outside the map: ',
      items: abroad.map((p) => ({ placeId: p.id, figureId: null, text: p.name })),
    },
  ].filter((l) => l.items.length)
}

/** What a stretch of a footer line names: an item of the line, or nothing (its prefix). */
export type FooterItemKey = FooterLine['items'][number] | null

/** A footer line as runs of text, each with the item it names. */
export function footerRuns(line: FooterLine): Run<FooterItemKey>[] {
  return [
    { text: line.prefix, key: null },
    ...line.items.flatMap((item, i) => [
      ...(i > 0 ? [{ text: ', ', key: null }] : []),
      { text: item.text, key: item },
    ]),
  ]
}

/**
 * The names a step writes beside its marks, each as the ways it can be set (one line first, when
 * there is one): what the room for names is sized by.
 */
export function stepLabels(content: Pick<MapContent, 'bubbles' | 'spots'>): string[][][] {
  return [
    ...content.bubbles.map((b) => [[`${isolate(b.name)} ${b.value}`], [b.name, b.value]]),
    ...content.spots.map((p) => [[p.name]]),
  ]
}

/** What a stretch of a map label names: a place, a figure's value, or nothing. */
export interface LabelRunKey {
  placeId: string | null
  figureId: number | null
}

/** The text of a footer line, as drawn. */
export const footerText = (line: FooterLine): string =>
  `${line.prefix}${line.items.map((i) => i.text).join(', ')}`

// The largest count per place in each story (by its list of events): the same at every step.
const complaintMaxima = new WeakMap<readonly StoryEvent[], number>()

/**
 * The largest complaint count per province the story holds (at least 1): the circles' scale,
 * computed once per story rather than at each of its steps.
 */
function storyComplaintsMax(story: Pick<Story, 'events'>, places: Map<string, Place>): number {
  let max = complaintMaxima.get(story.events)
  if (max === undefined) {
    max = 1
    for (const e of story.events)
      for (const f of provinceComplaints(e, places)) max = Math.max(max, f.value)
    complaintMaxima.set(story.events, max)
  }
  return max
}

/** What the map draws at a step. */
export function mapContent(input: MapContentInput): MapContent {
  const { places } = input
  const active = new Set(input.activePlaceIds)
  const country =
    input.story.places.find((p) => p.kind === 'country' && p.iso_code === 'KH') ?? null
  const capital = input.story.places.find((p) => p.iso_code === CAPITAL_ISO) ?? null
  const byIso = new Map(
    input.story.places.filter((p) => p.kind === 'country').map((p) => [p.iso_code, p]),
  )
  const local = input.figures.filter(
    (f) => f.place_id && places.get(f.place_id) && mappable(places.get(f.place_id)!, places),
  )
  const bubbles = [...local]
    .sort((a, b) => b.value - a.value)
    .map((f) => {
      const place = places.get(f.place_id!)!
      return {
        figureId: f.id,
        place,
        name: place.name,
        value: formatValue(f),
        amount: f.value,
        shape: figureShape(f),
      }
    })
  // The circles' scale: every count per place the story holds (so 'more than 12' is drawn at
  // its own size whatever the step, and the same as any other 12).
  let bubbleMax = storyComplaintsMax(input.story, places)
  for (const f of local) bubbleMax = Math.max(bubbleMax, f.value)
  const spots =
    input.mode === 'places'
      ? input.activePlaceIds
          .map((id) => places.get(id))
          .filter((p): p is Place => !!p && p.kind !== 'country' && mappable(p, places))
      : []
  const footer = footerOf(input)
  return {
    mode: input.mode,
    activePlaceIds: input.activePlaceIds,
    regions: REGIONS.map((r) => ({
      text: r.text,
      name: r.name,
      iso: r.iso,
      placeId: (r.iso && byIso.get(r.iso)?.id) ?? null,
    })),
    country: {
      placeId: country?.id ?? null,
      text: COUNTRY_LABEL.text,
      active: country !== null && active.has(country.id),
    },
    capital: capital ? { place: capital, active: active.has(capital.id) } : null,
    bubbles,
    spots,
    footer,
    frameFooters: input.frameHasStep
      ? input.frameFooters
      : [...input.frameFooters, footer.map(footerText)],
    bubbleMax,
    sizeKey: bubbles.length
      ? { title: 'Circle area: complaints', values: sizeKeyValues(bubbleMax) }
      : null,
    frameHasCircles: input.frameHasCircles || bubbles.length > 0,
    frameLabels: input.frameLabels,
    key: keyFor(
      bubbles.map((b) => b.shape),
      'areas',
    ),
  }
}

/** The map laid out at one size. */
export interface MapModel {
  width: number
  height: number
  /** The neighbours' land, and where their names go. */
  neighbours: { iso: string; placeId: string | null; d: string; active: boolean }[]
  outline: { d: string; placeId: string | null; active: boolean }
  provinces: {
    iso: string
    name: string
    placeId: string | null
    d: string
    /** The province is itself one of the active places. */
    active: boolean
    /** Shaded: the province is active or holds an active place. */
    lit: boolean
  }[]
  points: { id: string; name: string; x: number; y: number; active: boolean }[]
  capital: { placeId: string; x: number; y: number; active: boolean } | null
  bubbles: {
    figureId: number
    placeId: string
    name: string
    /** Where the circle is drawn, and the place it stands for (apart when pushed aside). */
    x: number
    y: number
    r: number
    anchor: { x: number; y: number } | null
    text: string
    shape: FigureShape
  }[]
  /**
   * Every name and number on the map: what it names, its lines and where they go; each line as
   * runs of text, each run naming a place or a figure (a value, set lighter) or nothing.
   */
  labels: (PlacedLabel & {
    kind: 'bubble' | 'spot' | 'capital' | 'region' | 'country'
    runs: Run<LabelRunKey>[][]
    active: boolean
  })[]
  sizeKey: {
    x: number
    y: number
    title: string
    /** Each circle and its value's label (beside its top when nested, beside it in a row). */
    circles: { r: number; cx: number; cy: number; label: string; lx: number; ly: number }[]
    /** Nested circles, each value's label at the end of a dotted line from its top. */
    nested: boolean
    entries: { entry: KeyEntry; x: number; y: number }[]
    box: Box
  } | null
  /** Lines under the map, wrapped; each run of a line keeps the item (place, figure) it names. */
  footer: (FooterLine & { y: number; lines: Run<FooterItemKey>[][] })[]
  fontSize: number
  /** How many labels could not avoid overlapping something. */
  overlaps: number
}

export interface MapInput {
  content: MapContent
  shapes: MapShapes
  places: Place[]
  width: number
  height: number
}

export const MAP_FONT = 12
/** The least height of a narrow map's drawing, as a share of its width. */
const NARROW_RATIO = 1
const PAD = 8
/** The share of the map box kept around Cambodia, where the neighbours' names go. */
const MARGIN = 0.1

/**
 * Pushes overlapping circles apart, the smaller moving more, and out of the boxes to `avoid`
 * (the key), keeping them inside `bounds`; returns their new centres.
 */
function separate(
  circles: { x: number; y: number; r: number }[],
  bounds: Box,
  avoid: Box[],
): { x: number; y: number }[] {
  const at = circles.map((c) => ({ x: c.x, y: c.y }))
  for (let round = 0; round < 120; round++) {
    let moved = false
    for (let i = 0; i < at.length; i++) {
      for (let j = i + 1; j < at.length; j++) {
        const a = at[i]!
        const b = at[j]!
        const need = circles[i]!.r + circles[j]!.r + 2
        let dx = b.x - a.x
        let dy = b.y - a.y
        let d = Math.hypot(dx, dy)
        if (d >= need) continue
        if (d < 1e-6) [dx, dy, d] = [0.6, 0.8, 1]
        const push = need - d
        const ai = circles[i]!.r ** 2
        const bi = circles[j]!.r ** 2
        const share = ai / (ai + bi)
        a.x -= (dx / d) * push * (1 - share)
        a.y -= (dy / d) * push * (1 - share)
        b.x += (dx / d) * push * share
        b.y += (dy / d) * push * share
        moved = true
      }
    }
    for (const [i, c] of at.entries()) {
      const r = circles[i]!.r
      for (const box of avoid) {
        if (overlapArea(circleBox(c.x, c.y, r + 2), box) === 0) continue
        // Out by the shorter way: to the box's left or above it.
        const left = c.x + r + 2 - box.x0
        const up = c.y + r + 2 - box.y0
        if (left < up) c.x -= left
        else c.y -= up
        moved = true
      }
      c.x = Math.min(Math.max(c.x, bounds.x0 + r), bounds.x1 - r)
      c.y = Math.min(Math.max(c.y, bounds.y0 + r), bounds.y1 - r)
    }
    if (!moved) break
  }
  return at
}

/** A label request as the map makes them: its marks's spot, its words and what they name. */
interface MapLabelRequest {
  x: number
  y: number
  gap: number
  lines: string[]
  alternatives?: string[][]
  kind: MapModel['labels'][number]['kind']
  ways: Run<LabelRunKey>[][][]
  active: boolean
}

/**
 * Names in a column at x0, `width` px wide, between `top` and `bottom`: each as close as it can
 * be to its mark's height, in the order of their marks (so their leaders never cross), set on
 * one line when it fits, else on its own lines, wrapped at word boundaries.
 */
function columnLabels(
  requests: MapLabelRequest[],
  x0: number,
  width: number,
  top: number,
  bottom: number,
  font: number,
): MapModel['labels'] {
  const lh = lineHeightOf(font)
  const laid = [...requests]
    .sort((a, b) => a.y - b.y)
    .map((r) => {
      const fits = (lines: Run<LabelRunKey>[][]) =>
        lines.every((l) => textWidth(l.map((run) => run.text).join(''), font, true) <= width)
      const ways = [...r.ways].reverse()
      const way = ways.find(fits) ?? r.ways[0]!.flatMap((line) => wrapRuns(line, width, font, true))
      return { r, runs: way, h: way.length * lh, y: 0 }
    })
  // Top down, each below the one before; then bottom up, each above the one after.
  let next = top
  for (const l of laid) {
    l.y = Math.max(next, l.r.y - l.h / 2)
    next = l.y + l.h + 2
  }
  let limit = bottom
  for (const l of [...laid].reverse()) {
    l.y = Math.max(top, Math.min(l.y, limit - l.h))
    limit = l.y - 2
  }
  return laid.map(({ r, runs, h, y }) => {
    const w = Math.max(...runs.map((l) => textWidth(l.map((run) => run.text).join(''), font, true)))
    const box = { x0: x0, y0: y, x1: x0 + w, y1: y + h }
    const mid = y + h / 2
    const dx = r.x - (x0 + w + 3)
    const dy = r.y - mid
    const d = Math.hypot(dx, dy) || 1
    return {
      x: x0,
      y: y + font * 0.85,
      anchor: 'start' as const,
      lines: runs.map((l) => l.map((run) => run.text).join('')),
      lineHeight: lh,
      box,
      leader: { x1: x0 + w + 3, y1: mid, x2: r.x - (dx / d) * r.gap, y2: r.y - (dy / d) * r.gap },
      overlaps: false,
      choice: 0,
      kind: r.kind,
      runs,
      active: r.active,
    }
  })
}

/** The land (Cambodia and its neighbours) at one fit: a test for points, and counts by box. */
interface LandAtFit {
  /** Whether a point (px) lies on land (see pointsOnShapes). */
  onLand: (point: [number, number]) => boolean
  /** How many grid points of a box lie on land, by the box's corners. */
  counts: Map<string, number>
}

/**
 * The land at the last fit the build's shapes were laid out at: the sea's name tries the same
 * spots on every map step at one size, and counting the land under a spot was most of a map
 * step's layout.
 */
const landMemo: FitMemo<MapShapes, LandAtFit> = new WeakMap()

const landAt = (shapes: MapShapes, fit: Fit): LandAtFit =>
  atFit(landMemo, shapes, fit, () => ({
    onLand: pointsOnShapes([shapes.outline, ...shapes.neighbours.map((n) => n.rings)], fit),
    counts: new Map<string, number>(),
  }))

/** Lays the map's content out at a size. Pure (its memos hold only what the inputs decide). */
export function mapModel(input: MapInput): MapModel {
  const { content, width, height, shapes } = input
  const byId = new Map(input.places.map((p) => [p.id, p]))
  const active = new Set(content.activePlaceIds)
  // On narrow frames the names of circles and lit places stand in a column at the left, each
  // with a leader to its mark (in the order of their marks, so leaders never cross), and the
  // circles' key in a row under the map; on wide ones names sit beside their marks and the key
  // in the map's lower right corner. Either way, on every map step alike.
  const narrow = width < 600
  const keyBelow = narrow
  const column = narrow ? Math.round((width - PAD * 2) * 0.4) : 0
  /** The height the column of names needs at a font size, on the map step that needs most. */
  const columnNeed = (size: number) => {
    const lines = (ways: string[][]) =>
      (
        ways.find((w) => w.every((l) => textWidth(l, size, true) <= column - 6)) ??
        ways[ways.length - 1]!.flatMap((l) => wrapText(l, column - 6, size, true))
      ).length
    const needs = [...content.frameLabels, stepLabels(content)].map((labels) =>
      labels.reduce((h, ways) => h + lines(ways) * lineHeightOf(size) + 2, 0),
    )
    return Math.max(0, ...needs)
  }
  const radiusIn = (box: Box) => Math.max(10, Math.min(box.x1 - box.x0, box.y1 - box.y0) * 0.085)
  const footerW = width - PAD * 2
  /** The frame at a font size and drawing height: the room under the map, and the map's box. */
  const frameAt = (size: number, h: number) => {
    const lh = lineHeightOf(size)
    // The room under the map: the story's longest footer at this width, on every map step.
    const footerLines = (texts: string[]) =>
      texts.reduce((n, t) => n + wrapText(t, footerW, size).length, 0)
    const reserve = Math.max(0, ...content.frameFooters.map(footerLines))
    const foot = reserve ? reserve * lh + 6 : 0
    const keyRow =
      keyBelow && content.frameHasCircles
        ? Math.max(
            lh,
            radiusIn({ x0: PAD + column, y0: PAD, x1: width - PAD, y1: h - PAD - foot }) * 2,
          ) +
          lh +
          10
        : 0
    const mapBox: Box = { x0: PAD + column, y0: PAD, x1: width - PAD, y1: h - PAD - foot - keyRow }
    return { font: size, h, lh, keyRow, mapBox, room: mapBox.y1 - mapBox.y0 - columnNeed(size) }
  }
  // Names are set at 12 px on every screen: when the column of names does not fit beside the
  // map, the drawing grows taller (the graphic asks its page for that height), never smaller type.
  // (The key's row grows with the map, so the room is sought in a few steps.)
  // A narrow frame is at least as tall as it is wide: beside the column of names the
  // map then has room for its 12 px names of neighbours and sea, clear of circles and names.
  let chosen = frameAt(
    MAP_FONT,
    narrow ? Math.max(height, Math.ceil(width * NARROW_RATIO)) : height,
  )
  for (let i = 0; narrow && chosen.room < 0 && i < 4; i++) {
    chosen = frameAt(MAP_FONT, Math.ceil(chosen.h - chosen.room))
  }
  const { font, lh, keyRow, mapBox } = chosen
  const frameHeight = chosen.h

  // One fit for every map step: Cambodia with a margin for its neighbours' names.
  const base = fitRings(shapes.outline, mapBox)
  const shrink = 1 - (narrow ? MARGIN * 0.6 : MARGIN) * 2
  const centred: Fit = {
    k: base.k * shrink,
    tx: (mapBox.x0 + mapBox.x1) / 2 - ((mapBox.x0 + mapBox.x1) / 2 - base.tx) * shrink,
    ty: (mapBox.y0 + mapBox.y1) / 2 - ((mapBox.y0 + mapBox.y1) / 2 - base.ty) * shrink,
  }
  // Beside a column of names, the room to spare goes mostly to the west, over the gulf.
  const outlineBounds = ringsBounds(shapes.outline, centred)
  const spare = mapBox.x1 - outlineBounds.x1 + (outlineBounds.x0 - mapBox.x0)
  const fit: Fit = narrow ? { ...centred, tx: centred.tx + spare * 0.35 } : centred
  const project = (lon: number, lat: number) => apply(fit, toGrid(shapes, lon, lat))
  const middleOf = (iso: string | null | undefined): [number, number] | null => {
    const shape = shapes.provinces.find((s) => s.iso === iso)
    return shape ? centroid(shape.rings, fit) : null
  }
  /** Where a place sits: its coordinates, else the middle of its province's shape. */
  const locate = (place: Place): [number, number] => {
    if (place.latitude !== null && place.longitude !== null) {
      return project(place.longitude, place.latitude)
    }
    return (
      middleOf(provinceOf(place.id, byId)?.iso_code) ?? [
        (mapBox.x0 + mapBox.x1) / 2,
        (mapBox.y0 + mapBox.y1) / 2,
      ]
    )
  }

  const litIsos = new Set(
    [...active].map((id) => provinceOf(id, byId)?.iso_code).filter((iso) => iso !== undefined),
  )
  const provinceByIso = new Map(
    input.places.filter((p) => p.kind === 'province').map((p) => [p.iso_code!, p]),
  )
  const provinces = shapes.provinces.map((shape) => ({
    iso: shape.iso,
    name: shape.name,
    placeId: provinceByIso.get(shape.iso)?.id ?? null,
    d: ringsPath(shape.rings, fit),
    active: active.has(provinceByIso.get(shape.iso)?.id ?? ''),
    lit: litIsos.has(shape.iso),
  }))
  const regionOf = new Map(content.regions.map((r) => [r.iso, r]))
  const neighbours = shapes.neighbours.map((n) => {
    const placeId = regionOf.get(n.iso)?.placeId ?? null
    return {
      iso: n.iso,
      placeId,
      d: ringsPath(n.rings, fit),
      active: placeId !== null && active.has(placeId),
    }
  })

  // Circles: area follows the count on the story's one scale; pushed apart where they overlap.
  const maxRadius = radiusIn(mapBox)
  const radius = sqrtScale(content.bubbleMax, maxRadius)
  let sizeKey: MapModel['sizeKey'] = null
  if (content.sizeKey) {
    const rs = content.sizeKey.values.map((v) => radius(v))
    const big = Math.max(...rs)
    const labels = content.sizeKey.values.map((v) => formatNumber(v))
    const title = content.sizeKey.title
    if (keyBelow) {
      // A row under the map: the title and the circles side by side, the rings' key below.
      const y = mapBox.y1 + 4
      const rowH = Math.max(lh, big * 2)
      const base = y + rowH
      let x = PAD + textWidth(title, font, true) + 10
      const circles = rs.map((r, i) => {
        const circle = {
          r,
          cx: x + r,
          cy: base - r,
          label: labels[i]!,
          lx: x + r * 2 + 4,
          ly: base - r + font * 0.35,
        }
        x += r * 2 + 8 + textWidth(labels[i]!, font) + 10
        return circle
      })
      let ex = PAD
      const entries = content.key.map((entry) => {
        const at = { entry, x: ex, y: base + 4 }
        ex += KEY_SAMPLE + textWidth(entry.text, font) + 12
        return at
      })
      sizeKey = {
        x: PAD,
        y: y + rowH / 2 - lh / 2,
        title,
        circles,
        nested: false,
        entries,
        box: { x0: PAD, y0: y, x1: width - PAD, y1: base + 4 + lh },
      }
    } else {
      // A panel in the map's lower right corner: nested circles, then the rings' key.
      const labelW = Math.max(...labels.map((l) => textWidth(l, font)))
      const titleW = textWidth(title, font, true)
      const w =
        Math.max(
          titleW,
          big * 2 + 10 + labelW,
          ...content.key.map((e) => KEY_SAMPLE + textWidth(e.text, font)),
        ) + 8
      const h = lh + big * 2 + 8 + content.key.length * lh + 4
      const x = mapBox.x1 - w
      const y = mapBox.y1 - h
      const cx = x + 4 + big
      const bottom = y + lh + big * 2 + 4
      sizeKey = {
        x: x + 4,
        y,
        title,
        circles: rs.map((r, i) => ({
          r,
          cx,
          cy: bottom - r,
          label: labels[i]!,
          lx: cx + big + 10,
          ly: bottom - 2 * r + font * 0.35,
        })),
        nested: true,
        entries: content.key.map((entry, i) => ({ entry, x: x + 4, y: bottom + 4 + i * lh })),
        box: { x0: x, y0: y, x1: x + w, y1: y + h },
      }
    }
  }

  const spotsOf = content.bubbles.map((b) => ({ ...b, at: locate(b.place) }))
  const circles = spotsOf.map((b) => ({
    x: b.at[0],
    y: b.at[1],
    r: Math.max(2.5, radius(b.amount)),
  }))
  const moved = separate(circles, mapBox, sizeKey && !keyBelow ? [sizeKey.box] : [])
  const bubbles = spotsOf.map((b, i) => {
    const { x, y } = moved[i]!
    const [ax, ay] = b.at
    const shifted = Math.hypot(x - ax, y - ay) > 1.5
    return {
      figureId: b.figureId,
      placeId: b.place.id,
      name: b.name,
      x,
      y,
      r: circles[i]!.r,
      anchor: shifted ? { x: ax, y: ay } : null,
      text: b.value,
      shape: b.shape,
    }
  })

  // Every place with a spot that is not a whole province is a dot.
  const points = input.places
    .filter((p) => p.kind !== 'country' && p.kind !== 'province' && mappable(p, byId))
    .map((p) => {
      const [x, y] = locate(p)
      return { id: p.id, name: p.name, x, y, active: active.has(p.id) }
    })
  const capitalPlace = content.capital?.place ?? null
  const capitalAt = capitalPlace ? locate(capitalPlace) : null
  const capital =
    capitalPlace && capitalAt
      ? {
          placeId: capitalPlace.id,
          x: capitalAt[0],
          y: capitalAt[1],
          active: content.capital!.active,
        }
      : null

  // Lit places share one label per spot (a site and the city it is in are often given the
  // same coordinates); a lit province is named in its middle.
  const spots = new Map<string, { x: number; y: number; names: Place[] }>()
  for (const p of content.spots) {
    const middle = p.kind === 'province' ? middleOf(p.iso_code) : null
    const [x, y] = middle ?? locate(p)
    const key = `${Math.round(x / 4)},${Math.round(y / 4)}`
    const spot = spots.get(key) ?? { x, y, names: [] }
    spot.names.push(p)
    spots.set(key, spot)
  }
  const spotList = [...spots.values()]
  const capitalNamed =
    bubbles.some((b) => b.placeId === capital?.placeId) ||
    spotList.some((s) => s.names.some((p) => p.id === capital?.placeId))

  // Names: circles' (biggest first), lit places', then the capital, the country and neighbours.
  const obstacles: Box[] = [
    ...bubbles.map((b) => circleBox(b.x, b.y, b.r + 1)),
    ...points.filter((p) => p.active).map((p) => circleBox(p.x, p.y, 5)),
    ...spotList.map((s) => circleBox(s.x, s.y, 5)),
    ...(capital ? [circleBox(capital.x, capital.y, 4)] : []),
    ...(sizeKey ? [sizeKey.box] : []),
  ]
  type Request = MapLabelRequest
  const place = (id: string | null) => ({ placeId: id, figureId: null })
  const requests: Request[] = [
    ...bubbles.map((b) => {
      const name = { text: b.name, key: place(b.placeId) }
      const value = { text: b.text, key: { placeId: null, figureId: b.figureId } }
      return {
        x: b.x,
        y: b.y,
        gap: b.r + (b.shape.end === 'open' || b.shape.range ? 3 : 0),
        lines: [b.name, b.text],
        alternatives: [[`${isolate(b.name)} ${b.text}`]],
        kind: 'bubble' as const,
        ways: [[[name], [value]], [[name, { text: ' ', key: place(null) }, value]]],
        active: true,
      }
    }),
    ...spotList.map((s) => {
      const names = [...s.names].sort(
        (a, b) => (KIND_ORDER[a.kind] ?? 3) - (KIND_ORDER[b.kind] ?? 3),
      )
      return {
        x: s.x,
        y: s.y,
        gap: 5,
        lines: names.map((p) => p.name),
        kind: 'spot' as const,
        ways: [names.map((p) => [{ text: p.name, key: place(p.id) }])],
        active: true,
      }
    }),
    ...(capital && !capitalNamed
      ? [
          {
            x: capital.x,
            y: capital.y,
            gap: 4,
            lines: [capitalPlace!.name],
            kind: 'capital' as const,
            ways: [[[{ text: capitalPlace!.name, key: place(capital.placeId) }]]],
            active: capital.active,
          },
        ]
      : []),
  ]
  const frame: Box = { x0: 0, y0: 0, x1: width, y1: mapBox.y1 + PAD / 2 }
  const land = landAt(shapes, fit)
  /** How many points of a grid over a box (every 3 px or so, edges included) lie on land. */
  const landIn = (box: Box) => {
    const key = `${box.x0},${box.y0},${box.x1},${box.y1}`
    const known = land.counts.get(key)
    if (known !== undefined) return known
    const n = countLand(box)
    land.counts.set(key, n)
    return n
  }
  const countLand = (box: Box) => {
    const across = Math.max(2, Math.ceil((box.x1 - box.x0) / 3))
    const down = Math.max(2, Math.ceil((box.y1 - box.y0) / 3))
    let n = 0
    for (let i = 0; i <= across; i++)
      for (let j = 0; j <= down; j++) {
        const p: [number, number] = [
          box.x0 + ((box.x1 - box.x0) * i) / across,
          box.y0 + ((box.y1 - box.y0) * j) / down,
        ]
        if (land.onLand(p)) n++
      }
    return n
  }
  const inMap = narrow ? requests.filter((r) => r.kind === 'capital') : requests
  const inColumn = narrow ? requests.filter((r) => r.kind !== 'capital') : []
  const columnPlaced = columnLabels(inColumn, PAD, column - 6, mapBox.y0, mapBox.y1, font)
  const leaders = columnPlaced.flatMap((c) => (c.leader ? [c.leader] : []))
  // Fixed names (the country, its neighbours, the sea) go where they belong, as obstacles.
  // Fixed names (the country, its neighbours, the sea) at the first of their spots that is free
  // of circles, lit places, the key, names and leaders; else at their first spot.
  const taken: Box[] = [...obstacles, ...columnPlaced.map((c) => c.box)]
  const fixedPlaced = [
    {
      text: COUNTRY_LABEL.text,
      at: COUNTRY_LABEL.at,
      kind: 'country' as const,
      placeId: content.country.placeId,
      active: content.country.active,
    },
    ...REGIONS.map((r) => {
      const placeId = regionOf.get(r.iso)?.placeId ?? null
      return {
        text: r.text,
        at: r.at,
        kind: 'region' as const,
        placeId,
        active: placeId !== null && active.has(placeId),
      }
    }),
  ].map((f) => {
    // On one line, or (a name of several words) on two.
    const words = f.text.split(' ')
    const half = Math.ceil(words.length / 2)
    const forms =
      words.length > 1
        ? [[f.text], [words.slice(0, half).join(' '), words.slice(half).join(' ')]]
        : [[f.text]]
    const spots = forms.flatMap((lines) =>
      f.at.map(([lon, lat]) => {
        const w = Math.max(...lines.map((l) => textWidth(l, font, true) + l.length * font * 0.06))
        const h = lines.length * lh
        const [x, y] = project(lon, lat)
        // (On a narrow frame, a name may reach into the column of names where it is free.)
        const left = narrow ? PAD : mapBox.x0
        const cx = Math.min(Math.max(x, left + w / 2 + 2), frame.x1 - w / 2 - 2)
        const top = Math.min(Math.max(y - h / 2, frame.y0 + 2), frame.y1 - h - 2)
        return { lines, cx, top, box: { x0: cx - w / 2, y0: top, x1: cx + w / 2, y1: top + h } }
      }),
    )
    // Covering a mark or a name is worse than crossing a leader line; the sea's name on land
    // (a spot pushed inland by the frame's edge) is worse than either.
    const cost = (box: Box) =>
      taken.reduce((c, o) => c + overlapArea(box, o), 0) +
      leaders.filter((l) => segmentCrosses(l, box)).length * 20 +
      (f.kind === 'region' && f.text === SEA ? landIn(box) * 10_000 : 0)
    // The first free spot, else the cheapest (the first of equals); each cost worked out once.
    let spot = spots[0]!
    let best = Infinity
    for (const sp of spots) {
      const c = cost(sp.box)
      if (c < best) [spot, best] = [sp, c]
      if (c === 0) break
    }
    // A leader line through a name is allowed as a last resort; a covered mark or name is not.
    const clear = !taken.some((o) => overlapArea(spot.box, o) > 0)
    taken.push(spot.box)
    return {
      x: spot.cx,
      y: spot.top + font * 0.85,
      anchor: 'middle' as const,
      lines: spot.lines,
      lineHeight: lh,
      box: spot.box,
      leader: null,
      overlaps: !clear,
      choice: 0,
      kind: f.kind,
      runs: spot.lines.map((line) => [{ text: line, key: place(f.placeId) }]),
      active: f.active,
    }
  })
  const placed = placeLabels(
    inMap.map((r) => ({
      x: r.x,
      y: r.y,
      gap: r.gap,
      lines: r.lines,
      ...(r.alternatives ? { alternatives: r.alternatives } : {}),
      fontSize: font,
    })),
    [...obstacles, ...fixedPlaced.map((f) => f.box), ...columnPlaced.map((c) => c.box)],
    frame,
    leaders,
  )
  const labels = [
    ...placed.map((p, i) => {
      const r = inMap[i]!
      return { ...p, kind: r.kind, runs: r.ways[p.choice]!, active: r.active }
    }),
    ...columnPlaced,
    ...fixedPlaced,
  ]

  let y = mapBox.y1 + keyRow + PAD
  const footer = content.footer.map((line) => {
    const lines = wrapRuns(footerRuns(line), footerW, font)
    const top = y
    y += lines.length * lh
    return { ...line, lines, y: top + font * 0.85 }
  })

  return {
    width,
    height: Math.max(frameHeight, Math.ceil(y + PAD / 2)),
    neighbours,
    outline: {
      d: ringsPath(shapes.outline, fit),
      placeId: content.country.placeId,
      active: content.country.active,
    },
    provinces,
    points,
    capital,
    bubbles,
    labels,
    sizeKey,
    footer,
    fontSize: font,
    overlaps: labels.filter((l) => l.overlaps).length,
  }
}

/** The width of a label's lines, as the placement measured them (bold), for tests. */
export const labelWidth = (lines: string[], font: number): number => linesWidth(lines, font, true)
