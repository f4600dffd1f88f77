// A share card as a PNG, made at the edge without a browser: satori lays the card out (flexbox,
// line breaking, clamping) and writes it as SVG with the text as outlines; resvg rasterises that
// SVG. Both run as WebAssembly modules the worker bundles (Workers may not compile WebAssembly
// from bytes at run time), and the fonts come from npm packages (Fontsource's Source Serif 4 and
// Source Sans 3, SIL Open Font License 1.1), so nothing is fetched while rendering.
import serif700 from '@fontsource/source-serif-4/files/source-serif-4-latin-700-normal.woff'
import serifExt700 from '@fontsource/source-serif-4/files/source-serif-4-latin-ext-700-normal.woff'
import sans400 from '@fontsource/source-sans-3/files/source-sans-3-latin-400-normal.woff'
import sansExt400 from '@fontsource/source-sans-3/files/source-sans-3-latin-ext-400-normal.woff'
import sans700 from '@fontsource/source-sans-3/files/source-sans-3-latin-700-normal.woff'
import sansExt700 from '@fontsource/source-sans-3/files/source-sans-3-latin-ext-700-normal.woff'
import { Resvg, initWasm } from '@resvg/resvg-wasm'
import resvgWasm from '@resvg/resvg-wasm/index_bg.wasm'
import satori, { init as initSatori, type Font } from 'satori/standalone'
import yogaWasm from 'satori/yoga.wasm'
import { CARD_HEIGHT, CARD_WIDTH, type CardText } from '../shared/share-card'
import { CARD_FONTS, cardLayout } from './card'

const FONTS: Font[] = [
  { name: CARD_FONTS.serif, data: serif700, weight: 700, style: 'normal' },
  { name: CARD_FONTS.serif, data: serifExt700, weight: 700, style: 'normal' },
  { name: CARD_FONTS.sans, data: sans400, weight: 400, style: 'normal' },
  { name: CARD_FONTS.sans, data: sansExt400, weight: 400, style: 'normal' },
  { name: CARD_FONTS.sans, data: sans700, weight: 700, style: 'normal' },
  { name: CARD_FONTS.sans, data: sansExt700, weight: 700, style: 'normal' },
]

// Each isolate instantiates the two modules once; a failed start is retried on the next card.
let ready: Promise<void> | null = null
function start(): Promise<void> {
  ready ??= Promise.all([initSatori(yogaWasm), initWasm(resvgWasm)]).then(
    () => undefined,
    (error: unknown) => {
      ready = null
      throw error
    },
  )
  return ready
}

/** The card as SVG, text drawn as outlines (so the rasteriser needs no fonts of its own). */
export async function cardSvg(card: CardText): Promise<string> {
  await start()
  // satori's types ask for a React node; it reads plain { type, props } objects the same way.
  const tree = cardLayout(card) as unknown as Parameters<typeof satori>[0]
  return satori(tree, { width: CARD_WIDTH, height: CARD_HEIGHT, fonts: FONTS })
}

/** The card as a PNG of CARD_WIDTH x CARD_HEIGHT pixels. */
export async function cardPng(card: CardText): Promise<Uint8Array<ArrayBuffer>> {
  const svg = await cardSvg(card)
  const renderer = new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } })
  try {
    const image = renderer.render()
    try {
      // wasm-bindgen copies the bytes out of WebAssembly memory into a fresh ArrayBuffer.
      return image.asPng() as Uint8Array<ArrayBuffer>
    } finally {
      image.free()
    }
  } finally {
    renderer.free()
  }
}
