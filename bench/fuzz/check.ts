// What every fuzzed response must be: never a 5xx; under /api every error is RFC 9457
// problem+json with type, title, status and detail, its type one the API documents at
// /api/v1/problems, and a 405 says in Allow what the path takes; no body shows a stack trace or
// SQL; no HTML page carries markup the request injected; admin routes never answer with CORS
// headers.
import type { FuzzCase } from './generate'
import { HTML_MARKERS } from './payloads'

export interface Reply {
  status: number
  headers: Headers
  text: string
}

const STACK = [
  /^\s+at .+:\d+:\d+\)?$/m,
  /\bat (?:async )?[\w$.<>]+ \([^)]*:\d+:\d+\)/,
  /\b(?:TypeError|ReferenceError|RangeError|SyntaxError|EvalError|URIError|Error): .+\n\s+at /,
  /node_modules\//,
  /\.(?:ts|mjs|cjs):\d+:\d+/,
]

const SQL = [
  /\bSELECT\b[^\n]{0,200}\bFROM\b/,
  /\bINSERT INTO\b/,
  /\bDELETE FROM\b/,
  /\bUPDATE\s+\w+\s+SET\b/,
  /\bCREATE (?:TABLE|INDEX|TRIGGER)\b/,
  /sqlite/i,
  /D1_ERROR|D1_EXEC_ERROR/,
  /constraint failed/i,
  /no such (?:table|column)/i,
  /syntax error/i,
]

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

/** The response text without anything the request itself carried (quoting it back is fine). */
export function withoutEchoes(text: string, c: FuzzCase): string {
  const pieces = new Set<string>()
  const add = (s: string) => {
    if (s.length < 3) return
    pieces.add(s)
    pieces.add(JSON.stringify(s).slice(1, -1))
  }
  // The path as sent, and as the worker's URL parser re-encodes it (links.self quotes that form).
  const parsed = new URL(c.path, 'http://fuzz.invalid')
  const forms = [c.path, parsed.pathname + parsed.search]
  for (const form of forms) add(form)
  add(safeDecode(c.path))
  for (const part of forms.flatMap((form) => form.split(/[/?&=]/))) {
    add(part)
    add(safeDecode(part))
    add(safeDecode(part.replace(/\+/g, ' ')))
  }
  for (const e of c.echoes) {
    add(e)
    add(e.trim())
    add(safeDecode(e))
  }
  let out = text
  for (const piece of [...pieces].sort((a, b) => b.length - a.length))
    out = out.replaceAll(piece, '')
  return out
}

/**
 * What is wrong with a reply, as sentences (none when it is fine). `problemTypes` holds the
 * slugs of the documented problem types; when given, a problem of any other type is a failure.
 */
export function checkReply(
  c: FuzzCase,
  reply: Reply,
  problemTypes?: ReadonlySet<string>,
): string[] {
  const failures: string[] = []
  const type = reply.headers.get('Content-Type') ?? ''
  // The path as the worker sees it: URL parsing resolves dot segments such as /admin/../.
  const path = new URL(c.path, 'http://fuzz.invalid').pathname
  const api = path === '/api' || path.startsWith('/api/')
  const admin = path === '/api/v1/admin' || path.startsWith('/api/v1/admin/')
  if (reply.status >= 500) failures.push(`status ${reply.status}`)

  if (api && reply.status >= 400) {
    if (!/^application\/problem\+json/.test(type)) {
      failures.push(`error ${reply.status} is ${type || 'untyped'}, not application/problem+json`)
    } else if (c.method !== 'HEAD') {
      try {
        const body = JSON.parse(reply.text) as Record<string, unknown>
        for (const key of ['type', 'title', 'detail'] as const) {
          if (typeof body[key] !== 'string' || !(body[key] as string).length) {
            failures.push(`problem without ${key}`)
          }
        }
        if (body.status !== reply.status) {
          failures.push(`problem status ${String(body.status)} differs from ${reply.status}`)
        }
        const slug = /^\/api\/v1\/problems\/([a-z-]+)$/.exec(String(body.type))?.[1]
        if (problemTypes && !(slug && problemTypes.has(slug))) {
          failures.push(`problem type ${String(body.type)} is not documented at /api/v1/problems`)
        }
      } catch {
        failures.push('problem+json body is not JSON')
      }
    }
  }

  // The API's own 405s (static files are answered by the platform's asset server, not the worker).
  if (api && reply.status === 405 && !reply.headers.get('Allow')) {
    failures.push('405 without an Allow header')
  }

  const scanned = withoutEchoes(reply.text.slice(0, 300_000), c)
  for (const pattern of STACK) {
    if (pattern.test(scanned)) failures.push(`stack trace in body (${pattern.source})`)
  }
  for (const pattern of SQL) {
    if (pattern.test(scanned)) failures.push(`SQL text in body (${pattern.source})`)
  }
  if (/^text\/html/.test(type)) {
    for (const marker of HTML_MARKERS) {
      if (reply.text.includes(marker)) failures.push(`injected markup in HTML: ${marker}`)
    }
  }
  if (admin && reply.headers.has('Access-Control-Allow-Origin')) {
    failures.push('admin route answered with Access-Control-Allow-Origin')
  }
  if (reply.status !== 304 && !reply.headers.get('X-Content-Type-Options')) {
    failures.push('no X-Content-Type-Options header')
  }
  return failures
}
