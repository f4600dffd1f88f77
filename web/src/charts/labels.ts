// Label placement without a DOM: try spots around each anchor and keep the first that overlaps
// nothing already placed and stays inside the frame (or the least bad one).
import { textWidth } from './text'

export interface Box {
  x0: number
  y0: number
  x1: number
  y1: number
}

export interface LabelRequest {
  x: number
  y: number
  /** Distance from the anchor to keep clear (a mark's radius). */
  gap: number
  lines: string[]
  fontSize: number
}

export interface PlacedLabel {
  x: number
  /** Baseline of the first line. */
  y: number
  anchor: 'start' | 'middle' | 'end'
  lines: string[]
  lineHeight: number
  box: Box
  /** True when no spot was free and this one overlaps something. */
  overlaps: boolean
}

export function overlapArea(a: Box, b: Box): number {
  const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0)
  const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0)
  return w > 0 && h > 0 ? w * h : 0
}

function outside(box: Box, frame: Box): number {
  const area = (box.x1 - box.x0) * (box.y1 - box.y0)
  return area - overlapArea(box, frame)
}

const SPOTS = [
  { dx: 1, dy: 0, anchor: 'start' },
  { dx: -1, dy: 0, anchor: 'end' },
  { dx: 0, dy: -1, anchor: 'middle' },
  { dx: 0, dy: 1, anchor: 'middle' },
  { dx: 0.7, dy: -0.7, anchor: 'start' },
  { dx: 0.7, dy: 0.7, anchor: 'start' },
  { dx: -0.7, dy: -0.7, anchor: 'end' },
  { dx: -0.7, dy: 0.7, anchor: 'end' },
] as const

function candidate(req: LabelRequest, spot: (typeof SPOTS)[number]): PlacedLabel {
  const lineHeight = Math.round(req.fontSize * 1.2)
  // Map labels are set in bold: measure them so.
  const w = Math.max(...req.lines.map((l) => textWidth(l, req.fontSize, true)))
  const h = lineHeight * req.lines.length
  const gap = req.gap + 3
  const ax = req.x + spot.dx * gap
  const ay = req.y + spot.dy * gap
  const x0 = spot.anchor === 'start' ? ax : spot.anchor === 'end' ? ax - w : ax - w / 2
  // Vertically: beside the anchor the block is centred; above it ends, below it starts there.
  const y0 = spot.dy < 0 ? ay - h : spot.dy > 0 ? ay : ay - h / 2
  const box = { x0, y0, x1: x0 + w, y1: y0 + h }
  return {
    x: ax,
    y: y0 + req.fontSize * 0.85,
    anchor: spot.anchor,
    lines: req.lines,
    lineHeight,
    box,
    overlaps: false,
  }
}

/** Places labels in the order given (put the most important first). */
export function placeLabels(requests: LabelRequest[], obstacles: Box[], frame: Box): PlacedLabel[] {
  const placed: PlacedLabel[] = []
  for (const req of requests) {
    let best: PlacedLabel | null = null
    let bestScore = Infinity
    for (const spot of SPOTS) {
      const c = candidate(req, spot)
      const hits =
        obstacles.reduce((s, o) => s + overlapArea(c.box, o), 0) +
        placed.reduce((s, p) => s + overlapArea(c.box, p.box), 0)
      const score = hits + outside(c.box, frame) * 10
      if (score < bestScore) [best, bestScore] = [c, score]
      if (score === 0) break
    }
    placed.push({ ...best!, overlaps: bestScore > 0 })
  }
  return placed
}
