// Calls the real worker inside workerd, as one client (one CF-Connecting-IP) per test file, so
// the rate limit of one file never touches another.
import { exports } from 'cloudflare:workers'
import { expect } from 'vitest'

const hex = () => Math.floor(Math.random() * 0x10000).toString(16)
export const CLIENT_IP = `2001:db8::${hex()}:${hex()}`
export const ORIGIN = 'http://example.com'

export function get(path: string, init: RequestInit & { ip?: string } = {}): Promise<Response> {
  const headers = new Headers(init.headers)
  if (!headers.has('CF-Connecting-IP')) headers.set('CF-Connecting-IP', init.ip ?? CLIENT_IP)
  return exports.default.fetch(new Request(`${ORIGIN}${path}`, { ...init, headers }))
}

export async function getJson<T = Record<string, unknown>>(path: string): Promise<T> {
  const res = await get(path)
  expect(res.status, `${path}: ${res.status}`).toBe(200)
  expect(res.headers.get('content-type'), path).toMatch(/^application\/json/)
  return (await res.json()) as T
}

export interface ProblemBody {
  type: string
  title: string
  status: number
  detail: string
  instance?: string
  parameter?: string
  invalid_params?: { name: string; reason: string }[]
}

/** Asserts an RFC 9457 problem with the given status and type slug, and returns it. */
export async function expectProblem(
  res: Response,
  status: number,
  slug: string,
): Promise<ProblemBody> {
  const text = await res.text()
  expect(res.status, text).toBe(status)
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/)
  const body = JSON.parse(text) as ProblemBody
  expect(body).toMatchObject({ type: `/api/v1/problems/${slug}`, status })
  expect(body.title.length).toBeGreaterThan(0)
  expect(body.detail.length).toBeGreaterThan(10)
  // Never a stack trace or SQL text.
  expect(text).not.toMatch(/\bat \w+ \(|SQLITE|D1_ERROR|SELECT |\.ts:\d+/)
  return body
}

export interface ListBody<T> {
  data: T[]
  links: { self: string; next: string | null }
  meta: {
    data_version: number
    generated_at: string
    count: number
    source: { outlet: string } | null
  }
}

/** A path and query from an absolute link the API gave. */
export const pathOf = (link: string) => {
  const url = new URL(link)
  return url.pathname + url.search
}
