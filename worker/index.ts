// The worker's entry point: the isolate's memo of finished public responses
// (http/response-memo.ts) answers a repeated cached read (GET or HEAD of the public data at the
// current data version) without routing, middleware or any I/O; everything else goes to the app
// (app.ts: routes, middleware, the edge cache), whose answer the memo may then keep.
import app from './app'
import { answerFromMemo, keepInMemo } from './http/response-memo'

/** The worker's handlers: `fetch` answers every request (the memo's answer, else the app's). */
const worker = {
  fetch(request: Request, env: Env, ctx: ExecutionContext): Response | Promise<Response> {
    const memo = answerFromMemo(request)
    if (memo) return memo
    return Promise.resolve(app.fetch(request, env, ctx)).then((response) => {
      keepInMemo(request, ctx, response)
      return response
    })
  },
} satisfies ExportedHandler<Env>

export default worker
