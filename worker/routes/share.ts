// The share cards the story page names in og:image: /share/<event-id>.png and /share/story.png.
import { Hono } from 'hono'
import type { AppEnv } from '../lib/types'
import { serveCard } from '../share/serve'

export const share = new Hono<AppEnv>()

share.get('/:file', serveCard)
