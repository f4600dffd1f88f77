// Reads go through one D1 session per request, so a deployed worker may answer from a nearby
// read replica, and every read of one request sees the same state of the database.
import type { Context } from 'hono'
import type { AppEnv } from './types'

export function readSession(c: Context<AppEnv>): D1DatabaseSession {
  let session = c.get('db')
  if (!session) {
    session = c.env.DB.withSession('first-unconstrained')
    c.set('db', session)
  }
  return session
}
