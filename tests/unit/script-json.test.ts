// The JSON embedded in the page's <script> element: the same value back, and nothing in the text
// that the HTML parser could read as the end of the element or the start of a comment.
import { describe, expect, test } from 'vitest'
import { scriptJson } from '../../web/src/story/json'

const hostile = [
  '</script><script>alert(1)</script>',
  '<!-- a comment --> and <![CDATA[ ]]>',
  'Tom & Jerry > 3 < 4',
  'line\u2028separator and paragraph\u2029separator',
  'Jürgen Stock, ភ្នំពេញ, 🇰🇭',
  '',
]

describe('scriptJson', () => {
  test.each(hostile)('gives the same value back: %j', (text) => {
    const value = { headline: text, list: [text, { nested: text }], n: 1.5, none: null }
    const json = scriptJson(value)
    expect(JSON.parse(json)).toEqual(value)
  })

  test('leaves no character that could close the element or open a comment', () => {
    const json = scriptJson({ all: hostile })
    expect(json).not.toMatch(/[<>&\u2028\u2029]/)
    expect(json.toLowerCase()).not.toContain('</script')
    expect(json).toContain('\\u003c/script\\u003e')
  })
})
