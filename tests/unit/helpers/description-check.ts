// The contract between a step's words and its graphic, checked on the SVG itself (as the server
// renders it in the unit tests, as the browser holds it in the browser tests): every label drawn
// is in the description, every figure and lit or labelled place drawn is named there, and every
// place and number the description names is drawn. Axis ticks (data-role="axis") are the only
// text the description need not repeat word for word; it names each axis by its ends.
// A long story's step may name its lit marks and count the rest ("Also drawn: 37 earlier
// reports, listed in the table “…” under the graphic", see web/src/charts/scenes/words.ts): the
// check accepts that only when the count is exactly the marks drawn unlit, the table is one of
// the story's, and those marks are the only ones left unnamed.
import type { Story } from '../../../worker/model'
import { sceneTexts } from '../../../web/src/charts/scenes'
import { formatValue } from '../../../worker/shared/format'

/** A node of a parsed SVG: an element with its attributes and children, or a piece of text. */
type Node = { tag: string; attrs: Record<string, string>; children: Node[] } | { text: string }

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }
const decode = (s: string) =>
  s.replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (m, e: string) =>
    e.startsWith('#x') || e.startsWith('#X')
      ? String.fromCodePoint(parseInt(e.slice(2), 16))
      : e.startsWith('#')
        ? String.fromCodePoint(parseInt(e.slice(1), 10))
        : (ENTITIES[e] ?? m),
  )

