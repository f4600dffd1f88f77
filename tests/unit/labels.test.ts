// Label placement without a DOM: labels kept apart from each other and inside the frame.
import { describe, expect, test } from 'vitest'
import { overlapArea, placeLabels } from '../../web/src/charts/labels'

const frame = { x0: 0, y0: 0, x1: 300, y1: 200 }

describe('placeLabels', () => {
  test('labels of nearby anchors do not overlap each other', () => {
    const requests = [
      { x: 150, y: 100, gap: 10, lines: ['Phnom Penh', '14'], fontSize: 12 },
      { x: 156, y: 104, gap: 10, lines: ['Kandal', '18'], fontSize: 12 },
      { x: 150, y: 112, gap: 4, lines: ['Takeo'], fontSize: 12 },
    ]
    const placed = placeLabels(requests, [], frame)
    for (let i = 0; i < placed.length; i++)
      for (let j = i + 1; j < placed.length; j++)
        expect(overlapArea(placed[i]!.box, placed[j]!.box)).toBe(0)
    expect(placed.every((p) => !p.overlaps)).toBe(true)
  })

  test('a label near the edge turns inwards', () => {
    const [label] = placeLabels(
      [{ x: 295, y: 100, gap: 4, lines: ['Svay Rieng'], fontSize: 12 }],
      [],
      frame,
    )
    expect(label!.box.x1).toBeLessThanOrEqual(300)
    expect(label!.box.x0).toBeGreaterThanOrEqual(0)
    expect(label!.anchor).toBe('end')
  })

  test('obstacles are avoided', () => {
    const obstacle = { x0: 104, y0: 80, x1: 200, y1: 120 }
    const [label] = placeLabels(
      [{ x: 100, y: 100, gap: 2, lines: ['Pursat'], fontSize: 12 }],
      [obstacle],
      frame,
    )
    expect(overlapArea(label!.box, obstacle)).toBe(0)
  })

  test('when nothing is free the least bad spot is kept and flagged', () => {
    const everything = { x0: 0, y0: 0, x1: 300, y1: 200 }
    const [label] = placeLabels(
      [{ x: 150, y: 100, gap: 2, lines: ['Kep'], fontSize: 12 }],
      [everything],
      frame,
    )
    expect(label!.overlaps).toBe(true)
  })
})
