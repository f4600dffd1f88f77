// Body text is sanitised with an allow-list on its way out, inside the real runtime.
import { describe, expect, it } from 'vitest'
import { bodyToHtml } from '../../worker/lib/rich-text'

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
