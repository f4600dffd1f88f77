// Text measured without a DOM: the chart models place and cut labels by an estimate of their
// width, so that the server and the browser lay a chart out the same way.

/**
 * Approximate width in px of a line of sans-serif text: the average glyph is about 0.56 em,
 * 0.62 em in bold.
 */
export function textWidth(text: string, fontSize: number, bold = false): number {
  return text.length * fontSize * (bold ? 0.62 : 0.56)
}

/** Splits text into at most maxLines lines that fit maxWidth; the last one ends in '…' if cut. */
export function wrapText(text: string, maxWidth: number, fontSize: number, maxLines = 2): string[] {
  const perLine = Math.max(4, Math.floor(maxWidth / (fontSize * 0.56)))
  const fit = (s: string) => (s.length <= perLine ? s : `${s.slice(0, perLine - 1).trimEnd()}…`)
  const words = text.split(/\s+/).filter(Boolean)
  if (maxLines <= 1) return [fit(words.join(' '))]
  const lines: string[] = []
  let line = ''
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!
    const next = line ? `${line} ${word}` : word
    if (next.length <= perLine) {
      line = next
      continue
    }
    if (line) lines.push(line)
    line = word.length > perLine ? `${word.slice(0, perLine - 1)}…` : word
    if (lines.length === maxLines - 1) {
      line = fit(words.slice(i).join(' '))
      break
    }
  }
  if (line) lines.push(line)
  return lines
}
