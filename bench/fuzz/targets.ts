// What the fuzzer aims at: every public and every admin route (both read from the worker's own
// OpenAPI document, so a new route is fuzzed without a change here), the page, the docs, static
// files and addresses that do not exist.

export type VocabKey =
  | 'events'
  | 'places'
  | 'actors'
  | 'outlets'
  | 'categories'
  | 'chapters'
  | 'problems'
  | 'figures'
  | 'notes'
  | 'quotes'
  | 'revisions'

export interface ParamSpec {
  name: string
  /** Values the route accepts (an enum), if it has a fixed list. */
  values?: string[]
  /** Where valid values come from, for ids. */
  vocab?: VocabKey
  /** A hint for plausible values. */
  format?: 'date' | 'date-time' | 'integer' | 'fields' | 'text'
}

export type Area = 'public' | 'admin' | 'page' | 'docs' | 'static' | 'unknown'

export interface Target {
  method: string
  /** A path template: {name} is filled from `pathParams`. */
  template: string
  area: Area
  pathParams: ParamSpec[]
  query: ParamSpec[]
  /** The editable table an admin route belongs to (its rows fill `{id}`, its schema the body). */
  table?: string
  /** What an admin write's body is. */
  body?: 'create' | 'patch' | 'story' | 'validate'
  /** The write needs the row's version in If-Match. */
  versioned?: boolean
  /** The create takes an Idempotency-Key. */
  idempotent?: boolean
}

interface OpenApiParameter {
  name: string
  in: string
  schema?: { type?: string; format?: string; enum?: string[]; items?: { enum?: string[] } }
}

interface OpenApiOperation {
  parameters?: OpenApiParameter[]
  requestBody?: unknown
}

interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>
}

const ADMIN = '/api/v1/admin'
const isAdmin = (path: string) => path === ADMIN || path.startsWith(`${ADMIN}/`)

const VOCAB_BY_NAME: Record<string, VocabKey> = {
  category: 'categories',
  place: 'places',
  actor: 'actors',
  outlet: 'outlets',
  event: 'events',
  id: 'events',
  slug: 'problems',
}

function paramSpec(p: OpenApiParameter): ParamSpec {
  const values = p.schema?.enum ?? p.schema?.items?.enum
  if (values) return { name: p.name, values }
  const vocab = VOCAB_BY_NAME[p.name]
  if (vocab) return { name: p.name, vocab }
  const format =
    p.name === 'fields'
      ? 'fields'
      : p.schema?.type === 'integer'
        ? 'integer'
        : p.name === 'from' || p.name === 'to'
          ? 'date'
          : p.name === 'updated_since'
            ? 'date-time'
            : 'text'
  return { name: p.name, format }
}

/** The public routes of the document (every path outside /api/v1/admin). */
export function publicTargets(doc: OpenApiDocument): Target[] {
  const targets: Target[] = []
  for (const [path, operations] of Object.entries(doc.paths)) {
    if (isAdmin(path)) continue
    for (const [method, op] of Object.entries(operations)) {
      const params = op.parameters ?? []
      targets.push({
        method: method.toUpperCase(),
        template: path,
        area: path.startsWith('/api/docs') ? 'docs' : 'public',
        pathParams: params.filter((p) => p.in === 'path').map(paramSpec),
        query: params.filter((p) => p.in === 'query').map(paramSpec),
      })
    }
  }
  if (targets.length < 10) throw new Error('the OpenAPI document lists too few routes to fuzz')
  return targets
}

/** What kind of body an admin write takes, from its path and method. */
function bodyKind(path: string, method: string): Target['body'] {
  if (path === `${ADMIN}/validate`) return 'validate'
  if (path === `${ADMIN}/story`) return 'story'
  return method === 'post' ? 'create' : 'patch'
}

/**
 * The write API's routes of the document: each table's routes at its own paths (the table is
 * the path's first segment, its rows fill `{id}`), revision ids for a revision's `{id}`, the
 * body each write takes, and whether it needs If-Match or takes an Idempotency-Key.
 */
export function adminTargets(doc: OpenApiDocument): Target[] {
  const targets: Target[] = []
  for (const [path, operations] of Object.entries(doc.paths)) {
    if (!isAdmin(path)) continue
    const first = path.slice(ADMIN.length + 1).split('/')[0]!
    const table = first in ROW_VOCAB ? first : undefined
    for (const [method, op] of Object.entries(operations)) {
      const params = op.parameters ?? []
      const header = (name: string) => params.some((p) => p.in === 'header' && p.name === name)
      targets.push({
        method: method.toUpperCase(),
        template: path,
        area: 'admin',
        table,
        pathParams: params
          .filter((p) => p.in === 'path')
          .map((p) => ({ name: p.name, vocab: table ? ROW_VOCAB[table] : 'revisions' })),
        query: params.filter((p) => p.in === 'query').map(paramSpec),
        body: op.requestBody ? bodyKind(path, method) : undefined,
        versioned: header('If-Match'),
        idempotent: header('Idempotency-Key'),
      })
    }
  }
  if (targets.length < 20)
    throw new Error('the OpenAPI document lists too few admin routes to fuzz')
  return targets
}

export const OTHER_TARGETS: Target[] = [
  {
    method: 'GET',
    template: '/',
    area: 'page',
    pathParams: [],
    query: [{ name: 'event', vocab: 'events' }],
  },
  { method: 'GET', template: '/api/docs/init.js', area: 'docs', pathParams: [], query: [] },
  { method: 'GET', template: '/editor', area: 'static', pathParams: [], query: [] },
  { method: 'GET', template: '/favicon.svg', area: 'static', pathParams: [], query: [] },
  {
    method: 'GET',
    template: '/assets/{name}',
    area: 'static',
    pathParams: [{ name: 'name', format: 'text' }],
    query: [],
  },
  {
    method: 'GET',
    template: '/api/v1/admin/{name}',
    area: 'admin',
    pathParams: [{ name: 'name', format: 'text' }],
    query: [],
  },
  {
    method: 'PATCH',
    template: '/api/v1/admin/{name}/{id}',
    area: 'admin',
    pathParams: [
      { name: 'name', format: 'text' },
      { name: 'id', format: 'text' },
    ],
    query: [],
  },
  {
    method: 'GET',
    template: '/api/v1/{name}',
    area: 'unknown',
    pathParams: [{ name: 'name', format: 'text' }],
    query: [],
  },
  {
    method: 'GET',
    template: '/api/{name}',
    area: 'unknown',
    pathParams: [{ name: 'name', format: 'text' }],
    query: [],
  },
]

/** Which admin table a row-id parameter draws from. */
export const ROW_VOCAB: Record<string, VocabKey> = {
  events: 'events',
  figures: 'figures',
  notes: 'notes',
  quotes: 'quotes',
  places: 'places',
  actors: 'actors',
  outlets: 'outlets',
  chapters: 'chapters',
}
