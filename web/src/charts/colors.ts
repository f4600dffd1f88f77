// Colours come from the page's tokens (CSS custom properties); these fallbacks, dark enough for
// 3:1 against white and told apart under the common colour-vision deficiencies, apply when a
// token is missing.
const FALLBACK = [
  '#0a5fa8',
  '#b34700',
  '#00734f',
  '#9a3d8a',
  '#6b5a00',
  '#3d3a8f',
  '#8c2a3f',
  '#4a4a4a',
] as const

/** The fill for a category, e.g. 'var(--color-category-raids, #0a5fa8)'. */
export function categoryColor(categoryId: string, position: number): string {
  const fallback = FALLBACK[Math.abs(position) % FALLBACK.length]!
  return `var(--color-category-${categoryId}, ${fallback})`
}

export const INK = 'var(--color-ink, #1a1a1a)'
export const MUTED = 'var(--color-muted, #5c5c5c)'
export const ACCENT = 'var(--color-accent, #a3360c)'
export const SURFACE = 'var(--color-surface, #f3f1ec)'
