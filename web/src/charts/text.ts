// Text measured without a DOM: the chart models place and wrap labels by this measure, so that
// the server and every browser lay a chart out the same way, and the layout holds whatever
// sans-serif the reader's system gives. The widths are the advance widths of DejaVu Sans and
// DejaVu Sans Bold (Bitstream Vera licence), the widest of the common system sans-serifs in the
// page's font stack: text set in Segoe UI, San Francisco, Roboto or Helvetica comes out
// narrower, never wider. The browser tests check the layouts with the glyphs Chromium draws.

/** The printable ASCII characters, in code order from the space (U+0020) to the tilde (U+007E). */
const ASCII_FROM = 32
/** Advance widths of U+0020..U+007E, in thousandths of an em. */
const REGULAR = [
  317, 400, 459, 837, 636, 950, 779, 274, 390, 390, 500, 837, 317, 360, 317, 336, 636, 636, 636,
  636, 636, 636, 636, 636, 636, 636, 336, 336, 837, 837, 837, 530, 1000, 684, 686, 698, 770, 631,
  575, 774, 751, 294, 294, 655, 557, 862, 748, 787, 603, 787, 694, 634, 610, 731, 684, 988, 685,
  610, 685, 390, 336, 390, 837, 500, 500, 612, 634, 549, 634, 615, 352, 634, 633, 277, 277, 579,
  277, 974, 633, 611, 634, 634, 411, 520, 392, 633, 591, 817, 591, 591, 524, 636, 336, 636, 837,
]
const BOLD = [
  348, 456, 520, 837, 695, 1001, 872, 306, 457, 457, 522, 837, 379, 415, 379, 365, 695, 695, 695,
  695, 695, 695, 695, 695, 695, 695, 399, 399, 837, 837, 837, 580, 1000, 773, 762, 733, 830, 683,
  683, 820, 836, 372, 372, 774, 637, 995, 836, 850, 732, 850, 770, 720, 682, 812, 773, 1103, 770,
  724, 725, 457, 365, 457, 837, 500, 500, 674, 715, 592, 715, 678, 435, 715, 711, 342, 342, 665,
  342, 1041, 711, 687, 715, 715, 493, 595, 478, 711, 651, 923, 645, 651, 582, 711, 365, 711, 837,
]
/** Typographic punctuation the story's text uses, outside ASCII: [regular, bold]. */
const EXTRA: Record<string, [number, number]> = {
  '’': [317, 379],
  '‘': [317, 379],
  '“': [518, 657],
  '”': [518, 657],
  '–': [500, 500],
  '—': [1000, 1000],
  '…': [1000, 1000],
  '·': [317, 379],
}
/** Any other character (accented letters, other scripts): as wide as a capital M, to be safe. */
const OTHER: [number, number] = [862, 995]

/** Width in px of one character at 1 px, regular or bold. */
function advance(char: string, bold: boolean): number {
  const code = char.codePointAt(0) ?? 0
  const table = bold ? BOLD : REGULAR
  const ascii = table[code - ASCII_FROM]
  const width = ascii ?? EXTRA[char]?.[bold ? 1 : 0] ?? OTHER[bold ? 1 : 0]
  return width / 1000
}

/**
 * Width in px of one line of sans-serif text at `fontSize` px (bold or regular), by the advance
 * widths above: what the glyphs of DejaVu Sans take, the most any font of the page's stack does.
 */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let em = 0
  for (const char of text) em += advance(char, bold)
  return em * fontSize
}

/**
 * Splits text into lines no wider than `maxWidth` (by `textWidth`), breaking only between words:
 * nothing is ever cut or left out. A single word wider than `maxWidth` gets a line of its own
 * (wider than asked): callers size their frame from the lines' real widths (`linesWidth`).
 */
export function wrapText(text: string, maxWidth: number, fontSize: number, bold = false): string[] {
  const words = text.split(/\s+/).filter(Boolean)
  const lines: string[] = []
  let line = ''
  for (const word of words) {
    const next = line ? `${line} ${word}` : word
    if (!line || textWidth(next, fontSize, bold) <= maxWidth) {
      line = next
      continue
    }
    lines.push(line)
    line = word
  }
  if (line) lines.push(line)
  return lines
}

/** The width in px of the widest of `lines` (0 for none). */
export function linesWidth(lines: readonly string[], fontSize: number, bold = false): number {
  return lines.reduce((widest, line) => Math.max(widest, textWidth(line, fontSize, bold)), 0)
}

/** A stretch of text that belongs to one thing (a place, a figure), or to none. */
export interface Run<K> {
  text: string
  key: K
}

/**
 * Wraps runs of text as `wrapText` wraps one (between words only, nothing cut), keeping each
 * word with its run's key: each line is a list of runs, neighbouring words of one run merged.
 */
export function wrapRuns<K>(
  runs: readonly Run<K>[],
  maxWidth: number,
  fontSize: number,
  bold = false,
): Run<K>[][] {
  const words = runs.flatMap((run) =>
    run.text
      .split(/(?<=\s)/)
      .filter((w) => w.trim())
      .map((w) => ({ text: w, key: run.key })),
  )
  const lines: Run<K>[][] = []
  let line: Run<K>[] = []
  let text = ''
  for (const word of words) {
    const next = `${text}${word.text}`
    if (line.length && textWidth(next.trimEnd(), fontSize, bold) > maxWidth) {
      lines.push(line)
      line = []
      text = ''
    }
    text += word.text
    const last = line[line.length - 1]
    if (last && last.key === word.key) last.text += word.text
    else line.push({ ...word })
  }
  if (line.length) lines.push(line)
  for (const l of lines) {
    const last = l[l.length - 1]!
    last.text = last.text.trimEnd()
  }
  return lines
}
