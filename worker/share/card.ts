// How a share card is laid out: its words (worker/shared/share-card.ts) in a tree of plain
// elements in the shape satori reads (type + props, no React). Pure: no platform code, no fonts,
// no rendering (render.ts turns the tree into a PNG).
import { CARD_HEIGHT, CARD_WIDTH, type CardText } from '../shared/share-card'

/** One element of the layout tree, as satori reads it. */
export interface CardElement {
  type: 'div'
  props: {
    style: Record<string, string | number>
    children?: string | CardElement | (string | CardElement)[]
  }
}

/** The page's colours (web/src/styles/tokens.css): ink, muted text, accent, background, rule. */
const COLOURS = {
  ink: '#1b1b1b',
  muted: '#595959',
  accent: '#a33a00',
  bg: '#fcfbf7',
  rule: '#d9d6cf',
} as const

/** The font families render.ts loads, by role. */
export const CARD_FONTS = { serif: 'Source Serif 4', sans: 'Source Sans 3' } as const

const div = (
  style: CardElement['props']['style'],
  children?: CardElement['props']['children'],
): CardElement => ({ type: 'div', props: children === undefined ? { style } : { style, children } })

/** Lines of text clamped with an ellipsis (satori's lineClamp), never cut mid-word. */
const clamped = (lines: number, style: CardElement['props']['style'], text: string) =>
  div({ display: 'block', lineClamp: lines, overflow: 'hidden', ...style }, text)

/**
 * The card's layout: an accent rule on the left, the kicker, the headline (serif, up to four
 * lines), the key figure and the places or dek (sans), and the footer. Long text is clamped with
 * an ellipsis, so a card never overflows whatever an editor writes.
 */
export function cardLayout(card: CardText): CardElement {
  const headlineSize = card.headline.length > 110 ? 52 : card.headline.length > 60 ? 60 : 68
  const body: CardElement[] = [
    clamped(
      1,
      {
        fontFamily: CARD_FONTS.sans,
        fontWeight: 700,
        fontSize: 30,
        letterSpacing: 1,
        textTransform: 'uppercase',
        color: COLOURS.accent,
      },
      card.kicker,
    ),
    clamped(
      card.figure ? 3 : 4,
      {
        marginTop: 20,
        fontFamily: CARD_FONTS.serif,
        fontWeight: 700,
        fontSize: headlineSize,
        lineHeight: 1.12,
        color: COLOURS.ink,
      },
      card.headline,
    ),
  ]
  if (card.figure) {
    body.push(
      clamped(
        2,
        {
          marginTop: 28,
          fontFamily: CARD_FONTS.sans,
          fontWeight: 700,
          fontSize: 38,
          lineHeight: 1.2,
          color: COLOURS.ink,
        },
        card.figure,
      ),
    )
  }
  if (card.detail) {
    body.push(
      clamped(
        card.figure ? 1 : 3,
        {
          marginTop: 16,
          fontFamily: CARD_FONTS.sans,
          fontWeight: 400,
          fontSize: 30,
          lineHeight: 1.3,
          color: COLOURS.muted,
        },
        card.detail,
      ),
    )
  }
  return div(
    {
      display: 'flex',
      width: CARD_WIDTH,
      height: CARD_HEIGHT,
      backgroundColor: COLOURS.bg,
    },
    [
      div({ width: 24, height: CARD_HEIGHT, backgroundColor: COLOURS.accent }),
      div(
        {
          display: 'flex',
          flexDirection: 'column',
          justifyContent: 'space-between',
          width: CARD_WIDTH - 24,
          height: CARD_HEIGHT,
          padding: '56px 72px 44px 64px',
        },
        [
          div({ display: 'flex', flexDirection: 'column' }, body),
          div(
            {
              display: 'flex',
              flexDirection: 'column',
              paddingTop: 16,
              borderTop: `2px solid ${COLOURS.rule}`,
              fontFamily: CARD_FONTS.sans,
              fontSize: 24,
              lineHeight: 1.3,
              color: COLOURS.muted,
            },
            [
              clamped(1, { fontWeight: 700, color: COLOURS.ink }, card.footer[0]),
              clamped(1, { fontWeight: 400 }, card.footer[1]),
            ],
          ),
        ],
      ),
    ],
  )
}
