// Body text is sanitised with an allow-list on its way out, and balanced, inside the real runtime.
import { parse, parseFragment, serialize, type DefaultTreeAdapterTypes as Html } from 'parse5'
import { describe, expect, it } from 'vitest'
import { balancedHtml, bodyToHtml } from '../../worker/lib/rich-text'
import { STRINGS } from '../../bench/fuzz/payloads'

/** Bodies that try to break out of the element the page puts them in, or leave one open. */
const HOSTILE = [
  '</li>',
  '</ul></section>',
  '<p><li>',
  '<ul><li>unclosed',
  '<li>a</p>b</li>',
  '</p>',
  'text</p>more',
  '<ul><li>one</p><li>two</ul>',
  '<!-- a comment -->',
  '<!--',
  'before <!-- unclosed comment',
  '--> after',
  'a <b>bold <i>both</b> italic</i>',
  '</div></article></li></ol></section></main>',
  '<blockquote><p>quoted',
  '<a href="https://x.example">a <a href="https://y.example">b</a></a>',
  '</br>',
  '<code><ul></code>',
  '<ol><li><blockquote></li></ol>',
  '* item\n\n</li></ol>\n\n* next',
  '<p>one<p>two</p></p>',
  '<em><p>crossed</em></p>',
]

const children = (node: Html.ParentNode) =>
  node.childNodes.filter((n): n is Html.Element => 'tagName' in n)

/** The body as the page holds it: inside a step's div, inside its list item, before the next one. */
function inPage(fragment: string) {
  const document = parse(
    `<!doctype html><ol id="steps"><li id="step"><article><div id="body">${fragment}</div></article></li><li id="next">next</li></ol><p id="after">after</p>`,
  )
  const found: Record<string, Html.Element> = {}
  const walk = (node: Html.ParentNode) => {
    for (const child of children(node)) {
      const id = child.attrs.find((a) => a.name === 'id')?.value
      if (id && !found[id]) found[id] = child
      walk(child)
    }
  }
  walk(document)
  return found
}

/** Every start tag (but void ones) has its end tag, in order. */
function tagsBalance(html: string): boolean {
  const open: string[] = []
  for (const [, close, name] of html.matchAll(/<(\/?)([a-z][a-z0-9]*)[^>]*>/gi)) {
    const tag = name!.toLowerCase()
    if (tag === 'br') continue
    if (!close) open.push(tag)
    else if (open.pop() !== tag) return false
  }
  return open.length === 0
}

describe('bodyToHtml', () => {
  it('renders basic Markdown', () => {
    expect(bodyToHtml('Police say **more than 1,480** were *released*.')).toBe(
      '<p>Police say <strong>more than 1,480</strong> were <em>released</em>.</p>',
    )
    expect(bodyToHtml('[VOD](https://vodenglish.news/ "VOD English")')).toBe(
      '<p><a href="https://vodenglish.news/" title="VOD English">VOD</a></p>',
    )
  })

  it('keeps plain text as text', () => {
    expect(bodyToHtml('Raids in 10 provinces & more than 600 complaints')).toBe(
      '<p>Raids in 10 provinces &amp; more than 600 complaints</p>',
    )
  })

  it('removes scripts, handlers and dangerous URLs', () => {
    const inputs = [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '<a href="javascript:alert(1)">x</a>',
      '[x](javascript:alert(1))',
      '<iframe src="https://evil.example"></iframe>',
      '<svg onload=alert(1)>',
      '<a href="https://ok.example" onclick="alert(1)">ok</a>',
      '<p style="background:url(javascript:alert(1))">styled</p>',
    ]
    for (const input of inputs) {
      const html = bodyToHtml(`Before ${input} after`)
      // Only allowed elements remain (anything else is escaped to text or dropped), and no
      // element carries a handler, a style or a script URL.
      for (const [, name, attributes] of html.matchAll(/<\/?([a-z0-9]+)([^>]*)>/gi)) {
        expect(['p', 'a'], input).toContain(name!.toLowerCase())
        expect(attributes, input).not.toMatch(/\bon\w+=|style=|javascript:/i)
      }
      expect(html, input).not.toMatch(/<(script|img|iframe|svg)/i)
      expect(html, input).toContain('Before')
    }
  })
})

describe('balanced HTML', () => {
  it('drops a body of </li> (it closed the step’s own list item on the page)', () => {
    expect(bodyToHtml('</li>')).toBe('')
    // A tag off the allow-list is shown as text; an end tag of an allowed one without its start goes.
    expect(bodyToHtml('</ul></section>')).toBe('&lt;/section&gt;')
    expect(bodyToHtml('Raids continue.</li>')).toBe('<p>Raids continue.</p>')
  })

  it('balances every hostile fragment, and a browser reading it in the page keeps the step whole', () => {
    for (const body of [...HOSTILE, ...STRINGS]) {
      const html = bodyToHtml(body)
      expect(tagsBalance(html), `${JSON.stringify(body)} -> ${html}`).toBe(true)
      expect(html, body).not.toMatch(/<!--|-->/)
      // Read again, it is the same tree: the server's HTML and the browser's DOM agree.
      expect(balancedHtml(html), body).toBe(html)
      const page = inPage(html)
      expect(serialize(page.body!), body).toBe(html)
      expect(
        children(page.steps!).map((li) => li.attrs[0]?.value),
        body,
      ).toEqual(['step', 'next'])
      expect(page.after, body).toBeDefined()
    }
  })

  it('splits misnested elements as a browser does and keeps their text', () => {
    expect(bodyToHtml('<p><li>')).toBe('<p></p><li></li>')
    expect(bodyToHtml('a <b>bold <i>both</b> italic</i>')).toBe(
      '<p>a <b>bold <i>both</i></b><i> italic</i></p>',
    )
    expect(bodyToHtml('<ul><li>unclosed')).toBe('<ul><li>unclosed</li></ul>')
    expect(bodyToHtml('<!-- a comment -->kept')).toBe('kept')
  })

  it('keeps well-formed bodies as they were', () => {
    for (const body of [
      'Police say **more than 1,480** were *released*.',
      '- one\n- two\n\n> quoted',
      '1. first\n2. second with [a link](https://example.org)',
      'Line one  \nline two',
    ]) {
      const html = bodyToHtml(body)
      const fragment = parseFragment(html)
      expect(serialize(fragment)).toBe(html)
      expect(tagsBalance(html)).toBe(true)
    }
  })
})
