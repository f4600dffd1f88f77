// The story page at "/" (deep links: /?event=<id> and /#event-<id>), rendered on the server.
import { Hono } from 'hono'
import type { AppEnv } from '../lib/types'
import { servePage } from '../ssr/page'

export const page = new Hono<AppEnv>()

page.get('/', servePage)