/** Parses the SVG markup a scene renders (server-rendered or a browser's outerHTML). */
export function parseSvg(markup: string): Node {
  const root: Node = { tag: '#root', attrs: {}, children: [] }
  const stack = [root]
  const clean = markup.replace(/<!--[\s\S]*?-->/g, '')
  const tag = /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[^\s=>/]+(?:="[^"]*")?)*)\s*(\/?)>|([^<]+)/g
  for (const m of clean.matchAll(tag)) {
    const parent = stack[stack.length - 1] as Extract<Node, { tag: string }>
    if (m[5] !== undefined) {
      parent.children.push({ text: decode(m[5]) })
      continue
    }
    const [, closing, name, rawAttrs, selfClosing] = m
    if (closing) {
      stack.pop()
      continue
    }
    const attrs: Record<string, string> = {}
    for (const a of rawAttrs!.matchAll(/([^\s=]+)(?:="([^"]*)")?/g))
      attrs[a[1]!] = decode(a[2] ?? '')
    const node: Node = { tag: name!.toLowerCase(), attrs, children: [] }
    parent.children.push(node)
    if (!selfClosing) stack.push(node)
  }
  return root
}

/** A text element as drawn: its lines and the role of the group it is in. */
export interface DrawnText {
  lines: string[]
  role: string | null
  /** The figure the text labels (its own data-figure-id or its group's), or null. */
  figureId: number | null
}

/** An element that stands for a place, a figure or an event. */
export interface DrawnMark {
  placeId: string | null
  figureId: number | null
  eventId: string | null
  active: boolean
  /** The element is (part of) a text. */
  text: boolean
}

/** What a graphic's SVG draws, for the check. */
export interface Drawing {
  texts: DrawnText[]
  marks: DrawnMark[]
}

const textOf = (node: Node): string =>
  'text' in node ? node.text : node.children.map(textOf).join('')

/** What the SVG draws: its texts (line by line) and the elements that carry data ids. */
export function drawingOf(markup: string): Drawing {
  const texts: DrawnText[] = []
  const marks: DrawnMark[] = []
  const walk = (node: Node, role: string | null, inText: boolean, figureOf: number | null) => {
    if ('text' in node) return
    const here = node.attrs['data-role'] ?? role
    const own = node.attrs['data-figure-id']
    const figureHere = own ? Number(own) : figureOf
    const isText = inText || node.tag === 'text'
    if (node.tag === 'text') {
      // Lines are the tspans given their own x; a text without them is one line.
      const lines = node.children
        .filter((c): c is Extract<Node, { tag: string }> => 'tag' in c && c.tag === 'tspan')
        .filter((c) => 'x' in c.attrs)
        .map(textOf)
      texts.push({
        lines: (lines.length ? lines : [textOf(node)]).filter((l) => l.trim()),
        role: here,
        figureId: figureHere,
      })
    }
    const placeId = node.attrs['data-place-id'] ?? null
    const figure = node.attrs['data-figure-id']
    const eventId = node.attrs['data-event-id'] ?? null
    if (placeId || figure || eventId) {
      marks.push({
        placeId,
        figureId: figure ? Number(figure) : null,
        eventId,
        active: node.attrs['data-active'] === 'true',
        text: isText,
      })
    }
    for (const child of node.children) walk(child, here, isText, figureHere)
  }
  walk(parseSvg(markup), null, false, null)
  return { texts, marks }
}

/** Lower case, punctuation and spacing folded: how a line is looked for in the words. */
export const fold = (s: string): string =>
  ` ${s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}%]+/gu, ' ')
    .trim()} `

const NUMBER = /\d+(?:[.,]\d+)*%?/g
/** The words outside “quotations”: what the description says in its own voice. */
const unquoted = (s: string) => s.replace(/“[^”]*”/g, ' ')
/** A summary of marks by count (see summarisedMarks): its count, what it counts, its table. */
const SUMMARY = /(\d[\d,]*) (?:earlier )?([a-z]+), listed in the table “([^”]+)” under the graphic/g
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * Every way a description and its drawing disagree, as sentences (none when they agree):
 * a label drawn but not in the words, a figure or lit place drawn but not named, a place or a
 * number named but not drawn.
 */
export function checkDescription(description: string, drawing: Drawing, story: Story): string[] {
  const problems: string[] = []
  const words = fold(description)
  const lower = description.toLowerCase()

  // Marks summed up by count: accepted only when the count is every figure drawn unlit (a mark
  // that is not text, none of whose elements is lit) and the table it points to is the story's.
  const summaries = [...description.matchAll(SUMMARY)]
  const counted = new Set<number>()
  if (summaries.length > 1) problems.push(`${summaries.length} summaries of marks; give one`)
  const summary = summaries[0]
  if (summary) {
    const lit = new Set(drawing.marks.filter((m) => m.active).map((m) => m.figureId))
    for (const m of drawing.marks) {
      if (m.figureId !== null && !m.text && !lit.has(m.figureId)) counted.add(m.figureId)
    }
    const stated = Number(summary[1]!.replace(/,/g, ''))
    if (stated !== counted.size) {
      problems.push(
        `summary counts ${stated} ${summary[2]}, but ${counted.size} marks are drawn unlit`,
      )
    }
    const captions = sceneTexts(story).flatMap((t) => t.tables.map((table) => table.caption))
    if (!captions.includes(summary[3]!)) {
      problems.push(`summary points to a table the story lacks: “${summary[3]}”`)
    }
  }
  // In a summary, a label of a counted mark need not be in the words; nor need a label with no
  // figure of its own (a series' heading or note) next to one, before or after it.
  const labelled = drawing.texts.map((t, i) => ({ ...t, i })).filter((t) => t.figureId !== null)
  const isCounted = (text: DrawnText & { i: number }) => {
    if (!counted.size) return false
    if (text.figureId !== null) return counted.has(text.figureId)
    const before = labelled.findLast((t) => t.i < text.i)
    const after = labelled.find((t) => t.i > text.i)
    return [before, after].some((t) => t !== undefined && counted.has(t.figureId!))
  }

  // Every label drawn (but the axes' ticks and the counted marks') is in the words.
  drawing.texts.forEach((text, i) => {
    if (text.role === 'axis' || isCounted({ ...text, i })) return
    for (const line of text.lines) {
      if (!words.includes(fold(line))) problems.push(`label drawn, not described: "${line}"`)
    }
  })
  // Every figure drawn (but the counted ones) is named, by its value or as the source gave it.
  for (const id of new Set(drawing.marks.map((m) => m.figureId).filter((f) => f !== null))) {
    if (counted.has(id)) continue
    const figure = story.figures.find((f) => f.id === id)
    if (!figure) {
      problems.push(`figure ${id} drawn, not in the story`)
      continue
    }
    const value = formatValue(figure)
    if (!description.includes(value) && !description.includes(figure.display)) {
      problems.push(`figure drawn, not named: ${figure.display} (${value})`)
    }
  }
  // Every place lit or labelled is named.
  const named = new Set(
    drawing.marks.filter((m) => m.placeId && (m.active || m.text)).map((m) => m.placeId!),
  )
  for (const id of named) {
    const place = story.places.find((p) => p.id === id)
    if (!place) problems.push(`place ${id} drawn, not in the story`)
    else if (!lower.includes(place.name.toLowerCase())) {
      problems.push(`place lit or labelled, not named: ${place.name}`)
    }
  }

  // Every place the words name (longest names first, in their own voice) is drawn and labelled.
  let own = unquoted(description)
  // A name may be wrapped over the lines of its label.
  const allLines = drawing.texts.map((t) => t.lines.join(' ').toLowerCase())
  for (const place of [...story.places].sort((a, b) => b.name.length - a.name.length)) {
    const pattern = new RegExp(`(?<![\\p{L}])${escape(place.name)}(?![\\p{L}])`, 'iu')
    if (!pattern.test(own)) continue
    own = own.replace(new RegExp(pattern.source, 'giu'), ' ')
    if (!drawing.marks.some((m) => m.placeId === place.id)) {
      problems.push(`place named, not drawn: ${place.name}`)
    }
    if (!allLines.some((l) => l.includes(place.name.toLowerCase()))) {
      problems.push(`place named, not labelled: ${place.name}`)
    }
  }
  // Every number the words give in their own voice (but a summary's count) is written on the
  // graphic.
  const drawnNumbers = new Set(drawing.texts.flatMap((t) => t.lines.join(' ').match(NUMBER) ?? []))
  for (const n of unquoted(description.replace(SUMMARY, ' ')).match(NUMBER) ?? []) {
    if (!drawnNumbers.has(n)) problems.push(`number named, not drawn: ${n}`)
  }
  return problems
}
