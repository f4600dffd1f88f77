// What the fuzzer aims at: every public route (read from the worker's own OpenAPI document, so a
// new route is fuzzed without a change here), every admin route, the page, the docs, static files
// and addresses that do not exist.

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
  /** What an admin write's body is. */
  body?: 'create' | 'patch' | 'story' | 'validate'
  /** The write needs the row's version in If-Match. */
  versioned?: boolean
}

interface OpenApiParameter {
  name: string
  in: string
  schema?: { type?: string; format?: string; enum?: string[]; items?: { enum?: string[] } }
}

interface OpenApiDocument {
  paths: Record<string, Record<string, { parameters?: OpenApiParameter[] }>>
}

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

export function publicTargets(doc: OpenApiDocument): Target[] {
  const targets: Target[] = []
  for (const [path, operations] of Object.entries(doc.paths)) {
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

const TABLE: ParamSpec = {
  name: 'table',
  values: ['events', 'figures', 'notes', 'quotes', 'places', 'actors', 'outlets', 'chapters'],
}
const ROW: ParamSpec = { name: 'id', vocab: 'events' }
const EVENT: ParamSpec = { name: 'id', vocab: 'events' }
const REVISION: ParamSpec = { name: 'rev', vocab: 'revisions' }

const admin = (
  method: string,
  template: string,
  extra: Partial<Target> = {},
  pathParams: ParamSpec[] = [],
): Target => ({
  method,
  template: `/api/v1/admin${template}`,
  area: 'admin',
  pathParams,
  query: [],
  ...extra,
})

export const ADMIN_TARGETS: Target[] = [
  admin('GET', '/me'),
  admin('GET', '/{table}', {}, [TABLE]),
  admin('POST', '/{table}', { body: 'create' }, [TABLE]),
  admin('GET', '/{table}/{id}', {}, [TABLE, ROW]),
  admin('PATCH', '/{table}/{id}', { body: 'patch', versioned: true }, [TABLE, ROW]),
  admin('DELETE', '/{table}/{id}', { versioned: true }, [TABLE, ROW]),
  admin('POST', '/{table}/{id}/restore', { versioned: true }, [TABLE, ROW]),
  admin('GET', '/{table}/{id}/revisions', {}, [TABLE, ROW]),
  admin('POST', '/events/{id}/publish', { versioned: true }, [EVENT]),
  admin('POST', '/events/{id}/unpublish', { versioned: true }, [EVENT]),
  admin('POST', '/revisions/{rev}/restore', { versioned: true }, [REVISION]),
  admin('GET', '/story'),
  admin('PATCH', '/story', { body: 'story', versioned: true }),
  admin('GET', '/story/revisions'),
  admin('GET', '/preview'),
  admin('GET', '/options'),
  admin('POST', '/validate', { body: 'validate' }),
]

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
