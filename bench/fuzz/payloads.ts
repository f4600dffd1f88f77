// Hostile inputs: SQL, HTML and script, Unicode edge cases, odd numbers and dates, and the raw
// (already percent-encoded) forms that a URL can carry but a JavaScript string cannot.

export const SQL = [
  "' OR '1'='1",
  '1; DROP TABLE events; --',
  "' UNION SELECT name, sql FROM sqlite_master --",
  "%' OR 1=1 --",
  "') OR ('x'='x",
  "1' AND sqlite_version() > '0",
  "' || (SELECT load_extension('x')) || '",
  '"; DELETE FROM revisions; --',
  '_%',
  '%%',
  '\\',
  "'",
  '"',
  ';',
  '--',
  '/*',
  '1 OR 1=1',
  '0x27; PRAGMA table_info(events); --',
]

export const HTML = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  'javascript:alert(1)',
  '</script><script>alert(1)</script>',
  '{{7*7}}',
  '${7*7}',
  '<!--',
  ']]>',
  '&lt;&#x27;&quot;',
  '<a href="https://evil.example">x</a>',
  '<iframe src=//evil.example>',
]

export const UNICODE = [
  '\u202Eevil\u202C',
  'ab\u200Fcd',
  'zero\u200Bwidth',
  '\uFEFFbom',
  'e\u0301\u0301\u0301',
  '👩🏽‍🚀',
  'ភ្នំពេញ',
  'سيهانوكفيل',
  'nul\u0000byte',
  '\uFFFF\uFFFE',
  '＜script＞',
  'İıß',
  '١٢٣',
  'Z̸̡̛͎a̷l̶g̴o̵',
  '\u0085next\u2028line\u2029',
]

/** Percent-encoded bytes that are not valid UTF-8 or name a lone surrogate; used raw in URLs. */
export const RAW_ENCODED = [
  '%ED%A0%80',
  '%ED%BF%BF',
  '%C0%AF',
  '%FF%FE',
  '%E2%80%AE',
  '%00',
  '%',
  '%zz',
  '%2',
  '%252e%252e',
  '..%2f..%2f..%2fetc%2fpasswd',
  '%0d%0aSet-Cookie:%20x=1',
  '%uD800',
]

export const NUMBERS = [
  '-1',
  '0',
  '1',
  '100',
  '101',
  '1e309',
  'NaN',
  'Infinity',
  '0x10',
  '1.5',
  '99999999999999999999',
  '-0',
  ' 1',
  '+1',
  '00001',
  '1;DROP TABLE x',
]

export const DATES = [
  '2023-02-30',
  '2023-13-01',
  '0000-00-00',
  '9999-12-31',
  '2022-09-19',
  '2022-09-19T25:00:00Z',
  '2023-06-30T00:00:00Z',
  '2022-09-19T00:00:00+99:00',
  '2022-9-1',
  'yesterday',
  '1970-01-01T00:00:00.000Z',
]

export const LONG = [
  'a'.repeat(201),
  'x'.repeat(4097),
  'z'.repeat(20_000),
  Array.from({ length: 11 }, (_, i) => `word${i}`).join(' '),
]

export const PATH_SEGMENTS = [
  '..',
  '%2e%2e',
  '.',
  '',
  'events%00',
  'admin',
  'UPPER-CASE',
  'a'.repeat(300),
  '9999999999999',
  '-1',
  '0',
  '1.5',
  'null',
  'undefined',
  '__proto__',
  'constructor',
  ';jsessionid=1',
  'x.json',
  '%20',
]

/** Every hostile string that fits in a JavaScript string. */
export const STRINGS = [...SQL, ...HTML, ...UNICODE, ...NUMBERS, ...DATES, ...LONG]

/** Markers whose unescaped appearance in an HTML response would mean injected markup. */
export const HTML_MARKERS = [
  '<script>alert(1)',
  '<img src=x onerror',
  '<svg onload',
  '<iframe src=//evil',
  '<a href="https://evil.example"',
]

/**
 * Text an editor's body may carry into any field: markup, fragments that close the page's own
 * elements, bidirectional controls, lone surrogates and the other Unicode edge cases.
 */
export const HOSTILE_TEXT = [
  ...HTML,
  ...UNICODE,
  '</li>',
  '</ul></section>',
  '<p><li>',
  'Raids go on.</li></ol>',
  'Kandal\u202E',
  '\u2067isolate',
  'x\uD800y',
  '\uDC00',
  'e\u0301 ok',
]
