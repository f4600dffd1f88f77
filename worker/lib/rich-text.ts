// Body text: editors may write basic Markdown (or the same small HTML subset). It becomes HTML here,
// and the HTML goes through an allow-list sanitiser (js-xss) on its way out. Plain-text fields never
// pass through this: they are escaped wherever they are shown.
import { Marked } from 'marked'
import xssModule from 'xss'

// js-xss is CommonJS: its named exports hang off the default export.
const { FilterXSS, escapeAttrValue } = xssModule as unknown as typeof import('xss')

const markdown = new Marked({ gfm: true, breaks: false, async: false })

const SAFE_URL = /^(https?:|mailto:)/i

const sanitiser = new FilterXSS({
  allowList: {
    p: [],
    br: [],
    strong: [],
    em: [],
    b: [],
    i: [],
    a: ['href', 'title'],
    ul: [],
    ol: [],
    li: [],
    blockquote: [],
    code: [],
  },
  // Anything not on the list is removed with its content when it can carry code, escaped otherwise.
  stripIgnoreTagBody: ['script', 'style', 'iframe', 'object', 'embed', 'template', 'noscript'],
  allowCommentTag: false,
  css: false,
  safeAttrValue(tag, name, value) {
    if (tag === 'a' && name === 'href') {
      const url = value.trim()
      return SAFE_URL.test(url) ? escapeAttrValue(url) : ''
    }
    return escapeAttrValue(value)
  },
})

/** Markdown (or a small HTML subset) -> sanitised HTML. */
export function bodyToHtml(body: string): string {
  return sanitiser.process(markdown.parse(body) as string).trim()
}
