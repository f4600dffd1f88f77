// Label placement without a DOM: each label tries spots around its anchor, nearest first, then
// further out (drawn with a leader line back to its mark), and keeps the first spot that overlaps
// no label already placed and no mark, inside the frame; when none is free, the least bad one,
// flagged. Sizes come from the charts' text measure (./text.ts), so nothing is cut to fit.
import { linesWidth } from './text'

/** An axis-aligned rectangle in px. */
export interface Box {
  x0: number
  y0: number
  x1: number
  y1: number
}

/** A label to place: an anchor (the mark's centre), the mark's radius, and the lines. */
export interface LabelRequest {
  x: number
  y: number
  /** Distance from the anchor to keep clear (a mark's radius). */
  gap: number
  lines: string[]
  /** Other ways to set the same words ('Pailin 1' for 'Pailin' over '1'), tried after `lines`. */
  alternatives?: string[][]
  fontSize: number
}

/** A placed label: where its lines go, its box, and the leader line back to its mark, if any. */
export interface PlacedLabel {
  /** The x the lines start from (with `anchor`). */
  x: number
  /** Baseline of the first line. */
  y: number
  anchor: 'start' | 'middle' | 'end'
  lines: string[]
  lineHeight: number
  box: Box
  /** From the mark's edge to the label, when the label sits away from its mark. */
  leader: { x1: number; y1: number; x2: number; y2: number } | null
  /** True when no spot was free and this one overlaps something. */
  overlaps: boolean
  /** Which way of setting the words was used: 0 for `lines`, 1 for the first alternative... */
  choice: number
}

/** The area two boxes share (0 when they do not touch). */
export function overlapArea(a: Box, b: Box): number {
  const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0)
  const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0)
  return w > 0 && h > 0 ? w * h : 0
}

/** The box of a circle. */
export function circleBox(x: number, y: number, r: number): Box {
  return { x0: x - r, y0: y - r, x1: x + r, y1: y + r }
}

/** A straight line between two points (a leader line). */
export interface Segment {
  x1: number
  y1: number
  x2: number
  y2: number
}

/** True when the segment passes through the box (Liang-Barsky clipping). */
export function segmentCrosses(seg: Segment, box: Box): boolean {
  let t0 = 0
  let t1 = 1
  const dx = seg.x2 - seg.x1
  const dy = seg.y2 - seg.y1
  const edges: [number, number][] = [
    [-dx, seg.x1 - box.x0],
    [dx, box.x1 - seg.x1],
    [-dy, seg.y1 - box.y0],
    [dy, box.y1 - seg.y1],
  ]
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return false
      continue
    }
    const t = q / p
    if (p < 0) t0 = Math.max(t0, t)
    else t1 = Math.min(t1, t)
    if (t0 > t1) return false
  }
  return true
}

function outside(box: Box, frame: Box): number {
  const area = (box.x1 - box.x0) * (box.y1 - box.y0)
  return area - overlapArea(box, frame)
}

/** Directions to try, nearest first: right, left, above, below, then the diagonals. */
const DIRECTIONS = [
  [1, 0],
  [-1, 0],
  [0, -1],
  [0, 1],
  [0.7, -0.7],
  [0.7, 0.7],
  [-0.7, -0.7],
  [-0.7, 0.7],
] as const
/** Extra distances from the mark's edge, in px: beside it first, then with a leader line. */
const RINGS = [3, 12, 24, 40, 60, 85]
/** Further out, directions between those too. */
const MORE_DIRECTIONS = [
  [0.92, -0.38],
  [0.92, 0.38],
  [-0.92, -0.38],
  [-0.92, 0.38],
  [0.38, -0.92],
  [0.38, 0.92],
  [-0.38, -0.92],
  [-0.38, 0.92],
] as const

function candidate(
  req: LabelRequest,
  lines: string[],
  choice: number,
  [dx, dy]: readonly [number, number],
  ring: number,
): PlacedLabel {
  const lineHeight = Math.round(req.fontSize * 1.2)
  // Measured as bold, the heavier of the weights labels are set in.
  const w = linesWidth(lines, req.fontSize, true)
  const h = lineHeight * lines.length
  const gap = req.gap + ring
  const ax = req.x + dx * gap
  const ay = req.y + dy * gap
  const anchor: PlacedLabel['anchor'] = dx > 0.1 ? 'start' : dx < -0.1 ? 'end' : 'middle'
  const x0 = anchor === 'start' ? ax : anchor === 'end' ? ax - w : ax - w / 2
  // Vertically: beside the anchor the block is centred; above it ends, below it starts there.
  const y0 = dy < -0.1 ? ay - h : dy > 0.1 ? ay : ay - h / 2
  const box = { x0, y0, x1: x0 + w, y1: y0 + h }
  let leader: PlacedLabel['leader'] = null
  if (ring > RINGS[0]!) {
    // From the mark's edge to the nearest point of the label's box.
    const tx = Math.min(Math.max(req.x, box.x0), box.x1)
    const ty = Math.min(Math.max(req.y, box.y0), box.y1)
    const d = Math.hypot(tx - req.x, ty - req.y) || 1
    leader = {
      x1: req.x + ((tx - req.x) / d) * req.gap,
      y1: req.y + ((ty - req.y) / d) * req.gap,
      x2: tx,
      y2: ty,
    }
  }
  return {
    x: ax,
    y: y0 + req.fontSize * 0.85,
    anchor,
    lines,
    lineHeight,
    box,
    leader,
    overlaps: false,
    choice,
  }
}

/**
 * Places labels in the order given (put the most important first), each clear of the labels
 * before it, of `obstacles` (marks), of `leaders` (lines already drawn) and inside `frame`
 * when any spot allows.
 */
export function placeLabels(
  requests: LabelRequest[],
  obstacles: Box[],
  frame: Box,
  leaders: Segment[] = [],
): PlacedLabel[] {
  const placed: PlacedLabel[] = []
  for (const req of requests) {
    let best: PlacedLabel | null = null
    let bestScore = Infinity
    const ways = [req.lines, ...(req.alternatives ?? [])]
    search: for (const [r, ring] of RINGS.entries()) {
      for (const [choice, lines] of ways.entries())
        for (const direction of r < 2 ? DIRECTIONS : [...DIRECTIONS, ...MORE_DIRECTIONS]) {
          const c = candidate(req, lines, choice, direction, ring)
          // Covering another label is worse than touching a mark.
          const hits =
            obstacles.reduce((s, o) => s + overlapArea(c.box, o), 0) +
            placed.reduce((s, p) => s + overlapArea(c.box, p.box), 0) * 3 +
            leaders.filter((l) => segmentCrosses(l, c.box)).length * 100
          const score = hits + outside(c.box, frame) * 10
          if (score < bestScore) [best, bestScore] = [c, score]
          if (score === 0) break search
        }
    }
    placed.push({ ...best!, overlaps: bestScore > 0 })
  }
  return placed
}
