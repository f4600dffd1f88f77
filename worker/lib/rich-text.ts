// Body text: editors may write basic Markdown (or the same small HTML subset). It becomes HTML here,
// the HTML goes through an allow-list sanitiser (js-xss) on its way out, and then through an HTML
// parser (parse5) and back, so every fragment the API or the page serves is balanced: no end tag
// without its start (a body of `</li>` would close the page's own list item), no element left
// open. Plain-text fields never pass through this: they are escaped wherever they are shown.
import { Marked } from 'marked'
import {
  defaultTreeAdapter,
  html as parse5Html,
  parseFragment,
  serialize,
  type DefaultTreeAdapterTypes as Html,
} from 'parse5'
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

/**
 * Where a fragment is parsed: inside a `div`, as the page shows a body (Step.svelte's
 * `.step__body`) and as TimelineJS shows a slide's text.
 */
const CONTEXT = defaultTreeAdapter.createElement('div', parse5Html.NS.HTML, [])

/**
 * An HTML fragment as a browser would read it inside a `div`, written back out: parse5 parses as
 * the HTML standard says browsers do (its tree-construction rules, error recovery included), so
 * what comes out is balanced, and a browser reading it again builds the same tree: stray end
 * tags (`</li>`, `</ul></section>`) are dropped, unclosed elements closed, misnested ones
 * (`<p><li>`) split as a browser splits them, and comments dropped. Text is re-escaped.
 */
export function balancedHtml(fragment: string): string {
  const tree = parseFragment(CONTEXT, fragment, {})
  withoutComments(tree)
  return serialize(tree)
}

function withoutComments(node: Html.ParentNode): void {
  node.childNodes = node.childNodes.filter((child) => !defaultTreeAdapter.isCommentNode(child))
  for (const child of node.childNodes) if ('childNodes' in child) withoutComments(child)
}

/** Markdown (or a small HTML subset) -> sanitised, balanced HTML. */
export function bodyToHtml(body: string): string {
  return balancedHtml(sanitiser.process(markdown.parse(body) as string)).trim()
}

const BLOCKS = new Set([
  'p',
  'div',
  'li',
  'ul',
  'ol',
  'blockquote',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
])

/**
 * The text of an HTML fragment (a TimelineJS slide's text, as a Google Sheet holds it), as
 * paragraphs separated by a blank line: parsed by parse5 as a browser would inside a `div`, text
 * kept, tags dropped, a block element (p, div, li, a heading...) or `<br>` ending its paragraph,
 * runs of white space made one space, character references decoded. Nothing of the markup
 * survives, so the result is plain text for a plain-text field.
 */
export function htmlToText(fragment: string): string {
  const paragraphs: string[] = []
  let current = ''
  const close = () => {
    const text = current.replace(/\s+/g, ' ').trim()
    if (text) paragraphs.push(text)
    current = ''
  }
  const walk = (node: Html.ParentNode) => {
    for (const child of node.childNodes) {
      if (defaultTreeAdapter.isTextNode(child)) current += child.value
      else if (defaultTreeAdapter.isElementNode(child)) {
        if (child.tagName === 'br') close()
        else if (BLOCKS.has(child.tagName)) {
          close()
          walk(child)
          close()
        } else if (!['script', 'style', 'template'].includes(child.tagName)) walk(child)
      }
    }
  }
  walk(parseFragment(CONTEXT, fragment, {}))
  close()
  return paragraphs.join('\n\n')
}
